/**
 * Language of one mention: Russian, Kazakh, English or other.
 * Kazakh is told from Russian by its own letters (ә ғ қ ң ө ұ ү һ і) and its function words;
 * a Russian text that merely names «Әкімдік» once stays Russian.
 */
export type Lang = 'ru' | 'kk' | 'en' | 'other'

import { isPlainKazakhForm } from '../../../../shared/stem-kk'

/**
 * Kazakh forms with no Kazakh-only letter that no Russian word ends with: negative verbs of the back
 * harmony (алмайды, бармадым, алмаймын; the front forms have і) and plural + case chains
 * (жолдарды, src/shared/stem-kk.ts).
 */
const PLAIN_KK_VERB = /(?:ма|ба|па)(?:йды|ймын|ймыз|дым|дық)$/
export function isPlainKazakhWord(w: string): boolean {
  return (w.length >= 6 && PLAIN_KK_VERB.test(w)) || isPlainKazakhForm(w)
}

const KK_LETTER = /[әғқңөұүһі]/
const CYRILLIC = /[а-яё]/
const LATIN = /[a-z]/

/** Kazakh words written without Kazakh-only letters (or common enough to be strong evidence). */
const KK_WORDS = new Set([
  'мен',
  'бен',
  'пен',
  'және',
  'бұл',
  'осы',
  'сол',
  'деп',
  'деді',
  'үшін',
  'емес',
  'жоқ',
  'бар',
  'бойынша',
  'туралы',
  'арқылы',
  'кейін',
  'бірақ',
  'өте',
  'енді',
  'тағы',
  'биыл',
  'жыл',
  'жылы',
  'қала',
  'қаласы',
  'әкім',
  'әкімдік',
  'әкімдігі',
  'халық',
  'жол',
  'жолдар',
  'жолдарды',
  'болды',
  'болып',
  'екен',
  'еді',
  'ма',
  'ме',
  'ба',
  'бе',
  'па',
  'пе',
  'ғой',
  'қой',
  'та',
  'те',
  'ол',
  'олар',
  'біз',
  'сіз',
  'саған',
  'маған',
  'керек',
  'жаман',
  'жақсы',
  'рахмет',
  'керемет',
  'нашар',
  // review words with no Kazakh-only letter, and Kazakh typed on a Russian keyboard (ә→а, қ→к, ұ→у, і→и…)
  'тамаша',
  'сапалы',
  'сапасыз',
  'сапасы',
  'жылдам',
  'сыпайы',
  'арзан',
  'баяу',
  'ұсынамын',
  'жаксы',
  'жане',
  'бирак',
  'оте',
  'жок',
  'унады',
  'унайды',
  'унамады',
  'кымбат',
  'ракмет',
  'усынамын',
  'бари',
  'барлыгы',
  'ушин',
  'маган',
  'сиз',
  'биз',
  'кандай',
  'калай',
  'дукен',
  'тамак',
  'кызмет',
  'жатыр',
  'жатырмын',
  'жатырмыз',
  'келди',
  'берди'
])
const RU_WORDS = new Set([
  'и',
  'в',
  'во',
  'на',
  'не',
  'что',
  'по',
  'с',
  'со',
  'для',
  'это',
  'как',
  'от',
  'из',
  'за',
  'к',
  'у',
  'о',
  'а',
  'но',
  'же',
  'бы',
  'ли',
  'уже',
  'или',
  'который',
  'которые',
  'его',
  'ее',
  'их',
  'он',
  'она',
  'они',
  'мы',
  'вы',
  'был',
  'была',
  'были',
  'будет',
  'так',
  'при',
  'до',
  'после',
  'все',
  'всё',
  'этот',
  'эта'
])
const EN_WORDS = new Set([
  'the',
  'and',
  'of',
  'to',
  'is',
  'are',
  'was',
  'in',
  'for',
  'on',
  'with',
  'that',
  'this',
  'it',
  'not',
  'be',
  'by',
  'at',
  'from',
  'city',
  'have',
  'has'
])

export function detectLanguage(text: string): Lang {
  return languageOfWords(text.toLowerCase().match(/[\p{L}]+/gu) ?? [])
}

const KK = 1
const CYR = 2
const LAT = 4
const KK_FN = 8
const RU_FN = 16
const EN_FN = 32
/** What one lower-case word says about the language, as bits (kept: the same words recur). */
const bitsCache = new Map<string, number>()
function wordBits(w: string): number {
  let b = bitsCache.get(w)
  if (b !== undefined) return b
  b = 0
  if (KK_LETTER.test(w)) b = KK | CYR | (KK_WORDS.has(w) ? KK_FN : 0)
  else if (CYRILLIC.test(w))
    b = CYR | (KK_WORDS.has(w) || isPlainKazakhWord(w) ? KK_FN : RU_WORDS.has(w) ? RU_FN : 0)
  else if (LATIN.test(w)) b = LAT | (EN_WORDS.has(w) ? EN_FN : 0)
  if (bitsCache.size >= 200_000) bitsCache.clear()
  bitsCache.set(w, b)
  return b
}

/**
 * The language of a text from its lower-case words (the sentiment analysis passes the words it has
 * already tokenised; detectLanguage splits the text itself).
 */
export function languageOfWords(
  words: readonly (string | { norm: string; form?: { lang?: number } })[]
): Lang {
  if (words.length === 0) return 'other'
  let kkLetter = 0
  let kkWord = 0
  let ruWord = 0
  let cyr = 0
  let lat = 0
  let enWord = 0
  for (const w of words) {
    let b: number
    if (typeof w === 'string') b = wordBits(w)
    else if (w.form) b = w.form.lang ??= wordBits(w.norm)
    else b = wordBits(w.norm)
    if (b & KK) kkLetter++
    if (b & CYR) cyr++
    if (b & LAT) lat++
    if (b & KK_FN) kkWord++
    if (b & RU_FN) ruWord++
    if (b & EN_FN) enWord++
  }
  if (cyr === 0) {
    if (lat > 0 && (enWord > 0 || lat >= 3)) return 'en'
    return lat > 0 ? 'en' : 'other'
  }
  if (lat > cyr * 2 && enWord > 0) return 'en'
  // Kazakh evidence: words with Kazakh letters count fully, Kazakh function words too;
  // Russian function words vote the other way. A lone Kazakh name in Russian prose stays 'ru'.
  const kk = kkLetter + kkWord
  if (kk === 0) return 'ru'
  if (kk >= 2 && kk >= ruWord) return 'kk'
  if (kk / cyr >= 0.34 && kk > ruWord / 2) return 'kk'
  return 'ru'
}
