import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test as base } from '@playwright/test'

const ROOT = resolve(__dirname, '..')
export const SHOTS = join(ROOT, 'test-results', 'screenshots')

/** Runs the real CLI (the same one users run) and returns its stdout. */
export function otklik(args: string[], env: NodeJS.ProcessEnv = {}): string {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'otklik.cjs'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env }
  })
  if (r.status !== 0) throw new Error(`otklik ${args.join(' ')} failed (${r.status}): ${r.stderr}`)
  return r.stdout
}

export interface Host {
  url: string
  db: string
  proc: ChildProcess
  stop(): Promise<void>
}

/** Starts `otklik serve` on a database and waits for its one JSON line. */
export async function startHost(db: string): Promise<Host> {
  const proc = spawn(process.execPath, [join(ROOT, 'bin', 'otklik.cjs'), 'serve', '--db', db], {
    stdio: ['ignore', 'pipe', 'inherit']
  })
  const url = await new Promise<string>((resolveUrl, reject) => {
    let buf = ''
    const timer = setTimeout(() => reject(new Error('serve did not print its URL within 60 s')), 60_000)
    proc.stdout!.on('data', (d: Buffer) => {
      buf += d.toString()
      const line = buf.split('\n').find((l) => l.trim().startsWith('{'))
      if (line) {
        clearTimeout(timer)
        resolveUrl((JSON.parse(line) as { url: string }).url)
      }
    })
    proc.once('exit', (code) => reject(new Error(`serve exited with ${code}`)))
  })
  return {
    url,
    db,
    proc,
    stop: () =>
      new Promise((done) => {
        if (proc.exitCode !== null) return done()
        proc.once('exit', () => done())
        proc.kill('SIGTERM')
      })
  }
}

/** A fresh data folder per test file. */
export function freshDir(name: string): string {
  return mkdtempSync(join(tmpdir(), `otklik-e2e-${name}-`))
}

/** Each worker gets one demo workspace, served by the test host. */
export const test = base.extend<object, { demoHost: Host }>({
  demoHost: [
    async ({}, use) => {
      const dir = freshDir('demo')
      const db = join(dir, 'demo.db')
      otklik(['demo', '--db', db, '--until', '2026-11-22', '--json'])
      const host = await startHost(db)
      await use(host)
      await host.stop()
    },
    { scope: 'worker' }
  ]
})
export { expect } from '@playwright/test'
