/**
 * Digest benchmark: one week of --week-size mentions (default 20,000) in a database of --size
 * mentions (default 1,000,000), then both files (DOCX + PDF) through exportDigest.
 * Target: under 5 s for both files.
 *
 *   node --import tsx bench/digest.ts [--size 1000000] [--week-size 20000] [--runs 3] [--db FILE] [--fresh] [--scattered]
 *
 * The database is generated with plain INSERTs in one transaction (no FTS, no ingest pipeline) and
 * kept for the next run when its size matches.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { setSettings, type Db } from '../src/main/core/db'
import { openWorkspaceDatabase } from '../src/main/core/workspace'
import { buildDigestModel, exportDigest, renderDocx, renderPdf } from '../src/main/core/report'
import { PLATFORMS } from '../src/shared/types'
import { addDays, dateRange, isoWeekRange } from '../src/shared/time'

function flag(name: string, def: string): string {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : def
}
const SIZE = Number(flag('size', '1000000'))
const WEEK_SIZE = Number(flag('week-size', '20000'))
const SCATTERED = process.argv.includes('--scattered')
const DB_PATH = flag('db', join(tmpdir(), `otklik-bench-digest-${SIZE}${SCATTERED ? '-scattered' : ''}.db`))
const WEEK = '2026-W47'
const TZ = 'Asia/Almaty'

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number): () => number {
  let a = seed
  return () => {
    a |= 0
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const WORDS = (
  'акимат город жители жалоба отопление дорога ремонт автобус парк сквер смог воздух мусор вывоз подъезд батарея ' +
  'светофор пробка остановка двор снег уборка освещение тротуар велодорожка фонтан скамейка школа больница очередь ' +
  'тариф вода свет газ авария теплотрасса управляющая компания маслихат бюджет брифинг открытие проект строительство ' +
  'шаһар әкімдік жылу жол көлік саябақ қоқыс ауа тұрғындар үй көше қала'
).split(' ')

function sentence(r: () => number, n: number): string {
  const w: string[] = []
  for (let i = 0; i < n; i++) w.push(WORDS[Math.floor(r() * WORDS.length)]!)
  const s = w.join(' ')
  return s[0]!.toUpperCase() + s.slice(1) + '.'
}

function generate(db: Db): void {
  const r = rng(42)
  const now = Date.now()
  const { from } = isoWeekRange(WEEK)
  const weekRange = dateRange(from, addDays(from, 6), TZ)
  const weeks = Math.max(1, Math.ceil((SIZE - WEEK_SIZE) / WEEK_SIZE))
  setSettings(db, { orgName: 'Акимат города (бенчмарк)', timeZone: TZ })
  const types = ['media', 'official', 'blogger', 'private', 'private', 'private', 'unknown']
  const nAuthors = Math.max(100, Math.round(SIZE / 20))
  const nOutlets = Math.max(20, Math.round(SIZE / 500))
  // Indexes are dropped during the bulk insert and rebuilt after it: much faster than updating ten of them per row.
  const indexes = db
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('mentions', 'mention_topics') AND sql IS NOT NULL"
    )
    .all() as { name: string; sql: string }[]
  for (const ix of indexes) db.exec(`DROP INDEX ${ix.name}`)
  db.transaction(() => {
    const topic = db.prepare('INSERT INTO topics (key, name, sort, created_at) VALUES (?, ?, ?, ?)')
    const topicNames = [
      'ЖКХ и отопление',
      'Дороги и транспорт',
      'Экология',
      'Благоустройство',
      'Образование',
      'Здравоохранение',
      'Вывоз мусора',
      'Освещение',
      'Общественный транспорт',
      'Безопасность',
      'Тарифы',
      'Строительство'
    ]
    topicNames.forEach((n, i) => topic.run(`t${i}`, n, i, now))
    const author = db.prepare(
      'INSERT INTO authors (id, key, platform, name, name_norm, url, type, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'
    )
    for (let i = 1; i <= nAuthors; i++) {
      const p = PLATFORMS[i % PLATFORMS.length]!
      author.run(
        i,
        `a${i}`,
        p,
        `Автор ${i}`,
        `автор ${i}`,
        `https://example.kz/u/author_${i}`,
        types[i % types.length]!,
        now
      )
    }
    const outlet = db.prepare(
      'INSERT INTO outlets (id, key, platform, name, url, created_at) VALUES (?, ?, ?, ?, ?, ?)'
    )
    for (let i = 1; i <= nOutlets; i++)
      outlet.run(i, `o${i}`, PLATFORMS[i % PLATFORMS.length]!, `Источник ${i}`, `https://outlet${i}.kz`, now)
    const mention =
      db.prepare(`INSERT INTO mentions (id, dedup_key, published_at, platform, outlet_id, author_id, title, text, url, sentiment, sentiment_origin, reach, story_id, irrelevant, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    const story = db.prepare(
      'INSERT OR IGNORE INTO stories (id, size, first_at, last_at, title) VALUES (?, 2, ?, ?, ?)'
    )
    const mt = db.prepare('INSERT OR IGNORE INTO mention_topics (topic_id, mention_id) VALUES (?, ?)')
    const weekMs = 7 * 86_400_000
    for (let id = 1; id <= SIZE; id++) {
      // Rows arrive in time order, as collection and imports write them (--scattered spreads every
      // week over the whole file instead: the worst case for reading a week back).
      const w = SCATTERED
        ? id <= WEEK_SIZE
          ? 0
          : 1 + ((id - WEEK_SIZE) % weeks)
        : Math.max(0, weeks - Math.floor((id - 1) / WEEK_SIZE))
      const at = weekRange.start - w * weekMs + Math.floor(r() * weekMs)
      const p = PLATFORMS[Math.floor(r() * PLATFORMS.length)]!
      const x = r()
      const sentiment = x < 0.3 ? -1 : x < 0.8 ? 0 : x < 0.95 ? 1 : null
      const origin = sentiment === null ? null : r() < 0.1 ? 'manual' : r() < 0.6 ? 'import' : 'model'
      const reach = Math.floor(Math.exp(r() * 11))
      const storyOf = id > 5 && r() < 0.12 ? id - 1 - Math.floor(r() * 4) : null
      if (storyOf) story.run(storyOf, at, at, null)
      mention.run(
        id,
        `b:${id}`,
        at,
        p,
        r() < 0.6 ? 1 + Math.floor(r() * nOutlets) : null,
        1 + Math.floor(r() * nAuthors),
        r() < 0.4 ? sentence(r, 8) : null,
        sentence(r, 18 + Math.floor(r() * 30)),
        `https://example.kz/m/${id}`,
        sentiment,
        origin,
        reach,
        storyOf,
        r() < 0.02 ? 1 : 0,
        now
      )
      if (r() < 0.35) mt.run(1 + Math.floor(r() * topicNames.length), id)
    }
  })()
  const tIndex = performance.now()
  for (const ix of indexes) db.exec(ix.sql)
  console.error(`indexes rebuilt in ${Math.round(performance.now() - tIndex)} ms`)
}

async function main(): Promise<void> {
  if (process.argv.includes('--fresh') && existsSync(DB_PATH)) rmSync(DB_PATH)
  let db = existsSync(DB_PATH) ? openWorkspaceDatabase(DB_PATH) : null
  if (db && (db.prepare('SELECT count(*) FROM mentions').pluck().get() as number) !== SIZE) {
    db.close()
    rmSync(DB_PATH)
    db = null
  }
  let genMs = 0
  if (!db) {
    db = openWorkspaceDatabase(DB_PATH, { create: true })
    const t = performance.now()
    generate(db)
    db.exec('ANALYZE')
    genMs = performance.now() - t
  }
  const out = mkdtempSync(join(tmpdir(), 'otklik-bench-out-'))
  const opts = { week: WEEK }
  const runs = Number(flag('runs', '3'))

  // The whole export as a user runs it (one model, both files); the first run is cold (fonts, charts, JIT).
  const exportMs: number[] = []
  let res = { mentions: 0 }
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    res = await exportDigest(db, { ...opts, outDir: out, record: false })
    exportMs.push(performance.now() - t)
  }

  // Warm, part by part.
  let t = performance.now()
  const model = buildDigestModel(db, opts)
  const modelMs = performance.now() - t
  t = performance.now()
  const docx = await renderDocx(model)
  const docxMs = performance.now() - t
  t = performance.now()
  const pdf = await renderPdf(model)
  const pdfMs = performance.now() - t
  const [load1] = loadavg()

  const plans = [
    'SELECT count(*) FROM mentions INDEXED BY mentions_published WHERE published_at >= 0 AND published_at < 1 AND irrelevant = 0',
    'SELECT mt.topic_id, m.id FROM mentions m INDEXED BY mentions_published JOIN mention_topics mt ON mt.mention_id = m.id WHERE m.published_at >= 0 AND m.published_at < 1'
  ].map((q) =>
    (db!.prepare(`EXPLAIN QUERY PLAN ${q}`).all() as { detail: string }[]).map((r) => r.detail).join('; ')
  )
  const round = (x: number): number => Math.round(x)
  console.log(
    JSON.stringify(
      {
        size: SIZE,
        weekSize: WEEK_SIZE,
        mentionsInDigest: res.mentions,
        generateMs: genMs ? round(genMs) : 'reused',
        dbMB: Math.round(statSync(DB_PATH).size / 1e6),
        exportBothMs: exportMs.map(round),
        exportBothMedianMs: round([...exportMs].sort((a, b) => a - b)[exportMs.length >> 1]!),
        warm: { modelMs: round(modelMs), docxMs: round(docxMs), pdfMs: round(pdfMs) },
        files: {
          docxKB: Math.round(docx.length / 1024),
          pdfKB: Math.round(pdf.length / 1024),
          problems: model.problems.length
        },
        loadAverage1m: Math.round(load1! * 10) / 10,
        target: 'every export of both files < 5000 ms',
        ok: exportMs.every((x) => x < 5000),
        plans
      },
      null,
      2
    )
  )
  db.close()
  rmSync(out, { recursive: true, force: true })
}

void main()
