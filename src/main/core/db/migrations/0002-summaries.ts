import type { Migration } from './types'
import { SUMMARIES_0002_SQL } from './0002-summaries.sql'

/**
 * Hourly summary tables kept exact by triggers (counts, facets and the dashboard at millions of mentions),
 * and a covering index for per-author aggregates over a period.
 */
export const m0002: Migration = {
  version: 2,
  name: 'summaries',
  up: (db) => {
    db.exec(SUMMARIES_0002_SQL)
    // The grid walks this index by date; with the columns filters and aggregates read most, paging,
    // scrollbar jumps, author and outlet tallies stay inside the index instead of reading wide rows.
    // It also serves sentiment and platform filters (few values each) better than their own indexes did,
    // so those go: two fewer indexes to update on every insert.
    db.exec(`DROP INDEX mentions_published;
DROP INDEX mentions_platform;
DROP INDEX mentions_sentiment;
CREATE INDEX mentions_published ON mentions(published_at, id, irrelevant, sentiment, platform, lang, author_id, outlet_id, reach);
-- Top publications and the grid sorted by reach read this instead of sorting a period.
CREATE INDEX mentions_reach ON mentions(ifnull(reach, -1), id);`)
  }
}
