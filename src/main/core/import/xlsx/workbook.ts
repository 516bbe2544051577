import type { CellValue } from '../values/dates'
import { flat } from '../values/memo'
import type { ZipEntry } from './zip'
import { crc32, openEntry, readEntryText, readZipDirectory, ZipError } from './zip'

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
    for (const m of (await readEntryText(path, relsEntry)).matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
      const a = attrs(m[1]!)
      if (a.Id && a.Target) targets.set(a.Id, resolveTarget(a.Target))
    }
  }
  const sheets: Workbook['sheets'] = []
  let n = 0
  for (const m of wbXml.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
    n++
    const a = attrs(m[1]!)
    const rid = Object.entries(a).find(([k]) => /(^|:)id$/.test(k) && k !== 'sheetId')?.[1]
    const target = (rid && targets.get(rid)) ?? `xl/worksheets/sheet${n}.xml`
    const entry = dir.get(target)
    if (entry) sheets.push({ name: xmlText(a.name ?? `Sheet${n}`), entry })
  }
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

const SI = /<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g

/** Every shared string in order; rich-text runs are joined, phonetic runs left out. */
async function readSharedStrings(path: string, e: ZipEntry): Promise<string[]> {
  const out: string[] = []
  // Flat copies: a slice would keep the whole decoded chunk of the part alive.
  await scanParts(path, e, SI, (m) => out.push(m[1] === undefined ? '' : flat(inlineText(m[1]))))
  return out
}

/** The text of an <si> or <is>: its <t> elements, outside <rPh>. */
function inlineText(xml: string): string {
  const body = xml.indexOf('rPh') >= 0 ? xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '') : xml
  let s = ''
  for (const m of body.matchAll(/<(?:\w+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g)) s += m[1] ?? ''
  return xmlText(s)
}

const ROW = /<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g
const CELL = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g
const VALUE = /<(?:\w+:)?v\b[^>]*>([\s\S]*?)<\/(?:\w+:)?v>/

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
  let buf = ''
  let crc = 0
  try {
    for await (const chunk of stream) {
      signal?.throwIfAborted()
      crc = crc32(chunk as Buffer, crc)
      buf += decoder.decode(chunk as Buffer, { stream: true })
      ROW.lastIndex = 0
      let end = 0
      let m: RegExpExecArray | null
      while ((m = ROW.exec(buf))) {
        end = ROW.lastIndex
        const a = m[1]!
        const r = /\br="(\d+)"/.exec(a)
        const rowNo = r ? Number(r[1]) : next
        next = rowNo + 1
        if (m[2] === undefined) continue
        const cells = readCells(m[2], wb.strings)
        if (cells.length) batch.push({ row: rowNo, cells })
      }
      buf = end ? buf.slice(end) : keepTail(buf)
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

/** Text before the first (possibly incomplete) row is no longer needed. */
function keepTail(buf: string): string {
  const i = buf.search(/<(?:\w+:)?row\b/)
  return i >= 0 ? buf.slice(i) : buf.slice(Math.max(0, buf.length - 64))
}

function readCells(xml: string, strings: string[]): CellValue[] {
  const out: CellValue[] = []
  let col = 0
  CELL.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = CELL.exec(xml))) {
    const a = m[1]!
    const ref = /\br="([A-Z]+)\d*"/.exec(a)
    if (ref) col = colIndex(ref[1]!)
    // Excel ends at column XFD; a reference past it (a damaged or hostile file) would make the row
    // array grow to billions of slots, which kills the process outright.
    if (col >= MAX_COLUMNS) throw new ZipError(`cell ${ref?.[1] ?? ''} lies beyond Excel's last column (XFD)`)
    const body = m[2]
    if (body !== undefined) {
      const t = /\bt="(\w+)"/.exec(a)?.[1]
      const v = cellValue(t, body, strings)
      if (v !== null) {
        while (out.length < col) out.push(null)
        out[col] = v
      }
    }
    col++
  }
  return out
}

function cellValue(t: string | undefined, body: string, strings: string[]): CellValue {
  if (t === 'inlineStr') return inlineText(body)
  const v = VALUE.exec(body)?.[1]
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

/** Runs a regex over a part as it streams, calling back for each complete match. */
async function scanParts(
  path: string,
  e: ZipEntry,
  re: RegExp,
  each: (m: RegExpExecArray) => void
): Promise<void> {
  const stream = await openEntry(path, e)
  const decoder = new TextDecoder('utf-8')
  let buf = ''
  try {
    for await (const chunk of stream) {
      buf += decoder.decode(chunk as Buffer, { stream: true })
      re.lastIndex = 0
      let end = 0
      let m: RegExpExecArray | null
      while ((m = re.exec(buf))) {
        end = re.lastIndex
        each(m)
      }
      if (end) buf = buf.slice(end)
    }
  } catch (err) {
    if (err instanceof ZipError) throw err
    throw new ZipError(`part ${e.name} is damaged (${(err as Error).message})`)
  } finally {
    stream.destroy()
  }
}
