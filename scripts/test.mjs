#!/usr/bin/env node
// `npm test`: type check, lint, unit tests (vitest), build, e2e (Playwright in Debian's Chromium through
// the browser test host). Stops at the first failing stage; prints how long each stage took.
import { spawnSync } from 'node:child_process'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const bin = (name) => join(root, 'node_modules', '.bin', name)
const stages = [
  ['typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']],
  ['lint', bin('eslint'), ['.', '--max-warnings', '0']],
  ['unit', bin('vitest'), ['run']],
  [
    'build',
    process.execPath,
    [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build']
  ],
  ['e2e', bin('playwright'), ['test']]
]
const only = process.argv.slice(2)
const times = []
for (const [name, cmd, args] of stages) {
  if (only.length && !only.includes(name)) continue
  const started = Date.now()
  process.stderr.write(`\n▶ ${name}\n`)
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' })
  times.push(`${name} ${((Date.now() - started) / 1000).toFixed(1)} s`)
  if (r.status !== 0) {
    process.stderr.write(`\n✗ ${name} failed (exit ${r.status}). Stage times: ${times.join(', ')}\n`)
    process.exit(r.status ?? 1)
  }
}
process.stderr.write(`\n✓ all stages passed. Stage times: ${times.join(', ')}\n`)
