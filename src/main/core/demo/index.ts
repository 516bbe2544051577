import type { Db } from '../db/open'
import { setSettings } from '../db/settings'
import { createBatch, finishBatch, Ingestor, type MentionAnalyzer } from '../ingest'
import { setIrrelevant, setManualSentiment, setResponse } from '../mentions/labels'
import { OtklikError } from '../../../shared/errors'
import type { MentionInput, Sentiment } from '../../../shared/types'
import { dateInZone } from '../../../shared/time'
import { planDemo, type DemoItem } from './generate'
import { ORG } from './content'
import { Random } from './random'
import { ensureDefaultTopics } from '../analysis/topics'
import { clock } from '../../../shared/clock'

export interface DemoOptions {
  seed?: number
  weeks?: number
  /** Last day, YYYY-MM-DD; default today in the time zone. */
  until?: string
  force?: boolean
  timeZone?: string
  /** Analysis to run on every mention; when absent a simulated model labels the demo. */
  analyzer?: MentionAnalyzer | null
  onProgress?: (done: number, total: number) => void
  /** When the demo is made (default: the clock); nothing in it is dated later. */
  now?: number
}

export interface DemoSummary {
  mentions: number
  from: string
  to: string
  seed: number
  spike: { topic: string; days: string[] }
}

/** Fills an empty database with the demo workspace (see README, "The demo workspace"). */
export function createDemo(db: Db, opts: DemoOptions = {}): DemoSummary {
  const timeZone = opts.timeZone ?? 'Asia/Almaty'
  const seed = opts.seed ?? 1
  // The demo's creation time: nothing in it is dated later (the clock can be pinned with --now).
  const now = opts.now ?? clock.now()
  const until = opts.until ?? dateInZone(now, timeZone)
  const existing = (db.prepare('SELECT count(*) AS n FROM mentions').get() as { n: number }).n
  if (existing > 0 && !opts.force) {
    throw new OtklikError(
      'NEEDS_FORCE',
      `The database already holds ${existing} mentions. Use --force to replace them with the demo workspace.`,
      { existing }
    )
  }
  const plan = planDemo({ seed, weeks: opts.weeks ?? 8, until, timeZone, now })
  plan.items.sort((a, b) => a.input.publishedAt - b.input.publishedAt)
  db.transaction(() => {
    if (opts.force) wipe(db)
    setSettings(db, { orgName: ORG, timeZone })
    const topicIds = ensureDefaultTopics(db)
    db.prepare("INSERT OR IGNORE INTO subjects (name, query, created_at) VALUES ('Акимат', ?, ?)").run(
      'акимат OR аким OR әкімдік* OR әкім*',
      now
    )
    db.prepare(
      "INSERT OR IGNORE INTO subjects (name, query, created_at) VALUES ('Общественный транспорт', ?, ?)"
    ).run('автобус* OR маршрут* OR "общественный транспорт" OR автобус*', now)
    db.prepare(
      `INSERT INTO sources (type, target, url, name, schedule, keep, enabled, last_status, created_at)
       VALUES ('rss', 'https://beltau-news.kz/rss', 'https://beltau-news.kz/rss', 'Белтау Ньюс (RSS)', '30m', 'all', 0, NULL, ?),
              ('telegram', 'beltau_online', 'https://t.me/s/beltau_online', 'Белтау Онлайн', '15m', 'all', 0, NULL, ?)`
    ).run(now, now)
    const importBatch = createBatch(
      db,
      {
        kind: 'import',
        fileName: 'brand-analytics-beltau.xlsx',
        preset: 'brand-analytics',
        createdBy: 'demo'
      },
      now
    )
    const collectBatch = createBatch(db, { kind: 'collect', createdBy: 'demo' }, now)
    const analyzer = opts.analyzer ?? simulatedAnalyzer(seed, plan.items, topicIds)
    const imported = new Ingestor(db, { batchId: importBatch, analyzer, now })
    const collected = new Ingestor(db, { batchId: collectBatch, analyzer, now })
    const inserted: { id: number; item: DemoItem }[] = []
    let done = 0
    for (const item of plan.items) {
      const ing = item.imported ? imported : collected
      const before = ing.insertedIds.length
      ing.add(item.input)
      if (ing.insertedIds.length > before)
        inserted.push({ id: ing.insertedIds[ing.insertedIds.length - 1]!, item })
      if (++done % 1000 === 0) opts.onProgress?.(done, plan.items.length)
    }
    const n1 = imported.finish()
    const n2 = collected.finish()
    finishBatch(db, importBatch, { rows: n1.inserted + n1.duplicates, ...n1, rejected: 0 })
    finishBatch(db, collectBatch, { rows: n2.inserted + n2.duplicates, ...n2, rejected: 0 })
    staffActions(db, seed, inserted)
  })()
  const total = (db.prepare('SELECT count(*) AS n FROM mentions').get() as { n: number }).n
  return { mentions: total, from: plan.from, to: plan.to, seed, spike: plan.spike }
}

/** What staff did in the demo: manual corrections, irrelevant marks, the response workflow. */
function staffActions(db: Db, seed: number, inserted: { id: number; item: DemoItem }[]): void {
  const r = new Random(seed ^ 0x5eed)
  const byTone = new Map<Sentiment, number[]>()
  for (const { id, item } of inserted) {
    if (!item.imported && r.chance(0.04)) {
      const list = byTone.get(item.tone) ?? []
      list.push(id)
      byTone.set(item.tone, list)
    }
  }
  for (const [tone, ids] of byTone) setManualSentiment(db, ids, tone, 'Айгерим (пресс-служба)')
  const critical = inserted
    .filter(({ item }) => item.tone === 'negative' && (item.input.reach ?? 0) > 8000)
    .slice(-40)
    .map(({ id }) => id)
  const staff = ['Айгерим', 'Данияр', 'Ольга']
  critical.forEach((id, k) => {
    if (k % 3 === 0) setResponse(db, [id], { status: 'needed' })
    else if (k % 3 === 1)
      setResponse(db, [id], { status: 'assigned', assignee: staff[k % staff.length] ?? null })
    else
      setResponse(db, [id], {
        status: 'answered',
        assignee: staff[k % staff.length] ?? null,
        note: 'Дан ответ от имени пресс-службы, проблема передана в профильное управление.',
        url: 'https://t.me/beltau_akimat/' + (5000 + k)
      })
  })
  const ads = inserted
    .filter(({ item }) => item.input.kind === 'comment')
    .filter(() => r.chance(0.004))
    .map(({ id }) => id)
  setIrrelevant(db, ads, true, 'spam', 'Ольга (пресс-служба)')
}

/**
 * Stands in for the model when no analyzer is given: labels with the intended tone, wrong about one
 * time in six (a model is not perfect), topics by the intended problem, stories by the syndication plan.
 */
function simulatedAnalyzer(seed: number, items: DemoItem[], topicIds: Map<string, number>): MentionAnalyzer {
  const r = new Random(seed ^ 0xabc)
  const byInput = new Map<MentionInput, DemoItem>(items.map((i) => [i.input, i]))
  const firstByTitle = new Map<string, number>()
  const tones: Sentiment[] = ['negative', 'neutral', 'positive']
  return {
    analyze(rec) {
      const item = byInput.get(rec)
      if (!item) return {}
      const wrong = r.chance(0.16)
      const label = wrong ? tones[(tones.indexOf(item.tone) + r.int(1, 2)) % 3]! : item.tone
      const topic = topicIds.get(item.topic)
      return {
        lang: rec.lang ?? null,
        sentiment: { label, score: wrong ? 0.5 + r.next() * 0.2 : 0.65 + r.next() * 0.3, explanation: [] },
        topicIds: topic ? [topic] : []
      }
    },
    story(id, rec) {
      if (rec.kind !== 'article' && !rec.title) return null
      const key = (rec.text ?? '').slice(0, 80)
      const first = firstByTitle.get(key)
      if (first === undefined) {
        firstByTitle.set(key, id)
        return null
      }
      return first
    }
  }
}

function wipe(db: Db): void {
  db.exec(`DELETE FROM mentions_fts; DELETE FROM mention_topics; DELETE FROM mention_subjects; DELETE FROM batch_duplicates;
           DELETE FROM label_events; DELETE FROM mentions; DELETE FROM stories; DELETE FROM authors; DELETE FROM outlets;
           DELETE FROM import_batches; DELETE FROM sources; DELETE FROM subjects; DELETE FROM reports;`)
}
