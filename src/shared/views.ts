import type { AgeGroup, AuthorType, Gender, Platform } from './types'
import type { MentionRow } from './rows'

/** One row of the authors page. `lean` follows the highlight rule (Settings; the digest uses it too). */
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
  reach: number
  lastAt: number | null
  lean: 'negative' | 'positive' | null
  mergedCount: number
}

export interface AuthorsPage {
  rows: AuthorRow[]
  total: number
  rule: { minLabelled: number; share: number }
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

export interface Spike {
  day: string
  topicId: number | null
  topic: string
  count: number
  baseline: number
  ratio: number
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

export interface SourceView {
  id: number
  type: 'rss' | 'telegram' | 'folder'
  target: string
  url: string
  name: string
  schedule: string
  keep: 'all' | 'matching'
  enabled: boolean
  lastRun: string | null
  lastStatus: string | null
  lastError: string | null
  nextRun: string | null
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

export interface ImportBatchView {
  id: number
  kind: string
  fileName: string | null
  fileSize: number | null
  sha256: string | null
  preset: string | null
  rows: number
  inserted: number
  updated: number
  duplicates: number
  rejected: number
  createdBy: string | null
  createdAt: number
  undoneAt: number | null
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
