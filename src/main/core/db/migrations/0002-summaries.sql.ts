// Generated once from summariesDdl() when migration 0002 shipped, and frozen: a shipped migration never
// changes. A change to the summary tables or triggers is a new migration (test/core/migrations.test.ts
// fails when the code's summariesDdl() and the migrated schema drift apart).
export const SUMMARIES_0002_SQL =
  'CREATE TABLE mention_sums_blocks (\n' +
  '  bucket INTEGER NOT NULL,\n' +
  '  platform TEXT NOT NULL,\n' +
  '  sentiment INTEGER NOT NULL,\n' +
  '  irrelevant INTEGER NOT NULL,\n' +
  '  n INTEGER NOT NULL,\n' +
  '  reach INTEGER NOT NULL,\n' +
  '  PRIMARY KEY (bucket, platform, sentiment, irrelevant)\n' +
  ') STRICT, WITHOUT ROWID;\n' +
  '\n' +
  'CREATE TABLE mention_sums_days (\n' +
  '  bucket INTEGER NOT NULL,\n' +
  '  platform TEXT NOT NULL,\n' +
  '  sentiment INTEGER NOT NULL,\n' +
  '  irrelevant INTEGER NOT NULL,\n' +
  '  n INTEGER NOT NULL,\n' +
  '  reach INTEGER NOT NULL,\n' +
  '  PRIMARY KEY (bucket, platform, sentiment, irrelevant)\n' +
  ') STRICT, WITHOUT ROWID;\n' +
  '\n' +
  'CREATE TABLE mention_sums_hours (\n' +
  '  bucket INTEGER NOT NULL,\n' +
  '  platform TEXT NOT NULL,\n' +
  '  sentiment INTEGER NOT NULL,\n' +
  '  irrelevant INTEGER NOT NULL,\n' +
  '  n INTEGER NOT NULL,\n' +
  '  reach INTEGER NOT NULL,\n' +
  '  PRIMARY KEY (bucket, platform, sentiment, irrelevant)\n' +
  ') STRICT, WITHOUT ROWID;\n' +
  '\n' +
  'CREATE TABLE mention_origin_sums_blocks (\n' +
  '  bucket INTEGER NOT NULL,\n' +
  '  platform TEXT NOT NULL,\n' +
  '  sentiment INTEGER NOT NULL,\n' +
  '  irrelevant INTEGER NOT NULL,\n' +
  '  lang TEXT NOT NULL,\n' +
  '  source_id INTEGER NOT NULL,\n' +
  '  n INTEGER NOT NULL,\n' +
  '  reach INTEGER NOT NULL,\n' +
  '  PRIMARY KEY (bucket, platform, sentiment, irrelevant, lang, source_id)\n' +
  ') STRICT, WITHOUT ROWID;\n' +
  '\n' +
  'CREATE TABLE mention_origin_sums_days (\n' +
  '  bucket INTEGER NOT NULL,\n' +
  '  platform TEXT NOT NULL,\n' +
  '  sentiment INTEGER NOT NULL,\n' +
  '  irrelevant INTEGER NOT NULL,\n' +
  '  lang TEXT NOT NULL,\n' +
  '  source_id INTEGER NOT NULL,\n' +
  '  n INTEGER NOT NULL,\n' +
  '  reach INTEGER NOT NULL,\n' +
  '  PRIMARY KEY (bucket, platform, sentiment, irrelevant, lang, source_id)\n' +
  ') STRICT, WITHOUT ROWID;\n' +
  '\n' +
  'CREATE TABLE mention_origin_sums_hours (\n' +
  '  bucket INTEGER NOT NULL,\n' +
  '  platform TEXT NOT NULL,\n' +
  '  sentiment INTEGER NOT NULL,\n' +
  '  irrelevant INTEGER NOT NULL,\n' +
  '  lang TEXT NOT NULL,\n' +
  '  source_id INTEGER NOT NULL,\n' +
  '  n INTEGER NOT NULL,\n' +
  '  reach INTEGER NOT NULL,\n' +
  '  PRIMARY KEY (bucket, platform, sentiment, irrelevant, lang, source_id)\n' +
  ') STRICT, WITHOUT ROWID;\n' +
  '\n' +
  'CREATE TABLE mention_author_sums_blocks (\n' +
  '  bucket INTEGER NOT NULL,\n' +
  '  platform TEXT NOT NULL,\n' +
  '  sentiment INTEGER NOT NULL,\n' +
  '  irrelevant INTEGER NOT NULL,\n' +
  '  author_type TEXT NOT NULL,\n' +
  '  n INTEGER NOT NULL,\n' +
  '  reach INTEGER NOT NULL,\n' +
  '  PRIMARY KEY (bucket, platform, sentiment, irrelevant, author_type)\n' +
  ') STRICT, WITHOUT ROWID;\n' +
  '\n' +
  'CREATE TABLE mention_author_sums_days (\n' +
  '  bucket INTEGER NOT NULL,\n' +
  '  platform TEXT NOT NULL,\n' +
  '  sentiment INTEGER NOT NULL,\n' +
  '  irrelevant INTEGER NOT NULL,\n' +
  '  author_type TEXT NOT NULL,\n' +
  '  n INTEGER NOT NULL,\n' +
  '  reach INTEGER NOT NULL,\n' +
  '  PRIMARY KEY (bucket, platform, sentiment, irrelevant, author_type)\n' +
  ') STRICT, WITHOUT ROWID;\n' +
  '\n' +
  'CREATE TABLE mention_author_sums_hours (\n' +
  '  bucket INTEGER NOT NULL,\n' +
  '  platform TEXT NOT NULL,\n' +
  '  sentiment INTEGER NOT NULL,\n' +
  '  irrelevant INTEGER NOT NULL,\n' +
  '  author_type TEXT NOT NULL,\n' +
  '  n INTEGER NOT NULL,\n' +
  '  reach INTEGER NOT NULL,\n' +
  '  PRIMARY KEY (bucket, platform, sentiment, irrelevant, author_type)\n' +
  ') STRICT, WITHOUT ROWID;\n' +
  '\n' +
  'CREATE TABLE mention_audience_sums_blocks (\n' +
  '  bucket INTEGER NOT NULL,\n' +
  '  platform TEXT NOT NULL,\n' +
  '  sentiment INTEGER NOT NULL,\n' +
  '  irrelevant INTEGER NOT NULL,\n' +
  '  gender TEXT NOT NULL,\n' +
  '  age TEXT NOT NULL,\n' +
  '  n INTEGER NOT NULL,\n' +
  '  reach INTEGER NOT NULL,\n' +
  '  PRIMARY KEY (bucket, platform, sentiment, irrelevant, gender, age)\n' +
  ') STRICT, WITHOUT ROWID;\n' +
  '\n' +
  'CREATE TABLE mention_audience_sums_days (\n' +
  '  bucket INTEGER NOT NULL,\n' +
  '  platform TEXT NOT NULL,\n' +
  '  sentiment INTEGER NOT NULL,\n' +
  '  irrelevant INTEGER NOT NULL,\n' +
  '  gender TEXT NOT NULL,\n' +
  '  age TEXT NOT NULL,\n' +
  '  n INTEGER NOT NULL,\n' +
  '  reach INTEGER NOT NULL,\n' +
  '  PRIMARY KEY (bucket, platform, sentiment, irrelevant, gender, age)\n' +
  ') STRICT, WITHOUT ROWID;\n' +
  '\n' +
  'CREATE TABLE mention_audience_sums_hours (\n' +
  '  bucket INTEGER NOT NULL,\n' +
  '  platform TEXT NOT NULL,\n' +
  '  sentiment INTEGER NOT NULL,\n' +
  '  irrelevant INTEGER NOT NULL,\n' +
  '  gender TEXT NOT NULL,\n' +
  '  age TEXT NOT NULL,\n' +
  '  n INTEGER NOT NULL,\n' +
  '  reach INTEGER NOT NULL,\n' +
  '  PRIMARY KEY (bucket, platform, sentiment, irrelevant, gender, age)\n' +
  ') STRICT, WITHOUT ROWID;\n' +
  '\n' +
  'CREATE TABLE mention_topic_sums_blocks (\n' +
  '  bucket INTEGER NOT NULL,\n' +
  '  platform TEXT NOT NULL,\n' +
  '  sentiment INTEGER NOT NULL,\n' +
  '  irrelevant INTEGER NOT NULL,\n' +
  '  topic_id INTEGER NOT NULL,\n' +
  '  n INTEGER NOT NULL,\n' +
  '  reach INTEGER NOT NULL,\n' +
  '  PRIMARY KEY (bucket, platform, sentiment, irrelevant, topic_id)\n' +
  ') STRICT, WITHOUT ROWID;\n' +
  '\n' +
  'CREATE TABLE mention_topic_sums_days (\n' +
  '  bucket INTEGER NOT NULL,\n' +
  '  platform TEXT NOT NULL,\n' +
  '  sentiment INTEGER NOT NULL,\n' +
  '  irrelevant INTEGER NOT NULL,\n' +
  '  topic_id INTEGER NOT NULL,\n' +
  '  n INTEGER NOT NULL,\n' +
  '  reach INTEGER NOT NULL,\n' +
  '  PRIMARY KEY (bucket, platform, sentiment, irrelevant, topic_id)\n' +
  ') STRICT, WITHOUT ROWID;\n' +
  '\n' +
  'CREATE TABLE mention_topic_sums_hours (\n' +
  '  bucket INTEGER NOT NULL,\n' +
  '  platform TEXT NOT NULL,\n' +
  '  sentiment INTEGER NOT NULL,\n' +
  '  irrelevant INTEGER NOT NULL,\n' +
  '  topic_id INTEGER NOT NULL,\n' +
  '  n INTEGER NOT NULL,\n' +
  '  reach INTEGER NOT NULL,\n' +
  '  PRIMARY KEY (bucket, platform, sentiment, irrelevant, topic_id)\n' +
  ') STRICT, WITHOUT ROWID;\n' +
  '\n' +
  'CREATE TABLE mention_subject_sums_blocks (\n' +
  '  bucket INTEGER NOT NULL,\n' +
  '  platform TEXT NOT NULL,\n' +
  '  sentiment INTEGER NOT NULL,\n' +
  '  irrelevant INTEGER NOT NULL,\n' +
  '  subject_id INTEGER NOT NULL,\n' +
  '  n INTEGER NOT NULL,\n' +
  '  reach INTEGER NOT NULL,\n' +
  '  PRIMARY KEY (bucket, platform, sentiment, irrelevant, subject_id)\n' +
  ') STRICT, WITHOUT ROWID;\n' +
  '\n' +
  'CREATE TABLE mention_subject_sums_days (\n' +
  '  bucket INTEGER NOT NULL,\n' +
  '  platform TEXT NOT NULL,\n' +
  '  sentiment INTEGER NOT NULL,\n' +
  '  irrelevant INTEGER NOT NULL,\n' +
  '  subject_id INTEGER NOT NULL,\n' +
  '  n INTEGER NOT NULL,\n' +
  '  reach INTEGER NOT NULL,\n' +
  '  PRIMARY KEY (bucket, platform, sentiment, irrelevant, subject_id)\n' +
  ') STRICT, WITHOUT ROWID;\n' +
  '\n' +
  'CREATE TABLE mention_subject_sums_hours (\n' +
  '  bucket INTEGER NOT NULL,\n' +
  '  platform TEXT NOT NULL,\n' +
  '  sentiment INTEGER NOT NULL,\n' +
  '  irrelevant INTEGER NOT NULL,\n' +
  '  subject_id INTEGER NOT NULL,\n' +
  '  n INTEGER NOT NULL,\n' +
  '  reach INTEGER NOT NULL,\n' +
  '  PRIMARY KEY (bucket, platform, sentiment, irrelevant, subject_id)\n' +
  ') STRICT, WITHOUT ROWID;\n' +
  '\n' +
  'INSERT INTO mention_sums_blocks (bucket, platform, sentiment, irrelevant, n, reach)\n' +
  'SELECT m.published_at / 2764800000, m.platform, ifnull(m.sentiment, 2), m.irrelevant, count(*), sum(ifnull(m.reach, 0))\n' +
  '  FROM mentions m GROUP BY 1, 2, 3, 4;\n' +
  '\n' +
  'INSERT INTO mention_sums_days (bucket, platform, sentiment, irrelevant, n, reach)\n' +
  'SELECT m.published_at / 86400000, m.platform, ifnull(m.sentiment, 2), m.irrelevant, count(*), sum(ifnull(m.reach, 0))\n' +
  '  FROM mentions m GROUP BY 1, 2, 3, 4;\n' +
  '\n' +
  'INSERT INTO mention_sums_hours (bucket, platform, sentiment, irrelevant, n, reach)\n' +
  'SELECT m.published_at / 3600000, m.platform, ifnull(m.sentiment, 2), m.irrelevant, count(*), sum(ifnull(m.reach, 0))\n' +
  '  FROM mentions m GROUP BY 1, 2, 3, 4;\n' +
  '\n' +
  'INSERT INTO mention_origin_sums_blocks (bucket, platform, sentiment, irrelevant, lang, source_id, n, reach)\n' +
  "SELECT m.published_at / 2764800000, m.platform, ifnull(m.sentiment, 2), m.irrelevant, ifnull(m.lang, ''), ifnull(m.source_id, 0), count(*), sum(ifnull(m.reach, 0))\n" +
  '  FROM mentions m GROUP BY 1, 2, 3, 4, 5, 6;\n' +
  '\n' +
  'INSERT INTO mention_origin_sums_days (bucket, platform, sentiment, irrelevant, lang, source_id, n, reach)\n' +
  "SELECT m.published_at / 86400000, m.platform, ifnull(m.sentiment, 2), m.irrelevant, ifnull(m.lang, ''), ifnull(m.source_id, 0), count(*), sum(ifnull(m.reach, 0))\n" +
  '  FROM mentions m GROUP BY 1, 2, 3, 4, 5, 6;\n' +
  '\n' +
  'INSERT INTO mention_origin_sums_hours (bucket, platform, sentiment, irrelevant, lang, source_id, n, reach)\n' +
  "SELECT m.published_at / 3600000, m.platform, ifnull(m.sentiment, 2), m.irrelevant, ifnull(m.lang, ''), ifnull(m.source_id, 0), count(*), sum(ifnull(m.reach, 0))\n" +
  '  FROM mentions m GROUP BY 1, 2, 3, 4, 5, 6;\n' +
  '\n' +
  'INSERT INTO mention_author_sums_blocks (bucket, platform, sentiment, irrelevant, author_type, n, reach)\n' +
  "SELECT m.published_at / 2764800000, m.platform, ifnull(m.sentiment, 2), m.irrelevant, ifnull(a.type, ''), count(*), sum(ifnull(m.reach, 0))\n" +
  '  FROM mentions m LEFT JOIN authors a ON a.id = m.author_id GROUP BY 1, 2, 3, 4, 5;\n' +
  '\n' +
  'INSERT INTO mention_author_sums_days (bucket, platform, sentiment, irrelevant, author_type, n, reach)\n' +
  "SELECT m.published_at / 86400000, m.platform, ifnull(m.sentiment, 2), m.irrelevant, ifnull(a.type, ''), count(*), sum(ifnull(m.reach, 0))\n" +
  '  FROM mentions m LEFT JOIN authors a ON a.id = m.author_id GROUP BY 1, 2, 3, 4, 5;\n' +
  '\n' +
  'INSERT INTO mention_author_sums_hours (bucket, platform, sentiment, irrelevant, author_type, n, reach)\n' +
  "SELECT m.published_at / 3600000, m.platform, ifnull(m.sentiment, 2), m.irrelevant, ifnull(a.type, ''), count(*), sum(ifnull(m.reach, 0))\n" +
  '  FROM mentions m LEFT JOIN authors a ON a.id = m.author_id GROUP BY 1, 2, 3, 4, 5;\n' +
  '\n' +
  'INSERT INTO mention_audience_sums_blocks (bucket, platform, sentiment, irrelevant, gender, age, n, reach)\n' +
  "SELECT m.published_at / 2764800000, m.platform, ifnull(m.sentiment, 2), m.irrelevant, ifnull(a.gender, ''), ifnull(a.age, ''), count(*), sum(ifnull(m.reach, 0))\n" +
  '  FROM mentions m LEFT JOIN authors a ON a.id = m.author_id GROUP BY 1, 2, 3, 4, 5, 6;\n' +
  '\n' +
  'INSERT INTO mention_audience_sums_days (bucket, platform, sentiment, irrelevant, gender, age, n, reach)\n' +
  "SELECT m.published_at / 86400000, m.platform, ifnull(m.sentiment, 2), m.irrelevant, ifnull(a.gender, ''), ifnull(a.age, ''), count(*), sum(ifnull(m.reach, 0))\n" +
  '  FROM mentions m LEFT JOIN authors a ON a.id = m.author_id GROUP BY 1, 2, 3, 4, 5, 6;\n' +
  '\n' +
  'INSERT INTO mention_audience_sums_hours (bucket, platform, sentiment, irrelevant, gender, age, n, reach)\n' +
  "SELECT m.published_at / 3600000, m.platform, ifnull(m.sentiment, 2), m.irrelevant, ifnull(a.gender, ''), ifnull(a.age, ''), count(*), sum(ifnull(m.reach, 0))\n" +
  '  FROM mentions m LEFT JOIN authors a ON a.id = m.author_id GROUP BY 1, 2, 3, 4, 5, 6;\n' +
  '\n' +
  'INSERT INTO mention_topic_sums_blocks (bucket, platform, sentiment, irrelevant, topic_id, n, reach)\n' +
  'SELECT m.published_at / 2764800000, m.platform, ifnull(m.sentiment, 2), m.irrelevant, x.topic_id, count(*), sum(ifnull(m.reach, 0))\n' +
  '  FROM mention_topics x JOIN mentions m ON m.id = x.mention_id GROUP BY 1, 2, 3, 4, 5;\n' +
  '\n' +
  'INSERT INTO mention_topic_sums_days (bucket, platform, sentiment, irrelevant, topic_id, n, reach)\n' +
  'SELECT m.published_at / 86400000, m.platform, ifnull(m.sentiment, 2), m.irrelevant, x.topic_id, count(*), sum(ifnull(m.reach, 0))\n' +
  '  FROM mention_topics x JOIN mentions m ON m.id = x.mention_id GROUP BY 1, 2, 3, 4, 5;\n' +
  '\n' +
  'INSERT INTO mention_topic_sums_hours (bucket, platform, sentiment, irrelevant, topic_id, n, reach)\n' +
  'SELECT m.published_at / 3600000, m.platform, ifnull(m.sentiment, 2), m.irrelevant, x.topic_id, count(*), sum(ifnull(m.reach, 0))\n' +
  '  FROM mention_topics x JOIN mentions m ON m.id = x.mention_id GROUP BY 1, 2, 3, 4, 5;\n' +
  '\n' +
  'INSERT INTO mention_subject_sums_blocks (bucket, platform, sentiment, irrelevant, subject_id, n, reach)\n' +
  'SELECT m.published_at / 2764800000, m.platform, ifnull(m.sentiment, 2), m.irrelevant, x.subject_id, count(*), sum(ifnull(m.reach, 0))\n' +
  '  FROM mention_subjects x JOIN mentions m ON m.id = x.mention_id GROUP BY 1, 2, 3, 4, 5;\n' +
  '\n' +
  'INSERT INTO mention_subject_sums_days (bucket, platform, sentiment, irrelevant, subject_id, n, reach)\n' +
  'SELECT m.published_at / 86400000, m.platform, ifnull(m.sentiment, 2), m.irrelevant, x.subject_id, count(*), sum(ifnull(m.reach, 0))\n' +
  '  FROM mention_subjects x JOIN mentions m ON m.id = x.mention_id GROUP BY 1, 2, 3, 4, 5;\n' +
  '\n' +
  'INSERT INTO mention_subject_sums_hours (bucket, platform, sentiment, irrelevant, subject_id, n, reach)\n' +
  'SELECT m.published_at / 3600000, m.platform, ifnull(m.sentiment, 2), m.irrelevant, x.subject_id, count(*), sum(ifnull(m.reach, 0))\n' +
  '  FROM mention_subjects x JOIN mentions m ON m.id = x.mention_id GROUP BY 1, 2, 3, 4, 5;\n' +
  '\n' +
  'CREATE TRIGGER mentions_summary_ai AFTER INSERT ON mentions BEGIN\n' +
  'INSERT INTO mention_sums_blocks (bucket, platform, sentiment, irrelevant, n, reach)\n' +
  '  SELECT new.published_at / 2764800000, new.platform, ifnull(new.sentiment, 2), new.irrelevant, 1, 1 * ifnull(new.reach, 0)\n' +
  '  FROM (SELECT 1) WHERE true ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_sums_days (bucket, platform, sentiment, irrelevant, n, reach)\n' +
  '  SELECT new.published_at / 86400000, new.platform, ifnull(new.sentiment, 2), new.irrelevant, 1, 1 * ifnull(new.reach, 0)\n' +
  '  FROM (SELECT 1) WHERE true ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_sums_hours (bucket, platform, sentiment, irrelevant, n, reach)\n' +
  '  SELECT new.published_at / 3600000, new.platform, ifnull(new.sentiment, 2), new.irrelevant, 1, 1 * ifnull(new.reach, 0)\n' +
  '  FROM (SELECT 1) WHERE true ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_origin_sums_blocks (bucket, platform, sentiment, irrelevant, lang, source_id, n, reach)\n' +
  "  SELECT new.published_at / 2764800000, new.platform, ifnull(new.sentiment, 2), new.irrelevant, ifnull(new.lang, ''), ifnull(new.source_id, 0), 1, 1 * ifnull(new.reach, 0)\n" +
  '  FROM (SELECT 1) WHERE true ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_origin_sums_days (bucket, platform, sentiment, irrelevant, lang, source_id, n, reach)\n' +
  "  SELECT new.published_at / 86400000, new.platform, ifnull(new.sentiment, 2), new.irrelevant, ifnull(new.lang, ''), ifnull(new.source_id, 0), 1, 1 * ifnull(new.reach, 0)\n" +
  '  FROM (SELECT 1) WHERE true ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_origin_sums_hours (bucket, platform, sentiment, irrelevant, lang, source_id, n, reach)\n' +
  "  SELECT new.published_at / 3600000, new.platform, ifnull(new.sentiment, 2), new.irrelevant, ifnull(new.lang, ''), ifnull(new.source_id, 0), 1, 1 * ifnull(new.reach, 0)\n" +
  '  FROM (SELECT 1) WHERE true ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_author_sums_blocks (bucket, platform, sentiment, irrelevant, author_type, n, reach)\n' +
  "  SELECT new.published_at / 2764800000, new.platform, ifnull(new.sentiment, 2), new.irrelevant, ifnull(a.type, ''), 1, 1 * ifnull(new.reach, 0)\n" +
  '  FROM (SELECT 1) LEFT JOIN authors a ON a.id = new.author_id WHERE true ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_author_sums_days (bucket, platform, sentiment, irrelevant, author_type, n, reach)\n' +
  "  SELECT new.published_at / 86400000, new.platform, ifnull(new.sentiment, 2), new.irrelevant, ifnull(a.type, ''), 1, 1 * ifnull(new.reach, 0)\n" +
  '  FROM (SELECT 1) LEFT JOIN authors a ON a.id = new.author_id WHERE true ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_author_sums_hours (bucket, platform, sentiment, irrelevant, author_type, n, reach)\n' +
  "  SELECT new.published_at / 3600000, new.platform, ifnull(new.sentiment, 2), new.irrelevant, ifnull(a.type, ''), 1, 1 * ifnull(new.reach, 0)\n" +
  '  FROM (SELECT 1) LEFT JOIN authors a ON a.id = new.author_id WHERE true ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_audience_sums_blocks (bucket, platform, sentiment, irrelevant, gender, age, n, reach)\n' +
  "  SELECT new.published_at / 2764800000, new.platform, ifnull(new.sentiment, 2), new.irrelevant, ifnull(a.gender, ''), ifnull(a.age, ''), 1, 1 * ifnull(new.reach, 0)\n" +
  '  FROM (SELECT 1) LEFT JOIN authors a ON a.id = new.author_id WHERE true ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_audience_sums_days (bucket, platform, sentiment, irrelevant, gender, age, n, reach)\n' +
  "  SELECT new.published_at / 86400000, new.platform, ifnull(new.sentiment, 2), new.irrelevant, ifnull(a.gender, ''), ifnull(a.age, ''), 1, 1 * ifnull(new.reach, 0)\n" +
  '  FROM (SELECT 1) LEFT JOIN authors a ON a.id = new.author_id WHERE true ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_audience_sums_hours (bucket, platform, sentiment, irrelevant, gender, age, n, reach)\n' +
  "  SELECT new.published_at / 3600000, new.platform, ifnull(new.sentiment, 2), new.irrelevant, ifnull(a.gender, ''), ifnull(a.age, ''), 1, 1 * ifnull(new.reach, 0)\n" +
  '  FROM (SELECT 1) LEFT JOIN authors a ON a.id = new.author_id WHERE true ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'END;\n' +
  '\n' +
  'CREATE TRIGGER mentions_summary_bd BEFORE DELETE ON mentions BEGIN\n' +
  'DELETE FROM mention_topics WHERE mention_id = old.id;\n' +
  'DELETE FROM mention_subjects WHERE mention_id = old.id;\n' +
  'END;\n' +
  '\n' +
  'CREATE TRIGGER mentions_summary_ad AFTER DELETE ON mentions BEGIN\n' +
  'INSERT INTO mention_sums_blocks (bucket, platform, sentiment, irrelevant, n, reach)\n' +
  '  SELECT old.published_at / 2764800000, old.platform, ifnull(old.sentiment, 2), old.irrelevant, -1, -1 * ifnull(old.reach, 0)\n' +
  '  FROM (SELECT 1) WHERE true ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_sums_days (bucket, platform, sentiment, irrelevant, n, reach)\n' +
  '  SELECT old.published_at / 86400000, old.platform, ifnull(old.sentiment, 2), old.irrelevant, -1, -1 * ifnull(old.reach, 0)\n' +
  '  FROM (SELECT 1) WHERE true ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_sums_hours (bucket, platform, sentiment, irrelevant, n, reach)\n' +
  '  SELECT old.published_at / 3600000, old.platform, ifnull(old.sentiment, 2), old.irrelevant, -1, -1 * ifnull(old.reach, 0)\n' +
  '  FROM (SELECT 1) WHERE true ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_origin_sums_blocks (bucket, platform, sentiment, irrelevant, lang, source_id, n, reach)\n' +
  "  SELECT old.published_at / 2764800000, old.platform, ifnull(old.sentiment, 2), old.irrelevant, ifnull(old.lang, ''), ifnull(old.source_id, 0), -1, -1 * ifnull(old.reach, 0)\n" +
  '  FROM (SELECT 1) WHERE true ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_origin_sums_days (bucket, platform, sentiment, irrelevant, lang, source_id, n, reach)\n' +
  "  SELECT old.published_at / 86400000, old.platform, ifnull(old.sentiment, 2), old.irrelevant, ifnull(old.lang, ''), ifnull(old.source_id, 0), -1, -1 * ifnull(old.reach, 0)\n" +
  '  FROM (SELECT 1) WHERE true ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_origin_sums_hours (bucket, platform, sentiment, irrelevant, lang, source_id, n, reach)\n' +
  "  SELECT old.published_at / 3600000, old.platform, ifnull(old.sentiment, 2), old.irrelevant, ifnull(old.lang, ''), ifnull(old.source_id, 0), -1, -1 * ifnull(old.reach, 0)\n" +
  '  FROM (SELECT 1) WHERE true ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_author_sums_blocks (bucket, platform, sentiment, irrelevant, author_type, n, reach)\n' +
  "  SELECT old.published_at / 2764800000, old.platform, ifnull(old.sentiment, 2), old.irrelevant, ifnull(a.type, ''), -1, -1 * ifnull(old.reach, 0)\n" +
  '  FROM (SELECT 1) LEFT JOIN authors a ON a.id = old.author_id WHERE true ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_author_sums_days (bucket, platform, sentiment, irrelevant, author_type, n, reach)\n' +
  "  SELECT old.published_at / 86400000, old.platform, ifnull(old.sentiment, 2), old.irrelevant, ifnull(a.type, ''), -1, -1 * ifnull(old.reach, 0)\n" +
  '  FROM (SELECT 1) LEFT JOIN authors a ON a.id = old.author_id WHERE true ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_author_sums_hours (bucket, platform, sentiment, irrelevant, author_type, n, reach)\n' +
  "  SELECT old.published_at / 3600000, old.platform, ifnull(old.sentiment, 2), old.irrelevant, ifnull(a.type, ''), -1, -1 * ifnull(old.reach, 0)\n" +
  '  FROM (SELECT 1) LEFT JOIN authors a ON a.id = old.author_id WHERE true ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_audience_sums_blocks (bucket, platform, sentiment, irrelevant, gender, age, n, reach)\n' +
  "  SELECT old.published_at / 2764800000, old.platform, ifnull(old.sentiment, 2), old.irrelevant, ifnull(a.gender, ''), ifnull(a.age, ''), -1, -1 * ifnull(old.reach, 0)\n" +
  '  FROM (SELECT 1) LEFT JOIN authors a ON a.id = old.author_id WHERE true ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_audience_sums_days (bucket, platform, sentiment, irrelevant, gender, age, n, reach)\n' +
  "  SELECT old.published_at / 86400000, old.platform, ifnull(old.sentiment, 2), old.irrelevant, ifnull(a.gender, ''), ifnull(a.age, ''), -1, -1 * ifnull(old.reach, 0)\n" +
  '  FROM (SELECT 1) LEFT JOIN authors a ON a.id = old.author_id WHERE true ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_audience_sums_hours (bucket, platform, sentiment, irrelevant, gender, age, n, reach)\n' +
  "  SELECT old.published_at / 3600000, old.platform, ifnull(old.sentiment, 2), old.irrelevant, ifnull(a.gender, ''), ifnull(a.age, ''), -1, -1 * ifnull(old.reach, 0)\n" +
  '  FROM (SELECT 1) LEFT JOIN authors a ON a.id = old.author_id WHERE true ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'END;\n' +
  '\n' +
  'CREATE TRIGGER mentions_summary_au AFTER UPDATE OF published_at, platform, sentiment, irrelevant, lang, source_id, author_id, reach ON mentions WHEN old.published_at IS NOT new.published_at OR old.platform IS NOT new.platform OR old.sentiment IS NOT new.sentiment OR old.irrelevant IS NOT new.irrelevant OR old.lang IS NOT new.lang OR old.source_id IS NOT new.source_id OR old.author_id IS NOT new.author_id OR old.reach IS NOT new.reach BEGIN\n' +
  'INSERT INTO mention_sums_blocks (bucket, platform, sentiment, irrelevant, n, reach)\n' +
  '  SELECT old.published_at / 2764800000, old.platform, ifnull(old.sentiment, 2), old.irrelevant, -1, -1 * ifnull(old.reach, 0)\n' +
  '  FROM (SELECT 1) WHERE true ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_sums_blocks (bucket, platform, sentiment, irrelevant, n, reach)\n' +
  '  SELECT new.published_at / 2764800000, new.platform, ifnull(new.sentiment, 2), new.irrelevant, 1, 1 * ifnull(new.reach, 0)\n' +
  '  FROM (SELECT 1) WHERE true ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_sums_days (bucket, platform, sentiment, irrelevant, n, reach)\n' +
  '  SELECT old.published_at / 86400000, old.platform, ifnull(old.sentiment, 2), old.irrelevant, -1, -1 * ifnull(old.reach, 0)\n' +
  '  FROM (SELECT 1) WHERE true ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_sums_days (bucket, platform, sentiment, irrelevant, n, reach)\n' +
  '  SELECT new.published_at / 86400000, new.platform, ifnull(new.sentiment, 2), new.irrelevant, 1, 1 * ifnull(new.reach, 0)\n' +
  '  FROM (SELECT 1) WHERE true ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_sums_hours (bucket, platform, sentiment, irrelevant, n, reach)\n' +
  '  SELECT old.published_at / 3600000, old.platform, ifnull(old.sentiment, 2), old.irrelevant, -1, -1 * ifnull(old.reach, 0)\n' +
  '  FROM (SELECT 1) WHERE true ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_sums_hours (bucket, platform, sentiment, irrelevant, n, reach)\n' +
  '  SELECT new.published_at / 3600000, new.platform, ifnull(new.sentiment, 2), new.irrelevant, 1, 1 * ifnull(new.reach, 0)\n' +
  '  FROM (SELECT 1) WHERE true ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_origin_sums_blocks (bucket, platform, sentiment, irrelevant, lang, source_id, n, reach)\n' +
  "  SELECT old.published_at / 2764800000, old.platform, ifnull(old.sentiment, 2), old.irrelevant, ifnull(old.lang, ''), ifnull(old.source_id, 0), -1, -1 * ifnull(old.reach, 0)\n" +
  '  FROM (SELECT 1) WHERE true ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_origin_sums_blocks (bucket, platform, sentiment, irrelevant, lang, source_id, n, reach)\n' +
  "  SELECT new.published_at / 2764800000, new.platform, ifnull(new.sentiment, 2), new.irrelevant, ifnull(new.lang, ''), ifnull(new.source_id, 0), 1, 1 * ifnull(new.reach, 0)\n" +
  '  FROM (SELECT 1) WHERE true ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_origin_sums_days (bucket, platform, sentiment, irrelevant, lang, source_id, n, reach)\n' +
  "  SELECT old.published_at / 86400000, old.platform, ifnull(old.sentiment, 2), old.irrelevant, ifnull(old.lang, ''), ifnull(old.source_id, 0), -1, -1 * ifnull(old.reach, 0)\n" +
  '  FROM (SELECT 1) WHERE true ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_origin_sums_days (bucket, platform, sentiment, irrelevant, lang, source_id, n, reach)\n' +
  "  SELECT new.published_at / 86400000, new.platform, ifnull(new.sentiment, 2), new.irrelevant, ifnull(new.lang, ''), ifnull(new.source_id, 0), 1, 1 * ifnull(new.reach, 0)\n" +
  '  FROM (SELECT 1) WHERE true ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_origin_sums_hours (bucket, platform, sentiment, irrelevant, lang, source_id, n, reach)\n' +
  "  SELECT old.published_at / 3600000, old.platform, ifnull(old.sentiment, 2), old.irrelevant, ifnull(old.lang, ''), ifnull(old.source_id, 0), -1, -1 * ifnull(old.reach, 0)\n" +
  '  FROM (SELECT 1) WHERE true ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_origin_sums_hours (bucket, platform, sentiment, irrelevant, lang, source_id, n, reach)\n' +
  "  SELECT new.published_at / 3600000, new.platform, ifnull(new.sentiment, 2), new.irrelevant, ifnull(new.lang, ''), ifnull(new.source_id, 0), 1, 1 * ifnull(new.reach, 0)\n" +
  '  FROM (SELECT 1) WHERE true ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_author_sums_blocks (bucket, platform, sentiment, irrelevant, author_type, n, reach)\n' +
  "  SELECT old.published_at / 2764800000, old.platform, ifnull(old.sentiment, 2), old.irrelevant, ifnull(a.type, ''), -1, -1 * ifnull(old.reach, 0)\n" +
  '  FROM (SELECT 1) LEFT JOIN authors a ON a.id = old.author_id WHERE true ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_author_sums_blocks (bucket, platform, sentiment, irrelevant, author_type, n, reach)\n' +
  "  SELECT new.published_at / 2764800000, new.platform, ifnull(new.sentiment, 2), new.irrelevant, ifnull(a.type, ''), 1, 1 * ifnull(new.reach, 0)\n" +
  '  FROM (SELECT 1) LEFT JOIN authors a ON a.id = new.author_id WHERE true ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_author_sums_days (bucket, platform, sentiment, irrelevant, author_type, n, reach)\n' +
  "  SELECT old.published_at / 86400000, old.platform, ifnull(old.sentiment, 2), old.irrelevant, ifnull(a.type, ''), -1, -1 * ifnull(old.reach, 0)\n" +
  '  FROM (SELECT 1) LEFT JOIN authors a ON a.id = old.author_id WHERE true ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_author_sums_days (bucket, platform, sentiment, irrelevant, author_type, n, reach)\n' +
  "  SELECT new.published_at / 86400000, new.platform, ifnull(new.sentiment, 2), new.irrelevant, ifnull(a.type, ''), 1, 1 * ifnull(new.reach, 0)\n" +
  '  FROM (SELECT 1) LEFT JOIN authors a ON a.id = new.author_id WHERE true ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_author_sums_hours (bucket, platform, sentiment, irrelevant, author_type, n, reach)\n' +
  "  SELECT old.published_at / 3600000, old.platform, ifnull(old.sentiment, 2), old.irrelevant, ifnull(a.type, ''), -1, -1 * ifnull(old.reach, 0)\n" +
  '  FROM (SELECT 1) LEFT JOIN authors a ON a.id = old.author_id WHERE true ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_author_sums_hours (bucket, platform, sentiment, irrelevant, author_type, n, reach)\n' +
  "  SELECT new.published_at / 3600000, new.platform, ifnull(new.sentiment, 2), new.irrelevant, ifnull(a.type, ''), 1, 1 * ifnull(new.reach, 0)\n" +
  '  FROM (SELECT 1) LEFT JOIN authors a ON a.id = new.author_id WHERE true ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_audience_sums_blocks (bucket, platform, sentiment, irrelevant, gender, age, n, reach)\n' +
  "  SELECT old.published_at / 2764800000, old.platform, ifnull(old.sentiment, 2), old.irrelevant, ifnull(a.gender, ''), ifnull(a.age, ''), -1, -1 * ifnull(old.reach, 0)\n" +
  '  FROM (SELECT 1) LEFT JOIN authors a ON a.id = old.author_id WHERE true ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_audience_sums_blocks (bucket, platform, sentiment, irrelevant, gender, age, n, reach)\n' +
  "  SELECT new.published_at / 2764800000, new.platform, ifnull(new.sentiment, 2), new.irrelevant, ifnull(a.gender, ''), ifnull(a.age, ''), 1, 1 * ifnull(new.reach, 0)\n" +
  '  FROM (SELECT 1) LEFT JOIN authors a ON a.id = new.author_id WHERE true ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_audience_sums_days (bucket, platform, sentiment, irrelevant, gender, age, n, reach)\n' +
  "  SELECT old.published_at / 86400000, old.platform, ifnull(old.sentiment, 2), old.irrelevant, ifnull(a.gender, ''), ifnull(a.age, ''), -1, -1 * ifnull(old.reach, 0)\n" +
  '  FROM (SELECT 1) LEFT JOIN authors a ON a.id = old.author_id WHERE true ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_audience_sums_days (bucket, platform, sentiment, irrelevant, gender, age, n, reach)\n' +
  "  SELECT new.published_at / 86400000, new.platform, ifnull(new.sentiment, 2), new.irrelevant, ifnull(a.gender, ''), ifnull(a.age, ''), 1, 1 * ifnull(new.reach, 0)\n" +
  '  FROM (SELECT 1) LEFT JOIN authors a ON a.id = new.author_id WHERE true ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_audience_sums_hours (bucket, platform, sentiment, irrelevant, gender, age, n, reach)\n' +
  "  SELECT old.published_at / 3600000, old.platform, ifnull(old.sentiment, 2), old.irrelevant, ifnull(a.gender, ''), ifnull(a.age, ''), -1, -1 * ifnull(old.reach, 0)\n" +
  '  FROM (SELECT 1) LEFT JOIN authors a ON a.id = old.author_id WHERE true ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_audience_sums_hours (bucket, platform, sentiment, irrelevant, gender, age, n, reach)\n' +
  "  SELECT new.published_at / 3600000, new.platform, ifnull(new.sentiment, 2), new.irrelevant, ifnull(a.gender, ''), ifnull(a.age, ''), 1, 1 * ifnull(new.reach, 0)\n" +
  '  FROM (SELECT 1) LEFT JOIN authors a ON a.id = new.author_id WHERE true ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_topic_sums_blocks (bucket, platform, sentiment, irrelevant, topic_id, n, reach)\n' +
  '  SELECT old.published_at / 2764800000, old.platform, ifnull(old.sentiment, 2), old.irrelevant, x.topic_id, -1, -1 * ifnull(old.reach, 0)\n' +
  '  FROM mention_topics x WHERE x.mention_id = old.id ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_topic_sums_blocks (bucket, platform, sentiment, irrelevant, topic_id, n, reach)\n' +
  '  SELECT new.published_at / 2764800000, new.platform, ifnull(new.sentiment, 2), new.irrelevant, x.topic_id, 1, 1 * ifnull(new.reach, 0)\n' +
  '  FROM mention_topics x WHERE x.mention_id = new.id ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_topic_sums_days (bucket, platform, sentiment, irrelevant, topic_id, n, reach)\n' +
  '  SELECT old.published_at / 86400000, old.platform, ifnull(old.sentiment, 2), old.irrelevant, x.topic_id, -1, -1 * ifnull(old.reach, 0)\n' +
  '  FROM mention_topics x WHERE x.mention_id = old.id ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_topic_sums_days (bucket, platform, sentiment, irrelevant, topic_id, n, reach)\n' +
  '  SELECT new.published_at / 86400000, new.platform, ifnull(new.sentiment, 2), new.irrelevant, x.topic_id, 1, 1 * ifnull(new.reach, 0)\n' +
  '  FROM mention_topics x WHERE x.mention_id = new.id ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_topic_sums_hours (bucket, platform, sentiment, irrelevant, topic_id, n, reach)\n' +
  '  SELECT old.published_at / 3600000, old.platform, ifnull(old.sentiment, 2), old.irrelevant, x.topic_id, -1, -1 * ifnull(old.reach, 0)\n' +
  '  FROM mention_topics x WHERE x.mention_id = old.id ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_topic_sums_hours (bucket, platform, sentiment, irrelevant, topic_id, n, reach)\n' +
  '  SELECT new.published_at / 3600000, new.platform, ifnull(new.sentiment, 2), new.irrelevant, x.topic_id, 1, 1 * ifnull(new.reach, 0)\n' +
  '  FROM mention_topics x WHERE x.mention_id = new.id ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_subject_sums_blocks (bucket, platform, sentiment, irrelevant, subject_id, n, reach)\n' +
  '  SELECT old.published_at / 2764800000, old.platform, ifnull(old.sentiment, 2), old.irrelevant, x.subject_id, -1, -1 * ifnull(old.reach, 0)\n' +
  '  FROM mention_subjects x WHERE x.mention_id = old.id ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_subject_sums_blocks (bucket, platform, sentiment, irrelevant, subject_id, n, reach)\n' +
  '  SELECT new.published_at / 2764800000, new.platform, ifnull(new.sentiment, 2), new.irrelevant, x.subject_id, 1, 1 * ifnull(new.reach, 0)\n' +
  '  FROM mention_subjects x WHERE x.mention_id = new.id ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_subject_sums_days (bucket, platform, sentiment, irrelevant, subject_id, n, reach)\n' +
  '  SELECT old.published_at / 86400000, old.platform, ifnull(old.sentiment, 2), old.irrelevant, x.subject_id, -1, -1 * ifnull(old.reach, 0)\n' +
  '  FROM mention_subjects x WHERE x.mention_id = old.id ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_subject_sums_days (bucket, platform, sentiment, irrelevant, subject_id, n, reach)\n' +
  '  SELECT new.published_at / 86400000, new.platform, ifnull(new.sentiment, 2), new.irrelevant, x.subject_id, 1, 1 * ifnull(new.reach, 0)\n' +
  '  FROM mention_subjects x WHERE x.mention_id = new.id ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_subject_sums_hours (bucket, platform, sentiment, irrelevant, subject_id, n, reach)\n' +
  '  SELECT old.published_at / 3600000, old.platform, ifnull(old.sentiment, 2), old.irrelevant, x.subject_id, -1, -1 * ifnull(old.reach, 0)\n' +
  '  FROM mention_subjects x WHERE x.mention_id = old.id ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_subject_sums_hours (bucket, platform, sentiment, irrelevant, subject_id, n, reach)\n' +
  '  SELECT new.published_at / 3600000, new.platform, ifnull(new.sentiment, 2), new.irrelevant, x.subject_id, 1, 1 * ifnull(new.reach, 0)\n' +
  '  FROM mention_subjects x WHERE x.mention_id = new.id ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'END;\n' +
  '\n' +
  'CREATE TRIGGER mention_topics_summary_ai AFTER INSERT ON mention_topics BEGIN\n' +
  'INSERT INTO mention_topic_sums_blocks (bucket, platform, sentiment, irrelevant, topic_id, n, reach)\n' +
  '  SELECT m.published_at / 2764800000, m.platform, ifnull(m.sentiment, 2), m.irrelevant, new.topic_id, 1, 1 * ifnull(m.reach, 0)\n' +
  '  FROM mentions m WHERE m.id = new.mention_id ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_topic_sums_days (bucket, platform, sentiment, irrelevant, topic_id, n, reach)\n' +
  '  SELECT m.published_at / 86400000, m.platform, ifnull(m.sentiment, 2), m.irrelevant, new.topic_id, 1, 1 * ifnull(m.reach, 0)\n' +
  '  FROM mentions m WHERE m.id = new.mention_id ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_topic_sums_hours (bucket, platform, sentiment, irrelevant, topic_id, n, reach)\n' +
  '  SELECT m.published_at / 3600000, m.platform, ifnull(m.sentiment, 2), m.irrelevant, new.topic_id, 1, 1 * ifnull(m.reach, 0)\n' +
  '  FROM mentions m WHERE m.id = new.mention_id ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'END;\n' +
  '\n' +
  'CREATE TRIGGER mention_topics_summary_ad AFTER DELETE ON mention_topics BEGIN\n' +
  'INSERT INTO mention_topic_sums_blocks (bucket, platform, sentiment, irrelevant, topic_id, n, reach)\n' +
  '  SELECT m.published_at / 2764800000, m.platform, ifnull(m.sentiment, 2), m.irrelevant, old.topic_id, -1, -1 * ifnull(m.reach, 0)\n' +
  '  FROM mentions m WHERE m.id = old.mention_id ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_topic_sums_days (bucket, platform, sentiment, irrelevant, topic_id, n, reach)\n' +
  '  SELECT m.published_at / 86400000, m.platform, ifnull(m.sentiment, 2), m.irrelevant, old.topic_id, -1, -1 * ifnull(m.reach, 0)\n' +
  '  FROM mentions m WHERE m.id = old.mention_id ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_topic_sums_hours (bucket, platform, sentiment, irrelevant, topic_id, n, reach)\n' +
  '  SELECT m.published_at / 3600000, m.platform, ifnull(m.sentiment, 2), m.irrelevant, old.topic_id, -1, -1 * ifnull(m.reach, 0)\n' +
  '  FROM mentions m WHERE m.id = old.mention_id ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'END;\n' +
  '\n' +
  'CREATE TRIGGER mention_subjects_summary_ai AFTER INSERT ON mention_subjects BEGIN\n' +
  'INSERT INTO mention_subject_sums_blocks (bucket, platform, sentiment, irrelevant, subject_id, n, reach)\n' +
  '  SELECT m.published_at / 2764800000, m.platform, ifnull(m.sentiment, 2), m.irrelevant, new.subject_id, 1, 1 * ifnull(m.reach, 0)\n' +
  '  FROM mentions m WHERE m.id = new.mention_id ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_subject_sums_days (bucket, platform, sentiment, irrelevant, subject_id, n, reach)\n' +
  '  SELECT m.published_at / 86400000, m.platform, ifnull(m.sentiment, 2), m.irrelevant, new.subject_id, 1, 1 * ifnull(m.reach, 0)\n' +
  '  FROM mentions m WHERE m.id = new.mention_id ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_subject_sums_hours (bucket, platform, sentiment, irrelevant, subject_id, n, reach)\n' +
  '  SELECT m.published_at / 3600000, m.platform, ifnull(m.sentiment, 2), m.irrelevant, new.subject_id, 1, 1 * ifnull(m.reach, 0)\n' +
  '  FROM mentions m WHERE m.id = new.mention_id ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'END;\n' +
  '\n' +
  'CREATE TRIGGER mention_subjects_summary_ad AFTER DELETE ON mention_subjects BEGIN\n' +
  'INSERT INTO mention_subject_sums_blocks (bucket, platform, sentiment, irrelevant, subject_id, n, reach)\n' +
  '  SELECT m.published_at / 2764800000, m.platform, ifnull(m.sentiment, 2), m.irrelevant, old.subject_id, -1, -1 * ifnull(m.reach, 0)\n' +
  '  FROM mentions m WHERE m.id = old.mention_id ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_subject_sums_days (bucket, platform, sentiment, irrelevant, subject_id, n, reach)\n' +
  '  SELECT m.published_at / 86400000, m.platform, ifnull(m.sentiment, 2), m.irrelevant, old.subject_id, -1, -1 * ifnull(m.reach, 0)\n' +
  '  FROM mentions m WHERE m.id = old.mention_id ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_subject_sums_hours (bucket, platform, sentiment, irrelevant, subject_id, n, reach)\n' +
  '  SELECT m.published_at / 3600000, m.platform, ifnull(m.sentiment, 2), m.irrelevant, old.subject_id, -1, -1 * ifnull(m.reach, 0)\n' +
  '  FROM mentions m WHERE m.id = old.mention_id ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'END;\n' +
  '\n' +
  'CREATE TRIGGER authors_summary_au AFTER UPDATE OF type, gender, age ON authors\n' +
  'WHEN old.type IS NOT new.type OR old.gender IS NOT new.gender OR old.age IS NOT new.age BEGIN\n' +
  'INSERT INTO mention_author_sums_blocks (bucket, platform, sentiment, irrelevant, author_type, n, reach)\n' +
  "  SELECT m.published_at / 2764800000, m.platform, ifnull(m.sentiment, 2), m.irrelevant, ifnull(old.type, ''), -1 * count(*), -1 * sum(ifnull(m.reach, 0))\n" +
  '  FROM mentions m WHERE m.author_id = old.id GROUP BY 1, 2, 3, 4, 5 ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_author_sums_blocks (bucket, platform, sentiment, irrelevant, author_type, n, reach)\n' +
  "  SELECT m.published_at / 2764800000, m.platform, ifnull(m.sentiment, 2), m.irrelevant, ifnull(new.type, ''), 1 * count(*), 1 * sum(ifnull(m.reach, 0))\n" +
  '  FROM mentions m WHERE m.author_id = new.id GROUP BY 1, 2, 3, 4, 5 ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_author_sums_days (bucket, platform, sentiment, irrelevant, author_type, n, reach)\n' +
  "  SELECT m.published_at / 86400000, m.platform, ifnull(m.sentiment, 2), m.irrelevant, ifnull(old.type, ''), -1 * count(*), -1 * sum(ifnull(m.reach, 0))\n" +
  '  FROM mentions m WHERE m.author_id = old.id GROUP BY 1, 2, 3, 4, 5 ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_author_sums_days (bucket, platform, sentiment, irrelevant, author_type, n, reach)\n' +
  "  SELECT m.published_at / 86400000, m.platform, ifnull(m.sentiment, 2), m.irrelevant, ifnull(new.type, ''), 1 * count(*), 1 * sum(ifnull(m.reach, 0))\n" +
  '  FROM mentions m WHERE m.author_id = new.id GROUP BY 1, 2, 3, 4, 5 ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_author_sums_hours (bucket, platform, sentiment, irrelevant, author_type, n, reach)\n' +
  "  SELECT m.published_at / 3600000, m.platform, ifnull(m.sentiment, 2), m.irrelevant, ifnull(old.type, ''), -1 * count(*), -1 * sum(ifnull(m.reach, 0))\n" +
  '  FROM mentions m WHERE m.author_id = old.id GROUP BY 1, 2, 3, 4, 5 ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_author_sums_hours (bucket, platform, sentiment, irrelevant, author_type, n, reach)\n' +
  "  SELECT m.published_at / 3600000, m.platform, ifnull(m.sentiment, 2), m.irrelevant, ifnull(new.type, ''), 1 * count(*), 1 * sum(ifnull(m.reach, 0))\n" +
  '  FROM mentions m WHERE m.author_id = new.id GROUP BY 1, 2, 3, 4, 5 ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_audience_sums_blocks (bucket, platform, sentiment, irrelevant, gender, age, n, reach)\n' +
  "  SELECT m.published_at / 2764800000, m.platform, ifnull(m.sentiment, 2), m.irrelevant, ifnull(old.gender, ''), ifnull(old.age, ''), -1 * count(*), -1 * sum(ifnull(m.reach, 0))\n" +
  '  FROM mentions m WHERE m.author_id = old.id GROUP BY 1, 2, 3, 4, 5, 6 ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_audience_sums_blocks (bucket, platform, sentiment, irrelevant, gender, age, n, reach)\n' +
  "  SELECT m.published_at / 2764800000, m.platform, ifnull(m.sentiment, 2), m.irrelevant, ifnull(new.gender, ''), ifnull(new.age, ''), 1 * count(*), 1 * sum(ifnull(m.reach, 0))\n" +
  '  FROM mentions m WHERE m.author_id = new.id GROUP BY 1, 2, 3, 4, 5, 6 ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_audience_sums_days (bucket, platform, sentiment, irrelevant, gender, age, n, reach)\n' +
  "  SELECT m.published_at / 86400000, m.platform, ifnull(m.sentiment, 2), m.irrelevant, ifnull(old.gender, ''), ifnull(old.age, ''), -1 * count(*), -1 * sum(ifnull(m.reach, 0))\n" +
  '  FROM mentions m WHERE m.author_id = old.id GROUP BY 1, 2, 3, 4, 5, 6 ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_audience_sums_days (bucket, platform, sentiment, irrelevant, gender, age, n, reach)\n' +
  "  SELECT m.published_at / 86400000, m.platform, ifnull(m.sentiment, 2), m.irrelevant, ifnull(new.gender, ''), ifnull(new.age, ''), 1 * count(*), 1 * sum(ifnull(m.reach, 0))\n" +
  '  FROM mentions m WHERE m.author_id = new.id GROUP BY 1, 2, 3, 4, 5, 6 ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_audience_sums_hours (bucket, platform, sentiment, irrelevant, gender, age, n, reach)\n' +
  "  SELECT m.published_at / 3600000, m.platform, ifnull(m.sentiment, 2), m.irrelevant, ifnull(old.gender, ''), ifnull(old.age, ''), -1 * count(*), -1 * sum(ifnull(m.reach, 0))\n" +
  '  FROM mentions m WHERE m.author_id = old.id GROUP BY 1, 2, 3, 4, 5, 6 ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'INSERT INTO mention_audience_sums_hours (bucket, platform, sentiment, irrelevant, gender, age, n, reach)\n' +
  "  SELECT m.published_at / 3600000, m.platform, ifnull(m.sentiment, 2), m.irrelevant, ifnull(new.gender, ''), ifnull(new.age, ''), 1 * count(*), 1 * sum(ifnull(m.reach, 0))\n" +
  '  FROM mentions m WHERE m.author_id = new.id GROUP BY 1, 2, 3, 4, 5, 6 ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach;\n' +
  'END;'
