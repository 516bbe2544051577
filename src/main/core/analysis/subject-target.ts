import { parseQuery, queryTerms } from '../../../shared/query'

/**
 * Sentiment in the app is toward the monitoring subject: a mention is classified with the target of the
 * first enabled subject (lowest id) its text matches, and the office's labels train with the same target,
 * so the learned model sees in training what it is asked in use. SUBJECT_ORDER is that order in SQL.
 */
export const SUBJECT_ORDER = 'ORDER BY id'

/**
 * The target a subject's query names: its positive words (wildcards without the `*`, the words of
 * phrases), space-separated, for `findTarget`, which then finds any of them in a text. Words under NOT,
 * `site:` and `author:` are left out. Null for a query that names no word or does not parse.
 */
export function targetOfQuery(query: string | null | undefined): string | null {
  if (!query) return null
  let terms: string[]
  try {
    terms = queryTerms(parseQuery(query))
  } catch {
    return null
  }
  const words = [...new Set(terms.flatMap((t) => t.replace(/\*$/, '').split(' ')).filter(Boolean))]
  return words.length ? words.join(' ') : null
}
