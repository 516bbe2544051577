import type { Migration } from './types'

/**
 * Every collection source that brought a mention (a feed and a Telegram channel may both carry one
 * post); `mentions.source_id` stays the source whose copy is shown. Filled from `source_id` for what
 * is already stored.
 */
export const m0004: Migration = {
  version: 4,
  name: 'mention-sources',
  up: (db) => {
    db.exec(`CREATE TABLE mention_sources (
  mention_id INTEGER NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  seen_at INTEGER NOT NULL,
  PRIMARY KEY (mention_id, source_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX mention_sources_source ON mention_sources(source_id);
INSERT INTO mention_sources (mention_id, source_id, seen_at)
  SELECT id, source_id, created_at FROM mentions WHERE source_id IS NOT NULL;`)
  }
}
