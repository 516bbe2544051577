/**
 * How the test host answers grid requests while a big import runs: starts `imports:commit` of a
 * Brand Analytics-style CSV through the host's HTTP API and, until it answers, asks for grid pages
 * (`mentions:page`, changing sort, search and depth) and times each answer. Prints max / p95 / median.
 *
 *   node --import tsx bench/import-responsiveness.ts [--rows 100000] [--root /path/to/checkout]
 *
 * `--root` loads the host and the core from another checkout (e.g. one that still imports in the
 * main thread) to measure before and after on the same machine and file. The same probe is what
 * test/core/import-worker.test.ts asserts on.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { request } from 'node:http'
import { generate } from './import-generate'

export interface HostAddress {
  port: number
  token: string
}

export interface ProbeResult {
  /** The commit's answer: {ok, value: BatchReport} or {ok: false, error}. */
  commit: { ok: boolean; value?: { rows: number; inserted: number; batchId: number | null }; error?: unknown }
  importMs: number
  /** Milliseconds per grid answer received while the import ran. */
  samples: number[]
}

/** POSTs one API request to the host and returns its parsed {ok, …} answer (no client timeout: imports take minutes). */
export function call<T = unknown>(
  host: HostAddress,
  channel: string,
  input: unknown = {}
): Promise<{ ok: boolean; value?: T; error?: { code: string; message: string } }> {
  return new Promise((done, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path: `/api/${channel}`,
        method: 'POST',
        headers: {
          host: `127.0.0.1:${host.port}`,
          'content-type': 'application/json',
          'x-otklik-token': host.token
        }
      },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (d: string) => (body += d))
        res.on('end', () => {
          try {
            done(JSON.parse(body))
          } catch (e) {
            fail(e)
          }
        })
      }
    )
    req.on('error', fail)
    req.end(JSON.stringify(input))
  })
}

const PAGES: { filter: Record<string, unknown>; col: string; dir: 'asc' | 'desc' }[] = [
  { filter: {}, col: 'publishedAt', dir: 'desc' },
  { filter: {}, col: 'reach', dir: 'desc' },
  { filter: { search: 'акимат' }, col: 'publishedAt', dir: 'desc' },
  { filter: { sentiments: ['negative'] }, col: 'publishedAt', dir: 'asc' },
  { filter: { platforms: ['telegram', 'vk'] }, col: 'likes', dir: 'desc' }
]

/**
 * Starts the import of `file` on the host and asks for a grid page every `intervalMs` (default 100 ms, a
 * fast scroll; each answer comes from SQL, the host keeps only anchors) until the import
 * answers; each grid answer is timed from request to response.
 */
export async function probeDuringImport(
  host: HostAddress,
  file: string,
  opts: { intervalMs?: number; jobId?: string } = {}
): Promise<ProbeResult> {
  const t0 = performance.now()
  let done = false
  const commit = call<{ rows: number; inserted: number; batchId: number | null }>(host, 'imports:commit', {
    jobId: opts.jobId ?? 'probe',
    path: file
  }).finally(() => (done = true))
  const samples: number[] = []
  for (let i = 0; !done; i++) {
    const p = PAGES[i % PAGES.length]!
    const startRow = ((i * 37) % 20) * 100
    const t = performance.now()
    const r = await call(host, 'mentions:page', {
      filter: p.filter,
      sort: { col: p.col, dir: p.dir },
      startRow,
      endRow: startRow + 100
    })
    if (!r.ok) throw new Error(`mentions:page failed during the import: ${JSON.stringify(r.error)}`)
    if (!done) samples.push(performance.now() - t)
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 100))
  }
  const answer = await commit
  return { commit: answer, importMs: performance.now() - t0, samples }
}

/** max, p95 and median of the samples (ms, one decimal). */
export function summarize(samples: number[]): { n: number; max: number; p95: number; median: number } {
  const s = [...samples].sort((a, b) => a - b)
  const at = (q: number): number => (s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))]! : 0)
  const r1 = (x: number): number => Math.round(x * 10) / 10
  return { n: s.length, max: r1(s[s.length - 1] ?? 0), p95: r1(at(0.95)), median: r1(at(0.5)) }
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}

async function main(): Promise<void> {
  const rows = Number(arg('rows') ?? 100_000)
  const root = resolve(arg('root') ?? join(__dirname, '..'))
  // In the host's uploads folder: the one place the renderer may name a file it did not pick in a dialog.
  const uploads = join(tmpdir(), 'otklik-uploads')
  mkdirSync(uploads, { recursive: true })
  const dir = mkdtempSync(join(uploads, 'bench-resp-'))
  try {
    const file = await generate(rows, 'utf-8', dir)
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { createDemo } = require(join(root, 'src/main/core/demo/index.ts'))
    const { openWorkspaceDatabase, Workspace } = require(join(root, 'src/main/core/workspace.ts'))
    const { createHandlers } = require(join(root, 'src/main/core/api/handlers.ts'))
    const { startTestHost } = require(join(root, 'src/main/host/server.ts'))
    /* eslint-enable @typescript-eslint/no-require-imports */
    const path = join(dir, 'ws.db')
    const db = openWorkspaceDatabase(path, { create: true })
    createDemo(db, { seed: 2, weeks: 4, until: '2026-11-22' })
    const renderer = join(dir, 'renderer')
    mkdirSync(renderer)
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>x</title>')
    const ws = new Workspace(db, path)
    const host = await startTestHost({ ws, handlers: createHandlers(ws, 'browser'), rendererDir: renderer })
    const r = await probeDuringImport(host, file)
    await host.close()
    ws.close()
    const s = summarize(r.samples)
    console.log(
      JSON.stringify({
        root,
        rows,
        inserted: r.commit.value?.inserted ?? null,
        error: r.commit.ok ? undefined : r.commit.error,
        importS: Math.round(r.importMs / 100) / 10,
        gridAnswers: s,
        load: loadavg().map((x) => Math.round(x * 10) / 10)
      })
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] && /import-responsiveness\.ts$/.test(process.argv[1])) {
  main().catch((e) => {
    console.error(e)
    process.exit(1)
  })
}
