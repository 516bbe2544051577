const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  laquo: '«',
  raquo: '»',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  mdash: '—',
  ndash: '–',
  minus: '−',
  hellip: '…',
  middot: '·',
  bull: '•',
  copy: '©',
  reg: '®',
  trade: '™',
  deg: '°',
  times: '×',
  divide: '÷',
  plusmn: '±',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  sect: '§',
  para: '¶',
  shy: '',
  zwj: '\u200d',
  zwnj: '\u200c',
  thinsp: '\u2009',
  ensp: '\u2002',
  emsp: '\u2003',
  numero: '№',
  prime: '′',
  Prime: '″',
  larr: '←',
  rarr: '→',
  uarr: '↑',
  darr: '↓',
  frac12: '½',
  frac14: '¼',
  frac34: '¾',
  sup2: '²',
  sup3: '³',
  iexcl: '¡',
  iquest: '¿'
}
const ENTITY = /&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,8});/g

/** Decodes HTML character references: decodeEntities('Привет&#33;&nbsp;мир') === 'Привет!\u00a0мир'. Unknown names stay. */
export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s
  return s.replace(ENTITY, (whole, body: string) => {
    if (body[0] === '#') {
      const code =
        body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10)
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
        return whole
      return String.fromCodePoint(code)
    }
    return NAMED[body] ?? NAMED[body.toLowerCase()] ?? whole
  })
}

const OOXML_ESCAPE = /_x([0-9a-fA-F]{4})_/g

/** XLSX `_xHHHH_` escapes (`_x000d_` is a CR Excel kept): '_x005F_' is a literal underscore. */
export function decodeOoxmlEscapes(s: string): string {
  if (s.indexOf('_x') < 0 && s.indexOf('_X') < 0) return s
  return s.replace(OOXML_ESCAPE, (_w, hex: string) => String.fromCharCode(parseInt(hex, 16)))
}

/**
 * Cleans a text cell: `_x000d_` escapes, HTML entities, CR/CRLF → LF, control characters (NUL…) removed,
 * no-break spaces → spaces, trimmed. cleanText('Строка_x000d_\nвторая &amp; ещё') === 'Строка\nвторая & ещё'
 */
export function cleanText(s: string): string {
  let t = decodeEntities(decodeOoxmlEscapes(s))
  if (t.indexOf('\r') >= 0) t = t.replace(/\r\n?/g, '\n')
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufeff\u00a0]/.test(t)) {
    t = t.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufeff]/g, '').replace(/\u00a0/g, ' ')
  }
  return t.trim()
}

/** A one-line cell (names, labels): cleaned, inner whitespace runs collapsed. */
export function cleanLine(s: string): string {
  return cleanText(s).replace(/\s+/g, ' ')
}
