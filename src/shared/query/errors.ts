import { OtklikError } from '../errors'

/**
 * Query syntax errors. Every error carries a stable `code` (for translation in the UI),
 * a 0-based character `position` (to place the caret), English `message`, and the few
 * values the message needs (`details`) so the renderer can say it in Russian, Kazakh or English
 * (its dictionaries, keys `query.error.<code>`).
 */
export const MAX_QUERY_LENGTH = 2000
export const MAX_NEAR_DISTANCE = 100
export const MAX_NESTING = 32
export const MIN_WILDCARD_LETTERS = 2

export type QueryErrorCode =
  | 'empty'
  | 'too_long'
  | 'too_deep'
  | 'too_complex'
  | 'unclosed_quote'
  | 'unclosed_paren'
  | 'unexpected_paren'
  | 'empty_parens'
  | 'empty_phrase'
  | 'expected_term_after'
  | 'expected_term_before'
  | 'no_letters'
  | 'bad_wildcard'
  | 'short_wildcard'
  | 'near_operand'
  | 'near_distance'
  | 'empty_field'
  | 'field_in_title'
  | 'only_not'
  | 'not_without_term'

export type QueryErrorDetails = Record<string, string | number>

/** English messages (the CLI and logs); the UI translates by code: `query.error.<code>` in src/renderer/src/i18n. */
export const QUERY_ERROR_MESSAGES: Record<QueryErrorCode, string> = {
  empty: 'The query is empty: type a word to search for',
  too_long: 'The query is {length} characters long; the limit is {limit}',
  too_deep: 'Too many nested parentheses at position {position} (at most {limit} levels)',
  too_complex: 'NEAR at position {position} expands to too many combinations (at most {limit})',
  unclosed_quote: 'Unclosed quote at position {position}',
  unclosed_paren: 'Unclosed parenthesis at position {position}',
  unexpected_paren: 'Unexpected ")" at position {position}: no parenthesis is open',
  empty_parens: 'Empty parentheses at position {position}',
  empty_phrase: 'The phrase at position {position} has no words',
  expected_term_after: 'Expected a term after {operator} at position {position}',
  expected_term_before: 'Expected a term before {operator} at position {position}',
  no_letters: 'The term "{term}" at position {position} has no letters or digits',
  bad_wildcard: 'The wildcard * is allowed only at the end of a word (position {position})',
  short_wildcard: 'A wildcard needs at least {limit} letters before * (position {position})',
  near_operand: 'NEAR at position {position} needs a word, a "phrase" or (a OR b) on each side',
  near_distance: 'NEAR/n at position {position}: n must be a whole number from 0 to {limit}',
  empty_field: 'Expected a value after {field}: at position {position}',
  field_in_title: '{field}: cannot be used inside title:(...) (position {position})',
  only_not: 'A query of only NOT terms matches nothing: add a term to search for',
  not_without_term:
    'NOT at position {position} has nothing to exclude from: write it after a term, as in «a NOT b»'
}

export class QueryError extends Error {
  readonly code: QueryErrorCode
  readonly position: number
  readonly details: QueryErrorDetails
  constructor(code: QueryErrorCode, position: number, details: QueryErrorDetails = {}) {
    super(formatTemplate(QUERY_ERROR_MESSAGES[code], position, details))
    this.name = 'QueryError'
    this.code = code
    this.position = position
    this.details = details
  }
}

function formatTemplate(t: string, position: number, details: QueryErrorDetails): string {
  return t.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key === 'position' ? String(position) : key in details ? String(details[key]) : whole
  )
}

/** What the UI needs to say a query error in its own language: the code, the caret position, the values. */
export interface QueryErrorInfo {
  code: QueryErrorCode
  position: number
  details: QueryErrorDetails
}

export function queryErrorInfo(e: QueryError): QueryErrorInfo {
  return { code: e.code, position: e.position, details: e.details }
}

/**
 * The message of a query error with its values filled in, from a template by code (English here; the
 * renderer passes its own dictionary's template). Unknown codes fall back to the message as sent.
 * formatQueryErrorMessage('Unclosed quote at position {position}', { position: 3, details: {} }) → '… 3'
 */
export function formatQueryErrorMessage(
  template: string,
  e: { position: number; details?: QueryErrorDetails }
): string {
  return formatTemplate(template, e.position, e.details ?? {})
}

/** A query syntax error as the API reports it: QUERY_SYNTAX, English message, and `query` info to translate. */
export function querySyntaxError(e: unknown): OtklikError {
  if (e instanceof QueryError) {
    return new OtklikError('QUERY_SYNTAX', e.message, { position: e.position, query: queryErrorInfo(e) })
  }
  const m = e instanceof Error ? e.message : String(e)
  return new OtklikError('QUERY_SYNTAX', m, { position: 0 })
}
