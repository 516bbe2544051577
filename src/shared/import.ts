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
  warnings: LineMessage[]
}

/** Progress of one file's import (the `import:progress` event adds its job id). */
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
  /**
   * True once the file's rows are committed: in the grid, filterable and searchable. The analysis
   * (sentiment, language, topics, subjects, stories) of the `inserted` rows follows; `analysed` counts it.
   */
  committed?: boolean
  /** Committed rows analysed so far (of `inserted`), while `committed` and not yet `done`. */
  analysed?: number
}

/** An error or a warning of an import, at a line of its file (0: the file as a whole). */
export interface LineMessage {
  line: number
  message: string
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

/** One file's result: exactly the CLI's JSON object for it, and what `imports:commit` answers. */
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
  /** Milliseconds from the start until the rows were committed (in the grid, filterable; searchable at indexedMs). */
  committedMs?: number
  /** Milliseconds from the start until the committed rows were in the search index too. */
  indexedMs?: number
  /** Milliseconds from the start until the analysis was stored too (equals committedMs without analysis). */
  analysedMs?: number
}

/** One entry of the import history (`imports:history`, `import_batches`): the file, its counts, who and when. */
export interface ImportHistoryEntry {
  id: number
  /** 'import' (a file), 'folder' (a watched folder), or another writer's kind. */
  kind: string
  fileName: string | null
  filePath: string | null
  fileSize: number | null
  sha256: string | null
  preset: string | null
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
  createdBy: string | null
  createdAt: number
  undoneAt: number | null
}
