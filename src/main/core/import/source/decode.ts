import { createReadStream } from 'node:fs'
import iconv from 'iconv-lite'
import type { Encoding } from './sniff'

export interface TextDecoderLike {
  write(b: Buffer): string
  end(): string
}

/**
 * A streaming decoder; the BOM is skipped by the caller (by byte offset), so none is stripped here.
 * A single-byte code page (Windows-1251…) is decoded line by line: a line that is valid UTF-8 with
 * at least one multi-byte letter is read as UTF-8 (files glued together from two exports), counted
 * in `stats` for the warning. `mixed: false` (an encoding the user forced) reads every line alike.
 */
export function makeDecoder(enc: Encoding, stats?: DecodeStats, mixed = true): TextDecoderLike {
  if (enc === 'utf-8' || enc === 'utf-16le' || enc === 'utf-16be') {
    const d = new TextDecoder(enc, { ignoreBOM: true })
    return { write: (b) => d.decode(b, { stream: true }), end: () => d.decode() }
  }
  if (mixed) return new MixedLineDecoder(enc, stats ?? newDecodeStats())
  const d = iconv.getDecoder(enc, { stripBOM: false })
  return { write: (b) => d.write(b), end: () => d.end() ?? '' }
}

/** Line by line: UTF-8 where a line is valid UTF-8 with non-ASCII letters, else the file's code page. */
class MixedLineDecoder implements TextDecoderLike {
  private rest: Buffer = Buffer.alloc(0)
  private line = 1
  constructor(
    private readonly enc: Encoding,
    private readonly stats: DecodeStats
  ) {}

  write(b: Buffer): string {
    const buf = this.rest.length ? Buffer.concat([this.rest, b]) : b
    const last = buf.lastIndexOf(0x0a)
    if (last < 0) {
      this.rest = Buffer.from(buf)
      return ''
    }
    this.rest = Buffer.from(buf.subarray(last + 1))
    return this.decodeLines(buf, 0, last + 1)
  }

  end(): string {
    const out = this.decodeLines(this.rest, 0, this.rest.length)
    this.rest = Buffer.alloc(0)
    return out
  }

  /** Decodes whole lines [from, to), runs of lines of one kind at a time. */
  private decodeLines(b: Buffer, from: number, to: number): string {
    let out = ''
    let runStart = from
    let runUtf8 = false
    let i = from
    while (i < to) {
      let end = b.indexOf(0x0a, i)
      end = end < 0 || end >= to ? to : end + 1
      const kind = lineKind(b, i, end)
      if (kind !== 'ascii') {
        const utf8 = kind === 'utf8'
        if (utf8 !== runUtf8) {
          out += this.decode(b, runStart, i, runUtf8)
          runStart = i
          runUtf8 = utf8
        }
        if (utf8) {
          if (!this.stats.utf8Lines) this.stats.firstUtf8Line = this.line
          this.stats.utf8Lines++
        }
      }
      this.line++
      i = end
    }
    return out + this.decode(b, runStart, to, runUtf8)
  }

  private decode(b: Buffer, from: number, to: number, utf8: boolean): string {
    if (from >= to) return ''
    const part = b.subarray(from, to)
    return utf8 ? part.toString('utf8') : iconv.decode(part, this.enc, { stripBOM: false })
  }
}

/** 'ascii' (no high bytes), 'utf8' (valid UTF-8 with multi-byte sequences) or 'other'. */
function lineKind(b: Buffer, from: number, to: number): 'ascii' | 'utf8' | 'other' {
  let i = from
  let multi = false
  while (i < to) {
    const c = b[i]!
    if (c < 0x80) {
      i++
      continue
    }
    const len = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0
    if (len === 0 || i + len > to) return 'other'
    for (let k = 1; k < len; k++) if ((b[i + k]! & 0xc0) !== 0x80) return 'other'
    multi = true
    i += len
  }
  return multi ? 'utf8' : 'ascii'
}

/** Counts what cleaning removed while streaming, for the file-level warnings. */
export interface DecodeStats {
  nul: number
  replaced: number
  firstNulLine: number
  firstReplacedLine: number
  /** Lines of a single-byte file that were UTF-8 and read as such. */
  utf8Lines: number
  firstUtf8Line: number
}

export function newDecodeStats(): DecodeStats {
  return { nul: 0, replaced: 0, firstNulLine: 0, firstReplacedLine: 0, utf8Lines: 0, firstUtf8Line: 0 }
}

/** Drops NUL characters (and counts them and U+FFFD replacements) from a decoded chunk. */
export function scrubChunk(s: string, stats: DecodeStats, line: number): string {
  if (s.indexOf('\ufffd') >= 0) {
    let n = 0
    for (let i = s.indexOf('\ufffd'); i >= 0; i = s.indexOf('\ufffd', i + 1)) n++
    if (!stats.replaced) stats.firstReplacedLine = line
    stats.replaced += n
  }
  if (s.indexOf('\u0000') < 0) return s
  const before = s.length
  const out = s.replace(/\u0000/g, '')
  if (!stats.nul) stats.firstNulLine = line
  stats.nul += before - out.length
  return out
}

/** Decoded text of the file's beginning (about `maxBytes`), NUL-free; `complete` when that is the whole file. */
export async function readHeadText(
  path: string,
  enc: Encoding,
  bomLength: number,
  maxBytes: number,
  mixed = true
): Promise<{ text: string; complete: boolean }> {
  const dec = makeDecoder(enc, undefined, mixed)
  let text = ''
  let read = 0
  let complete = true
  const stream = createReadStream(path, { start: bomLength, highWaterMark: 256 * 1024 })
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      text += dec.write(chunk)
      read += chunk.length
      if (read >= maxBytes) {
        complete = false
        break
      }
    }
  } finally {
    stream.destroy()
  }
  if (complete) text += dec.end()
  return { text: text.replace(/\u0000/g, ''), complete }
}
