import type { Db } from '../db/open'
import { sentimentFromInt } from '../../../shared/types'
import type { LabelCandidate } from '../../../shared/views'

/** How many mentions «Разметить для модели» offers at a time (as many as trigger a retrain). */
export const LABEL_QUEUE_SIZE = 20

/** Unsure model answers looked at before choosing (the least certain first). */
const POOL = 2000

/**
 * The mentions whose labels would teach the office's model most: relevant, not labelled by anyone
 * yet, the model least certain of them first; at most one per story (a rewrite teaches nothing new),
 * and spread over topics — at first two per topic, more only when the unsure ones run out.
 */
export function mentionsToLabel(db: Db, n = LABEL_QUEUE_SIZE): LabelCandidate[] {
  const rows = db
    .prepare(
      `SELECT m.id, m.title, m.text, m.model_sentiment AS s, m.model_score AS score, m.story_id AS storyId,
         (SELECT t.name FROM mention_topics mt JOIN topics t ON t.id = mt.topic_id
          WHERE mt.mention_id = m.id ORDER BY t.sort, t.id LIMIT 1) AS topic
       FROM mentions m
       WHERE m.irrelevant = 0 AND m.manual_sentiment IS NULL AND m.import_sentiment IS NULL
         AND m.model_score IS NOT NULL AND length(m.text) > 0
       ORDER BY m.model_score, m.id LIMIT ?`
    )
    .all(POOL) as {
    id: number
    title: string | null
    text: string
    s: number | null
    score: number
    storyId: number | null
    topic: string | null
  }[]
  const out: LabelCandidate[] = []
  const stories = new Set<number>()
  const taken = new Set<number>()
  for (let cap = 2; out.length < n && taken.size < rows.length; cap *= 2) {
    const perTopic = new Map<string | null, number>()
    for (const c of out) perTopic.set(c.topic, (perTopic.get(c.topic) ?? 0) + 1)
    const before = out.length
    for (const r of rows) {
      if (out.length >= n) break
      if (taken.has(r.id) || (r.storyId !== null && stories.has(r.storyId))) continue
      const k = perTopic.get(r.topic) ?? 0
      if (k >= cap) continue
      perTopic.set(r.topic, k + 1)
      taken.add(r.id)
      if (r.storyId !== null) stories.add(r.storyId)
      out.push({
        id: r.id,
        title: r.title,
        text: r.text,
        label: sentimentFromInt(r.s) ?? null,
        score: r.score,
        storyId: r.storyId,
        topic: r.topic
      })
    }
    if (out.length === before && cap > rows.length) break
  }
  return out
}
