import { type ResponseStatus } from './types'
import type { AuthorType, Platform, Sentiment, SentimentOrigin } from './types'

/** One row of the mentions grid. */
export interface MentionRow {
  id: number
  publishedAt: number
  platform: Platform
  kind: string | null
  outlet: string | null
  outletId: number | null
  author: string | null
  authorId: number | null
  authorType: AuthorType | null
  title: string | null
  snippet: string
  url: string | null
  lang: string | null
  sentiment: Sentiment | null
  sentimentOrigin: SentimentOrigin | null
  sentimentScore: number | null
  reach: number | null
  views: number | null
  likes: number | null
  reposts: number | null
  comments: number | null
  engagement: number
  storyId: number | null
  storySize: number
  topics: string[]
  subjects: string[]
  irrelevant: boolean
  responseStatus: ResponseStatus | null
}

/** Mentions under a filter by sentiment (`mentions:counts`: the grid's status bar). */
export interface MentionCounts {
  total: number
  negative: number
  neutral: number
  positive: number
  unlabelled: number
}

export interface MentionPage {
  rows: MentionRow[]
  /** Total rows for the filter when known (the grid's lastRow). */
  total: number | null
}

export interface MentionDetail extends MentionRow {
  text: string
  authorUrl: string | null
  outletUrl: string | null
  explanation: string[]
  /** the clause of the text that holds the deciding words, as written (null: none kept) */
  explanationClause: string | null
  importSentiment: Sentiment | null
  importSentimentRaw: string | null
  modelSentiment: Sentiment | null
  manualSentiment: Sentiment | null
  tags: string[]
  responseAssignee: string | null
  responseNote: string | null
  responseUrl: string | null
  story: {
    id: number
    publishedAt: number
    outlet: string | null
    title: string | null
    url: string | null
  }[]
  history: {
    at: number
    field: string
    oldValue: string | null
    newValue: string | null
    user: string | null
  }[]
}

export interface Stats {
  mentions: number
  bySentiment: { negative: number; neutral: number; positive: number; unlabelled: number }
  /** The same counts without the mentions marked irrelevant: what the dashboard, status bar and digest show. */
  relevant: {
    mentions: number
    bySentiment: { negative: number; neutral: number; positive: number; unlabelled: number }
  }
  byPlatform: Partial<Record<Platform, number>>
  authors: number
  outlets: number
  sources: number
  imports: number
  irrelevant: number
  stories: number
  bySentimentOrigin: { manual: number; import: number; model: number }
  from: string | null
  to: string | null
}

/**
 * What an edit of mentions replaced, grouped by the earlier value, so an undo is the same edit with
 * each group's old value: `{field: 'sentiment', groups: [{sentiment: null, ids: [4, 9]}]}` undoes a
 * manual label on 4 and 9 (they fall back to their imported or model label).
 */
export type LabelUndo =
  | { field: 'sentiment'; groups: { sentiment: Sentiment | null; ids: number[] }[] }
  | { field: 'irrelevant'; groups: { irrelevant: boolean; reason: string | null; ids: number[] }[] }
  | {
      field: 'response'
      groups: {
        status: ResponseStatus | null
        assignee: string | null
        note: string | null
        url: string | null
        ids: number[]
      }[]
    }

/** The answer of every mentions edit: how many changed, and how to put them back. */
export interface LabelEdit {
  changed: number
  undo: LabelUndo
}
