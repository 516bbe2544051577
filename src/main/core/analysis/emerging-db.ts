/**
 * Emerging terms of a period, from the database: the ONE function the dashboard and the digest call,
 * so both show the same list for the same period and filter.
 */
import type { Db } from '../db/open'
import type { MentionFilter } from '../../../shared/filter'
import { addDays } from '../../../shared/time'
import { buildWhere } from '../queries/filter'
import { totals } from '../queries/aggregate'
import { emergingTerms, type EmergingDoc, type EmergingTerm } from './spikes'

/** The period is compared with this many days before it. */
export const EMERGING_BASELINE_DAYS = 28
const RECENT_SAMPLE = 1500
const BASELINE_SAMPLE = 3000

/**
 * About `limit` texts (title and the start of the text) with their authors, spread evenly over the
 * rows the filter selects (every k-th id); `scale` is k: a count in the sample stands for about k.
 */
function sample(
  db: Db,
  f: MentionFilter,
  timeZone: string,
  limit: number
): { docs: EmergingDoc[]; scale: number } {
  const w = buildWhere(f, timeZone)
  // The count from the summary tables where the filter allows (the same figure the status bar shows).
  const all = totals(db, f, timeZone).n
  const step = Math.max(1, Math.ceil(all / limit))
  const rows = db
    .prepare(
      `SELECT coalesce(m.title || '. ', '') || substr(m.text, 1, 600) AS text, coalesce(a.merged_into, m.author_id) AS author
       FROM mentions m LEFT JOIN authors a ON a.id = m.author_id WHERE ${w.sql} AND m.id % ? = 0`
    )
    .all(...w.params, step) as { text: string; author: number | null }[]
  return { docs: rows, scale: step }
}

/**
 * Words and phrases new in [from, to] against the EMERGING_BASELINE_DAYS before it (see emergingTerms),
 * counts scaled back from the samples to the whole period.
 */
export function periodEmergingTerms(
  db: Db,
  o: { from: string; to: string; timeZone: string; filter?: MentionFilter; limit?: number }
): EmergingTerm[] {
  const f = { ...(o.filter ?? {}) }
  const recent = sample(db, { ...f, from: o.from, to: o.to }, o.timeZone, RECENT_SAMPLE)
  if (!recent.docs.length) return []
  const before = sample(
    db,
    { ...f, from: addDays(o.from, -EMERGING_BASELINE_DAYS), to: addDays(o.from, -1) },
    o.timeZone,
    BASELINE_SAMPLE
  )
  return emergingTerms(recent.docs, before.docs, { limit: o.limit ?? 12 }).map((t) => ({
    ...t,
    recent: t.recent * recent.scale,
    before: t.before * before.scale
  }))
}
