import type { MentionAnalyzer } from '../ingest'
import type { MentionInput } from '../../../shared/types'

/** Fields a column can be mapped to (the CLI's --mapping targets, plus a few extras the presets use). */
export const TARGET_FIELDS = [
  'externalId',
  'publishedAt',
  'date',
  'time',
  'title',
  'text',
  'url',
  'author',
  'authorUrl',
  'authorType',
  'outlet',
  'outletUrl',
  'platform',
  'sentiment',
  'reach',
  'views',
  'likes',
  'reposts',
  'comments',
  'lang',
  'gender',
  'age',
  'tags',
  // extras: author's followers, outlet audience, source type (forum/blog/…), post kind
  'followers',
  'audience',
  'sourceType',
  'kind'
] as const
export type TargetField = (typeof TARGET_FIELDS)[number]

export const BUILTIN_PRESETS = [
  'brand-analytics',
  'youscan',
  'medialogia',
  'meltwater',
  'brandwatch',
  'talkwalker',
  'telegram-json',
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
  errors: LineMessage[]
  warnings: LineMessage[]
}

export interface FileFailure {
  file: string
  error: string
}

export type PreviewStatus = 'new' | 'duplicate' | 'rejected'

export interface PreviewRow {
  line: number
  /** The mapped mention, or null when the row is rejected. */
  mention: MentionInput | null
  /** What committing would do with it (when a database was given): new, duplicate or rejected. */
  status: PreviewStatus | null
  errors: string[]
  warnings: string[]
}

export interface ImportPreview {
  file: string
  format: 'csv' | 'xlsx' | 'json'
  preset: string
  /** e.g. 'excel' / 'csv' for Medialogia, 'ru' / 'en' for YouScan. */
  presetVariant: string | null
  encoding: string | null
  delimiter: string | null
  sheet: string | null
  sheets: string[]
  headerRow: number | null
  /** The header cells as read (JSON: the synthetic column names). */
  columns: string[]
  /** target field ← column header(s) */
  mapping: Partial<Record<TargetField, string[]>>
  timezone: string
  rows: PreviewRow[]
  /** File-level notes (encoding repaired, NUL bytes removed, …). */
  warnings: LineMessage[]
}
