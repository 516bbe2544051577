import { stemWord } from '../stem'

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
 * Only pure Russian letters: Kazakh is searched with wildcards.
 */
export function wordStems(token: string): string[] {
  const base = stemWord(token)
  const out = new Set([base])
  if (!/^[а-я]+$/.test(token)) return [...out]
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
