import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { Db } from '../../src/main/core/db'
import { importFile } from '../../src/main/core/import'
import { WorkspaceAnalyzer } from '../../src/main/core/analysis/analyzer'
import { analyseCommitted } from '../../src/main/core/ingest'
import { ANALYSIS_WORKER, analyseCommittedInParallel, analysisWorkerStats } from '../../src/main/core/analysis/analyse-parallel'
import { physicalTables, recomputeSql, storedSql } from '../../src/main/core/db/summaries'
import { fixture, tempDb, tempDir } from './helpers'

const tmp = tempDir()
afterAll(() => tmp.cleanup())

/** A BA export whose texts repeat (stories), name topics and carry some import labels and languages. */
function writeFile(path: string, rows: number): void {
  const header =
    'Дата;Время;Hash сообщения;Заголовок;Текст;Источник;Url;Тип источника;Автор;Url автора;Тип автора;Аудитория;Лайков;Тональность;Язык;Обработано'
  const texts = [
    'Жители жалуются на ямы на дорогах улицы Абая, акимат молчит',
    'Акимат открыл новый парк в Медеуском районе, люди довольны',
    'Снова нет горячей воды в домах на Сатпаева, третий день',
    'Автобусы ходят редко, пробки на проспекте Достык каждый вечер',
    'Во дворе отремонтировали детскую площадку, спасибо акимату',
    'Цены на продукты выросли, пенсионеры недовольны'
  ]
  const lines = [header]
  for (let i = 0; i < rows; i++) {
    const text = `${texts[i % texts.length]}${i % 7 === 0 ? '' : ` ${i % 5 === 0 ? 'снова' : 'сегодня'}`}`
    lines.push(
      [
        `${String(1 + (i % 5)).padStart(2, '0')}.11.2026`,
        `${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`,
        `h${i}`,
        i % 4 === 0 ? '  Новости города ' : '',
        text,
        'vk.com',
        `https://vk.com/wall-1_${i}`,
        'Социальная сеть',
        `Автор ${i % 30}`,
        `https://vk.com/id${i % 30}`,
        'Частное лицо',
        String(i * 10),
        String(i % 9),
        i % 6 === 0 ? 'негатив' : '',
        i % 10 === 0 ? 'Казахский' : '',
        'Нет'
      ].join(';')
    )
  }
  writeFileSync(path, lines.join('\n') + '\n')
}

/** What analysis stored, per row, with the topics, subjects and stories. */
function analysis(db: Db): unknown {
  return {
    mentions: db
      .prepare(
        `SELECT id, lang, sentiment, sentiment_origin, sentiment_score, model_sentiment, model_score, model_explanation,
           story_id, hex(story_sig) AS sig, analysed_at IS NOT NULL AS analysed FROM mentions ORDER BY id`
      )
      .all(),
    topics: db.prepare('SELECT * FROM mention_topics ORDER BY mention_id, topic_id').all(),
    subjects: db.prepare('SELECT * FROM mention_subjects ORDER BY mention_id, subject_id').all(),
    stories: db.prepare('SELECT id, size, first_at, last_at, title FROM stories ORDER BY id').all()
  }
}

function summariesExact(db: Db): boolean {
  return physicalTables().every((t) => {
    const a = (db.prepare(storedSql(t)).raw().all() as unknown[][]).map((r) => JSON.stringify(r)).sort()
    const b = (db.prepare(recomputeSql(t)).raw().all() as unknown[][]).map((r) => JSON.stringify(r)).sort()
    return JSON.stringify(a) === JSON.stringify(b)
  })
}

describe('a bulk import in two phases (rows committed, then analysed)', () => {
  it('stores the same analysis as analysing each row on insert, and says when each phase ended', async () => {
    const file = join(tmp.dir, 'stories.csv')
    writeFile(file, 1200)
    const setup = (name: string): Db => {
      const db = tempDb(tmp.dir, name)
      db.exec("INSERT INTO subjects (name, query, created_at) VALUES ('Акимат', 'акимат*', 0)")
      return db
    }
    const a = setup('two-phase.db')
    await importFile(a, fixture('ba.csv'), { analyzer: new WorkspaceAnalyzer(a) })
    const twoPhase = await importFile(a, file, { analyzer: new WorkspaceAnalyzer(a) })
    // Inside a caller's transaction the import analyses each row as it inserts it (one phase).
    const b = setup('one-phase.db')
    for (const f of [fixture('ba.csv'), file]) {
      b.exec('BEGIN')
      await importFile(b, f, { analyzer: new WorkspaceAnalyzer(b) })
      b.exec('COMMIT')
    }
    expect(twoPhase.inserted).toBe(1200)
    expect(twoPhase.committedMs).toBeGreaterThan(0)
    expect(twoPhase.analysedMs).toBeGreaterThanOrEqual(twoPhase.committedMs!)
    const got = analysis(a) as { mentions: { analysed: number; story_id: number | null }[] }
    expect(got.mentions.every((m) => m.analysed === 1)).toBe(true)
    expect(got.mentions.filter((m) => m.story_id !== null).length).toBeGreaterThan(100)
    const strip = (x: unknown) => JSON.parse(JSON.stringify(x))
    expect(strip(got)).toEqual(strip(analysis(b)))
    expect(summariesExact(a)).toBe(true)
    a.close()
    b.close()
  }, 120_000)

  it('stores the same analysis when a worker analyses each page beside the thread that stores it, and when that worker fails', async () => {
    const file = join(tmp.dir, 'pages.csv')
    // three pages of 5,000: the worker is a page ahead of the writer
    writeFile(file, 11_000)
    const setup = async (name: string) => {
      const db = tempDb(tmp.dir, name)
      db.exec("INSERT INTO subjects (name, query, created_at) VALUES ('Акимат', 'акимат*', 0)")
      await importFile(db, fixture('ba.csv'), { analyzer: new WorkspaceAnalyzer(db) })
      return db
    }
    // rows committed without analysis, then the second phase with the worker: the pages the worker
    // analysed and the progress seen
    const besideRun = async (name: string) => {
      const db = await setup(name)
      const r = await importFile(db, file)
      const seen: number[] = []
      const pagesBefore = analysisWorkerStats.pages
      const n = await analyseCommittedInParallel(db, r.batchId!, new WorkspaceAnalyzer(db), {
        onProgress: (k) => seen.push(k)
      })
      return { db, n, seen, workerPages: analysisWorkerStats.pages - pagesBefore }
    }
    // here: the import's own second phase in this thread (below the worker's threshold)
    const here = { db: await setup('pages-here.db') }
    const before = { ...ANALYSIS_WORKER }
    let beside: Db
    let failing: Db
    try {
      ANALYSIS_WORKER.fromRows = Infinity
      expect((await importFile(here.db, file, { analyzer: new WorkspaceAnalyzer(here.db) })).inserted).toBe(11_000)
      // beside: rows committed without analysis, then the second phase with the worker
      ANALYSIS_WORKER.fromRows = 10_000
      const { db, n, seen, workerPages } = await besideRun('pages-worker.db')
      beside = db
      expect(n).toBe(11_000)
      expect(workerPages).toBe(3)
      // the bar moves within the worker's pages as it does here
      expect(seen.slice(0, 3)).toEqual([500, 1000, 1500])
      expect(seen).toContain(5500)
      expect(seen[seen.length - 1]).toBe(11_000)

      // a worker that fails after its first page: the other two are analysed in this thread
      ANALYSIS_WORKER.failAfterPages = 1
      const f = await besideRun('pages-failing.db')
      failing = f.db
      const seenF = f.seen
      expect(f.n).toBe(11_000)
      expect(f.workerPages).toBe(1)
      // the bar goes on from the worker's page, never back
      expect(seenF).toContain(5000)
      expect(seenF).toContain(5500)
      expect(seenF.every((k, i) => i === 0 || k >= seenF[i - 1]!)).toBe(true)
      expect(seenF[seenF.length - 1]).toBe(11_000)
    } finally {
      Object.assign(ANALYSIS_WORKER, before)
    }
    const strip = (x: unknown) => JSON.parse(JSON.stringify(x))
    const got = strip(analysis(beside)) as { mentions: { analysed: number; story_id: number | null }[] }
    expect(got.mentions.every((m) => m.analysed === 1)).toBe(true)
    expect(got.mentions.filter((m) => m.story_id !== null).length).toBeGreaterThan(1000)
    const expected = strip(analysis(here.db))
    expect(got).toEqual(expected)
    expect(summariesExact(beside)).toBe(true)
    expect(strip(analysis(failing))).toEqual(expected)
    expect(summariesExact(failing)).toBe(true)
    here.db.close()
    beside.close()
    failing.close()
  }, 300_000)

  it('reports its progress within a page, not only after each 5,000 rows', async () => {
    const file = join(tmp.dir, 'progress.csv')
    writeFile(file, 1200)
    const db = tempDb(tmp.dir, 'progress.db')
    // committed without analysis: every row waits for the second phase
    const r = await importFile(db, file)
    const seen: number[] = []
    const n = analyseCommitted(db, r.batchId!, new WorkspaceAnalyzer(db), { onProgress: (k) => seen.push(k) })
    expect(n).toBe(1200)
    expect(seen).toEqual([500, 1000, 1200])
    db.close()
  })
})
