import { tokenize, normalizeText } from '../text'
import { MAX_NEAR_COMBINATIONS, type NearNode, type QueryNode, type TermNode } from './ast'
import {
  MAX_NESTING,
  MAX_QUERY_LENGTH,
  MIN_WILDCARD_LETTERS,
  QueryError,
  type QueryErrorCode
} from './errors'
import { normalizeHost } from './host'
import { lex, type Token } from './lexer'

/**
 * Grammar (precedence NOT > NEAR > AND > OR; adjacent terms are joined by AND):
 *   or    := and (OR and)*
 *   and   := near ((AND)? near)*
 *   near  := unary (NEAR[/n] unary)*
 *   unary := NOT unary | primary
 *   primary := ( or ) | title:primary | site:value | author:value | word | word* | "phrase"
 * `a NOT b` is therefore a AND (NOT b). A NOT that has no positive term beside it is an error.
 */
export function parseQuery(q: string): QueryNode {
  if (q.length > MAX_QUERY_LENGTH) {
    throw new QueryError('too_long', MAX_QUERY_LENGTH, { length: q.length, limit: MAX_QUERY_LENGTH })
  }
  const tokens = lex(q)
  if (tokens.length === 0) throw new QueryError('empty', 0)
  const p = new Parser(tokens, q.length)
  const root = p.parseOr()
  const rest = p.peek()
  if (rest) {
    // parseOr only stops early at a ')' with no '(' open.
    throw new QueryError('unexpected_paren', rest.pos)
  }
  checkNegations(root)
  return root
}

export function validateQuery(
  q: string
): { ok: true } | { ok: false; position: number; message: string; code: QueryErrorCode } {
  try {
    parseQuery(q)
    return { ok: true }
  } catch (e) {
    if (e instanceof QueryError) return { ok: false, position: e.position, message: e.message, code: e.code }
    throw e
  }
}

class Parser {
  private i = 0
  private depth = 0
  private titleOnly = false
  constructor(
    private readonly tokens: Token[],
    private readonly end: number
  ) {}

  peek(): Token | undefined {
    return this.tokens[this.i]
  }

  private startsTerm(tok: Token | undefined): boolean {
    if (!tok) return false
    return (
      tok.t === 'word' ||
      tok.t === 'phrase' ||
      tok.t === 'field' ||
      tok.t === 'lparen' ||
      (tok.t === 'op' && tok.op === 'NOT')
    )
  }

  private requireTermAfter(opText: string, pos: number): void {
    if (!this.startsTerm(this.peek())) throw new QueryError('expected_term_after', pos, { operator: opText })
  }

  parseOr(): QueryNode {
    const children = [this.parseAnd()]
    for (let tok = this.peek(); tok?.t === 'op' && tok.op === 'OR'; tok = this.peek()) {
      this.i++
      this.requireTermAfter('OR', tok.pos)
      children.push(this.parseAnd())
    }
    return flatten('or', children)
  }

  private parseAnd(): QueryNode {
    const children = [this.parseNear()]
    for (;;) {
      const tok = this.peek()
      if (tok?.t === 'op' && tok.op === 'AND') {
        this.i++
        this.requireTermAfter('AND', tok.pos)
      } else if (!this.startsTerm(tok)) {
        break
      }
      children.push(this.parseNear())
    }
    return flatten('and', children)
  }

  private parseNear(): QueryNode {
    const first = this.parseUnary()
    let tok = this.peek()
    if (tok?.t !== 'near') return first
    const nearPos = tok.pos
    const operands = [nearOperand(first, nearPos)]
    const distances: number[] = []
    while (tok?.t === 'near') {
      this.i++
      this.requireTermAfter(tok.text, tok.pos)
      distances.push(tok.distance)
      operands.push(nearOperand(this.parseUnary(), tok.pos))
      const pairs = (operands.at(-2) as TermNode[]).length * (operands.at(-1) as TermNode[]).length
      if (pairs > MAX_NEAR_COMBINATIONS)
        throw new QueryError('too_complex', tok.pos, { limit: MAX_NEAR_COMBINATIONS })
      tok = this.peek()
    }
    const node: NearNode = { type: 'near', operands, distances, pos: nearPos }
    return node
  }

  private parseUnary(): QueryNode {
    const tok = this.peek()
    if (tok?.t === 'op' && tok.op === 'NOT') {
      this.i++
      this.requireTermAfter('NOT', tok.pos)
      return { type: 'not', child: this.parseUnary(), pos: tok.pos }
    }
    return this.parsePrimary()
  }

  private parsePrimary(): QueryNode {
    const tok = this.peek()
    if (!tok) throw new QueryError('empty', this.end)
    this.i++
    switch (tok.t) {
      case 'lparen': {
        if (this.depth >= MAX_NESTING) throw new QueryError('too_deep', tok.pos, { limit: MAX_NESTING })
        if (this.peek()?.t === 'rparen') throw new QueryError('empty_parens', tok.pos)
        this.depth++
        const inner = this.parseOr()
        this.depth--
        if (this.peek()?.t !== 'rparen') throw new QueryError('unclosed_paren', tok.pos)
        this.i++
        return inner
      }
      case 'rparen':
        throw new QueryError('unexpected_paren', tok.pos)
      case 'op':
        throw new QueryError('expected_term_before', tok.pos, { operator: tok.op })
      case 'near':
        throw new QueryError('expected_term_before', tok.pos, { operator: tok.text })
      case 'word':
        return wordTerm(tok.raw, tok.pos, this.titleOnly)
      case 'phrase':
        return phraseTerm(tok.raw, tok.pos, this.titleOnly)
      case 'field':
        return this.parseField(tok.field, tok.pos)
    }
  }

  private parseField(field: 'title' | 'site' | 'author', pos: number): QueryNode {
    if (field !== 'title' && this.titleOnly) throw new QueryError('field_in_title', pos, { field })
    const value = this.peek()
    if (field === 'title') {
      if (!value || (value.t !== 'word' && value.t !== 'phrase' && value.t !== 'lparen')) {
        throw new QueryError('empty_field', pos, { field })
      }
      const outer = this.titleOnly
      this.titleOnly = true
      const node = this.parsePrimary()
      this.titleOnly = outer
      return node
    }
    if (!value || (value.t !== 'word' && value.t !== 'phrase'))
      throw new QueryError('empty_field', pos, { field })
    this.i++
    const raw = value.raw.replace(/\*+$/, '')
    if (field === 'site') {
      const host = normalizeHost(raw)
      if (!host || !/[\p{L}\p{N}]/u.test(host)) throw new QueryError('empty_field', pos, { field })
      return { type: 'site', host, pos }
    }
    const name = normalizeText(raw).trim()
    if (!/[\p{L}\p{N}]/u.test(name)) throw new QueryError('empty_field', pos, { field })
    return { type: 'author', name, pos }
  }
}

function wordTerm(raw: string, pos: number, titleOnly: boolean): TermNode {
  const star = raw.indexOf('*')
  const prefix = star >= 0
  if (prefix && star !== raw.length - 1) throw new QueryError('bad_wildcard', pos + star)
  const tokens = tokenize(prefix ? raw.slice(0, -1) : raw)
  if (tokens.length === 0) throw new QueryError('no_letters', pos, { term: raw })
  if (prefix && [...(tokens.at(-1) as string)].length < MIN_WILDCARD_LETTERS) {
    throw new QueryError('short_wildcard', pos + star, { limit: MIN_WILDCARD_LETTERS })
  }
  return { type: 'term', kind: prefix ? 'prefix' : 'word', tokens, titleOnly, pos }
}

function phraseTerm(raw: string, pos: number, titleOnly: boolean): TermNode {
  const tokens = tokenize(raw)
  if (tokens.length === 0) throw new QueryError('empty_phrase', pos)
  return { type: 'term', kind: 'phrase', tokens, titleOnly, pos }
}

/** A NEAR operand: one term, or (a OR b ...) of terms, which expands to a NEAR per alternative. */
function nearOperand(node: QueryNode, nearPos: number): TermNode[] {
  if (node.type === 'term') return [node]
  if (node.type === 'or' && node.children.every((c) => c.type === 'term')) return node.children as TermNode[]
  throw new QueryError('near_operand', nearPos)
}

function flatten(type: 'and' | 'or', children: QueryNode[]): QueryNode {
  if (children.length === 1) return children[0] as QueryNode
  const flat: QueryNode[] = []
  for (const c of children) {
    if (c.type === type) flat.push(...c.children)
    else flat.push(c)
  }
  return { type, children: flat }
}

/** True when the node can match on its own, i.e. it is not merely an exclusion. */
export function isPositive(node: QueryNode): boolean {
  switch (node.type) {
    case 'not':
      return false
    case 'and':
      return node.children.some(isPositive)
    case 'or':
      return node.children.every(isPositive)
    default:
      return true
  }
}

function firstNotPos(node: QueryNode): number {
  if (node.type === 'not') return node.pos
  if (node.type === 'and' || node.type === 'or') {
    for (const c of node.children) {
      const p = firstNotPos(c)
      if (p >= 0) return p
    }
  }
  return -1
}

/** `a OR NOT b` would match nearly everything: every OR branch must search for something. */
function checkNegations(root: QueryNode): void {
  const walk = (node: QueryNode): void => {
    if (node.type === 'not') walk(node.child)
    if (node.type === 'and' || node.type === 'or') {
      for (const c of node.children) {
        if (node.type === 'or' && !isPositive(c))
          throw new QueryError('not_without_term', Math.max(0, firstNotPos(c)))
        walk(c)
      }
    }
  }
  walk(root)
  if (!isPositive(root)) throw new QueryError('only_not', Math.max(0, firstNotPos(root)))
}
