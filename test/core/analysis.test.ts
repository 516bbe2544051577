import { describe, expect, it } from 'vitest'
import { createBatch, Ingestor } from '../../src/main/core/ingest'
import { WorkspaceAnalyzer } from '../../src/main/core/analysis/analyzer'
import {
  currentSentimentModel,
  modelInfo,
  trainOfficeModel,
  MIN_OFFICE_LABELS
} from '../../src/main/core/analysis/models'
import { reanalyse } from '../../src/main/core/analysis/reanalyse'
import { setManualSentiment } from '../../src/main/core/mentions/labels'
import { addSubject } from '../../src/main/core/subjects'
import type { MentionInput } from '../../src/shared/types'
import { tempDb } from '../helpers/db'

const t0 = Date.UTC(2026, 10, 16, 4, 0)
const rec = (i: number, text: string, extra: Partial<MentionInput> = {}): MentionInput => ({
  publishedAt: t0 + i * 60_000,
  platform: 'telegram',
  text,
  url: `https://t.me/beltau/${i}`,
  author: { name: `Автор ${i % 7}` },
  ...extra
})

describe('analysis in the workspace', () => {
  it('labels, tags topics and subjects, and groups rewritten news into one story across batches', () => {
    const { db } = tempDb('analysis')
    addSubject(db, 'Акимат', 'акимат OR аким')
    const a1 = new WorkspaceAnalyzer(db)
    const ing1 = new Ingestor(db, { batchId: createBatch(db, { kind: 'import' }), analyzer: a1 })
    db.transaction(() => {
      ing1.add(
        rec(
          1,
          'В Белтау с понедельника отключат горячую воду в Ауэзовском районе на десять дней, сообщил акимат города',
          { title: 'Горячую воду отключат в Ауэзовском районе' }
        )
      )
      ing1.add(rec(2, 'Автобус 92 опять не пришёл, стоим на морозе сорок минут. Позор'))
    })()
    // A later batch (another analyzer instance, as in another session) brings a rewrite of the same news.
    const a2 = new WorkspaceAnalyzer(db)
    const ing2 = new Ingestor(db, { batchId: createBatch(db, { kind: 'collect' }), analyzer: a2 })
    ing2.add(
      rec(
        3,
        'С понедельника в Ауэзовском районе Белтау на десять дней отключат горячую воду, сообщили в акимате города',
        {
          title: 'В Ауэзовском районе отключат горячую воду на десять дней',
          platform: 'news',
          url: 'https://beltau-news.kz/n/3'
        }
      )
    )
    const rows = db
      .prepare('SELECT id, story_id, sentiment, sentiment_origin, lang FROM mentions ORDER BY id')
      .all() as {
      id: number
      story_id: number | null
      sentiment: number
      sentiment_origin: string
      lang: string
    }[]
    expect(rows[0]!.story_id).toBe(1)
    expect(rows[2]!.story_id).toBe(1)
    expect(rows[1]!.story_id).toBeNull()
    expect(db.prepare('SELECT size FROM stories WHERE id = 1').pluck().get()).toBe(2)
    expect(rows[1]).toMatchObject({ sentiment: -1, sentiment_origin: 'model', lang: 'ru' })
    const topicsOf = (id: number) =>
      db
        .prepare(
          'SELECT t.key FROM mention_topics mt JOIN topics t ON t.id = mt.topic_id WHERE mt.mention_id = ? ORDER BY t.key'
        )
        .pluck()
        .all(id)
    expect(topicsOf(1)).toContain('utilities')
    expect(topicsOf(2)).toContain('transport')
    const subj = db.prepare('SELECT mention_id FROM mention_subjects ORDER BY mention_id').pluck().all()
    expect(subj).toEqual([1, 3])
  })

  it('the office’s labels train a learned model that changes answers; re-analysis keeps manual labels', () => {
    const { db } = tempDb('office')
    const ing = new Ingestor(db, { analyzer: new WorkspaceAnalyzer(db) })
    // The office considers «отсыпка щебнем» news negative (a recurring complaint); the built-in model does not know that.
    const texts: string[] = []
    for (let i = 0; i < 40; i++)
      texts.push(`Во дворе дома ${i + 1} по улице Абая провели отсыпку щебнем вместо асфальта`)
    for (let i = 0; i < 20; i++)
      texts.push(`Жители дома ${i + 1} по улице Сейфуллина благодарят за новую детскую площадку, спасибо`)
    db.transaction(() => {
      texts.forEach((t, i) => ing.add(rec(i, t)))
      ing.finish()
    })()
    const probe = 'Во дворе на Толе би провели отсыпку щебнем'
    const before = currentSentimentModel(db).classify(probe).label
    const ids = db.prepare('SELECT id FROM mentions ORDER BY id').pluck().all() as number[]
    setManualSentiment(db, ids.slice(0, 40), 'negative', 'staff')
    setManualSentiment(db, ids.slice(40), 'positive', 'staff')
    expect(ids.length).toBeGreaterThanOrEqual(MIN_OFFICE_LABELS)
    const info = trainOfficeModel(db)
    expect(info?.kind).toBe('learned')
    expect(info?.labels).toBe(60)
    expect(info?.quality?.perClass.negative.f1).toBeGreaterThan(0.5)
    expect(modelInfo(db).kind).toBe('learned')
    const after = currentSentimentModel(db).classify(probe).label
    expect(before).not.toBe('negative')
    expect(after).toBe('negative')
    setManualSentiment(db, [ids[0]!], 'positive', 'staff')
    expect(reanalyse(db).analysed).toBe(60)
    expect(db.prepare('SELECT sentiment, sentiment_origin FROM mentions WHERE id = ?').get(ids[0])).toEqual({
      sentiment: 1,
      sentiment_origin: 'manual'
    })
  })
})
