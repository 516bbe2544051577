import type { MentionInput } from '../../../../shared/types'

/**
 * Fields a column can be mapped to. Mirrors TARGET_FIELDS in src/main/core/import/types.ts (the
 * renderer may not import main's code); the preview answer tells which of them a file fills.
 */
export const TARGET_FIELDS = [
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
  'externalId'
] as const
export type TargetField = (typeof TARGET_FIELDS)[number]

/** Fields without which rows are rejected: shown first and marked. */
export const REQUIRED: TargetField[] = ['text']

/** imports:preview's answer (ImportPreview in main; the contract types it as unknown). */
export interface PreviewRow {
  line: number
  mention: MentionInput | null
  status: 'new' | 'duplicate' | 'rejected' | null
  errors: string[]
  warnings: string[]
}
export interface ImportPreview {
  file: string
  format: 'csv' | 'xlsx' | 'json'
  preset: string
  presetVariant: string | null
  encoding: string | null
  delimiter: string | null
  sheet: string | null
  sheets: string[]
  headerRow: number | null
  columns: string[]
  mapping: Partial<Record<TargetField, string[]>>
  timezone: string
  rows: PreviewRow[]
  warnings: { line: number; message: string }[]
}

/** What the user chose in the mapping step, sent with imports:preview and imports:commit. */
export interface MappingChoice {
  preset: string
  sheet?: string
  fields: Partial<Record<TargetField, string | null>>
}

export interface PickedFile {
  path: string
  name: string
  size: number | null
}
