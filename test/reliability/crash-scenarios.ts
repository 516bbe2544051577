/** The crash campaign's scenarios: what each child does, and how its database is checked afterwards. */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type Database from 'better-sqlite3'
import { openWorkspaceDatabase } from '../../src/main/core/workspace'
import { addSource } from '../../src/main/core/collect/sources'
import { importFile } from '../../src/main/core/import'
import { Prng } from './prng'

export const ROOT = resolve(__dirname, '..', '..')
const CLI = join(ROOT, 'bin', 'otklik.cjs')
const REANALYSE_CHILD = join(__dirname, 'reanalyse-child.ts')
const BULK_IMPORT_CHILD = join(__dirname, 'bulk-import-child.ts')

export interface Check {
  violations: string[]
  /** Label of what survived, for the figures. */
  outcome: string
}

export interface Chain {
  name: string
  db: string
  quota: number
  setup(): Promise<void>
  /** Prepares step n and returns the child's node arguments and the check of the result. */
  step(n: number): { args: string[]; check: (db: Database.Database) => Check }
}

const count = (db: Database.Database, sql: string, ...p: unknown[]): number =>
  db
    .prepare(sql)
    .pluck()
    .get(...p) as number
const ftsCount = (db: Database.Database, token: string): number =>
  count(db, 'SELECT count(*) FROM mentions_fts WHERE mentions_fts MATCH ?', `"${token}"`)
/**
 * A bulk import commits its rows, then their search-index entries (ingest/fts.ts indexPending): a kill in
 * between leaves the rest marked in search_pending, which the next open indexes (checkCopy opens it).
 */
const pendingCount = (db: Database.Database, batchId: number): number =>
  count(
    db,
    'SELECT count(*) FROM mentions m WHERE m.batch_id = ? AND EXISTS (SELECT 1 FROM search_pending p WHERE m.id BETWEEN p.lo AND p.hi)',
    batchId
  )

/** Rows whose topics, subjects, story or sentiment are out of step with their `analysed_at`. */
const halfAnalysed = (d: Database.Database): number =>
  count(
    d,
    `SELECT (SELECT count(*) FROM mention_topics t JOIN mentions m ON m.id = t.mention_id WHERE m.analysed_at IS NULL)
          + (SELECT count(*) FROM mention_subjects s JOIN mentions m ON m.id = s.mention_id WHERE m.analysed_at IS NULL)
          + (SELECT count(*) FROM mentions WHERE analysed_at IS NULL AND (story_id IS NOT NULL OR sentiment_origin IS NOT NULL))
          + (SELECT count(*) FROM mentions WHERE analysed_at IS NOT NULL AND (sentiment_origin IS NULL OR story_sig IS NULL))`
  )

const AUTHORS = [
  'Айгерим Нурланова',
  'Иван Петров',
  'Мария Ким',
  'Ерлан Сапаров',
  'Ольга Ли',
  'Данияр Омаров'
]
const PHRASES = [
  'Жители жалуются на ямы на дорогах',
  'Акимат открыл новый парк, люди довольны',
  'Снова нет горячей воды в домах',
  'Автобусы ходят редко, пробки на проспекте',
  'Во дворе отремонтировали детскую площадку',
  'Цены на продукты выросли, пенсионеры недовольны'
]

/** A generic CSV export of `rows` unique mentions, each text carrying `token`. */
export function writeCsv(path: string, token: string, rows: number, seed: number): void {
  const rng = new Prng(seed)
  const lines = ['Дата;Заголовок;Текст;Url;Автор']
  for (let i = 0; i < rows; i++) {
    const day = String(1 + rng.int(28)).padStart(2, '0')
    const hh = String(rng.int(24)).padStart(2, '0')
    const phrase = rng.pick(PHRASES)
    lines.push(
      `${day}.10.2026 ${hh}:${String(i % 60).padStart(2, '0')};${phrase.slice(0, 30)};${phrase} ${token} номер ${i} ${rng.int(1e9)};https://news${rng.int(5)}.example.kz/${token}/${i};${rng.pick(AUTHORS)}`
    )
  }
  writeFileSync(path, lines.join('\n') + '\n')
}

/** `otklik import F1 F2`: each file one batch in one transaction. */
export function importChain(dir: string, quota: number): Chain {
  const ROWS = 300
  const db = join(dir, 'w.db')
  let mentions = 0
  return {
    name: 'cli-import',
    db,
    quota,
    async setup() {
      mkdirSync(dir, { recursive: true })
      openWorkspaceDatabase(db, { create: true }).close()
    },
    step(n) {
      const files = [1, 2].map((i) => {
        const token = `zqi${n}f${i}`
        const path = join(dir, `s${n}-f${i}.csv`)
        writeCsv(path, token, ROWS, n * 10 + i)
        return { path, name: `s${n}-f${i}.csv`, token }
      })
      return {
        args: [CLI, 'import', ...files.map((f) => f.path), '--db', db, '--json'],
        check: (d) => {
          const v: string[] = []
          const present = files.map((f) => {
            const b = d.prepare('SELECT id, inserted FROM import_batches WHERE file_name = ?').get(f.name) as
              { id: number; inserted: number } | undefined
            const rows = b ? count(d, 'SELECT count(*) FROM mentions WHERE batch_id = ?', b.id) : 0
            const like = count(d, 'SELECT count(*) FROM mentions WHERE text LIKE ?', `% ${f.token} %`)
            const fts = ftsCount(d, f.token) + (b ? pendingCount(d, b.id) : 0)
            if (b && (b.inserted !== ROWS || rows !== ROWS || fts !== ROWS || like !== ROWS))
              v.push(
                `${f.name}: batch row but inserted ${b.inserted}, ${rows} rows, ${fts} in FTS, ${like} by text (want ${ROWS})`
              )
            if (!b && (like !== 0 || fts !== 0))
              v.push(`${f.name}: no batch row but ${like} mentions, ${fts} in FTS`)
            return Boolean(b)
          })
          if (present[1] && !present[0]) v.push('second file committed without the first')
          const total = count(d, 'SELECT count(*) FROM mentions')
          const want = mentions + ROWS * present.filter(Boolean).length
          if (total !== want) v.push(`mentions ${total}, want ${want} (before ${mentions})`)
          mentions = total
          for (const f of files) rmSync(f.path, { force: true })
          return { violations: v, outcome: `${present.filter(Boolean).length}/2 files` }
        }
      }
    }
  }
}

/**
 * A bulk import whose analysis runs in the worker beside the writer: the rows commit in one transaction,
 * then each analysed page (ingest/analyse-committed.ts PAGE) in its own. A kill leaves the batch whole or
 * absent, its analysed rows whole pages in id order, and no row half analysed.
 */
export function bulkAnalyseChain(dir: string, quota: number): Chain {
  const ROWS = 11_000
  const PAGE = 5000
  const db = join(dir, 'w.db')
  let mentions = 0
  return {
    name: 'bulk-analyse',
    db,
    quota,
    async setup() {
      mkdirSync(dir, { recursive: true })
      const d = openWorkspaceDatabase(db, { create: true })
      d.exec("INSERT INTO subjects (name, query, created_at) VALUES ('Дороги', 'дорог* OR ямы', 0)")
      d.close()
    },
    step(n) {
      const token = `zqb${n}`
      const name = `b${n}.csv`
      const path = join(dir, name)
      writeCsv(path, token, ROWS, 7000 + n)
      return {
        args: ['--import', 'tsx', BULK_IMPORT_CHILD, db, path],
        check: (d) => {
          const v: string[] = []
          const b = d.prepare('SELECT id, inserted FROM import_batches WHERE file_name = ?').get(name) as
            | { id: number; inserted: number }
            | undefined
          let outcome = 'no batch'
          if (b) {
            const rows = count(d, 'SELECT count(*) FROM mentions WHERE batch_id = ?', b.id)
            const fts = ftsCount(d, token) + pendingCount(d, b.id)
            if (b.inserted !== ROWS || rows !== ROWS || fts !== ROWS)
              v.push(`${name}: batch row but inserted ${b.inserted}, ${rows} rows, ${fts} in FTS (want ${ROWS})`)
            const done = count(d, 'SELECT count(*) FROM mentions WHERE batch_id = ? AND analysed_at IS NOT NULL', b.id)
            const maxDone = count(
              d,
              'SELECT coalesce(max(id), 0) FROM mentions WHERE batch_id = ? AND analysed_at IS NOT NULL',
              b.id
            )
            const minLeft = count(
              d,
              'SELECT coalesce(min(id), 0) FROM mentions WHERE batch_id = ? AND analysed_at IS NULL',
              b.id
            )
            if (done < ROWS && done % PAGE !== 0) v.push(`${done} analysed: not whole pages of ${PAGE}`)
            if (minLeft && maxDone > minLeft) v.push('analysed mentions are not a prefix in id order')
            outcome = `${Math.ceil(done / PAGE)} of ${Math.ceil(ROWS / PAGE)} pages analysed`
          } else if (count(d, 'SELECT count(*) FROM mentions WHERE text LIKE ?', `% ${token} %`) !== 0)
            v.push(`${name}: no batch row but mentions with its token`)
          const stray = halfAnalysed(d)
          if (stray) v.push(`${stray} rows half analysed (topics, subjects, stories or sentiment out of step)`)
          const total = count(d, 'SELECT count(*) FROM mentions')
          const want = mentions + (b ? ROWS : 0)
          if (total !== want) v.push(`mentions ${total}, want ${want} (before ${mentions})`)
          mentions = total
          rmSync(path, { force: true })
          return { violations: v, outcome }
        }
      }
    }
  }
}

/** Serves, per chain and source, a feed whose items are all new in every round. */
export class FeedServer {
  round = 0
  items = 120
  base = ''
  private server: http.Server | null = null
  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const m = /^\/feed(\d+)\.xml$/.exec(req.url ?? '')
      if (!m) {
        res.writeHead(404)
        res.end()
        return
      }
      res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8' })
      res.end(this.feed(Number(m[1])))
    })
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r))
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
  }
  feed(k: number): string {
    const r = this.round
    const items: string[] = []
    for (let i = 0; i < this.items; i++) {
      const phrase = PHRASES[(i + k) % PHRASES.length]
      items.push(
        `<item><title>${phrase} ${i}</title><link>https://site${k}.example.kz/r${r}/f${k}/${i}</link><guid>r${r}-f${k}-${i}</guid>` +
          `<pubDate>${new Date(Date.UTC(2026, 9, 1) + (r * 1000 + i) * 60_000).toUTCString()}</pubDate>` +
          `<description>&lt;p&gt;${phrase}, zqc${r}f${k} новость ${i}&lt;/p&gt;</description></item>`
      )
    }
    return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Лента ${k}</title><link>https://site${k}.example.kz/</link>${items.join('')}</channel></rss>`
  }
  close(): Promise<void> {
    return new Promise((r) => (this.server ? this.server.close(() => r()) : r()))
  }
}

/** `otklik collect` over two RSS sources: each source's items, batch and status in one transaction. */
export function collectChain(dir: string, quota: number, feeds: FeedServer): Chain {
  const db = join(dir, 'w.db')
  const sources: number[] = []
  let maxBatch = 0
  let mentions = 0
  const lastRun = new Map<number, number | null>()
  return {
    name: 'cli-collect',
    db,
    quota,
    async setup() {
      mkdirSync(dir, { recursive: true })
      const d = openWorkspaceDatabase(db, { create: true })
      for (const k of [1, 2]) {
        const { id } = addSource(d, { type: 'rss', target: `${feeds.base}/feed${k}.xml`, every: '15m' })
        sources.push(id)
        lastRun.set(id, null)
      }
      d.close()
    },
    step(n) {
      feeds.round = n
      return {
        args: [CLI, 'collect', '--db', db, '--json'],
        check: (d) => {
          const v: string[] = []
          let stored = 0
          sources.forEach((id, i) => {
            const k = i + 1
            const token = `zqc${n}f${k}`
            const rows = count(d, 'SELECT count(*) FROM mentions WHERE url LIKE ?', `%/r${n}/f${k}/%`)
            const fts = ftsCount(d, token)
            const b = d
              .prepare(
                "SELECT id, inserted FROM import_batches WHERE kind = 'collect' AND source_id = ? AND id > ?"
              )
              .get(id, maxBatch) as { id: number; inserted: number } | undefined
            const s = d.prepare('SELECT last_run, last_new FROM sources WHERE id = ?').get(id) as {
              last_run: number | null
              last_new: number | null
            }
            const ran = s.last_run !== lastRun.get(id)
            if (b) {
              stored++
              const inBatch = count(d, 'SELECT count(*) FROM mentions WHERE batch_id = ?', b.id)
              if (
                b.inserted !== feeds.items ||
                rows !== feeds.items ||
                fts !== feeds.items ||
                inBatch !== feeds.items
              )
                v.push(
                  `source ${id}: batch but inserted ${b.inserted}, ${rows} rows, ${inBatch} in batch, ${fts} in FTS`
                )
              if (!ran || s.last_new !== feeds.items)
                v.push(`source ${id}: batch stored but status not recorded`)
            } else {
              if (rows !== 0 || fts !== 0) v.push(`source ${id}: no batch but ${rows} rows, ${fts} in FTS`)
              if (ran) v.push(`source ${id}: status recorded without its items`)
            }
            lastRun.set(id, s.last_run)
          })
          const total = count(d, 'SELECT count(*) FROM mentions')
          if (total !== mentions + stored * feeds.items)
            v.push(`mentions ${total}, want ${mentions + stored * feeds.items}`)
          mentions = total
          maxBatch = count(d, 'SELECT coalesce(max(id), 0) FROM import_batches')
          return { violations: v, outcome: `${stored}/2 sources` }
        }
      }
    }
  }
}

/** Re-analysis of unanalysed mentions in chunks of CHUNK, each chunk one transaction. */
export function reanalyseChain(dir: string, quota: number, tag: string): Chain {
  const ROWS = 960
  const CHUNK = 80
  const db = join(dir, 'w.db')
  let unanalysed = ROWS
  const reset = (): void => {
    const d = openWorkspaceDatabase(db)
    d.transaction(() => {
      d.exec(`UPDATE mentions SET analysed_at = NULL, model_sentiment = NULL, model_score = NULL, model_explanation = NULL,
                lang = NULL, story_id = NULL, story_sig = NULL, sentiment = NULL, sentiment_origin = NULL, sentiment_score = NULL;
              DELETE FROM stories; DELETE FROM mention_topics; DELETE FROM mention_subjects;`)
    })()
    d.close()
    unanalysed = ROWS
  }
  return {
    name: `reanalyse-${tag}`,
    db,
    quota,
    async setup() {
      mkdirSync(dir, { recursive: true })
      const csv = join(dir, 'base.csv')
      writeCsv(csv, `zqr${tag}`, ROWS, tag.charCodeAt(0))
      const d = openWorkspaceDatabase(db, { create: true })
      d.exec("INSERT INTO subjects (name, query, created_at) VALUES ('Дороги', 'дорог* OR ямы', 0)")
      const r = await importFile(d, csv, { analyzer: null })
      d.close()
      if (r.inserted !== ROWS) throw new Error(`setup imported ${r.inserted} of ${ROWS}`)
    },
    step() {
      if (unanalysed === 0) reset()
      const before = ROWS - unanalysed
      return {
        args: ['--import', 'tsx', REANALYSE_CHILD, db, String(CHUNK)],
        check: (d) => {
          const v: string[] = []
          const done = count(d, 'SELECT count(*) FROM mentions WHERE analysed_at IS NOT NULL')
          const maxDone = count(d, 'SELECT coalesce(max(id), 0) FROM mentions WHERE analysed_at IS NOT NULL')
          const minLeft = count(d, 'SELECT coalesce(min(id), 0) FROM mentions WHERE analysed_at IS NULL')
          if (done < before) v.push(`analysed went back from ${before} to ${done}`)
          if (done < ROWS && done % CHUNK !== 0) v.push(`${done} analysed: not whole chunks of ${CHUNK}`)
          if (minLeft && maxDone > minLeft) v.push('analysed mentions are not a prefix in id order')
          const stray = halfAnalysed(d)
          if (stray)
            v.push(`${stray} rows half analysed (topics, subjects, stories or sentiment out of step)`)
          unanalysed = ROWS - done
          return { violations: v, outcome: `${Math.round((done - before) / CHUNK)} chunks` }
        }
      }
    }
  }
}
