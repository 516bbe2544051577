import type { TargetField } from '../../../../shared/import'
export { TARGET_FIELDS } from '../../../../shared/import'
export type { TargetField } from '../../../../shared/import'

/** Fields without which rows are rejected: shown first and marked. */
export const REQUIRED: TargetField[] = ['text']

/** imports:preview's answer (the contract types it as unknown; the shape is src/shared/import.ts). */
export type { PreviewRow, ImportPreview, FieldChoice } from '../../../../shared/import'

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
