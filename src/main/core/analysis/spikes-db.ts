import type { Db } from '../db/open'
import type { MentionFilter } from '../../../shared/filter'
import type { Spike } from '../../../shared/views'
import { addDays, dateInZone } from '../../../shared/time'
import { aggregate } from '../queries/aggregate'
import { DAILY_SPIKE_DEFAULTS, detectSpikes, fillGaps, type SpikeOptions } from './spikes'

/**
 * The one spike detector of the app: the dashboard, the digest, the in-app alerts and `otklik spikes`
 * all call it. The series: relevant negative mentions per day in the workspace time zone, for each
 * enabled topic and for all mentions together (topic null); each day of [from, to] is judged against
 * its own previous `window` days (see DAILY_SPIKE_DEFAULTS and SPIKE_RULE). Days before the workspace's
 * first mention are not history (unknown, not quiet), so the first `minHistory` days get no verdict.
 * A day's verdict depends on nothing but those days, so any period that contains it gives the same spike.
 *
 * `filter` narrows the mentions (its dates and sentiments are ignored: the series is always the
 * period's negatives); a topic filter leaves out the all-topics series, which it would only repeat.
 * Newest day first, then the larger count.
 */
export function findSpikes(
  db: Db,
  opts: { from: string; to: string; timeZone: string; filter?: MentionFilter; rule?: SpikeOptions }
): Spike[] {
  if (opts.from > opts.to) return []
  const rule = { ...DAILY_SPIKE_DEFAULTS, ...opts.rule }
  const historyFrom = addDays(opts.from, -rule.window * rule.seasonLength)
  const f: MentionFilter = {
    ...opts.filter,
    from: historyFrom,
    to: opts.to,
    sentiments: ['negative'],
    irrelevant: 'hide'
  }
  const days: string[] = []
  for (let d = historyFrom; d <= opts.to; d = addDays(d, 1)) days.push(d)
  const index = new Map(days.map((d, i) => [d, i]))
  const since = index.get(opts.from)!
  // Days before the workspace's first mention are unknown, not quiet: they are no history.
  const first = db.prepare('SELECT min(published_at) FROM mentions').pluck().get() as number | null
  if (first === null) return []
  const firstDay = dateInZone(first, opts.timeZone)
  if (firstDay > opts.to) return []
  const seriesStart = firstDay > historyFrom ? index.get(firstDay)! : 0
  const topics = new Map(
    (db.prepare('SELECT id, name FROM topics WHERE enabled = 1').all() as { id: number; name: string }[]).map(
      (t) => [t.id, t.name]
    )
  )
  // Series by day index (0 = historyFrom): evenly spaced, so fillGaps' step is one "day" of index.
  const series = new Map<number | null, { t: number; count: number }[]>()
  const add = (topic: number | null, day: string, n: number) => {
    if (n <= 0) return
    let list = series.get(topic)
    if (!list) series.set(topic, (list = []))
    list.push({ t: index.get(day)!, count: n })
  }
  for (const r of aggregate(db, f, opts.timeZone, ['day', 'topic']))
    if (topics.has(r.topic)) add(r.topic, r.day, r.negative)
  if (!opts.filter?.topicIds?.length)
    for (const r of aggregate(db, f, opts.timeZone, ['day'])) add(null, r.day, r.negative)
  const out: Spike[] = []
  for (const [topic, points] of series) {
    const filled = fillGaps(points, seriesStart, days.length - 1, 1)
    for (const s of detectSpikes(filled, { ...rule, since })) {
      out.push({
        day: days[s.t]!,
        topicId: topic,
        topic: topic === null ? null : topics.get(topic)!,
        negative: s.count,
        usual: Math.round(s.baseline)
      })
    }
  }
  return out.sort(
    (a, b) =>
      (a.day === b.day ? 0 : a.day < b.day ? 1 : -1) ||
      b.negative - a.negative ||
      (a.topicId ?? -1) - (b.topicId ?? -1)
  )
}
