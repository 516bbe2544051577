import { normalizeText, tokenize } from '../../../../shared/text'
import { stemWord } from '../../../../shared/stem'
import { isContentToken } from './stopwords'

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

export interface EmergingOptions {
  /** At most this many terms. */
  limit?: number
  /** A term must occur in at least this many recent documents. */
  minRecent?: number
  /** Its document rate must have grown at least this many times. */
  minRatio?: number
  /** Count word pairs as well as words. */
  bigrams?: boolean
  /** Count identical texts (reposts, copy-paste) once. */
  dedupe?: boolean
}

const DEFAULTS: Required<EmergingOptions> = {
  limit: 20,
  minRecent: 3,
  minRatio: 3,
  bigrams: true,
  dedupe: true
}
const KAZAKH = /[әғқңөұүһі]/
const KAZAKH_KEY_LENGTH = 5

/**
 * The grouping key of a word: the Russian stem, or for Kazakh words (no Kazakh stemmer exists)
 * the first letters, which gathers «шұңқыр», «шұңқырлар», «шұңқырға».
 */
export function termKey(token: string): string {
  return KAZAKH.test(token) ? token.slice(0, KAZAKH_KEY_LENGTH) : stemWord(token)
}

interface Counted {
  docs: number
  forms: Map<string, number>
}

/** Per document, once per term: words and adjacent word pairs that are not stop words. */
function countTerms(
  docs: string[],
  o: Required<EmergingOptions>,
  keepForms: boolean,
  only?: Set<string>
): Map<string, Counted> {
  const counts = new Map<string, Counted>()
  const seenTexts = new Set<string>()
  for (const doc of docs) {
    if (o.dedupe) {
      const norm = normalizeText(doc).replace(/\s+/g, ' ').trim()
      if (seenTexts.has(norm)) continue
      seenTexts.add(norm)
    }
    const tokens = tokenize(doc)
    const inDoc = new Map<string, string>()
    let prev: { key: string; form: string } | null = null
    for (const tok of tokens) {
      if (!isContentToken(tok) || tok.length < 3) {
        prev = null
        continue
      }
      const cur = { key: termKey(tok), form: tok }
      if (!inDoc.has(cur.key) && (!only || only.has(cur.key))) inDoc.set(cur.key, cur.form)
      if (o.bigrams && prev) {
        const key = `${prev.key} ${cur.key}`
        if (!inDoc.has(key) && (!only || only.has(key)))
          inDoc.set(key, keepForms ? `${prev.form} ${cur.form}` : '')
      }
      prev = cur
    }
    for (const [key, form] of inDoc) {
      let c = counts.get(key)
      if (!c) counts.set(key, (c = { docs: 0, forms: new Map() }))
      c.docs++
      if (keepForms) c.forms.set(form, (c.forms.get(form) ?? 0) + 1)
    }
  }
  return counts
}

/**
 * Words and word pairs frequent in the recent documents that were rare before.
 * Rates are document frequencies smoothed by +0.5, so a term absent before is not infinitely new.
 * A word that only appears inside an emerging pair is dropped in favour of the pair.
 */
export function emergingTerms(
  recentDocs: string[],
  baselineDocs: string[],
  opts: EmergingOptions = {}
): EmergingTerm[] {
  const o = { ...DEFAULTS, ...opts }
  const recent = countTerms(recentDocs, o, true)
  // The baseline only needs the terms that could qualify: far fewer map entries on large samples.
  const candidates = new Set([...recent].filter(([, c]) => c.docs >= o.minRecent).map(([k]) => k))
  const before = countTerms(baselineDocs, o, false, candidates)
  const nRecent = Math.max(
    1,
    o.dedupe
      ? new Set(recentDocs.map((d) => normalizeText(d).replace(/\s+/g, ' ').trim())).size
      : recentDocs.length
  )
  const nBefore = Math.max(1, baselineDocs.length)
  const found: (EmergingTerm & { key: string })[] = []
  for (const [key, c] of recent) {
    if (c.docs < o.minRecent) continue
    const b = before.get(key)?.docs ?? 0
    const ratio = (c.docs + 0.5) / (nRecent + 1) / ((b + 0.5) / (nBefore + 1))
    if (ratio < o.minRatio) continue
    let term = key
    let best = -1
    for (const [form, n] of c.forms) if (n > best || (n === best && form < term)) [term, best] = [form, n]
    found.push({
      key,
      term,
      recent: c.docs,
      before: b,
      score: Math.round(Math.log2(ratio) * Math.log2(1 + c.docs) * 100) / 100
    })
  }
  // Drop a word whose recent documents are (nearly) all explained by an emerging pair with it.
  const pairs = found.filter((f) => f.key.includes(' '))
  const kept = found.filter(
    (f) =>
      f.key.includes(' ') ||
      !pairs.some((p) => p.key.split(' ').includes(f.key) && p.recent >= 0.8 * f.recent)
  )
  kept.sort((a, b) => b.score - a.score || b.recent - a.recent || a.term.localeCompare(b.term))
  return kept
    .slice(0, o.limit)
    .map(({ term, recent: r, before: bf, score }) => ({ term, recent: r, before: bf, score }))
}
