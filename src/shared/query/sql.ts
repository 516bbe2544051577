import type { NearNode, QueryNode, TermNode } from './ast'
import { formsPrefix, phraseStems } from './stems'

/**
 * Compiles a query to one boolean SQL expression over `mentions m`.
 * Maximal text-only subtrees become ONE FTS5 MATCH on mentions_fts (see the schema in
 * docs: title, body, title_stems, body_stems); site: and author: become plain conditions.
 * Words and phrases of several words search the stem columns (so both match word forms); wildcards and
 * one quoted word (exact) the normalised columns.
 * Every token is passed quoted, so nothing the user types can break FTS5 syntax.
 */
export function compileToSql(
  node: QueryNode,
  opts: CompileOptions = {}
): { sql: string; params: (string | number)[]; matches: string[] } {
  const c: Compiling = { params: [], matches: [], fts: opts.matchesAsFilter ? FTS_FILTER_SQL : FTS_SQL }
  const sql = compile(node, c)
  return { sql, params: c.params, matches: c.matches }
}

export interface CompileOptions {
  /**
   * The match set as a filter checked on each row of an index walk (`+m.id IN (…)`: SQLite builds the
   * set once and never drives the query from it), for searches that match many mentions: the grid then
   * walks its sort index and stops after the page instead of reading and sorting every match.
   */
  matchesAsFilter?: boolean
}

interface Compiling {
  params: (string | number)[]
  /** The FTS5 queries a mention must match (not those under NOT or beside a non-text OR branch). */
  matches: string[]
  fts: string
}

const FTS_SQL = 'm.id IN (SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH ?)'
const FTS_FILTER_SQL = '+' + FTS_SQL

function compile(node: QueryNode, c: Compiling, positive = true): string {
  const { params } = c
  const whole = ftsOf(node)
  if (whole !== null) {
    params.push(whole)
    if (positive) c.matches.push(whole)
    return c.fts
  }
  switch (node.type) {
    case 'site':
      params.push(node.host, '%.' + likeEscape(node.host))
      return `(m.host IS NOT NULL AND (m.host = ? OR m.host LIKE ? ESCAPE '\\'))`
    case 'author':
      params.push('%' + likeEscape(node.name) + '%')
      return `(m.author_id IS NOT NULL AND m.author_id IN (SELECT id FROM authors WHERE name_norm LIKE ? ESCAPE '\\'))`
    case 'not':
      return `(NOT ${compile(node.child, c, false)})`
    case 'or': {
      const parts: string[] = []
      const text = node.children.map(ftsOf).filter((f): f is string => f !== null)
      if (text.length > 0) {
        params.push(text.map(paren).join(' OR '))
        parts.push(FTS_SQL)
      }
      for (const child of node.children) if (ftsOf(child) === null) parts.push(compile(child, c, false))
      return '(' + parts.join(' OR ') + ')'
    }
    case 'and': {
      const parts: string[] = []
      const pos: string[] = []
      const neg: string[] = []
      const rest: QueryNode[] = []
      for (const child of node.children) {
        const f = child.type === 'not' ? ftsOf(child.child) : ftsOf(child)
        if (f === null) rest.push(child)
        else (child.type === 'not' ? neg : pos).push(f)
      }
      if (pos.length > 0) {
        const match = andNot(pos, neg)
        params.push(match)
        if (positive) c.matches.push(match)
        parts.push(c.fts)
      } else if (neg.length > 0) {
        params.push(neg.map(paren).join(' OR '))
        parts.push(`(NOT ${FTS_SQL})`)
      }
      for (const child of rest) parts.push(compile(child, c, positive))
      return '(' + parts.join(' AND ') + ')'
    }
    default:
      // Terms and NEAR always have an FTS form; unreachable.
      throw new Error(`cannot compile ${node.type}`)
  }
}

/** The FTS5 query for a text-only subtree that can stand alone (no bare NOT), else null. */
function ftsOf(node: QueryNode): string | null {
  switch (node.type) {
    case 'term':
      return termFts(node)
    case 'near':
      return nearFts(node)
    case 'or': {
      const parts = node.children.map(ftsOf)
      return parts.every((p): p is string => p !== null) ? parts.map(paren).join(' OR ') : null
    }
    case 'and': {
      const pos: string[] = []
      const neg: string[] = []
      for (const c of node.children) {
        const f = c.type === 'not' ? ftsOf(c.child) : ftsOf(c)
        if (f === null) return null
        ;(c.type === 'not' ? neg : pos).push(f)
      }
      return pos.length > 0 ? andNot(pos, neg) : null
    }
    default:
      return null
  }
}

function andNot(pos: string[], neg: string[]): string {
  const p = pos.length === 1 ? (pos[0] as string) : pos.map(paren).join(' AND ')
  return neg.length === 0 ? p : `(${p}) NOT (${neg.map(paren).join(' OR ')})`
}

function paren(s: string): string {
  return '(' + s + ')'
}

/** "..." with inner quotes doubled: the only FTS5 string syntax, so any text is safe in it. */
export function ftsQuote(s: string): string {
  return '"' + s.replace(/"/g, '""') + '"'
}

function columns(stemmed: boolean, titleOnly: boolean): string {
  if (stemmed) return titleOnly ? '{title_stems}' : '{title_stems body_stems}'
  return titleOnly ? '{title}' : '{title body}'
}

/**
 * Words and phrases of several words match word forms (stem columns); a wildcard matches the typed
 * prefix, and one word in quotes ("Онай", "газы") is that exact word: the way to opt out of forms.
 */
export function onStemColumns(t: TermNode): boolean {
  return t.kind === 'word' || (t.kind === 'phrase' && t.tokens.length > 1)
}

function termFts(t: TermNode): string {
  const stemmed = onStemColumns(t)
  const alts = termPhrases(t, stemmed)
  const body = alts.length === 1 ? (alts[0] as string) : '(' + alts.join(' OR ') + ')'
  return `${columns(stemmed, t.titleOnly)} : ${body}`
}

/**
 * The FTS5 phrases (alternatives) for a term on the stem columns (words and phrases) or on the
 * normalised ones. On stems a word may have several stems (see wordStems), and a phrase one phrase
 * per combination of its words' stems (see phraseStems).
 */
export function termPhrases(t: TermNode, onStems: boolean): string[] {
  if (t.kind === 'prefix') return [ftsQuote(t.tokens.join(' ')) + '*']
  if (!onStemColumns(t)) return [ftsQuote(t.tokens.join(' '))]
  if (onStems) return combinations(phraseStems(t.tokens)).map((c) => ftsQuote(c.join(' ')))
  // Inside a NEAR with a wildcard: «власть» → "власт"*, short or Latin words exact.
  return [
    t.tokens
      .map((tok) => {
        const p = formsPrefix(tok)
        return p === null ? ftsQuote(tok) : ftsQuote(p) + '*'
      })
      .join(' + ')
  ]
}

function combinations(sets: string[][]): string[][] {
  let out: string[][] = [[]]
  for (const s of sets) out = out.flatMap((prefix) => s.map((x) => [...prefix, x]))
  return out
}

/** Whether a NEAR pair runs on the stem columns (no wildcard on either side) and on headlines only. */
export function nearPairMode(a: TermNode, b: TermNode): { onStems: boolean; titleOnly: boolean } {
  return { onStems: onStemColumns(a) && onStemColumns(b), titleOnly: a.titleOnly || b.titleOnly }
}

function nearFts(n: NearNode): string {
  const pairs: string[] = []
  n.distances.forEach((d, i) => {
    const alts: string[] = []
    for (const a of n.operands[i] as TermNode[]) {
      for (const b of n.operands[i + 1] as TermNode[]) {
        const { onStems, titleOnly } = nearPairMode(a, b)
        const cols = columns(onStems, titleOnly)
        for (const pa of termPhrases(a, onStems)) {
          for (const pb of termPhrases(b, onStems)) alts.push(`${cols} : NEAR(${pa} ${pb}, ${d})`)
        }
      }
    }
    pairs.push(alts.length === 1 ? (alts[0] as string) : alts.map(paren).join(' OR '))
  })
  return pairs.length === 1 ? (pairs[0] as string) : pairs.map(paren).join(' AND ')
}

function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => '\\' + c)
}
