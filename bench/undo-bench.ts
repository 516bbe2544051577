/**
 * Undo benchmark: a workspace (the demo, 8 weeks) plus one import batch of --rows mentions (default
 * 100,000) with topic and subject links and search-index rows; then the batch is undone twice on copies
 * of the same file: once as Otklik does it (undoBatch: summary triggers set aside, touched buckets
 * recomputed) and once as the baseline measured in the same run (the same deletes with the per-row
 * summary triggers live). Target: ≤ 3 s for 100k rows.
 *
 *   node --import tsx bench/undo-bench.ts [--rows 100000]
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Db } from '../src/main/core/db/open'
import { openWorkspaceDatabase } from '../src/main/core/workspace'
import { createDemo } from '../src/main/core/demo'
import { createBatch, deleteMentions, undoBatch } from '../src/main/core/ingest/batches'
import { physicalTables, recomputeSql, storedSql } from '../src/main/core/db/summaries'

const ROWS = Number(process.argv[process.argv.indexOf('--rows') + 1] || 100_000) || 100_000
const dir = mkdtempSync(join(tmpdir(), 'otklik-bench-undo-'))
const base = join(dir, 'base.db')

function build(): number {
  const db = openWorkspaceDatabase(base, { create: true })
  createDemo(db, { weeks: 8, until: '2026-11-20', timeZone: 'Asia/Almaty' })
  const batch = createBatch(db, { kind: 'import', fileName: 'history.csv' })
  const demo = db.prepare('SELECT max(id) FROM mentions').pluck().get() as number
  db.transaction(() => {
    // Copies of the demo's mentions (new keys, same texts, hours and links) until ROWS are in the batch.
    for (let copy = 1, made = 0; made < ROWS; copy++) {
      const n = Math.min(demo, ROWS - made)
      const off = copy * 10_000_000
      db.prepare(
        `INSERT INTO mentions (id, dedup_key, published_at, platform, kind, outlet_id, author_id, title, text, url, lang,
           sentiment, sentiment_origin, reach, views, likes, batch_id, irrelevant, created_at)
         SELECT id + @off, dedup_key || '#' || @copy, published_at, platform, kind, outlet_id, author_id, title, text, NULL, lang,
           sentiment, sentiment_origin, reach, views, likes, @batch, irrelevant, created_at
         FROM mentions WHERE id <= @n`
      ).run({ off, copy, batch, n })
      db.prepare(
        'INSERT INTO mention_topics (topic_id, mention_id) SELECT topic_id, mention_id + @off FROM mention_topics WHERE mention_id <= @n'
      ).run({ off, n })
      db.prepare(
        "INSERT INTO mentions_fts (rowid, title, body, title_stems, body_stems) SELECT id + @off, ifnull(title, ''), text, '', '' FROM mentions WHERE id <= @n"
      ).run({ off, n })
      made += n
    }
  })()
  db.close()
  return batch
}

function exact(db: Db): boolean {
  return physicalTables().every((t) => {
    const a = (db.prepare(storedSql(t)).raw().all() as unknown[][]).map((r) => JSON.stringify(r)).sort()
    const b = (db.prepare(recomputeSql(t)).raw().all() as unknown[][]).map((r) => JSON.stringify(r)).sort()
    return JSON.stringify(a) === JSON.stringify(b)
  })
}

function timed(label: string, file: string, run: (db: Db) => number): number {
  copyFileSync(base, file)
  const db = openWorkspaceDatabase(file)
  const t0 = performance.now()
  const cpu0 = process.cpuUsage()
  const deleted = run(db)
  const ms = performance.now() - t0
  const cpu = process.cpuUsage(cpu0)
  const ok = exact(db)
  // The search index must be whole after the deletes (FTS5's own check).
  db.prepare("INSERT INTO mentions_fts(mentions_fts, rank) VALUES ('integrity-check', 0)").run()
  db.close()
  console.log(
    `${label.padEnd(44)} ${(ms / 1000).toFixed(2).padStart(7)} s  ${((cpu.user + cpu.system) / 1e6).toFixed(2).padStart(6)} CPU-s  ${Math.round(
      deleted / (ms / 1000)
    )
      .toLocaleString('en')
      .padStart(9)} rows/s  summaries exact: ${ok}`
  )
  return ms
}

const t0 = performance.now()
const batch = build()
console.log(
  `Undo of a ${ROWS.toLocaleString('en')}-row batch (workspace built in ${((performance.now() - t0) / 1000).toFixed(1)} s; load ${loadavg()[0]!.toFixed(1)})`
)
const ours = timed(
  'undoBatch (bulk summaries)',
  join(dir, 'a.db'),
  (db) => undoBatch(db, batch, { force: true }).deleted
)
const baseline = timed('baseline: same deletes, per-row triggers', join(dir, 'b.db'), (db) => {
  const ids = db.prepare('SELECT id FROM mentions WHERE batch_id = ?').pluck().all(batch) as number[]
  return db.transaction(() => deleteMentions(db, ids))()
})
console.log(`speed-up ×${(baseline / ours).toFixed(1)}`)
rmSync(dir, { recursive: true, force: true })
