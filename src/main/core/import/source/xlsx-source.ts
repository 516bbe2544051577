import { HEADER_SEARCH_LINES, unreadable } from '../limits'
import type { HeaderFound } from '../mapping/header'
import { findHeader } from '../mapping/header'
import type { LineMessage } from '../types'
import type { Workbook } from '../xlsx/workbook'
import { openWorkbook, sheetRows } from '../xlsx/workbook'
import type { ZipEntry } from '../xlsx/zip'
import { ZipError, ZipLimitError } from '../xlsx/zip'
import { hashFile } from './csv-source'
import type { LayoutOptions, Source, SourceRecord } from './types'

const HEAD_ROWS = HEADER_SEARCH_LINES + 100

interface SheetHead {
  name: string
  entry: ZipEntry
  rows: SourceRecord[]
  header: HeaderFound | null
}

/**
 * Opens an XLSX workbook: every sheet's first rows are searched for a header row; cover and summary
 * sheets without one are skipped; the chosen sheet's rows then stream (see xlsx/workbook.ts).
 */
export async function openXlsx(path: string, size: number, opts: LayoutOptions): Promise<Source> {
  let wb: Workbook
  const heads: SheetHead[] = []
  try {
    wb = await openWorkbook(path, size)
    for (const s of wb.sheets) {
      const rows: SourceRecord[] = []
      outer: for await (const batch of sheetRows(path, wb, s.entry)) {
        for (const r of batch) {
          rows.push({ line: r.row, cells: r.cells })
          if (rows.length >= HEAD_ROWS) break outer
        }
      }
      heads.push({ name: s.name, entry: s.entry, rows, header: null })
    }
  } catch (e) {
    throw corrupt(path, e)
  }
  if (!heads.length) throw unreadable(path, 'the workbook has no worksheets (corrupt XLSX?)')
  for (const h of heads) h.header = findHeader(h.rows, { headerRow: opts.headerRow, only: opts.only })
  const chosen = chooseSheet(heads, opts.sheet)
  if (!chosen) {
    if (opts.sheet && !findSheet(heads, opts.sheet))
      throw unreadable(
        path,
        `there is no sheet "${opts.sheet}" (sheets: ${heads.map((h) => h.name).join(', ')})`
      )
    throw unreadable(
      path,
      `no header row found in the first ${HEADER_SEARCH_LINES} rows of any sheet (${heads.map((h) => h.name).join(', ')})`
    )
  }
  const header = chosen.header!
  const headers = (chosen.rows[header.index]?.cells ?? []).map((c) =>
    c === null || c === undefined ? '' : String(c).trim()
  )
  const notes: LineMessage[] = []
  const skipped = heads.filter((h) => h !== chosen).map((h) => h.name)
  if (skipped.length)
    notes.push({ line: 0, message: `Sheet "${chosen.name}" imported; skipped: ${skipped.join(', ')}.` })

  let bytes = 0
  async function* records(signal?: AbortSignal): AsyncGenerator<SourceRecord[]> {
    const total = chosen!.entry.compressedSize
    let rowsSeen = 0
    try {
      for await (const batch of sheetRows(path, wb, chosen!.entry, signal)) {
        const out: SourceRecord[] = []
        for (const r of batch) if (r.row > header.line) out.push({ line: r.row, cells: r.cells })
        rowsSeen += batch.length
        // The compressed part streams through an inflater: progress in bytes is estimated from rows.
        bytes = Math.min(
          size,
          Math.round((size * rowsSeen) / Math.max(rowsSeen + 1, estimateRows(total, rowsSeen)))
        )
        if (out.length) yield out
      }
    } catch (e) {
      throw corrupt(path, e)
    }
    bytes = size
  }

  return {
    layout: {
      format: 'xlsx',
      encoding: null,
      delimiter: null,
      sheet: chosen.name,
      sheets: heads.map((h) => h.name),
      headerRow: header.line,
      headers,
      match: header.match,
      sample: chosen.rows.slice(header.index + 1),
      notes
    },
    totalBytes: size,
    bytesRead: () => bytes,
    records,
    sha256: () => hashFile(path),
    endNotes: () => []
  }
}

/** A rough total row count from the compressed size (≈ 150 compressed bytes a row), never below what was seen. */
function estimateRows(compressed: number, seen: number): number {
  return Math.max(seen, Math.round(compressed / 150))
}

function findSheet(heads: SheetHead[], sheet: string): SheetHead | undefined {
  return (
    heads.find((h) => h.name.toLowerCase() === sheet.toLowerCase()) ??
    (/^\d+$/.test(sheet) ? heads[Number(sheet) - 1] : undefined)
  )
}

/** A forced sheet (by name or 1-based number), else the best preset match, else the widest generic header. */
function chooseSheet(heads: SheetHead[], sheet?: string): SheetHead | null {
  if (sheet) {
    const s = findSheet(heads, sheet)
    return s && s.header ? s : null
  }
  const withHeader = heads.filter((h) => h.header)
  const known = withHeader
    .filter((h) => h.header!.match)
    .sort((a, b) => b.header!.match!.score - a.header!.match!.score)
  if (known[0]) return known[0]
  // No preset: the sheet whose header is widest and has data under it (a cover sheet has neither).
  let best: SheetHead | null = null
  let bestScore = 0
  for (const h of withHeader) {
    const width = h.rows[h.header!.index]!.cells.filter((c) => c !== null && String(c).trim() !== '').length
    const data = h.rows.length - h.header!.index - 1
    const score = data > 0 ? width * Math.min(data, 10) : 0
    if (score > bestScore) [best, bestScore] = [h, score]
  }
  return best
}

function corrupt(path: string, e: unknown): Error {
  if ((e as Error)?.name === 'AbortError') return e as Error
  // Over a limit is not damage: the message names the part and the limit as it is.
  if (e instanceof ZipLimitError) return unreadable(path, e.message, { limit: e.limit })
  if (e instanceof ZipError) {
    const msg = e.message
    return unreadable(
      path,
      /missing|past the end/.test(msg)
        ? `truncated or corrupt XLSX (${msg})`
        : msg.startsWith('it is')
          ? msg
          : `corrupt XLSX (${msg})`
    )
  }
  return unreadable(path, `corrupt XLSX (${(e as Error)?.message ?? String(e)})`)
}
