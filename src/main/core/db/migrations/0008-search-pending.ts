import type { Migration } from './types'

/**
 * Mentions committed before their search-index entries: a bulk import commits its rows first (in the
 * grid at once) and writes their full-text entries right after, a page per transaction, advancing `lo`
 * with each page (ingest/fts.ts indexPending). A range left behind by a crash is finished when the
 * workspace is next opened.
 */
export const m0008: Migration = {
  version: 8,
  name: 'search-pending',
  up: (db) => {
    db.exec(`CREATE TABLE search_pending (
  id INTEGER PRIMARY KEY,
  lo INTEGER NOT NULL,
  hi INTEGER NOT NULL
) STRICT;`)
  }
}
