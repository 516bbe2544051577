import { open } from 'node:fs/promises'
import { extname } from 'node:path'
import chardet from 'chardet'
import iconv from 'iconv-lite'
import { unreadable } from '../limits'
import { looksLikeMarkup } from './markup'

export type FileFormat = 'csv' | 'xlsx' | 'json' | 'feed'
/** Encodings we read; the first four are the ones exports use, the rest are detected rarities. */
export type Encoding =
  'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251' | 'koi8-r' | 'ibm866' | 'windows-1252'

export interface Sniffed {
  format: FileFormat
  /** For text formats. */
  encoding: Encoding | null
  /** Bytes of byte-order mark to skip. */
  bomLength: number
  /** File-level notes for the report (a BOM that lies, NUL bytes…). */
  notes: string[]
}

const HEAD_BYTES = 1 << 20
const ENCODING_SAMPLE_MAX = 8 << 20

const MAGIC: [number[], string][] = [
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Excel 97–2003 (.xls) or other OLE2 file; save it as .xlsx or CSV'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0x52, 0x61, 0x72, 0x21], 'a RAR archive'],
  [[0x37, 0x7a, 0xbc, 0xaf], 'a 7-Zip archive'],
  [[0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], 'an SQLite database'],
  [[0x7f, 0x45, 0x4c, 0x46], 'an executable'],
  [[0x4d, 0x5a], 'an executable']
]

/** Looks at a file's first bytes: which format, which encoding; throws IMPORT_UNREADABLE for binaries and empties. */
export async function sniffFile(path: string, size: number): Promise<Sniffed> {
  const name = path
  if (size === 0) throw unreadable(name, 'the file is empty')
  const fh = await open(path, 'r')
  try {
    const head = await readAt(fh, 0, Math.min(size, HEAD_BYTES))
    if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
      if (head.includes('xl/') || /\.xls[xm]$/i.test(path))
        return { format: 'xlsx', encoding: null, bomLength: 0, notes: [] }
      throw unreadable(name, 'it is a ZIP archive, not an XLSX workbook, CSV or JSON file')
    }
    if (startsWith(head, [0x50, 0x4b, 0x05, 0x06])) throw unreadable(name, 'it is an empty ZIP archive')
    for (const [sig, what] of MAGIC)
      if (startsWith(head, sig) && !(sig.length === 2 && sig[0] === 0x4d && looksLikeText(head)))
        throw unreadable(name, `it is ${what}, not an export file (binary)`)
    if (/\.xls[xm]$/i.test(path))
      throw unreadable(name, 'it has an .xlsx name but is not an XLSX workbook (corrupt or truncated)')

    const notes: string[] = []
    let encoding: Encoding
    let bomLength = 0
    if (startsWith(head, [0xef, 0xbb, 0xbf])) {
      bomLength = 3
      encoding = 'utf-8'
      const sample = await encodingSample(fh, size, 3)
      if (!mostlyUtf8(sample)) {
        encoding = singleByteEncoding(sample)
        notes.push(
          `The file starts with a UTF-8 byte-order mark but its text is ${encoding}; read as ${encoding}.`
        )
      }
    } else if (startsWith(head, [0xff, 0xfe])) {
      bomLength = 2
      encoding = 'utf-16le'
    } else if (startsWith(head, [0xfe, 0xff])) {
      bomLength = 2
      encoding = 'utf-16be'
    } else {
      const u16 = utf16WithoutBom(head)
      if (u16) {
        encoding = u16
        notes.push(`No byte-order mark; the byte pattern says ${u16}.`)
      } else {
        if (binaryShare(head) > 0.03) throw unreadable(name, 'it is a binary file, not text (CSV/TSV/JSON)')
        const sample = await encodingSample(fh, size, 0)
        encoding = mostlyUtf8(sample) ? 'utf-8' : singleByteEncoding(sample)
      }
    }
    const format: FileFormat = isJson(head, bomLength, encoding, path)
      ? 'json'
      : looksLikeMarkup(iconv.decode(head.subarray(bomLength, bomLength + 4096), encoding))
        ? 'feed'
        : 'csv'
    const nul = countNul(head, encoding)
    if (nul > 0) notes.push(`NUL bytes in the file (${nul} in the first megabyte) were removed.`)
    if (onlyWhitespace(head, bomLength, encoding) && size <= HEAD_BYTES)
      throw unreadable(name, 'the file is empty (no text)')
    return { format, encoding, bomLength, notes }
  } finally {
    await fh.close()
  }
}

async function readAt(fh: Awaited<ReturnType<typeof open>>, pos: number, len: number): Promise<Buffer> {
  const buf = Buffer.alloc(len)
  const { bytesRead } = await fh.read(buf, 0, len, pos)
  return buf.subarray(0, bytesRead)
}

/** A sample with enough non-ASCII bytes to tell UTF-8 from a single-byte code page (files often start in ASCII). */
async function encodingSample(
  fh: Awaited<ReturnType<typeof open>>,
  size: number,
  from: number
): Promise<Buffer> {
  const parts: Buffer[] = []
  let pos = from
  let high = 0
  while (pos < size && pos - from < ENCODING_SAMPLE_MAX && high < 4096) {
    const b = await readAt(fh, pos, Math.min(HEAD_BYTES, size - pos))
    if (b.length === 0) break
    parts.push(b)
    for (let i = 0; i < b.length; i++) if (b[i]! >= 0x80) high++
    pos += b.length
  }
  return Buffer.concat(parts)
}

function startsWith(b: Buffer, sig: number[]): boolean {
  return b.length >= sig.length && sig.every((x, i) => b[i] === x)
}

/**
 * True when the non-ASCII bytes form valid UTF-8 sequences (at least 95% of them: a few broken bytes in a
 * UTF-8 file are replaced, not a reason to read it as Windows-1251). A cut sequence at the end is ignored.
 */
export function mostlyUtf8(b: Uint8Array): boolean {
  let valid = 0
  let invalid = 0
  let i = 0
  const n = b.length
  while (i < n) {
    const c = b[i]!
    if (c < 0x80) {
      i++
      continue
    }
    const len = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0
    if (len === 0) {
      invalid++
      i++
      continue
    }
    if (i + len > n) break
    let ok = true
    for (let k = 1; k < len; k++) if ((b[i + k]! & 0xc0) !== 0x80) ok = false
    if (ok) {
      valid++
      i += len
    } else {
      invalid++
      i++
    }
  }
  return invalid === 0 || valid / (valid + invalid) >= 0.95
}

const CYRILLIC: Record<string, Encoding> = {
  'windows-1251': 'windows-1251',
  'koi8-r': 'koi8-r',
  ibm866: 'ibm866',
  'iso-8859-5': 'windows-1251'
}
const LATIN = /^(iso-8859-(1|2|9|15)|windows-125[024])$/

/** Windows-1251 unless chardet sees another Cyrillic code page (KOI8-R, CP866) or plainly Latin text. */
function singleByteEncoding(sample: Buffer): Encoding {
  const results = chardet.analyse(sample)
  for (const r of results) {
    const name = r.name.toLowerCase()
    if (CYRILLIC[name] && r.confidence >= 10) return CYRILLIC[name]!
  }
  const top = results[0]?.name.toLowerCase() ?? ''
  if (LATIN.test(top) && !cyrillicShape(sample)) return 'windows-1252'
  return 'windows-1251'
}

/** Most high bytes in 0xC0–0xFF (the letters of both 1251 and KOI8-R). */
function cyrillicShape(b: Buffer): boolean {
  let high = 0
  let letters = 0
  for (const c of b) {
    if (c >= 0x80) high++
    if (c >= 0xc0) letters++
  }
  return high > 0 && letters / high > 0.8
}

/** UTF-16 without a BOM: one byte of every pair is NUL for Latin/Cyrillic text. */
function utf16WithoutBom(b: Buffer): Encoding | null {
  const n = Math.min(b.length, 4096) & ~1
  if (n < 8) return null
  let evenZero = 0
  let oddZero = 0
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZero++
    if (b[i + 1] === 0) oddZero++
  }
  const pairs = n / 2
  if (oddZero / pairs > 0.3 && evenZero / pairs < 0.05) return 'utf-16le'
  if (evenZero / pairs > 0.3 && oddZero / pairs < 0.05) return 'utf-16be'
  return null
}

/** Share of bytes that never occur in text (controls other than tab/LF/CR/FF/ESC, NUL runs). */
function binaryShare(b: Buffer): number {
  const n = Math.min(b.length, 65536)
  let bad = 0
  for (let i = 0; i < n; i++) {
    const c = b[i]!
    if (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 27) bad++
    else if (c === 0x7f) bad++
  }
  return n ? bad / n : 0
}

function looksLikeText(b: Buffer): boolean {
  return binaryShare(b) < 0.01
}

function countNul(b: Buffer, enc: Encoding): number {
  if (enc === 'utf-16le' || enc === 'utf-16be') return 0
  let n = 0
  for (let i = b.indexOf(0); i >= 0; i = b.indexOf(0, i + 1)) n++
  return n
}

function firstChar(b: Buffer, bom: number, enc: Encoding): string {
  const step = enc.startsWith('utf-16') ? 2 : 1
  for (let i = bom; i + step <= b.length; i += step) {
    const c =
      enc === 'utf-16le' ? b[i]! | (b[i + 1]! << 8) : enc === 'utf-16be' ? (b[i]! << 8) | b[i + 1]! : b[i]!
    if (c !== 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 0 && c !== 0xfeff)
      return String.fromCharCode(c)
  }
  return ''
}

function isJson(b: Buffer, bom: number, enc: Encoding, path: string): boolean {
  const c = firstChar(b, bom, enc)
  return c === '{' || (c === '[' && extname(path).toLowerCase() === '.json')
}

function onlyWhitespace(b: Buffer, bom: number, enc: Encoding): boolean {
  return firstChar(b, bom, enc) === ''
}
