import type { MentionFilter } from '../../../shared/filter'
import { dateRange } from '../../../shared/time'
import {
  GRAINS,
  HOUR_MS,
  SUMMARY_TABLES,
  UNLABELLED,
  dimColumn,
  type DimName,
  type Grain,
  type SummaryTable
} from '../db/summaries'

/**
 * A filter translated to summary rows: `from` is a FROM item aliased `s` (columns bucket, the
 * dimensions, n, reach) holding only rows the filter selects; null when only the base table can answer.
 */
export interface SummaryWhere {
  table: SummaryTable
  from: string
  params: (string | number)[]
  /** The column of a dimension (prefixed `s.`). */
  col: (d: DimName) => string
}

const SENTIMENT: Record<string, number> = { negative: -1, neutral: 0, positive: 1, unlabelled: UNLABELLED }

/** Filter keys a summary can answer; any other key set (search, author, outlet…) needs the base table. */
const SUMMARY_KEYS = new Set<keyof MentionFilter>([
  'from',
  'to',
  'sentiments',
  'platforms',
  'mediaType',
  'irrelevant',
  'langs',
  'authorTypes',
  'sourceIds',
  'topicIds',
  'subjectIds'
])

let enabled = true
/** Benchmarks and tests switch the summaries off to measure and check against the base table. */
export function useSummaries(on: boolean): void {
  enabled = on
}

/**
 * Where a summary can serve `f`, grouped additionally by `groupBy` dimensions (`hourly`: rows per UTC
 * hour, to group by local day). The period must start and end on whole UTC hours (true for any
 * whole-hour time zone), topic and subject filters name one item (a mention in two of them would count
 * twice), and one summary must hold every dimension needed.
 */
export function summaryWhere(
  f: MentionFilter,
  timeZone: string,
  groupBy: DimName[] = [],
  opts: { hourly?: boolean } = {}
): SummaryWhere | null {
  if (!enabled) return null
  for (const [k, v] of Object.entries(f) as [keyof MentionFilter, unknown][]) {
    if (v === undefined || (Array.isArray(v) && v.length === 0) || v === false) continue
    if (k === 'search' && typeof v === 'string' && !v.trim()) continue
    if (!SUMMARY_KEYS.has(k)) return null
  }
  if ((f.topicIds?.length ?? 0) > 1 || (f.subjectIds?.length ?? 0) > 1) return null
  const need = new Set<DimName>(['sentiment', 'irrelevant', ...groupBy])
  if (f.platforms?.length) need.add('platform')
  if (f.langs?.length) need.add('lang')
  if (f.sourceIds?.length) need.add('source')
  if (f.authorTypes?.length) need.add('authorType')
  if (f.topicIds?.length) need.add('topic')
  if (f.subjectIds?.length) need.add('subject')
  const table = SUMMARY_TABLES.find((t) => [...need].every((d) => t.dims.includes(d)))
  if (!table) return null
  const column = (d: DimName) => dimColumn(table, d)
  const parts: string[] = []
  const params: (string | number)[] = []
  const inList = (c: string, values: (string | number)[]) => {
    parts.push(`${c} IN (${values.map(() => '?').join(',')})`)
    params.push(...values)
  }
  if (f.sentiments?.length)
    inList(
      column('sentiment'),
      f.sentiments.map((s) => SENTIMENT[s]!)
    )
  if (f.platforms?.length) inList(column('platform'), f.platforms)
  if (f.mediaType) parts.push(f.mediaType === 'media' ? "platform = 'news'" : "platform != 'news'")
  // The base filter's `lang IN (…)` never matches a missing language; the summary stores it as ''.
  if (f.langs?.length) inList(column('lang'), [...f.langs.filter((l) => l !== ''), '\u0000'])
  if (f.sourceIds?.length) inList(column('source'), f.sourceIds)
  if (f.authorTypes?.length) inList(column('authorType'), f.authorTypes)
  if (f.topicIds?.length) inList(column('topic'), f.topicIds)
  if (f.subjectIds?.length) inList(column('subject'), f.subjectIds)
  const irr = f.irrelevant ?? 'hide'
  if (irr === 'hide') parts.push('irrelevant = 0')
  else if (irr === 'only') parts.push('irrelevant = 1')
  let lo: number | null = null
  let hi: number | null = null
  if (f.from || f.to) {
    const { start, end } = dateRange(f.from ?? '2000-01-01', f.to ?? '2999-12-31', timeZone)
    if (start % HOUR_MS !== 0 || end % HOUR_MS !== 0) return null
    if (f.from) lo = start
    if (f.to) hi = end
  }
  const dims = parts.length ? ` AND ${parts.join(' AND ')}` : ''
  // Buckets of one grain in [a, b) (ms, null = open), as a SELECT over that grain's table.
  const ranges: { table: string; sql: string; params: (string | number)[] }[] = []
  const range = (grain: Grain, a: number | null, b: number | null) => {
    const conds: string[] = []
    const ps: (string | number)[] = []
    if (a !== null) {
      conds.push('bucket >= ?')
      ps.push(a / grain.ms)
    }
    if (b !== null) {
      conds.push('bucket < ?')
      ps.push(b / grain.ms)
    }
    ranges.push({
      table: `${table.name}_${grain.suffix}`,
      sql: conds.length ? conds.join(' AND ') : '1',
      params: ps
    })
  }
  // Coarsest grain first: whole blocks inside the period, then whole days, then hours at the ends.
  const decompose = (g: number, a: number | null, b: number | null): void => {
    const grain = GRAINS[g]!
    if (g === GRAINS.length - 1) return range(grain, a, b)
    const first = a === null ? null : Math.ceil(a / grain.ms) * grain.ms
    const last = b === null ? null : Math.floor(b / grain.ms) * grain.ms
    if (first !== null && last !== null && first >= last) return decompose(g + 1, a, b)
    range(grain, first, last)
    if (a !== null && a < first!) decompose(g + 1, a, first)
    if (b !== null && last! < b) decompose(g + 1, last, b)
  }
  if (opts.hourly) range(GRAINS[GRAINS.length - 1]!, lo, hi)
  else decompose(0, lo, hi)
  const from = `(${ranges.map((r) => `SELECT * FROM ${r.table} WHERE ${r.sql}${dims}`).join(' UNION ALL ')}) s`
  return {
    table,
    from,
    params: ranges.flatMap((r) => [...r.params, ...params]),
    col: (d) => `s.${column(d)}`
  }
}

/** SQL sums over a summary (alias `s`) matching the base table's count(*) / sum(sentiment = …). */
export const SUM = {
  n: 'ifnull(sum(s.n), 0)',
  negative: 'ifnull(sum(CASE WHEN s.sentiment = -1 THEN s.n END), 0)',
  neutral: 'ifnull(sum(CASE WHEN s.sentiment = 0 THEN s.n END), 0)',
  positive: 'ifnull(sum(CASE WHEN s.sentiment = 1 THEN s.n END), 0)',
  unlabelled: `ifnull(sum(CASE WHEN s.sentiment = ${UNLABELLED} THEN s.n END), 0)`,
  labelled: `ifnull(sum(CASE WHEN s.sentiment != ${UNLABELLED} THEN s.n END), 0)`,
  reach: 'ifnull(sum(s.reach), 0)'
}
