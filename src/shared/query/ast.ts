/**
 * The parsed form of a monitoring query. Text terms keep normalised tokens (see tokenize);
 * stems are derived when compiling, so the AST stays plain JSON (safe to send over IPC).
 */

/** word: its forms via stems (Russian and Kazakh); prefix: `власт*`; phrase: "words" in this order, each in any of its forms. */
export type TermKind = 'word' | 'prefix' | 'phrase'

export interface TermNode {
  type: 'term'
  kind: TermKind
  /** Normalised tokens; a word like «нур-султан» has two and then behaves like a phrase. */
  tokens: string[]
  /** title: restricts the term to the headline. */
  titleOnly: boolean
  pos: number
}

export interface SiteNode {
  type: 'site'
  /** Normalised host (see normalizeHost); matches the host itself and its subdomains. */
  host: string
  pos: number
}

export interface AuthorNode {
  type: 'author'
  /** normalizeText of the name fragment; matches author names that contain it. */
  name: string
  pos: number
}

/**
 * a NEAR/5 b NEAR/3 c: a within 5 words of b, and b within 3 words of c, in either order,
 * inside one field (headline or text). Each operand is one term or an (x OR y) of terms.
 */
export interface NearNode {
  type: 'near'
  operands: TermNode[][]
  /** distances[i] joins operands[i] and operands[i+1]: at most that many words between them. */
  distances: number[]
  pos: number
}

export interface AndNode {
  type: 'and'
  children: QueryNode[]
}

export interface OrNode {
  type: 'or'
  children: QueryNode[]
}

export interface NotNode {
  type: 'not'
  child: QueryNode
  pos: number
}

export type QueryNode = TermNode | SiteNode | AuthorNode | NearNode | AndNode | OrNode | NotNode

/** NEAR without /n. */
export const DEFAULT_NEAR_DISTANCE = 10
/** Combinations one NEAR pair may expand to, e.g. (a OR b OR c) NEAR (d OR e) is 6. */
export const MAX_NEAR_COMBINATIONS = 64
