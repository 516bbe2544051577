import { basename, resolve as resolvePath } from 'node:path'
import type { Db } from '../db'
import { OtklikError } from '../../../shared/errors'
import { clock } from '../../../shared/clock'
import { createBatch, finishBatch, Ingestor } from '../ingest'
import { analyseCommittedInParallel } from '../analysis/analyse-parallel'
import { indexPending } from '../ingest/fts'
import { newMentionsInBulk } from '../db/summaries'
import { IMPORT_CACHE_MB, MAX_LISTED } from './limits'
import { applyPlan } from './mapping/apply'
import { planFor, resolveOptions } from './resolve'
import { openSource } from './source/open'
import { UnchangedFile } from './unchanged'
import type { SourceRecord } from './source/types'
import type { BatchReport, DuplicateRow, ImportOptions, ImportProgress, LineMessage } from './types'
import type { DuplicateReason } from '../ingest'
import { withinFileMessage } from './duplicates'

const PROGRESS_MS = 100

/**
 * Imports one file as one batch, in one transaction: every accepted row is committed or none is.
 * Unusable rows are rejected with their line and reason; de-duplication, storage and the search index
 * are the Ingestor's. A dry run does all of it and rolls back. Cancelling (signal) rolls back too.
 * Throws IMPORT_UNREADABLE (nothing written) when the file cannot be read at all.
 */
export async function runImport(db: Db, path: string, opts: ImportOptions = {}): Promise<BatchReport> {
  const resolved = resolveOptions(db, opts)
  const unchanged = await UnchangedFile.watch(path)
  const src = await openSource(path, resolved.layout)
  await unchanged.opened(src)
  const plan = planFor(src, resolved)
  const { layout } = src
  const errors = new Listed('errors')
  const warnings = new Listed('warnings')
  for (const n of [...layout.notes, ...plan.warnings]) warnings.push(n.line, n.message)

  const counts = { rows: 0, rejected: 0, mediaOnly: 0 }
  const startedAt = clock.now()
  const dups = new DuplicateLog()
  const report = (batchId: number | null, ing: Ingestor | null): BatchReport => ({
    file: path,
    batchId,
    preset: plan.preset,
    encoding: layout.encoding,
    delimiter: layout.delimiter,
    sheet: layout.sheet,
    headerRow: layout.headerRow,
    rows: counts.rows,
    inserted: ing?.counts.inserted ?? 0,
    updated: ing?.counts.updated ?? 0,
    duplicates: ing?.counts.duplicates ?? 0,
    rejected: counts.rejected,
    mediaWithoutText: counts.mediaOnly,
    errors: errors.list(),
    warnings: [...warnings.list(), ...mediaNote(counts.mediaOnly), ...dups.warnings()],
    duplicateRows: dups.list()
  })

  let lastProgress = 0
  let ing: Ingestor | null = null
  let analysed: number | null = null
  const progress = (force = false, done = false): void => {
    if (!opts.onProgress) return
    const now = clock.now()
    if (!force && now - lastProgress < PROGRESS_MS) return
    lastProgress = now
    const p: ImportProgress = {
      file: path,
      rowsRead: counts.rows,
      inserted: ing?.counts.inserted ?? 0,
      updated: ing?.counts.updated ?? 0,
      duplicates: ing?.counts.duplicates ?? 0,
      rejected: counts.rejected,
      bytes: done ? src.totalBytes : src.bytesRead(),
      totalBytes: src.totalBytes,
      ...(analysed !== null ? { committed: true, analysed } : {}),
      ...(done ? { done: true } : {})
    }
    opts.onProgress(p)
  }

  const restoreCache = growCache(db, src.totalBytes)
  const t0 = performance.now()
  // Two phases when the import owns its transaction: the rows are committed first (in the grid and
  // searchable), then analysed (analyseCommittedInParallel: in a worker beside this thread for a big batch). Inside a caller's transaction, and for a dry run, the
  // analysis runs with each row as before.
  const analyzer = opts.analyzer ?? null
  const later = analyzer !== null && !opts.dryRun && !db.inTransaction
  // In its own transaction the import commits the rows first and writes their search index right after.
  const deferSearch = !opts.dryRun && !db.inTransaction
  let tx: Tx | null = null
  let bulk: ReturnType<typeof newMentionsInBulk> | null = null
  try {
    tx = begin(db)
    // The new rows are counted into the summary tables once, grouped, at the end (not per row by triggers).
    bulk = newMentionsInBulk(db)
    const batchId = createBatch(db, {
      kind: opts.batchKind ?? 'import',
      fileName: basename(path),
      filePath: resolvePath(path),
      fileSize: src.totalBytes,
      preset: plan.preset,
      encoding: layout.encoding,
      delimiter: layout.delimiter,
      sheet: layout.sheet,
      headerRow: layout.headerRow,
      sourceId: opts.sourceId ?? null
    })
    ing = new Ingestor(db, {
      batchId,
      sourceId: opts.sourceId ?? null,
      analyzer: later ? null : analyzer,
      deferSearch
    })
    progress(true)
    for await (const batch of src.records(opts.signal)) {
      for (let i = 0; i < batch.length; i++) {
        const rec = batch[i]!
        if (isBlank(rec)) continue
        counts.rows++
        if (rec.problem) {
          counts.rejected++
          errors.push(rec.line, rec.problem)
          continue
        }
        const m = applyPlan(plan, rec.cells, resolved.tz, startedAt)
        for (const w of m.warnings) warnings.push(rec.line, w)
        if (!m.ok) {
          if (m.mediaOnly) counts.mediaOnly++
          else {
            counts.rejected++
            errors.push(rec.line, m.error)
          }
          continue
        }
        if (ing.add(m.mention) === 'inserted')
          dups.inserted(ing.insertedIds[ing.insertedIds.length - 1]!, rec.line)
        else if (ing.lastMatch) dups.matched(rec.line, ing.lastMatch.id, ing.lastMatch.reason)
        if ((counts.rows & 63) === 0) progress()
      }
      progress()
    }
    opts.signal?.throwIfAborted()
    for (const n of src.endNotes()) warnings.push(n.line, n.message)
    // A file that changed under the import rolls the batch back (the throw below reaches the rollback).
    const sha256 = await unchanged.check(src)
    ing.finish()
    bulk.finish()
    const out = report(opts.dryRun ? null : batchId, ing)
    finishBatch(db, batchId, { ...out })
    db.prepare('UPDATE import_batches SET sha256 = ? WHERE id = ?').run(sha256, batchId)
    if (opts.dryRun) tx.rollback()
    else tx.commit()
    out.committedMs = Math.round(performance.now() - t0)
    if (!opts.dryRun) {
      // The app shows the rows now (imports.ts announces them), and the analysis' progress after.
      analysed = 0
      progress(true)
    }
    // Searchable right behind: the full-text entries, a page per transaction (a crash leaves the rest
    // marked; the next open finishes it).
    if (deferSearch) indexPending(db)
    out.indexedMs = Math.round(performance.now() - t0)
    // Committed rows are analysed to the end (a cancel now would leave labels half filled for nothing).
    if (later && analyzer)
      await analyseCommittedInParallel(db, batchId, analyzer, {
        onProgress: (n) => {
          analysed = n
          progress()
        }
      })
    out.analysedMs = Math.round(performance.now() - t0)
    progress(true, true)
    return out
  } catch (e) {
    tx?.rollback()
    bulk?.restore()
    throw e
  } finally {
    restoreCache()
  }
}

/**
 * A big import touches index pages all over the file; with SQLite's default 64 MB cache they are evicted
 * and read back again and again. The cache grows for the import and is put back afterwards; memory-mapped
 * reads are switched off meanwhile (they would add the database file to resident memory). Measured on the
 * 2-core machine: 200k rows 64 MB → 1.9k rows/s wall, 192 MB → 4.7k; 1M rows at 128 MB peak at 369 MB RSS.
 */
function growCache(db: Db, fileBytes: number): () => void {
  const mb = IMPORT_CACHE_MB
  if (fileBytes < 32 * 1024 * 1024) return () => {}
  const before = db.pragma('cache_size', { simple: true }) as number
  const wanted = -mb * 1024
  // A negative size is KiB; only ever grow it.
  const beforeKiB =
    before < 0 ? -before : (before * (db.pragma('page_size', { simple: true }) as number)) / 1024
  if (mb * 1024 <= beforeKiB) return () => {}
  db.pragma(`cache_size = ${wanted}`)
  const mmapBefore = db.pragma('mmap_size', { simple: true }) as number
  db.pragma('mmap_size = 0')
  return () => {
    db.pragma(`cache_size = ${before}`)
    db.pragma(`mmap_size = ${mmapBefore}`)
  }
}

/** A row of empty cells (Excel's trailing ";;;;" lines) is not a row at all. */
function isBlank(rec: SourceRecord): boolean {
  if (rec.problem) return false
  for (const c of rec.cells) {
    if (c === null || c === undefined) continue
    if (typeof c === 'number' || c.trim() !== '') return false
  }
  return true
}

/**
 * One transaction over an async stream: BEGIN IMMEDIATE takes the write lock at once (so a second writer
 * waits instead of failing mid-import); inside a caller's transaction a savepoint is used instead.
 */
interface Tx {
  commit(): void
  rollback(): void
}

function begin(db: Db): Tx {
  if (db.inTransaction) {
    db.exec('SAVEPOINT otklik_import')
    return {
      commit: () => db.exec('RELEASE otklik_import'),
      rollback: () => {
        db.exec('ROLLBACK TO otklik_import')
        db.exec('RELEASE otklik_import')
      }
    }
  }
  try {
    db.exec('BEGIN IMMEDIATE')
  } catch (e) {
    if (/locked|busy/i.test((e as Error).message))
      throw new OtklikError(
        'DB_LOCKED',
        'Another import or job is writing to the workspace. Try again when it has finished.'
      )
    throw e
  }
  let open = true
  return {
    commit: () => {
      db.exec('COMMIT')
      open = false
    },
    rollback: () => {
      if (open && db.inTransaction) db.exec('ROLLBACK')
      open = false
    }
  }
}

function mediaNote(n: number): LineMessage[] {
  return n
    ? [
        {
          line: 0,
          message: `${n} media post(s) without text or title (photos, videos, stickers) counted apart, not imported.`
        }
      ]
    : []
}

/**
 * Which row each duplicate matched and why. Lines of the rows this batch inserted are kept as two
 * ascending arrays (ids grow within a transaction), so a duplicate of an earlier row of the same file
 * names that row's line: about 16 bytes a row.
 */
class DuplicateLog {
  private readonly ids: number[] = []
  private readonly lines: number[] = []
  private readonly items: DuplicateRow[] = []
  private omitted = 0
  private within = 0
  private firstWithin: DuplicateRow | null = null

  inserted(id: number, line: number): void {
    this.ids.push(id)
    this.lines.push(line)
  }

  matched(line: number, mentionId: number, reason: DuplicateReason): void {
    const matchedLine = this.lineOf(mentionId)
    const row: DuplicateRow = { line, reason, mentionId, matchedLine }
    if (matchedLine !== null) {
      this.within++
      this.firstWithin ??= row
    }
    if (this.items.length < MAX_LISTED) this.items.push(row)
    else this.omitted++
  }

  list(): DuplicateRow[] {
    return this.items
  }

  /** One note when rows of the file collapse among themselves (and how many were not listed). */
  warnings(): LineMessage[] {
    const out: LineMessage[] = []
    const f = this.firstWithin
    if (f)
      out.push({
        line: f.line,
        message: withinFileMessage(this.within, f)
      })
    if (this.omitted) out.push({ line: 0, message: `${this.omitted} more duplicate rows not listed.` })
    return out
  }

  private lineOf(id: number): number | null {
    let lo = 0
    let hi = this.ids.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const v = this.ids[mid]!
      if (v === id) return this.lines[mid]!
      if (v < id) lo = mid + 1
      else hi = mid - 1
    }
    return null
  }
}

/** Per-row messages up to MAX_LISTED, then only counted (one closing line says how many were left out). */
class Listed {
  private readonly items: LineMessage[] = []
  private omitted = 0
  constructor(private readonly what: string) {}
  push(line: number, message: string): void {
    if (this.items.length < MAX_LISTED) this.items.push({ line, message })
    else this.omitted++
  }
  list(): LineMessage[] {
    return this.omitted
      ? [...this.items, { line: 0, message: `${this.omitted} more ${this.what} not listed.` }]
      : this.items
  }
}
