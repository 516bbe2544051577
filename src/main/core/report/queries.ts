/**
 * The SQL the digest model needs. Every query over mentions walks `mentions_published`
 * (published_at range first), so a week costs the same in a database of any size.
 */
import { type ResponseStatus } from '../../../shared/types'
import type Database from 'better-sqlite3'
import type { Db } from '../db/open'
import type { AuthorType, Platform } from '../../../shared/types'

/** A mention of the period, light columns only (as an array for speed). */
export interface LightRow {
  id: number
  at: number
  platform: Platform
  sentiment: -1 | 0 | 1 | null
  origin: 'manual' | 'import' | 'model' | null
  reach: number
  story: number
  author: number | null
  outlet: number | null
}

interface Range {
  start: number
  end: number
}

type Stmt = Database.Statement<unknown[], unknown>
const cache = new WeakMap<Db, Map<string, Stmt>>()
/** A prepared statement, prepared once per connection. */
function st(db: Db, sql: string): Stmt {
  let m = cache.get(db)
  if (!m) cache.set(db, (m = new Map()))
  let s = m.get(sql)
  if (!s) m.set(sql, (s = db.prepare(sql)))
  return s
}

/** Mentions of a period (irrelevant ones excluded). Merged authors resolve to the author they were merged into. */
export function periodRows(db: Db, r: Range): LightRow[] {
  const merged = mergedAuthors(db)
  const raw = st(
    db,
    `SELECT id, published_at, platform, sentiment, sentiment_origin, coalesce(reach, 0), coalesce(story_id, -id), author_id, outlet_id
     FROM mentions INDEXED BY mentions_published WHERE published_at >= ? AND published_at < ? AND irrelevant = 0`
  )
    .raw()
    .all(r.start, r.end) as [
    number,
    number,
    Platform,
    -1 | 0 | 1 | null,
    LightRow['origin'],
    number,
    number,
    number | null,
    number | null
  ][]
  return raw.map(([id, at, platform, sentiment, origin, reach, story, author, outlet]) => ({
    id,
    at,
    platform,
    sentiment,
    origin,
    reach,
    story,
    author: author === null ? null : (merged.get(author) ?? author),
    outlet
  }))
}

/** author id → the id it was merged into (few rows: a partial index holds them). */
function mergedAuthors(db: Db): Map<number, number> {
  const rows = st(db, 'SELECT id, merged_into FROM authors WHERE merged_into IS NOT NULL').raw().all() as [
    number,
    number
  ][]
  return new Map(rows)
}

/** (topic, mention) pairs of the period, for enabled topics. */
export function topicPairs(db: Db, r: Range): [number, number][] {
  return st(
    db,
    `SELECT mt.topic_id, m.id FROM mentions m INDEXED BY mentions_published
     JOIN mention_topics mt ON mt.mention_id = m.id
     WHERE m.published_at >= ? AND m.published_at < ? AND m.irrelevant = 0`
  )
    .raw()
    .all(r.start, r.end) as [number, number][]
}

/** Negative mentions per topic in a period. */
export function topicNegatives(db: Db, r: Range): Map<number, number> {
  const rows = st(
    db,
    `SELECT mt.topic_id, count(*) FROM mentions m INDEXED BY mentions_published
     JOIN mention_topics mt ON mt.mention_id = m.id
     WHERE m.published_at >= ? AND m.published_at < ? AND m.irrelevant = 0 AND m.sentiment = -1 GROUP BY mt.topic_id`
  )
    .raw()
    .all(r.start, r.end) as [number, number][]
  return new Map(rows)
}

export interface TopicRow {
  id: number
  key: string
  name: string
  names: string | null
  query: string | null
  sort: number
}
export function enabledTopics(db: Db): Map<number, TopicRow> {
  const rows = st(
    db,
    'SELECT id, key, name, names, query, sort FROM topics WHERE enabled = 1'
  ).all() as TopicRow[]
  return new Map(rows.map((r) => [r.id, r]))
}

/** A topic's name in the report language: `names` may hold {"kk": "...", "en": "..."}. */
export function topicName(row: TopicRow, lang: string): string {
  if (row.names) {
    try {
      const n = JSON.parse(row.names) as Record<string, unknown>
      const v = n[lang]
      if (typeof v === 'string' && v.trim()) return v.trim()
    } catch {
      /* plain text or damaged: use name */
    }
  }
  return row.name
}

/** The enabled monitoring subjects' names and queries. */
export function subjectQueries(db: Db): string[] {
  const rows = st(db, 'SELECT name, query FROM subjects WHERE enabled = 1').all() as {
    name: string
    query: string
  }[]
  return rows.flatMap((r) => [r.name, r.query])
}

export interface DetailRow {
  id: number
  published_at: number
  platform: Platform
  sentiment: -1 | 0 | 1 | null
  title: string | null
  text: string
  url: string | null
  reach: number | null
  story_size: number
  author_id: number | null
  author_name: string | null
  author_url: string | null
  author_type: AuthorType | null
  author_platform: Platform | null
  outlet_name: string | null
  outlet_url: string | null
}

/** Full rows of the mentions the digest quotes. */
export function details(db: Db, ids: number[]): Map<number, DetailRow> {
  const out = new Map<number, DetailRow>()
  const q = st(
    db,
    `SELECT m.id, m.published_at, m.platform, m.sentiment, m.title, substr(m.text, 1, 2000) AS text, m.url, m.reach,
       coalesce(s.size, 1) AS story_size, a.id AS author_id, a.name AS author_name, a.url AS author_url, a.type AS author_type,
       a.platform AS author_platform, o.name AS outlet_name, o.url AS outlet_url
     FROM mentions m LEFT JOIN authors a0 ON a0.id = m.author_id LEFT JOIN authors a ON a.id = coalesce(a0.merged_into, a0.id)
     LEFT JOIN outlets o ON o.id = m.outlet_id LEFT JOIN stories s ON s.id = m.story_id
     WHERE m.id = ?`
  )
  for (const id of ids) {
    const row = q.get(id) as DetailRow | undefined
    if (row) out.set(id, row)
  }
  return out
}

export interface AuthorRow {
  id: number
  name: string
  url: string | null
  type: AuthorType
  platform: Platform
}
export function authorsById(db: Db, ids: Iterable<number>): Map<number, AuthorRow> {
  const q = st(db, 'SELECT id, name, url, type, platform FROM authors WHERE id = ?')
  const out = new Map<number, AuthorRow>()
  for (const id of ids) {
    const r = q.get(id) as AuthorRow | undefined
    if (r) out.set(id, r)
  }
  return out
}

/** Type of whoever has this handle as a name (`name_norm` is indexed); null when nobody does. */
export function handleType(db: Db, handle: string): AuthorType | null {
  const r = st(
    db,
    "SELECT type FROM authors WHERE name_norm IN (?, ?) ORDER BY type IN ('media','official','blogger') DESC LIMIT 1"
  ).get(handle, `@${handle}`) as { type: AuthorType } | undefined
  return r?.type ?? null
}

export interface LearnedModelRow {
  kind: string
  quality: string | null
  labels: number
  trained_at: number
}
export function latestModel(db: Db): LearnedModelRow | null {
  return (
    (st(
      db,
      "SELECT kind, quality, labels, trained_at FROM learned_models ORDER BY (kind LIKE '%sentiment%') DESC, trained_at DESC, id DESC LIMIT 1"
    ).get() as LearnedModelRow | undefined) ?? null
  )
}

export interface ResponseRow {
  id: number
  sentiment: -1 | 0 | 1 | null
  status: ResponseStatus
  note: string | null
  url: string | null
}

/** Publications of a period with a response status (few: the partial index holds them). */
export function responseRows(db: Db, r: Range): ResponseRow[] {
  return st(
    db,
    `SELECT id, sentiment, response_status AS status, response_note AS note, response_url AS url
     FROM mentions INDEXED BY mentions_response
     WHERE response_status IN ('needed', 'assigned', 'answered') AND published_at >= ? AND published_at < ? AND irrelevant = 0
     ORDER BY coalesce(reach, 0) DESC, id`
  ).all(r.start, r.end) as ResponseRow[]
}
