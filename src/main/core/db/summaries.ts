/**
 * Summary tables: how many mentions (and how much reach) fall into each 32-day block, UTC day and UTC
 * hour for every combination of a few dimensions. Counts, facets and the dashboard read these instead of
 * scanning millions of mentions. SQL triggers keep them exact on every insert, update and delete
 * (imports, labels, undo, re-analysis), whatever code path writes.
 *
 * A period in the workspace's time zone is whole blocks, then whole days, then hours at each end (exact
 * for any whole-hour zone, daylight saving included): a few thousand rows whatever the period. Daily
 * charts group the hourly rows by local day.
 */

import type { Db } from './open'

export type DimName =
  | 'platform'
  | 'sentiment'
  | 'irrelevant'
  | 'lang'
  | 'source'
  | 'authorType'
  | 'gender'
  | 'age'
  | 'topic'
  | 'subject'

interface Dim {
  column: string
  type: 'TEXT' | 'INTEGER'
  /** The value for a mention row `r` (and its author `a` where `author` is set). */
  expr: (r: string) => string
  author?: boolean
}

/** Unlabelled mentions are stored with sentiment 2 (a key column cannot be NULL). */
export const UNLABELLED = 2

export const DIMS: Record<Exclude<DimName, 'topic' | 'subject'>, Dim> = {
  platform: { column: 'platform', type: 'TEXT', expr: (r) => `${r}.platform` },
  sentiment: { column: 'sentiment', type: 'INTEGER', expr: (r) => `ifnull(${r}.sentiment, ${UNLABELLED})` },
  irrelevant: { column: 'irrelevant', type: 'INTEGER', expr: (r) => `${r}.irrelevant` },
  lang: { column: 'lang', type: 'TEXT', expr: (r) => `ifnull(${r}.lang, '')` },
  source: { column: 'source_id', type: 'INTEGER', expr: (r) => `ifnull(${r}.source_id, 0)` },
  authorType: { column: 'author_type', type: 'TEXT', expr: () => "ifnull(a.type, '')", author: true },
  gender: { column: 'gender', type: 'TEXT', expr: () => "ifnull(a.gender, '')", author: true },
  age: { column: 'age', type: 'TEXT', expr: () => "ifnull(a.age, '')", author: true }
}

export interface SummaryTable {
  /** Base name: the tables are `${name}_days` and `${name}_hours`. */
  name: string
  /** Dimensions besides the time bucket. */
  dims: DimName[]
  /** For link tables (mention_topics, mention_subjects): the link table and its id column. */
  link?: { table: string; column: string; dim: 'topic' | 'subject' }
}

/** Every summary keeps platform, sentiment and irrelevant: the filters people combine with everything. */
const BASE: DimName[] = ['platform', 'sentiment', 'irrelevant']

/** Smallest first: a query uses the first summary that has every dimension it needs. */
export const SUMMARY_TABLES: SummaryTable[] = [
  { name: 'mention_sums', dims: BASE },
  { name: 'mention_origin_sums', dims: [...BASE, 'lang', 'source'] },
  { name: 'mention_author_sums', dims: [...BASE, 'authorType'] },
  { name: 'mention_audience_sums', dims: [...BASE, 'gender', 'age'] },
  {
    name: 'mention_topic_sums',
    dims: [...BASE, 'topic'],
    link: { table: 'mention_topics', column: 'topic_id', dim: 'topic' }
  },
  {
    name: 'mention_subject_sums',
    dims: [...BASE, 'subject'],
    link: { table: 'mention_subjects', column: 'subject_id', dim: 'subject' }
  }
]

export const HOUR_MS = 3_600_000
export const DAY_MS = 86_400_000

/** The grains every summary is kept in, coarsest first: 32-day blocks, days, hours (all UTC). */
export const GRAINS = [
  { suffix: 'blocks', ms: 32 * DAY_MS },
  { suffix: 'days', ms: DAY_MS },
  { suffix: 'hours', ms: HOUR_MS }
] as const
export type Grain = (typeof GRAINS)[number]

/** One physical table: a summary at one grain. */
export interface PhysicalTable {
  table: string
  summary: SummaryTable
  grain: Grain
}

export function physicalTables(): PhysicalTable[] {
  return SUMMARY_TABLES.flatMap((summary) =>
    GRAINS.map((grain) => ({ table: `${summary.name}_${grain.suffix}`, summary, grain }))
  )
}

/** The column name of a dimension in a summary table. */
export function dimColumn(t: SummaryTable, d: DimName): string {
  if (d === 'topic' || d === 'subject') return t.link!.column
  return DIMS[d].column
}

function plainDims(t: SummaryTable): Dim[] {
  return t.dims.filter((d) => d !== 'topic' && d !== 'subject').map((d) => DIMS[d as keyof typeof DIMS])
}

function columns(t: SummaryTable): string[] {
  return ['bucket', ...t.dims.map((d) => dimColumn(t, d))]
}

function createTable(p: PhysicalTable): string {
  const t = p.summary
  const defs = [
    'bucket INTEGER NOT NULL',
    ...t.dims.map(
      (d) => `${dimColumn(t, d)} ${d === 'topic' || d === 'subject' ? 'INTEGER' : DIMS[d].type} NOT NULL`
    ),
    'n INTEGER NOT NULL',
    'reach INTEGER NOT NULL'
  ]
  return `CREATE TABLE ${p.table} (\n  ${defs.join(',\n  ')},\n  PRIMARY KEY (${columns(t).join(', ')})\n) STRICT, WITHOUT ROWID;`
}

const UPSERT = 'ON CONFLICT DO UPDATE SET n = n + excluded.n, reach = reach + excluded.reach'

/** INSERT … SELECT adding `sign` × the mention row `r` (NEW or OLD) to a per-mention table. */
function mentionDelta(p: PhysicalTable, r: string, sign: string): string {
  const dims = plainDims(p.summary)
  const authorJoin = dims.some((d) => d.author) ? ` LEFT JOIN authors a ON a.id = ${r}.author_id` : ''
  return `INSERT INTO ${p.table} (${columns(p.summary).join(', ')}, n, reach)
  SELECT ${r}.published_at / ${p.grain.ms}, ${dims.map((d) => d.expr(r)).join(', ')}, ${sign}, ${sign} * ifnull(${r}.reach, 0)
  FROM (SELECT 1)${authorJoin} WHERE true ${UPSERT};`
}

/** Adds `sign` × every link of mention `r` (topics or subjects). */
function linkDeltaFromMention(p: PhysicalTable, r: string, sign: string): string {
  const l = p.summary.link!
  const dims = plainDims(p.summary)
  return `INSERT INTO ${p.table} (${columns(p.summary).join(', ')}, n, reach)
  SELECT ${r}.published_at / ${p.grain.ms}, ${dims.map((d) => d.expr(r)).join(', ')}, x.${l.column}, ${sign}, ${sign} * ifnull(${r}.reach, 0)
  FROM ${l.table} x WHERE x.mention_id = ${r}.id ${UPSERT};`
}

/** Adds `sign` × one link row `r` (joined to its mention). */
function linkDelta(p: PhysicalTable, r: string, sign: string): string {
  const l = p.summary.link!
  const dims = plainDims(p.summary)
  return `INSERT INTO ${p.table} (${columns(p.summary).join(', ')}, n, reach)
  SELECT m.published_at / ${p.grain.ms}, ${dims.map((d) => d.expr('m')).join(', ')}, ${r}.${l.column}, ${sign}, ${sign} * ifnull(m.reach, 0)
  FROM mentions m WHERE m.id = ${r}.mention_id ${UPSERT};`
}

/**
 * The table's rows recomputed from the base tables (fills a new table; tests compare against it). With
 * `inRange`, only mentions with `@lo <= published_at < @hi` (bulk work recomputes the buckets it touched).
 */
export function recomputeSql(p: PhysicalTable, inRange = false): string {
  const t = p.summary
  const dims = plainDims(t)
  const groupBy = columns(t)
    .map((_, i) => i + 1)
    .join(', ')
  const where = inRange ? ' WHERE m.published_at >= @lo AND m.published_at < @hi' : ''
  if (t.link) {
    return `SELECT m.published_at / ${p.grain.ms}, ${dims.map((d) => d.expr('m')).join(', ')}, x.${t.link.column}, count(*), sum(ifnull(m.reach, 0))
  FROM ${t.link.table} x JOIN mentions m ON m.id = x.mention_id${where} GROUP BY ${groupBy}`
  }
  const authorJoin = dims.some((d) => d.author) ? ' LEFT JOIN authors a ON a.id = m.author_id' : ''
  return `SELECT m.published_at / ${p.grain.ms}, ${dims.map((d) => d.expr('m')).join(', ')}, count(*), sum(ifnull(m.reach, 0))
  FROM mentions m${authorJoin}${where} GROUP BY ${groupBy}`
}

/** Below this many changed mentions the per-row triggers are cheaper than recomputing buckets. */
export const BULK_SUMMARY_MIN = 2000

/**
 * Runs `work` (inside the caller's transaction) with the summary triggers set aside, then recomputes the
 * summary rows of every bucket that holds one of `publishedAt` (the changed mentions' published_at, read
 * before the work). A 100k-row undo pays one recomputation per touched hour instead of 18 upserts per row.
 * The triggers are recreated from their own SQL, inside the same transaction: a rollback restores all.
 */
export function withSummariesInBulk<T>(db: Db, publishedAt: number[], work: () => T): T {
  if (!db.inTransaction) throw new Error('withSummariesInBulk runs inside a transaction')
  const triggers = summaryTriggersStored(db)
  for (const t of triggers) db.exec(`DROP TRIGGER ${t.name}`)
  try {
    const result = work()
    for (const p of physicalTables()) {
      const del = db.prepare(`DELETE FROM ${p.table} WHERE bucket >= @a AND bucket <= @b`)
      const ins = db.prepare(
        `INSERT INTO ${p.table} (${columns(p.summary).join(', ')}, n, reach) ${recomputeSql(p, true)}`
      )
      for (const [a, b] of bucketRanges(publishedAt, p.grain.ms)) {
        del.run({ a, b })
        ins.run({ lo: a * p.grain.ms, hi: (b + 1) * p.grain.ms })
      }
    }
    return result
  } finally {
    for (const t of triggers) db.exec(t.sql)
  }
}

/** Contiguous runs [first, last] of the buckets (t / ms) that the instants fall in. */
function bucketRanges(times: number[], ms: number): [number, number][] {
  // SQLite divides integers toward zero, as Math.trunc does.
  const buckets = [...new Set(times.map((t) => Math.trunc(t / ms)))].sort((x, y) => x - y)
  const out: [number, number][] = []
  for (const b of buckets) {
    const last = out[out.length - 1]
    if (last && b === last[1] + 1) last[1] = b
    else out.push([b, b])
  }
  return out
}

/** The table's stored rows (zero rows left behind by deletes skipped), in the order of recomputeSql's columns. */
export function storedSql(p: PhysicalTable): string {
  return `SELECT ${columns(p.summary).join(', ')}, n, reach FROM ${p.table} WHERE n != 0`
}

/** Mention columns the summaries depend on. */
const WATCHED = [
  'published_at',
  'platform',
  'sentiment',
  'irrelevant',
  'lang',
  'source_id',
  'author_id',
  'reach'
]

/** DDL: the tables, filled from the mentions already stored, and the triggers that keep them exact. */
export function summariesDdl(): string {
  const all = physicalTables()
  const out: string[] = []
  for (const p of all) out.push(createTable(p))
  for (const p of all)
    out.push(`INSERT INTO ${p.table} (${columns(p.summary).join(', ')}, n, reach)\n${recomputeSql(p)};`)
  for (const t of summaryTriggers()) out.push(t.sql)
  return out.join('\n\n')
}

/** Mention ids [lo, hi] that bulk work rewrites (new rows: from today's largest id + 1 on). */
export interface IdRange {
  lo: number
  hi: number
}

/**
 * The triggers that keep the summaries exact. With `range`, the variant for bulk work: mentions with an
 * id in the range (the ones being added or rewritten) are left out of every trigger, their links too,
 * and counted once when the work is done (see mentionsInBulk); for every other mention the triggers do
 * what they always do.
 */
function summaryTriggers(range?: IdRange): { name: string; sql: string }[] {
  const all = physicalTables()
  const perMention = all.filter((p) => !p.summary.link)
  const links = all.filter((p) => p.summary.link)
  const linkTables = SUMMARY_TABLES.filter((t) => t.link).map((t) => t.link!)
  const bulk = range !== undefined
  const outside = (col: string) => (range ? `${col} NOT BETWEEN ${range.lo} AND ${range.hi}` : '')
  const out: { name: string; sql: string }[] = []
  const push = (name: string, sql: string) => out.push({ name, sql })
  const changed = WATCHED.map((c) => `old.${c} IS NOT new.${c}`).join(' OR ')
  if (!bulk)
    push(
      'mentions_summary_ai',
      `CREATE TRIGGER mentions_summary_ai AFTER INSERT ON mentions BEGIN
${perMention.map((p) => mentionDelta(p, 'new', '1')).join('\n')}
END;`
    )
  // Links go first, while the mention row is still there to say which bucket and platform they counted in.
  push(
    'mentions_summary_bd',
    `CREATE TRIGGER mentions_summary_bd BEFORE DELETE ON mentions BEGIN
${linkTables.map((l) => `DELETE FROM ${l.table} WHERE mention_id = old.id;`).join('\n')}
END;`
  )
  push(
    'mentions_summary_ad',
    `CREATE TRIGGER mentions_summary_ad AFTER DELETE ON mentions${bulk ? ` WHEN ${outside('old.id')}` : ''} BEGIN
${perMention.map((p) => mentionDelta(p, 'old', '-1')).join('\n')}
END;`
  )
  push(
    'mentions_summary_au',
    `CREATE TRIGGER mentions_summary_au AFTER UPDATE OF ${WATCHED.join(', ')} ON mentions WHEN ${bulk ? `${outside('old.id')} AND (${changed})` : changed} BEGIN
${perMention.map((p) => mentionDelta(p, 'old', '-1') + '\n' + mentionDelta(p, 'new', '1')).join('\n')}
${links.map((p) => linkDeltaFromMention(p, 'old', '-1') + '\n' + linkDeltaFromMention(p, 'new', '1')).join('\n')}
END;`
  )
  for (const l of linkTables) {
    const mine = links.filter((p) => p.summary.link!.table === l.table)
    push(
      `${l.table}_summary_ai`,
      `CREATE TRIGGER ${l.table}_summary_ai AFTER INSERT ON ${l.table}${bulk ? ` WHEN ${outside('new.mention_id')}` : ''} BEGIN
${mine.map((p) => linkDelta(p, 'new', '1')).join('\n')}
END;`
    )
    push(
      `${l.table}_summary_ad`,
      `CREATE TRIGGER ${l.table}_summary_ad AFTER DELETE ON ${l.table}${bulk ? ` WHEN ${outside('old.mention_id')}` : ''} BEGIN
${mine.map((p) => linkDelta(p, 'old', '-1')).join('\n')}
END;`
    )
  }
  // An author's type, gender or age moves all their mentions between rows of the author and audience tables.
  const authorTables = perMention.filter((p) => plainDims(p.summary).some((d) => d.author))
  const grouped = (p: PhysicalTable, who: 'old' | 'new', sign: string) => {
    const exprs = plainDims(p.summary).map((d) =>
      d.author ? d.expr('m').replace(/\ba\./g, `${who}.`) : d.expr('m')
    )
    return `INSERT INTO ${p.table} (${columns(p.summary).join(', ')}, n, reach)
  SELECT m.published_at / ${p.grain.ms}, ${exprs.join(', ')}, ${sign} * count(*), ${sign} * sum(ifnull(m.reach, 0))
  FROM mentions m WHERE m.author_id = ${who}.id${bulk ? ` AND ${outside('m.id')}` : ''} GROUP BY ${columns(
    p.summary
  )
    .map((_, i) => i + 1)
    .join(', ')} ${UPSERT};`
  }
  push(
    'authors_summary_au',
    `CREATE TRIGGER authors_summary_au AFTER UPDATE OF type, gender, age ON authors
WHEN old.type IS NOT new.type OR old.gender IS NOT new.gender OR old.age IS NOT new.age BEGIN
${authorTables.map((p) => grouped(p, 'old', '-1') + '\n' + grouped(p, 'new', '1')).join('\n')}
END;`
  )
  return out
}

/** Adds `sign` × the mentions with an id in the range (and their links) to one summary table, grouped. */
function rangeDeltaSql(p: PhysicalTable, range: IdRange, sign: 1 | -1): string {
  const t = p.summary
  const dims = plainDims(t)
  const groupBy = columns(t)
    .map((_, i) => i + 1)
    .join(', ')
  const head = `INSERT INTO ${p.table} (${columns(t).join(', ')}, n, reach)`
  if (t.link)
    return `${head} SELECT m.published_at / ${p.grain.ms}, ${dims.map((d) => d.expr('m')).join(', ')}, x.${t.link.column}, ${sign} * count(*), ${sign} * sum(ifnull(m.reach, 0))
  FROM ${t.link.table} x JOIN mentions m ON m.id = x.mention_id WHERE x.mention_id BETWEEN ${range.lo} AND ${range.hi} GROUP BY ${groupBy} ${UPSERT}`
  const authorJoin = dims.some((d) => d.author) ? ' LEFT JOIN authors a ON a.id = m.author_id' : ''
  return `${head} SELECT m.published_at / ${p.grain.ms}, ${dims.map((d) => d.expr('m')).join(', ')}, ${sign} * count(*), ${sign} * sum(ifnull(m.reach, 0))
  FROM mentions m${authorJoin} WHERE m.id BETWEEN ${range.lo} AND ${range.hi} GROUP BY ${groupBy} ${UPSERT}`
}

/**
 * Runs `work` (inside the caller's transaction), which adds mentions, with the summary triggers swapped
 * for their bulk variant: the new mentions (ids above today's largest) are counted once at the end, grouped,
 * instead of 18 upserts per row and per link; every change to the mentions stored before (a duplicate's
 * metrics, an author's type) is still counted by the triggers as it happens. Cost: one grouped pass over the
 * new rows per table, whatever the size of the workspace. The original triggers are recreated from their
 * own SQL in the same transaction: a rollback restores all.
 */
export function withNewMentionsInBulk<T>(db: Db, work: () => T): T {
  const bulk = newMentionsInBulk(db)
  try {
    const result = work()
    bulk.finish()
    return result
  } finally {
    bulk.restore()
  }
}

/**
 * The same for work that spans awaits (an import streams its file): `finish()` counts the new mentions
 * and puts the triggers back, before the commit. On failure the rollback puts them back (DDL is
 * transactional); `restore()` does it explicitly and is idempotent.
 */
export function newMentionsInBulk(db: Db): { finish(): void; restore(): void } {
  const max = db.prepare('SELECT ifnull(max(id), 0) FROM mentions').pluck().get() as number
  return mentionsInBulk(db, { lo: max + 1, hi: Number.MAX_SAFE_INTEGER })
}

/**
 * Bulk work over the mentions with ids in `range` (re-analysis of a batch just committed): their current
 * contribution is taken out of the summaries first, the triggers leave them out meanwhile, and
 * `finish()` counts them again as they are then. Rows of the range the work does not touch cancel out.
 */
export function mentionsInBulk(db: Db, range: IdRange): { finish(): void; restore(): void } {
  if (!db.inTransaction) throw new Error('mentionsInBulk runs inside a transaction')
  const saved = summaryTriggersStored(db)
  for (const t of saved) db.exec(`DROP TRIGGER ${t.name}`)
  const bulk = summaryTriggers(range)
  for (const t of bulk) db.exec(t.sql)
  const tables = physicalTables()
  const fresh = range.lo > (db.prepare('SELECT ifnull(max(id), 0) FROM mentions').pluck().get() as number)
  if (!fresh) for (const p of tables) db.exec(rangeDeltaSql(p, range, -1))
  let done = false
  const restore = (): void => {
    if (done || !db.inTransaction) return
    done = true
    for (const t of bulk) db.exec(`DROP TRIGGER IF EXISTS ${t.name}`)
    for (const t of saved) db.exec(`DROP TRIGGER IF EXISTS ${t.name}; ${t.sql}`)
  }
  return {
    finish() {
      if (done) throw new Error('mentionsInBulk: already finished')
      for (const p of tables) db.exec(rangeDeltaSql(p, range, 1))
      restore()
    },
    restore
  }
}

function summaryTriggersStored(db: Db): { name: string; sql: string }[] {
  return db
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%\\_summary\\_%' ESCAPE '\\'`
    )
    .all() as { name: string; sql: string }[]
}
