import { compileMatcher, parseQuery, type MatchDoc } from '../../../../shared/query'

/**
 * City-problem topics. Each topic is a query in the monitoring language (src/shared/query),
 * written for Russian (stems) and Kazakh (suffix wildcards). The topic without a query,
 * "other", collects mentions that no other topic took.
 */
export interface TopicDefinition {
  key: string
  name: { ru: string; kk: string; en: string }
  /** null only for the fallback topic ("other"). */
  query: string | null
}

export const OTHER_TOPIC_KEY = 'other'

export type TopicMatcher = (doc: MatchDoc) => boolean

export interface CompiledTopic {
  id: number
  /** null marks the fallback topic. */
  matcher: TopicMatcher | null
}

/** Compiles stored topics ({id, query}) once; reuse the result for every new mention. */
export function compileTopics(topics: Iterable<{ id: number; query: string | null }>): CompiledTopic[] {
  const out: CompiledTopic[] = []
  for (const t of topics)
    out.push({ id: t.id, matcher: t.query ? compileMatcher(parseQuery(t.query)) : null })
  return out
}

/**
 * The ids of every topic whose query matches the mention (a mention can be about roads and
 * transport at once). When none matches, the fallback topic (matcher null), if given, alone.
 * Pass the same doc object to all matchers: its tokens are computed once.
 */
export function assignTopics(doc: MatchDoc, topics: CompiledTopic[]): number[] {
  const ids: number[] = []
  let fallback: number | null = null
  for (const t of topics) {
    if (t.matcher === null) fallback ??= t.id
    else if (t.matcher(doc)) ids.push(t.id)
  }
  if (ids.length === 0 && fallback !== null) ids.push(fallback)
  return ids
}
