import { createReadStream } from 'node:fs'
import iconv from 'iconv-lite'
import type { Encoding } from './sniff'

export interface TextDecoderLike {
  write(b: Buffer): string
  end(): string
}

/** A streaming decoder; the BOM is skipped by the caller (by byte offset), so none is stripped here. */
export function makeDecoder(enc: Encoding): TextDecoderLike {
  if (enc === 'utf-8' || enc === 'utf-16le' || enc === 'utf-16be') {
    const d = new TextDecoder(enc, { ignoreBOM: true })
    return { write: (b) => d.decode(b, { stream: true }), end: () => d.decode() }
  }
  const d = iconv.getDecoder(enc, { stripBOM: false })
  return { write: (b) => d.write(b), end: () => d.end() ?? '' }
}

/** Counts what cleaning removed while streaming, for the file-level warnings. */
export interface DecodeStats {
  nul: number
  replaced: number
  firstNulLine: number
  firstReplacedLine: number
}

export function newDecodeStats(): DecodeStats {
  return { nul: 0, replaced: 0, firstNulLine: 0, firstReplacedLine: 0 }
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
  maxBytes: number
): Promise<{ text: string; complete: boolean }> {
  const dec = makeDecoder(enc)
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
