import type { MentionAnalyzer } from '../ingest'

export { SOURCE_TYPES, KEEP_MODES } from '../../../shared/views'
export type { SourceType, KeepMode } from '../../../shared/views'
import type { KeepMode, SourceType } from '../../../shared/views'
export type CollectStatus = 'ok' | 'not-modified' | 'error'

/** What a keep-only-matching source hands to the subject matcher (src/shared/query compileMatcher). */
export interface MatchDoc {
  title: string
  text: string
  url: string
  host: string
  authorName: string
}
/** True when an item matches a monitoring subject. Injected so collection does not depend on the query module. */
export type MentionMatcher = (doc: MatchDoc) => boolean

/**
 * Limits and timings of collection. Passed in by the host (tests make them short);
 * every field has a production default in DEFAULT_COLLECT_SETTINGS.
 */
export interface CollectSettings {
  /** Requests in flight at once over all sources. */
  maxConcurrent: number
  /** Requests in flight at once to one host:port. */
  perHost: number
  connectTimeoutMs: number
  /** The whole fetch, redirects and body included. */
  totalTimeoutMs: number
  /** Response body cap after decompression; the download is aborted past it. */
  maxBytes: number
  maxRedirects: number
  userAgent: string
  /** Pages read on a channel's first run (no last seen post yet). */
  telegramFirstRunPages: number
  /** Pages read on later runs while catching up to the last seen post. */
  telegramMaxPages: number
  /** How long a round waits for another round (app or CLI) to finish. */
  lockWaitMs: number
  /** First retry delay after a failure; doubles with each further failure, up to backoffMaxMs. */
  backoffBaseMs: number
  backoffMaxMs: number
  /** Random delay added to a next run so that sources do not all fire on the same second. */
  jitterMaxMs: number
  /** A dropped file is imported only when at least this old (mtime) ... */
  folderMinAgeMs: number
  /** ... and its size and mtime did not change across this pause. */
  folderSettleMs: number
  /** Scheduler: delay of the first round after start() (catch-up of missed runs). */
  startDelayMs: number
  /** Scheduler: the longest sleep between checks for due sources (sources added by the CLI are noticed). */
  tickMaxMs: number
  /** Proxy environment (HTTPS_PROXY, HTTP_PROXY, NO_PROXY and lower-case forms); default process.env. */
  env?: Record<string, string | undefined>
  /** Electron's session.resolveProxy, when running in the app: 'PROXY h:p; DIRECT', 'DIRECT', a URL or null. */
  resolveProxy?: (url: string) => Promise<string | null>
  /** Name resolution (default dns.lookup); tests inject one to give a public-looking name an internal address. */
  lookup?: import('node:net').LookupFunction
  /** Extra trusted CA certificates (PEM), e.g. a corporate TLS-inspecting proxy's. */
  extraCaCerts?: string[]
}

export const DEFAULT_USER_AGENT = 'Otklik/0.1 (+press office monitoring; offline desktop app)'

export const DEFAULT_COLLECT_SETTINGS: CollectSettings = {
  maxConcurrent: 4,
  perHost: 1,
  connectTimeoutMs: 10_000,
  totalTimeoutMs: 30_000,
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
  userAgent: DEFAULT_USER_AGENT,
  telegramFirstRunPages: 5,
  telegramMaxPages: 20,
  lockWaitMs: 30_000,
  backoffBaseMs: 5 * 60_000,
  backoffMaxMs: 6 * 3600_000,
  jitterMaxMs: 60_000,
  folderMinAgeMs: 2_000,
  folderSettleMs: 1_000,
  startDelayMs: 5_000,
  tickMaxMs: 60_000
}

export function resolveSettings(s?: Partial<CollectSettings> | null): CollectSettings {
  return { ...DEFAULT_COLLECT_SETTINGS, ...(s ?? {}) }
}

/** One row of the `sources` table. */
export interface SourceRow {
  id: number
  type: SourceType
  target: string
  url: string
  name: string
  schedule: string
  keep: KeepMode
  enabled: number
  etag: string | null
  last_modified: string | null
  state: string | null
  last_run: number | null
  last_success: number | null
  last_status: string | null
  last_error: string | null
  last_fetched: number | null
  last_new: number | null
  failures: number
  next_run: number | null
  created_at: number
}

/** Per-source state kept as JSON in sources.state. */
export interface SourceState {
  /** The name was derived (URL, channel); replace it with the feed/channel title when known. */
  autoName?: boolean
  /** Telegram: the newest post id seen. */
  lastId?: number
}

/** One line of the `collect` answer. */
export interface SourceResult {
  id: number
  /** The address fetched first (for a folder, its path). */
  url: string
  status: CollectStatus
  fetched: number
  new: number
  duplicates: number
  /** Null when nothing went wrong. */
  error: string | null
}

export interface CollectReport {
  sources: SourceResult[]
}

export interface CollectStatusEvent {
  /** True while a round runs. */
  running: boolean
  /** The source this event is about; null for round start/end. */
  sourceId: number | null
  result?: SourceResult
  /** ISO 8601 of the source's next run (source events). */
  nextRun?: string | null
  /** Round end: totals. */
  totals?: { sources: number; errors: number; new: number }
}

export interface MentionsNewEvent {
  sourceId: number
  count: number
  batchId: number | null
}

export interface CollectEventMap {
  'collect:status': CollectStatusEvent
  'mentions:new': MentionsNewEvent
}
export type CollectEventName = keyof CollectEventMap
export type CollectEventSink = <K extends CollectEventName>(name: K, payload: CollectEventMap[K]) => void

/** Options shared by collectOnce and the scheduler's rounds. */
export interface RoundOptions {
  analyzer?: MentionAnalyzer | null
  matcher?: MentionMatcher | null
  settings?: Partial<CollectSettings> | null
  now?: () => number
  onEvent?: CollectEventSink
  signal?: AbortSignal
}
