import { MAX_CELL_CHARS, MAX_SHARED_STRINGS_CHARS, MAX_XLSX_ELEMENT_CHARS } from '../limits'
import type { CellValue } from '../values/dates'
import { flat } from '../values/memo'
import { eachElement, ElementScanner, firstElement } from './xml-scan'
import type { ZipEntry } from './zip'
import {
  checkPartSize,
  crc32,
  openEntry,
  readEntryText,
  readZipDirectory,
  ZipError,
  ZipLimitError
} from './zip'

/**
 * A streaming XLSX reader that reads only what an import needs: sheet names, shared strings and cell
 * values (never styles, so a broken styles part does not matter; dates stay serial numbers, which the
 * date parser reads). Rows stream from the compressed sheet part; the file is never held whole.
 */
export interface Workbook {
  sheets: { name: string; entry: ZipEntry }[]
  strings: string[]
}

export async function openWorkbook(path: string, size: number): Promise<Workbook> {
  const dir = await readZipDirectory(path, size)
  // Every part is checked against the size and ratio limits before any is read.
  for (const e of dir.values()) checkPartSize(e)
  const wbEntry = dir.get('xl/workbook.xml')
  if (!wbEntry)
    throw new ZipError(
      dir.size
        ? 'it is a ZIP archive without xl/workbook.xml (not an XLSX workbook)'
        : 'the ZIP archive is empty'
    )
  const wbXml = await readEntryText(path, wbEntry)
  const relsEntry = dir.get('xl/_rels/workbook.xml.rels')
  const targets = new Map<string, string>()
  if (relsEntry) {
    eachElement(await readEntryText(path, relsEntry), 'Relationship', (at) => {
      const a = attrs(at)
      if (a.Id && a.Target) targets.set(a.Id, resolveTarget(a.Target))
    })
  }
  const sheets: Workbook['sheets'] = []
  let n = 0
  eachElement(wbXml, 'sheet', (at) => {
    n++
    const a = attrs(at)
    const rid = Object.entries(a).find(([k]) => /(^|:)id$/.test(k) && k !== 'sheetId')?.[1]
    const target = (rid && targets.get(rid)) ?? `xl/worksheets/sheet${n}.xml`
    const entry = dir.get(target)
    if (entry) sheets.push({ name: xmlText(a.name ?? `Sheet${n}`), entry })
  })
  const ss = dir.get('xl/sharedStrings.xml')
  return { sheets, strings: ss ? await readSharedStrings(path, ss) : [] }
}

function resolveTarget(t: string): string {
  if (t.startsWith('/')) return t.slice(1)
  const parts = ['xl']
  for (const p of t.split('/')) {
    if (p === '..') parts.pop()
    else if (p && p !== '.') parts.push(p)
  }
  return parts.join('/')
}

/**
 * Every shared string in order; rich-text runs are joined, phonetic runs left out. They are held in
 * memory for the whole import, so one string is bounded like a cell and all together by
 * MAX_SHARED_STRINGS_CHARS.
 */
async function readSharedStrings(path: string, e: ZipEntry): Promise<string[]> {
  const out: string[] = []
  let total = 0
  const scanner = new ElementScanner(
    'si',
    MAX_XLSX_ELEMENT_CHARS,
    (_a, body) => {
      // Flat copies: a slice would keep the whole decoded chunk of the part alive.
      const text = body === undefined ? '' : flat(inlineText(body))
      if (text.length > MAX_CELL_CHARS)
        throw new ZipLimitError(
          `shared string ${out.length + 1} is ${text.length.toLocaleString('en-US')} characters; the limit for a cell is ${MAX_CELL_CHARS.toLocaleString('en-US')}`,
          MAX_CELL_CHARS
        )
      total += text.length
      if (total > MAX_SHARED_STRINGS_CHARS)
        throw new ZipLimitError(
          `the shared strings hold more than ${MAX_SHARED_STRINGS_CHARS.toLocaleString('en-US')} characters (the limit for one workbook; split the export)`,
          MAX_SHARED_STRINGS_CHARS
        )
      out.push(text)
    },
    'a shared string'
  )
  await streamPart(path, e, (text) => scanner.push(text))
  return out
}

/** The text of an <si> or <is>: its <t> elements, outside <rPh>. */
function inlineText(xml: string): string {
  let s = ''
  // Phonetic runs hold <t> elements of their own.
  if (xml.indexOf('rPh') >= 0) xml = withoutElements(xml, 'rPh')
  eachElement(xml, 't', (_a, body) => {
    s += body ?? ''
  })
  return xmlText(s)
}

/** `xml` with every complete element of `name` cut out. */
function withoutElements(xml: string, name: string): string {
  const open = new RegExp(`<(\\w+:)?${name}\\b`, 'g')
  let out = ''
  let at = 0
  let m: RegExpExecArray | null
  while ((m = open.exec(xml))) {
    const close = `</${m[1] ?? ''}${name}>`
    const gt = xml.indexOf('>', m.index)
    if (gt < 0) break
    const end = xml[gt - 1] === '/' ? gt + 1 : xml.indexOf(close, gt)
    if (end < 0) break
    out += xml.slice(at, m.index)
    at = xml[gt - 1] === '/' ? end : end + close.length
    open.lastIndex = at
  }
  return out + xml.slice(at)
}

export interface SheetRow {
  row: number
  cells: CellValue[]
}

/**
 * Streams a sheet's rows (1-based row numbers as Excel shows them). Empty rows are not yielded.
 * Stop early by breaking out of the loop: the part stops being read.
 */
export async function* sheetRows(
  path: string,
  wb: Workbook,
  entry: ZipEntry,
  signal?: AbortSignal
): AsyncGenerator<SheetRow[]> {
  let next = 1
  const batch: SheetRow[] = []
  const stream = await openEntry(path, entry)
  const decoder = new TextDecoder('utf-8')
  let crc = 0
  const rows = new ElementScanner(
    'row',
    MAX_XLSX_ELEMENT_CHARS,
    (a, body) => {
      const r = /\br="(\d+)"/.exec(a)
      const rowNo = r ? Number(r[1]) : next
      next = rowNo + 1
      if (body === undefined) return
      const cells = readCells(body, wb.strings)
      if (cells.length) batch.push({ row: rowNo, cells })
    },
    'a row of the sheet'
  )
  try {
    for await (const chunk of stream) {
      signal?.throwIfAborted()
      crc = crc32(chunk as Buffer, crc)
      rows.push(decoder.decode(chunk as Buffer, { stream: true }))
      if (batch.length) yield batch.splice(0)
    }
    // A damaged part can still inflate into plausible XML: the checksum says whether it is what was written.
    if (crc !== entry.crc) throw new ZipError('the sheet data is damaged (checksum mismatch)')
  } catch (e) {
    if (e instanceof ZipError || (e as Error)?.name === 'AbortError') throw e
    throw new ZipError(`the sheet data is damaged (${(e as Error).message})`)
  } finally {
    stream.destroy()
  }
}

function readCells(xml: string, strings: string[]): CellValue[] {
  const out: CellValue[] = []
  let col = 0
  eachElement(xml, 'c', (a, body) => {
    const ref = /\br="([A-Z]+)\d*"/.exec(a)
    if (ref) col = colIndex(ref[1]!)
    // Excel ends at column XFD; a reference past it (a damaged or hostile file) would make the row
    // array grow to billions of slots, which kills the process outright.
    if (col >= MAX_COLUMNS) throw new ZipError(`cell ${ref?.[1] ?? ''} lies beyond Excel's last column (XFD)`)
    if (body !== undefined) {
      const t = /\bt="(\w+)"/.exec(a)?.[1]
      const v = cellValue(t, body, strings)
      if (v !== null) {
        while (out.length < col) out.push(null)
        out[col] = v
      }
    }
    col++
  })
  return out
}

function cellValue(t: string | undefined, body: string, strings: string[]): CellValue {
  if (t === 'inlineStr') return inlineText(body)
  const v = firstElement(body, 'v')?.body
  if (v === undefined) return null
  switch (t) {
    case 's':
      return strings[Number(v)] ?? null
    case 'str':
    case 'd':
      return xmlText(v)
    case 'b':
      return v === '1' ? 'TRUE' : 'FALSE'
    case 'e':
      return null
    default: {
      // Ids longer than a double holds exactly (tweet ids) stay text.
      if (v.length > 15 && /^\d+$/.test(v)) return v
      const n = Number(v)
      return Number.isFinite(n) ? n : xmlText(v)
    }
  }
}

/** Columns A…XFD, as in Excel. */
const MAX_COLUMNS = 16_384

/** 'A' → 0, 'AA' → 26 */
function colIndex(letters: string): number {
  let n = 0
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64)
  return n - 1
}

function attrs(s: string): Record<string, string> {
  const out: Record<string, string> = {}
  // A name starts where the previous character is not a name character: without the lookbehind every
  // position of a long run of name characters was tried anew (quadratic: a hang on 260 000 ':').
  for (const m of s.matchAll(/(?<![\w:.-])([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    out[m[1]!] = m[2] ?? m[3] ?? ''
  return out
}

const XML_ENTITY = /&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g
const XML_NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

/** XML character references, one level only ('&amp;nbsp;' → '&nbsp;'). */
function xmlText(s: string): string {
  if (s.indexOf('&') < 0) return s
  return s.replace(XML_ENTITY, (_w, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
      : XML_NAMED[e]!
  )
}

/** Streams a part's text to `each`, piece by piece. */
async function streamPart(path: string, e: ZipEntry, each: (text: string) => void): Promise<void> {
  const stream = await openEntry(path, e)
  const decoder = new TextDecoder('utf-8')
  try {
    for await (const chunk of stream) each(decoder.decode(chunk as Buffer, { stream: true }))
  } catch (err) {
    if (err instanceof ZipError) throw err
    throw new ZipError(`part ${e.name} is damaged (${(err as Error).message})`)
  } finally {
    stream.destroy()
  }
}
