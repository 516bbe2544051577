import type { AgeGroup, AuthorType, Gender, Platform } from './types'
import type { MentionRow } from './rows'
import type { Lean, LeanRule } from './lean'
import { mentionFilterSchema, type MentionFilter } from './filter'
import { PERIOD_PRESETS, periodRange, type PeriodPreset } from './period'

/** The columns the authors page sorts by (main sorts; `negShare` ranks by the Wilson lower bound). */
export const AUTHOR_SORT_COLUMNS = [
  'name',
  'platform',
  'type',
  'followers',
  'mentions',
  'negative',
  'neutral',
  'positive',
  'negShare',
  'reach',
  'lastAt'
] as const
export type AuthorSortColumn = (typeof AUTHOR_SORT_COLUMNS)[number]
export interface AuthorSort {
  col: AuthorSortColumn
  dir: 'asc' | 'desc'
}

/**
 * One row of the authors page. `mentions`, `reach` and `lastAt` count the mentions the filter selects;
 * `labelled`, `negative`, `neutral`, `positive`, the shares and `lean` count the evidence of the lean
 * (src/shared/lean.ts): the same filter without its sentiment part, relevant mentions only.
 */
export interface AuthorRow {
  id: number
  name: string
  platform: Platform
  type: AuthorType
  url: string | null
  followers: number | null
  gender: Gender | null
  age: AgeGroup | string | null
  mentions: number
  negative: number
  neutral: number
  positive: number
  labelled: number
  negShare: number | null
  posShare: number | null
  /** Lower bounds of the 95 % Wilson intervals of the shares (what the share sort ranks by). */
  negLow: number | null
  posLow: number | null
  reach: number
  lastAt: number | null
  lean: Lean | null
  mergedCount: number
}

export interface AuthorsPage {
  rows: AuthorRow[]
  total: number
  rule: LeanRule
}

export interface Facet<K = string> {
  key: K
  label: string
  count: number
}

/** Counts for the filter panel, each under the other filters. */
export interface Facets {
  platforms: Facet<Platform>[]
  topics: Facet<number>[]
  subjects: Facet<number>[]
  langs: Facet[]
  authorTypes: Facet<AuthorType>[]
  sources: Facet<number>[]
  /** The outlets (media and channels) with the most mentions, plus any the filter names. */
  outlets: Facet<number>[]
}

export interface DayVolume {
  day: string
  negative: number
  neutral: number
  positive: number
  unlabelled: number
}

export interface TopicTrend {
  id: number
  key: string
  name: string
  total: number
  negative: number
  prevTotal: number
  prevNegative: number
}

/**
 * A day when negative mentions jumped far above their usual level, for one topic or for all topics
 * together. One detector makes every spike the app shows (dashboard, digest, alerts, `otklik spikes`):
 * `core/analysis/spikes-db.ts`, with the rule in `core/analysis/spikes/spikes.ts`.
 */
export interface Spike {
  /** YYYY-MM-DD in the workspace time zone. */
  day: string
  /** The topic's id, or null for all topics together («все темы»). */
  topicId: number | null
  /** The topic's stored name, or null for all topics together. */
  topic: string | null
  /** Relevant negative mentions that day. */
  negative: number
  /** The usual level: the median of the previous days (rounded to a whole number). */
  usual: number
}

/** A spike as the CLI prints it (`otklik spikes`, `otklik digest --json`): the contract's four fields. */
export interface SpikeJson {
  day: string
  topic: string | null
  negative: number
  usual: number
}

export function spikeJson(s: Spike): SpikeJson {
  return { day: s.day, topic: s.topic, negative: s.negative, usual: s.usual }
}

export interface Dashboard {
  from: string
  to: string
  prevFrom: string
  prevTo: string
  total: number
  prevTotal: number
  negShare: number | null
  prevNegShare: number | null
  reach: number
  volume: DayVolume[]
  topics: TopicTrend[]
  topSources: { outletId: number; name: string; platform: Platform; count: number; negative: number }[]
  topPublications: MentionRow[]
  audience: {
    byAge: { age: string; total: number; negative: number }[]
    byGender: { gender: string; total: number; negative: number }[]
    covered: number
  }
  spikes: Spike[]
  spikeRule: string
  emerging: { term: string; recent: number; before: number; score: number }[]
  responses: { critical: number; needed: number; assigned: number; answered: number }
}

/** Kinds of collection source. */
export const SOURCE_TYPES = ['rss', 'telegram', 'folder'] as const
export type SourceType = (typeof SOURCE_TYPES)[number]
/** What a source keeps: every item, or only those matching a monitoring subject. */
export const KEEP_MODES = ['all', 'matching'] as const
export type KeepMode = (typeof KEEP_MODES)[number]

/** A collection source as the Sources page and `otklik source list` show it. */
export interface SourceView {
  id: number
  type: SourceType
  target: string
  url: string
  name: string
  schedule: string
  keep: KeepMode
  enabled: boolean
  lastRun: string | null
  lastStatus: string | null
  lastError: string | null
  nextRun: string | null
}

/** A monitoring subject: what the office watches for, as a query (`subjects:list`, `otklik subject list`). */
export interface SubjectView {
  id: number
  name: string
  query: string
  enabled: boolean
}

export interface TopicView {
  id: number
  key: string
  name: string
  names: { ru?: string; kk?: string; en?: string }
  query: string | null
  enabled: boolean
  mentions: number
}

export interface ReportView {
  id: number
  periodFrom: string
  periodTo: string
  lang: string
  files: string[]
  mentions: number | null
  createdAt: number
  createdBy: string | null
}

/** How well a sentiment model does on the office's labels (cross-validated for a learned model). */
export interface ModelQuality {
  /** macro F1 over the positive and negative classes (the RuSentNE-2023 metric) */
  f1pn: number
  accuracy: number
  perClass: Record<'negative' | 'neutral' | 'positive', { precision: number; recall: number; f1: number }>
  /** examples it was measured on */
  n: number
}

/** One point of the learning curve: the quality a model trained on `labels` office labels reached. */
export interface LearningCurvePoint {
  labels: number
  f1pn: number
  accuracy: number
  /** held-out examples the point was measured on */
  n: number
}

export interface ModelView {
  kind: 'builtin' | 'learned'
  /** office labels: those the learned model was trained on, else those there are now */
  labels: number
  trainedAt: number | null
  /** learned: 5-fold cross-validated on its labels; built-in: measured on the office's labels, if any */
  quality: ModelQuality | null
  /** quality at 100, 250, 500, 1,000… labels, measured while training (empty for the built-in model) */
  curve: LearningCurvePoint[]
  /** how much of the office's correction is used, 0..1, chosen by cross-validation (null: built-in) */
  strength: number | null
  /** more labels needed before a learned model can be trained (0 when there are enough) */
  needed: number
}

/** A mention offered for labelling because its label would teach the office's model most. */
export interface LabelCandidate {
  id: number
  title: string | null
  text: string
  /** the model's answer and its confidence (low: the model is unsure) */
  label: 'negative' | 'neutral' | 'positive' | null
  score: number | null
  storyId: number | null
  topic: string | null
}

/** The periods a saved view can keep as they are (every preset but a custom from–to). */
export const RELATIVE_PERIODS = PERIOD_PRESETS.filter(
  (p): p is Exclude<PeriodPreset, 'custom'> => p !== 'custom'
)
export type RelativePeriod = Exclude<PeriodPreset, 'custom'>

/**
 * A named filter set. With a relative `period` («Прошлая неделя»), the filter holds no dates: they
 * are worked out from today each time the view is used (viewFilter), so the view never goes stale.
 */
export interface SavedView {
  id: number
  name: string
  filter: MentionFilter
  period: RelativePeriod | null
}

/** What saved_views.filter holds: `{"filter": {…}, "period": "lastWeek"}` (older rows: the bare filter). */
export function encodeView(filter: MentionFilter, period: RelativePeriod | null): string {
  if (!period) return JSON.stringify({ filter, period: null })
  const { from: _f, to: _t, ...rest } = filter
  return JSON.stringify({ filter: rest, period })
}

/** The stored text back as filter and period; anything unreadable becomes an empty filter. */
export function decodeView(text: string): Pick<SavedView, 'filter' | 'period'> {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return { filter: {}, period: null }
  }
  const obj = (raw ?? {}) as { filter?: unknown; period?: unknown }
  const wrapped = typeof obj === 'object' && 'filter' in obj
  const filter = mentionFilterSchema.safeParse(wrapped ? obj.filter : raw).data ?? {}
  const period = (RELATIVE_PERIODS as readonly unknown[]).includes(obj.period)
    ? (obj.period as RelativePeriod)
    : null
  return { filter, period }
}

/**
 * The filter a view stands for today: viewFilter({filter: {}, period: 'lastWeek'}, '2026-12-03', 1)
 * → {from: '2026-11-23', to: '2026-11-29'}; a week later the same view gives the week after.
 */
export function viewFilter(
  v: Pick<SavedView, 'filter' | 'period'>,
  today: string,
  weekStart: number
): MentionFilter {
  if (!v.period) return v.filter
  const { from: _f, to: _t, ...rest } = v.filter
  const r = periodRange(v.period, today, weekStart)
  return { ...rest, ...(r?.from ? { from: r.from } : {}), ...(r?.to ? { to: r.to } : {}) }
}
