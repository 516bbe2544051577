/** The digest model: plain data that both writers (DOCX, PDF) and the Reports page's preview read. */
import type { AuthorType, Platform, Sentiment, UiLang } from './types'
import type { Spike } from './views'

type Lang = UiLang

/** A figure of the period next to the same figure of the previous period of equal length. */
export interface Change {
  value: number
  prev: number
  /** value − prev (for shares: in fractions, ×100 for percentage points). */
  diff: number
  /** Relative change, 0.25 = +25 %; null when the previous value was 0. */
  rel: number | null
}

export interface DigestFigures {
  mentions: Change
  /** Stories count once: a story of many copies is one. */
  stories: Change
  /** Shares of labelled mentions, 0..1. */
  negativeShare: Change
  neutralShare: Change
  positiveShare: Change
  reach: Change
  outlets: Change
  authors: Change
  labelled: number
  unlabelled: number
}

export interface DayVolume {
  date: string
  negative: number
  neutral: number
  positive: number
  unlabelled: number
}

/** One publication quoted in the digest, already trimmed and masked. */
export interface QuoteItem {
  id: number
  /** dd.mm.yyyy in the workspace time zone. */
  date: string
  publishedAt: number
  platform: Platform
  platformName: string
  sentiment: Sentiment | null
  /** Outlet (site, channel, group) or, without one, the author's label. */
  source: string
  /** Author's name, or its masked label, or null when there is none or it equals the source. */
  author: string | null
  authorMasked: boolean
  title: string | null
  text: string
  /** null when the author is masked (the quote keeps its platform and date, not the URL). */
  url: string | null
  reach: number | null
  /** Publications in its story (1 = a story of one). */
  storySize: number
  pinned: boolean
}

export interface ProblemItem {
  topicId: number
  name: string
  negative: number
  total: number
  /** Negative publications counted by story. */
  negativeStories: number
  prevNegative: number
  /** Relative change of negative volume; null when the previous period had none. */
  growth: number | null
  platforms: { platform: Platform; name: string; count: number }[]
  /** One line: counts, trend, top platforms (localised). */
  summary: string
  quotes: QuoteItem[]
}

export interface AuthorItem {
  label: string
  masked: boolean
  type: AuthorType
  typeName: string
  platform: Platform
  platformName: string
  /** Profile link; null when masked. */
  url: string | null
  mentions: number
  labelled: number
  negative: number
  positive: number
  /** Share of labelled mentions with the author's leaning (negative list: negative share). */
  share: number
  reach: number
}

/** A spike of the period (the one detector's, see shared Spike) with its topic named in the digest's language. */
export interface SpikeDay extends Spike {
  /** The topic's name in the report language; null for all topics together. */
  topicLabel: string | null
}

/** A problem on page 1: the topics with the most criticism, against the previous period. */
export interface HeadlineProblem {
  topicId: number
  name: string
  negative: number
  prevNegative: number
  /** Relative change; null when the previous period had none. */
  growth: number | null
}

/** An answered publication of the period, with the office's note and the link to its answer. */
export interface AnsweredItem {
  id: number
  date: string
  source: string
  platformName: string
  /** Its title or a short cut of its text; null when the digest already quotes it elsewhere. */
  what: string | null
  /** The publication; null when its author is masked. */
  url: string | null
  note: string | null
  responseUrl: string | null
}

export interface ResponsesInfo {
  /** Negative publications of the period. */
  critical: number
  /** Of those, answered. */
  criticalAnswered: number
  /** Response statuses set on the period's publications (any sentiment). */
  needed: number
  assigned: number
  answered: number
  /** Critical publications without an answer, widest reach first (quoted on page 1). */
  unanswered: QuoteItem[]
  answeredItems: AnsweredItem[]
}

export interface EmergingTerm {
  term: string
  recent: number
  baseline: number
}

export interface MethodInfo {
  mentions: number
  stories: number
  outlets: number
  platforms: { platform: Platform; name: string; count: number }[]
  labels: { manual: number; import: number; model: number; none: number }
  model:
    | { kind: 'learned'; trainedAt: number; labels: number; quality: Record<string, number> }
    | { kind: 'builtin' }
  spikeRule: string
}

export interface DigestModel {
  schema: 1
  lang: Lang
  orgName: string
  /** Path to a PNG/JPEG logo, or null. */
  orgLogo: string | null
  period: { from: string; to: string; days: number; prevFrom: string; prevTo: string }
  timeZone: string
  /** dd.mm.yyyy */
  preparedOn: string
  generatedAt: number
  masked: boolean
  summary: string | null
  /** Page 1, «Главное за неделю»: the problems with the most criticism (spikes and responses are beside). */
  headline: { problems: HeadlineProblem[] }
  responses: ResponsesInfo
  /** No mentions in the period: renderers print a short notice. */
  empty: boolean
  figures: DigestFigures
  daily: DayVolume[]
  problems: ProblemItem[]
  critical: QuoteItem[]
  positive: QuoteItem[]
  /**
   * `negative` / `positive`: the few shown; `critics` / `supporters`: the id of every critic / supporter of
   * the period (src/shared/lean.ts), as `otklik authors --lean …` lists them. `share` = the rule's percent / 100.
   */
  authors: {
    negative: AuthorItem[]
    positive: AuthorItem[]
    critics: number[]
    supporters: number[]
    minLabelled: number
    share: number
  }
  spikes: { days: SpikeDay[]; terms: EmergingTerm[] }
  method: MethodInfo
  options: { pinnedQuoteIds: number[]; excludedQuoteIds: number[] }
}
