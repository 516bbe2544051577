import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { tempDb } from '../helpers/db'
import type { Db } from '../../src/main/core/db/open'
import {
  BULK_SUMMARY_MIN,
  physicalTables,
  recomputeSql,
  storedSql,
  withNewMentionsInBulk,
  withSummariesInBulk
} from '../../src/main/core/db/summaries'
import { createDemo } from '../../src/main/core/demo'
import { setIrrelevant, setManualSentiment } from '../../src/main/core/mentions/labels'
import { setAuthorType } from '../../src/main/core/queries/authors'
import { createBatch, deleteMentions, undoBatch } from '../../src/main/core/ingest/batches'
import { importFile } from '../../src/main/core/import'
import { reanalyse } from '../../src/main/core/analysis/reanalyse'
import { workspaceAnalyzer } from '../../src/main/core/analysis/analyzer'
import { writeFileSync } from 'node:fs'
import { removeTopic } from '../../src/main/core/analysis/topics'
import { MentionQueries } from '../../src/main/core/queries/mentions'
import { facets } from '../../src/main/core/queries/facets'
import { dashboard } from '../../src/main/core/queries/dashboard'
import { summaryWhere, useSummaries } from '../../src/main/core/queries/summary'
import type { MentionFilter } from '../../src/shared/filter'

const FIXTURES = join(__dirname, '..', 'fixtures', 'import', 'files')

/** Every summary table equals the same figures recomputed from the mentions. */
function expectExact(db: Db, step: string): void {
  for (const t of physicalTables()) {
    const key = (r: Record<string, unknown>) => JSON.stringify(Object.values(r))
    const stored = (db.prepare(storedSql(t)).raw().all() as unknown[][]).map((r) => JSON.stringify(r)).sort()
    const fresh = (db.prepare(recomputeSql(t)).raw().all() as unknown[][])
      .map((r) => JSON.stringify(r))
      .sort()
    expect(stored.length, `${step}: ${t.table} rows`).toBeGreaterThan(0)
    expect(stored, `${step}: ${t.table}`).toEqual(fresh)
    void key
  }
}

describe('summary tables', () => {
  it('stay exact through imports, labels, author edits, topic removal, re-analysis, deletes and undo', async () => {
    const { db } = tempDb('summaries')
    createDemo(db, { weeks: 2, until: '2026-11-20', timeZone: 'Asia/Almaty' })
    db.exec("INSERT INTO subjects (name, query, created_at) VALUES ('Аким', 'аким', 0)")
    db.exec(
      'INSERT INTO mention_subjects (subject_id, mention_id) SELECT 1, id FROM mentions WHERE id % 3 = 0'
    )
    expectExact(db, 'demo')
    const ids = db.prepare('SELECT id FROM mentions ORDER BY id LIMIT 40').pluck().all() as number[]
    setManualSentiment(db, ids.slice(0, 20), 'negative', 'test')
    setManualSentiment(db, ids.slice(20, 30), null, 'test')
    setIrrelevant(db, ids.slice(25, 40), true, 'spam', 'test')
    expectExact(db, 'labels')
    const authors = db
      .prepare('SELECT DISTINCT author_id FROM mentions WHERE author_id IS NOT NULL LIMIT 5')
      .pluck()
      .all() as number[]
    setAuthorType(db, authors, 'official', 'test')
    db.prepare("UPDATE authors SET gender = 'female', age = '25-34' WHERE id = ?").run(authors[0])
    expectExact(db, 'authors')
    const report = await importFile(db, join(FIXTURES, 'ba.csv'))
    expectExact(db, 'import')
    removeTopic(db, db.prepare('SELECT topic_id FROM mention_topics LIMIT 1').pluck().get() as number)
    expectExact(db, 'topic removed')
    db.prepare(
      'UPDATE mentions SET published_at = published_at - 86400000, platform = ? WHERE id IN (?, ?)'
    ).run('vk', ids[1], ids[2])
    db.prepare('UPDATE mentions SET reach = 12345, lang = NULL WHERE id = ?').run(ids[3])
    expectExact(db, 'edits')
    reanalyse(db, { batchId: report.batchId! })
    expectExact(db, 'reanalyse')
    deleteMentions(db, ids.slice(5, 15))
    expectExact(db, 'delete')
    undoBatch(db, report.batchId!, { force: true })
    expectExact(db, 'undo')
    db.close()
  }, 60_000)

  it('stay exact through bulk imports: new rows counted once at the end, changes to stored rows and authors live', async () => {
    const { db, dir } = tempDb('summaries-bulk-import')
    createDemo(db, { weeks: 2, until: '2026-11-20', timeZone: 'Asia/Almaty' })
    db.exec("INSERT INTO subjects (name, query, created_at) VALUES ('Дороги', 'дорог*', 0)")
    db.exec(
      'INSERT INTO mention_subjects (subject_id, mention_id) SELECT 1, id FROM mentions WHERE id % 3 = 0'
    )
    const triggerSql = (): string =>
      JSON.stringify(
        db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all()
      )
    const before = triggerSql()
    const header =
      'Дата;Время;Hash сообщения;Заголовок;Текст;Источник;Url;Тип источника;Автор;Url автора;Тип автора;Пол;Возраст;Аудитория;Лайков;Тональность;Обработано'
    const TEXTS = [
      'Ямы на дорогах у акимата',
      'Новый парк открыли',
      'Нет горячей воды',
      'Автобусы ходят редко'
    ]
    const row = (i: number, o: { reach?: number; tone?: string; type?: string } = {}): string =>
      [
        `${String(1 + (i % 28)).padStart(2, '0')}.11.2026`,
        `${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`,
        `h${i}`,
        '',
        `${TEXTS[i % 4]} номер ${i}`,
        i % 3 ? 'vk.com' : 't.me',
        `https://vk.com/wall-1_${i}`,
        'Социальная сеть',
        `Автор ${i % 40}`,
        `https://vk.com/id${i % 40}`,
        o.type ?? 'Частное лицо',
        i % 2 ? 'Ж' : 'М',
        i % 5 ? '25-34' : '',
        String(o.reach ?? i),
        '1',
        o.tone ?? (i % 2 ? 'негатив' : 'нейтрал'),
        'Нет'
      ].join(';')
    const first = join(dir, 'first.csv')
    writeFileSync(first, [header, ...Array.from({ length: 600 }, (_, i) => row(i))].join('\n') + '\n')
    await importFile(db, first)
    expect(triggerSql()).toBe(before)
    expectExact(db, 'first bulk import')
    // Duplicates of stored rows with new metrics, import labels and author types; new rows (with topics
    // and subjects from the analyzer); a row of this file repeated with a larger reach (an update of a row
    // the same batch inserted).
    const lines = [header]
    for (let i = 0; i < 300; i++)
      lines.push(row(i, { reach: 10_000 + i, tone: 'позитив', type: i % 40 < 10 ? 'СМИ' : undefined }))
    for (let i = 600; i < 900; i++) lines.push(row(i, { type: i % 40 < 10 ? 'СМИ' : undefined }))
    lines.push(row(700, { reach: 99_999, type: 'СМИ' }))
    const second = join(dir, 'second.csv')
    writeFileSync(second, lines.join('\n') + '\n')
    const r = await importFile(db, second, { analyzer: workspaceAnalyzer(db) })
    expect(r.inserted).toBe(300)
    expect(r.updated).toBeGreaterThan(0)
    expect(
      db
        .prepare(
          'SELECT count(*) FROM mention_topics WHERE mention_id IN (SELECT id FROM mentions WHERE batch_id = ?)'
        )
        .pluck()
        .get(r.batchId)
    ).toBeGreaterThan(0)
    expect(triggerSql()).toBe(before)
    expectExact(db, 'second bulk import')
    // A dry run and a failed import roll back whole, triggers included.
    await importFile(db, second, { dryRun: true })
    expect(triggerSql()).toBe(before)
    expectExact(db, 'dry run')
    // The triggers work again afterwards.
    setManualSentiment(
      db,
      db.prepare('SELECT id FROM mentions ORDER BY id DESC LIMIT 30').pluck().all() as number[],
      'positive',
      't'
    )
    undoBatch(db, r.batchId!, { force: true })
    expectExact(db, 'after bulk import')
    // Inside the bulk work: new rows with links, then their author's type and a new row's reach change.
    db.transaction(() =>
      withNewMentionsInBulk(db, () => {
        db.exec(`INSERT INTO mentions (dedup_key, published_at, platform, author_id, text, reach, sentiment, created_at)
          SELECT 'copy:' || id, published_at, platform, author_id, text, reach, sentiment, 0 FROM mentions WHERE author_id IS NOT NULL LIMIT 200`)
        db.exec(`INSERT INTO mention_topics (topic_id, mention_id) SELECT t.topic_id, m.id FROM mentions m
          JOIN mention_topics t ON 'copy:' || t.mention_id = m.dedup_key`)
        db.exec(
          "UPDATE authors SET type = 'official', gender = 'male' WHERE id IN (SELECT author_id FROM mentions WHERE dedup_key LIKE 'copy:%' LIMIT 20)"
        )
        db.exec("UPDATE mentions SET reach = 7, sentiment = 0 WHERE dedup_key LIKE 'copy:%' AND id % 2 = 0")
      })
    )()
    expect(triggerSql()).toBe(before)
    expectExact(db, 'bulk work with author edits')
    db.close()
  }, 120_000)

  it('stay exact through a large undo (triggers set aside, touched buckets recomputed) and a rolled-back one', () => {
    const { db } = tempDb('summaries-bulk')
    createDemo(db, { weeks: 5, until: '2026-11-20', timeZone: 'Asia/Almaty' })
    db.exec(
      "INSERT INTO subjects (name, query, created_at) VALUES ('Аким', 'аким', 0); INSERT INTO mention_subjects (subject_id, mention_id) SELECT 1, id FROM mentions WHERE id % 3 = 0"
    )
    const triggers = (): number =>
      db
        .prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%summary%'")
        .pluck()
        .get() as number
    const before = triggers()
    const batch = createBatch(db, { kind: 'import', fileName: 'big.csv' })
    // Every other mention of the demo (spread over all its hours) belongs to the batch.
    db.prepare('UPDATE mentions SET batch_id = ? WHERE id % 2 = 0').run(batch)
    const inBatch = db
      .prepare('SELECT count(*) FROM mentions WHERE batch_id = ?')
      .pluck()
      .get(batch) as number
    expect(inBatch).toBeGreaterThanOrEqual(BULK_SUMMARY_MIN)
    // A failure inside the transaction rolls the dropped triggers and the deletes back.
    expect(() =>
      db.transaction(() => {
        withSummariesInBulk(db, [0], () => db.exec('DELETE FROM mentions WHERE id % 2 = 0'))
        throw new Error('abort')
      })()
    ).toThrow('abort')
    expect(triggers()).toBe(before)
    expectExact(db, 'rolled back')
    const total = db.prepare('SELECT count(*) FROM mentions').pluck().get() as number
    expect(undoBatch(db, batch, { force: true }).deleted).toBe(inBatch)
    expect(db.prepare('SELECT count(*) FROM mentions').pluck().get()).toBe(total - inBatch)
    expect(triggers()).toBe(before)
    expectExact(db, 'bulk undo')
    // The triggers work again afterwards.
    setManualSentiment(
      db,
      db.prepare('SELECT id FROM mentions LIMIT 30').pluck().all() as number[],
      'positive',
      't'
    )
    expectExact(db, 'after bulk undo')
    db.close()
  }, 120_000)

  it('answer counts, facets and the dashboard exactly as the base table does', () => {
    const { db } = tempDb('summaries-eq')
    const tz = 'Asia/Almaty'
    createDemo(db, { weeks: 7, until: '2026-11-20', timeZone: tz })
    db.exec(
      "INSERT INTO subjects (name, query, created_at) VALUES ('Аким', 'аким', 0), ('Маслихат', 'маслихат', 0)"
    )
    db.exec(
      'INSERT INTO mention_subjects (subject_id, mention_id) SELECT 1 + (id % 2), id FROM mentions WHERE id % 3 != 0'
    )
    db.exec(
      "INSERT INTO sources (type, target, url, name, created_at) VALUES ('rss', 'x', 'http://x/', 'Лента', 0)"
    )
    db.exec('UPDATE mentions SET source_id = 1 WHERE id % 5 = 0')
    db.exec('UPDATE mentions SET irrelevant = 1 WHERE id % 17 = 0')
    const topic = db
      .prepare('SELECT topic_id FROM mention_topics GROUP BY 1 ORDER BY count(*) DESC')
      .pluck()
      .get() as number
    const filters: MentionFilter[] = [
      {},
      { from: '2026-11-01', to: '2026-11-15' },
      // Spans the whole 32-day block [2026-10-23, 2026-11-24) with days and hours at both ends.
      { from: '2026-10-01', to: '2026-11-30', platforms: ['vk', 'x'] },
      { from: '2026-10-05', mediaType: 'media' },
      { from: '2026-11-10', to: '2026-11-10', sentiments: ['negative', 'unlabelled'] },
      { platforms: ['telegram', 'news'], irrelevant: 'all' },
      { mediaType: 'social', langs: ['kk', 'ru'] },
      { authorTypes: ['private', 'media'], from: '2026-11-05' },
      { topicIds: [topic], sentiments: ['negative'] },
      { subjectIds: [1], to: '2026-11-12' },
      { sourceIds: [1], mediaType: 'media' },
      { irrelevant: 'only' },
      { search: 'дорог*', from: '2026-11-01' }
    ]
    const now = Date.UTC(2026, 10, 20, 12)
    const q = new MentionQueries(db, () => tz)
    let served = 0
    for (const f of filters) {
      if (summaryWhere(f, tz)) served++
      useSummaries(false)
      const base = {
        counts: q.counts(f),
        facets: facets(db, f, tz),
        dash: dashboard(db, q, f, tz, 'ru', now)
      }
      useSummaries(true)
      const fast = {
        counts: q.counts(f),
        facets: facets(db, f, tz),
        dash: dashboard(db, q, f, tz, 'ru', now)
      }
      expect(base.counts.total, JSON.stringify(f)).toBeGreaterThan(0)
      expect(fast, JSON.stringify(f)).toEqual(base)
    }
    expect(served).toBe(filters.length - 1)
    // That period is read as one block, whole days, then hours at its ends.
    const parts = summaryWhere({ from: '2026-10-01', to: '2026-11-30' }, tz)!.from.match(
      /_(blocks|days|hours) /g
    )
    expect(parts).toEqual(['_blocks ', '_days ', '_hours ', '_days ', '_hours '])
    db.close()
  }, 60_000)
})
