import type { Migration } from './types'

/** The first schema: every table the workspace needs. Times are epoch milliseconds (UTC). */
export const m0001: Migration = {
  version: 1,
  name: 'initial',
  up: (db) => {
    db.exec(`
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE outlets (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  platform TEXT NOT NULL,
  name TEXT NOT NULL,
  url TEXT,
  audience INTEGER,
  created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE authors (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  platform TEXT NOT NULL,
  name TEXT NOT NULL,
  name_norm TEXT NOT NULL,
  url TEXT,
  type TEXT NOT NULL DEFAULT 'unknown' CHECK (type IN ('media','official','blogger','private','unknown')),
  type_manual INTEGER NOT NULL DEFAULT 0,
  gender TEXT CHECK (gender IN ('male','female')),
  age TEXT,
  followers INTEGER,
  merged_into INTEGER REFERENCES authors(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX authors_name ON authors(name_norm);
CREATE INDEX authors_merged ON authors(merged_into) WHERE merged_into IS NOT NULL;

CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  type TEXT NOT NULL CHECK (type IN ('rss','telegram','folder')),
  target TEXT NOT NULL,
  url TEXT NOT NULL,
  name TEXT NOT NULL,
  schedule TEXT NOT NULL DEFAULT '30m',
  keep TEXT NOT NULL DEFAULT 'all' CHECK (keep IN ('all','matching')),
  enabled INTEGER NOT NULL DEFAULT 1,
  etag TEXT,
  last_modified TEXT,
  state TEXT,
  last_run INTEGER,
  last_success INTEGER,
  last_status TEXT,
  last_error TEXT,
  last_fetched INTEGER,
  last_new INTEGER,
  failures INTEGER NOT NULL DEFAULT 0,
  next_run INTEGER,
  created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE import_batches (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('import','collect','folder','demo')),
  file_name TEXT,
  file_path TEXT,
  file_size INTEGER,
  sha256 TEXT,
  preset TEXT,
  encoding TEXT,
  delimiter TEXT,
  sheet TEXT,
  header_row INTEGER,
  rows INTEGER NOT NULL DEFAULT 0,
  inserted INTEGER NOT NULL DEFAULT 0,
  updated INTEGER NOT NULL DEFAULT 0,
  duplicates INTEGER NOT NULL DEFAULT 0,
  rejected INTEGER NOT NULL DEFAULT 0,
  errors TEXT,
  warnings TEXT,
  source_id INTEGER REFERENCES sources(id) ON DELETE SET NULL,
  created_by TEXT,
  created_at INTEGER NOT NULL,
  undone_at INTEGER
) STRICT;

CREATE TABLE stories (
  id INTEGER PRIMARY KEY,
  size INTEGER NOT NULL DEFAULT 1,
  first_at INTEGER,
  last_at INTEGER,
  title TEXT
) STRICT;

CREATE TABLE mentions (
  id INTEGER PRIMARY KEY,
  dedup_key TEXT NOT NULL UNIQUE,
  external_id TEXT,
  published_at INTEGER NOT NULL,
  platform TEXT NOT NULL,
  kind TEXT,
  outlet_id INTEGER REFERENCES outlets(id),
  author_id INTEGER REFERENCES authors(id),
  title TEXT,
  text TEXT NOT NULL DEFAULT '',
  url TEXT,
  url_key TEXT,
  host TEXT,
  lang TEXT,
  sentiment INTEGER CHECK (sentiment IN (-1,0,1)),
  sentiment_origin TEXT CHECK (sentiment_origin IN ('manual','import','model')),
  sentiment_score REAL,
  import_sentiment INTEGER CHECK (import_sentiment IN (-1,0,1)),
  import_sentiment_raw TEXT,
  model_sentiment INTEGER CHECK (model_sentiment IN (-1,0,1)),
  model_score REAL,
  model_explanation TEXT,
  manual_sentiment INTEGER CHECK (manual_sentiment IN (-1,0,1)),
  reach INTEGER,
  views INTEGER,
  likes INTEGER,
  reposts INTEGER,
  comments INTEGER,
  tags TEXT,
  story_id INTEGER REFERENCES stories(id) ON DELETE SET NULL,
  story_sig BLOB,
  source_id INTEGER REFERENCES sources(id) ON DELETE SET NULL,
  batch_id INTEGER REFERENCES import_batches(id) ON DELETE SET NULL,
  irrelevant INTEGER NOT NULL DEFAULT 0,
  irrelevant_reason TEXT,
  response_status TEXT CHECK (response_status IN ('needed','assigned','answered')),
  response_assignee TEXT,
  response_note TEXT,
  response_url TEXT,
  analysed_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER
) STRICT;
CREATE INDEX mentions_published ON mentions(published_at, id);
CREATE INDEX mentions_platform ON mentions(platform, published_at);
CREATE INDEX mentions_sentiment ON mentions(sentiment, published_at);
CREATE INDEX mentions_author ON mentions(author_id, published_at);
CREATE INDEX mentions_outlet ON mentions(outlet_id, published_at);
CREATE INDEX mentions_story ON mentions(story_id) WHERE story_id IS NOT NULL;
CREATE INDEX mentions_batch ON mentions(batch_id) WHERE batch_id IS NOT NULL;
CREATE INDEX mentions_source ON mentions(source_id, published_at) WHERE source_id IS NOT NULL;
CREATE INDEX mentions_url_key ON mentions(url_key) WHERE url_key IS NOT NULL;
CREATE INDEX mentions_response ON mentions(response_status, published_at) WHERE response_status IS NOT NULL;

-- Mentions a batch saw again (duplicates): undo deletes only what a batch alone brought.
CREATE TABLE batch_duplicates (
  batch_id INTEGER NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
  mention_id INTEGER NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
  PRIMARY KEY (batch_id, mention_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX batch_duplicates_mention ON batch_duplicates(mention_id);

CREATE VIRTUAL TABLE mentions_fts USING fts5(
  title, body, title_stems, body_stems,
  content='', contentless_delete=1, tokenize="unicode61 remove_diacritics 0"
);

CREATE TABLE subjects (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  query TEXT NOT NULL,
  enabled INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL
) STRICT;
CREATE TABLE mention_subjects (
  subject_id INTEGER NOT NULL REFERENCES subjects(id) ON DELETE CASCADE,
  mention_id INTEGER NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
  PRIMARY KEY (subject_id, mention_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX mention_subjects_mention ON mention_subjects(mention_id);

CREATE TABLE topics (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  names TEXT,
  query TEXT,
  sort INTEGER NOT NULL DEFAULT 0,
  enabled INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL
) STRICT;
CREATE TABLE mention_topics (
  topic_id INTEGER NOT NULL REFERENCES topics(id) ON DELETE CASCADE,
  mention_id INTEGER NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
  PRIMARY KEY (topic_id, mention_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX mention_topics_mention ON mention_topics(mention_id);

CREATE TABLE label_events (
  id INTEGER PRIMARY KEY,
  mention_id INTEGER,
  author_id INTEGER,
  field TEXT NOT NULL,
  old_value TEXT,
  new_value TEXT,
  user_name TEXT,
  batch_id INTEGER,
  at INTEGER NOT NULL
) STRICT;
CREATE INDEX label_events_mention ON label_events(mention_id);

CREATE TABLE reports (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL DEFAULT 'digest',
  period_from TEXT NOT NULL,
  period_to TEXT NOT NULL,
  lang TEXT NOT NULL,
  files TEXT NOT NULL,
  options TEXT,
  mentions INTEGER,
  created_by TEXT,
  created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE import_presets (
  name TEXT PRIMARY KEY,
  mapping TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE saved_views (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  filter TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE learned_models (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  data TEXT NOT NULL,
  quality TEXT,
  labels INTEGER NOT NULL,
  trained_at INTEGER NOT NULL
) STRICT;

-- Held while one collection round or bulk job of a kind runs; stale locks are taken over.
CREATE TABLE locks (
  name TEXT PRIMARY KEY,
  owner TEXT NOT NULL,
  pid INTEGER NOT NULL,
  acquired_at INTEGER NOT NULL,
  heartbeat_at INTEGER NOT NULL
) STRICT;
`)
  }
}
