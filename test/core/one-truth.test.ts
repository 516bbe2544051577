import { beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cli, json } from '../helpers/cli'
import { type Db } from '../../src/main/core/db/open'
import { openWorkspaceDatabase } from '../../src/main/core/workspace'
import { getSettings } from '../../src/main/core/db/settings'
import { dashboard } from '../../src/main/core/queries/dashboard'
import { MentionQueries } from '../../src/main/core/queries/mentions'
import { facets } from '../../src/main/core/queries/facets'
import { useSummaries } from '../../src/main/core/queries/summary'
import { buildDigestModel } from '../../src/main/core/report'
import { spikeLines } from '../../src/main/core/report/present'
import { findSpikes } from '../../src/main/core/analysis/spikes-db'
import { spikeJson, type SpikeJson } from '../../src/shared/views'
import { addDays, dateInZone, dateRange } from '../../src/shared/time'
import { now } from '../../src/shared/clock'
import type { Stats } from '../../src/shared/rows'

// The demo workspace as users make it, and the week that holds its spike of heating complaints.
const UNTIL = '2026-12-03'
const FROM = '2026-11-23'
const TO = '2026-11-29'
const dir = mkdtempSync(join(tmpdir(), 'otklik-one-truth-'))
const path = join(dir, 'demo.db')
let db: Db
let tz: string
let demoSpike: { topic: string; days: string[] }

beforeAll(() => {
  const r = json<{ spike: { topic: string; days: string[] } }>(
    cli(['demo', '--db', path, '--until', UNTIL, '--now', `${UNTIL}T23:59`, '--json'])
  )
  demoSpike = r.spike
  db = openWorkspaceDatabase(path)
  tz = getSettings(db).timeZone
}, 120_000)

const escape = (x: string): string => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Relevant negative mentions of a local day, for one topic or all: counted straight from the base table. */
function negativesOn(day: string, topicId: number | null): number {
  const { start, end } = dateRange(day, day, tz)
  return db
    .prepare(
      `SELECT count(*) FROM mentions m WHERE m.published_at >= ? AND m.published_at < ? AND m.sentiment = -1
       AND m.irrelevant = 0 ${topicId === null ? '' : 'AND m.id IN (SELECT mention_id FROM mention_topics WHERE topic_id = ?)'}`
    )
    .pluck()
    .get(...[start, end, ...(topicId === null ? [] : [topicId])]) as number
}

describe('one spike detector for the CLI, the digest and the dashboard', () => {
  it('digest --json lists exactly the spikes of `spikes` for the same dates, and so does the dashboard', () => {
    const cliSpikes = json<{ spikes: SpikeJson[] }>(
      cli(['spikes', '--db', path, '--from', FROM, '--to', TO, '--json'])
    ).spikes
    // The demo planted its heating spike inside the week: it is found, per topic and overall.
    const heating = db.prepare("SELECT name FROM topics WHERE key = 'utilities'").pluck().get() as string
    expect(heating).toBeTruthy()
    const planted = demoSpike.days.filter((d) => d >= FROM && d <= TO)
    expect(planted.length).toBeGreaterThan(0)
    for (const day of planted) {
      expect(cliSpikes.some((s) => s.day === day && s.topic === heating)).toBe(true)
      expect(cliSpikes.some((s) => s.day === day && s.topic === null)).toBe(true)
    }
    for (const s of cliSpikes) {
      expect(Object.keys(s).sort()).toEqual(['day', 'negative', 'topic', 'usual'])
      expect(s.day >= FROM && s.day <= TO).toBe(true)
      expect(s.negative).toBeGreaterThan(s.usual)
      expect(Number.isInteger(s.usual)).toBe(true)
    }

    const out = join(dir, 'digests')
    const digest = json<{ spikes: SpikeJson[] }>(
      cli(['digest', '--db', path, '--from', FROM, '--to', TO, '--format', 'pdf', '--out', out, '--json'])
    )
    expect(digest.spikes).toEqual(cliSpikes)
    const model = buildDigestModel(db, { from: FROM, to: TO })
    expect(model.spikes.days.map(spikeJson)).toEqual(cliSpikes)
    // The digest's text names each spike's day and topic.
    expect(spikeLines(model)).toEqual(
      cliSpikes.map((s) =>
        expect.stringMatching(
          new RegExp(
            `^${s.day.split('-').reverse().join('\\.')}, ${escape(s.topic ?? 'все темы')} — ${s.negative} `
          )
        )
      )
    )

    const q = new MentionQueries(db, () => tz)
    const dash = dashboard(db, q, { from: FROM, to: TO }, tz, 'ru')
    expect(dash.spikes.map(spikeJson)).toEqual(cliSpikes)
    // Emerging terms: one definition too (the period against the four weeks before it).
    expect(model.spikes.terms.length).toBeGreaterThan(0)
    expect(
      dash.emerging
        .slice(0, model.spikes.terms.length)
        .map((x) => ({ term: x.term, recent: x.recent, baseline: x.before }))
    ).toEqual(model.spikes.terms)
  }, 60_000)

  it('counts each spike from the series it states, whatever period holds the day', () => {
    const topics = new Map(
      (db.prepare('SELECT id, name FROM topics').all() as { id: number; name: string }[]).map((t) => [
        t.name,
        t.id
      ])
    )
    const month = findSpikes(db, { from: addDays(UNTIL, -40), to: UNTIL, timeZone: tz })
    expect(month.length).toBeGreaterThan(3)
    for (const s of month) {
      expect(s.topicId).toBe(s.topic === null ? null : topics.get(s.topic))
      expect(s.negative, `${s.day} ${s.topic}`).toBe(negativesOn(s.day, s.topicId))
    }
    // A day's verdict depends on its own history only: the month's spikes are the single days' spikes.
    const byDay: typeof month = []
    for (let d = addDays(UNTIL, -40); d <= UNTIL; d = addDays(d, 1))
      byDay.push(...findSpikes(db, { from: d, to: d, timeZone: tz }))
    expect(byDay.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual(
      [...month].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
    )
    // The first days of the workspace have no history: no verdict rather than a spike against zero.
    const first = db.prepare('SELECT min(published_at) FROM mentions').pluck().get() as number
    const firstDay = new Intl.DateTimeFormat('en-CA', { timeZone: tz }).format(first)
    expect(findSpikes(db, { from: firstDay, to: addDays(firstDay, 6), timeZone: tz })).toEqual([])
    // The base table gives the same spikes as the summaries.
    useSummaries(false)
    try {
      expect(findSpikes(db, { from: addDays(UNTIL, -40), to: UNTIL, timeZone: tz })).toEqual(month)
    } finally {
      useSummaries(true)
    }
  })

  it('a topic filter keeps that topic and leaves out the all-topics series', () => {
    const heating = db.prepare("SELECT id FROM topics WHERE key = 'utilities'").pluck().get() as number
    const all = findSpikes(db, { from: FROM, to: TO, timeZone: tz })
    const only = findSpikes(db, { from: FROM, to: TO, timeZone: tz, filter: { topicIds: [heating] } })
    expect(only.length).toBeGreaterThan(0)
    expect(only).toEqual(all.filter((s) => s.topicId === heating))
  })
})

describe('otklik spikes', () => {
  it('takes the 30 days ending today without dates, and refuses a wrong command line with exit 2', () => {
    const today = dateInZone(now(), tz)
    const plain = cli(['spikes', '--db', path])
    expect(plain.code).toBe(0)
    expect(plain.stdout).toContain(`${addDays(today, -29)} – ${today}`)
    const byDefault = json(cli(['spikes', '--db', path, '--json']))
    const explicit = json(
      cli(['spikes', '--db', path, '--from', addDays(today, -29), '--to', today, '--json'])
    )
    expect(byDefault).toEqual(explicit)
    for (const bad of [
      ['--from', '2026-11-30', '--to', '2026-11-29'],
      ['--from', '2026-02-30'],
      ['--to', '29.11.2026'],
      ['--week', '2026-W48'],
      ['--from']
    ]) {
      const r = cli(['spikes', '--db', path, ...bad, '--json'])
      expect(r.code, bad.join(' ')).toBe(2)
      expect(r.stdout).toBe('')
      expect(r.stderr).toMatch(/otklik spikes: /)
    }
    const missing = cli(['spikes', '--db', join(dir, 'nothing-here.db'), '--json'])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('not found')
  }, 60_000)
})

describe('one count for every figure', () => {
  it('the dashboard, the status bar, the facets, the digest and `stats` agree for the demo week', () => {
    const f = { from: FROM, to: TO }
    const { start, end } = dateRange(FROM, TO, tz)
    const truth = db
      .prepare(
        `SELECT count(*) AS n, sum(sentiment = -1) AS neg, sum(sentiment = 0) AS neu, sum(sentiment = 1) AS pos,
         sum(sentiment IS NULL) AS unl FROM mentions WHERE published_at >= ? AND published_at < ? AND irrelevant = 0`
      )
      .get(start, end) as { n: number; neg: number; neu: number; pos: number; unl: number }
    expect(truth.n).toBeGreaterThan(500)

    const q = new MentionQueries(db, () => tz)
    const dash = dashboard(db, q, f, tz, 'ru')
    const bar = q.counts(f)
    const digest = buildDigestModel(db, f).figures
    const stats = json<Stats>(cli(['stats', '--db', path, '--from', FROM, '--to', TO, '--json']))
    const labelled = truth.neg + truth.neu + truth.pos

    expect(dash.total).toBe(truth.n)
    expect(bar).toEqual({
      total: truth.n,
      negative: truth.neg,
      neutral: truth.neu,
      positive: truth.pos,
      unlabelled: truth.unl
    })
    expect(digest.mentions.value).toBe(truth.n)
    expect(digest.labelled).toBe(labelled)
    expect(digest.unlabelled).toBe(truth.unl)
    expect(digest.negativeShare.value).toBeCloseTo(truth.neg / labelled, 12)
    expect(dash.negShare).toBeCloseTo(truth.neg / labelled, 12)
    expect(dash.responses.critical).toBe(truth.neg)
    expect(stats.relevant).toEqual({
      mentions: truth.n,
      bySentiment: { negative: truth.neg, neutral: truth.neu, positive: truth.pos, unlabelled: truth.unl }
    })
    expect(stats.mentions).toBe(truth.n + stats.irrelevant)
    expect(dash.volume.reduce((s, d) => s + d.negative + d.neutral + d.positive + d.unlabelled, 0)).toBe(
      truth.n
    )
    const fc = facets(db, f, tz)
    expect(fc.platforms.reduce((s, x) => s + x.count, 0)).toBe(truth.n)
    expect(fc.langs.reduce((s, x) => s + x.count, 0)).toBe(truth.n)
    const byTopic = new Map(fc.topics.map((t) => [t.key, t.count]))
    for (const t of dash.topics) expect(t.total, t.name).toBe(byTopic.get(t.id) ?? 0)
  })

  it('counts each mention once in the audience coverage (not once per chart)', () => {
    const f = { from: FROM, to: TO }
    const { start, end } = dateRange(FROM, TO, tz)
    const known = db
      .prepare(
        `SELECT count(*) FROM mentions m JOIN authors a ON a.id = m.author_id WHERE m.published_at >= ? AND m.published_at < ?
         AND m.irrelevant = 0 AND (a.gender IS NOT NULL OR a.age IS NOT NULL)`
      )
      .pluck()
      .get(start, end) as number
    expect(known).toBeGreaterThan(0)
    const q = new MentionQueries(db, () => tz)
    const a = dashboard(db, q, f, tz, 'ru').audience
    expect(a.covered).toBe(known)
    // In the demo every author with a gender has an age too: each chart holds every covered mention once.
    expect(a.byGender.reduce((s, r) => s + r.total, 0)).toBe(known)
    expect(a.byAge.reduce((s, r) => s + r.total, 0)).toBe(known)
    useSummaries(false)
    try {
      expect(dashboard(db, q, f, tz, 'ru').audience).toEqual(a)
    } finally {
      useSummaries(true)
    }
  })
})
