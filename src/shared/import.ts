import type { MentionInput } from './types'

/**
 * Fields a column can be mapped to (the CLI's --mapping targets, plus extras the presets use: author's
 * followers, outlet audience, source type, post kind, a media column that tells a captionless photo apart).
 * The one list main, the renderer and the contract share.
 */
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
  'followers',
  'audience',
  'sourceType',
  'kind',
  'media'
] as const
export type TargetField = (typeof TARGET_FIELDS)[number]

export type PreviewStatus = 'new' | 'duplicate' | 'rejected' | 'media'

/** What a duplicate row matched: by what, which mention, and the earlier row of the same file if it was one. */
export interface DuplicateOf {
  reason: 'id' | 'url' | 'content'
  mentionId: number | null
  matchedLine: number | null
}

export interface PreviewRow {
  line: number
  /** The mapped mention, or null when the row is rejected. */
  mention: MentionInput | null
  /** What committing would do with it: new, duplicate, rejected, or media without text. */
  status: PreviewStatus | null
  errors: string[]
  warnings: string[]
  duplicateOf?: DuplicateOf | null
}

/** One candidate column for a field, with its score and the reasons (header, values) in words. */
export interface ColumnCandidate {
  column: string
  score: number
  why: string[]
}

/** Per target field: the column the mapping uses and why, and the runner-up (one click away in the UI). */
export interface FieldChoice {
  field: TargetField
  /** The column(s) used, as the plan has them. */
  columns: string[]
  /** 'preset' (the preset's column list), 'mapping' (the user's), 'guess' (scored by header and values). */
  by: 'preset' | 'mapping' | 'guess'
  why: string[]
  runnerUp: ColumnCandidate | null
}

export interface ImportPreview {
  file: string
  format: 'csv' | 'xlsx' | 'json' | 'feed'
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
  /** Per field: the column chosen and why, with the runner-up. */
  fields: FieldChoice[]
  timezone: string
  rows: PreviewRow[]
  /** File-level notes (encoding repaired, NUL bytes removed, rows collapsing among themselves, …). */
  warnings: { line: number; message: string }[]
}
