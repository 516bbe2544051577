import { KAZAKH_LETTER } from '../stem-kk'
import type { QueryNode, TermNode } from './ast'
import { parseQuery } from './parser'
import { stemWord, wordStems } from './stems'

/** A query the workspace already defines: a monitoring subject or a problem topic. */
export interface KnownQuery {
  name: string
  query: string | null
}

/** One hint: the word typed at [start, end) has these other-language forms in `source`. */
export interface BilingualHint {
  /** The word as typed, e.g. «акимат». */
  term: string
  start: number
  end: number
  /** Other-language terms in query syntax, closest first, e.g. ['әкімдік*', 'әкім*']. */
  alternatives: string[]
  /** Name of the subject or topic they come from. */
  source: string
}

type Lang = 'ru' | 'kk'

/** Kazakh letters written the Russian way, to compare «акимат» with «әкімдік». */
const TO_RUSSIAN: Record<string, string> = {
  ә: 'а',
  ғ: 'г',
  қ: 'к',
  ң: 'н',
  ө: 'о',
  ұ: 'у',
  ү: 'у',
  һ: 'х',
  і: 'и'
}

function translit(s: string): string {
  return s.replace(/[әғқңөұүһі]/g, (c) => TO_RUSSIAN[c] ?? c)
}

function sharedStart(x: string, y: string): number {
  let n = 0
  while (n < x.length && n < y.length && x[n] === y[n]) n++
  return n
}

/** 0..1: the shared start of two words written in one alphabet, over the shorter one. */
function likeness(a: string, b: string): number {
  const x = translit(a)
  const y = translit(b)
  return sharedStart(x, y) / Math.max(1, Math.min(x.length, y.length))
}

/**
 * Words spelt alike letter for letter are one language's forms, whatever letters they use: «зейнеткер»
 * (no Kazakh-only letter) is no Russian form of «зейнетақы».
 */
function sameSpelling(a: string, b: string): boolean {
  return sharedStart(a, b) >= 4
}

/**
 * An institution noun: Russian -ат (акимат, секретариат), Kazakh -лық/-лік/-дық/-дік/-тық/-тік
 * (әкімдік). «акимат» pairs with «әкімдік», «аким» with «әкім», though «аким» looks closer to «акимат».
 */
function isInstitution(stem: string, lang: Lang): boolean {
  return lang === 'ru' ? /[ая]т$/.test(stem) : /[лдт][ыі]қ$|[лдт]ік$/.test(stem)
}

/** How well a known term answers a typed word of the other language: look-alike, same kind of noun. */
function pairScore(typed: string, typedLang: Lang, term: TermNode, termLang: Lang): number {
  const tok = term.tokens[0] as string
  const a = stemWord(typed)
  const b = term.kind === 'prefix' ? tok : stemWord(tok)
  const same = isInstitution(a, typedLang) === isInstitution(b, termLang)
  return likeness(typed, tok) + (same ? 1 : 0)
}

function langOf(t: TermNode): Lang | null {
  const text = t.tokens.join(' ')
  if (KAZAKH_LETTER.test(text)) return 'kk'
  return /[а-я]/.test(text) ? 'ru' : null
}

/** A term back in query syntax. */
function render(t: TermNode): string {
  const words = t.tokens.join(' ')
  if (t.kind === 'phrase' || t.tokens.length > 1) return `"${words}"`
  return t.kind === 'prefix' ? words + '*' : words
}

/** OR groups of plain terms (each group: alternatives of one another), from every level of a query. */
function orGroups(node: QueryNode, out: TermNode[][]): void {
  if (node.type === 'or') {
    const terms = node.children.filter((c): c is TermNode => c.type === 'term')
    if (terms.length > 1) out.push(terms)
    for (const c of node.children) if (c.type !== 'term') orGroups(c, out)
  } else if (node.type === 'and') {
    for (const c of node.children) orGroups(c, out)
  } else if (node.type === 'near') {
    for (const op of node.operands) if (op.length > 1) out.push(op)
  }
}

/** Whether a known term covers a typed word: same stems, or the word starts with the term's wildcard prefix. */
function covers(t: TermNode, word: string): boolean {
  if (t.tokens.length !== 1) return false
  const tok = t.tokens[0] as string
  if (t.kind === 'prefix') return word.startsWith(tok)
  const stems = new Set(wordStems(tok))
  return wordStems(word).some((s) => stems.has(s))
}

/** The single-word terms the user typed, with where they are in the text. */
function typedWords(query: string): { word: string; start: number; end: number; node: TermNode }[] {
  let root: QueryNode
  try {
    root = parseQuery(query)
  } catch {
    return []
  }
  const out: { word: string; start: number; end: number; node: TermNode }[] = []
  const walk = (n: QueryNode): void => {
    if (n.type === 'term') {
      if (n.kind !== 'phrase' && n.tokens.length === 1) {
        let end = n.pos
        while (end < query.length && !/[\s()"«»“”„]/u.test(query[end] as string)) end++
        out.push({ word: n.tokens[0] as string, start: n.pos, end, node: n })
      }
    } else if (n.type === 'and' || n.type === 'or') n.children.forEach(walk)
    else if (n.type === 'near') n.operands.flat().forEach(walk)
  }
  walk(root)
  return out
}

/** Groups bigger than this are topic rule lists: there only look-alike words are offered. */
const SMALL_GROUP = 6
const MIN_LIKENESS = 0.6

/**
 * For the words of a query, the other language's forms that the workspace's own subjects and topics put
 * beside them: with a subject «акимат OR аким OR әкімдік* OR әкім*», typing «акимат» suggests
 * «әкімдік*» (closest first, then «әкім*»), and «әкімдігі» suggests «акимат». Words the query already
 * ORs with one of those forms get no hint. In long topic rule lists only look-alikes count (аялдама is
 * not offered for «автобус»). Pure: the renderer passes the lists it has loaded.
 */
export function bilingualHints(query: string, known: KnownQuery[], limit = 3): BilingualHint[] {
  const typed = typedWords(query)
  if (typed.length === 0) return []
  const groups: { source: string; terms: TermNode[] }[] = []
  for (const k of known) {
    if (!k.query) continue
    try {
      const found: TermNode[][] = []
      orGroups(parseQuery(k.query), found)
      for (const g of found) groups.push({ source: k.name, terms: g })
    } catch {
      // A saved query with an error offers nothing until it is fixed.
    }
  }
  const typedAll = typed.map((t) => t.word)
  const hints: BilingualHint[] = []
  for (const t of typed) {
    const lang = langOf(t.node)
    if (!lang) continue
    const seen = new Set<string>()
    const ranked: { text: string; score: number; source: string }[] = []
    for (const g of groups) {
      if (!g.terms.some((x) => langOf(x) === lang && covers(x, t.word))) continue
      const other: Lang = lang === 'ru' ? 'kk' : 'ru'
      for (const x of g.terms) {
        if (langOf(x) !== other || sameSpelling(t.word, x.tokens[0] as string)) continue
        if (g.terms.length > SMALL_GROUP && likeness(t.word, x.tokens[0] as string) < MIN_LIKENESS) continue
        const score = pairScore(t.word, lang, x, other)
        const text = render(x)
        // Already in the query (typed as such, or a form it covers): nothing to suggest.
        if (seen.has(text) || typedAll.some((w) => covers(x, w))) continue
        seen.add(text)
        ranked.push({ text, score, source: g.source })
      }
    }
    if (ranked.length === 0) continue
    ranked.sort((a, b) => b.score - a.score)
    const best = ranked.slice(0, limit)
    hints.push({
      term: query.slice(t.start, t.end),
      start: t.start,
      end: t.end,
      alternatives: best.map((r) => r.text),
      source: (best[0] as { source: string }).source
    })
  }
  return hints
}

/**
 * The query with a hint taken: the typed word becomes «(word OR alternative)» in place, so the rest of
 * the query keeps its meaning. withAlternative('акимат ремонт', hint, 'әкімдік*') → '(акимат OR әкімдік*) ремонт'
 */
export function withAlternative(query: string, hint: BilingualHint, alternative: string): string {
  return `${query.slice(0, hint.start)}(${hint.term} OR ${alternative})${query.slice(hint.end)}`
}
