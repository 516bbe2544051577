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
import { findSpikes } from '../analysis/spikes-db'
import { periodEmergingTerms } from '../analysis/emerging-db'
import type { ResolvedPeriod } from './period'
import { authorsPage } from '../queries/authors'
import type { LeanRule } from '../../../shared/lean'
import type { AuthorRow } from '../../../shared/views'

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
 * Critics and supporters of the period by the one lean rule (src/shared/lean.ts), from the Authors page's
 * own query over the period: `critics` / `supporters` are every such author's id (in the page's default
 * order, by mentions), `negative` / `positive` the few the digest shows (most negative, resp. positive,
 * first), named when public, masked otherwise.
 */
export function buildAuthors(
  db: Db,
  lang: Lang,
  masker: Masker,
  period: ResolvedPeriod,
  rule: LeanRule,
  tz: string
): { negative: AuthorItem[]; positive: AuthorItem[]; critics: number[]; supporters: number[] } {
  const all = authorsPage(
    db,
    { from: period.from, to: period.to },
    { col: 'mentions', dir: 'desc' },
    0,
    Infinity,
    rule,
    tz
  ).rows
  const critics = all.filter((a) => a.lean === 'critic')
  const supporters = all.filter((a) => a.lean === 'supporter')
  const top = (rows: AuthorRow[], key: 'negative' | 'positive'): AuthorRow[] =>
    [...rows].sort((x, y) => y[key] - x[key] || y.reach - x.reach || x.id - y.id).slice(0, MAX_AUTHORS)
  const neg = top(critics, 'negative')
  const pos = top(supporters, 'positive')
  const info = authorsById(
    db,
    [...neg, ...pos].map((a) => a.id)
  )
  const toItem = (a: AuthorRow, key: 'negative' | 'positive'): AuthorItem | null => {
    const row = info.get(a.id)
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
      negative: a.negative,
      positive: a.positive,
      share: a[key] / a.labelled,
      reach: a.reach
    }
  }
  return {
    negative: neg.map((e) => toItem(e, 'negative')).filter((x): x is AuthorItem => x !== null),
    positive: pos.map((e) => toItem(e, 'positive')).filter((x): x is AuthorItem => x !== null),
    critics: critics.map((a) => a.id),
    supporters: supporters.map((a) => a.id)
  }
}

/**
 * The digest's spikes: the ONE place the model asks for them, from the app's one detector (findSpikes,
 * the same as the dashboard, the alerts and `otklik spikes`), each topic named in the digest's language.
 */
export function periodSpikes(db: Db, period: ResolvedPeriod, tz: string, lang: Lang): SpikeDay[] {
  const topics = enabledTopics(db)
  return findSpikes(db, { from: period.from, to: period.to, timeZone: tz }).map((s) => {
    const row = s.topicId === null ? undefined : topics.get(s.topicId)
    return { ...s, topicLabel: s.topicId === null ? null : row ? topicName(row, lang) : s.topic }
  })
}

/** Spikes (periodSpikes) and the emerging terms (periodEmergingTerms) the dashboard shows for the same dates. */
export function buildSpikes(
  db: Db,
  lang: Lang,
  period: ResolvedPeriod,
  tz: string
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
