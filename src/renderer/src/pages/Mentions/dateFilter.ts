import type { MentionFilter } from '../../../../shared/filter'
import { addDays } from '../../../../shared/time'

/** AG Grid's date filter model for one condition (the only shape our date column allows). */
export interface DateFilterModel {
  filterType?: 'date'
  type?: string | null
  dateFrom?: string | null
  dateTo?: string | null
}

/**
 * The date column's filter as an inclusive date range: the grid gives 'YYYY-MM-DD hh:mm:ss'
 * strings; main wants whole days. dateModelRange({type: 'greaterThan', dateFrom: '2026-11-10 00:00:00'})
 * → {from: '2026-11-11'}.
 */
export function dateModelRange(m: DateFilterModel | null | undefined): { from?: string; to?: string } {
  const a = m?.dateFrom?.slice(0, 10)
  const b = m?.dateTo?.slice(0, 10)
  if (!m?.type || !a) return {}
  switch (m.type) {
    case 'equals':
      return { from: a, to: a }
    case 'greaterThan':
      return { from: addDays(a, 1) }
    case 'lessThan':
      return { to: addDays(a, -1) }
    case 'inRange':
      return b ? (a <= b ? { from: a, to: b } : { from: b, to: a }) : { from: a }
    default:
      return {}
  }
}

/** The shared filter narrowed by the grid's own date filter (both apply: the later start, the earlier end). */
export function withDateRange(f: MentionFilter, r: { from?: string; to?: string }): MentionFilter {
  if (!r.from && !r.to) return f
  const out = { ...f }
  if (r.from) out.from = !f.from || r.from > f.from ? r.from : f.from
  if (r.to) out.to = !f.to || r.to < f.to ? r.to : f.to
  return out
}
