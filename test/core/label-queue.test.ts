import { describe, expect, it } from 'vitest'
import { createBatch, Ingestor } from '../../src/main/core/ingest'
import { mentionsToLabel, LABEL_QUEUE_SIZE } from '../../src/main/core/analysis/label-queue'
import { setManualSentiment } from '../../src/main/core/mentions/labels'
import { tempDb } from '../helpers/db'

/** Mentions with a model answer of a given confidence, story and topic, as the analyser leaves them. */
function seed(db: ReturnType<typeof tempDb>['db']): void {
  const now = Date.UTC(2026, 10, 1)
  const ing = new Ingestor(db, { batchId: createBatch(db, { kind: 'import' }) })
  db.transaction(() => {
    for (let i = 0; i < 60; i++)
      ing.add({
        publishedAt: now + i * 60_000,
        platform: 'vk',
        text: `Публикация ${i} о городе`,
        url: `https://vk.com/wall-9_${i}`,
        author: { name: `Автор ${i}` }
      })
  })()
  const topic = db.prepare('INSERT INTO topics (key, name, sort, created_at) VALUES (?, ?, ?, ?)')
  const roads = Number(topic.run('q-roads', 'Дороги-тест', 1, now).lastInsertRowid)
  const water = Number(topic.run('q-water', 'Вода-тест', 2, now).lastInsertRowid)
  const story = Number(
    db.prepare('INSERT INTO stories (size, first_at, last_at) VALUES (5, ?, ?)').run(now, now).lastInsertRowid
  )
  const ids = db.prepare('SELECT id FROM mentions ORDER BY published_at').pluck().all() as number[]
  db.prepare('DELETE FROM mention_topics').run()
  const set = db.prepare(
    'UPDATE mentions SET model_sentiment = 0, model_score = ?, story_id = ?, irrelevant = ? WHERE id = ?'
  )
  const link = db.prepare('INSERT INTO mention_topics (topic_id, mention_id) VALUES (?, ?)')
  ids.forEach((id, i) => {
    // the first ones least certain; five rewrites of one story among them; one marked irrelevant
    set.run(0.34 + i / 100, i < 5 ? story : null, i === 5 ? 1 : 0, id)
    if (i < 30) link.run(i % 3 === 0 ? water : roads, id)
  })
}

describe('mentions to label for the model', () => {
  it('least certain first, one per story, spread over topics, nothing labelled or irrelevant', () => {
    const { db } = tempDb('label-queue')
    seed(db)
    const q = mentionsToLabel(db)
    expect(q).toHaveLength(LABEL_QUEUE_SIZE)
    const texts = q.map((c) => c.text)
    // the story's five rewrites give one mention; the irrelevant one is never offered
    expect(q.filter((c) => c.storyId === 1)).toHaveLength(1)
    expect(texts).not.toContain('Публикация 5 о городе')
    // the first picks: two of each topic before a third of any
    const firstSix = q.slice(0, 6).map((c) => c.topic)
    expect(firstSix.filter((t) => t === 'Дороги-тест')).toHaveLength(2)
    expect(firstSix.filter((t) => t === 'Вода-тест')).toHaveLength(2)
    expect(firstSix.filter((t) => t === null)).toHaveLength(2)
    // within the first pass, less certain before more certain
    expect(q[0]!.score).toBeLessThan(q[5]!.score!)
    // a label takes a mention out of the queue
    setManualSentiment(db, [q[0]!.id], 'negative', 'staff')
    expect(mentionsToLabel(db).map((c) => c.id)).not.toContain(q[0]!.id)
  })
})
