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
  ['e2e', bin('playwright'), ['test']],
  // The guard against tests that rot with the calendar: the date-sensitive specs again with the machine's
  // clock a year ahead (faketime, Debian's package). Every "today" comes from the one clock, pinned by the
  // fixtures, so they must pass the same.
  [
    'e2e-year-later',
    'faketime',
    [
      '-f',
      '+365d',
      bin('playwright'),
      'test',
      'e2e/reports.spec.ts',
      'e2e/dashboard.spec.ts',
      'e2e/mentions.spec.ts',
      '--grep',
      'digest|dashboard|day|topic|saved view'
    ]
  ]
]
const only = process.argv.slice(2)
const times = []
for (const [name, cmd, args] of stages) {
  if (only.length && !only.includes(name)) continue
  if (name === 'e2e-year-later' && spawnSync('faketime', ['-f', '+0d', 'true']).status !== 0) {
    if (process.env.CI) {
      process.stderr.write('\n✗ e2e-year-later needs faketime (apt-get install faketime)\n')
      process.exit(1)
    }
    process.stderr.write('\n▷ e2e-year-later skipped: faketime is not installed (apt-get install faketime)\n')
    continue
  }
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
