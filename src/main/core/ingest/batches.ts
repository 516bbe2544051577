import type { Db } from '../db/open'
import { OtklikError } from '../../../shared/errors'
import { BULK_SUMMARY_MIN, withSummariesInBulk } from '../db/summaries'
import { clock } from '../../../shared/clock'

export interface BatchInfo {
  kind: 'import' | 'collect' | 'folder' | 'demo'
  fileName?: string | null
  filePath?: string | null
  fileSize?: number | null
  sha256?: string | null
  preset?: string | null
  encoding?: string | null
  delimiter?: string | null
  sheet?: string | null
  headerRow?: number | null
  sourceId?: number | null
  createdBy?: string | null
}

export interface BatchCounts {
  rows: number
  inserted: number
  updated: number
  duplicates: number
  rejected: number
  errors?: { line: number; message: string }[]
  warnings?: { line: number; message: string }[]
}

/** Opens an import batch; call inside the same transaction as the inserts. */
export function createBatch(db: Db, info: BatchInfo, now = clock.now()): number {
  const r = db
    .prepare(
      `INSERT INTO import_batches (kind, file_name, file_path, file_size, sha256, preset, encoding, delimiter, sheet, header_row, source_id, created_by, created_at)
       VALUES (@kind, @fileName, @filePath, @fileSize, @sha256, @preset, @encoding, @delimiter, @sheet, @headerRow, @sourceId, @createdBy, @now)`
    )
    .run({
      kind: info.kind,
      fileName: info.fileName ?? null,
      filePath: info.filePath ?? null,
      fileSize: info.fileSize ?? null,
      sha256: info.sha256 ?? null,
      preset: info.preset ?? null,
      encoding: info.encoding ?? null,
      delimiter: info.delimiter ?? null,
      sheet: info.sheet ?? null,
      headerRow: info.headerRow ?? null,
      sourceId: info.sourceId ?? null,
      createdBy: info.createdBy ?? userName(),
      now
    })
  return Number(r.lastInsertRowid)
}

export function finishBatch(db: Db, id: number, c: BatchCounts): void {
  db.prepare(
    `UPDATE import_batches SET rows = @rows, inserted = @inserted, updated = @updated, duplicates = @duplicates, rejected = @rejected,
     errors = @errors, warnings = @warnings WHERE id = @id`
  ).run({
    id,
    rows: c.rows,
    inserted: c.inserted,
    updated: c.updated,
    duplicates: c.duplicates,
    rejected: c.rejected,
    errors: c.errors && c.errors.length ? JSON.stringify(c.errors.slice(0, 10_000)) : null,
    warnings: c.warnings && c.warnings.length ? JSON.stringify(c.warnings.slice(0, 10_000)) : null
  })
}

/**
 * Removes a batch: deletes the mentions it alone brought (a mention another batch also saw moves to
 * that batch), then authors and outlets left without mentions. Manual labels need `force`.
 * The batch row stays, marked undone, and the undo is written to the audit trail.
 */
export function undoBatch(
  db: Db,
  id: number,
  opts: { force?: boolean; user?: string } = {}
): { undone: number; deleted: number } {
  const batch = db.prepare('SELECT id, undone_at FROM import_batches WHERE id = ?').get(id) as
    { id: number; undone_at: number | null } | undefined
  if (!batch)
    throw new OtklikError(
      'NOT_FOUND',
      `No import batch with id ${id}. See the import history for valid ids.`,
      { id }
    )
  if (batch.undone_at) throw new OtklikError('NOT_FOUND', `Import batch ${id} was already undone.`, { id })
  const manual = (
    db
      .prepare('SELECT count(*) AS n FROM mentions WHERE batch_id = ? AND manual_sentiment IS NOT NULL')
      .get(id) as { n: number }
  ).n
  if (manual > 0 && !opts.force) {
    throw new OtklikError(
      'NEEDS_FORCE',
      `${manual} mention(s) of batch ${id} carry manual sentiment labels; undoing deletes them. Repeat with --force to undo anyway.`,
      { id, manual }
    )
  }
  return db.transaction(() => {
    // Mentions also seen by another live batch move to it instead of being deleted.
    db.prepare(
      `UPDATE mentions SET batch_id = (
         SELECT d.batch_id FROM batch_duplicates d JOIN import_batches b ON b.id = d.batch_id
         WHERE d.mention_id = mentions.id AND d.batch_id != @id AND b.undone_at IS NULL ORDER BY d.batch_id LIMIT 1)
       WHERE batch_id = @id AND EXISTS (
         SELECT 1 FROM batch_duplicates d JOIN import_batches b ON b.id = d.batch_id
         WHERE d.mention_id = mentions.id AND d.batch_id != @id AND b.undone_at IS NULL)`
    ).run({ id })
    const rows = db.prepare('SELECT id, published_at FROM mentions WHERE batch_id = ?').raw().all(id) as [
      number,
      number
    ][]
    const ids = rows.map((r) => r[0])
    // A large batch: summaries recomputed for the hours it touched instead of per-row trigger upserts.
    const deleted =
      ids.length >= BULK_SUMMARY_MIN
        ? withSummariesInBulk(
            db,
            rows.map((r) => r[1]),
            () => deleteMentions(db, ids)
          )
        : deleteMentions(db, ids)
    db.prepare('DELETE FROM batch_duplicates WHERE batch_id = ?').run(id)
    pruneOrphans(db)
    db.prepare('UPDATE import_batches SET undone_at = ? WHERE id = ?').run(clock.now(), id)
    db.prepare(
      `INSERT INTO label_events (field, old_value, new_value, user_name, batch_id, at) VALUES ('batch', 'active', 'undone', ?, ?, ?)`
    ).run(opts.user ?? userName(), id, clock.now())
    return { undone: id, deleted }
  })()
}

/** Deletes mentions with their index entries, topic/subject links and story membership. */
export function deleteMentions(db: Db, ids: number[]): number {
  const touchedStories = new Set<number>()
  let n = 0
  if (ids.length >= BULK_SUMMARY_MIN) n = deleteInBulk(db, ids, touchedStories)
  else {
    const delFts = db.prepare('DELETE FROM mentions_fts WHERE rowid = ?')
    const story = db.prepare('SELECT story_id FROM mentions WHERE id = ?').pluck()
    const del = db.prepare('DELETE FROM mentions WHERE id = ?')
    for (const id of ids) {
      const s = story.get(id) as number | null | undefined
      if (s) touchedStories.add(s)
      delFts.run(id)
      n += del.run(id).changes
    }
  }
  const size = db.prepare('SELECT count(*) FROM mentions WHERE story_id = ?').pluck()
  for (const s of touchedStories) {
    const left = size.get(s) as number
    if (left <= 1) {
      db.prepare('UPDATE mentions SET story_id = NULL WHERE story_id = ?').run(s)
      db.prepare('DELETE FROM stories WHERE id = ?').run(s)
    } else db.prepare('UPDATE stories SET size = ? WHERE id = ?').run(left, s)
  }
  return n
}

/**
 * Many mentions at once (a large undo): their ids in a temporary table, then one DELETE per table instead
 * of two statements per mention (100k rows: ~0.5 s less of ~2.5 s). Triggers and cascades still run per row.
 */
function deleteInBulk(db: Db, ids: number[], touchedStories: Set<number>): number {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS doomed_mentions (id INTEGER PRIMARY KEY)')
  db.exec('DELETE FROM temp.doomed_mentions')
  const add = db.prepare('INSERT OR IGNORE INTO temp.doomed_mentions (id) VALUES (?)')
  for (const id of ids) add.run(id)
  const stories = db
    .prepare(
      'SELECT DISTINCT story_id FROM mentions WHERE id IN (SELECT id FROM temp.doomed_mentions) AND story_id IS NOT NULL'
    )
    .pluck()
    .all() as number[]
  for (const s of stories) touchedStories.add(s)
  db.exec('DELETE FROM mentions_fts WHERE rowid IN (SELECT id FROM temp.doomed_mentions)')
  const n = db.prepare('DELETE FROM mentions WHERE id IN (SELECT id FROM temp.doomed_mentions)').run().changes
  db.exec('DELETE FROM temp.doomed_mentions')
  return n
}

/** Authors and outlets that no mention refers to any more. */
export function pruneOrphans(db: Db): void {
  db.exec(`DELETE FROM authors WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.author_id = authors.id)
             AND NOT EXISTS (SELECT 1 FROM authors a2 WHERE a2.merged_into = authors.id);
           DELETE FROM outlets WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.outlet_id = outlets.id);`)
}

export function userName(): string {
  return process.env.OTKLIK_USER || process.env.USERNAME || process.env.USER || 'user'
}
