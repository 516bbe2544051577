import type { MentionAnalyzer } from '../ingest'

export { TARGET_FIELDS } from '../../../shared/import'
export type {
  TargetField,
  PreviewRow,
  PreviewStatus,
  ImportPreview,
  FieldChoice,
  ColumnCandidate,
  DuplicateOf
} from '../../../shared/import'
import type { TargetField } from '../../../shared/import'

export const BUILTIN_PRESETS = [
  'brand-analytics',
  'youscan',
  'medialogia',
  'meltwater',
  'brandwatch',
  'talkwalker',
  'telegram-json',
  'feed',
  'media-cloud',
  'tiktok-scraper',
  'instagram-scraper',
  'youtube-scraper',
  'crowdtangle',
  'tgstat',
  'popsters',
  'generic'
] as const
export type BuiltinPreset = (typeof BUILTIN_PRESETS)[number]

/**
 * A mapping as the CLI's --mapping file and saved presets hold it. `fields` maps a target to a column
 * header (or a list: the first non-empty cell wins); null or '' unmaps a field a preset would fill.
 * `preset` (optional) names the built-in preset whose rules (sentiment scale, tag columns) apply.
 */
export interface MappingFile {
  preset?: string
  delimiter?: string
  encoding?: string
  headerRow?: number
  sheet?: string
  timezone?: string
  /** Telegram exports do not carry the channel's @username: give it to get https://t.me/<username>/<id> URLs. */
  telegramUsername?: string
  fields?: Partial<Record<TargetField, string | string[] | null>>
}

export interface ImportProgress {
  file: string
  rowsRead: number
  inserted: number
  updated: number
  duplicates: number
  rejected: number
  bytes: number
  totalBytes: number
  /** True on the last event of a file: the counts are final. */
  done?: boolean
}

export interface ImportOptions {
  /** 'auto' (default), a built-in preset id, or the name of a saved preset. */
  preset?: string
  mapping?: MappingFile
  dryRun?: boolean
  /** Zone of naive times in the file (a mapping's own timezone wins); default: the workspace setting, else Asia/Almaty. */
  timezone?: string
  analyzer?: MentionAnalyzer | null
  signal?: AbortSignal
  onProgress?: (p: ImportProgress) => void
  batchKind?: 'import' | 'folder'
  sourceId?: number | null
}

export interface LineMessage {
  line: number
  message: string
}

/** One file's result: exactly the CLI's JSON object for it. */
export interface BatchReport {
  file: string
  batchId: number | null
  preset: string
  encoding: string | null
  delimiter: string | null
  sheet: string | null
  headerRow: number | null
  rows: number
  inserted: number
  updated: number
  duplicates: number
  rejected: number
  /** Media-only rows (a photo, a video, no text and no title): counted apart, neither stored nor errors. */
  mediaWithoutText: number
  errors: LineMessage[]
  warnings: LineMessage[]
  /** Each duplicate row (up to MAX_LISTED): why, and what it matched. */
  duplicateRows: DuplicateRow[]
  /** Milliseconds from the start until the rows were committed (in the grid, searchable). */
  committedMs?: number
  /** Milliseconds from the start until the analysis was stored too (equals committedMs without analysis). */
  analysedMs?: number
}

/**
 * A row taken for a mention already stored: `reason` says by what (origin id, the item's own URL,
 * author + time + text), `mentionId` is the mention, `matchedLine` the earlier row of the same file
 * when it came from this file (null when it was stored before).
 */
export interface DuplicateRow {
  line: number
  reason: 'id' | 'url' | 'content'
  mentionId: number
  matchedLine: number | null
}

export interface FileFailure {
  file: string
  error: string
}
