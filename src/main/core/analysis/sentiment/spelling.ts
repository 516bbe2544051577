/**
 * How people type a company's or a person's name in posts, folded to one loose spelling so that a target
 * finds it: Cyrillic and Latin letters alike («Сбербанк», «Sberbank», «@sberbank»), the usual
 * transliteration variants (kh/h, tz/ts, ck/k, c/k/s, w/v, y/j/i, ph/f), doubled letters once. Used by
 * findTarget (tokens.ts) only after the exact match found nothing, so news with targets as written is
 * untouched. The loose form is for comparing two names, never shown and never indexed.
 */

const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k',
  л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'h', ц: 'ts',
  ч: 'ch', ш: 'sh', щ: 'sh', ъ: '', ы: 'i', ь: '', э: 'e', ю: 'iu', я: 'ia',
  // Kazakh letters as Kazakh is typed without them
  ә: 'a', ғ: 'g', қ: 'k', ң: 'n', ө: 'o', ұ: 'u', ү: 'u', һ: 'h', і: 'i'
}

/** Latin spellings of one sound, longest first (applied left to right). */
const LATIN_VARIANTS: Array<[RegExp, string]> = [
  [/shch|sch/g, 'sh'],
  [/kh/g, 'h'],
  [/ck/g, 'k'],
  [/ph/g, 'f'],
  [/tz/g, 'ts'],
  [/x/g, 'ks'],
  [/q/g, 'k'],
  [/w/g, 'v'],
  [/[yj]/g, 'i'],
  // c is s before e, i, y (Citibank = Ситибанк), else k unless in ch (Rostelecom = Ростелеком)
  [/c(?=[eiy])/g, 's'],
  [/c(?!h)/g, 'k']
]

/** The loose spelling of a normalised word (lower case): Latin letters, digits kept, doubled letters once. */
export function looseSpelling(norm: string): string {
  let s = ''
  for (const ch of norm) s += CYRILLIC[ch] ?? ch
  for (const [re, to] of LATIN_VARIANTS) if (re.test(s)) s = s.replace(re, to)
  return s.replace(/(.)\1+/g, '$1')
}

/** Case endings (as loose spellings) a name in its dictionary form takes: «МТС» → «МТСом» is not one. */
const LOOSE_ENDINGS = new Set(['a', 'u', 'om', 'im', 'oi', 'e', 'i', 'ih', 'imi', 'uiu', 'aia', 'ovi', 'ov'])
const DIGITS = /^\d+$/
const BANK = 'bank'

/**
 * A text word (loose) names the target word (loose): the same, the same with a case ending («Sberbanka»
 * for «Сбербанк», 4 letters or more), with a number after it («ВТБ24» for «ВТБ», «Теле2»), or a bank's
 * short name («Сбер», «Сбера» for «Сбербанк»; 4 letters or more before «банк»).
 */
export function looseSame(word: string, target: string): boolean {
  if (word === target) return true
  if (word.startsWith(target)) {
    const rest = word.slice(target.length)
    return (target.length >= 4 && LOOSE_ENDINGS.has(rest)) || (target.length >= 3 && DIGITS.test(rest))
  }
  const short = target.length >= BANK.length + 4 && target.endsWith(BANK) ? target.slice(0, -BANK.length) : null
  if (!short || !word.startsWith(short)) return false
  const rest = word.slice(short.length)
  return rest === '' || LOOSE_ENDINGS.has(rest)
}
