import type { Migration } from './types'

/**
 * The reach index holds what the date index holds (irrelevant, sentiment, platform, language, author,
 * outlet, date), so the grid sorted by reach walks it in order, checks most filters inside it and steps
 * scrollbar anchors along it like the date order does, instead of ranking the whole list on a far jump;
 * the dashboard's top publications read it the same way.
 */
export const m0006: Migration = {
  version: 6,
  name: 'reach-index',
  up: (db) => {
    db.exec(`DROP INDEX mentions_reach;
CREATE INDEX mentions_reach ON mentions(ifnull(reach, -1), id, irrelevant, sentiment, platform, lang, author_id, outlet_id, published_at);`)
  }
}
