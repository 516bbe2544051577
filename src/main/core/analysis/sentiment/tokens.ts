import { normalizeText } from '../../../../shared/text'
import { stemWord } from '../../../../shared/stem'
import { looseSame, looseSpelling } from './spelling'

/**
 * Word tokens with their place in the original text (for explanations) and the punctuation that
 * matters for sentiment scope: quotes, clause breaks, ! and ?.
 * Words split where src/shared/text.ts tokenize() splits.
 */
export interface Token {
  /** 'w' a word; otherwise the punctuation class: quote, clause break, sentence end, ! ? */
  kind: 'w' | 'q' | ',' | '.' | '!' | '?' | ':'
  norm: string
  stem: string
  start: number
  end: number
  /** index among words only (-1 for punctuation) */
  wi: number
  /** inside «...» or "..." */
  quoted: boolean
  /** starts with a capital letter (a name, or a sentence start) */
  cap: boolean
  /**
   * Words only: what is known about this written form across texts (shared by every occurrence),
   * where the pattern sets keep their candidates for it (see PatternSet).
   */
  form?: WordForm
}

/** One written form of a word, analysed once and shared by all its occurrences (bounded cache). */
export interface WordForm {
  norm: string
  stem: string
  /** the form as written starts with a capital letter */
  cap: boolean
  /** letters stretched for emphasis were written once in norm («ужааас»: see collapseElongation) */
  stretched: boolean
  /** per pattern set (by its number): the candidate lists for this form */
  slots: unknown[]
  /** the key findTarget matches on (matchKey), once computed */
  key?: string
  /** the loose spelling findTarget falls back on (spelling.ts), once computed */
  loose?: string
  /** language bits (language.ts), once computed */
  lang?: number
  /** a Kazakh negative verb form (lexicon.ts), once computed */
  kkNeg?: boolean
  /** the stem's unigram hash and bigram prefix state (features.ts), once computed */
  uHash?: number
  bState?: number
}

const KK_LETTER = /[әғқңөұүһі]/
const CAPITAL = /^\p{Lu}/u
/** The tokens, as a regular expression (the scanner below finds the same, faster; a test holds them equal). */
export const TOKEN_RE = /[\p{L}\p{N}\p{M}]+|[«»“”„"]|[,;—–]|\.\.\.|[.…]|!+|\?+|:/gu

const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u
/** per BMP code unit: 0 not known yet, 1 a letter, digit or mark, 2 not */
const wordUnit = new Uint8Array(65536)
function isWordUnit(c: number): boolean {
  let k = wordUnit[c]!
  if (k === 0) wordUnit[c] = k = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2
  return k === 1
}

/** Length (0, 1 or 2 code units) of the letter, digit or mark at i; astral ones are surrogate pairs. */
function wordCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i)
  if (c < 0xd800 || c > 0xdfff) return isWordUnit(c) ? 1 : 0
  if (c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1)
    if (d >= 0xdc00 && d <= 0xdfff) return WORD_CHAR.test(text.slice(i, i + 2)) ? 2 : 0
  }
  return 0
}

/** End of the token that starts at i (TOKEN_RE's match there), or -1 when none starts there. */
export function tokenEnd(text: string, i: number): number {
  let n = wordCharAt(text, i)
  if (n > 0) {
    let j = i + n
    while (j < text.length && (n = wordCharAt(text, j)) > 0) j += n
    return j
  }
  switch (text.charCodeAt(i)) {
    case 0xab: // «
    case 0xbb: // »
    case 0x201c: // “
    case 0x201d: // ”
    case 0x201e: // „
    case 0x22: // "
    case 0x2c: // ,
    case 0x3b: // ;
    case 0x2014: // —
    case 0x2013: // –
    case 0x2026: // …
    case 0x3a: // :
      return i + 1
    case 0x2e: // .
      return text.startsWith('...', i) ? i + 3 : i + 1
    case 0x21: // !
    case 0x3f: {
      // ? and ! runs
      const ch = text.charCodeAt(i)
      let j = i + 1
      while (j < text.length && text.charCodeAt(j) === ch) j++
      return j
    }
    default:
      return -1
  }
}

/** Kazakh has no stemmer here: a fixed-length prefix stands in for its stem (agglutinative suffixes follow). */
export function kazakhStem(w: string): string {
  return w.length > 6 ? w.slice(0, 6) : w
}

export function stemOf(norm: string): string {
  return KK_LETTER.test(norm) ? kazakhStem(norm) : stemWord(norm)
}

/**
 * Social-post normalisation (posts and comments, not news): letters stretched for emphasis are
 * written once («ужааас» → «ужас», «спасибоооо» → «спасибо»), and links and the «RT @user:» prefix of
 * a repost are not words. Switchable for bench/sentiment-social.ts (measured with and without).
 */
export const SOCIAL = { on: true }

/** Turns social-post normalisation on or off (the word cache holds normalised forms, so it is emptied). */
export function setSocialNormalisation(on: boolean): void {
  SOCIAL.on = on
  wordCache.clear()
}

const CYR_VOWELS = 'аеиоуыэюяё'
/**
 * A Cyrillic letter stretched for emphasis, written once: a vowel three or more times in a row, a
 * consonant four or more («ужааас» → «ужас», «спасибоооо» → «спасибо», «классссно» → «класно»). Russian
 * spelling never triples a vowel; three consonants stay («ссср»), and Latin letters stay («XIII»).
 */
export function collapseElongation(norm: string): string {
  let run = 1
  for (let i = 1; i < norm.length; i++) {
    const c = norm.charCodeAt(i)
    run = c === norm.charCodeAt(i - 1) ? run + 1 : 1
    if (run >= 3 && c >= 0x430 && c <= 0x44f && (run >= 4 || CYR_VOWELS.includes(norm[i]!)))
      return norm.replace(STRETCHED, (m, ch: string) => (CYR_VOWELS.includes(ch) || m.length >= 4 ? ch : m))
  }
  return norm
}
const STRETCHED = /([а-я])\1{2,}/g

/** The normal form of a word as written (social-post normalisation included when on). */
function normWord(raw: string): string {
  return SOCIAL.on ? collapseElongation(normalizeText(raw)) : normalizeText(raw)
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0

/**
 * End of the noise that starts at i, or -1: a link (http://, https://, www.) up to the next space,
 * and a repost's «RT @user:» (or «RT @user») at a word start.
 */
export function noiseEnd(text: string, i: number): number {
  const c = text.charCodeAt(i)
  if (c !== 0x68 && c !== 0x77 && c !== 0x52) return -1 // h, w, R
  if (i > 0 && !isSpace(text.charCodeAt(i - 1)) && text.charCodeAt(i - 1) !== 0x28) return -1
  let j = -1
  if (c === 0x52) {
    if (text.charCodeAt(i + 1) !== 0x54 || !isSpace(text.charCodeAt(i + 2))) return -1 // «RT »
    j = i + 2
    while (isSpace(text.charCodeAt(j))) j++
    if (text.charCodeAt(j) !== 0x40) return -1 // @
  } else if (text.startsWith('http://', i) || text.startsWith('https://', i) || text.startsWith('www.', i))
    j = i
  else return -1
  while (j < text.length && !isSpace(text.charCodeAt(j))) j++
  return j
}

/** normal form and stem of a word as written, kept across texts (bounded) */
const wordCache = new Map<string, WordForm>()
function formOf(raw: string): WordForm {
  let r = wordCache.get(raw)
  if (r) return r
  const plain = normalizeText(raw)
  const norm = SOCIAL.on ? collapseElongation(plain) : plain
  r = { norm, stem: stemOf(norm), cap: CAPITAL.test(raw), stretched: norm !== plain, slots: [] }
  if (wordCache.size >= 200_000) wordCache.clear()
  wordCache.set(raw, r)
  return r
}

const QUOTES = '«»“”„"'
const BREAKS = ',;—–'

export function tokenizeWithOffsets(text: string): Token[] {
  const out: Token[] = []
  let wi = 0
  let quoteDepth = 0
  let straightOpen = false
  for (let pos = 0; pos < text.length;) {
    if (SOCIAL.on) {
      const skip = noiseEnd(text, pos)
      if (skip > pos) {
        pos = skip
        continue
      }
    }
    const start = pos
    const end = tokenEnd(text, start)
    if (end < 0) {
      pos++
      continue
    }
    pos = end
    const raw = text.slice(start, end)
    const ch = raw[0] ?? ''
    let kind: Token['kind'] = 'w'
    if (wordCharAt(raw, 0) > 0) kind = 'w'
    else if (QUOTES.includes(ch)) kind = 'q'
    else if (BREAKS.includes(ch)) kind = ','
    else if (ch === '.' || ch === '…') kind = '.'
    else if (ch === '!') kind = '!'
    else if (ch === '?') kind = '?'
    else if (ch === ':') kind = ':'
    if (kind === 'q') {
      // « and „ open, » and “/” close (Russian typography); a straight " toggles.
      if (ch === '«' || ch === '„') quoteDepth++
      else if (ch === '»' || ch === '“' || ch === '”') quoteDepth = Math.max(0, quoteDepth - 1)
      else straightOpen = !straightOpen
      out.push({
        kind,
        norm: ch,
        stem: ch,
        start,
        end: start + raw.length,
        wi: -1,
        quoted: false,
        cap: false
      })
      continue
    }
    const quoted = quoteDepth > 0 || straightOpen
    if (kind !== 'w') {
      out.push({ kind, norm: raw, stem: raw, start, end: start + raw.length, wi: -1, quoted, cap: false })
      continue
    }
    const form = formOf(raw)
    out.push({
      kind,
      norm: form.norm,
      stem: form.stem,
      start,
      end: start + raw.length,
      wi: wi++,
      quoted,
      cap: form.cap,
      form
    })
  }
  return out
}

/** Key that matches inflected forms of one word: its stem, or its first 5 letters for long Kazakh words. */
function matchKey(t: { norm: string; stem: string; form?: WordForm }): string {
  if (t.form?.key !== undefined) return t.form.key
  const key = KK_LETTER.test(t.norm) && t.norm.length >= 5 ? t.norm.slice(0, 5) : t.stem
  if (t.form) t.form.key = key
  return key
}

/** A target's words: match keys, the words as written (see inflects), and their loose spellings. */
interface TargetKeys {
  keys: string[]
  norms: string[]
  loose: string[]
  /** the words written together («Банк Москвы» → «#банкмосквы»), loose; null for one word */
  joined: string | null
}

/** Match keys of a target's words (kept: a workspace asks about the same few targets). */
const targetKeys = new Map<string, TargetKeys | null>()
function keysOfTarget(target: string): TargetKeys | null {
  let keys = targetKeys.get(target)
  if (keys !== undefined) return keys
  const tt = target.match(/[\p{L}\p{N}\p{M}]+/gu)
  const norms = tt ? tt.map(normWord) : []
  keys =
    norms.length > 0
      ? {
          keys: norms.map((norm) => matchKey({ norm, stem: stemOf(norm) })),
          norms,
          loose: norms.map(looseSpelling),
          joined: norms.length > 1 ? looseSpelling(norms.join('')) : null
        }
      : null
  if (targetKeys.size >= 10_000) targetKeys.clear()
  targetKeys.set(target, keys)
  return keys
}

/**
 * Case endings a name in its dictionary form takes: a target «Иванов» (stem «иван») is «Иванова»,
 * «Ивановым» (stem «иванов») in the text.
 */
const NAME_ENDINGS = new Set(['а', 'у', 'ом', 'ым', 'ой', 'е', 'ы', 'ых', 'ыми', 'ую', 'ая'])

/** The text word is the target word (4 letters or more, as given) with a case ending added. */
function inflects(word: string, targetWord: string): boolean {
  return (
    targetWord.length >= 4 &&
    word.length > targetWord.length &&
    word.length <= targetWord.length + 3 &&
    word.startsWith(targetWord) &&
    NAME_ENDINGS.has(word.slice(targetWord.length))
  )
}

const WEAK = new Set(['и', 'в', 'на', 'по', 'с', 'де', 'ла', 'фон', 'ван', 'дер', 'the', 'of', 'бен', 'мен'])

/**
 * Spelling-tolerant matching when the exact one finds nothing (spelling.ts): Latin for Cyrillic and back,
 * a number after a name, a bank's short name, the target's words written together or apart. Switchable for
 * bench/sentiment-target-spelling.ts (measured with and without).
 */
export const TARGET_SPELLING = { on: true }

function looseOf(t: Token): string {
  if (t.form?.loose !== undefined) return t.form.loose
  const loose = looseSpelling(t.norm)
  if (t.form) t.form.loose = loose
  return loose
}

/** Where the target occurs, and whether only its loose spelling found it (the text spells it otherwise). */
export interface TargetMatch {
  spans: Array<[number, number]>
  loose: boolean
}

/**
 * Word-index spans [from, to) where the target occurs: the whole phrase where possible, then the same
 * spelt loosely (TARGET_SPELLING), else its content words one by one (a city's «акимат Алматы» is
 * often written «акимат»).
 */
export function findTarget(words: Token[], target: string | null | undefined): Array<[number, number]> {
  return matchTarget(words, target).spans
}

export function matchTarget(words: Token[], target: string | null | undefined): TargetMatch {
  const none: TargetMatch = { spans: [], loose: false }
  if (!target) return none
  const tk = keysOfTarget(target)
  if (!tk) return none
  const { keys, norms } = tk
  const wk = words.map(matchKey)
  const exact = (i: number, j: number) => wk[i] === keys[j] || inflects(words[i]!.norm, norms[j]!)
  const loose = (i: number, j: number) => exact(i, j) || looseSame(looseOf(words[i]!), tk.loose[j]!)
  const phrase = (same: (i: number, j: number) => boolean) => {
    const spans: Array<[number, number]> = []
    for (let i = 0; i + keys.length <= wk.length; i++) {
      let ok = true
      for (let j = 0; j < keys.length && ok; j++) ok = same(i + j, j)
      if (ok) spans.push([i, i + keys.length])
    }
    return spans
  }
  let spans = phrase(exact)
  if (spans.length > 0 || (keys.length === 1 && !TARGET_SPELLING.on)) return { spans, loose: false }
  if (TARGET_SPELLING.on) {
    spans = phrase(loose)
    if (spans.length === 0) spans = joinedSpans(words, tk)
    if (spans.length > 0 || keys.length === 1) return { spans, loose: spans.length > 0 }
  }
  const content = keys.map((k, j) => (k.length >= 3 && !WEAK.has(k) ? j : -1)).filter((j) => j >= 0)
  for (let i = 0; i < wk.length; i++) if (content.some((j) => exact(i, j))) spans.push([i, i + 1])
  if (spans.length > 0 || !TARGET_SPELLING.on) return { spans, loose: false }
  for (let i = 0; i < wk.length; i++) if (content.some((j) => loose(i, j))) spans.push([i, i + 1])
  return { spans, loose: spans.length > 0 }
}

/** The stems of a target's words as given (features of a target its text spells otherwise). */
export function targetStems(target: string): string[] {
  return keysOfTarget(target)?.norms.map(stemOf) ?? []
}

/** The target's words written as one («#банкмосквы», «Альфабанк»), or a one-word target written apart («Альфа Банк»). */
function joinedSpans(words: Token[], tk: TargetKeys): Array<[number, number]> {
  const spans: Array<[number, number]> = []
  if (tk.joined !== null) {
    const joined = tk.joined
    for (let i = 0; i < words.length; i++) if (looseSame(looseOf(words[i]!), joined)) spans.push([i, i + 1])
  } else if (tk.loose[0]!.length >= 6) {
    const one = tk.loose[0]!
    for (let i = 0; i + 1 < words.length; i++) {
      const a = looseOf(words[i]!)
      if (a.length >= 2 && one.startsWith(a) && looseSame(looseSpelling(words[i]!.norm + words[i + 1]!.norm), one))
        spans.push([i, i + 2])
    }
  }
  return spans
}
