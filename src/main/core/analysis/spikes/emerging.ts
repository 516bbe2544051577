import { normalizeText, tokenize } from '../../../../shared/text'
import { stemWord } from '../../../../shared/stem'
import { isEdgeToken } from './stopwords'

export interface EmergingTerm {
  /** The most frequent surface form in the recent documents («ямы», «отключили газ»). */
  term: string
  /** Recent documents containing it. */
  recent: number
  /** Baseline documents containing it. */
  before: number
  /** log2 of the smoothed rate ratio, times log2(1 + recent): rare-before and frequent-now rank first. */
  score: number
}

/** A text, or a text with its author (distinct authors make a theme, one loud author does not). */
export type EmergingDoc = string | { text: string; author: number | string | null }

export interface EmergingOptions {
  /** At most this many terms. */
  limit?: number
  /** A term must occur in at least this many recent documents. */
  minRecent?: number
  /** …by at least this many distinct authors (a document without one counts as its own author). */
  minAuthors?: number
  /** Its document rate must have grown at least this many times. */
  minRatio?: number
  /** Longest phrase counted, in words (1: single words only). */
  maxWords?: number
  /** Count identical texts (reposts, copy-paste) once. */
  dedupe?: boolean
}

const DEFAULTS: Required<EmergingOptions> = {
  limit: 20,
  minRecent: 3,
  minAuthors: 2,
  minRatio: 3,
  maxWords: 3,
  dedupe: true
}
const KAZAKH = /[әғқңөұүһі]/
const KAZAKH_KEY_LENGTH = 5
/** Phrases stop at sentence and clause marks: «дети болеют. Акимат…» holds no phrase «болеют акимат». */
const CLAUSE_BREAK = /[.!?…;:,()[\]{}«»"“”„<>|\n\r\t—–/\\]+|\s-\s/u
/** A lone finite Russian verb («приезжает», «жалуются») is an action, not a theme: only phrases keep it. */
const FINITE_VERB = /(?:ает|яет|еет|ует|ают|яют|еют|уют|ится|ется|ются|ятся|ался|ился|ала|ила|али|или)$/u

/** Two terms whose documents overlap this much (Jaccard) are one theme. */
const TWIN_OVERLAP = 0.7

function overlap(a: Set<number>, b: Set<number>): number {
  let both = 0
  for (const x of a) if (b.has(x)) both++
  return both / (a.size + b.size - both || 1)
}

/** A phrase ending on an adjective has lost its noun («отключили горячую», «садах наурызбайский»). */
const ADJECTIVE_END =
  /(?:(?:ск|цк)(?:ий|ая|ое|ие|ого|ой|ому|им|их|ую)|н(?:ый|ая|ое|ые|ого|ому|ым|ых|ую)|[бвгджзклмнпрстфхцчшщ](?:ую|юю|ая|яя))$/u

/**
 * The grouping key of a word: the Russian stem, or for Kazakh words (no Kazakh stemmer exists)
 * the first letters, which gathers «шұңқыр», «шұңқырлар», «шұңқырға».
 */
export function termKey(token: string): string {
  return KAZAKH.test(token) ? token.slice(0, KAZAKH_KEY_LENGTH) : stemWord(token)
}

interface Counted {
  docs: number
  authors: Set<string>
  forms: Map<string, number>
  /** Which recent documents hold it (recent side only). */
  ids: number[]
}

function docText(d: EmergingDoc): string {
  return typeof d === 'string' ? d : d.text
}

/**
 * Phrases of one text, once each: runs of up to maxWords words inside one clause whose first and last
 * words are content words (isEdgeToken), keyed by their stems, with the words as written.
 */
export function phrasesOf(text: string, maxWords = DEFAULTS.maxWords): Map<string, string> {
  const out = new Map<string, string>()
  for (const clause of text.split(CLAUSE_BREAK)) {
    const words = tokenize(clause)
    const keys = words.map((w) => termKey(w))
    for (let i = 0; i < words.length; i++) {
      if (!isEdgeToken(words[i]!)) continue
      for (let n = 1; n <= maxWords && i + n <= words.length; n++) {
        const last = words[i + n - 1]!
        if (/^\d+$/.test(last)) break
        if (!isEdgeToken(last)) continue
        // Inside a phrase: content words, or «не» (it makes «не вывозят» a complaint); no «на», «без».
        if (n === 3 && !isEdgeToken(words[i + 1]!) && words[i + 1] !== 'не') continue
        if (n === 1 && !KAZAKH.test(last) && FINITE_VERB.test(last) && last.length >= 6) continue
        if (n > 1 && ADJECTIVE_END.test(last)) continue
        const key = keys.slice(i, i + n).join(' ')
        if (!out.has(key)) out.set(key, words.slice(i, i + n).join(' '))
      }
    }
  }
  return out
}

function countTerms(
  docs: EmergingDoc[],
  o: Required<EmergingOptions>,
  keepForms: boolean,
  only?: Set<string>
): { counts: Map<string, Counted>; n: number } {
  const counts = new Map<string, Counted>()
  const seenTexts = new Set<string>()
  let n = 0
  docs.forEach((doc, i) => {
    const text = docText(doc)
    if (o.dedupe) {
      const norm = normalizeText(text).replace(/\s+/g, ' ').trim()
      if (seenTexts.has(norm)) return
      seenTexts.add(norm)
    }
    n++
    const author = typeof doc === 'string' || doc.author === null ? `#${i}` : String(doc.author)
    for (const [key, form] of phrasesOf(text, o.maxWords)) {
      if (only && !only.has(key)) continue
      let c = counts.get(key)
      if (!c) counts.set(key, (c = { docs: 0, authors: new Set(), forms: new Map(), ids: [] }))
      c.docs++
      c.authors.add(author)
      if (keepForms) {
        c.forms.set(form, (c.forms.get(form) ?? 0) + 1)
        c.ids.push(i)
      }
    }
  })
  return { counts, n }
}

/**
 * Words and phrases frequent in the recent documents that were rare before: stemmed n-grams that
 * neither start nor end with a stop or filler word, inside one clause, written in their most frequent
 * form, found in at least minRecent documents by at least minAuthors authors. Rates are document
 * frequencies smoothed by +0.5, so a term absent before is not infinitely new. A term that only
 * appears inside a longer emerging phrase is dropped in favour of the phrase.
 */
export function emergingTerms(
  recentDocs: EmergingDoc[],
  baselineDocs: EmergingDoc[],
  opts: EmergingOptions = {}
): EmergingTerm[] {
  const o = { ...DEFAULTS, ...opts }
  const recent = countTerms(recentDocs, o, true)
  // The baseline only needs the terms that could qualify: far fewer map entries on large samples.
  const candidates = new Set(
    [...recent.counts]
      .filter(([, c]) => c.docs >= o.minRecent && c.authors.size >= o.minAuthors)
      .map(([k]) => k)
  )
  const base = countTerms(baselineDocs, o, false, candidates)
  const before = base.counts
  const nRecent = Math.max(1, recent.n)
  const nBefore = Math.max(1, base.n)
  const found: (EmergingTerm & { key: string; ids: number[] })[] = []
  for (const key of candidates) {
    const c = recent.counts.get(key)!
    const b = before.get(key)?.docs ?? 0
    const ratio = (c.docs + 0.5) / (nRecent + 1) / ((b + 0.5) / (nBefore + 1))
    if (ratio < o.minRatio) continue
    let term = key
    let best = -1
    for (const [form, n] of c.forms) if (n > best || (n === best && form < term)) [term, best] = [form, n]
    found.push({
      key,
      ids: c.ids,
      term,
      recent: c.docs,
      before: b,
      score: Math.round(Math.log2(ratio) * Math.log2(1 + c.docs) * 100) / 100
    })
  }
  // Drop a term whose recent documents are (nearly) all explained by a longer emerging phrase holding it.
  const kept = found.filter(
    (f) =>
      !found.some(
        (g) =>
          g.key.length > f.key.length && ` ${g.key} `.includes(` ${f.key} `) && g.recent >= 0.8 * f.recent
      )
  )
  kept.sort(
    (a, b) =>
      b.score - a.score ||
      b.recent - a.recent ||
      b.key.split(' ').length - a.key.split(' ').length ||
      a.term.localeCompare(b.term)
  )
  // Two overlapping phrases («отключили горячую воду», «горячую воду без…») count nearly the same
  // documents: the list keeps the higher-ranked one.
  const shown: typeof kept = []
  for (const f of kept) {
    const words = new Set(f.key.split(' '))
    const twin = shown.some(
      (g) =>
        g.key.split(' ').some((w) => words.has(w)) && overlap(new Set(g.ids), new Set(f.ids)) >= TWIN_OVERLAP
    )
    if (!twin) shown.push(f)
  }
  return shown
    .slice(0, o.limit)
    .map(({ term, recent: r, before: bf, score }) => ({ term, recent: r, before: bf, score }))
}
