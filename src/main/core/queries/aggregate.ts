import type { Db } from '../db/open'
import type { MentionFilter } from '../../../shared/filter'
import { addDays, dayStart } from '../../../shared/time'
import { DIMS, HOUR_MS, type DimName } from '../db/summaries'
import { buildWhere, type Where } from './filter'
import { SUM, summaryWhere } from './summary'

/**
 * The one way a count over mentions is answered: from the summary tables when the filter allows it,
 * else from the base table, with the same result either way. The status bar, the facets, the
 * dashboard and the spike detector all ask here, so a figure shown in two places is one query.
 *
 *   aggregate(db, { from: '2026-11-23', to: '2026-11-29' }, tz)            → [{ n, negative, … }]
 *   aggregate(db, f, tz, ['topic'])                                          → a row per topic
 *   aggregate(db, f, tz, ['day', 'topic'])                                   → a row per local day and topic
 */
export interface Totals {
  n: number
  negative: number
  neutral: number
  positive: number
  unlabelled: number
  labelled: number
  reach: number
}

/** What a count can be grouped by: a summary dimension, or the day in the workspace time zone. */
export type GroupKey = DimName | 'day'

/** One group: its totals and its key values (`day` as YYYY-MM-DD; a missing author value as ''). */
export type AggregateRow<G extends GroupKey = never> = Totals & {
  [K in G]: K extends 'day'
    ? string
    : K extends 'topic' | 'subject' | 'source' | 'sentiment' | 'irrelevant'
      ? number
      : string
}

const MEASURES = ['n', 'negative', 'neutral', 'positive', 'unlabelled', 'labelled', 'reach'] as const

const BASE_SUM: Record<(typeof MEASURES)[number], string> = {
  n: 'count(*)',
  negative: 'ifnull(sum(m.sentiment = -1), 0)',
  neutral: 'ifnull(sum(m.sentiment = 0), 0)',
  positive: 'ifnull(sum(m.sentiment = 1), 0)',
  unlabelled: 'ifnull(sum(m.sentiment IS NULL), 0)',
  labelled: 'ifnull(sum(m.sentiment IS NOT NULL), 0)',
  reach: 'ifnull(sum(ifnull(m.reach, 0)), 0)'
}

/**
 * Base-table buckets for a local day: 15 minutes divides every time zone offset in use (+5:45, +12:45…),
 * so each bucket lies in one local day; summary rows are whole UTC hours (they serve whole-hour zones only).
 */
const BASE_BUCKET_MS = 15 * 60_000

/** The value of a dimension for a mention `m` of the base table (and its author `a`). */
function baseExpr(d: DimName): string {
  if (d === 'topic') return 'mt.topic_id'
  if (d === 'subject') return 'ms.subject_id'
  return DIMS[d].expr('m')
}

function baseJoins(dims: DimName[]): string {
  const joins: string[] = []
  if (dims.includes('topic')) joins.push('JOIN mention_topics mt ON mt.mention_id = m.id')
  if (dims.includes('subject')) joins.push('JOIN mention_subjects ms ON ms.mention_id = m.id')
  if (dims.some((d) => d !== 'topic' && d !== 'subject' && DIMS[d].author))
    joins.push('LEFT JOIN authors a ON a.id = m.author_id')
  return joins.join(' ')
}

const ZERO: Totals = { n: 0, negative: 0, neutral: 0, positive: 0, unlabelled: 0, labelled: 0, reach: 0 }

/** Totals of the mentions `f` selects, grouped by `groupBy` (none: one row). Grouping by day needs f.from and f.to. */
export function aggregate<G extends GroupKey = never>(
  db: Db,
  f: MentionFilter,
  timeZone: string,
  groupBy: G[] = []
): AggregateRow<G>[] {
  const byDay = (groupBy as GroupKey[]).includes('day')
  const dims = (groupBy as GroupKey[]).filter((g): g is DimName => g !== 'day')
  if (byDay && (!f.from || !f.to)) throw new Error('aggregate: grouping by day needs from and to')
  const s = summaryWhere(f, timeZone, dims, { hourly: byDay })
  let bucketMs = HOUR_MS
  let rows: Record<string, number | string>[]
  if (s) {
    const keys = dims.map((d) => `${s.col(d)} AS "${d}"`)
    if (byDay) keys.unshift('s.bucket AS "_b"')
    const group = keys.length ? ` GROUP BY ${keys.map((_, i) => i + 1).join(', ')} HAVING sum(s.n) > 0` : ''
    rows = db
      .prepare(
        `SELECT ${[...keys, ...MEASURES.map((k) => `${SUM[k]} AS ${k}`)].join(', ')} FROM ${s.from}${group}`
      )
      .all(...s.params) as Record<string, number | string>[]
  } else if (!byDay && dims.length === 1 && dims[0] === 'source') {
    rows = bySourceFromBase(db, buildWhere(f, timeZone))
  } else {
    bucketMs = BASE_BUCKET_MS
    const w = buildWhere(f, timeZone)
    const keys = dims.map((d) => `${baseExpr(d)} AS "${d}"`)
    if (byDay) keys.unshift(`m.published_at / ${BASE_BUCKET_MS} AS "_b"`)
    const group = keys.length ? ` GROUP BY ${keys.map((_, i) => i + 1).join(', ')}` : ''
    rows = db
      .prepare(
        `SELECT ${[...keys, ...MEASURES.map((k) => `${BASE_SUM[k]} AS ${k}`)].join(', ')}
         FROM mentions m ${baseJoins(dims)} WHERE ${w.sql}${group}`
      )
      .all(...w.params) as Record<string, number | string>[]
  }
  if (!byDay) return (rows.length ? rows : groupBy.length ? [] : [{ ...ZERO }]) as AggregateRow<G>[]
  // Buckets → local days (a bucket never straddles midnight), then the groups merged per day.
  const days: string[] = []
  const starts: number[] = []
  for (let d = f.from!; d <= f.to!; d = addDays(d, 1)) {
    days.push(d)
    starts.push(dayStart(d, timeZone))
  }
  const merged = new Map<string, Record<string, number | string>>()
  for (const r of rows) {
    const t = Number(r._b) * bucketMs
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid]! <= t) lo = mid
      else hi = mid - 1
    }
    const day = days[lo]!
    const key = JSON.stringify([day, ...dims.map((d) => r[d])])
    let m = merged.get(key)
    if (!m) {
      m = { ...ZERO, day }
      for (const d of dims) m[d] = r[d]!
      merged.set(key, m)
    }
    for (const k of MEASURES) m[k] = (m[k] as number) + Number(r[k])
  }
  return [...merged.values()] as AggregateRow<G>[]
}

/**
 * By source from the base table: the date index does not hold the source, so grouping every selected
 * mention by it reads each row (0.2 s for a topic's month at 1M). The mentions that have a source are
 * grouped through their partial index instead, and the rest (source 0) is the total less those, the
 * total counted inside the date index: the same rows as one GROUP BY.
 */
function bySourceFromBase(db: Db, w: Where): Record<string, number | string>[] {
  const measures = MEASURES.map((k) => `${BASE_SUM[k]} AS ${k}`).join(', ')
  const sourced = db
    .prepare(
      `SELECT m.source_id AS "source", ${measures} FROM mentions m WHERE m.source_id IS NOT NULL AND ${w.sql} GROUP BY 1`
    )
    .all(...w.params) as Record<string, number>[]
  const all = db.prepare(`SELECT ${measures} FROM mentions m WHERE ${w.sql}`).get(...w.params) as Record<
    string,
    number
  >
  const rest: Record<string, number> = { source: 0 }
  for (const k of MEASURES) rest[k] = all[k]! - sourced.reduce((sum, r) => sum + r[k]!, 0)
  return rest.n! > 0 ? [...sourced, rest] : sourced
}

/** True when the summaries answer `f` (a count then costs a few thousand summary rows, not a scan). */
export function fromSummaries(f: MentionFilter, timeZone: string): boolean {
  return summaryWhere(f, timeZone) !== null
}

/** The totals of the mentions `f` selects (one row, zeros when none). */
export function totals(db: Db, f: MentionFilter, timeZone: string): Totals {
  return aggregate(db, f, timeZone)[0] ?? { ...ZERO }
}
