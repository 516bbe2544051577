import { looksLikeFormula } from '../../../shared/text'
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { openSource } from './source/open'
import type { BatchReport } from './types'
import type { CellValue } from './values/dates'

/**
 * Writes the rejected rows of an import to a CSV for fixing and re-importing: the original columns plus
 * an "Import error" column; UTF-8 with BOM, `;`, CRLF; cells that a spreadsheet would run as a formula
 * (= + - @ tab CR first) are neutralised with a leading apostrophe. The rows are read again from the
 * source file (same encoding, delimiter, sheet, header row as the report), so nothing is kept in memory.
 * Only the rows listed in report.errors (up to 10,000) are written.
 */
export async function writeRejectedCsv(
  report: Pick<BatchReport, 'file' | 'encoding' | 'delimiter' | 'sheet' | 'headerRow' | 'errors'>,
  outPath: string
): Promise<{ rows: number }> {
  const reasons = new Map<number, string[]>()
  for (const e of report.errors) {
    if (e.line <= 0) continue
    const list = reasons.get(e.line) ?? []
    list.push(e.message)
    reasons.set(e.line, list)
  }
  const src = await openSource(report.file, {
    encoding: report.encoding ?? undefined,
    delimiter: report.delimiter ?? undefined,
    sheet: report.sheet ?? undefined,
    headerRow: report.headerRow ?? undefined
  })
  const out = createWriteStream(outPath)
  const write = async (s: string): Promise<void> => {
    if (!out.write(s)) await once(out, 'drain')
  }
  let rows = 0
  try {
    await write('\ufeff' + csvLine([...src.layout.headers, 'Import error']))
    if (reasons.size) {
      for await (const batch of src.records()) {
        for (const rec of batch) {
          const why = reasons.get(rec.line)
          if (!why) continue
          await write(csvLine([...rec.cells, why.join('; ')]))
          rows++
        }
      }
    }
  } finally {
    out.end()
    await once(out, 'close')
  }
  return { rows }
}

/** One CSV line (`;`, CRLF) with formula-looking cells neutralised. */
export function csvLine(cells: CellValue[]): string {
  return cells.map((c) => csvCell(c)).join(';') + '\r\n'
}

function csvCell(v: CellValue): string {
  let s = v === null || v === undefined ? '' : String(v)
  if (looksLikeFormula(s)) s = "'" + s
  return /[;"\r\n]|^\s|\s$/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s
}
