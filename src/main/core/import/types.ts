import type { MentionAnalyzer } from '../ingest'

export { TARGET_FIELDS } from '../../../shared/import'
export type {
  TargetField,
  PreviewRow,
  PreviewStatus,
  ImportPreview,
  FieldChoice,
  ColumnCandidate,
  DuplicateOf,
  LineMessage,
  BatchReport,
  DuplicateRow,
  ImportProgress
} from '../../../shared/import'
import type { ImportProgress, TargetField } from '../../../shared/import'

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

export interface FileFailure {
  file: string
  error: string
}
