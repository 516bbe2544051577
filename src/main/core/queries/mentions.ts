import type { Db } from '../db/open'
import type { MentionFilter, Sort } from '../../../shared/filter'
import type { MentionDetail, MentionPage, MentionRow } from '../../../shared/rows'
import { sentimentFromInt, type AuthorType, type Platform, type SentimentOrigin } from '../../../shared/types'
import { buildWhere } from './filter'
import { fromSummaries, totals } from './aggregate'
import { readExplanation } from '../analysis/explanation'

const SORT_SQL: Record<Sort['col'], string> = {
  publishedAt: 'm.published_at',
  platform: 'm.platform',
  sentiment: 'ifnull(m.sentiment, -2)',
  reach: 'ifnull(m.reach, -1)',
  views: 'ifnull(m.views, -1)',
  likes: 'ifnull(m.likes, -1)',
  reposts: 'ifnull(m.reposts, -1)',
  comments: 'ifnull(m.comments, -1)',
  engagement: '(ifnull(m.likes, 0) + ifnull(m.reposts, 0) + ifnull(m.comments, 0))',
  storySize: '(SELECT ifnull(max(s.size), 1) FROM stories s WHERE s.id = m.story_id)'
}

type Key = [number | string, number]

/** The parameters of the "after this anchor" condition: the sort key, then the key and id as a pair. */
const afterKey = ([k, id]: Key): (number | string)[] => [k, k, id]

/** Rows between cached anchor keys for far jumps. */
const ANCHOR_STEP = 1000

/** Sorts with an index to walk in order (and to step anchors along): the date index, the reach index. */
const INDEXED_SORTS: ReadonlySet<Sort['col']> = new Set(['publishedAt', 'reach'])

/**
 * A search matching at least this many mentions is a common one: the grid walks its sort index and checks
 * each row against the match set (built once), stopping after the page; reading and sorting every match
 * costs about 2 µs a match (0.6 s for a word in 300k mentions at 1M), the walk 0.2 µs per index entry
 * passed. Rarer searches start from their matches (a walk could pass the whole index to find few rows).
 */
export const COMMON_MATCHES = 20_000

let indexWalks = true
/**
 * For benchmarks only: off gives the plans before issue #18 (a search starts from its matches whatever
 * their number; a far jump in a reach-sorted list ranks the whole list once), as the baseline.
 */
export function useIndexWalks(on: boolean): void {
  indexWalks = on
}

/** Keys of rows already served, per filter and sort, so a later block continues by key, not OFFSET. */
class AnchorCache {
  private readonly lists = new Map<string, { anchors: Map<number, Key>; total: number | null }>()
  get(key: string) {
    let entry = this.lists.get(key)
    if (!entry) {
      entry = { anchors: new Map(), total: null }
      this.lists.set(key, entry)
      if (this.lists.size > 32) this.lists.delete(this.lists.keys().next().value as string)
    }
    return entry
  }
  clear(): void {
    this.lists.clear()
  }
}

const RAW_COLUMNS = `m.id, m.published_at, m.platform, m.kind, m.outlet_id, o.name AS outlet, m.author_id, a.name AS author, a.type AS author_type,
  m.title, substr(m.text, 1, 400) AS snippet, m.url, m.lang, m.sentiment, m.sentiment_origin, m.sentiment_score, m.reach, m.views, m.likes,
  m.reposts, m.comments, m.story_id, m.irrelevant, m.response_status,
  (SELECT s.size FROM stories s WHERE s.id = m.story_id) AS story_size,
  (SELECT group_concat(t.name, '|') FROM mention_topics mt JOIN topics t ON t.id = mt.topic_id WHERE mt.mention_id = m.id) AS topics,
  (SELECT group_concat(sj.name, '|') FROM mention_subjects ms JOIN subjects sj ON sj.id = ms.subject_id WHERE ms.mention_id = m.id) AS subjects`

interface RawRow {
  id: number
  published_at: number
  platform: string
  kind: string | null
  outlet_id: number | null
  outlet: string | null
  author_id: number | null
  author: string | null
  author_type: string | null
  title: string | null
  snippet: string
  url: string | null
  lang: string | null
  sentiment: number | null
  sentiment_origin: string | null
  sentiment_score: number | null
  reach: number | null
  views: number | null
  likes: number | null
  reposts: number | null
  comments: number | null
  story_id: number | null
  irrelevant: number
  response_status: string | null
  story_size: number | null
  topics: string | null
  subjects: string | null
  sort_key?: number | string
}

export class MentionQueries {
  private readonly anchors = new AnchorCache()
  /** FTS5 query → its matches, counted up to commonMatches (until the next invalidate). */
  private readonly matchCounts = new Map<string, number>()
  /** The filter and sort of the last block served (the list on screen). */
  private shown = ''
  constructor(
    private readonly db: Db,
    private readonly timeZone: () => string,
    /** Tests lower it to try both plans on a small workspace. */
    private readonly commonMatches = COMMON_MATCHES
  ) {}

  /** Call after writes that change which rows a filter returns. */
  invalidate(): void {
    this.anchors.clear()
    this.matchCounts.clear()
  }

  /** Whether every text query of the filter's search matches at least commonMatches mentions. */
  private commonSearch(filter: MentionFilter): boolean {
    if (!filter.search?.trim()) return false
    const { matches } = buildWhere(filter, this.timeZone())
    return matches.length > 0 && matches.every((m) => this.matchCount(m) >= this.commonMatches)
  }

  private matchCount(match: string): number {
    let n = this.matchCounts.get(match)
    if (n === undefined) {
      n = this.db
        .prepare('SELECT count(*) FROM (SELECT 1 FROM mentions_fts WHERE mentions_fts MATCH ? LIMIT ?)')
        .pluck()
        .get(match, this.commonMatches) as number
      if (this.matchCounts.size > 64) this.matchCounts.clear()
      this.matchCounts.set(match, n)
    }
    return n
  }

  /** Rows [startRow, endRow) of the filtered, sorted list (AG Grid's infinite row model asks by block). */
  page(filter: MentionFilter, sort: Sort, startRow: number, endRow: number): MentionPage {
    const q = this.pageQuery(filter, sort)
    this.shown = JSON.stringify([filter, sort])
    const entry = this.anchors.get(this.shown)
    this.extendAnchors(entry, q, startRow)
    let anchorRow = -1
    for (const i of entry.anchors.keys()) if (i < startRow && i > anchorRow) anchorRow = i
    const anchor = anchorRow >= 0 ? entry.anchors.get(anchorRow)! : null
    const offset = startRow - anchorRow - 1
    const limit = Math.max(0, Math.min(1000, endRow - startRow))
    // Keys first (ordered, inside the indexes where possible), then the 100 rows with their columns:
    // a sort over many rows never carries text, names and topic lists along.
    const keys = this.db
      .prepare(anchor ? q.keyFromAnchor : q.keyFirst)
      .raw()
      .all(...q.where.params, ...(anchor ? afterKey(anchor) : []), limit, offset) as [
      number | string,
      number
    ][]
    const byId = this.rawRows(keys.map((k) => k[1]))
    const raw = keys.map(([k, id]) => ({ ...byId.get(id)!, sort_key: k }))
    raw.forEach((r, k) => {
      const idx = startRow + k
      if (k === raw.length - 1 || idx % 100 === 99) entry.anchors.set(idx, [r.sort_key!, r.id])
    })
    // A short block ends the list (an empty one past the end says only that the end is above).
    if (raw.length < limit && (raw.length > 0 || startRow === 0)) entry.total = startRow + raw.length
    // A search's total means reading every match: the status bar asks for it separately, and the grid
    // grows as it scrolls until a short block ends the list.
    if (entry.total === null && (!filter.search?.trim() || fromSummaries(filter, this.timeZone())))
      entry.total = this.count(filter)
    return { rows: raw.map(toRow), total: entry.total }
  }

  /** Grid rows for these ids, in this order (missing ids skipped). */
  rowsByIds(ids: number[]): MentionRow[] {
    const byId = this.rawRows(ids)
    return ids.flatMap((id) => (byId.has(id) ? [toRow(byId.get(id)!)] : []))
  }

  private rawRows(ids: number[]): Map<number, RawRow> {
    const rows = this.db
      .prepare(
        `SELECT ${RAW_COLUMNS} FROM mentions m LEFT JOIN outlets o ON o.id = m.outlet_id LEFT JOIN authors a ON a.id = m.author_id
         WHERE m.id IN (SELECT value FROM json_each(?))`
      )
      .all(JSON.stringify(ids)) as RawRow[]
    return new Map(rows.map((r) => [r.id, r]))
  }

  /**
   * Lays anchors further down the list on screen while the app is idle, so that a later scrollbar jump
   * finds one near: 10 steps a call, about 20 ms at a million mentions (the main thread stays responsive).
   * True when there is nothing more to do (the list is anchored to its end, another list is on screen,
   * or the sort has no index to step along).
   */
  warmAnchors(filter: MentionFilter, sort: Sort, steps = 10): boolean {
    const key = JSON.stringify([filter, sort])
    if (key !== this.shown) return true
    const q = this.pageQuery(filter, sort)
    if (!q.indexed) return true
    const entry = this.anchors.get(key)
    const last = () => Math.max(-1, ...entry.anchors.keys())
    const before = last()
    this.extendAnchors(entry, q, before + steps * ANCHOR_STEP + 1)
    const after = last()
    return (
      after < before + steps * ANCHOR_STEP || (entry.total !== null && after + ANCHOR_STEP >= entry.total)
    )
  }

  /** The grid's SQL for a filter and sort: from the top, and continuing after an anchor key. */
  private pageQuery(filter: MentionFilter, sort: Sort) {
    const indexed = INDEXED_SORTS.has(sort.col) && (indexWalks || sort.col === 'publishedAt')
    const where = buildWhere(filter, this.timeZone(), {
      matchesAsFilter: indexWalks && indexed && this.commonSearch(filter)
    })
    const expr = SORT_SQL[sort.col]
    const dir = sort.dir === 'asc' ? 'ASC' : 'DESC'
    const cmp = sort.dir === 'asc' ? '>' : '<'
    const order = `ORDER BY ${expr} ${dir}, m.id ${dir}`
    // After an anchor: the key alone first (SQLite seeks an index on an expression by it, not by the pair).
    const sql = (columns: string, after: boolean) =>
      `SELECT ${columns} FROM mentions m
      WHERE ${where.sql}${after ? ` AND ${expr} ${cmp}= ? AND (${expr}, m.id) ${cmp} (?, ?)` : ''} ${order} LIMIT ? OFFSET ?`
    return {
      expr,
      order,
      where,
      keyFirst: sql(`${expr} AS k, m.id AS id`, false),
      keyFromAnchor: sql(`${expr} AS k, m.id AS id`, true),
      indexed
    }
  }

  /**
   * A jump of the scrollbar asks for a block far below the rows served so far. Keys every ANCHOR_STEP
   * rows make any block one short keyset read: by date and by reach they are found by stepping along the
   * sort's index from the last known key (each step skips ANCHOR_STEP index entries); other sorts take
   * one ranked pass.
   */
  private extendAnchors(
    entry: { anchors: Map<number, Key> },
    q: ReturnType<MentionQueries['pageQuery']>,
    startRow: number
  ): void {
    let best = -1
    for (const i of entry.anchors.keys()) if (i < startRow && i > best) best = i
    if (startRow - best <= ANCHOR_STEP) return
    if (!q.indexed) {
      const rows = this.db
        .prepare(
          `SELECT k, id, rn FROM (SELECT ${q.expr} AS k, m.id AS id, row_number() OVER (${q.order}) AS rn
           FROM mentions m WHERE ${q.where.sql}) WHERE rn % ${ANCHOR_STEP} = 0`
        )
        .raw()
        .all(...q.where.params) as [number | string, number, number][]
      for (const [k, id, rn] of rows) entry.anchors.set(rn - 1, [k, id])
      return
    }
    const first = this.db.prepare(q.keyFirst).raw()
    const next = this.db.prepare(q.keyFromAnchor).raw()
    while (startRow - best > ANCHOR_STEP) {
      const from = best >= 0 ? entry.anchors.get(best)! : null
      const key = (
        from
          ? next.get(...q.where.params, ...afterKey(from), 1, ANCHOR_STEP - 1)
          : first.get(...q.where.params, 1, best + ANCHOR_STEP)
      ) as [number | string, number] | undefined
      if (!key) return
      best += ANCHOR_STEP
      entry.anchors.set(best, key)
    }
  }

  /** EXPLAIN QUERY PLAN of the grid's block query (from the top, or after an anchor): tests pin its indexes. */
  plan(filter: MentionFilter, sort: Sort, afterAnchor = false): string[] {
    const q = this.pageQuery(filter, sort)
    const rows = this.db
      .prepare(`EXPLAIN QUERY PLAN ${afterAnchor ? q.keyFromAnchor : q.keyFirst}`)
      .all(...q.where.params, ...(afterAnchor ? afterKey([0, 0]) : []), 100, 0) as { detail: string }[]
    return rows.map((r) => r.detail)
  }

  count(filter: MentionFilter): number {
    return this.counts(filter).total
  }

  /** Counts for the status bar: total and by sentiment (from the hourly summaries where the filter allows). */
  counts(filter: MentionFilter): {
    total: number
    negative: number
    neutral: number
    positive: number
    unlabelled: number
  } {
    const t = totals(this.db, filter, this.timeZone())
    return {
      total: t.n,
      negative: t.negative,
      neutral: t.neutral,
      positive: t.positive,
      unlabelled: t.unlabelled
    }
  }

  detail(id: number): MentionDetail | null {
    const r = this.db
      .prepare(
        `SELECT ${RAW_COLUMNS}, m.text, a.url AS author_url, o.url AS outlet_url, m.model_explanation, m.import_sentiment, m.import_sentiment_raw,
         m.model_sentiment, m.manual_sentiment, m.tags, m.response_assignee, m.response_note, m.response_url
         FROM mentions m LEFT JOIN outlets o ON o.id = m.outlet_id LEFT JOIN authors a ON a.id = m.author_id WHERE m.id = ?`
      )
      .get(id) as (RawRow & Record<string, unknown>) | undefined
    if (!r) return null
    const story = r.story_id
      ? (this.db
          .prepare(
            `SELECT m.id, m.published_at AS publishedAt, o.name AS outlet, m.title, m.url FROM mentions m LEFT JOIN outlets o ON o.id = m.outlet_id
             WHERE m.story_id = ? AND m.id != ? ORDER BY m.published_at LIMIT 50`
          )
          .all(r.story_id, id) as MentionDetail['story'])
      : []
    const history = this.db
      .prepare(
        'SELECT at, field, old_value AS oldValue, new_value AS newValue, user_name AS user FROM label_events WHERE mention_id = ? ORDER BY at DESC, id DESC LIMIT 50'
      )
      .all(id) as MentionDetail['history']
    const why = readExplanation(r.model_explanation as string | null)
    return {
      ...toRow(r),
      text: String(r.text ?? ''),
      authorUrl: (r.author_url as string | null) ?? null,
      outletUrl: (r.outlet_url as string | null) ?? null,
      explanation: why.words,
      explanationClause: why.clause,
      importSentiment: sentimentFromInt(r.import_sentiment as number | null),
      importSentimentRaw: (r.import_sentiment_raw as string | null) ?? null,
      modelSentiment: sentimentFromInt(r.model_sentiment as number | null),
      manualSentiment: sentimentFromInt(r.manual_sentiment as number | null),
      tags: parseJson<string[]>(r.tags as string | null) ?? [],
      responseAssignee: (r.response_assignee as string | null) ?? null,
      responseNote: (r.response_note as string | null) ?? null,
      responseUrl: (r.response_url as string | null) ?? null,
      story,
      history
    }
  }
}

function toRow(r: RawRow): MentionRow {
  return {
    id: r.id,
    publishedAt: r.published_at,
    platform: r.platform as Platform,
    kind: r.kind,
    outlet: r.outlet,
    outletId: r.outlet_id,
    author: r.author,
    authorId: r.author_id,
    authorType: (r.author_type as AuthorType | null) ?? null,
    title: r.title,
    snippet: r.snippet,
    url: r.url,
    lang: r.lang,
    sentiment: sentimentFromInt(r.sentiment),
    sentimentOrigin: (r.sentiment_origin as SentimentOrigin | null) ?? null,
    sentimentScore: r.sentiment_score,
    reach: r.reach,
    views: r.views,
    likes: r.likes,
    reposts: r.reposts,
    comments: r.comments,
    engagement: (r.likes ?? 0) + (r.reposts ?? 0) + (r.comments ?? 0),
    storyId: r.story_id,
    storySize: r.story_size ?? 1,
    topics: r.topics ? r.topics.split('|') : [],
    subjects: r.subjects ? r.subjects.split('|') : [],
    irrelevant: r.irrelevant === 1,
    responseStatus: (r.response_status as MentionRow['responseStatus']) ?? null
  }
}

function parseJson<T>(s: string | null): T | null {
  if (!s) return null
  try {
    return JSON.parse(s) as T
  } catch {
    return null
  }
}
