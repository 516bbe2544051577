import { looksLikeFormula } from '../../../shared/text'
import type { Db } from '../db/open'
import { sentimentFromInt } from '../../../shared/types'
import { isoInZone } from '../../../shared/time'
import { buildWhere } from './filter'
import type { MentionFilter } from '../../../shared/filter'

/** One exported mention: the `otklik export` contract. */
export interface ExportRecord {
  id: number
  publishedAt: string
  platform: string
  outlet: string | null
  author: string | null
  authorType: string | null
  title: string | null
  text: string
  url: string | null
  lang: string | null
  sentiment: string | null
  sentimentOrigin: string | null
  topics: string[]
  subjects: string[]
  storyId: number | null
  reach: number | null
  views: number | null
  likes: number | null
  reposts: number | null
  comments: number | null
  sourceId: number | null
  batchId: number | null
  irrelevant: boolean
  tags: string[]
}

export const EXPORT_FIELDS: (keyof ExportRecord)[] = [
  'id',
  'publishedAt',
  'platform',
  'outlet',
  'author',
  'authorType',
  'title',
  'text',
  'url',
  'lang',
  'sentiment',
  'sentimentOrigin',
  'topics',
  'subjects',
  'storyId',
  'reach',
  'views',
  'likes',
  'reposts',
  'comments',
  'sourceId',
  'batchId',
  'irrelevant',
  'tags'
]

/** Streams mentions in publication order (oldest first), in pages, so millions never sit in memory. */
export function* exportMentions(db: Db, filter: MentionFilter, timeZone: string): Generator<ExportRecord> {
  const where = buildWhere({ irrelevant: 'all', ...filter }, timeZone)
  const stmt = db.prepare(
    `SELECT m.id, m.published_at, m.platform, o.name AS outlet, a.name AS author, a.type AS author_type, m.title, m.text, m.url, m.lang,
       m.sentiment, m.sentiment_origin, m.story_id, m.reach, m.views, m.likes, m.reposts, m.comments, m.source_id, m.batch_id, m.irrelevant, m.tags,
       (SELECT json_group_array(t.name) FROM mention_topics mt JOIN topics t ON t.id = mt.topic_id WHERE mt.mention_id = m.id) AS topics,
       (SELECT json_group_array(sj.name) FROM mention_subjects ms JOIN subjects sj ON sj.id = ms.subject_id WHERE ms.mention_id = m.id) AS subjects
     FROM mentions m LEFT JOIN outlets o ON o.id = m.outlet_id LEFT JOIN authors a ON a.id = m.author_id
     WHERE ${where.sql} AND (m.published_at, m.id) > (?, ?) ORDER BY m.published_at, m.id LIMIT 2000`
  )
  let last: [number, number] = [-8.64e15, 0]
  for (;;) {
    const rows = stmt.all(...where.params, ...last) as Record<string, unknown>[]
    if (!rows.length) return
    for (const r of rows) {
      yield {
        id: r.id as number,
        publishedAt: isoInZone(r.published_at as number, timeZone),
        platform: r.platform as string,
        outlet: (r.outlet as string | null) ?? null,
        author: (r.author as string | null) ?? null,
        authorType: (r.author_type as string | null) ?? null,
        title: (r.title as string | null) ?? null,
        text: r.text as string,
        url: (r.url as string | null) ?? null,
        lang: (r.lang as string | null) ?? null,
        sentiment: sentimentFromInt(r.sentiment as number | null),
        sentimentOrigin: (r.sentiment_origin as string | null) ?? null,
        topics: JSON.parse((r.topics as string) ?? '[]') as string[],
        subjects: JSON.parse((r.subjects as string) ?? '[]') as string[],
        storyId: (r.story_id as number | null) ?? null,
        reach: (r.reach as number | null) ?? null,
        views: (r.views as number | null) ?? null,
        likes: (r.likes as number | null) ?? null,
        reposts: (r.reposts as number | null) ?? null,
        comments: (r.comments as number | null) ?? null,
        sourceId: (r.source_id as number | null) ?? null,
        batchId: (r.batch_id as number | null) ?? null,
        irrelevant: r.irrelevant === 1,
        tags: r.tags ? (JSON.parse(r.tags as string) as string[]) : []
      }
    }
    const tail = rows[rows.length - 1]!
    last = [tail.published_at as number, tail.id as number]
  }
}

/**
 * A CSV cell: quoted when needed; a leading = + - @ (or tab/CR; see `looksLikeFormula`: also after spaces,
 * zero-width and full-width forms) is neutralised with an apostrophe so spreadsheets don't run it.
 */
export function csvCell(v: unknown, delimiter = ';'): string {
  if (v === null || v === undefined) return ''
  let s = Array.isArray(v) ? v.join(', ') : typeof v === 'boolean' ? (v ? 'true' : 'false') : String(v)
  if (typeof v !== 'number' && looksLikeFormula(s)) s = `'${s}`
  if (s.includes(delimiter) || s.includes('"') || s.includes('\n') || s.includes('\r'))
    s = `"${s.replace(/"/g, '""')}"`
  return s
}
