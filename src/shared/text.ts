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
