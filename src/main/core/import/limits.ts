import { basename } from 'node:path'
import { OtklikError } from '../../../shared/errors'

/** The largest file we read (2 GB): bigger exports must be split. */
export const MAX_FILE_BYTES = 2 * 1024 ** 3
/** The longest cell we keep (characters). A longer one rejects its row; the tokenizer drops its text as it goes. */
export const MAX_CELL_CHARS = 4 * 1024 * 1024
/** The longest row we keep (all its cells together, characters). */
export const MAX_ROW_CHARS = 16 * 1024 * 1024
/** The most cells one record may have. */
export const MAX_CELLS = 20_000
/** The header row is searched for in the first lines (rows) of a file (sheet). */
export const HEADER_SEARCH_LINES = 50
/** The most one part of an XLSX (a sheet, the shared strings) may inflate to: 2 GB. */
export const MAX_ZIP_PART_BYTES = 2 * 1024 ** 3
/**
 * The most a part may inflate relative to its compressed size, once it is over 10 MB inflated. Real
 * sheets compress 5–20 : 1; deflate tops out near 1030 : 1, which is what a zip bomb uses.
 */
export const MAX_INFLATE_RATIO = 200
export const INFLATE_RATIO_FROM_BYTES = 10 * 1024 ** 2
/** The most the small XLSX parts (workbook.xml, its relations) may inflate to. */
export const MAX_XLSX_META_BYTES = 16 * 1024 ** 2
/** The longest XML of one sheet row or one shared string (characters, markup included). */
export const MAX_XLSX_ELEMENT_CHARS = 32 * 1024 ** 2
/** All shared strings of a workbook together (characters): they are held in memory for the import. */
export const MAX_SHARED_STRINGS_CHARS = 128 * 1024 ** 2
/**
 * The memory one import may take (MB), whatever the input: the import worker's JavaScript heap (old and
 * young generations), SQLite's page cache during a big import and a reserve for native memory (file
 * buffers, the thread's stack, compiled code). Past its heap the worker is stopped, the transaction rolls
 * back and the error names the file and this ceiling.
 */
export const IMPORT_MEMORY_CEILING_MB = 480
/** SQLite page cache during a big import (MB), inside the ceiling. */
export const IMPORT_CACHE_MB = 128
/** The import worker's young generation (MB) and the reserve for native memory (MB). */
export const IMPORT_YOUNG_HEAP_MB = 16
export const IMPORT_NATIVE_RESERVE_MB = 48
/** The import worker's old-generation heap: what a ceiling leaves (288 MB of the 480). */
export function importHeapMb(ceilingMb = IMPORT_MEMORY_CEILING_MB): number {
  return ceilingMb - IMPORT_CACHE_MB - IMPORT_YOUNG_HEAP_MB - IMPORT_NATIVE_RESERVE_MB
}
/** Per-row errors and warnings kept in a report (the counts stay exact). */
export const MAX_LISTED = 10_000

export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(n % 1024 ** 3 ? 1 : 0)} GB`
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(n % 1024 ** 2 ? 1 : 0)} MB`
  if (n >= 1024) return `${Math.round(n / 1024)} KB`
  return `${n} bytes`
}

/** The error for a file that cannot be imported at all: names the file and why. */
export function unreadable(path: string, why: string, details: Record<string, unknown> = {}): OtklikError {
  return new OtklikError('IMPORT_UNREADABLE', `Cannot import ${basename(path)}: ${why}.`, {
    file: path,
    ...details
  })
}
