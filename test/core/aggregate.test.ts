import { describe, expect, it } from 'vitest'
import { tempDb } from '../helpers/db'
import { createDemo } from '../../src/main/core/demo'
import { aggregate, fromSummaries, totals } from '../../src/main/core/queries/aggregate'
import { findSpikes } from '../../src/main/core/analysis/spikes-db'
import { useSummaries } from '../../src/main/core/queries/summary'
import { addDays, dateRange } from '../../src/shared/time'

/**
 * Local days in zones the hourly summaries cannot cut (Kathmandu, +5:45: the base table answers) and
 * across a daylight-saving change (Berlin, 25.10.2026: a 25-hour day), checked against a plain count
 * of each day's [start, end).
 */
describe.each([
  ['Asia/Kathmandu', false],
  ['Europe/Berlin', true]
])('aggregate by local day in %s', (tz, summarised) => {
  it('counts every day exactly as its own range does, with or without the summaries', () => {
    const { db } = tempDb('aggregate-days')
    createDemo(db, { weeks: 6, until: '2026-11-10', timeZone: tz })
    const f = { from: '2026-10-20', to: '2026-11-05' }
    expect(fromSummaries(f, tz)).toBe(summarised)
    const plain = db.prepare(
      `SELECT count(*) AS n, ifnull(sum(sentiment = -1), 0) AS negative FROM mentions
       WHERE published_at >= ? AND published_at < ? AND irrelevant = 0`
    )
    const days = new Map(aggregate(db, f, tz, ['day']).map((r) => [r.day, r]))
    let sum = 0
    for (let d = f.from; d <= f.to; d = addDays(d, 1)) {
      const { start, end } = dateRange(d, d, tz)
      const want = plain.get(start, end) as { n: number; negative: number }
      expect({ n: days.get(d)?.n ?? 0, negative: days.get(d)?.negative ?? 0 }, d).toEqual(want)
      sum += want.n
    }
    expect(sum).toBeGreaterThan(100)
    expect(totals(db, f, tz).n).toBe(sum)
    const byTopicDay = aggregate(db, f, tz, ['day', 'topic'])
    useSummaries(false)
    try {
      expect(aggregate(db, f, tz, ['day', 'topic'])).toEqual(expect.arrayContaining(byTopicDay))
      expect(aggregate(db, f, tz, ['day', 'topic'])).toHaveLength(byTopicDay.length)
    } finally {
      useSummaries(true)
    }
    // Spikes read the same series: each one's count is its day's negatives (the demo's spike is in it).
    const overall = findSpikes(db, { from: '2026-10-01', to: '2026-11-10', timeZone: tz }).filter(
      (x) => x.topicId === null
    )
    expect(overall.map((s) => s.day)).toEqual(expect.arrayContaining(['2026-11-01']))
    for (const s of overall) {
      const r = dateRange(s.day, s.day, tz)
      expect(s.negative).toBe((plain.get(r.start, r.end) as { negative: number }).negative)
    }
    db.close()
  }, 60_000)
})
