import type { Db } from '../db/open'
import type { MentionAnalyzer } from '../ingest'
import type { MentionInput } from '../../../shared/types'
import type { HttpClient } from './http'
import type { CollectSettings, SourceRow, SourceState } from './types'

/** What a source adapter gets for one run. */
export interface AdapterContext {
  db: Db
  http: HttpClient
  settings: CollectSettings
  /** Workspace time zone (naive dates, cron). */
  timeZone: string
  now: () => number
  analyzer?: MentionAnalyzer | null
  signal?: AbortSignal
}

/** Items fetched by a network source, for the round to filter and store. */
export interface FetchedItems {
  status: 'ok' | 'not-modified'
  items: MentionInput[]
  /** Conditional-GET validators to store (undefined: leave as they are). */
  etag?: string | null
  lastModified?: string | null
  state?: SourceState
  /** Feed or channel title (names a source whose name was derived). */
  title?: string | null
  warnings: string[]
}

export type SourceAdapter = (row: SourceRow, ctx: AdapterContext) => Promise<FetchedItems>
