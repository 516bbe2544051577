import type { Db } from '../db/open'
import { mentionsInBulk } from '../db/summaries'
import type { MentionInput, Platform } from '../../../shared/types'
import { SENTIMENT_TO_INT } from '../../../shared/types'
import { clock } from '../../../shared/clock'
import { joinStory, type MentionAnalyzer } from './ingestor'
import { explanationJson } from '../analysis/explanation'

/** Rows analysed per transaction: large enough that the summaries' grouped passes cost little per row. */
const PAGE = 5000
/** Rows between progress reports inside a page. */
const PROGRESS_EVERY = 500

/**
 * The second phase of a bulk import: the batch's rows are committed (in the grid, searchable) and get
 * their analysis now, in id order as ingest would have given it: language (the file's own column still
 * wins), model sentiment (manual and imported labels stay in charge), topics, subjects, stories. One
 * transaction per page; the page's summary rows are taken out and counted again once (mentionsInBulk)
 * instead of per-row triggers. A crash in between leaves committed rows with `analysed_at` NULL, which
 * `reanalyse({ onlyNew: true })` picks up.
 */
export function analyseCommitted(
  db: Db,
  batchId: number,
  analyzer: MentionAnalyzer,
  opts: { onProgress?: (done: number) => void; signal?: AbortSignal } = {}
): number {
  const page = db.prepare(
    `SELECT m.id, m.published_at, m.platform, m.kind, m.title, m.text, m.url, m.lang, a.name AS author
     FROM mentions m LEFT JOIN authors a ON a.id = m.author_id
     WHERE m.batch_id = @batch AND m.analysed_at IS NULL AND m.id > @after ORDER BY m.id LIMIT ${PAGE}`
  )
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
  let after = 0
  let done = 0
  for (;;) {
    opts.signal?.throwIfAborted()
    const rows = page.all({ batch: batchId, after }) as {
      id: number
      published_at: number
      platform: Platform
      kind: MentionInput['kind'] | null
      title: string | null
      text: string
      url: string | null
      lang: string | null
      author: string | null
    }[]
    if (!rows.length) break
    const now = clock.now()
    db.transaction(() => {
      const bulk = mentionsInBulk(db, { lo: rows[0]!.id, hi: rows[rows.length - 1]!.id })
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i]!
        // the bar moves within a page too (a page of 5,000 takes seconds)
        if (i > 0 && i % PROGRESS_EVERY === 0) opts.onProgress?.(done + i)
        const rec: MentionInput = {
          publishedAt: r.published_at,
          platform: r.platform,
          kind: r.kind,
          title: r.title,
          text: r.text,
          url: r.url,
          lang: r.lang,
          author: r.author ? { name: r.author } : null
        }
        const a = analyzer.analyze(rec)
        const s = a.sentiment ? SENTIMENT_TO_INT[a.sentiment.label] : null
        update.run({
          id: r.id,
          lang: a.lang ?? null,
          s,
          score: a.sentiment?.score ?? null,
          expl: a.sentiment ? explanationJson(a.sentiment.explanation, a.sentiment.clause) : null,
          sig: a.storySig ? Buffer.from(a.storySig) : null,
          now
        })
        for (const t of a.topicIds ?? []) topic.run(t, r.id)
        for (const x of a.subjectIds ?? []) subject.run(x, r.id)
        const first = analyzer.story?.(r.id, rec) ?? null
        if (first !== null && first !== r.id) joinStory(db, first, r.id, rec)
      }
      bulk.finish()
    })()
    after = rows[rows.length - 1]!.id
    done += rows.length
    opts.onProgress?.(done)
  }
  return done
}
