/**
 * Otklik's monitoring query language (subjects, topics, search):
 *   акимат* OR аким OR "город Алматы" NEAR/5 власт*
 * Platform-free: used by main (SQL, ingest matching) and by the renderer (validation, highlighting).
 */
export type {
  QueryNode,
  TermNode,
  TermKind,
  SiteNode,
  AuthorNode,
  NearNode,
  AndNode,
  OrNode,
  NotNode
} from './ast'
export { DEFAULT_NEAR_DISTANCE } from './ast'
export {
  QueryError,
  QUERY_ERROR_MESSAGES,
  queryErrorInfo,
  querySyntaxError,
  formatQueryErrorMessage,
  type QueryErrorInfo,
  MAX_QUERY_LENGTH,
  MAX_NEAR_DISTANCE,
  type QueryErrorCode,
  type QueryErrorDetails
} from './errors'
export { parseQuery, validateQuery } from './parser'
export { compileToSql, ftsQuote, type CompileOptions } from './sql'
export { compileMatcher, type MatchDoc } from './matcher'
export { queryTerms, highlightRanges } from './terms'
export { normalizeHost } from './host'
export { bilingualHints, withAlternative, type BilingualHint, type KnownQuery } from './bilingual'
