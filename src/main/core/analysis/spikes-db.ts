import type { Db } from '../db/open'
import { addDays, dateInZone, dayStart, tzOffsetMinutes } from '../../../shared/time'
import { detectSpikes, fillGaps } from './spikes'
import type { MentionFilter } from '../../../shared/filter'
import { HOUR_MS } from '../db/summaries'
import { SUM, summaryWhere } from '../queries/summary'

const DAY = 86_400_000

export interface TopicSpike {
  day: string
  topicId: number | null
  topic: string
  count: number
  baseline: number
  ratio: number
}

/**
 * Daily negative volume per topic (and overall) in [from, to], each compared with its own previous
 * 14 days (see SPIKE_RULE). Relevant mentions only. `extraWhere` narrows the mentions (alias m).
 */
export function topicSpikes(
  db: Db,
  opts: {
    from: string
    to: string
    timeZone: string
    extraWhere?: { sql: string; params: (string | number)[] }
    /** The same narrowing as a filter: lets the hourly summaries answer (extraWhere is then the fallback). */
    filter?: MentionFilter
  }
): TopicSpike[] {
  const historyFrom = addDays(opts.from, -28)
  const start = dayStart(historyFrom, opts.timeZone)
  const end = dayStart(addDays(opts.to, 1), opts.timeZone)
  const since = dayStart(opts.from, opts.timeZone)
  const off = tzOffsetMinutes(start, opts.timeZone) * 60_000
  const extra = opts.extraWhere ? ` AND ${opts.extraWhere.sql}` : ''
  const params = opts.extraWhere?.params ?? []
  const s =
    opts.filter && opts.filter.irrelevant !== 'only'
      ? summaryWhere(
          { ...opts.filter, from: historyFrom, to: opts.to, sentiments: ['negative'], irrelevant: 'hide' },
          opts.timeZone,
          ['topic'],
          { hourly: true }
        )
      : null
  const rows = (
    s
      ? db
          .prepare(
            `SELECT (s.bucket * ${HOUR_MS} + ${off}) / ${DAY} AS d, s.topic_id AS topic, ${SUM.n} AS n
             FROM ${s.from} GROUP BY d, topic HAVING sum(s.n) > 0`
          )
          .all(...s.params)
      : db
          .prepare(
            `SELECT (m.published_at + ${off}) / ${DAY} AS d, mt.topic_id AS topic, count(*) AS n
             FROM mentions m JOIN mention_topics mt ON mt.mention_id = m.id
             WHERE m.published_at >= ? AND m.published_at < ? AND m.sentiment = -1 AND m.irrelevant = 0${extra}
             GROUP BY d, topic`
          )
          .all(start, end, ...params)
  ) as { d: number; topic: number; n: number }[]
  const names = new Map(
    (db.prepare('SELECT id, name FROM topics').all() as { id: number; name: string }[]).map((t) => [
      t.id,
      t.name
    ])
  )
  const byTopic = new Map<number, { t: number; count: number }[]>()
  for (const r of rows) {
    const list = byTopic.get(r.topic) ?? []
    list.push({ t: r.d * DAY - off, count: r.n })
    byTopic.set(r.topic, list)
  }
  const out: TopicSpike[] = []
  for (const [topic, points] of byTopic) {
    const series = fillGaps(
      points.sort((a, b) => a.t - b.t),
      start,
      end - DAY,
      DAY
    )
    for (const s of detectSpikes(series, { since })) {
      out.push({
        day: dateInZone(s.t, opts.timeZone),
        topicId: topic,
        topic: names.get(topic) ?? String(topic),
        count: s.count,
        baseline: s.baseline,
        ratio: s.ratio
      })
    }
  }
  return out.sort((a, b) => (a.day === b.day ? b.count - a.count : a.day < b.day ? 1 : -1))
}
