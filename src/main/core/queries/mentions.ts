import type { Db } from '../db/open'
import type { MentionFilter, Sort } from '../../../shared/filter'
import type { MentionDetail, MentionPage, MentionRow } from '../../../shared/rows'
import { sentimentFromInt, type AuthorType, type Platform, type SentimentOrigin } from '../../../shared/types'
import { buildWhere } from './filter'

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
  constructor(
    private readonly db: Db,
    private readonly timeZone: () => string
  ) {}

  /** Call after writes that change which rows a filter returns. */
  invalidate(): void {
    this.anchors.clear()
  }

  /** Rows [startRow, endRow) of the filtered, sorted list (AG Grid's infinite row model asks by block). */
  page(filter: MentionFilter, sort: Sort, startRow: number, endRow: number): MentionPage {
    const where = buildWhere(filter, this.timeZone())
    const expr = SORT_SQL[sort.col]
    const dir = sort.dir === 'asc' ? 'ASC' : 'DESC'
    const cmp = sort.dir === 'asc' ? '>' : '<'
    const cacheKey = JSON.stringify([filter, sort])
    const entry = this.anchors.get(cacheKey)
    let anchorRow = -1
    for (const i of entry.anchors.keys()) if (i < startRow && i > anchorRow) anchorRow = i
    const anchor = anchorRow >= 0 ? entry.anchors.get(anchorRow)! : null
    const offset = startRow - anchorRow - 1
    const limit = Math.max(0, Math.min(1000, endRow - startRow))
    const sql = `SELECT ${RAW_COLUMNS}, ${expr} AS sort_key FROM mentions m
      LEFT JOIN outlets o ON o.id = m.outlet_id LEFT JOIN authors a ON a.id = m.author_id
      WHERE ${where.sql}${anchor ? ` AND (${expr}, m.id) ${cmp} (?, ?)` : ''}
      ORDER BY ${expr} ${dir}, m.id ${dir} LIMIT ? OFFSET ?`
    const params = [...where.params, ...(anchor ? anchor : []), limit, offset]
    const raw = this.db.prepare(sql).all(...params) as RawRow[]
    raw.forEach((r, k) => {
      const idx = startRow + k
      if (k === raw.length - 1 || idx % 100 === 99) entry.anchors.set(idx, [r.sort_key!, r.id])
    })
    if (raw.length < limit) entry.total = startRow + raw.length
    if (entry.total === null) entry.total = this.count(filter)
    return { rows: raw.map(toRow), total: entry.total }
  }

  /** EXPLAIN QUERY PLAN of the first page of a filter and sort: tests pin the indexes the grid relies on. */
  plan(filter: MentionFilter, sort: Sort): string[] {
    const where = buildWhere(filter, this.timeZone())
    const expr = SORT_SQL[sort.col]
    const dir = sort.dir === 'asc' ? 'ASC' : 'DESC'
    const rows = this.db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT m.id FROM mentions m WHERE ${where.sql} ORDER BY ${expr} ${dir}, m.id ${dir} LIMIT 100`
      )
      .all(...where.params) as { detail: string }[]
    return rows.map((r) => r.detail)
  }

  count(filter: MentionFilter): number {
    const where = buildWhere(filter, this.timeZone())
    return (
      this.db.prepare(`SELECT count(*) AS n FROM mentions m WHERE ${where.sql}`).get(...where.params) as {
        n: number
      }
    ).n
  }

  /** Counts for the status bar: total and by sentiment. */
  counts(filter: MentionFilter): {
    total: number
    negative: number
    neutral: number
    positive: number
    unlabelled: number
  } {
    const where = buildWhere(filter, this.timeZone())
    const r = this.db
      .prepare(
        `SELECT count(*) AS total, sum(m.sentiment = -1) AS negative, sum(m.sentiment = 0) AS neutral, sum(m.sentiment = 1) AS positive,
         sum(m.sentiment IS NULL) AS unlabelled FROM mentions m WHERE ${where.sql}`
      )
      .get(...where.params) as Record<string, number | null>
    return {
      total: r.total ?? 0,
      negative: r.negative ?? 0,
      neutral: r.neutral ?? 0,
      positive: r.positive ?? 0,
      unlabelled: r.unlabelled ?? 0
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
    return {
      ...toRow(r),
      text: String(r.text ?? ''),
      authorUrl: (r.author_url as string | null) ?? null,
      outletUrl: (r.outlet_url as string | null) ?? null,
      explanation: parseJson<string[]>(r.model_explanation as string | null) ?? [],
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
