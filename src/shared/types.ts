/** Canonical platform keys, used everywhere: JSON, filters, reports. */
export const PLATFORMS = [
  'news',
  'telegram',
  'vk',
  'instagram',
  'facebook',
  'youtube',
  'tiktok',
  'x',
  'ok',
  'threads',
  'forum',
  'blog',
  'other'
] as const
export type Platform = (typeof PLATFORMS)[number]

export const SENTIMENTS = ['negative', 'neutral', 'positive'] as const
export type Sentiment = (typeof SENTIMENTS)[number]
export type SentimentOrigin = 'manual' | 'import' | 'model'

/** Stored as INTEGER in SQLite: -1, 0, 1. */
export const SENTIMENT_TO_INT: Record<Sentiment, number> = { negative: -1, neutral: 0, positive: 1 }
export function sentimentFromInt(v: number | null | undefined): Sentiment | null {
  return v === -1 ? 'negative' : v === 0 ? 'neutral' : v === 1 ? 'positive' : null
}

export const AUTHOR_TYPES = ['media', 'official', 'blogger', 'private', 'unknown'] as const
export type AuthorType = (typeof AUTHOR_TYPES)[number]

export type Gender = 'male' | 'female'
/** Age groups used by the audience slice. */
export const AGE_GROUPS = ['<18', '18-24', '25-34', '35-44', '45-54', '55-64', '65+'] as const
export type AgeGroup = (typeof AGE_GROUPS)[number]

export type MentionKind = 'article' | 'post' | 'comment' | 'repost' | 'message'

/**
 * One publication as a parser or collector produces it, before storage.
 * Import, collection and the demo generator all feed these into the one ingest pipeline
 * (src/main/core/ingest), which de-duplicates, stores and indexes them.
 */
export interface MentionInput {
  /** A stable id from the origin: Brand Analytics `Hash сообщения`, a feed guid, a Telegram post id. */
  externalId?: string | null
  /** Epoch milliseconds (UTC). */
  publishedAt: number
  title?: string | null
  text: string
  url?: string | null
  platform: Platform
  kind?: MentionKind | null
  lang?: string | null
  author?: AuthorInput | null
  outlet?: OutletInput | null
  /** A label from the export (imported sentiment), already mapped. */
  sentiment?: Sentiment | null
  /** The label as written in the file, kept when it was mapped lossy (e.g. `mixed`). */
  sentimentRaw?: string | null
  reach?: number | null
  views?: number | null
  likes?: number | null
  reposts?: number | null
  comments?: number | null
  tags?: string[] | null
}

export interface AuthorInput {
  name: string
  url?: string | null
  type?: AuthorType | null
  gender?: Gender | null
  age?: AgeGroup | null
  followers?: number | null
}

export interface OutletInput {
  name: string
  url?: string | null
  audience?: number | null
}

/** The response workflow of a critical publication: needs a response → assigned → answered. */
export const RESPONSE_STATUSES = ['needed', 'assigned', 'answered'] as const
export type ResponseStatus = (typeof RESPONSE_STATUSES)[number]

/** The languages of the interface and the digest. */
export const UI_LANGS = ['ru', 'kk', 'en'] as const
export type UiLang = (typeof UI_LANGS)[number]
