/**
 * End-to-end import benchmark against baselines measured in the same run, each phase in its own process
 * (so peak memory is per phase):
 *   csvparse  simplest csv-parse + better-sqlite3 loop into a plain table (one transaction)
 *   fts       the same plus a one-column contentless FTS5 index (the index alone)
 *   fts4      the same plus FTS5 as Otklik indexes (normalised title/body + Russian stems)
 *   source    Otklik's reader alone (sniff, decode, tokenize): no mapping, no database
 *   map       reader + mapping to MentionInput: no database
 *   ours      importFile end to end (parse, map, de-duplicate, insert, authors/outlets, FTS)
 *   full      the same with the workspace's analysis (sentiment, language, topics, subjects, stories), as the CLI imports
 *             (from 20,000 rows its pure part runs in a worker beside the writer: analysis/analyse-parallel.ts)
 *   fullhere  `full` with the whole analysis in the importing thread (the code before the analysis worker)
 *
 *   npx tsx bench/import-bench.ts --rows 200000 [--encoding utf-8|windows-1251] [--phases ours,csvparse,...] [--profile]
 *     [--vocab 16]   texts from a 16-word vocabulary (bot floods: near-duplicate candidates pile up)
 *
 * --profile writes a V8 CPU profile of the `ours` phase to bench/out/ and prints the top functions by self time.
 * --breakdown adds `ours` runs without the FTS index, without secondary indexes, without foreign keys.
 */
import { execFileSync } from 'node:child_process'
import { createReadStream, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { parse } from 'csv-parse'
import iconv from 'iconv-lite'
import { ensureData } from './import-generate'
import { openWorkspaceDatabase } from '../src/main/core/workspace'
import { importFile } from '../src/main/core/import'
import { workspaceAnalyzer } from '../src/main/core/analysis/analyzer'
import { ANALYSIS_WORKER } from '../src/main/core/analysis/analyse-parallel'
import { openSource } from '../src/main/core/import/source/open'
import { applyPlan } from '../src/main/core/import/mapping/apply'
import { planFor, resolveOptions } from '../src/main/core/import/resolve'
import { normalizeText } from '../src/shared/text'
import { stemText } from '../src/shared/stem'

type Phase = 'csvparse' | 'fts' | 'fts4' | 'source' | 'map' | 'ours' | 'full' | 'fullhere'
const ALL: Phase[] = ['csvparse', 'fts', 'fts4', 'source', 'map', 'ours', 'full', 'fullhere']

function arg(name: string, def: string): string {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : def
}

function tempDb(tag: string): string {
  const p = join(tmpdir(), `otklik-bench-${tag}-${process.pid}.db`)
  for (const s of ['', '-wal', '-shm']) rmSync(p + s, { force: true })
  return p
}

function dropDb(p: string): void {
  for (const s of ['', '-wal', '-shm']) rmSync(p + s, { force: true })
}

/** csv-parse over an iconv-decoded stream; calls `row` for each data record (header skipped). */
async function csvParseRows(file: string, encoding: string, row: (r: string[]) => void): Promise<number> {
  const input = createReadStream(file, { highWaterMark: 1 << 20 })
  const text = encoding === 'utf-8' ? input : input.pipe(iconv.decodeStream('win1251'))
  const parser = text.pipe(parse({ delimiter: ';', bom: true, from_line: 2, relax_column_count: true }))
  let n = 0
  for await (const r of parser as AsyncIterable<string[]>) {
    row(r)
    n++
  }
  return n
}

async function runPhase(
  phase: Phase,
  file: string,
  encoding: string
): Promise<{ rows: number; extra?: Record<string, unknown> }> {
  if (phase === 'csvparse' || phase === 'fts' || phase === 'fts4') {
    const path = tempDb(phase)
    const db = new Database(path)
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    db.exec(
      'CREATE TABLE m (id INTEGER PRIMARY KEY, date TEXT, time TEXT, hash TEXT, title TEXT, text TEXT, url TEXT, author TEXT)'
    )
    if (phase === 'fts') db.exec("CREATE VIRTUAL TABLE f USING fts5(body, content='', contentless_delete=1)")
    if (phase === 'fts4')
      db.exec(
        'CREATE VIRTUAL TABLE f USING fts5(title, body, title_stems, body_stems, content=\'\', contentless_delete=1, tokenize="unicode61 remove_diacritics 0")'
      )
    const ins = db.prepare(
      'INSERT INTO m (date, time, hash, title, text, url, author) VALUES (?, ?, ?, ?, ?, ?, ?)'
    )
    const fts1 = phase === 'fts' ? db.prepare('INSERT INTO f (rowid, body) VALUES (?, ?)') : null
    const fts4 =
      phase === 'fts4'
        ? db.prepare('INSERT INTO f (rowid, title, body, title_stems, body_stems) VALUES (?, ?, ?, ?, ?)')
        : null
    db.exec('BEGIN')
    const rows = await csvParseRows(file, encoding, (r) => {
      const id = Number(ins.run(r[0], r[1], r[2], r[4], r[5], r[7], r[11]).lastInsertRowid)
      fts1?.run(id, r[5])
      if (fts4) {
        const title = r[4] ?? ''
        const body = r[5] ?? ''
        fts4.run(id, normalizeText(title), normalizeText(body), stemText(title), stemText(body))
      }
    })
    db.exec('COMMIT')
    db.close()
    dropDb(path)
    return { rows }
  }
  if (phase === 'source' || phase === 'map') {
    const resolved = resolveOptions(null, {})
    const src = await openSource(file, resolved.layout)
    const plan = planFor(src, resolved)
    let rows = 0
    let ok = 0
    for await (const batch of src.records()) {
      for (const rec of batch) {
        rows++
        if (phase === 'map' && applyPlan(plan, rec.cells, resolved.tz).ok) ok++
      }
    }
    return { rows, extra: phase === 'map' ? { mapped: ok } : {} }
  }
  const path = tempDb(phase)
  const db = openWorkspaceDatabase(path, { create: true })
  applyVariant(db, process.env.OTKLIK_BENCH_VARIANT ?? '')
  let progressCalls = 0
  let maxGap = 0
  let gapAtRows = 0
  let last = Date.now()
  // CPU seconds of this process when the rows were committed (in the grid): the first progress event saying so.
  let committedCpu: number | null = null
  if (phase === 'fullhere') ANALYSIS_WORKER.fromRows = Infinity
  // the analysis worker's settings to try, e.g. OTKLIK_BENCH_WORKER='{"heapMb":128}'
  Object.assign(ANALYSIS_WORKER, JSON.parse(process.env.OTKLIK_BENCH_WORKER ?? '{}'))
  const r = await importFile(db, file, {
    analyzer: phase === 'full' || phase === 'fullhere' ? workspaceAnalyzer(db) : null,
    onProgress: (p) => {
      if (p.committed && committedCpu === null) {
        const c = process.cpuUsage(cpuAtStart)
        committedCpu = (c.user + c.system) / 1e6
      }
      const now = Date.now()
      if (now - last > maxGap) [maxGap, gapAtRows] = [now - last, p.rowsRead]
      last = now
      progressCalls++
    }
  })
  db.close()
  const size = statSync(path).size + (safeSize(path + '-wal') ?? 0)
  dropDb(path)
  return {
    rows: r.rows,
    extra: {
      committedMs: r.committedMs,
      ...(r.indexedMs !== undefined ? { indexedMs: r.indexedMs } : {}),
      analysedMs: r.analysedMs,
      ...(committedCpu !== null
        ? {
            committedCpuSeconds: +(committedCpu as number).toFixed(2),
            committedRowsPerCpuSec: Math.round(r.rows / (committedCpu as number))
          }
        : {}),
      inserted: r.inserted,
      duplicates: r.duplicates,
      rejected: r.rejected,
      progressCalls,
      maxProgressGapMs: maxGap,
      gapAtRows,
      dbMB: +(size / 1e6).toFixed(1)
    }
  }
}

/**
 * Subtractive experiments for "where does the time go" (--breakdown): the same import without the
 * search index, without the secondary indexes on mentions, or without foreign-key checks.
 */
function applyVariant(db: Database.Database, variant: string): void {
  if (variant === 'nofts') {
    const prepare = db.prepare.bind(db)
    const noop = { run: () => ({ changes: 1, lastInsertRowid: 0 }) }
    ;(db as unknown as { prepare: (sql: string) => unknown }).prepare = (sql: string) =>
      /^\s*INSERT INTO mentions_fts/i.test(sql) ? noop : prepare(sql)
  } else if (variant === 'noidx') {
    const names = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'mentions' AND sql IS NOT NULL AND name != 'mentions_url_key'"
      )
      .pluck()
      .all() as string[]
    for (const n of names) db.exec(`DROP INDEX ${n}`)
  } else if (variant === 'nofk') db.pragma('foreign_keys = OFF')
}

function safeSize(p: string): number | null {
  try {
    return statSync(p).size
  } catch {
    return null
  }
}

/** This process's CPU usage when the phase started (the child measures from here). */
let cpuAtStart = process.cpuUsage()

async function child(): Promise<void> {
  const phase = arg('phase', 'ours') as Phase
  const file = arg('file', '')
  const encoding = arg('encoding', 'utf-8')
  const t = process.hrtime.bigint()
  const cpu0 = (cpuAtStart = process.cpuUsage())
  // where the memory is: this thread's JavaScript heap and the memory outside it (SQLite, buffers, a
  // worker's heap), sampled; the peak RSS below is the whole process
  const peak = { heapMB: 0, outsideHeapMB: 0, anonMB: 0, fileMB: 0 }
  const sample = setInterval(() => {
    // resident memory of the process's own (anonymous) pages and of mapped files (the database under mmap)
    const status = readFileSync('/proc/self/status', 'utf8')
    const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024
    peak.anonMB = Math.max(peak.anonMB, kb('RssAnon'))
    peak.fileMB = Math.max(peak.fileMB, kb('RssFile'))
    const m = process.memoryUsage()
    peak.heapMB = Math.max(peak.heapMB, m.heapUsed / 2 ** 20)
    peak.outsideHeapMB = Math.max(peak.outsideHeapMB, (m.rss - m.heapTotal) / 2 ** 20)
  }, 100)
  const r = await runPhase(phase, file, encoding)
  clearInterval(sample)
  const seconds = Number(process.hrtime.bigint() - t) / 1e9
  const cpu = process.cpuUsage(cpu0)
  const cpuSeconds = (cpu.user + cpu.system) / 1e6
  const peakMB = process.resourceUsage().maxRSS / 1024
  // CPU time is reported too: on a shared machine wall time also measures the neighbours.
  console.log(
    JSON.stringify({
      phase,
      rows: r.rows,
      seconds: +seconds.toFixed(2),
      rowsPerSec: Math.round(r.rows / seconds),
      cpuSeconds: +cpuSeconds.toFixed(2),
      rowsPerCpuSec: Math.round(r.rows / cpuSeconds),
      peakRssMB: Math.round(peakMB),
      peakHeapMB: Math.round(peak.heapMB),
      peakOutsideHeapMB: Math.round(peak.outsideHeapMB),
      peakAnonMB: Math.round(peak.anonMB),
      peakFileMB: Math.round(peak.fileMB),
      ...r.extra
    })
  )
}

/** Top functions by self time from a .cpuprofile. */
function summariseProfile(file: string): string {
  const prof = JSON.parse(readFileSync(file, 'utf8')) as {
    nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]
    samples: number[]
    timeDeltas: number[]
  }
  const byId = new Map(prof.nodes.map((n) => [n.id, n]))
  const self = new Map<string, number>()
  let total = 0
  prof.samples.forEach((id, i) => {
    const n = byId.get(id)!
    const dt = prof.timeDeltas[i] ?? 0
    total += dt
    const url = n.callFrame.url.replace(/^.*\/(node_modules|src|bench)\//, '$1/')
    const key = `${n.callFrame.functionName || '(anonymous)'} ${url}:${n.callFrame.lineNumber + 1}`
    self.set(key, (self.get(key) ?? 0) + dt)
  })
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 30)
    .map(([k, v]) => `${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`)
    .join('\n')
}

async function main(): Promise<void> {
  if (process.argv.includes('--phase')) return child()
  const rows = Number(arg('rows', '200000'))
  const encoding = arg('encoding', 'utf-8') as 'utf-8' | 'windows-1251'
  const phases = (arg('phases', ALL.join(',')).split(',') as Phase[]).filter((p) => ALL.includes(p))
  const profile = process.argv.includes('--profile')
  const breakdown = process.argv.includes('--breakdown')
  const file = await ensureData(rows, encoding, undefined, Number(arg('vocab', '0')))
  console.log(
    `file ${file}: ${(statSync(file).size / 1e6).toFixed(1)} MB, ${rows} rows, ${encoding}; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`
  )
  const outDir = join(__dirname, 'out')
  mkdirSync(outDir, { recursive: true })
  const runs: { phase: Phase; variant: string }[] = phases.map((phase) => ({ phase, variant: '' }))
  if (breakdown) for (const variant of ['nofts', 'noidx', 'nofk']) runs.push({ phase: 'ours', variant })
  for (const { phase, variant } of runs) {
    const nodeArgs = [...process.execArgv]
    if (profile && (phase === 'ours' || phase === 'full'))
      nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${outDir}`, `--cpu-prof-name=import-${phase}.cpuprofile`)
    const out = execFileSync(
      process.execPath,
      [...nodeArgs, __filename, '--phase', phase, '--file', file, '--encoding', encoding],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        maxBuffer: 1 << 24,
        env: { ...process.env, OTKLIK_BENCH_VARIANT: variant }
      }
    )
    const line = out.trim().split('\n').pop() ?? ''
    console.log(variant ? line.replace('"phase":"ours"', `"phase":"ours-${variant}"`) : line)
  }
  for (const p of ['ours', 'full'] as const)
    if (profile && phases.includes(p) && readdirSync(outDir).includes(`import-${p}.cpuprofile`))
      console.log(`\nTop self time (${p}):\n` + summariseProfile(join(outDir, `import-${p}.cpuprofile`)))
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
