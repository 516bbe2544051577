import type { Db } from '../db/open'
import { acquireLock } from '../db/lock'
import { joinStory } from '../ingest'
import { SENTIMENT_TO_INT } from '../../../shared/types'
import { workspaceAnalyzer } from './analyzer'
import { explanationJson } from './explanation'
import { clock } from '../../../shared/clock'

export interface ReanalyseOptions {
  /** Only mentions never analysed (new imports without analysis); default: all. */
  onlyNew?: boolean
  batchId?: number
  onProgress?: (done: number, total: number) => void
  signal?: AbortSignal
  chunk?: number
}

/**
 * Runs analysis again over stored mentions (after the model, topics or subjects changed): model
 * sentiment and its explanation, language, topics, subjects; stories for mentions that have none yet.
 * Manual and imported labels stay in charge. Works in short transactions so the app stays usable.
 */
export function reanalyse(db: Db, opts: ReanalyseOptions = {}): { analysed: number } {
  const lock = acquireLock(db, 'analysis', { waitMs: 5000 })
  try {
    const analyzer = workspaceAnalyzer(db)
    const where = [
      opts.onlyNew ? 'm.analysed_at IS NULL' : '1',
      opts.batchId ? 'm.batch_id = @batch' : '1'
    ].join(' AND ')
    const params = { batch: opts.batchId ?? 0 }
    const total = db.prepare(`SELECT count(*) FROM mentions m WHERE ${where}`).pluck().get(params) as number
    const page = db.prepare(
      `SELECT m.id, m.published_at, m.platform, m.title, m.text, m.url, m.lang, m.story_sig IS NULL AS new_story, a.name AS author
       FROM mentions m LEFT JOIN authors a ON a.id = m.author_id WHERE ${where} AND m.id > @after ORDER BY m.id LIMIT @limit`
    )
    const update = db.prepare(
      `UPDATE mentions SET lang = @lang, model_sentiment = @s, model_score = @score, model_explanation = @expl, analysed_at = @now,
         story_sig = coalesce(story_sig, @sig),
         sentiment = coalesce(manual_sentiment, import_sentiment, @s),
         sentiment_origin = CASE WHEN manual_sentiment IS NOT NULL THEN 'manual' WHEN import_sentiment IS NOT NULL THEN 'import' ELSE 'model' END,
         sentiment_score = CASE WHEN manual_sentiment IS NOT NULL OR import_sentiment IS NOT NULL THEN 1 ELSE @score END
       WHERE id = @id`
    )
    const delTopics = db.prepare('DELETE FROM mention_topics WHERE mention_id = ?')
    const addTopic = db.prepare('INSERT OR IGNORE INTO mention_topics (topic_id, mention_id) VALUES (?, ?)')
    const delSubjects = db.prepare('DELETE FROM mention_subjects WHERE mention_id = ?')
    const addSubject = db.prepare(
      'INSERT OR IGNORE INTO mention_subjects (subject_id, mention_id) VALUES (?, ?)'
    )
    let after = 0
    let done = 0
    const chunk = opts.chunk ?? 1000
    for (;;) {
      if (opts.signal?.aborted) break
      const rows = page.all({ ...params, after, limit: chunk }) as {
        id: number
        published_at: number
        platform: string
        title: string | null
        text: string
        url: string | null
        lang: string | null
        new_story: number
        author: string | null
      }[]
      if (!rows.length) break
      const now = clock.now()
      db.transaction(() => {
        for (const r of rows) {
          const rec = {
            publishedAt: r.published_at,
            platform: r.platform as never,
            title: r.title,
            text: r.text,
            url: r.url,
            lang: r.lang,
            author: r.author ? { name: r.author } : null
          }
          const a = analyzer.analyze(rec)
          update.run({
            id: r.id,
            lang: a.lang ?? null,
            s: a.sentiment ? SENTIMENT_TO_INT[a.sentiment.label] : null,
            score: a.sentiment?.score ?? null,
            expl: a.sentiment ? explanationJson(a.sentiment.explanation, a.sentiment.clause) : null,
            sig: a.storySig ? Buffer.from(a.storySig) : null,
            now
          })
          delTopics.run(r.id)
          for (const t of a.topicIds ?? []) addTopic.run(t, r.id)
          delSubjects.run(r.id)
          for (const s of a.subjectIds ?? []) addSubject.run(s, r.id)
          if (r.new_story) {
            const first = analyzer.story(r.id, rec)
            if (first !== null && first !== r.id) joinStory(db, first, r.id, rec)
          }
        }
      })()
      after = rows[rows.length - 1]!.id
      done += rows.length
      lock.heartbeat()
      opts.onProgress?.(done, total)
    }
    return { analysed: done }
  } finally {
    lock.release()
  }
}
