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
  /** the columns' distinct tokens, built when a one-token pattern first asks (see Distinct) */
  titleSet: Distinct | null
  bodySet: Distinct | null
  titleStemsSet: Distinct | null
  bodyStemsSet: Distinct | null
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
      author: doc.authorName ? normalizeText(doc.authorName) : null,
      titleSet: null,
      bodySet: null,
      titleStemsSet: null,
      bodyStemsSet: null
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

/**
 * Distinct tokens of a column, built when a one-token pattern first asks (documents are matched by
 * many of them: a topic is an OR of dozens).
 */
interface Distinct {
  set: Set<string>
}

/** The column's distinct tokens, built on first use (one accessor per column: no keyed access). */
type SetOf = (d: Prepared) => Distinct
const make = (col: string[]): Distinct => ({ set: new Set(col) })
const SETS: { title: SetOf; body: SetOf; titleStems: SetOf; bodyStems: SetOf } = {
  title: (d) => (d.titleSet ??= make(d.title)),
  body: (d) => (d.bodySet ??= make(d.body)),
  titleStems: (d) => (d.titleStemsSet ??= make(d.titleStems)),
  bodyStems: (d) => (d.bodyStemsSet ??= make(d.bodyStems))
}

function columnTest(test: (x: Distinct) => boolean, onStems: boolean, titleOnly: boolean): (d: Prepared) => boolean {
  const title = onStems ? SETS.titleStems : SETS.title
  const body = onStems ? SETS.bodyStems : SETS.body
  return titleOnly ? (d) => test(title(d)) : (d) => test(title(d)) || test(body(d))
}

/** A one-token pattern as a test of a column's distinct tokens. */
function oneTest(one: OneToken): (x: Distinct) => boolean {
  return anyTokenTest('prefix' in one ? [] : 'exact' in one ? [one.exact] : one.anyOf, 'prefix' in one ? [one.prefix] : [])
}

/**
 * Does a column hold one of `exact` or a token starting with one of `prefixes`? The one-token
 * alternatives of an OR are asked together: the exact ones against the column's set, and each of the
 * column's tokens against the prefixes that start with its first two letters, instead of a pass over
 * the column per prefix (a topic has dozens of `дорожн*`).
 */
function anyTokenTest(exact: string[], prefixes: string[]): (x: Distinct) => boolean {
  const exactSet = new Set(exact)
  const exactList = [...exactSet]
  const byHead = new Map<number, string[]>()
  const short: string[] = []
  for (const p of new Set(prefixes)) {
    if (p.length < 2) short.push(p)
    else {
      const h = head(p)
      const list = byHead.get(h)
      if (list) list.push(p)
      else byHead.set(h, [p])
    }
  }
  const anyPrefix = byHead.size > 0 || short.length > 0
  return (x) => {
    const set = x.set
    if (exactList.length <= set.size) {
      for (const t of exactList) if (set.has(t)) return true
    } else {
      for (const t of set) if (exactSet.has(t)) return true
    }
    if (!anyPrefix) return false
    for (const t of set) {
      if (t.length >= 2) {
        const list = byHead.get(head(t))
        if (list) for (const p of list) if (t.startsWith(p)) return true
      }
      for (const p of short) if (t.startsWith(p)) return true
    }
    return false
  }
}

/** The first two UTF-16 code units as one number (strings of at least two). */
function head(s: string): number {
  return s.charCodeAt(0) * 0x10000 + s.charCodeAt(1)
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
        return columnTest(oneTest(one), pat.onStems, node.titleOnly)
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
      // One-token alternatives on the same columns are asked together (anyTokenTest); the result is
      // the same OR, the order of pure tests does not matter.
      const groups = new Map<string, { onStems: boolean; titleOnly: boolean; exact: string[]; prefixes: string[] }>()
      const cs: ((d: Prepared) => boolean)[] = []
      for (const c of node.children) {
        const pat = c.type === 'term' ? termPattern(c, onStemColumns(c)) : null
        const one = pat?.one
        if (c.type !== 'term' || !pat || !one) {
          cs.push(build(c))
          continue
        }
        const key = `${pat.onStems} ${c.titleOnly}`
        let g = groups.get(key)
        if (!g) groups.set(key, (g = { onStems: pat.onStems, titleOnly: c.titleOnly, exact: [], prefixes: [] }))
        if ('prefix' in one) g.prefixes.push(one.prefix)
        else if ('exact' in one) g.exact.push(one.exact)
        else g.exact.push(...one.anyOf)
      }
      for (const g of groups.values()) cs.unshift(columnTest(anyTokenTest(g.exact, g.prefixes), g.onStems, g.titleOnly))
      return (d) => {
        for (const c of cs) if (c(d)) return true
        return false
      }
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
