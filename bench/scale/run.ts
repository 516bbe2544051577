/**
 * The scale benchmark: a generated workspace of N mentions (100k authors, 2k outlets, 12 topics,
 * 3 years), then every figure of issue #9 with our query next to the naive one in the same run.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { join } from 'node:path'
import { type Db } from '../../src/main/core/db'
import { openWorkspaceDatabase } from '../../src/main/core/workspace'
import { MentionQueries, useIndexWalks } from '../../src/main/core/queries/mentions'
import { facets } from '../../src/main/core/queries/facets'
import { dashboard } from '../../src/main/core/queries/dashboard'
import { authorsPage } from '../../src/main/core/queries/authors'
import { buildWhere } from '../../src/main/core/queries/filter'
import { SUM, summaryWhere, useSummaries } from '../../src/main/core/queries/summary'
import { importFile } from '../../src/main/core/import'
import { undoBatch } from '../../src/main/core/ingest/batches'
import type { MentionFilter, Sort } from '../../src/shared/filter'
import { generateWorkspace } from './generate'
import { fmt, once, plan, time, type Timing } from './measure'
import { ensureData } from '../import-generate'

const TZ = 'Asia/Almaty'
const BY_DATE: Sort = { col: 'publishedAt', dir: 'desc' }
const WEEK: MentionFilter = { from: '2026-11-16', to: '2026-11-22' }
const MONTH: MentionFilter = { from: '2026-10-01', to: '2026-10-31' }
const QUARTER: MentionFilter = { from: '2026-08-01', to: '2026-10-31' }

interface Row {
  section: string
  figure: string
  ours: Timing | number
  naive: Timing | number | null
  goal: string
  plan?: string[]
  naivePlan?: string[]
}

function flag(argv: string[], name: string, def: string): string {
  const i = argv.indexOf(`--${name}`)
  return i >= 0 && argv[i + 1] ? argv[i + 1]! : def
}

const p95 = (t: Timing | number) => (typeof t === 'number' ? t : t.p95)
const cell = (t: Timing | number | null) =>
  t === null ? '—' : typeof t === 'number' ? `${fmt(t)}` : `${fmt(t.p50)} / ${fmt(t.p95)}`

/** Workspace extras the generator leaves out: monitored subjects and collection sources. */
function addExtras(db: Db): void {
  if (db.prepare('SELECT count(*) FROM subjects').pluck().get()) return
  db.transaction(() => {
    db.exec(
      `INSERT INTO subjects (name, query, created_at) VALUES ('Аким города', 'аким', 0), ('Маслихат', 'маслихат', 0), ('Акимат', 'акимат', 0)`
    )
    db.exec(
      'INSERT INTO mention_subjects (subject_id, mention_id) SELECT 1 + (id % 3), id FROM mentions WHERE id % 4 != 0'
    )
    for (let i = 1; i <= 40; i++)
      db.prepare('INSERT INTO sources (type, target, url, name, created_at) VALUES (?, ?, ?, ?, 0)').run(
        i <= 25 ? 'rss' : 'telegram',
        `src${i}`,
        `https://example.kz/feed${i}`,
        `Источник ${i}`
      )
    db.exec(
      "UPDATE mentions SET source_id = 1 + (id % 40) WHERE platform IN ('news', 'telegram') AND id % 3 = 0"
    )
  })()
  db.exec('ANALYZE')
}

/** The filter as a WHERE over mentions, a search written as LIKE on title and text (the naive way). */
function naiveWhere(f: MentionFilter, like?: string): { sql: string; params: (string | number)[] } {
  const w = buildWhere(like ? { ...f, search: undefined } : f, TZ)
  return like
    ? {
        sql: `${w.sql} AND (m.text LIKE ? OR m.title LIKE ?)`,
        params: [...w.params, `%${like}%`, `%${like}%`]
      }
    : w
}

function naivePageSql(
  f: MentionFilter,
  offset: number,
  like?: string
): { sql: string; params: (string | number)[] } {
  const w = naiveWhere(f, like)
  return {
    sql: `SELECT m.*, o.name, a.name FROM mentions m LEFT JOIN outlets o ON o.id = m.outlet_id LEFT JOIN authors a ON a.id = m.author_id
          WHERE ${w.sql} ORDER BY m.published_at DESC, m.id DESC LIMIT 100 OFFSET ${offset}`,
    params: w.params
  }
}

function naiveCountSql(f: MentionFilter, like?: string): { sql: string; params: (string | number)[] } {
  const w = naiveWhere(f, like)
  return { sql: `SELECT count(*) FROM mentions m WHERE ${w.sql}`, params: w.params }
}

export async function runScaleBench(argv: string[]): Promise<void> {
  const n = Number(flag(argv, 'mentions', '1000000'))
  const runs = Number(flag(argv, 'runs', '15'))
  // --only search,jumps: just those sections (pages, search, jumps, facets, authors, dashboard).
  const only = flag(argv, 'only', '')
  const want = (section: string) => !only || only.split(',').includes(section)
  const dataDir = join(__dirname, '..', 'data')
  mkdirSync(dataDir, { recursive: true })
  const path = flag(argv, 'db', join(dataDir, `scale-${n}.db`))
  const started = Date.now()
  const log = (s: string) => console.error(`[${((Date.now() - started) / 1000).toFixed(0)} s] ${s}`)

  let generated: string | null = null
  let ready = existsSync(path) && !argv.includes('--fresh')
  if (ready) {
    const probe = openWorkspaceDatabase(path)
    ready = (probe.prepare('SELECT count(*) FROM mentions').pluck().get() as number) === n
    probe.close()
  }
  if (!ready) {
    log(`generating ${n.toLocaleString('en')} mentions → ${path}`)
    let last = 0
    const g = generateWorkspace(path, {
      mentions: n,
      onProgress: (done, total) => {
        if (done - last >= total / 10) {
          last = done
          log(`  ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`)
        }
      }
    })
    generated = `${g.mentions.toLocaleString('en')} mentions in ${(g.ms / 1000).toFixed(1)} s (${Math.round(g.mentions / (g.ms / 1000)).toLocaleString('en')} rows/s, triggers and FTS included)`
  }
  const db = openWorkspaceDatabase(path)
  addExtras(db)
  const rows: Row[] = []
  const q = () => new MentionQueries(db, () => TZ)
  const topTopic = db
    .prepare('SELECT topic_id FROM mention_topics GROUP BY 1 ORDER BY count(*) DESC LIMIT 1')
    .pluck()
    .get() as number
  const topAuthor = db
    .prepare(
      'SELECT author_id FROM mentions WHERE author_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1'
    )
    .pluck()
    .get() as number
  const midOutlet = db
    .prepare(
      'SELECT outlet_id FROM mentions WHERE outlet_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1 OFFSET 50'
    )
    .pluck()
    .get() as number

  // --- Grid: first page (100 rows, by date) with its total, for single filters.
  if (want('pages')) {
    log('grid: first pages')
    const single: [string, MentionFilter][] = [
      ['no filter', {}],
      ['one week', WEEK],
      ['negative', { sentiments: ['negative'] }],
      ['telegram', { platforms: ['telegram'] }],
      ['Kazakh', { langs: ['kk'] }],
      ['official authors', { authorTypes: ['official'] }],
      ['top topic', { topicIds: [topTopic] }],
      ['most active author', { authorIds: [topAuthor] }],
      ['one outlet', { outletIds: [midOutlet] }],
      ['response needed', { response: ['needed'] }],
      ['irrelevant only', { irrelevant: 'only' }]
    ]
    for (const [name, f] of single) {
      const ours = time(() => q().page(f, BY_DATE, 0, 100), runs)
      const np = naivePageSql(f, 0)
      const nc = naiveCountSql(f)
      const naive = time(
        () => {
          db.prepare(np.sql).all(...np.params)
          db.prepare(nc.sql).get(...nc.params)
        },
        Math.min(runs, 5)
      )
      rows.push({
        section: 'Grid: first page + total',
        figure: name,
        ours,
        naive,
        goal: 'p95 < 50',
        plan: q().plan(f, BY_DATE),
        naivePlan: plan(db, nc.sql, nc.params)
      })
    }
  }
  // --- Grid: full-text search with two more filters.
  if (want('search')) {
    log('grid: search')
    const searches: [string, string, MentionFilter][] = [
      [
        '"дорог*" + negative + telegram/vk',
        'дорог',
        { search: 'дорог*', sentiments: ['negative'], platforms: ['telegram', 'vk'] }
      ],
      ['"отопление" + month + news', 'отоплен', { search: 'отопление', ...MONTH, platforms: ['news'] }],
      [
        '"аким" AND "школа" + negative + ru',
        'аким',
        { search: 'аким AND школа', sentiments: ['negative'], langs: ['ru'] }
      ],
      ['"город"', 'город', { search: 'город' }],
      ['"город" sorted by reach', 'город', { search: 'город' }],
      ['a word no mention has + negative', 'жылуторап', { search: 'жылуторап', sentiments: ['negative'] }]
    ]
    for (const [name, like, f] of searches) {
      const sort: Sort = name.includes('by reach') ? { col: 'reach', dir: 'desc' } : BY_DATE
      // The plan before issue #18 in the same run: every match read, then sorted.
      useIndexWalks(false)
      const before = time(() => q().page(f, sort, 0, 100), runs)
      const beforePlan = q().plan(f, sort)
      useIndexWalks(true)
      const ours = time(() => q().page(f, sort, 0, 100), runs)
      const np = naivePageSql(f, 0, like)
      const nc = naiveCountSql(f, like)
      const naive = time(() => {
        db.prepare(np.sql).all(...np.params)
        db.prepare(nc.sql).get(...nc.params)
      }, 2)
      rows.push({
        section: 'Grid: search + 2 filters (naive: LIKE)',
        figure: name,
        ours,
        naive,
        goal: 'p95 < 100',
        plan: q().plan(f, sort),
        naivePlan: plan(db, np.sql, np.params)
      })
      rows.push({
        section: 'Grid: search + 2 filters (naive: LIKE)',
        figure: `↳ before (every match read, then sorted; naive: ours)`,
        ours: before,
        naive: ours,
        goal: 'info',
        plan: beforePlan
      })
    }
  }
  // --- Grid: scrollbar jumps.
  if (want('jumps')) {
    log('grid: jumps')
    const total = q().count({})
    const target = Math.min(500_000, Math.floor(total / 2))
    {
      const g = q()
      g.page({}, BY_DATE, 0, 100)
      const first = once(() => g.page({}, BY_DATE, target, target + 100))
      let k = 0
      const later = time(
        () => g.page({}, BY_DATE, (k = (k + 7919 * 100) % target) - (k % 100), k - (k % 100) + 100),
        runs
      )
      const np = naivePageSql({}, target)
      const naive = time(() => db.prepare(np.sql).all(...np.params), 3)
      rows.push({
        section: 'Grid: scrollbar jump (naive: OFFSET)',
        figure: `to row ${target.toLocaleString('en')}, first time (steps anchors)`,
        ours: first,
        naive,
        goal: '< 50',
        plan: g.plan({}, BY_DATE, true),
        naivePlan: plan(db, np.sql, np.params)
      })
      rows.push({
        section: 'Grid: scrollbar jump (naive: OFFSET)',
        figure: 'any row above it, afterwards',
        ours: later,
        naive,
        goal: '< 50'
      })
      const f: MentionFilter = { sentiments: ['negative'], from: '2024-01-01' }
      const ftotal = g.count(f)
      const ft = Math.floor(ftotal / 2)
      g.page(f, BY_DATE, 0, 100)
      const fFirst = once(() => g.page(f, BY_DATE, ft, ft + 100))
      const fnp = naivePageSql(f, ft)
      const fNaive = time(() => db.prepare(fnp.sql).all(...fnp.params), 3)
      rows.push({
        section: 'Grid: scrollbar jump (naive: OFFSET)',
        figure: `negative since 2024, to row ${ft.toLocaleString('en')} of ${ftotal.toLocaleString('en')}, first time`,
        ours: fFirst,
        naive: fNaive,
        goal: '< 50'
      })
      // The app lays anchors in idle slices right after the first block: what a jump meets seconds later.
      const w = q()
      const f2: MentionFilter = { sentiments: ['negative', 'neutral'], from: '2024-01-01' }
      const f2total = w.count(f2)
      w.page(f2, BY_DATE, 0, 100)
      let slices = 0
      const warm = once(() => {
        while (!w.warmAnchors(f2, BY_DATE)) slices++
      })
      const f2t = Math.floor(f2total / 2)
      const afterWarm = time(() => w.page(f2, BY_DATE, f2t, f2t + 100), runs)
      const f2np = naivePageSql(f2, f2t)
      const f2Naive = time(() => db.prepare(f2np.sql).all(...f2np.params), 3)
      rows.push({
        section: 'Grid: scrollbar jump (naive: OFFSET)',
        figure: `negative+neutral since 2024, to row ${f2t.toLocaleString('en')} of ${f2total.toLocaleString('en')}, after the idle warm-up (${slices + 1} slices, ${fmt(warm)} ms in all)`,
        ours: afterWarm,
        naive: f2Naive,
        goal: '< 50'
      })
      const BY_REACH: Sort = { col: 'reach', dir: 'desc' }
      // Before issue #18 (same run): one ranked pass over the list.
      useIndexWalks(false)
      const ranked = q()
      ranked.page({}, BY_REACH, 0, 100)
      const rankedFirst = once(() => ranked.page({}, BY_REACH, target, target + 100))
      useIndexWalks(true)
      const r = q()
      r.page({}, BY_REACH, 0, 100)
      const reachFirst = once(() => r.page({}, BY_REACH, target, target + 100))
      const reachLater = time(() => r.page({}, BY_REACH, target - 30_000, target - 30_000 + 100), runs)
      rows.push({
        section: 'Grid: scrollbar jump (naive: OFFSET)',
        figure: `sorted by reach, to row ${target.toLocaleString('en')}, first time (steps anchors along the reach index; naive: one ranked pass, before)`,
        ours: reachFirst,
        naive: rankedFirst,
        goal: '< 1000',
        plan: r.plan({}, BY_REACH, true)
      })
      rows.push({
        section: 'Grid: scrollbar jump (naive: OFFSET)',
        figure: 'sorted by reach, any row above it, afterwards',
        ours: reachLater,
        naive: null,
        goal: '< 50'
      })
      const fr: MentionFilter = { sentiments: ['negative'], platforms: ['telegram', 'vk'] }
      const frTotal = r.count(fr)
      const frt = Math.floor(frTotal / 2)
      useIndexWalks(false)
      const rankedF = q()
      rankedF.page(fr, BY_REACH, 0, 100)
      const rankedFFirst = once(() => rankedF.page(fr, BY_REACH, frt, frt + 100))
      useIndexWalks(true)
      const rf = q()
      rf.page(fr, BY_REACH, 0, 100)
      const rfFirst = once(() => rf.page(fr, BY_REACH, frt, frt + 100))
      rows.push({
        section: 'Grid: scrollbar jump (naive: OFFSET)',
        figure: `negative telegram/vk sorted by reach, to row ${frt.toLocaleString('en')} of ${frTotal.toLocaleString('en')}, first time (naive: ranked pass, before)`,
        ours: rfFirst,
        naive: rankedFFirst,
        goal: '< 1000'
      })
    }
  }
  // --- Counts and facets for the filter panel.
  if (want('facets')) {
    log('counts and facets')
    const panel: [string, MentionFilter][] = [
      ['all time', {}],
      ['quarter', QUARTER],
      ['month + telegram + negative', { ...MONTH, platforms: ['telegram'], sentiments: ['negative'] }],
      ['month + top topic', { ...MONTH, topicIds: [topTopic] }]
    ]
    for (const [name, f] of panel) {
      const run = () => {
        q().counts(f)
        facets(db, f, TZ)
      }
      const ours = time(run, runs)
      useSummaries(false)
      const naive = time(run, 2)
      useSummaries(true)
      const s = summaryWhere(f, TZ)!
      const sql = `SELECT ${SUM.n} FROM ${s.from}`
      const nc = naiveCountSql(f)
      rows.push({
        section: 'Counts + 6 facets (naive: GROUP BY over mentions)',
        figure: name,
        ours,
        naive,
        goal: 'p95 < 200',
        plan: plan(db, sql, s.params),
        naivePlan: plan(db, nc.sql, nc.params)
      })
    }
  }
  // --- Authors page for a month.
  if (want('authors')) {
    log('authors')
    {
      const rule = { minLabelled: 3, percent: 60 }
      const ours = time(
        () => authorsPage(db, MONTH, { col: 'mentions', dir: 'desc' }, 0, 100, rule, TZ),
        Math.min(runs, 7)
      )
      // Naive: join every mention to its author, group, then count the groups in a second query.
      const w = buildWhere(MONTH, TZ)
      const grouped = `WITH g AS (SELECT coalesce(au.merged_into, au.id) AS aid, count(*) AS n, sum(m.sentiment = -1) AS neg, max(m.published_at) AS last_at
      FROM mentions m JOIN authors au ON au.id = m.author_id WHERE ${w.sql} GROUP BY aid)`
      const naive = time(() => {
        db.prepare(`${grouped} SELECT count(*) FROM g`).get(...w.params)
        db.prepare(
          `${grouped} SELECT a.*, g.* FROM g JOIN authors a ON a.id = g.aid ORDER BY g.n DESC, a.id LIMIT 100`
        ).all(...w.params)
      }, 3)
      rows.push({
        section: 'Authors page',
        figure: 'one month, top 100 by mentions, with total',
        ours,
        naive,
        goal: 'p95 < 200'
      })
    }
  }
  // --- Dashboard for a quarter.
  if (want('dashboard')) {
    log('dashboard')
    {
      const now = Date.UTC(2026, 10, 28, 12)
      // First views compute emerging terms from a few thousand texts (then remembered until data changes).
      const first = once(() => dashboard(db, q(), { from: '2026-05-01', to: '2026-07-31' }, TZ, 'ru', now))
      const firstPlatforms = once(() =>
        dashboard(db, q(), { ...QUARTER, platforms: ['news', 'telegram'] }, TZ, 'ru', now)
      )
      const run = () => dashboard(db, q(), QUARTER, TZ, 'ru', now)
      const ours = time(run, Math.min(runs, 7))
      useSummaries(false)
      const naive = time(run, 2)
      useSummaries(true)
      const section = 'Dashboard (naive: same without summaries)'
      rows.push({
        section,
        figure: 'another quarter, first view (emerging terms computed)',
        ours: first,
        naive: null,
        goal: '< 500'
      })
      rows.push({
        section,
        figure: 'a quarter, news + telegram, first view (topics from the base table)',
        ours: firstPlatforms,
        naive: null,
        goal: '< 500'
      })
      rows.push({ section, figure: 'one quarter, again', ours, naive, goal: 'p95 < 500' })
    }
  }
  // --- Size.
  const bytes = statSync(path).size
  const byObject = db.prepare('SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name').all() as {
    name: string
    bytes: number
  }[]
  const share = (re: RegExp) =>
    byObject.filter((o) => re.test(o.name)).reduce((s, o) => s + o.bytes, 0) / bytes
  const mem = process.memoryUsage()
  // Resident memory split: private (heap, SQLite cache) and file-backed (the memory-mapped database, which
  // the OS can drop at any time).
  const status = existsSync('/proc/self/status') ? readFileSync('/proc/self/status', 'utf8') : ''
  const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN) / 1024

  // --- Import into the big workspace vs into an empty one.
  let importLine = 'skipped (--skip-import)'
  if (!argv.includes('--skip-import')) {
    log('import: 100k rows into an empty workspace, then into this one')
    const csv = await ensureData(100_000, 'utf-8', dataDir)
    const emptyPath = join(dataDir, 'scale-empty.db')
    for (const p of [emptyPath, `${emptyPath}-wal`, `${emptyPath}-shm`]) rmSync(p, { force: true })
    const empty = openWorkspaceDatabase(emptyPath, { create: true })
    const t0 = Date.now()
    await importFile(empty, csv)
    const emptyMs = Date.now() - t0
    empty.close()
    const t1 = Date.now()
    const rep = await importFile(db, csv)
    const bigMs = Date.now() - t1
    const undoMs = once(() => undoBatch(db, rep.batchId!, { force: true }))
    importLine = `100,000 BA rows: empty workspace ${Math.round(100_000 / (emptyMs / 1000)).toLocaleString('en')} rows/s; this workspace ${Math.round(100_000 / (bigMs / 1000)).toLocaleString('en')} rows/s; undo of that batch ${(undoMs / 1000).toFixed(1)} s`
  }
  db.close()

  // --- Report.
  const lines: string[] = []
  lines.push(`## Scale benchmark: ${n.toLocaleString('en')} mentions`)
  lines.push('')
  lines.push(
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GB RAM, Node ${process.version}, load ${loadavg()[0]!.toFixed(1)}. Runs per figure: ${runs} (+1 warm-up). Times in ms, p50 / p95.`
  )
  if (generated) lines.push(`Generated: ${generated}.`)
  lines.push('')
  lines.push('| Figure | Ours | Naive | × (p95) | Goal |')
  lines.push('|---|---:|---:|---:|---|')
  let section = ''
  for (const r of rows) {
    if (r.section !== section) {
      section = r.section
      lines.push(`| **${section}** | | | | |`)
    }
    const ratio = r.naive === null ? '—' : `${(p95(r.naive) / Math.max(0.01, p95(r.ours))).toFixed(0)}×`
    lines.push(`| ${r.figure} | ${cell(r.ours)} | ${cell(r.naive)} | ${ratio} | ${r.goal} |`)
  }
  lines.push('')
  lines.push(
    `Database: ${(bytes / 2 ** 20).toFixed(0)} MB, ${(bytes / n).toFixed(0)} bytes per mention; full-text index ${(share(/^mentions_fts/) * 100).toFixed(0)} %, summary tables ${(share(/_hours$/) * 100).toFixed(1)} %, mention indexes ${(share(/^mentions_(published|platform|sentiment|author|outlet|story|batch|source|url_key|response)|^sqlite_autoindex_mentions/) * 100).toFixed(0)} %.`
  )
  lines.push(
    `Memory of this process after browsing (it plays the main process): RSS ${(mem.rss / 2 ** 20).toFixed(0)} MB = private ${kb('RssAnon').toFixed(0)} MB + file-backed ${kb('RssFile').toFixed(0)} MB (memory-mapped database pages the OS may drop); JS heap ${(mem.heapUsed / 2 ** 20).toFixed(0)} MB.`
  )
  lines.push(`Import: ${importLine}.`)
  lines.push(`Total bench time: ${((Date.now() - started) / 1000).toFixed(0)} s.`)
  lines.push('')
  lines.push('### Query plans')
  for (const r of rows) {
    if (!r.plan) continue
    lines.push('')
    lines.push(`- ${r.section} — ${r.figure}`)
    lines.push(`  - ours: ${r.plan.join(' · ')}`)
    if (r.naivePlan) lines.push(`  - naive: ${r.naivePlan.join(' · ')}`)
  }
  const text = lines.join('\n')
  console.log(text)
  const out = join(__dirname, '..', 'out')
  mkdirSync(out, { recursive: true })
  writeFileSync(join(out, `scale-${n}.md`), text + '\n')
  log(`written to bench/out/scale-${n}.md`)
}
