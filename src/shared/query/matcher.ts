import { normalizeText, tokenize } from '../text'
import type { NearNode, QueryNode, TermNode } from './ast'
import { normalizeHost } from './host'
import { nearPairMode, onStemColumns } from './sql'
import { formsPrefix, phraseStems, stemWord } from './stems'

/** What the matcher sees of a mention (before it is stored). */
export interface MatchDoc {
  title?: string | null
  text: string
  url?: string | null
  /** Host as stored (normalizeHost); derived from url when missing. */
  host?: string | null
  authorName?: string | null
}

/** Tokens of a document per column, computed once per document object and shared by all matchers. */
interface Prepared {
  title: string[]
  body: string[]
  titleStems: string[]
  bodyStems: string[]
  host: string | null
  author: string | null
}

const prepared = new WeakMap<MatchDoc, Prepared>()

function prepare(doc: MatchDoc): Prepared {
  let p = prepared.get(doc)
  if (!p) {
    const title = tokenize(doc.title ?? '')
    const body = tokenize(doc.text ?? '')
    p = {
      title,
      body,
      titleStems: title.map(stemWord),
      bodyStems: body.map(stemWord),
      host: normalizeHost(doc.host) ?? normalizeHost(doc.url),
      author: doc.authorName ? normalizeText(doc.authorName) : null
    }
    prepared.set(doc, p)
  }
  return p
}

/** One token of a pattern: does it accept this document token? */
type TokenTest = (docToken: string) => boolean

interface Pattern {
  tests: TokenTest[]
  onStems: boolean
  /** A one-token pattern, answered from the column's set of distinct tokens instead of a scan. */
  one: OneToken | null
}

type OneToken = { exact: string } | { anyOf: string[] } | { prefix: string }

/** Distinct tokens of a column, built once per column array (documents are matched by many patterns). */
const tokenSets = new WeakMap<string[], Set<string>>()

function setOf(col: string[]): Set<string> {
  let set = tokenSets.get(col)
  if (!set) tokenSets.set(col, (set = new Set(col)))
  return set
}

function hasOne(col: string[], one: OneToken): boolean {
  if (col.length === 0) return false
  const set = setOf(col)
  if ('exact' in one) return set.has(one.exact)
  if ('anyOf' in one) {
    for (const x of one.anyOf) if (set.has(x)) return true
    return false
  }
  for (const tok of set) if (tok.startsWith(one.prefix)) return true
  return false
}

/**
 * A predicate equivalent to compileToSql on the same document (the FTS5 index stores the
 * same tokenize/stemWord output): used to tag new items before they are stored.
 */
export function compileMatcher(node: QueryNode): (doc: MatchDoc) => boolean {
  const m = build(node)
  return (doc) => m(prepare(doc))
}

function build(node: QueryNode): (d: Prepared) => boolean {
  switch (node.type) {
    case 'term': {
      const pat = termPattern(node, onStemColumns(node))
      const one = pat.one
      if (one) {
        const titleOnly = node.titleOnly
        return pat.onStems
          ? (d) => hasOne(d.titleStems, one) || (!titleOnly && hasOne(d.bodyStems, one))
          : (d) => hasOne(d.title, one) || (!titleOnly && hasOne(d.body, one))
      }
      return (d) =>
        columnsOf(d, pat.onStems, node.titleOnly).some((col) => occurrences(col, pat.tests, true).length > 0)
    }
    case 'near':
      return buildNear(node)
    case 'site': {
      const host = node.host
      return (d) => d.host !== null && (d.host === host || d.host.endsWith('.' + host))
    }
    case 'author': {
      const name = node.name
      return (d) => d.author !== null && d.author.includes(name)
    }
    case 'not': {
      const c = build(node.child)
      return (d) => !c(d)
    }
    case 'and': {
      const cs = node.children.map(build)
      return (d) => cs.every((c) => c(d))
    }
    case 'or': {
      const cs = node.children.map(build)
      return (d) => cs.some((c) => c(d))
    }
  }
}

function columnsOf(d: Prepared, onStems: boolean, titleOnly: boolean): string[][] {
  if (onStems) return titleOnly ? [d.titleStems] : [d.titleStems, d.bodyStems]
  return titleOnly ? [d.title] : [d.title, d.body]
}

/** Mirrors termPhrases in sql.ts token for token. */
function termPattern(t: TermNode, onStems: boolean): Pattern {
  const exact =
    (x: string): TokenTest =>
    (tok) =>
      tok === x
  const prefix =
    (x: string): TokenTest =>
    (tok) =>
      tok.startsWith(x)
  let tests: TokenTest[]
  let one: OneToken | null = null
  const single = t.tokens.length === 1 ? (t.tokens[0] as string) : null
  if (t.kind === 'prefix') {
    tests = t.tokens.map(exact)
    tests[tests.length - 1] = prefix(t.tokens.at(-1) as string)
    if (single !== null) one = { prefix: single }
  } else if (!onStemColumns(t)) {
    tests = t.tokens.map(exact)
    if (single !== null) one = { exact: single }
  } else if (onStems) {
    // Each position accepts any of its stems: the same as SQL's OR of the stem combinations.
    const stems = phraseStems(t.tokens)
    tests = stems.map((alts): TokenTest => {
      const set = new Set(alts)
      return (tok) => set.has(tok)
    })
    if (stems.length === 1) one = { anyOf: [...new Set(stems[0])] }
  } else {
    tests = t.tokens.map((x) => {
      const p = formsPrefix(x)
      return p === null ? exact(x) : prefix(p)
    })
    if (single !== null) {
      const p = formsPrefix(single)
      one = p === null ? { exact: single } : { prefix: p }
    }
  }
  return { tests, onStems, one }
}

/** Start positions where the token tests match consecutively. */
function occurrences(col: string[], tests: TokenTest[], firstOnly: boolean): number[] {
  const out: number[] = []
  for (let s = 0; s + tests.length <= col.length; s++) {
    let ok = true
    for (let k = 0; k < tests.length && ok; k++) ok = (tests[k] as TokenTest)(col[s + k] as string)
    if (ok) {
      out.push(s)
      if (firstOnly) break
    }
  }
  return out
}

/**
 * FTS5 NEAR(a b, n) holds in one column when some occurrence of each satisfies
 * min(end_a, end_b) + n >= max(start_a, start_b), end being start + length
 * (i.e. at most n tokens between them, either order, overlaps allowed).
 */
function buildNear(n: NearNode): (d: Prepared) => boolean {
  const pairs = n.distances.map((dist, i) => {
    const alts: ((d: Prepared) => boolean)[] = []
    for (const a of n.operands[i] as TermNode[]) {
      for (const b of n.operands[i + 1] as TermNode[]) {
        const { onStems, titleOnly } = nearPairMode(a, b)
        const pa = termPattern(a, onStems)
        const pb = termPattern(b, onStems)
        alts.push((d) =>
          columnsOf(d, onStems, titleOnly).some((col) => nearInColumn(col, pa.tests, pb.tests, dist))
        )
      }
    }
    return (d: Prepared) => alts.some((f) => f(d))
  })
  return (d) => pairs.every((f) => f(d))
}

function nearInColumn(col: string[], a: TokenTest[], b: TokenTest[], dist: number): boolean {
  const oa = occurrences(col, a, false)
  if (oa.length === 0) return false
  const ob = occurrences(col, b, false)
  for (const sa of oa) {
    for (const sb of ob) {
      if (Math.min(sa + a.length, sb + b.length) + dist >= Math.max(sa, sb)) return true
    }
  }
  return false
}
