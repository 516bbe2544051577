import { newStemmer } from 'snowball-stemmers'
import { normalizeText, tokenize } from './text'
import { isPlainKazakhForm, KAZAKH_LETTER, kazakhStem } from './stem-kk'

const russian = newStemmer('russian')
const cache = new Map<string, string>()
const CACHE_LIMIT = 200_000
const CYRILLIC = /[а-яәғқңөұүһі]/

/**
 * The stem of one normalised word, the same for search, matching and indexing:
 * - a word with a Kazakh-only letter (ә ғ қ ң ө ұ ү һ і), or with a Kazakh plural + case chain
 *   (жолдарды), loses its Kazakh suffixes (src/shared/stem-kk.ts); when what is left has no Kazakh-only
 *   letter it is then stemmed like a Russian word, as its bare form is (балаға → бала → бал, like «бала»);
 * - another Cyrillic word gets its Russian Snowball stem;
 * - words of up to 3 letters and non-Cyrillic words are returned as they are.
 * stemWord('акиматом') === 'акимат'   stemWord('әкімдіктердің') === 'әкімдік'
 */
export function stemWord(word: string): string {
  const w = normalizeText(word)
  let s = cache.get(w)
  if (s !== undefined) return s
  s = computeStem(w)
  if (cache.size >= CACHE_LIMIT) cache.clear()
  cache.set(w, s)
  return s
}

function computeStem(w: string): string {
  if (w.length <= 3 || !CYRILLIC.test(w)) return w
  if (KAZAKH_LETTER.test(w) || isPlainKazakhForm(w)) {
    const k = kazakhStem(w)
    return KAZAKH_LETTER.test(k) || k.length <= 3 ? k : russian.stem(k)
  }
  return russian.stem(w)
}

/** Stems of every word of a text, joined by spaces: the FTS shadow column. */
export function stemText(text: string): string {
  return tokenize(text).map(stemWord).join(' ')
}
