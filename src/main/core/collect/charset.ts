import { isUtf8 } from 'node:buffer'
import iconv from 'iconv-lite'
import { detect } from 'chardet'

export interface Decoded {
  text: string
  /** The encoding actually used. */
  encoding: string
  /** Set when the declared encoding was wrong or unknown. */
  warning?: string
}

/** charset=… of a Content-Type header. */
export function headerCharset(contentType: string | null | undefined): string | null {
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')
  return m ? m[1]!.toLowerCase() : null
}

/** encoding="…" of the XML prolog, or <meta charset> of an HTML page (first 2 KB, read as Latin-1). */
export function declaredInDocument(buf: Buffer): string | null {
  const head = buf.subarray(0, 2048).toString('latin1')
  const xml = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)
  if (xml) return xml[1]!.toLowerCase()
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)
  return meta ? meta[1]!.toLowerCase() : null
}

function bomEncoding(buf: Buffer): { enc: string; skip: number } | null {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { enc: 'utf-8', skip: 3 }
  if (buf[0] === 0xff && buf[1] === 0xfe) return { enc: 'utf-16le', skip: 2 }
  if (buf[0] === 0xfe && buf[1] === 0xff) return { enc: 'utf-16be', skip: 2 }
  return null
}

function isUtf8Label(enc: string): boolean {
  return /^utf-?8$/i.test(enc)
}

function hasHighBytes(buf: Buffer): boolean {
  for (let i = 0; i < buf.length; i++) if (buf[i]! >= 0x80) return true
  return false
}

/**
 * The single-byte encoding of a body that is not UTF-8. Cyrillic text (most bytes ≥ 0x80 are letters
 * 0xC0–0xFF and they are a large share of all letters) is Windows-1251 when lower case (0xE0–0xFF in 1251)
 * dominates, KOI8-R otherwise (its lower case is 0xC0–0xDF). Anything else goes to chardet, which is
 * unreliable on short Cyrillic texts, hence the rule first.
 */
export function guessSingleByte(buf: Buffer): string {
  let ascii = 0
  let high = 0
  let c0df = 0
  let e0ff = 0
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i]!
    if ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)) ascii++
    else if (b >= 0x80) {
      high++
      if (b >= 0xe0) e0ff++
      else if (b >= 0xc0) c0df++
    }
  }
  if (high && (c0df + e0ff) / high >= 0.6 && high / (high + ascii) >= 0.1)
    return e0ff >= c0df ? 'windows-1251' : 'koi8-r'
  const guessed = (detect(buf) ?? 'windows-1251').toLowerCase()
  return iconv.encodingExists(guessed) && !isUtf8Label(guessed) ? guessed : 'windows-1251'
}

/**
 * Decodes a feed or page. The byte-order mark wins, then the HTTP header charset, then the XML prolog or
 * meta tag, then UTF-8. Declarations are checked against the bytes, because both mistakes are common:
 * a body that is valid UTF-8 with non-ASCII text is UTF-8 whatever it claims (1251 text is never valid
 * UTF-8 in practice), and a body declared UTF-8 that is not valid UTF-8 is detected (usually Windows-1251).
 */
export function decodeBody(buf: Buffer, contentType: string | null | undefined): Decoded {
  const bom = bomEncoding(buf)
  if (bom) return { text: iconv.decode(buf.subarray(bom.skip), bom.enc), encoding: bom.enc }
  const declared = headerCharset(contentType) ?? declaredInDocument(buf)
  let enc = declared ?? 'utf-8'
  let warning: string | undefined
  if (!iconv.encodingExists(enc)) {
    warning = `unknown encoding "${enc}" declared; read as UTF-8`
    enc = 'utf-8'
  }
  if (isUtf8Label(enc)) {
    if (!isUtf8(buf)) {
      const use = guessSingleByte(buf)
      warning = `declared ${declared ?? 'no encoding (UTF-8 assumed)'} but the bytes are not UTF-8; read as ${use}`
      enc = use
    }
  } else if (!/^utf-?16/i.test(enc) && hasHighBytes(buf) && isUtf8(buf)) {
    warning = `declared ${enc} but the bytes are UTF-8; read as UTF-8`
    enc = 'utf-8'
  }
  const text = isUtf8Label(enc) ? buf.toString('utf8') : iconv.decode(buf, enc)
  return { text, encoding: enc, ...(warning ? { warning } : {}) }
}
