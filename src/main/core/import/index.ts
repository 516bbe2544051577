/**
 * Import of monitoring-service exports (Brand Analytics, YouScan, Medialogia, Meltwater, Brandwatch,
 * Talkwalker, Telegram Desktop JSON, any CSV/XLSX by a guessed mapping) into the workspace, through the
 * one ingest pipeline. Layers: source (sniff, decode, tokenize, stream) → mapping (presets, pure value
 * parsers, applyPlan) → preview (no writes) / run (one transaction per file).
 */
export { importFile, importFiles, undoImport } from './files'
export { previewFile } from './preview'
export { writeRejectedCsv } from './rejected'
export { savePreset, listPresets, deletePreset, parseMappingFile } from './presets-store'
export type { PresetInfo } from './presets-store'
export { importCli, undoCli, readMappingFile } from './cli'
export type { ImportCliArgs } from './cli'
export { listImportHistory } from './history'
export type { ImportHistoryEntry } from '../../../shared/import'
export { MAX_FILE_BYTES, MAX_CELL_CHARS } from './limits'
export { TARGET_FIELDS, BUILTIN_PRESETS } from './types'
export type {
  BatchReport,
  FileFailure,
  ImportOptions,
  ImportPreview,
  ImportProgress,
  LineMessage,
  MappingFile,
  PreviewRow,
  TargetField
} from './types'
