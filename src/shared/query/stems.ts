import { stemWord } from '../stem'
import { isPlainKazakhForm, KAZAKH_LETTER } from '../stem-kk'

export { stemWord }

const CYRILLIC = /[а-яәғқңөұүһі]/

/**
 * Whether stemWord changes words like this one: Cyrillic words longer than 3 letters
 * (mirrors the rule in src/shared/stem.ts). Used inside NEAR groups that also hold phrases
 * or wildcards: those run on the unstemmed columns, where a plain word becomes `stem*`.
 */
export function isStemmed(token: string): boolean {
  return CYRILLIC.test(token) && token.length > 3
}

/**
 * The prefix a word's forms share in the unstemmed columns (inside a NEAR beside a wildcard), or null
 * when the word is matched as it is (short or Latin words): its stem, less a final п/к/қ/ғ for Kazakh
 * words, whose roots voice it before a vowel (әкімдік → әкімдігі, кітап → кітабы).
 * formsPrefix('власти') === 'власт'   formsPrefix('әкімдік') === 'әкімді'
 */
export function formsPrefix(token: string): string | null {
  if (!isStemmed(token)) return null
  const s = stemWord(token)
  const kazakh = KAZAKH_LETTER.test(token) || isPlainKazakhForm(token)
  return kazakh && s.length > 3 && /[пкқғ]$/.test(s) ? s.slice(0, -1) : s
}

/** Russian noun endings, longest first, used to rebuild the forms of a word the user typed. */
const ENDINGS = [
  'ами',
  'ями',
  'ой',
  'ей',
  'ом',
  'ем',
  'ам',
  'ям',
  'ах',
  'ях',
  'ов',
  'ев',
  'ию',
  'ия',
  'ии',
  'ью',
  'а',
  'я',
  'о',
  'е',
  'ы',
  'и',
  'у',
  'ю',
  'ь',
  'й'
]
const VOWEL_END = /[аеиоуыэюяьй]$/
const VOWEL = /[аеиоуыэюя]/

/**
 * The stems a plain query word must match in the stem columns. One Snowball stem is not enough:
 * «аким» stems to «ак» but «акиму» to «аким», and words of up to 3 letters are not stemmed at all,
 * so «яма» must also find «яму», «яме» and «ямы» (stem «ям»). We stem the word's common noun forms
 * and keep those stems that are not shorter than the word's own stem (or its bare root for short
 * words), which adds the forms without drifting to shorter, unrelated stems (дорога → «дор»).
 * Kazakh words (a Kazakh-only letter, or a Kazakh plural + case chain) have one stem: their suffixes are
 * stripped by rule (src/shared/stem-kk.ts), so every form already stems alike.
 */
export function wordStems(token: string): string[] {
  const base = stemWord(token)
  const out = new Set([base])
  if (!/^[а-я]+$/.test(token) || isPlainKazakhForm(token)) return [...out]
  let root = token
  if (VOWEL_END.test(token)) {
    const ending = ENDINGS.find((e) => token.endsWith(e) && token.length - e.length >= 2)
    if (!ending) return [...out]
    root = token.slice(0, -ending.length)
  }
  if (!VOWEL.test(root)) return [...out]
  const minLength = Math.min(base.length, root.length)
  for (const e of ['', ...ENDINGS]) {
    const s = stemWord(root + e)
    if (s.length >= minLength && s.startsWith(root.slice(0, minLength))) out.add(s)
  }
  return [...out]
}

/** At most this many stem combinations for a phrase; beyond it each word keeps its own stem only. */
export const MAX_PHRASE_VARIANTS = 8

/**
 * The stems each word of a phrase (or a hyphenated word) may take, position by position, so that
 * "горячая вода" finds «горячей воды» like the single words do. One word keeps all its wordStems;
 * several words take all of theirs while the combinations stay within MAX_PHRASE_VARIANTS.
 * phraseStems(['аким', 'города']) → [['ак', 'аким'], ['город']]
 */
export function phraseStems(tokens: string[]): string[][] {
  const sets = tokens.map(wordStems)
  if (tokens.length === 1) return sets
  const n = sets.reduce((p, x) => p * x.length, 1)
  return n <= MAX_PHRASE_VARIANTS ? sets : tokens.map((t) => [stemWord(t)])
}
