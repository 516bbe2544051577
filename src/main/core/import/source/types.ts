import type { PresetMatch } from '../mapping/presets'
import type { LineMessage } from '../types'
import type { CellValue } from '../values/dates'
import type { FileFormat } from './sniff'

/** One data record: its 1-based line (CSV), row (XLSX) or message position (JSON), and its cells. */
export interface SourceRecord {
  line: number
  cells: CellValue[]
  /** Why the record cannot be used at all (oversized cell, unterminated quote), decided while reading. */
  problem?: string
}

/** What reading the file's beginning found. */
export interface SourceLayout {
  format: FileFormat
  encoding: string | null
  delimiter: string | null
  sheet: string | null
  sheets: string[]
  headerRow: number | null
  headers: string[]
  /** The preset the header row matched, if any. */
  match: PresetMatch | null
  /** The first data records (for guessing a mapping and for previews). */
  sample: SourceRecord[]
  notes: LineMessage[]
}

/** Layout choices a caller forces (from a mapping file or the preview's options). */
export interface LayoutOptions {
  encoding?: string
  delimiter?: string
  headerRow?: number
  sheet?: string
  telegramUsername?: string
  /** Restricts header detection to these presets (a forced preset). */
  only?: import('../mapping/presets').PresetDef[]
}

/** An opened file: its layout, then its data records streamed in batches. */
export interface Source {
  layout: SourceLayout
  totalBytes: number
  /** Bytes read so far by `records()`. */
  bytesRead(): number
  records(signal?: AbortSignal): AsyncGenerator<SourceRecord[]>
  /** SHA-256 of the whole file (hex); complete once `records()` has finished. */
  sha256(): Promise<string>
  /** Notes known only after streaming (NUL bytes removed, invalid bytes replaced). */
  endNotes(): LineMessage[]
}
