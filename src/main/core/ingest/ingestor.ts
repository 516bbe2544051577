import type { Db } from '../db/open'
import type { MentionInput, Sentiment } from '../../../shared/types'
import { SENTIMENT_TO_INT } from '../../../shared/types'
import { normalizeText, xmlSafeText } from '../../../shared/text'
import { FTS_INSERT_SQL, ftsRow, type FtsRow } from './fts'
import { safeHttpUrl } from '../../../shared/url'
import { normalizeHost } from '../../../shared/query/host'
import { authorKey, dedupKey, outletKey } from './keys'
import { clock } from '../../../shared/clock'

/** What analysis says of a new mention, before it is stored. */
export interface MentionAnalysis {
  lang?: string | null
  sentiment?: { label: Sentiment; score: number; explanation: string[] } | null
  topicIds?: number[]
  subjectIds?: number[]
  /** The near-duplicate signature to store (see analysis/stories). */
  storySig?: Uint8Array | null
}

/** Analysis plugged into ingest: sentiment, language, topics, subjects (per record) and stories (after insert). */
export interface MentionAnalyzer {
  analyze(rec: MentionInput): MentionAnalysis
  /** Returns the id of the story's first member when the new mention joins an existing story. */
  story?(id: number, rec: MentionInput): number | null
}

export type IngestOutcome = 'inserted' | 'updated' | 'duplicate'

export interface IngestCounts {
  inserted: number
  updated: number
  duplicates: number
}

export interface IngestOptions {
  batchId?: number | null
  sourceId?: number | null
  analyzer?: MentionAnalyzer | null
  now?: number
}

const METRICS = ['reach', 'views', 'likes', 'reposts', 'comments'] as const

/**
 * The one pipeline every new mention goes through (import, collection, demo): de-duplicates against
 * the database and the batch so far, upserts its author and outlet, stores it, indexes it for search,
 * runs analysis. The caller owns the transaction: everything or nothing.
 */
/** Full-text rows held back and written together. */
const FTS_BATCH = 512

export class Ingestor {
  readonly counts: IngestCounts = { inserted: 0, updated: 0, duplicates: 0 }
  readonly insertedIds: number[] = []
  private readonly db: Db
  private readonly opts: IngestOptions
  private readonly now: number
  private readonly authorIds = new Map<string, number>()
  private readonly outletIds = new Map<string, number>()
  private readonly st: ReturnType<typeof prepare>
  private readonly ftsRows: FtsRow[] = []

  constructor(db: Db, opts: IngestOptions = {}) {
    this.db = db
    this.opts = opts
    this.now = opts.now ?? clock.now()
    this.st = prepare(db)
  }

  /**
   * Writes the full-text rows still held back. Call before the transaction commits (`finish` does).
   * FTS5 writes its pending index at every savepoint, and each mention insert opens one (its triggers):
   * inserting the FTS rows in groups halves their cost.
   */
  flush(): void {
    for (const r of this.ftsRows) this.st.fts.run(...r)
    this.ftsRows.length = 0
  }

  /** Flushes and returns the counts: the last call before a batch is finished. */
  finish(): IngestCounts {
    this.flush()
    return this.counts
  }

  /** Adds one record; returns what happened to it. */
  add(input: MentionInput): IngestOutcome {
    const rec = storableText(input)
    const { key, urlKey } = dedupKey(rec)
    const existing = (this.st.byKey.get(key) ?? (urlKey ? this.st.byUrlKey.get(urlKey) : undefined)) as
      ExistingRow | undefined
    if (existing) return this.duplicate(existing, rec)

    const authorId = rec.author && rec.author.name.trim() ? this.author(rec) : null
    const outletId = rec.outlet && rec.outlet.name.trim() ? this.outlet(rec) : null
    const analysis = this.opts.analyzer?.analyze(rec) ?? {}
    const importS = rec.sentiment ? SENTIMENT_TO_INT[rec.sentiment] : null
    const modelS = analysis.sentiment ? SENTIMENT_TO_INT[analysis.sentiment.label] : null
    const effective = importS ?? modelS
    const origin = importS !== null ? 'import' : modelS !== null ? 'model' : null
    const info = this.st.insert.run({
      dedup_key: key,
      external_id: rec.externalId?.trim() || null,
      published_at: Math.round(rec.publishedAt),
      platform: rec.platform,
      kind: rec.kind ?? null,
      outlet_id: outletId,
      author_id: authorId,
      title: rec.title?.trim() || null,
      text: rec.text ?? '',
      url: rec.url?.trim() || null,
      url_key: urlKey,
      host: safeHttpUrl(rec.url) ? normalizeHost(rec.url) : null,
      lang: analysis.lang ?? rec.lang ?? null,
      sentiment: effective,
      sentiment_origin: origin,
      sentiment_score: importS !== null ? 1 : (analysis.sentiment?.score ?? null),
      import_sentiment: importS,
      import_sentiment_raw: rec.sentimentRaw ?? null,
      model_sentiment: modelS,
      model_score: analysis.sentiment?.score ?? null,
      model_explanation: analysis.sentiment ? JSON.stringify(analysis.sentiment.explanation) : null,
      reach: num(rec.reach),
      views: num(rec.views),
      likes: num(rec.likes),
      reposts: num(rec.reposts),
      comments: num(rec.comments),
      tags: rec.tags && rec.tags.length ? JSON.stringify(rec.tags) : null,
      source_id: this.opts.sourceId ?? null,
      batch_id: this.opts.batchId ?? null,
      story_sig: analysis.storySig ? Buffer.from(analysis.storySig) : null,
      analysed_at: this.opts.analyzer ? this.now : null,
      created_at: this.now
    })
    const id = Number(info.lastInsertRowid)
    this.ftsRows.push(ftsRow(id, rec.title, rec.text))
    if (this.ftsRows.length >= FTS_BATCH) this.flush()
    for (const t of analysis.topicIds ?? []) this.st.topic.run(t, id)
    for (const s of analysis.subjectIds ?? []) this.st.subject.run(s, id)
    const storyOf = this.opts.analyzer?.story?.(id, rec) ?? null
    if (storyOf !== null && storyOf !== id) joinStory(this.db, storyOf, id, rec)
    this.counts.inserted++
    this.insertedIds.push(id)
    return 'inserted'
  }

  private duplicate(existing: ExistingRow, rec: MentionInput): IngestOutcome {
    this.counts.duplicates++
    if (this.opts.batchId && existing.batch_id !== this.opts.batchId)
      this.st.dupLink.run(this.opts.batchId, existing.id)
    let changed = false
    const sets: Record<string, number | string | null> = {}
    for (const m of METRICS) {
      const v = num(rec[m])
      if (v !== null && v !== existing[m] && (existing[m] === null || v > existing[m]!)) {
        sets[m] = v
        changed = true
      }
    }
    const importS = rec.sentiment ? SENTIMENT_TO_INT[rec.sentiment] : null
    let labelChanged = false
    if (importS !== null && importS !== existing.import_sentiment) {
      sets.import_sentiment = importS
      sets.import_sentiment_raw = rec.sentimentRaw ?? null
      if (existing.manual_sentiment === null) {
        sets.sentiment = importS
        sets.sentiment_origin = 'import'
        sets.sentiment_score = 1
      }
      labelChanged = true
    }
    if (!changed && !labelChanged) return 'duplicate'
    const cols = Object.keys(sets)
    this.db
      .prepare(
        `UPDATE mentions SET ${cols.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @now WHERE id = @id`
      )
      .run({ ...sets, now: this.now, id: existing.id })
    if (changed) this.counts.updated++
    return changed ? 'updated' : 'duplicate'
  }

  private author(rec: MentionInput): number {
    const a = rec.author!
    const key = authorKey(rec.platform, a)
    let id = this.authorIds.get(key)
    if (id === undefined) {
      const row = this.st.authorByKey.get(key) as { id: number } | undefined
      id = row
        ? row.id
        : Number(
            this.st.authorInsert.run({
              key,
              platform: rec.platform,
              name: a.name.trim(),
              name_norm: normalizeText(a.name.trim()),
              url: a.url ?? null,
              type: a.type ?? 'unknown',
              gender: a.gender ?? null,
              age: a.age ?? null,
              followers: num(a.followers),
              created_at: this.now
            }).lastInsertRowid
          )
      if (row)
        this.st.authorRefresh.run({
          id,
          type: a.type ?? null,
          gender: a.gender ?? null,
          age: a.age ?? null,
          followers: num(a.followers)
        })
      this.authorIds.set(key, id)
    }
    return id
  }

  private outlet(rec: MentionInput): number {
    const o = rec.outlet!
    const key = outletKey(rec.platform, o)
    let id = this.outletIds.get(key)
    if (id === undefined) {
      const row = this.st.outletByKey.get(key) as { id: number } | undefined
      id = row
        ? row.id
        : Number(
            this.st.outletInsert.run({
              key,
              platform: rec.platform,
              name: o.name.trim(),
              url: o.url ?? null,
              audience: num(o.audience),
              created_at: this.now
            }).lastInsertRowid
          )
      this.outletIds.set(key, id)
    }
    return id
  }
}

interface ExistingRow {
  id: number
  batch_id: number | null
  import_sentiment: number | null
  manual_sentiment: number | null
  reach: number | null
  views: number | null
  likes: number | null
  reposts: number | null
  comments: number | null
}

/** Puts mention `id` into the story whose first member is `first`. */
export function joinStory(db: Db, first: number, id: number, rec: MentionInput): void {
  const row = db.prepare('SELECT id FROM stories WHERE id = ?').get(first)
  if (!row) {
    const f = db.prepare('SELECT published_at, title, text FROM mentions WHERE id = ?').get(first) as
      { published_at: number; title: string | null; text: string } | undefined
    if (!f) return
    db.prepare('INSERT INTO stories (id, size, first_at, last_at, title) VALUES (?, 1, ?, ?, ?)').run(
      first,
      f.published_at,
      f.published_at,
      (f.title || f.text).slice(0, 200)
    )
    db.prepare('UPDATE mentions SET story_id = ? WHERE id = ?').run(first, first)
  }
  db.prepare('UPDATE mentions SET story_id = ? WHERE id = ?').run(first, id)
  db.prepare(
    'UPDATE stories SET size = size + 1, first_at = min(first_at, ?), last_at = max(last_at, ?) WHERE id = ?'
  ).run(rec.publishedAt, rec.publishedAt, first)
}

/**
 * The record with every text made storable: what no XML may carry (C0 controls but tab and newlines,
 * U+FFFE/U+FFFF, lone surrogates) removed, so that the DOCX and XLSX writers never meet it and SQLite
 * never stores invalid UTF-8. The one place it happens for import, collection and the demo.
 */
export function storableText(rec: MentionInput): MentionInput {
  const t = (v: string | null | undefined): string | null | undefined =>
    typeof v === 'string' ? xmlSafeText(v) : v
  const out: MentionInput = {
    ...rec,
    externalId: t(rec.externalId),
    title: t(rec.title),
    text: xmlSafeText(rec.text ?? ''),
    url: t(rec.url),
    lang: t(rec.lang),
    sentimentRaw: t(rec.sentimentRaw),
    tags: rec.tags ? rec.tags.map((x) => xmlSafeText(x)) : rec.tags
  }
  if (rec.author) out.author = { ...rec.author, name: xmlSafeText(rec.author.name), url: t(rec.author.url) }
  if (rec.outlet) out.outlet = { ...rec.outlet, name: xmlSafeText(rec.outlet.name), url: t(rec.outlet.url) }
  return out
}

function num(v: number | null | undefined): number | null {
  // Past 2^53 a count is not a count (a damaged export): SQLite's STRICT INTEGER column would refuse the
  // REAL and fail the whole batch.
  return typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= Number.MAX_SAFE_INTEGER
    ? Math.round(v)
    : null
}

function prepare(db: Db) {
  return {
    byKey: db.prepare(
      'SELECT id, batch_id, import_sentiment, manual_sentiment, reach, views, likes, reposts, comments FROM mentions WHERE dedup_key = ?'
    ),
    byUrlKey: db.prepare(
      'SELECT id, batch_id, import_sentiment, manual_sentiment, reach, views, likes, reposts, comments FROM mentions WHERE url_key = ? LIMIT 1'
    ),
    insert:
      db.prepare(`INSERT INTO mentions (dedup_key, external_id, published_at, platform, kind, outlet_id, author_id, title, text, url, url_key, host, lang,
      sentiment, sentiment_origin, sentiment_score, import_sentiment, import_sentiment_raw, model_sentiment, model_score, model_explanation,
      reach, views, likes, reposts, comments, tags, story_sig, source_id, batch_id, analysed_at, created_at)
      VALUES (@dedup_key, @external_id, @published_at, @platform, @kind, @outlet_id, @author_id, @title, @text, @url, @url_key, @host, @lang,
      @sentiment, @sentiment_origin, @sentiment_score, @import_sentiment, @import_sentiment_raw, @model_sentiment, @model_score, @model_explanation,
      @reach, @views, @likes, @reposts, @comments, @tags, @story_sig, @source_id, @batch_id, @analysed_at, @created_at)`),
    fts: db.prepare(FTS_INSERT_SQL),
    topic: db.prepare('INSERT OR IGNORE INTO mention_topics (topic_id, mention_id) VALUES (?, ?)'),
    subject: db.prepare('INSERT OR IGNORE INTO mention_subjects (subject_id, mention_id) VALUES (?, ?)'),
    dupLink: db.prepare('INSERT OR IGNORE INTO batch_duplicates (batch_id, mention_id) VALUES (?, ?)'),
    authorByKey: db.prepare('SELECT id FROM authors WHERE key = ?'),
    authorInsert:
      db.prepare(`INSERT INTO authors (key, platform, name, name_norm, url, type, gender, age, followers, created_at)
      VALUES (@key, @platform, @name, @name_norm, @url, @type, @gender, @age, @followers, @created_at)`),
    authorRefresh: db.prepare(`UPDATE authors SET
      type = CASE WHEN type_manual = 0 AND @type IS NOT NULL AND @type != 'unknown' THEN @type ELSE type END,
      gender = coalesce(@gender, gender), age = coalesce(@age, age), followers = coalesce(@followers, followers) WHERE id = @id`),
    outletByKey: db.prepare('SELECT id FROM outlets WHERE key = ?'),
    outletInsert: db.prepare(
      'INSERT INTO outlets (key, platform, name, url, audience, created_at) VALUES (@key, @platform, @name, @url, @audience, @created_at)'
    )
  }
}
