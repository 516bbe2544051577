import type { Db } from '../db/open'
import type { MentionInput, Platform, Sentiment } from '../../../shared/types'
import { SENTIMENT_TO_INT } from '../../../shared/types'
import { normalizeText, xmlSafeText } from '../../../shared/text'
import { deferIndexing, FTS_INSERT_SQL, ftsRow, indexingPending, type FtsRow } from './fts'
import { clock } from '../../../shared/clock'
import { itemUrlKey, safeHttpUrl, siteDomain, telegramChannelOf } from '../../../shared/url'
import { normalizeHost } from '../../../shared/query/host'
import type { DuplicateReason } from './keys'
import { authorKey, contentKey, contentSignature, outletKey, sameContent, trustedExternalId } from './keys'
import { explanationJson } from '../analysis/explanation'

/** What analysis says of a new mention, before it is stored. */
export interface MentionAnalysis {
  lang?: string | null
  sentiment?: {
    label: Sentiment
    score: number
    explanation: string[]
    /** the clause that holds the deciding words (analysis/explanation.ts) */
    clause?: string | null
  } | null
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
  /** The same from the signature `analyze` returned (storySig): a row analysed elsewhere (a worker) is placed without its text. */
  storyOfSignature?(id: number, sig: Uint8Array, publishedAt: number): number | null
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
  /**
   * Leave the new mentions' full-text entries out: `finish` marks them pending (search_pending) and the
   * caller runs `indexPending` after its commit (a bulk import: rows in the grid first, searchable right after).
   */
  deferSearch?: boolean
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
  /** URL keys this batch gave to different items: no key for any of them. */
  private readonly sharedUrls = new Set<string>()
  /** Mentions this Ingestor inserted, kept only without a batch (a preview): a batch's rows carry its id. */
  private readonly ownIds = new Set<number>()
  private readonly sources = new Map<number, SourceSite | null>()
  private ownSource: SourceSite | null | undefined = undefined

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

  /** Flushes (or marks the new rows' index entries pending) and returns the counts: the last call before a batch is finished. */
  finish(): IngestCounts {
    this.flush()
    if (this.opts.deferSearch && this.insertedIds.length)
      deferIndexing(this.db, this.insertedIds[0]!, this.insertedIds[this.insertedIds.length - 1]!)
    return this.counts
  }

  /** Whether a stored mention has no full-text entry yet (it is written from its stored text later). */
  private unindexed(id: number): boolean {
    if (this.opts.deferSearch && this.insertedIds.length && id >= this.insertedIds[0]!) return true
    return indexingPending(this.db, id)
  }

  /** The stored mention the last `add` matched, and why (null when it was inserted). */
  lastMatch: { id: number; reason: DuplicateReason } | null = null

  /** Adds one record; returns what happened to it. */
  add(input: MentionInput): IngestOutcome {
    const rec = storableText(input)
    this.lastMatch = null
    const rank = this.rankOf(rec.url, this.source())
    const id = trustedExternalId(rec)
    let uk = itemUrlKey(rec.url)
    if (uk && this.sharedUrls.has(uk)) uk = null

    if (id) {
      const hit = this.st.byKey.get(`id:${id}`) as ExistingRow | undefined
      if (hit) return this.duplicate(hit, rec, 'id', rank)
    }
    if (uk) {
      const hit = (this.st.byKey.get(`url:${uk}`) ?? this.st.byUrlKey.get(uk)) as ExistingRow | undefined
      if (hit) {
        if (this.sameItemByUrl(hit, rec, uk, rank)) return this.duplicate(hit, rec, 'url', rank)
        uk = null
      }
    }
    // Without an id, the content key also finds an item stored before under it (its URL was shared then).
    let ck: string | null = null
    if (!id) {
      ck = contentKey(rec)
      const hit = this.st.byKey.get(ck) as ExistingRow | undefined
      if (hit) return this.duplicate(hit, rec, 'content', rank)
    }
    return this.insert(rec, id ? `id:${id}` : uk ? `url:${uk}` : ck!, uk)
  }

  /**
   * Whether a stored mention with the record's URL is the same publication. Within one batch (a file, a
   * feed snapshot) a URL given to items with other titles or texts is no key: the URL is marked shared
   * and the earlier item keyed by its content. Across batches the item's own site is believed (its copy
   * is the item), else the two must read alike.
   */
  private sameItemByUrl(hit: ExistingRow, rec: MentionInput, uk: string, rank: number): boolean {
    const thisBatch = this.opts.batchId ? hit.batch_id === this.opts.batchId : this.ownIds.has(hit.id)
    if (thisBatch) {
      if (contentSignature(hit.title, hit.text) === contentSignature(rec.title, rec.text)) return true
      this.shareUrl(uk, hit.id)
      return false
    }
    // A comment carries its article's address: never the article itself.
    if ((hit.kind === 'comment') !== (rec.kind === 'comment')) return false
    const stored = this.rankOf(hit.url, this.sourceById(hit.source_id))
    if (rank === OWN || stored === OWN) return true
    return sameContent(hit, rec)
  }

  /**
   * One batch gave this URL to different items: it identifies none of them. The first item is keyed by
   * its content from now on (when it was keyed by the URL) and no longer found by the URL.
   */
  private shareUrl(uk: string, firstId: number): void {
    this.sharedUrls.add(uk)
    this.flush()
    const row = this.st.contentOf.get(firstId) as
      | {
          dedup_key: string
          platform: Platform
          published_at: number
          title: string | null
          text: string
          author: string | null
        }
      | undefined
    if (row && row.dedup_key === `url:${uk}`) {
      const ck = contentKey({
        platform: row.platform,
        publishedAt: row.published_at,
        title: row.title,
        text: row.text,
        author: row.author ? { name: row.author } : null
      })
      if (!this.st.byKey.get(ck)) this.st.rekey.run({ id: firstId, key: ck, urlKey: `url:${uk}` })
    }
    this.st.dropUrlKey.run(firstId)
  }

  private insert(rec: MentionInput, key: string, uk: string | null): IngestOutcome {
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
      url_key: uk,
      host: safeHttpUrl(rec.url) ? normalizeHost(rec.url) : null,
      // The file's or feed's own language column is the publisher's word: it wins over detection.
      lang: rec.lang || analysis.lang || null,
      sentiment: effective,
      sentiment_origin: origin,
      sentiment_score: importS !== null ? 1 : (analysis.sentiment?.score ?? null),
      import_sentiment: importS,
      import_sentiment_raw: rec.sentimentRaw ?? null,
      model_sentiment: modelS,
      model_score: analysis.sentiment?.score ?? null,
      model_explanation: analysis.sentiment
        ? explanationJson(analysis.sentiment.explanation, analysis.sentiment.clause)
        : null,
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
    if (!this.opts.batchId) this.ownIds.add(id)
    if (this.opts.sourceId) this.st.sourceLink.run(id, this.opts.sourceId, this.now)
    if (!this.opts.deferSearch) {
      this.ftsRows.push(ftsRow(id, rec.title, rec.text))
      if (this.ftsRows.length >= FTS_BATCH) this.flush()
    }
    for (const t of analysis.topicIds ?? []) this.st.topic.run(t, id)
    for (const s of analysis.subjectIds ?? []) this.st.subject.run(s, id)
    const storyOf = this.opts.analyzer?.story?.(id, rec) ?? null
    if (storyOf !== null && storyOf !== id) joinStory(this.db, storyOf, id, rec)
    this.counts.inserted++
    this.insertedIds.push(id)
    return 'inserted'
  }

  private duplicate(
    existing: ExistingRow,
    rec: MentionInput,
    reason: DuplicateReason,
    rank: number
  ): IngestOutcome {
    this.counts.duplicates++
    this.lastMatch = { id: existing.id, reason }
    if (this.opts.batchId && existing.batch_id !== this.opts.batchId)
      this.st.dupLink.run(this.opts.batchId, existing.id)
    if (this.opts.sourceId) this.st.sourceLink.run(existing.id, this.opts.sourceId, this.now)
    const stored = this.rankOf(existing.url, this.sourceById(existing.source_id))
    let changed = false
    const sets: Record<string, number | string | null> = {}
    if (rank > stored) {
      // The item's own site (or a neutral export over a foreign copy): its title, text and metrics win.
      const title = rec.title?.trim() || null
      const text = rec.text ?? ''
      if (title || text.trim()) {
        if (title !== existing.title) sets.title = title
        if (text !== existing.text_full) sets.text = text
      }
      for (const m of METRICS) {
        const v = num(rec[m])
        if (v !== null ? v !== existing[m] : stored === FOREIGN && existing[m] !== null) sets[m] = v
      }
      if (this.opts.sourceId && existing.source_id !== this.opts.sourceId) sets.source_id = this.opts.sourceId
      const id = trustedExternalId(rec)
      if (id && existing.dedup_key !== `id:${id}` && !this.st.byKey.get(`id:${id}`)) {
        sets.dedup_key = `id:${id}`
        sets.external_id = id
      }
      changed = Object.keys(sets).some((k) => k !== 'source_id' && k !== 'dedup_key' && k !== 'external_id')
    } else if (rank === stored) {
      for (const m of METRICS) {
        const v = num(rec[m])
        if (v !== null && v !== existing[m] && (existing[m] === null || v > existing[m]!)) {
          sets[m] = v
          changed = true
        }
      }
    }
    // A lower-ranked (foreign) copy never overwrites what the origin said.
    const importS = rec.sentiment ? SENTIMENT_TO_INT[rec.sentiment] : null
    if (importS !== null && importS !== existing.import_sentiment) {
      sets.import_sentiment = importS
      sets.import_sentiment_raw = rec.sentimentRaw ?? null
      if (existing.manual_sentiment === null) {
        sets.sentiment = importS
        sets.sentiment_origin = 'import'
        sets.sentiment_score = 1
      }
    }
    const cols = Object.keys(sets)
    if (!cols.length) return 'duplicate'
    this.db
      .prepare(
        `UPDATE mentions SET ${cols.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @now WHERE id = @id`
      )
      .run({ ...sets, now: this.now, id: existing.id })
    if (('title' in sets || 'text' in sets) && !this.unindexed(existing.id)) {
      this.flush()
      this.st.ftsDelete.run(existing.id)
      this.st.fts.run(...ftsRow(existing.id, rec.title, rec.text))
    }
    if (changed) this.counts.updated++
    return changed ? 'updated' : 'duplicate'
  }

  /** The ingesting source, read once. */
  private source(): SourceSite | null {
    if (this.ownSource === undefined) this.ownSource = this.sourceById(this.opts.sourceId ?? null)
    return this.ownSource
  }

  private sourceById(id: number | null): SourceSite | null {
    if (id === null) return null
    let s = this.sources.get(id)
    if (s === undefined) {
      const row = this.st.sourceRow.get(id) as { type: string; url: string; target: string } | undefined
      s = row ? sourceSite(row) : null
      this.sources.set(id, s)
    }
    return s
  }

  /**
   * How far a copy of an item is believed: OWN when the source is the item's own site (the URL's
   * registrable domain) or its Telegram channel, FOREIGN when a feed or channel brings another site's
   * item, NEUTRAL for imports and watched folders (a monitoring service's export) and for items without a URL.
   */
  private rankOf(url: string | null | undefined, src: SourceSite | null): number {
    if (!src || !safeHttpUrl(url)) return NEUTRAL
    if (src.channel) return telegramChannelOf(url) === src.channel ? OWN : FOREIGN
    if (src.domain) return siteDomain(url) === src.domain ? OWN : FOREIGN
    return NEUTRAL
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
  dedup_key: string
  batch_id: number | null
  source_id: number | null
  url: string | null
  kind: string | null
  title: string | null
  /** The first 2,000 characters (for comparing). */
  text: string
  /** The whole text only when it is that short (else null: compared as changed). */
  text_full: string | null
  import_sentiment: number | null
  manual_sentiment: number | null
  reach: number | null
  views: number | null
  likes: number | null
  reposts: number | null
  comments: number | null
}

/** Puts mention `id` into the story whose first member is `first`. */
export function joinStory(db: Db, first: number, id: number, rec: Pick<MentionInput, 'publishedAt'>): void {
  const st = storyStatements(db)
  const row = st.exists.get(first)
  if (!row) {
    const f = st.firstOf.get(first) as
      { published_at: number; title: string | null; text: string } | undefined
    if (!f) return
    st.create.run(first, f.published_at, f.published_at, (f.title || f.text).slice(0, 200))
    st.setStory.run(first, first)
  }
  st.setStory.run(first, id)
  st.grow.run(rec.publishedAt, rec.publishedAt, first)
}

/** joinStory runs once per near-duplicate: its statements are prepared once per connection. */
const storyStatementCache = new WeakMap<Db, ReturnType<typeof prepareStory>>()

function storyStatements(db: Db): ReturnType<typeof prepareStory> {
  let st = storyStatementCache.get(db)
  if (!st) storyStatementCache.set(db, (st = prepareStory(db)))
  return st
}

function prepareStory(db: Db) {
  return {
    exists: db.prepare('SELECT id FROM stories WHERE id = ?'),
    firstOf: db.prepare('SELECT published_at, title, text FROM mentions WHERE id = ?'),
    create: db.prepare('INSERT INTO stories (id, size, first_at, last_at, title) VALUES (?, 1, ?, ?, ?)'),
    setStory: db.prepare('UPDATE mentions SET story_id = ? WHERE id = ?'),
    grow: db.prepare(
      'UPDATE stories SET size = size + 1, first_at = min(first_at, ?), last_at = max(last_at, ?) WHERE id = ?'
    )
  }
}

const FOREIGN = 0
const NEUTRAL = 1
const OWN = 2

/** What makes an item "its own" for a source: the feed's registrable domain, or the Telegram channel. */
interface SourceSite {
  domain: string | null
  channel: string | null
}

function sourceSite(row: { type: string; url: string; target: string }): SourceSite | null {
  if (row.type === 'telegram')
    return {
      domain: null,
      channel:
        telegramChannelOf(row.url.replace(/\/?$/, '/0')) ??
        (row.target.replace(/^@/, '').trim().toLowerCase() || null)
    }
  if (row.type === 'rss') return { domain: siteDomain(row.url), channel: null }
  return null
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
      'SELECT id, dedup_key, batch_id, source_id, url, kind, title, substr(text, 1, 2000) AS text, CASE WHEN length(text) <= 2000 THEN text END AS text_full, import_sentiment, manual_sentiment, reach, views, likes, reposts, comments FROM mentions WHERE dedup_key = ?'
    ),
    byUrlKey: db.prepare(
      'SELECT id, dedup_key, batch_id, source_id, url, kind, title, substr(text, 1, 2000) AS text, CASE WHEN length(text) <= 2000 THEN text END AS text_full, import_sentiment, manual_sentiment, reach, views, likes, reposts, comments FROM mentions WHERE url_key = ? ORDER BY id LIMIT 1'
    ),
    insert:
      db.prepare(`INSERT INTO mentions (dedup_key, external_id, published_at, platform, kind, outlet_id, author_id, title, text, url, url_key, host, lang,
      sentiment, sentiment_origin, sentiment_score, import_sentiment, import_sentiment_raw, model_sentiment, model_score, model_explanation,
      reach, views, likes, reposts, comments, tags, story_sig, source_id, batch_id, analysed_at, created_at)
      VALUES (@dedup_key, @external_id, @published_at, @platform, @kind, @outlet_id, @author_id, @title, @text, @url, @url_key, @host, @lang,
      @sentiment, @sentiment_origin, @sentiment_score, @import_sentiment, @import_sentiment_raw, @model_sentiment, @model_score, @model_explanation,
      @reach, @views, @likes, @reposts, @comments, @tags, @story_sig, @source_id, @batch_id, @analysed_at, @created_at)`),
    fts: db.prepare(FTS_INSERT_SQL),
    ftsDelete: db.prepare('DELETE FROM mentions_fts WHERE rowid = ?'),
    rekey: db.prepare('UPDATE mentions SET dedup_key = @key WHERE id = @id AND dedup_key = @urlKey'),
    dropUrlKey: db.prepare('UPDATE mentions SET url_key = NULL WHERE id = ?'),
    sourceLink: db.prepare(
      'INSERT OR IGNORE INTO mention_sources (mention_id, source_id, seen_at) VALUES (?, ?, ?)'
    ),
    sourceRow: db.prepare('SELECT type, url, target FROM sources WHERE id = ?'),
    contentOf: db.prepare(
      'SELECT m.dedup_key, m.platform, m.published_at, m.title, m.text, a.name AS author FROM mentions m LEFT JOIN authors a ON a.id = m.author_id WHERE m.id = ?'
    ),
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

/**
 * The record with every text made storable: what no XML may carry (C0 controls but tab and newlines,
 * U+FFFE/U+FFFF, lone surrogates) removed, so that the DOCX and XLSX writers never meet it and SQLite
 * never stores invalid UTF-8. The one place it happens for import, collection and the demo.
 */
export function storableText(rec: MentionInput): MentionInput {
  let changed = rec.text === undefined
  const t = <V extends string | null | undefined>(v: V): V => {
    if (typeof v !== 'string') return v
    const clean = xmlSafeText(v)
    if (clean !== v) changed = true
    return clean as V
  }
  const out: MentionInput = {
    ...rec,
    externalId: t(rec.externalId),
    title: t(rec.title),
    text: t(rec.text ?? ''),
    url: t(rec.url),
    lang: t(rec.lang),
    sentimentRaw: t(rec.sentimentRaw),
    tags: rec.tags ? rec.tags.map(t) : rec.tags
  }
  if (rec.author) out.author = { ...rec.author, name: t(rec.author.name), url: t(rec.author.url) }
  if (rec.outlet) out.outlet = { ...rec.outlet, name: t(rec.outlet.name), url: t(rec.outlet.url) }
  // Nearly every record is clean: then it is handed on as it came (analyzers may know it by identity).
  return changed ? out : rec
}
