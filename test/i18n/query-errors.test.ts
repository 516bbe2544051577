import { describe, expect, it } from 'vitest'
import { en } from '../../src/renderer/src/i18n/en'
import { kk } from '../../src/renderer/src/i18n/kk'
import { ru } from '../../src/renderer/src/i18n/ru'
import { QUERY_ERROR_MESSAGES, QueryError, parseQuery, querySyntaxError } from '../../src/shared/query'

const params = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort()

describe('query syntax errors in the UI language', () => {
  it('every error code has a text in ru, kk and en with the values the English message uses', () => {
    for (const [code, english] of Object.entries(QUERY_ERROR_MESSAGES)) {
      for (const [name, dict] of [
        ['ru', ru],
        ['kk', kk],
        ['en', en]
      ] as const) {
        const text = (dict as Record<string, string>)[`query.error.${code}`]
        expect(text, `${name} ${code}`).toBeTruthy()
        expect(params(text!), `${name} ${code}`).toEqual(params(english))
      }
    }
  })

  it('the API error carries the code and values, the CLI keeps the English message', () => {
    let caught: unknown
    try {
      parseQuery('акимат AND (дороги')
    } catch (e) {
      caught = e
    }
    expect(caught).toBeInstanceOf(QueryError)
    const api = querySyntaxError(caught)
    expect(api.code).toBe('QUERY_SYNTAX')
    expect(api.message).toBe('Unclosed parenthesis at position 11')
    expect(api.details).toEqual({
      position: 11,
      query: { code: 'unclosed_paren', position: 11, details: {} }
    })
  })
})
