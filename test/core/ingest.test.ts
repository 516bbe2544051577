import { describe, expect, it } from 'vitest'
import { createBatch, finishBatch, Ingestor, undoBatch } from '../../src/main/core/ingest'
import { setManualSentiment } from '../../src/main/core/mentions/labels'
import type { MentionInput } from '../../src/shared/types'
import { urlKey } from '../../src/shared/url'
import { tempDb } from '../helpers/db'

const base: MentionInput = {
  publishedAt: Date.UTC(2026, 10, 16, 5, 0),
  platform: 'news',
  title: 'Акимат отремонтировал дорогу',
  text: 'Сотрудники акимата сообщили о ремонте дороги на улице Абая. Жители благодарят акиматом довольны.',
  url: 'https://www.beltau-news.kz/news/1/?utm_source=tg',
  author: { name: 'Белтау Ньюс', url: 'https://beltau-news.kz', type: 'media' },
  outlet: { name: 'Белтау Ньюс', url: 'https://beltau-news.kz' },
  views: 100
}

function fts(db: ReturnType<typeof tempDb>['db'], q: string): number[] {
  return db
    .prepare('SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH ? ORDER BY rowid')
    .pluck()
    .all(q) as number[]
}

describe('ingest', () => {
  it('normalises URLs for de-duplication', () => {
    expect(urlKey('https://WWW.Site.kz/news/1/?utm_source=x&b=2&a=1#top')).toBe('site.kz/news/1?a=1&b=2')
    expect(urlKey('http://m.site.kz/news/1')).toBe('site.kz/news/1')
    expect(urlKey('javascript:alert(1)')).toBeNull()
  })

  it('stores, de-duplicates by URL and refreshes newer metrics', () => {
    const { db } = tempDb('ingest')
    const ing = new Ingestor(db, { batchId: createBatch(db, { kind: 'import' }) })
    expect(ing.add(base)).toBe('inserted')
    expect(ing.add({ ...base, url: 'http://beltau-news.kz/news/1', views: 50 })).toBe('duplicate')
    expect(ing.add({ ...base, url: 'https://m.beltau-news.kz/news/1/', views: 500 })).toBe('updated')
    expect(ing.counts).toEqual({ inserted: 1, updated: 1, duplicates: 2 })
    expect(db.prepare('SELECT views FROM mentions').pluck().get()).toBe(500)
    expect(db.prepare('SELECT count(*) FROM authors').pluck().get()).toBe(1)
  })

  it('full-text search finds Russian word forms and ignores case and ё', () => {
    const { db } = tempDb('fts')
    const ing = new Ingestor(db)
    ing.add({ ...base, url: 'https://a.kz/1', title: null, text: 'Встреча в акимате прошла спокойно' })
    ing.add({ ...base, url: 'https://a.kz/2', title: null, text: 'Решение АКИМАТА вызвало споры' })
    ing.add({ ...base, url: 'https://a.kz/3', title: null, text: 'Жители недовольны акиматом и его ответом' })
    ing.add({
      ...base,
      url: 'https://a.kz/4',
      title: null,
      text: 'Ёлку поставили на площади, әкімдік қуанышты'
    })
    ing.add({ ...base, url: 'https://a.kz/5', title: null, text: 'Ничего общего с темой' })
    ing.finish()
    expect(fts(db, '{title_stems body_stems} : "акимат"')).toEqual([1, 2, 3])
    expect(fts(db, '{title body} : "елку"')).toEqual([4])
    expect(fts(db, '{title body} : "әкімдік"')).toEqual([4])
    expect(fts(db, '{title body} : "ӘКІМДІК"')).toEqual([4])
  })

  it('a later import label replaces an earlier one but never a manual label', () => {
    const { db } = tempDb('labels')
    new Ingestor(db).add({ ...base, sentiment: 'neutral' })
    new Ingestor(db).add({ ...base, sentiment: 'negative' })
    expect(db.prepare('SELECT sentiment, sentiment_origin FROM mentions').get()).toEqual({
      sentiment: -1,
      sentiment_origin: 'import'
    })
    setManualSentiment(db, [1], 'positive', 'tester')
    new Ingestor(db).add({ ...base, sentiment: 'negative' })
    new Ingestor(db).add({ ...base, sentiment: 'neutral' })
    expect(db.prepare('SELECT sentiment, sentiment_origin FROM mentions').get()).toEqual({
      sentiment: 1,
      sentiment_origin: 'manual'
    })
    const ev = db
      .prepare("SELECT old_value, new_value, user_name FROM label_events WHERE field = 'sentiment'")
      .all()
    expect(ev).toEqual([{ old_value: 'import:negative', new_value: 'positive', user_name: 'tester' }])
  })

  it('undo deletes what a batch alone brought and keeps what another batch also saw', () => {
    const { db } = tempDb('undo')
    const run = (urls: string[]): number => {
      const id = createBatch(db, { kind: 'import' })
      const ing = new Ingestor(db, { batchId: id })
      db.transaction(() => {
        urls.forEach((u) => ing.add({ ...base, url: u, author: { name: `A ${u}` } }))
        ing.finish()
      })()
      finishBatch(db, id, { rows: urls.length, ...ing.counts, rejected: 0 })
      return id
    }
    const b1 = run(['https://a.kz/1', 'https://a.kz/2'])
    const b2 = run(['https://a.kz/2', 'https://a.kz/3'])
    expect(db.prepare('SELECT count(*) FROM mentions').pluck().get()).toBe(3)
    expect(undoBatch(db, b1)).toEqual({ undone: b1, deleted: 1 })
    expect(db.prepare('SELECT url FROM mentions ORDER BY id').pluck().all()).toEqual([
      'https://a.kz/2',
      'https://a.kz/3'
    ])
    expect(db.prepare('SELECT batch_id FROM mentions ORDER BY id').pluck().all()).toEqual([b2, b2])
    expect(db.prepare('SELECT count(*) FROM authors').pluck().get()).toBe(2)
    expect(
      db.prepare("SELECT count(*) FROM mentions_fts WHERE mentions_fts MATCH 'акимат*'").pluck().get()
    ).toBe(2)
    expect(() => undoBatch(db, 999)).toThrow(/No import batch with id 999/)
    setManualSentiment(db, [3], 'negative')
    expect(() => undoBatch(db, b2)).toThrow(/--force/)
    expect(undoBatch(db, b2, { force: true }).deleted).toBe(2)
    expect(db.prepare('SELECT count(*) FROM mentions').pluck().get()).toBe(0)
    expect(db.prepare('SELECT count(*) FROM authors').pluck().get()).toBe(0)
  })
})
