import { newStemmer } from 'snowball-stemmers'
import { normalizeText, tokenize } from './text'

const russian = newStemmer('russian')
const cache = new Map<string, string>()
const CACHE_LIMIT = 200_000
const CYRILLIC = /[а-яәғқңөұүһі]/

/**
 * Russian Snowball stem of one normalised word; other words are returned as they are
 * (Kazakh is matched by suffix wildcard instead: nothing stems Kazakh reliably).
 * stemWord('акиматом') === 'акимат'
 */
export function stemWord(word: string): string {
  const w = normalizeText(word)
  let s = cache.get(w)
  if (s !== undefined) return s
  s = CYRILLIC.test(w) && w.length > 3 ? russian.stem(w) : w
  if (cache.size >= CACHE_LIMIT) cache.clear()
  cache.set(w, s)
  return s
}

/** Stems of every word of a text, joined by spaces: the FTS shadow column. */
export function stemText(text: string): string {
  return tokenize(text).map(stemWord).join(' ')
}
