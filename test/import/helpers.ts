import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Db } from '../../src/main/core/db'
import { openWorkspaceDatabase } from '../../src/main/core/workspace'

export const FILES = join(__dirname, '..', 'fixtures', 'import', 'files')
export const fixture = (name: string): string => join(FILES, name)

/** A temp folder removed by the returned cleanup. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'otklik-import-'))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

/** A fresh workspace database in a temp file (all migrations). */
export function tempDb(dir: string, name = 'w.db'): Db {
  return openWorkspaceDatabase(join(dir, name), { create: true })
}

/** What the workspace holds, to compare before/after (content, not just counts). */
export function snapshot(db: Db): Record<string, unknown> {
  const q = (sql: string): unknown => db.prepare(sql).all()
  return {
    mentions: q(
      'SELECT dedup_key, published_at, platform, title, text, url, sentiment, likes, batch_id, manual_sentiment FROM mentions ORDER BY id'
    ),
    authors: q('SELECT key, name, type, gender, age, followers FROM authors ORDER BY id'),
    outlets: q('SELECT key, name, audience FROM outlets ORDER BY id'),
    batches: q('SELECT id, rows, inserted, undone_at FROM import_batches ORDER BY id'),
    duplicates: q('SELECT * FROM batch_duplicates ORDER BY batch_id, mention_id'),
    fts: ftsRows(db)
  }
}

export function ftsRows(db: Db): number[] {
  // Contentless FTS5: list the rowids that match any token.
  return db
    .prepare(
      "SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH 'а* OR е* OR о* OR и* OR a* OR e* OR t* OR п* OR с* OR в*' ORDER BY rowid"
    )
    .pluck()
    .all() as number[]
}

export function count(db: Db, table: string): number {
  return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number
}
