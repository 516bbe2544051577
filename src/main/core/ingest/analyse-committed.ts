import type { Db } from '../db/open'
import { mentionsInBulk } from '../db/summaries'
import type { MentionInput, Platform } from '../../../shared/types'
import { SENTIMENT_TO_INT } from '../../../shared/types'
import { clock } from '../../../shared/clock'
import { joinStory, type MentionAnalyzer } from './ingestor'
import { explanationJson } from '../analysis/explanation'

/** Rows analysed per transaction: large enough that the summaries' grouped passes cost little per row. */
export const PAGE = 5000
/** Rows between progress reports inside a page. */
const PROGRESS_EVERY = 500

/** A committed row as the second phase reads it. */
export interface CommittedRow {
  id: number
  published_at: number
  platform: Platform
  kind: MentionInput['kind'] | null
  title: string | null
  text: string
  url: string | null
  lang: string | null
  author: string | null
}

/**
 * What the analysis of one row stores, as plain data (it crosses from the analysis worker, see
 * analyse-parallel.ts): the columns of the row's UPDATE, its topics and subjects, its story signature.
 */
export interface RowAnalysis {
  id: number
  publishedAt: number
  lang: string | null
  sentiment: number | null
  score: number | null
  explanation: string | null
  sig: Uint8Array | null
  topicIds: number[]
  subjectIds: number[]
}

/** The next page of a batch's rows that wait for their analysis, in id order (after the id `after`). */
export function committedPage(db: Db): (batchId: number, after: number) => CommittedRow[] {
  const page = db.prepare(
    `SELECT m.id, m.published_at, m.platform, m.kind, m.title, m.text, m.url, m.lang, a.name AS author
     FROM mentions m LEFT JOIN authors a ON a.id = m.author_id
     WHERE m.batch_id = @batch AND m.analysed_at IS NULL AND m.id > @after ORDER BY m.id LIMIT ${PAGE}`
  )
  return (batch, after) => page.all({ batch, after }) as CommittedRow[]
}

function recordOf(r: CommittedRow): MentionInput {
  return {
    publishedAt: r.published_at,
    platform: r.platform,
    kind: r.kind,
    title: r.title,
    text: r.text,
    url: r.url,
    lang: r.lang,
    author: r.author ? { name: r.author } : null
  }
}

/** The pure part of one row's analysis: no database (the same in this thread and in the analysis worker). */
export function analyseRow(analyzer: MentionAnalyzer, r: CommittedRow): RowAnalysis {
  return analyseRecord(analyzer, r, recordOf(r))
}

function analyseRecord(analyzer: MentionAnalyzer, r: CommittedRow, rec: MentionInput): RowAnalysis {
  const a = analyzer.analyze(rec)
  return {
    id: r.id,
    publishedAt: r.published_at,
    lang: a.lang ?? null,
    sentiment: a.sentiment ? SENTIMENT_TO_INT[a.sentiment.label] : null,
    score: a.sentiment?.score ?? null,
    explanation: a.sentiment ? explanationJson(a.sentiment.explanation, a.sentiment.clause) : null,
    sig: a.storySig ?? null,
    topicIds: a.topicIds ?? [],
    subjectIds: a.subjectIds ?? []
  }
}

/**
 * Stores one page of analysed rows in one transaction: the row's columns, topic and subject links, its
 * story (placed in id order, by its signature). The page's summary rows are taken out and counted again
 * once (mentionsInBulk) instead of per-row triggers.
 */
export function pageWriter(
  db: Db,
  analyzer: MentionAnalyzer
): (page: RowAnalysis[], opts?: { onRow?: (i: number) => void; records?: MentionInput[] }) => void {
  const update = db.prepare(
    `UPDATE mentions SET lang = coalesce(lang, @lang), model_sentiment = @s, model_score = @score, model_explanation = @expl,
       analysed_at = @now, story_sig = @sig,
       sentiment = coalesce(manual_sentiment, import_sentiment, @s),
       sentiment_origin = CASE WHEN manual_sentiment IS NOT NULL THEN 'manual' WHEN import_sentiment IS NOT NULL THEN 'import' WHEN @s IS NOT NULL THEN 'model' END,
       sentiment_score = CASE WHEN manual_sentiment IS NOT NULL OR import_sentiment IS NOT NULL THEN 1 ELSE @score END
     WHERE id = @id`
  )
  const topic = db.prepare('INSERT OR IGNORE INTO mention_topics (topic_id, mention_id) VALUES (?, ?)')
  const subject = db.prepare('INSERT OR IGNORE INTO mention_subjects (subject_id, mention_id) VALUES (?, ?)')
  return (page, { onRow, records } = {}) => {
    if (!page.length) return
    const now = clock.now()
    db.transaction(() => {
      const bulk = mentionsInBulk(db, { lo: page[0]!.id, hi: page[page.length - 1]!.id })
      for (let i = 0; i < page.length; i++) {
        const a = page[i]!
        onRow?.(i)
        update.run({
          id: a.id,
          lang: a.lang,
          s: a.sentiment,
          score: a.score,
          expl: a.explanation,
          sig: a.sig ? Buffer.from(a.sig.buffer, a.sig.byteOffset, a.sig.byteLength) : null,
          now
        })
        for (const t of a.topicIds) topic.run(t, a.id)
        for (const x of a.subjectIds) subject.run(x, a.id)
        // by the signature computed with the row (in the worker too); an analyzer without it by the record
        const first =
          a.sig && analyzer.storyOfSignature
            ? analyzer.storyOfSignature(a.id, a.sig, a.publishedAt)
            : records && analyzer.story
              ? analyzer.story(a.id, records[i]!)
              : null
        if (first !== null && first !== a.id) joinStory(db, first, a.id, a)
      }
      bulk.finish()
    })()
  }
}

/**
 * The second phase of a bulk import: the batch's rows are committed (in the grid, searchable) and get
 * their analysis now, in id order as ingest would have given it: language (the file's own column still
 * wins), model sentiment (manual and imported labels stay in charge), topics, subjects, stories. One
 * transaction per page. A crash in between leaves committed rows with `analysed_at` NULL, which
 * `reanalyse({ onlyNew: true })` picks up. This runs in the calling thread; analyseCommittedInParallel
 * (analyse-parallel.ts) runs the pure part of a big batch in a worker beside it, with the same result.
 */
export function analyseCommitted(
  db: Db,
  batchId: number,
  analyzer: MentionAnalyzer,
  opts: { onProgress?: (done: number) => void; signal?: AbortSignal } = {}
): number {
  const next = committedPage(db)
  const write = pageWriter(db, analyzer)
  let after = 0
  let done = 0
  for (;;) {
    opts.signal?.throwIfAborted()
    const rows = next(batchId, after)
    if (!rows.length) break
    const records = rows.map(recordOf)
    const page: RowAnalysis[] = []
    // the bar moves within a page too (a page of 5,000 takes seconds)
    const tick = progressWithin(done, opts.onProgress)
    for (let i = 0; i < rows.length; i++) {
      tick(i)
      page.push(analyseRecord(analyzer, rows[i]!, records[i]!))
    }
    write(page, { records })
    after = rows[rows.length - 1]!.id
    done += rows.length
    opts.onProgress?.(done)
  }
  return done
}

/** Progress within a page being written (the parallel path reports while it stores). */
export function progressWithin(done: number, onProgress?: (done: number) => void): (i: number) => void {
  return (i) => {
    if (i > 0 && i % PROGRESS_EVERY === 0) onProgress?.(done + i)
  }
}
