/**
 * Text normalisation shared by search, matching and indexing.
 * Lower case, ё→е, Kazakh letters kept as they are.
 * normalizeText('Ёлка АКИМАТА') === 'елка акимата'
 */
export function normalizeText(s: string): string {
  return s.toLowerCase().replace(/ё/g, 'е')
}

/**
 * Word tokens of a text after normalisation: runs of letters and digits (Cyrillic incl. Kazakh, Latin),
 * split exactly where SQLite's unicode61 tokenizer splits, so token positions agree with the FTS index.
 * tokenize('Нур-Султан, 2026!') → ['нур', 'султан', '2026']
 */
export function tokenize(s: string): string[] {
  return normalizeText(s).match(/[\p{L}\p{N}\p{M}]+/gu) ?? []
}

/**
 * Code points no XML document may carry (XML 1.0 `Char`): C0 controls other than tab, LF and CR,
 * U+FFFE, U+FFFF, and UTF-16 surrogates that are not part of a pair (SQLite would store those as
 * invalid UTF-8). One pass of this at ingest keeps every stored text writable to DOCX, XLSX and PDF.
 */
const XML_INVALID =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g
const XML_INVALID_TEST = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ud800-\udfff]/

/**
 * Removes what no XML document may carry (see XML_INVALID); leaves everything else, emoji included.
 * xmlSafeText('a\u0001b\uFFFEc\uD800') === 'abc'
 */
export function xmlSafeText(s: string): string {
  // Valid surrogate pairs (emoji) also pass the quick test; the full pattern keeps them.
  return XML_INVALID_TEST.test(s) ? s.replace(XML_INVALID, '') : s
}

/**
 * Whether a spreadsheet would take a cell for a formula: = + - @ first once leading spaces, zero-width
 * characters and full-width forms ('＝1+1', '\u200b=1+1', ' =1+1') are looked through, or a tab/CR first.
 * looksLikeFormula(' =1+1') === true; looksLikeFormula('5 = 5') === false
 */
export function looksLikeFormula(s: string): boolean {
  if (/^[\t\r]/.test(s)) return true
  const head = s
    .slice(0, 64)
    .replace(/^[\s\u200b-\u200d\u2060\u180e\ufeff]+/, '')
    .slice(0, 1)
    .normalize('NFKC')
  return /^[=+\-@]/.test(head)
}
