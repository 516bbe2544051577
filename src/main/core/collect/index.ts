/**
 * Scheduled collection: RSS/RDF/Atom feeds, public Telegram channels (t.me/s web preview) and watched
 * folders. Everything new goes through the Ingestor (src/main/core/ingest) like imports do.
 */
export { addSource, updateSource, listSources, setSourceEnabled, removeSource, getSourceRow } from './sources'
export type { AddSourceInput } from './sources'
export { collectOnce } from './collect'
export type { CollectOnceOptions } from './collect'
export { CollectionScheduler } from './scheduler'
export type { SchedulerOptions } from './scheduler'
export { parseFeed } from './feed'
export type { ParsedFeed, ParseFeedOptions } from './feed'
export { parseTelegramPage, normaliseTelegramTarget, parseCount } from './telegram'
export type { TelegramPage, TelegramPost, TelegramTarget } from './telegram'
export { parseSchedule } from './schedule'
export { HttpClient } from './http'
export type { FetchResult, FetchOptions } from './http'
export { decodeBody } from './charset'
export { htmlToText } from './html-text'
export { parseFeedDate } from './dates'
export { CollectError } from './errors'
export type { FolderImporter } from './folder-source'
export { DEFAULT_COLLECT_SETTINGS, DEFAULT_USER_AGENT, resolveSettings } from './types'
export type {
  CollectSettings,
  CollectReport,
  SourceResult,
  CollectStatus,
  CollectStatusEvent,
  MentionsNewEvent,
  CollectEventMap,
  MentionMatcher,
  MatchDoc,
  SourceType,
  KeepMode
} from './types'
