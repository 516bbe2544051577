/** Figures, daily volume, authors, spikes and method of the digest model. */
import type { Db } from '../db/open'
import type { Platform } from '../../../shared/types'
import { addDays } from '../../../shared/time'
import { authorTypeName, platformName, type Lang } from './i18n'
import type { Masker } from './masking'
import type {
  AuthorItem,
  Change,
  DayVolume,
  DigestFigures,
  EmergingTerm,
  MethodInfo,
  SpikeDay
} from './model-types'
import { authorsById, enabledTopics, latestModel, topicName, type LightRow } from './queries'
import { SPIKE_RULE } from './spikes'
import { periodEmergingTerms } from '../analysis/emerging-db'
import { topicSpikes } from '../analysis/spikes-db'
import type { ResolvedPeriod } from './period'

export function change(value: number, prev: number): Change {
  return { value, prev, diff: value - prev, rel: prev !== 0 ? (value - prev) / prev : null }
}

interface Tally {
  mentions: number
  stories: number
  negative: number
  neutral: number
  positive: number
  reach: number
  outlets: number
  authors: number
}

function tally(rows: LightRow[]): Tally {
  const stories = new Set<number>()
  const outlets = new Set<number>()
  const authors = new Set<number>()
  const t: Tally = {
    mentions: rows.length,
    stories: 0,
    negative: 0,
    neutral: 0,
    positive: 0,
    reach: 0,
    outlets: 0,
    authors: 0
  }
  for (const r of rows) {
    stories.add(r.story)
    if (r.outlet !== null) outlets.add(r.outlet)
    if (r.author !== null) authors.add(r.author)
    if (r.sentiment === -1) t.negative++
    else if (r.sentiment === 0) t.neutral++
    else if (r.sentiment === 1) t.positive++
    t.reach += r.reach
  }
  return { ...t, stories: stories.size, outlets: outlets.size, authors: authors.size }
}

/** The period's figures against the previous period's, both counted from their rows. */
export function buildFigures(rows: LightRow[], prevRows: LightRow[]): DigestFigures {
  const c = tally(rows)
  const p = tally(prevRows)
  const labelled = c.negative + c.neutral + c.positive
  const prevLabelled = p.negative + p.neutral + p.positive
  const share = (n: number, of: number): number => (of > 0 ? n / of : 0)
  return {
    mentions: change(c.mentions, p.mentions),
    stories: change(c.stories, p.stories),
    negativeShare: change(share(c.negative, labelled), share(p.negative, prevLabelled)),
    neutralShare: change(share(c.neutral, labelled), share(p.neutral, prevLabelled)),
    positiveShare: change(share(c.positive, labelled), share(p.positive, prevLabelled)),
    reach: change(c.reach, p.reach),
    outlets: change(c.outlets, p.outlets),
    authors: change(c.authors, p.authors),
    labelled,
    unlabelled: c.mentions - labelled
  }
}

/** Mentions per day of the period by sentiment (days in the workspace time zone). */
export function buildDaily(rows: LightRow[], period: ResolvedPeriod): DayVolume[] {
  const days: DayVolume[] = []
  for (let i = 0; i < period.days; i++)
    days.push({ date: addDays(period.from, i), negative: 0, neutral: 0, positive: 0, unlabelled: 0 })
  const starts = period.dayStarts
  for (const r of rows) {
    let lo = 0
    let hi = starts.length - 2
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid]! <= r.at) lo = mid
      else hi = mid - 1
    }
    const d = days[lo]!
    if (r.sentiment === -1) d.negative++
    else if (r.sentiment === 0) d.neutral++
    else if (r.sentiment === 1) d.positive++
    else d.unlabelled++
  }
  return days
}

const MAX_AUTHORS = 10

/**
 * Authors leaning negative / positive: at least `minLabelled` labelled mentions in the period and at
 * least `share` of them negative (positive). Named when public, masked otherwise.
 */
export function buildAuthors(
  db: Db,
  lang: Lang,
  masker: Masker,
  rows: LightRow[],
  minLabelled: number,
  share: number
): { negative: AuthorItem[]; positive: AuthorItem[] } {
  const per = new Map<
    number,
    { mentions: number; labelled: number; neg: number; pos: number; reach: number }
  >()
  for (const r of rows) {
    if (r.author === null) continue
    let a = per.get(r.author)
    if (!a) per.set(r.author, (a = { mentions: 0, labelled: 0, neg: 0, pos: 0, reach: 0 }))
    a.mentions++
    a.reach += r.reach
    if (r.sentiment === null) continue
    a.labelled++
    if (r.sentiment === -1) a.neg++
    else if (r.sentiment === 1) a.pos++
  }
  const eligible = [...per.entries()].filter(([, a]) => a.labelled >= Math.max(1, minLabelled))
  const pick = (key: 'neg' | 'pos'): [number, (typeof eligible)[number][1]][] =>
    eligible
      .filter(([, a]) => a[key] / a.labelled >= share - 1e-9)
      .sort((x, y) => y[1][key] - x[1][key] || y[1].reach - x[1].reach || x[0] - y[0])
      .slice(0, MAX_AUTHORS)
  const neg = pick('neg')
  const pos = pick('pos')
  const info = authorsById(
    db,
    [...neg, ...pos].map(([id]) => id)
  )
  const toItem = (
    [id, a]: [number, { mentions: number; labelled: number; neg: number; pos: number; reach: number }],
    key: 'neg' | 'pos'
  ): AuthorItem | null => {
    const row = info.get(id)
    if (!row) return null
    const masked = masker.masks(row.type)
    return {
      label: masker.label(row),
      masked,
      type: row.type,
      typeName: authorTypeName(lang, row.type),
      platform: row.platform,
      platformName: platformName(lang, row.platform),
      url: masked ? null : row.url,
      mentions: a.mentions,
      labelled: a.labelled,
      negative: a.neg,
      positive: a.pos,
      share: a[key] / a.labelled,
      reach: a.reach
    }
  }
  return {
    negative: neg.map((e) => toItem(e, 'neg')).filter((x): x is AuthorItem => x !== null),
    positive: pos.map((e) => toItem(e, 'pos')).filter((x): x is AuthorItem => x !== null)
  }
}

/**
 * The digest's spikes: the ONE place the model asks for them (swap the detector here). Each is a day
 * and a problem topic whose negative mentions jumped far above their usual (see SPIKE_RULE), in the
 * digest's language, by day then size.
 */
export function periodSpikes(db: Db, period: ResolvedPeriod, tz: string, lang: Lang): SpikeDay[] {
  const topics = enabledTopics(db)
  return topicSpikes(db, { from: period.from, to: period.to, timeZone: tz, filter: {} })
    .map((s) => {
      const row = s.topicId === null ? undefined : topics.get(s.topicId)
      return {
        date: s.day,
        topic: row ? topicName(row, lang) : s.topicId === null ? null : s.topic,
        count: s.count,
        expected: Math.round(s.baseline)
      }
    })
    .sort((a, b) => a.date.localeCompare(b.date) || b.count - a.count)
}

/** Spikes (periodSpikes) and the emerging terms the dashboard shows for the same period. */
export function buildSpikes(
  db: Db,
  period: ResolvedPeriod,
  tz: string,
  lang: Lang
): { days: SpikeDay[]; terms: EmergingTerm[] } {
  const days = periodSpikes(db, period, tz, lang)
  const terms = periodEmergingTerms(db, { from: period.from, to: period.to, timeZone: tz, limit: 10 }).map(
    (x) => ({ term: x.term, recent: x.recent, baseline: x.before })
  )
  return { days, terms }
}

export function buildMethod(db: Db, lang: Lang, rows: LightRow[], storyCount: number): MethodInfo {
  const platforms = new Map<Platform, number>()
  const outlets = new Set<number>()
  const labels = { manual: 0, import: 0, model: 0, none: 0 }
  for (const r of rows) {
    platforms.set(r.platform, (platforms.get(r.platform) ?? 0) + 1)
    if (r.outlet !== null) outlets.add(r.outlet)
    if (r.sentiment === null) labels.none++
    else if (r.origin === 'manual') labels.manual++
    else if (r.origin === 'import') labels.import++
    else labels.model++
  }
  const m = latestModel(db)
  let model: MethodInfo['model'] = { kind: 'builtin' }
  if (m) {
    const quality: Record<string, number> = {}
    try {
      const q = m.quality ? (JSON.parse(m.quality) as Record<string, unknown>) : {}
      for (const [k, v] of Object.entries(q)) if (typeof v === 'number' && Number.isFinite(v)) quality[k] = v
    } catch {
      /* unreadable quality: the model is still named, without figures */
    }
    model = { kind: 'learned', trainedAt: m.trained_at, labels: m.labels, quality }
  }
  return {
    mentions: rows.length,
    stories: storyCount,
    outlets: outlets.size,
    platforms: [...platforms.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([platform, count]) => ({ platform, name: platformName(lang, platform), count })),
    labels,
    model,
    spikeRule: SPIKE_RULE[lang]
  }
}
