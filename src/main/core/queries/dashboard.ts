import type { UiLang } from '../../../shared/types'
import type { Db } from '../db/open'
import type { MentionFilter } from '../../../shared/filter'
import type { Dashboard, DayVolume, TopicTrend } from '../../../shared/views'
import type { Platform } from '../../../shared/types'
import { addDays, dateInZone, dayStart } from '../../../shared/time'
import { buildWhere } from './filter'
import { aggregate, totals } from './aggregate'
import type { MentionQueries } from './mentions'
import { findSpikes } from '../analysis/spikes-db'
import { describeSpikeRule } from '../analysis/spikes'
import { periodEmergingTerms } from '../analysis/emerging-db'
import { clock } from '../../../shared/clock'

const DAY = 86_400_000

const EMERGING_CACHE = new Map<string, { stamp: string; terms: Dashboard['emerging'] }>()

/** The period a dashboard shows: the filter's, else the last 30 days; and the previous one of equal length. */
export function dashboardPeriod(
  f: MentionFilter,
  timeZone: string,
  now = clock.now()
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
  lang: UiLang,
  now = clock.now()
): Dashboard {
  const p = dashboardPeriod(f, timeZone, now)
  const cur = { ...f, from: p.from, to: p.to }
  const prev = { ...f, from: p.prevFrom, to: p.prevTo }
  const w = buildWhere(cur, timeZone)
  const t = totals(db, cur, timeZone)
  const tp = totals(db, prev, timeZone)
  const byDay = new Map(aggregate(db, cur, timeZone, ['day']).map((r) => [r.day, r]))
  const volume: DayVolume[] = []
  for (let day = p.from; day <= p.to; day = addDays(day, 1)) {
    const r = byDay.get(day)
    volume.push({
      day,
      negative: r?.negative ?? 0,
      neutral: r?.neutral ?? 0,
      positive: r?.positive ?? 0,
      unlabelled: r?.unlabelled ?? 0
    })
  }
  const topicRows = (f2: MentionFilter) =>
    new Map(aggregate(db, f2, timeZone, ['topic']).map((r) => [r.topic, r]))
  const tc = topicRows(cur)
  const tpv = topicRows(prev)
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
      negative: tc.get(x.id)?.negative ?? 0,
      prevTotal: tpv.get(x.id)?.n ?? 0,
      prevNegative: tpv.get(x.id)?.negative ?? 0
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
  // One row per (gender, age): each mention counted once, whatever the author tells of themselves.
  const audience = aggregate(db, cur, timeZone, ['gender', 'age'])
  const byKey = (col: 'age' | 'gender') => {
    const m = new Map<string, { total: number; negative: number }>()
    for (const r of audience) {
      if (r[col] === '') continue
      const x = m.get(r[col]) ?? { total: 0, negative: 0 }
      x.total += r.n
      x.negative += r.negative
      m.set(r[col], x)
    }
    return [...m.entries()].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))
  }
  const byAge = byKey('age').map(([age, r]) => ({ age, ...r }))
  const byGender = byKey('gender').map(([gender, r]) => ({ gender, ...r }))
  const covered = audience.reduce((sum, r) => sum + (r.gender !== '' || r.age !== '' ? r.n : 0), 0)
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
  return {
    ...p,
    total: t.n,
    prevTotal: tp.n,
    negShare: t.labelled ? t.negative / t.labelled : null,
    prevNegShare: tp.labelled ? tp.negative / tp.labelled : null,
    reach: t.reach,
    volume,
    topics,
    topSources,
    topPublications: topPublications(db, mentions, cur, timeZone, t.n),
    audience: { byAge, byGender, covered },
    spikes: findSpikes(db, { from: p.from, to: p.to, timeZone, filter: f }).slice(0, 20),
    spikeRule: describeSpikeRule(lang),
    emerging: emerging.terms,
    responses: {
      critical: t.negative,
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
