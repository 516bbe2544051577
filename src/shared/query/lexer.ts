import { MAX_NEAR_DISTANCE, QueryError } from './errors'
import { DEFAULT_NEAR_DISTANCE } from './ast'

export type FieldName = 'title' | 'site' | 'author'

export type Token =
  | { t: 'lparen'; pos: number }
  | { t: 'rparen'; pos: number }
  | { t: 'op'; op: 'AND' | 'OR' | 'NOT'; pos: number }
  | { t: 'near'; distance: number; text: string; pos: number }
  | { t: 'word'; raw: string; pos: number }
  | { t: 'phrase'; raw: string; pos: number }
  | { t: 'field'; field: FieldName; pos: number }

/** Opening quote → closing quote. Russian users type «ёлочки» and “лапки” as often as "straight" quotes. */
const QUOTES: Record<string, string> = { '"': '"', '«': '»', '“': '”', '„': '“' }
const FIELD = /^(title|site|author):/i

/**
 * Splits a query into tokens. Only upper-case AND, OR, NOT, NEAR are operators:
 * lower-case «and», «or», «not» are ordinary words (they occur in English headlines).
 */
export function lex(q: string): Token[] {
  const out: Token[] = []
  let i = 0
  while (i < q.length) {
    const c = q[i] as string
    if (/\s/u.test(c)) {
      i++
    } else if (c === '(') {
      out.push({ t: 'lparen', pos: i++ })
    } else if (c === ')') {
      out.push({ t: 'rparen', pos: i++ })
    } else if (c in QUOTES) {
      const close = q.indexOf(QUOTES[c] as string, i + 1)
      if (close < 0) throw new QueryError('unclosed_quote', i)
      out.push({ t: 'phrase', raw: q.slice(i + 1, close), pos: i })
      i = close + 1
    } else {
      let j = i
      while (j < q.length && !/[\s()]/u.test(q[j] as string) && !((q[j] as string) in QUOTES)) j++
      lexBare(q.slice(i, j), i, out)
      i = j
    }
  }
  return out
}

function lexBare(word: string, pos: number, out: Token[]): void {
  if (word === 'AND' || word === 'OR' || word === 'NOT') {
    out.push({ t: 'op', op: word, pos })
    return
  }
  if (word === 'NEAR') {
    out.push({ t: 'near', distance: DEFAULT_NEAR_DISTANCE, text: word, pos })
    return
  }
  if (word.startsWith('NEAR/')) {
    const n = word.slice(5)
    if (!/^\d{1,3}$/.test(n) || Number(n) > MAX_NEAR_DISTANCE) {
      throw new QueryError('near_distance', pos, { limit: MAX_NEAR_DISTANCE })
    }
    out.push({ t: 'near', distance: Number(n), text: word, pos })
    return
  }
  const field = FIELD.exec(word)
  if (field) {
    const name = (field[1] as string).toLowerCase() as FieldName
    out.push({ t: 'field', field: name, pos })
    const rest = word.slice(field[0].length)
    if (rest.length > 0) out.push({ t: 'word', raw: rest, pos: pos + field[0].length })
    return
  }
  out.push({ t: 'word', raw: word, pos })
}
