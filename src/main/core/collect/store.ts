import type { Db } from '../db/open'
import { createBatch, finishBatch, Ingestor, type MentionAnalyzer } from '../ingest'
import type { MentionInput } from '../../../shared/types'
import { hostKey } from '../../../shared/url'
import { xmlSafeText } from '../../../shared/text'
import type { KeepMode, MentionMatcher, SourceRow } from './types'

export interface StoreOutcome {
  /** Items kept after the keep filter. */
  kept: number
  inserted: number
  updated: number
  duplicates: number
  /** The 'collect' batch, or null when nothing new was stored (no empty batches in the history). */
  batchId: number | null
}

/** Items a keep-only-matching source keeps. */
export function keepItems(
  items: MentionInput[],
  keep: KeepMode,
  matcher: MentionMatcher | null | undefined
): MentionInput[] {
  if (keep !== 'matching' || !matcher) return items
  return items.filter((m) =>
    matcher({
      title: m.title ?? '',
      text: m.text ?? '',
      url: m.url ?? '',
      host: hostKey(m.url) ?? '',
      authorName: m.author?.name ?? ''
    })
  )
}

/**
 * Stores a source's items through the Ingestor (the same de-duplication, storage and indexing as
 * imports) in a batch of kind 'collect'. Call inside a transaction. The batch is removed again when
 * the round brought nothing new, so the import history lists only rounds that added mentions.
 */
export function storeItems(
  db: Db,
  source: Pick<SourceRow, 'id' | 'name' | 'url'>,
  items: MentionInput[],
  opts: { analyzer?: MentionAnalyzer | null; now: number; warnings?: string[] }
): StoreOutcome {
  if (!items.length) return { kept: 0, inserted: 0, updated: 0, duplicates: 0, batchId: null }
  const batchId = createBatch(
    db,
    { kind: 'collect', sourceId: source.id, fileName: source.name, filePath: source.url },
    opts.now
  )
  const ing = new Ingestor(db, {
    batchId,
    sourceId: source.id,
    analyzer: opts.analyzer ?? null,
    now: opts.now
  })
  for (const it of items) ing.add(it)
  const c = ing.finish()
  if (c.inserted === 0) {
    // batch_duplicates rows go with it (ON DELETE CASCADE); no mention points at it.
    db.prepare('DELETE FROM import_batches WHERE id = ?').run(batchId)
    return { kept: items.length, inserted: 0, updated: c.updated, duplicates: c.duplicates, batchId: null }
  }
  finishBatch(db, batchId, {
    rows: items.length,
    inserted: c.inserted,
    updated: c.updated,
    duplicates: c.duplicates,
    rejected: 0,
    warnings: (opts.warnings ?? []).map((message) => ({ line: 0, message }))
  })
  return { kept: items.length, inserted: c.inserted, updated: c.updated, duplicates: c.duplicates, batchId }
}

export interface StatusUpdate {
  lastRun: number
  status: 'ok' | 'not-modified' | 'error'
  error: string | null
  fetched: number
  inserted: number
  failures: number
  nextRun: number
  success: boolean
  etag?: string | null
  lastModified?: string | null
  state?: string | null
  name?: string | null
}

/** Writes a source's status after a run. Columns not given (etag, state, name) stay as they are. */
export function recordStatus(db: Db, id: number, u: StatusUpdate): void {
  db.prepare(
    `UPDATE sources SET last_run = @lastRun, last_status = @status, last_error = @error, last_fetched = @fetched, last_new = @inserted,
       failures = @failures, next_run = @nextRun,
       last_success = CASE WHEN @success THEN @lastRun ELSE last_success END,
       etag = CASE WHEN @setEtag THEN @etag ELSE etag END,
       last_modified = CASE WHEN @setEtag THEN @lastModified ELSE last_modified END,
       state = CASE WHEN @setState THEN @state ELSE state END,
       name = coalesce(@name, name)
     WHERE id = @id`
  ).run({
    id,
    lastRun: u.lastRun,
    status: u.status,
    // A feed's title and a server's error text come from outside: stored like mention text.
    error: u.error === null ? null : xmlSafeText(u.error),
    fetched: u.fetched,
    inserted: u.inserted,
    failures: u.failures,
    nextRun: u.nextRun,
    success: u.success ? 1 : 0,
    setEtag: u.etag !== undefined || u.lastModified !== undefined ? 1 : 0,
    etag: u.etag ?? null,
    lastModified: u.lastModified ?? null,
    setState: u.state !== undefined ? 1 : 0,
    state: u.state ?? null,
    name: u.name ? xmlSafeText(u.name) : null
  })
}
