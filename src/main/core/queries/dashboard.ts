import type { Db } from '../db/open'
import type { MentionFilter } from '../../../shared/filter'
import type { Dashboard, DayVolume, TopicTrend } from '../../../shared/views'
import type { Platform } from '../../../shared/types'
import { addDays, dateInZone, dayStart, tzOffsetMinutes } from '../../../shared/time'
import { buildWhere } from './filter'
import { SUM, summaryWhere } from './summary'
import { HOUR_MS } from '../db/summaries'
import type { MentionQueries } from './mentions'
import { topicSpikes } from '../analysis/spikes-db'
import { describeSpikeRule } from '../analysis/spikes'
import { periodEmergingTerms } from '../analysis/emerging-db'

const DAY = 86_400_000

const EMERGING_CACHE = new Map<string, { stamp: string; terms: Dashboard['emerging'] }>()

/** The period a dashboard shows: the filter's, else the last 30 days; and the previous one of equal length. */
export function dashboardPeriod(
  f: MentionFilter,
  timeZone: string,
  now = Date.now()
): { from: string; to: string; prevFrom: string; prevTo: string } {
  const today = dateInZone(now, timeZone)
  const to = f.to ?? today
  const from = f.from ?? addDays(to, -29)
  const days = Math.round((dayStart(to, timeZone) - dayStart(from, timeZone)) / DAY) + 1
  return { from, to, prevFrom: addDays(from, -days), prevTo: addDays(from, -1) }
}

/** Everything the dashboard draws, for the filter's period (relevant mentions unless the filter says otherwise). */
export function dashboard(
  db: Db,
  mentions: MentionQueries,
  f: MentionFilter,
  timeZone: string,
  lang: 'ru' | 'kk' | 'en',
  now = Date.now()
): Dashboard {
  const p = dashboardPeriod(f, timeZone, now)
  const cur = { ...f, from: p.from, to: p.to }
  const prev = { ...f, from: p.prevFrom, to: p.prevTo }
  const w = buildWhere(cur, timeZone)
  const wp = buildWhere(prev, timeZone)
  const sw = summaryWhere(cur, timeZone, [], { hourly: true })
  const totals = (f2: MentionFilter, where: typeof w) => {
    const s = summaryWhere(f2, timeZone)
    return (
      s
        ? db
            .prepare(
              `SELECT ${SUM.n} AS n, ${SUM.negative} AS neg, ${SUM.labelled} AS lab, ${SUM.reach} AS reach FROM ${s.from}`
            )
            .get(...s.params)
        : db
            .prepare(
              `SELECT count(*) AS n, sum(m.sentiment = -1) AS neg, sum(m.sentiment IS NOT NULL) AS lab, sum(ifnull(m.reach, 0)) AS reach FROM mentions m WHERE ${where.sql}`
            )
            .get(...where.params)
    ) as { n: number; neg: number | null; lab: number | null; reach: number | null }
  }
  const t = totals(cur, w)
  const tp = totals(prev, wp)
  const start = dayStart(p.from, timeZone)
  const off = tzOffsetMinutes(start, timeZone) * 60_000
  const byDay = new Map<number, DayVolume>()
  const dayRows = (
    sw
      ? db
          .prepare(
            `SELECT (s.bucket * ${HOUR_MS} + ${off}) / ${DAY} AS d, ${SUM.negative} AS neg, ${SUM.neutral} AS neu, ${SUM.positive} AS pos,
             ${SUM.unlabelled} AS unl FROM ${sw.from} GROUP BY d`
          )
          .all(...sw.params)
      : db
          .prepare(
            `SELECT (m.published_at + ${off}) / ${DAY} AS d, sum(m.sentiment = -1) AS neg, sum(m.sentiment = 0) AS neu, sum(m.sentiment = 1) AS pos, sum(m.sentiment IS NULL) AS unl
             FROM mentions m WHERE ${w.sql} GROUP BY d`
          )
          .all(...w.params)
  ) as { d: number; neg: number; neu: number; pos: number; unl: number }[]
  for (const r of dayRows)
    byDay.set(r.d, { day: '', negative: r.neg, neutral: r.neu, positive: r.pos, unlabelled: r.unl })
  const volume: DayVolume[] = []
  for (let day = p.from; day <= p.to; day = addDays(day, 1)) {
    const d = Math.floor((dayStart(day, timeZone) + off) / DAY)
    volume.push({ ...(byDay.get(d) ?? { negative: 0, neutral: 0, positive: 0, unlabelled: 0 }), day })
  }
  const topicRows = (f2: MentionFilter, where: typeof w) => {
    const s = summaryWhere(f2, timeZone, ['topic'])
    const rows = s
      ? db
          .prepare(
            `SELECT s.topic_id AS id, ${SUM.n} AS n, ${SUM.negative} AS neg FROM ${s.from} GROUP BY s.topic_id HAVING sum(s.n) > 0`
          )
          .all(...s.params)
      : db
          .prepare(
            `SELECT mt.topic_id AS id, count(*) AS n, sum(m.sentiment = -1) AS neg FROM mention_topics mt JOIN mentions m ON m.id = mt.mention_id
             WHERE ${where.sql} GROUP BY mt.topic_id`
          )
          .all(...where.params)
    return new Map((rows as { id: number; n: number; neg: number }[]).map((r) => [r.id, r]))
  }
  const tc = topicRows(cur, w)
  const tpv = topicRows(prev, wp)
  const topics: TopicTrend[] = (
    db.prepare('SELECT id, key, name, names FROM topics WHERE enabled = 1').all() as {
      id: number
      key: string
      name: string
      names: string | null
    }[]
  )
    .map((x) => ({
      id: x.id,
      key: x.key,
      name: localName(x.names, lang) ?? x.name,
      total: tc.get(x.id)?.n ?? 0,
      negative: tc.get(x.id)?.neg ?? 0,
      prevTotal: tpv.get(x.id)?.n ?? 0,
      prevNegative: tpv.get(x.id)?.neg ?? 0
    }))
    .filter((x) => x.total > 0 || x.prevTotal > 0)
    .sort((a, b) => b.negative - a.negative || b.total - a.total)
  const topSources = db
    .prepare(
      // Tallied inside the date index (it holds outlet and sentiment), then the ten names joined.
      `SELECT o.id AS outletId, o.name, o.platform, g.count, g.negative FROM (
         SELECT m.outlet_id AS oid, count(*) AS count, sum(m.sentiment = -1) AS negative FROM mentions m INDEXED BY mentions_published
         WHERE m.outlet_id IS NOT NULL AND ${w.sql} GROUP BY m.outlet_id ORDER BY count DESC, m.outlet_id LIMIT 10) g
       JOIN outlets o ON o.id = g.oid ORDER BY g.count DESC, o.id`
    )
    .all(...w.params) as {
    outletId: number
    name: string
    platform: Platform
    count: number
    negative: number
  }[]
  const audienceRows = (col: 'age' | 'gender') => {
    const s = summaryWhere(cur, timeZone, [col])
    return (
      s
        ? db
            .prepare(
              `SELECT s.${col} AS k, ${SUM.n} AS total, ${SUM.negative} AS negative FROM ${s.from}
               WHERE s.${col} != '' GROUP BY s.${col} HAVING sum(s.n) > 0 ORDER BY s.${col}`
            )
            .all(...s.params)
        : db
            .prepare(
              `SELECT a.${col} AS k, count(*) AS total, sum(m.sentiment = -1) AS negative FROM mentions m JOIN authors a ON a.id = m.author_id
               WHERE ${w.sql} AND a.${col} IS NOT NULL GROUP BY a.${col} ORDER BY a.${col}`
            )
            .all(...w.params)
    ) as { k: string; total: number; negative: number }[]
  }
  const byAge = audienceRows('age').map((r) => ({ age: r.k, total: r.total, negative: r.negative }))
  const byGender = audienceRows('gender').map((r) => ({ gender: r.k, total: r.total, negative: r.negative }))
  // Few mentions carry a response status: the partial index finds them without scanning the period.
  const resp = db
    .prepare(
      `SELECT sum(m.response_status = 'needed') AS needed, sum(m.response_status = 'assigned') AS assigned,
       sum(m.response_status = 'answered') AS answered FROM mentions m WHERE m.response_status IS NOT NULL AND ${w.sql}`
    )
    .get(...w.params) as Record<string, number | null>
  // Emerging terms tokenise a few thousand texts: remembered until the data or the filter changes.
  const stamp = `${db.prepare('SELECT max(id) FROM mentions').pluck().get() as number}:${t.n}:${tp.n}`
  const emergingKey = JSON.stringify([f, p.from, p.to, timeZone])
  let emerging = EMERGING_CACHE.get(emergingKey)
  if (emerging?.stamp !== stamp) {
    // The same function and rule as the digest: the same list for the same period.
    const terms = periodEmergingTerms(db, { from: p.from, to: p.to, timeZone, filter: f, limit: 12 })
    emerging = { stamp, terms }
    EMERGING_CACHE.set(emergingKey, emerging)
    if (EMERGING_CACHE.size > 16) EMERGING_CACHE.delete(EMERGING_CACHE.keys().next().value as string)
  }
  const extra = buildWhere({ ...f, from: undefined, to: undefined, sentiments: undefined }, timeZone)
  return {
    ...p,
    total: t.n,
    prevTotal: tp.n,
    negShare: t.lab ? (t.neg ?? 0) / t.lab : null,
    prevNegShare: tp.lab ? (tp.neg ?? 0) / tp.lab : null,
    reach: t.reach ?? 0,
    volume,
    topics,
    topSources,
    topPublications: topPublications(db, mentions, cur, timeZone, t.n),
    audience: {
      byAge,
      byGender,
      covered: byAge.reduce((s, r) => s + r.total, 0) + byGender.reduce((s, r) => s + r.total, 0)
    },
    spikes: topicSpikes(db, {
      from: p.from,
      to: p.to,
      timeZone,
      extraWhere: extra,
      filter: { ...f, from: undefined, to: undefined, sentiments: undefined }
    }).slice(0, 20),
    spikeRule: describeSpikeRule(lang),
    emerging: emerging.terms,
    responses: {
      critical: t.neg ?? 0,
      needed: resp.needed ?? 0,
      assigned: resp.assigned ?? 0,
      answered: resp.answered ?? 0
    }
  }
}

function localName(names: string | null, lang: string): string | null {
  if (!names) return null
  try {
    return (JSON.parse(names) as Record<string, string>)[lang] ?? null
  } catch {
    return null
  }
}

/**
 * The period's eight mentions with the widest reach. When the period holds a fair share of all mentions,
 * walking the reach index from the top finds them after a few hundred rows instead of sorting the period.
 */
function topPublications(
  db: Db,
  mentions: MentionQueries,
  f: MentionFilter,
  timeZone: string,
  inPeriod: number
) {
  const all = mentions.counts({ irrelevant: 'all' }).total
  if (inPeriod * 50 < all) return mentions.page(f, { col: 'reach', dir: 'desc' }, 0, 8).rows
  const w = buildWhere(f, timeZone)
  const ids = db
    .prepare(
      `SELECT m.id FROM mentions m INDEXED BY mentions_reach WHERE ${w.sql} ORDER BY ifnull(m.reach, -1) DESC, m.id DESC LIMIT 8`
    )
    .pluck()
    .all(...w.params) as number[]
  return mentions.rowsByIds(ids)
}
