import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test as base, type Page } from '@playwright/test'

const ROOT = resolve(__dirname, '..')
export const SHOTS = join(ROOT, 'test-results', 'screenshots')

/** Runs the real CLI (the same one users run) and returns its stdout. */
export function otklik(args: string[], env: NodeJS.ProcessEnv = {}): string {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'otklik.cjs'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, OTKLIK_NOW: DEMO_NOW_ARG, ...env }
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

/**
 * Starts `otklik serve` on a database and waits for its one JSON line. The host's clock is pinned to the
 * demo's last day (OTKLIK_NOW), as the browser's is, so "last week" and every default period are the
 * demo's whatever the real date is.
 */
export async function startHost(db: string, now: string = DEMO_NOW_ARG): Promise<Host> {
  const proc = spawn(process.execPath, [join(ROOT, 'bin', 'otklik.cjs'), 'serve', '--db', db], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, OTKLIK_NOW: now }
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
      otklik(['demo', '--db', db, '--until', DEMO_UNTIL, '--now', DEMO_NOW_ARG, '--json'])
      const host = await startHost(db)
      await use(host)
      await host.stop()
    },
    { scope: 'worker' }
  ]
})
export { expect } from '@playwright/test'

/** The day the demo workspace ends on; the browser clock is set to it so relative periods are stable. */
export const DEMO_UNTIL = '2026-11-22'
export const DEMO_NOW_ARG = '2026-11-22T15:00+05:00'
export const DEMO_NOW = new Date(DEMO_NOW_ARG)

/** Calls an API channel of a running host directly (setup and clean-up, not what a test checks). */
export async function apiCall<T = unknown>(host: Host, channel: string, input: unknown = {}): Promise<T> {
  const url = new URL(host.url)
  const res = await fetch(`${url.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-otklik-token': url.searchParams.get('token') ?? '' },
    body: JSON.stringify(input)
  })
  const r = (await res.json()) as { ok: boolean; value?: T; error?: { code: string; message: string } }
  if (!r.ok) throw new Error(`${channel}: ${r.error?.code} ${r.error?.message}`)
  return r.value as T
}

type OpenOptions = {
  page?: 'dashboard' | 'mentions' | 'authors' | 'sources' | 'import' | 'reports' | 'settings'
}

/**
 * Opens the app on a host at a given page, with the browser clock on the demo's last day
 * (so "last 30 days" means the demo's weeks whatever the real date is).
 */
export async function openApp(page: Page, host: Host, opts: OpenOptions = {}): Promise<void> {
  await page.clock.setFixedTime(DEMO_NOW)
  await page.addInitScript((p) => {
    if (p && !sessionStorage.getItem('e2e-opened')) {
      localStorage.setItem('otklik.page', JSON.stringify(p))
      sessionStorage.setItem('e2e-opened', '1')
    }
  }, opts.page ?? 'mentions')
  await page.goto(host.url)
  await page.getByTestId('nav-mentions').waitFor()
}

/** Saves a screenshot under test-results/screenshots/ (kept as an artefact). */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`) })
}

/** Puts the shared workspace settings back, so one spec's language or theme never leaks into the next. */
export async function resetSettings(host: Host): Promise<void> {
  await apiCall(host, 'settings:set', { language: 'ru', theme: 'light' })
}
