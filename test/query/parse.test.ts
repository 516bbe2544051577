import { describe, expect, it } from 'vitest'
import {
  compileMatcher,
  compileToSql,
  highlightRanges,
  parseQuery,
  queryTerms,
  QueryError,
  validateQuery,
  normalizeHost,
  ftsQuote,
  type QueryNode
} from '../../src/shared/query'

/** A compact, readable form of the tree: and(...), or(...), not(...), near/5(...), w:, p:, pre:. */
function show(n: QueryNode): string {
  switch (n.type) {
    case 'term':
      return `${n.titleOnly ? 'title.' : ''}${n.kind === 'word' ? 'w' : n.kind === 'phrase' ? 'p' : 'pre'}:${n.tokens.join('_')}`
    case 'site':
      return `site:${n.host}`
    case 'author':
      return `author:${n.name}`
    case 'not':
      return `not(${show(n.child)})`
    case 'near':
      return `near/${n.distances.join(',')}(${n.operands.map((o) => o.map(show).join('|')).join(' ')})`
    default:
      return `${n.type}(${n.children.map(show).join(' ')})`
  }
}

const tree = (q: string): string => show(parseQuery(q))

function errorOf(q: string): { code: string; position: number; message: string } {
  const r = validateQuery(q)
  if (r.ok) throw new Error(`expected an error for ${q}`)
  return { code: r.code, position: r.position, message: r.message }
}

describe('parseQuery', () => {
  it('parses the «Акимат» subject with NOT > NEAR > AND > OR precedence', () => {
    expect(tree('акимат* OR аким OR "город Алматы" NEAR/5 власт*')).toBe(
      'or(pre:акимат w:аким near/5(p:город_алматы pre:власт))'
    )
  })

  it('joins adjacent terms with AND, binds AND tighter than OR and NOT tightest', () => {
    expect(tree('a b OR c')).toBe('or(and(w:a w:b) w:c)')
    expect(tree('a AND b OR c AND d')).toBe('or(and(w:a w:b) and(w:c w:d))')
    expect(tree('a NOT b')).toBe('and(w:a not(w:b))')
    expect(tree('a AND NOT b c')).toBe('and(w:a not(w:b) w:c)')
    expect(tree('a (b OR c)')).toBe('and(w:a or(w:b w:c))')
    expect(tree('a NEAR b c')).toBe('and(near/10(w:a w:b) w:c)')
    expect(tree('(a OR b) NEAR/3 c NEAR/1 d')).toBe('near/3,1(w:a|w:b w:c w:d)')
  })

  it('treats only upper-case operators as operators', () => {
    expect(tree('a and b or not c')).toBe('and(w:a w:and w:b w:or w:not w:c)')
    expect(tree('near')).toBe('w:near')
  })

  it('normalises case and ё, splits words like unicode61 and reads fields', () => {
    expect(tree('ЁЛКА Нур-Султан')).toBe('and(w:елка w:нур_султан)')
    expect(tree('title:акимат')).toBe('title.w:акимат')
    expect(tree('title:(аким OR "город Алматы")')).toBe('or(title.w:аким title.p:город_алматы)')
    expect(tree('site:https://www.Tengrinews.kz/news/')).toBe('site:tengrinews.kz')
    expect(tree('author:"Иван Петров"')).toBe('author:иван петров')
    expect(tree('«город Алматы» “власти”')).toBe('and(p:город_алматы p:власти)')
    expect(tree('10:30')).toBe('w:10_30')
  })

  it('reports errors with a code, a 0-based position and a readable message', () => {
    expect(errorOf('акимат "город Алматы')).toEqual({
      code: 'unclosed_quote',
      position: 7,
      message: 'Unclosed quote at position 7'
    })
    expect(errorOf('акимат OR')).toMatchObject({
      code: 'expected_term_after',
      position: 7,
      message: 'Expected a term after OR at position 7'
    })
    expect(errorOf('OR акимат')).toMatchObject({ code: 'expected_term_before', position: 0 })
    expect(errorOf('a AND OR b')).toMatchObject({ code: 'expected_term_after', position: 2 })
    expect(errorOf('a NEAR/5')).toMatchObject({ code: 'expected_term_after', position: 2 })
    expect(errorOf('(a OR b')).toMatchObject({ code: 'unclosed_paren', position: 0 })
    expect(errorOf('a) b')).toMatchObject({ code: 'unexpected_paren', position: 1 })
    expect(errorOf('a ()')).toMatchObject({ code: 'empty_parens', position: 2 })
    expect(errorOf('a ""')).toMatchObject({ code: 'empty_phrase', position: 2 })
    expect(errorOf('ак*мат')).toMatchObject({ code: 'bad_wildcard', position: 2 })
    expect(errorOf('x а*')).toMatchObject({ code: 'short_wildcard', position: 3 })
    expect(errorOf('a !!!')).toMatchObject({ code: 'no_letters', position: 2 })
    expect(errorOf('a NEAR/x b')).toMatchObject({ code: 'near_distance', position: 2 })
    expect(errorOf('a NEAR/500 b')).toMatchObject({ code: 'near_distance' })
    expect(errorOf('a NEAR (b c)')).toMatchObject({ code: 'near_operand', position: 2 })
    expect(errorOf('a NEAR NOT b')).toMatchObject({ code: 'near_operand', position: 2 })
    expect(errorOf('a site:')).toMatchObject({ code: 'empty_field', position: 2 })
    expect(errorOf('title:(a site:x.kz)')).toMatchObject({ code: 'field_in_title', position: 9 })
    expect(errorOf('   ')).toMatchObject({ code: 'empty', position: 0 })
    expect(errorOf('NOT a NOT b')).toEqual({
      code: 'only_not',
      position: 0,
      message: 'A query of only NOT terms matches nothing: add a term to search for'
    })
    expect(errorOf('a OR NOT b')).toMatchObject({ code: 'not_without_term', position: 5 })
    expect(errorOf('('.repeat(40) + 'a' + ')'.repeat(40))).toMatchObject({ code: 'too_deep' })
    const long = errorOf('а'.repeat(2001))
    expect(long.code).toBe('too_long')
    expect(long.message).toContain('2000')
  })

  it('throws QueryError from parseQuery and translates messages', () => {
    let caught: unknown
    try {
      parseQuery('акимат OR')
    } catch (e) {
      caught = e
    }
    expect(caught).toBeInstanceOf(QueryError)
    const e = caught as QueryError
    expect(e.code).toBe('expected_term_after')
    expect(e.details).toEqual({ operator: 'OR' })
    expect(e.message).toBe('Expected a term after OR at position 7')
  })

  it('accepts a query of exactly 2000 characters', () => {
    expect(validateQuery('а'.repeat(2000))).toEqual({ ok: true })
  })
})

describe('compileToSql', () => {
  it('makes one FTS MATCH per maximal text subtree and plain SQL for site:/author:', () => {
    const { sql, params } = compileToSql(
      parseQuery('(акимат OR "город алматы") site:tengrinews.kz NOT коррупция')
    )
    expect(sql.match(/MATCH \?/g)).toHaveLength(1)
    expect(params).toEqual([
      '(({title_stems body_stems} : "акимат") OR ({title_stems body_stems} : "город алмат")) NOT (({title_stems body_stems} : "коррупц"))',
      'tengrinews.kz',
      '%.tengrinews.kz'
    ])
  })

  it('lists the text queries every selected mention matches (none beside site: in an OR)', () => {
    const { matches } = compileToSql(parseQuery('акимат site:tengrinews.kz NOT коррупция'))
    expect(matches).toEqual([
      '({title_stems body_stems} : "акимат") NOT (({title_stems body_stems} : "коррупц"))'
    ])
    expect(compileToSql(parseQuery('акимат OR site:tengrinews.kz')).matches).toEqual([])
    expect(compileToSql(parseQuery('дорог*'), { matchesAsFilter: true }).sql).toMatch(/^\+m\.id IN/)
  })

  it('keeps user text inside quoted FTS strings', () => {
    expect(ftsQuote('a"b')).toBe('"a""b"')
    const { params } = compileToSql(parseQuery('"a""b" OR xy* OR title:NEAR(x)'))
    expect(params).toEqual([
      '(({title body} : "a") AND ({title body} : "b")) OR ({title body} : "xy"*) OR (({title_stems} : "near") AND ({title_stems body_stems} : "x"))'
    ])
  })
})

describe('compileMatcher', () => {
  it('matches Russian and Kazakh forms by stem, phrases by the forms of their words', () => {
    const m = (q: string, text: string, title?: string): boolean =>
      compileMatcher(parseQuery(q))({ text, title })
    expect(m('акимат', 'Жалоба в адрес акиматом не рассмотрена')).toBe(true)
    expect(m('аким', 'Спасибо акиму за автобусы')).toBe(true)
    expect(m('яма', 'На Абая опять ямы')).toBe(true)
    expect(m('әкімдік*', 'Әкімдікке хабарластық')).toBe(true)
    expect(m('әкімдік', 'Әкімдікке хабарластық')).toBe(true)
    expect(m('"город Алматы"', 'Власти города Алматы')).toBe(true)
    expect(m('"горячая вода"', 'Третий день нет горячей воды')).toBe(true)
    expect(m('"горячая вода"', 'Вода горячая, но грязная')).toBe(false)
    // One word in quotes is that exact word.
    expect(m('"Онай"', 'Она сказала')).toBe(false)
    expect(m('"жылу"', 'Күн жылы')).toBe(false)
    expect(m('"жылу"', 'Жылу жоқ')).toBe(true)
    expect(m('title:акимат', 'акимат', 'Новости')).toBe(false)
    expect(m('акимат NOT коррупция', 'акимат и коррупции')).toBe(false)
  })

  it('matches site: by host or subdomain and author: by part of the name', () => {
    const m = compileMatcher(parseQuery('site:tengrinews.kz author:петров'))
    expect(m({ text: '', url: 'https://kaz.tengrinews.kz/x', authorName: 'Иван Петров' })).toBe(true)
    expect(m({ text: '', host: 'tengrinews.kz', authorName: 'Петрова' })).toBe(true)
    expect(m({ text: '', url: 'https://tengrinews.kzz/x', authorName: 'Петров' })).toBe(false)
    expect(m({ text: '', url: 'https://tengrinews.kz/x', authorName: null })).toBe(false)
  })
})

describe('queryTerms and highlightRanges', () => {
  it('lists the positive words, phrases and wildcards', () => {
    expect(
      queryTerms(parseQuery('акимат* OR аким OR "город Алматы" NEAR/5 власт* NOT коррупция site:nur.kz'))
    ).toEqual(['акимат*', 'аким', 'город алматы', 'власт*'])
  })

  it('marks matching words in the original text', () => {
    const text = 'Спасибо Акиму и акимату, город Алматы!'
    const ranges = highlightRanges(text, parseQuery('аким OR "город алматы"'))
    expect(ranges.map(([s, e]) => text.slice(s, e))).toEqual(['Акиму', 'город', 'Алматы'])
  })
})

describe('normalizeHost', () => {
  it('strips scheme, www., m., port and path', () => {
    expect(normalizeHost('HTTPS://www.Tengrinews.kz:443/a?b')).toBe('tengrinews.kz')
    expect(normalizeHost('m.vk.com')).toBe('vk.com')
    expect(normalizeHost('m.kz')).toBe('m.kz')
    expect(normalizeHost('')).toBeNull()
  })
})
