import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { detectCsvHead, parseDelimiterOption } from '../csv/layout'
import type { CsvRecord } from '../csv/tokenizer'
import { CsvTokenizer } from '../csv/tokenizer'
import { MAX_CELL_CHARS, MAX_CELLS, MAX_ROW_CHARS, unreadable } from '../limits'
import type { LineMessage } from '../types'
import { makeDecoder, newDecodeStats, readHeadText, scrubChunk } from './decode'
import type { Encoding, Sniffed } from './sniff'
import type { LayoutOptions, Source, SourceRecord } from './types'

const HEAD_BYTES = 1 << 20
const CHUNK = 256 * 1024
const ENCODINGS: Encoding[] = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  'windows-1251',
  'koi8-r',
  'ibm866',
  'windows-1252'
]

/** Opens a CSV/TSV file: sniffs delimiter and header row, then streams records (the file is never held whole). */
export async function openCsv(
  path: string,
  size: number,
  sniffed: Sniffed,
  opts: LayoutOptions
): Promise<Source> {
  let encoding = sniffed.encoding ?? 'utf-8'
  let bomLength = sniffed.bomLength
  if (opts.encoding) {
    const e = opts.encoding
      .toLowerCase()
      .replace(/^(cp|win)-?1251$/, 'windows-1251')
      .replace(/^utf8$/, 'utf-8') as Encoding
    if (!ENCODINGS.includes(e))
      throw unreadable(path, `unknown encoding "${opts.encoding}" (use ${ENCODINGS.slice(0, 4).join(', ')})`)
    if (e !== encoding)
      bomLength =
        e === 'utf-8' && sniffed.bomLength === 3
          ? 3
          : e.startsWith('utf-16') && sniffed.bomLength === 2
            ? 2
            : 0
    encoding = e
  }
  // A forced encoding is applied to every line; a detected single-byte one lets UTF-8 lines be UTF-8.
  const mixed = !opts.encoding
  const head = await readHeadText(path, encoding, bomLength, HEAD_BYTES, mixed)
  const delimiter = opts.delimiter ? parseDelimiterOption(opts.delimiter) : undefined
  const found = detectCsvHead(head.text, head.complete, {
    delimiter,
    headerRow: opts.headerRow,
    only: opts.only
  })
  if (!found.header) {
    if (!found.records.length) throw unreadable(path, 'the file has no text rows')
    throw unreadable(path, `no header row found in the first 50 lines (delimiter "${show(found.delimiter)}")`)
  }
  const headerLine = found.header.line
  const headers = (found.records[found.header.index]?.cells ?? []).map((c) =>
    c.replace(/^\ufeff+/, '').trim()
  )
  const notes: LineMessage[] = sniffed.notes.map((message) => ({ line: 0, message }))
  const sample = found.records.slice(found.header.index + 1, found.header.index + 101).map(toSourceRecord)
  if (!head.complete && sample.length) sample.pop() // the last head record may be cut off

  let bytes = 0
  const hash = createHash('sha256')
  let hashDone = false
  const stats = newDecodeStats()

  async function* records(signal?: AbortSignal): AsyncGenerator<SourceRecord[]> {
    const decoder = makeDecoder(encoding, stats, mixed)
    let batch: SourceRecord[] = []
    const tok = new CsvTokenizer(
      found.delimiter,
      (r: CsvRecord) => {
        if (r.line > headerLine) batch.push(toSourceRecord(r))
      },
      { maxCell: MAX_CELL_CHARS, maxCells: MAX_CELLS, maxRecord: MAX_ROW_CHARS }
    )
    const stream = createReadStream(path, { highWaterMark: CHUNK })
    let skip = bomLength
    try {
      for await (const raw of stream as AsyncIterable<Buffer>) {
        signal?.throwIfAborted()
        hash.update(raw)
        bytes += raw.length
        let chunk = raw
        if (skip > 0) {
          const s = Math.min(skip, chunk.length)
          chunk = chunk.subarray(s)
          skip -= s
        }
        tok.push(scrubChunk(decoder.write(chunk), stats, tok.line))
        if (batch.length) {
          const out = batch
          batch = []
          yield out
        }
      }
      tok.push(scrubChunk(decoder.end(), stats, tok.line))
      tok.end()
      hashDone = true
      if (batch.length) yield batch
    } finally {
      stream.destroy()
    }
  }

  return {
    layout: {
      format: 'csv',
      encoding,
      delimiter: found.delimiter,
      sheet: null,
      sheets: [],
      headerRow: headerLine,
      headers,
      match: found.header.match,
      sample,
      notes
    },
    totalBytes: size,
    bytesRead: () => bytes,
    records,
    sha256: async () => (hashDone ? hash.digest('hex') : hashFile(path)),
    endNotes: () => {
      const out: LineMessage[] = []
      if (stats.nul) out.push({ line: stats.firstNulLine, message: `${stats.nul} NUL byte(s) removed.` })
      if (stats.utf8Lines)
        out.push({
          line: stats.firstUtf8Line,
          message: `The file mixes encodings: ${stats.utf8Lines} line(s) were UTF-8 inside ${encoding} text and were read as UTF-8.`
        })
      if (stats.replaced)
        out.push({
          line: stats.firstReplacedLine,
          message: `${stats.replaced} byte sequence(s) that are not valid ${encoding} replaced with "\ufffd".`
        })
      return out
    }
  }
}

function toSourceRecord(r: CsvRecord): SourceRecord {
  const rec: SourceRecord = { line: r.line, cells: r.cells }
  const n = (x: number): string => x.toLocaleString('en-US')
  if (r.oversized)
    rec.problem = `cell ${r.oversized.column + 1} is longer than the maximum cell length (${n(MAX_CELL_CHARS)} characters)`
  else if (r.tooLong)
    rec.problem = `the row is longer than the maximum row length (${n(MAX_ROW_CHARS)} characters)`
  else if (r.tooWide)
    rec.problem = `the row has ${n(r.tooWide)} cells, more than the maximum row width (${n(MAX_CELLS)} cells)`
  else if (r.unterminated)
    rec.problem = 'the file ends inside a quoted field (truncated file or unbalanced quote)'
  return rec
}

function show(d: string): string {
  return d === '\t' ? 'tab' : d
}

/** SHA-256 of a file, streamed. */
export async function hashFile(path: string): Promise<string> {
  const h = createHash('sha256')
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>)
    h.update(chunk)
  return h.digest('hex')
}
