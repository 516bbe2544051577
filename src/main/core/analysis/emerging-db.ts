import type { Db } from '../db/open'
import type { MentionFilter } from '../../../shared/filter'
import { addDays } from '../../../shared/time'
import { buildWhere } from '../queries/filter'
import { totals } from '../queries/aggregate'
import { emergingTerms, type EmergingTerm } from './spikes'

/** The period's texts are compared with the texts of this many days before it. */
export const EMERGING_BASELINE_DAYS = 28
const RECENT_SAMPLE = 1000
const BASELINE_SAMPLE = 2000

/**
 * The one definition of emerging terms, for the dashboard and the digest: words and word pairs
 * whose share of the period's relevant mentions grew against the 28 days before the period (see
 * emergingTerms for the rule). `filter` narrows the mentions (its dates are the period's). Big periods
 * are sampled evenly (every k-th mention), and the counts scaled back: `recent` and `before` estimate
 * how many mentions of the period and of the 28 days before hold the term.
 */
export function findEmergingTerms(
  db: Db,
  opts: { from: string; to: string; timeZone: string; filter?: MentionFilter; limit?: number }
): EmergingTerm[] {
  const recent = sampleTexts(
    db,
    { ...opts.filter, from: opts.from, to: opts.to },
    opts.timeZone,
    RECENT_SAMPLE
  )
  if (!recent.texts.length) return []
  const base = sampleTexts(
    db,
    {
      ...opts.filter,
      from: addDays(opts.from, -EMERGING_BASELINE_DAYS),
      to: addDays(opts.from, -1)
    },
    opts.timeZone,
    BASELINE_SAMPLE
  )
  return emergingTerms(recent.texts, base.texts, { limit: opts.limit ?? 10 }).map((x) => ({
    ...x,
    recent: x.recent * recent.scale,
    before: x.before * base.scale
  }))
}

/** About `limit` texts the filter selects, spread evenly over them (every k-th id); `scale` is k. */
function sampleTexts(
  db: Db,
  f: MentionFilter,
  timeZone: string,
  limit: number
): { texts: string[]; scale: number } {
  const step = Math.max(1, Math.ceil(totals(db, f, timeZone).n / limit))
  const w = buildWhere(f, timeZone)
  const texts = db
    .prepare(
      `SELECT coalesce(m.title, '') || ' ' || substr(m.text, 1, 400) FROM mentions m WHERE ${w.sql} AND m.id % ? = 0`
    )
    .pluck()
    .all(...w.params, step) as string[]
  return { texts, scale: step }
}
