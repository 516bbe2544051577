import type { Migration } from './types'
import { hasKazakhStems, reindexSearch } from '../../ingest/fts'

/**
 * Kazakh words got their own stems (src/shared/stem-kk.ts): before, they went through the Russian
 * stemmer and needed a wildcard. Rewrites the stem columns of the mentions with Kazakh words; other
 * entries are unchanged. Numbered 5 so that it stays distinct from migrations written in parallel.
 */
export const m0003: Migration = {
  version: 3,
  name: 'kazakh-stems',
  up: (db) => {
    reindexSearch(db, (title, text) => hasKazakhStems(title) || hasKazakhStems(text))
  }
}
