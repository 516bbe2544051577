import type Database from 'better-sqlite3'
import { normalizeText, tokenize } from '../../../shared/text'
import { stemText } from '../../../shared/stem'
import { isPlainKazakhForm, KAZAKH_LETTER } from '../../../shared/stem-kk'

/** One full-text row: rowid, normalised title and text, their stems (see src/shared/query/sql.ts). */
export type FtsRow = [number, string, string, string, string]

export const FTS_INSERT_SQL =
  'INSERT INTO mentions_fts (rowid, title, body, title_stems, body_stems) VALUES (?, ?, ?, ?, ?)'

/** The full-text entry of a mention, the one definition that ingest and re-indexing share. */
export function ftsRow(
  id: number,
  title: string | null | undefined,
  text: string | null | undefined
): FtsRow {
  const t = title ?? ''
  const b = text ?? ''
  return [id, normalizeText(t), normalizeText(b), stemText(t), stemText(b)]
}

/**
 * Whether a text has words the Kazakh stemmer handles (a Kazakh-only letter, or a plural + case chain):
 * the mentions whose stem columns changed when Kazakh stems came in.
 */
export function hasKazakhStems(text: string | null | undefined): boolean {
  if (!text) return false
  if (KAZAKH_LETTER.test(normalizeText(text))) return true
  return tokenize(text).some(isPlainKazakhForm)
}

/**
 * Rewrites the full-text entries of the stored mentions that `only` selects (all by default), in id
 * order, a page at a time (better-sqlite3 cannot write while a SELECT is being iterated). The caller owns
 * the transaction. Returns how many were scanned and rewritten.
 */
export function reindexSearch(
  db: Database.Database,
  only: (title: string | null, text: string) => boolean = () => true
): { scanned: number; reindexed: number } {
  const page = db.prepare('SELECT id, title, text FROM mentions WHERE id > ? ORDER BY id LIMIT 2000')
  const del = db.prepare('DELETE FROM mentions_fts WHERE rowid = ?')
  const ins = db.prepare(FTS_INSERT_SQL)
  let last = 0
  let scanned = 0
  let reindexed = 0
  for (;;) {
    const rows = page.all(last) as { id: number; title: string | null; text: string }[]
    if (rows.length === 0) break
    for (const r of rows) {
      scanned++
      if (!only(r.title, r.text)) continue
      del.run(r.id)
      ins.run(...ftsRow(r.id, r.title, r.text))
      reindexed++
    }
    last = (rows.at(-1) as { id: number }).id
  }
  return { scanned, reindexed }
}

/**
 * Marks mentions `lo`..`hi` as committed without their full-text entries; call in the transaction that
 * inserts them (a bulk import), then `indexPending` after the commit.
 */
export function deferIndexing(db: Database.Database, lo: number, hi: number): void {
  if (hi >= lo) db.prepare('INSERT INTO search_pending (lo, hi) VALUES (?, ?)').run(lo, hi)
}

/** Whether mention `id` is committed but not yet in the full-text index (its entry is written later). */
export function indexingPending(db: Database.Database, id: number): boolean {
  return db.prepare('SELECT 1 FROM search_pending WHERE ? BETWEEN lo AND hi').get(id) !== undefined
}

/** Rows indexed per transaction: a writer waiting for the lock waits one page at most. */
const INDEX_PAGE = 5000

/**
 * Writes the full-text entries of every mention marked pending, in id order, a page per write
 * transaction; the mark advances in the same transaction, so two indexers never write one row twice and
 * a crash resumes where it stopped. Mentions deleted meanwhile are skipped. Returns how many were indexed.
 */
export function indexPending(db: Database.Database, onPage?: (indexed: number) => void): number {
  const next = db.prepare('SELECT id, lo, hi FROM search_pending ORDER BY id LIMIT 1')
  const rows = db.prepare(
    `SELECT id, title, text FROM mentions WHERE id BETWEEN ? AND ? ORDER BY id LIMIT ${INDEX_PAGE}`
  )
  const ins = db.prepare(FTS_INSERT_SQL)
  const done = db.prepare('DELETE FROM search_pending WHERE id = ?')
  const advance = db.prepare('UPDATE search_pending SET lo = ? WHERE id = ?')
  let indexed = 0
  const page = db.transaction((): boolean => {
    const mark = next.get() as { id: number; lo: number; hi: number } | undefined
    if (!mark) return false
    const page = rows.all(mark.lo, mark.hi) as { id: number; title: string | null; text: string }[]
    for (const r of page) ins.run(...ftsRow(r.id, r.title, r.text))
    const last = page.at(-1)?.id
    if (page.length < INDEX_PAGE || last === undefined || last >= mark.hi) done.run(mark.id)
    else advance.run(last + 1, mark.id)
    indexed += page.length
    return true
  })
  while (page.immediate()) onPage?.(indexed)
  return indexed
}
