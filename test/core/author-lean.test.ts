/**
 * The author lean (src/shared/lean.ts) is one rule: the Authors page query, the table export, the digest
 * model and `otklik authors` / `otklik digest --json` must name the same critics and supporters.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { tempDb } from '../helpers/db'
import { cli, json } from '../helpers/cli'
import type { Db } from '../../src/main/core/db/open'
import { createDemo } from '../../src/main/core/demo'
import { workspaceAnalyzer } from '../../src/main/core/analysis/analyzer'
import { parseNow } from '../../src/shared/clock'

/** The demo of a day that is "today" holds only what was published by then: pinned, so no result depends on the hour. */
const DEMO_MADE = parseNow('2026-12-03T23:59')
import { getSettings, setSettings } from '../../src/main/core/db/settings'
import { Ingestor } from '../../src/main/core/ingest'
import { authorsPage, setAuthorType } from '../../src/main/core/queries/authors'
import { authorsTable } from '../../src/main/core/queries/table-export'
import { buildDigestModel } from '../../src/main/core/report'
import { leanOf, leanRule, wilsonLower, type Lean } from '../../src/shared/lean'
import { dateRange } from '../../src/shared/time'
import type { MentionFilter } from '../../src/shared/filter'
import type { AuthorRow, AuthorSort } from '../../src/shared/views'

const TZ = 'Asia/Almaty'
const WEEK = { from: '2026-11-23', to: '2026-11-29' }
const BY_MENTIONS: AuthorSort = { col: 'mentions', dir: 'desc' }

type CliAuthor = {
  id: number
  name: string
  platform: string
  type: string
  mentions: number
  labelled: number
  negative: number
  neutral: number
  positive: number
  lean: Lean | null
}

function page(db: Db, filter: MentionFilter, lean: Lean | null = null, sort = BY_MENTIONS): AuthorRow[] {
  return authorsPage(db, filter, sort, 0, Infinity, leanRule(getSettings(db)), TZ, lean).rows
}
const ids = (rows: { id: number }[]): number[] => rows.map((r) => r.id)
const evidence = (r: AuthorRow) => ({
  labelled: r.labelled,
  negative: r.negative,
  neutral: r.neutral,
  positive: r.positive,
  lean: r.lean
})
function cliAuthors(path: string, extra: string[]): CliAuthor[] {
  return json<{ authors: CliAuthor[] }>(cli(['authors', '--db', path, ...extra, '--json'])).authors
}

describe('the lean rule itself', () => {
  it('compares in integers: 55 of 100 at 55 % is a critic, 54 is not', () => {
    const rule = leanRule({ authorMinLabelled: 3, authorShare: 0.55 })
    expect(rule).toEqual({ minLabelled: 3, percent: 55 })
    expect(leanOf({ labelled: 100, negative: 55, positive: 5 }, 'private', rule)).toBe('critic')
    expect(leanOf({ labelled: 100, negative: 54, positive: 5 }, 'private', rule)).toBeNull()
    expect(leanOf({ labelled: 100, negative: 5, positive: 55 }, 'blogger', rule)).toBe('supporter')
    expect(leanOf({ labelled: 2, negative: 2, positive: 0 }, 'private', rule)).toBeNull()
    expect(leanOf({ labelled: 100, negative: 90, positive: 0 }, 'official', rule)).toBeNull()
  })

  it('the Wilson lower bound ranks 14 of 15 above 1 of 1', () => {
    expect(wilsonLower(1, 1)!).toBeCloseTo(0.2065, 3)
    expect(wilsonLower(14, 15)!).toBeCloseTo(0.7018, 3)
    expect(wilsonLower(0, 0)).toBeNull()
    expect(wilsonLower(14, 15)!).toBeGreaterThan(wilsonLower(1, 1)!)
  })
})

describe('hand-made authors at the edges (threshold 55 %)', () => {
  let db: Db
  let path: string
  const idOf = new Map<string, number>()

  beforeAll(() => {
    ;({ db, path } = tempDb('lean-edges'))
    setSettings(db, { timeZone: TZ, authorShare: 0.55, authorMinLabelled: 3 })
    const day = dateRange('2026-11-25', '2026-11-25', TZ).start + 10 * 3600_000
    const people: [string, 'private' | 'official', number, number, number][] = [
      // name, type, negative, neutral, positive
      ['Критик Пятьдесят Пять', 'private', 55, 40, 5],
      ['Почти Критик', 'private', 54, 41, 5],
      ['Один Из Одного', 'private', 1, 0, 0],
      ['Четырнадцать Из Пятнадцати', 'private', 14, 1, 0],
      ['Акимат Белтау', 'official', 80, 10, 10],
      ['Сторонник Шестьдесят', 'private', 10, 30, 60]
    ]
    let n = 0
    db.transaction(() => {
      const ing = new Ingestor(db)
      for (const [name, type, neg, neu, pos] of people) {
        const labels = [
          ...Array<'negative'>(neg).fill('negative'),
          ...Array<'neutral'>(neu).fill('neutral'),
          ...Array<'positive'>(pos).fill('positive')
        ]
        for (const sentiment of labels) {
          n++
          ing.add({
            externalId: `edge-${n}`,
            publishedAt: day + n * 1000,
            platform: 'telegram',
            text: `Сообщение номер ${n} об акимате`,
            author: { name, type },
            sentiment
          })
        }
      }
      ing.finish()
    })()
    for (const r of db.prepare('SELECT id, name FROM authors').all() as { id: number; name: string }[])
      idOf.set(r.name, r.id)
  })
  afterAll(() => db.close())

  it('55 of 100 is a critic in the page query, the table export, the digest model and the CLI', () => {
    const critic = idOf.get('Критик Пятьдесят Пять')!
    const almost = idOf.get('Почти Критик')!
    const rows = page(db, WEEK)
    expect(rows.find((r) => r.id === critic)).toMatchObject({ labelled: 100, negative: 55, lean: 'critic' })
    expect(rows.find((r) => r.id === almost)!.lean).toBeNull()
    expect(ids(page(db, WEEK, 'critic'))).toEqual([critic, idOf.get('Четырнадцать Из Пятнадцати')!])

    const table = authorsTable(db, WEEK, leanRule(getSettings(db)), TZ)
    const lean = table.headers.indexOf('Склонность')
    expect(table.rows.find((r) => r[0] === 'Критик Пятьдесят Пять')![lean]).toBe('критикует')
    expect(table.rows.find((r) => r[0] === 'Почти Критик')![lean]).toBeNull()

    const model = buildDigestModel(db, { ...WEEK, now: Date.parse('2026-12-01T00:00:00Z') })
    expect(model.authors.critics).toContain(critic)
    expect(model.authors.critics).not.toContain(almost)
    expect(model.authors.share).toBe(0.55)

    db.pragma('wal_checkpoint(TRUNCATE)')
    const viaCli = cliAuthors(path, ['--from', WEEK.from, '--to', WEEK.to])
    expect(viaCli.find((a) => a.id === critic)).toEqual({
      id: critic,
      name: 'Критик Пятьдесят Пять',
      platform: 'telegram',
      type: 'private',
      mentions: 100,
      labelled: 100,
      negative: 55,
      neutral: 40,
      positive: 5,
      lean: 'critic'
    })
    expect(viaCli.find((a) => a.id === almost)!.lean).toBeNull()
    expect(ids(cliAuthors(path, ['--from', WEEK.from, '--to', WEEK.to, '--lean', 'critic']))).toEqual(
      model.authors.critics
    )
  })

  it('an official account never leans, however negative its mentions', () => {
    const akimat = idOf.get('Акимат Белтау')!
    const row = page(db, WEEK).find((r) => r.id === akimat)!
    expect(row).toMatchObject({ type: 'official', labelled: 100, negative: 80, lean: null })
    expect(ids(page(db, WEEK, 'critic'))).not.toContain(akimat)
    const model = buildDigestModel(db, { ...WEEK, now: Date.parse('2026-12-01T00:00:00Z') })
    expect([...model.authors.critics, ...model.authors.supporters]).not.toContain(akimat)
    // Set by hand, the type takes the lean away as well.
    const supporter = idOf.get('Сторонник Шестьдесят')!
    expect(page(db, WEEK).find((r) => r.id === supporter)!.lean).toBe('supporter')
    setAuthorType(db, [supporter], 'official', 'test')
    expect(page(db, WEEK).find((r) => r.id === supporter)!.lean).toBeNull()
    expect(ids(page(db, WEEK, 'supporter'))).toEqual([])
    setAuthorType(db, [supporter], 'private', 'test')
  })

  it('sorting by share ranks by evidence: 14 of 15 above 1 of 1, the lower bound on each row', () => {
    const rows = page(db, WEEK, null, { col: 'negShare', dir: 'desc' })
    const pos = (name: string): number => rows.findIndex((r) => r.id === idOf.get(name))
    expect(pos('Четырнадцать Из Пятнадцати')).toBeLessThan(pos('Один Из Одного'))
    expect(pos('Критик Пятьдесят Пять')).toBeLessThan(pos('Один Из Одного'))
    const lows = rows.map((r) => r.negLow!)
    expect(lows).toEqual([...lows].sort((a, b) => b - a))
    const one = rows[pos('Один Из Одного')]!
    expect(one.negShare).toBe(1)
    expect(one.negLow).toBeCloseTo(wilsonLower(1, 1)!, 9)
    // Paged, the order and the total hold.
    const second = authorsPage(
      db,
      WEEK,
      { col: 'negShare', dir: 'desc' },
      2,
      4,
      leanRule(getSettings(db)),
      TZ
    )
    expect(ids(second.rows)).toEqual(ids(rows.slice(2, 4)))
    expect(second.total).toBe(rows.length)
  })

  it('irrelevant mentions never count towards the lean, even when the filter shows them', () => {
    const critic = idOf.get('Критик Пятьдесят Пять')!
    const negIds = db
      .prepare('SELECT id FROM mentions WHERE author_id = ? AND sentiment = -1 ORDER BY id LIMIT 2')
      .pluck()
      .all(critic) as number[]
    db.prepare(`UPDATE mentions SET irrelevant = 1 WHERE id IN (${negIds.join(',')})`).run()
    try {
      const hidden = page(db, WEEK).find((r) => r.id === critic)!
      const shown = page(db, { ...WEEK, irrelevant: 'all' }).find((r) => r.id === critic)!
      expect(hidden).toMatchObject({ mentions: 98, labelled: 98, negative: 53, lean: null })
      expect(shown).toMatchObject({ mentions: 100, labelled: 98, negative: 53, lean: null })
      const only = page(db, { ...WEEK, irrelevant: 'only' })
      expect(only.map((r) => ({ id: r.id, mentions: r.mentions, labelled: r.labelled }))).toEqual([
        { id: critic, mentions: 2, labelled: 98 }
      ])
    } finally {
      db.prepare(`UPDATE mentions SET irrelevant = 0 WHERE id IN (${negIds.join(',')})`).run()
    }
  })
})

describe('the demo workspace (demo --until 2026-12-03), week 23–29.11.2026', () => {
  let db: Db
  let path: string

  beforeAll(() => {
    ;({ db, path } = tempDb('lean-demo'))
    // As `demo --until 2026-12-03` makes it: with the demo's real analysis.
    createDemo(db, { until: '2026-12-03', timeZone: TZ, now: DEMO_MADE, analyzer: workspaceAnalyzer(db) })
    db.pragma('wal_checkpoint(TRUNCATE)')
  }, 120_000)
  afterAll(() => db.close())

  it('the lean and its counts do not change under a sentiment filter; the list narrows', () => {
    const all = new Map(page(db, WEEK).map((r) => [r.id, r]))
    expect([...all.values()].some((r) => r.lean === 'critic')).toBe(true)
    for (const [sentiments, sql] of [
      [['negative'], 'sentiment = -1'],
      [['positive'], 'sentiment = 1'],
      [['neutral', 'positive'], 'sentiment IN (0, 1)']
    ] as const) {
      const rows = page(db, { ...WEEK, sentiments: [...sentiments] })
      const { start, end } = dateRange(WEEK.from, WEEK.to, TZ)
      const expected = db
        .prepare(
          `SELECT coalesce(a.merged_into, a.id) AS id, count(*) AS n FROM mentions m JOIN authors a ON a.id = m.author_id
           WHERE m.published_at >= ? AND m.published_at < ? AND m.irrelevant = 0 AND m.${sql} GROUP BY 1`
        )
        .all(start, end) as { id: number; n: number }[]
      expect(new Map(rows.map((r) => [r.id, r.mentions]))).toEqual(new Map(expected.map((e) => [e.id, e.n])))
      for (const r of rows) expect(evidence(r)).toEqual(evidence(all.get(r.id)!))
    }
    // The case: «Негатив» + аким* must not make every city outlet a 100 % critic.
    const q = { ...WEEK, search: 'аким*' }
    const plain = new Map(page(db, q).map((r) => [r.id, r]))
    const negative = page(db, { ...q, sentiments: ['negative'] })
    expect(negative.length).toBeGreaterThan(5)
    expect(negative.some((r) => r.lean !== 'critic')).toBe(true)
    for (const r of negative) expect(evidence(r)).toEqual(evidence(plain.get(r.id)!))
  })

  it('official accounts have no lean', () => {
    const officials = page(db, WEEK).filter((r) => r.type === 'official')
    expect(officials.length).toBeGreaterThan(0)
    expect(officials.some((r) => r.labelled >= 3)).toBe(true)
    for (const r of officials) expect(r.lean).toBeNull()
  })

  it('the SQL lean filter keeps exactly the rows the predicate marks', () => {
    const all = page(db, WEEK)
    for (const lean of ['critic', 'supporter'] as const) {
      const only = authorsPage(db, WEEK, BY_MENTIONS, 0, 1000, leanRule(getSettings(db)), TZ, lean)
      expect(ids(only.rows)).toEqual(ids(all.filter((r) => r.lean === lean)))
      expect(only.total).toBe(only.rows.length)
    }
  })

  it('the digest names exactly the critics and supporters of `authors --lean` for the same dates', () => {
    const model = buildDigestModel(db, { ...WEEK, now: Date.parse('2026-12-03T06:00:00Z') })
    const critics = ids(cliAuthors(path, ['--from', WEEK.from, '--to', WEEK.to, '--lean', 'critic']))
    const supporters = ids(cliAuthors(path, ['--from', WEEK.from, '--to', WEEK.to, '--lean', 'supporter']))
    expect(critics.length).toBeGreaterThan(3)
    expect(supporters.length).toBeGreaterThan(0)
    expect(model.authors.critics).toEqual(critics)
    expect(model.authors.supporters).toEqual(supporters)
    // The digest's own table shows critics from that set only.
    expect(model.authors.negative.length).toBe(Math.min(10, critics.length))

    const out = mkdtempSync(join(tmpdir(), 'otklik-lean-digest-'))
    const digest = json<{ critics: number[]; supporters: number[]; period: { from: string; to: string } }>(
      cli([
        'digest',
        '--db',
        path,
        '--from',
        WEEK.from,
        '--to',
        WEEK.to,
        '--format',
        'pdf',
        '--out',
        out,
        '--json'
      ])
    )
    expect(digest.period).toEqual(WEEK)
    expect(digest.critics).toEqual(critics)
    expect(digest.supporters).toEqual(supporters)
  }, 60_000)
})
