import type { MentionFilter } from '../../../shared/filter'
import { dateRange } from '../../../shared/time'
import { parseQuery, compileToSql, querySyntaxError, type CompileOptions } from '../../../shared/query'

export interface Where {
  sql: string
  params: (string | number)[]
  /** The FTS5 queries of the search that every selected mention matches (see compileToSql). */
  matches: string[]
}

const SENT: Record<string, string> = {
  negative: 'm.sentiment = -1',
  neutral: 'm.sentiment = 0',
  positive: 'm.sentiment = 1',
  unlabelled: 'm.sentiment IS NULL'
}

/** The sentiment part of a filter alone (over alias `m`, no parameters): sentimentSql(['negative']) → '(m.sentiment = -1)' */
export function sentimentSql(sentiments: NonNullable<MentionFilter['sentiments']>): string {
  return `(${sentiments.map((s) => SENT[s]).join(' OR ')})`
}

/**
 * The SQL WHERE clause (over alias `m` = mentions) for a filter. Identifiers are fixed here;
 * every value goes in as a parameter.
 */
export function buildWhere(f: MentionFilter, timeZone: string, opts: CompileOptions = {}): Where {
  const parts: string[] = []
  const params: (string | number)[] = []
  let matches: string[] = []
  if (f.from || f.to) {
    const { start, end } = dateRange(f.from ?? '1970-01-01', f.to ?? '2999-12-31', timeZone)
    parts.push('m.published_at >= ? AND m.published_at < ?')
    params.push(start, end)
  }
  if (f.sentiments?.length) parts.push(sentimentSql(f.sentiments))
  if (f.platforms?.length) {
    parts.push(`m.platform IN (${f.platforms.map(() => '?').join(',')})`)
    params.push(...f.platforms)
  }
  if (f.mediaType) parts.push(f.mediaType === 'media' ? "m.platform = 'news'" : "m.platform != 'news'")
  inList(
    parts,
    params,
    'm.author_id',
    f.authorIds,
    'SELECT id FROM authors WHERE id IN ({}) OR merged_into IN ({})'
  )
  inList(parts, params, 'm.outlet_id', f.outletIds)
  inList(parts, params, 'm.source_id', f.sourceIds)
  inList(parts, params, 'm.batch_id', f.batchIds)
  if (f.authorTypes?.length) {
    parts.push(
      // `+` keeps SQLite from collecting every mention of those authors to sort them: a type covers many
      // authors, so walking the date index and checking each row (inside the index) is far cheaper.
      `+m.author_id IN (SELECT id FROM authors WHERE type IN (${f.authorTypes.map(() => '?').join(',')}))`
    )
    params.push(...f.authorTypes)
  }
  if (f.topicIds?.length) {
    parts.push(
      `EXISTS (SELECT 1 FROM mention_topics x WHERE x.mention_id = m.id AND x.topic_id IN (${f.topicIds.map(() => '?').join(',')}))`
    )
    params.push(...f.topicIds)
  }
  if (f.subjectIds?.length) {
    parts.push(
      `EXISTS (SELECT 1 FROM mention_subjects x WHERE x.mention_id = m.id AND x.subject_id IN (${f.subjectIds.map(() => '?').join(',')}))`
    )
    params.push(...f.subjectIds)
  }
  if (f.langs?.length) {
    parts.push(`m.lang IN (${f.langs.map(() => '?').join(',')})`)
    params.push(...f.langs)
  }
  if (f.response?.length) {
    parts.push(`m.response_status IN (${f.response.map(() => '?').join(',')})`)
    params.push(...f.response)
  }
  if (f.storyId) {
    parts.push('m.story_id = ?')
    params.push(f.storyId)
  }
  const irr = f.irrelevant ?? 'hide'
  if (irr === 'hide') parts.push('m.irrelevant = 0')
  else if (irr === 'only') parts.push('m.irrelevant = 1')
  if (f.search && f.search.trim()) {
    let compiled
    try {
      compiled = compileToSql(parseQuery(f.search), opts)
    } catch (e) {
      throw querySyntaxError(e)
    }
    parts.push(`(${compiled.sql})`)
    params.push(...compiled.params)
    matches = compiled.matches
  }
  if (f.collapseStories) parts.push('(m.story_id IS NULL OR m.story_id = m.id)')
  return { sql: parts.length ? parts.join(' AND ') : '1', params, matches }
}

function inList(
  parts: string[],
  params: (string | number)[],
  col: string,
  ids: number[] | undefined,
  expand?: string
): void {
  if (!ids?.length) return
  const qs = ids.map(() => '?').join(',')
  if (expand) {
    parts.push(`${col} IN (${expand.replace(/\{\}/g, qs)})`)
    params.push(...ids, ...ids)
  } else {
    parts.push(`${col} IN (${qs})`)
    params.push(...ids)
  }
}
