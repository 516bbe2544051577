import { describe, expect, it } from 'vitest'
import { tempDb } from '../helpers/db'
import { createDemo } from '../../src/main/core/demo'
import {
  labelSnapshot,
  setIrrelevant,
  setManualSentiment,
  setResponse
} from '../../src/main/core/mentions/labels'
import { facets, OUTLET_FACET_LIMIT } from '../../src/main/core/queries/facets'
import type { Db } from '../../src/main/core/db/open'

const TZ = 'Asia/Almaty'

function state(db: Db, ids: number[]) {
  return db
    .prepare(
      `SELECT id, sentiment, sentiment_origin, manual_sentiment, irrelevant, irrelevant_reason, response_status,
              response_assignee, response_note, response_url FROM mentions WHERE id IN (${ids.join(',')}) ORDER BY id`
    )
    .all()
}

describe('undo of mention edits', () => {
  const { db } = tempDb('labels-undo')
  createDemo(db, { weeks: 1, until: '2026-11-20', timeZone: TZ })
  // A mix: some rows already labelled by hand, some irrelevant, some with a response.
  const ids = db.prepare('SELECT id FROM mentions ORDER BY id LIMIT 60').pluck().all() as number[]
  setManualSentiment(db, ids.slice(0, 10), 'positive', 'x')
  setIrrelevant(db, ids.slice(5, 15), true, 'spam', 'x')
  setResponse(db, ids.slice(10, 20), { status: 'assigned', assignee: 'Ольга', note: 'n' }, 'x')

  it('a sentiment edit put back by its snapshot restores labels and their origins', () => {
    const before = state(db, ids)
    const undo = labelSnapshot(db, ids, 'sentiment')
    expect(undo.field).toBe('sentiment')
    setManualSentiment(db, ids, 'negative', 'x')
    expect(state(db, ids)).not.toEqual(before)
    if (undo.field !== 'sentiment') throw new Error('field')
    expect(undo.groups.map((g) => g.sentiment).sort()).toEqual(['positive', null].sort())
    for (const g of undo.groups) setManualSentiment(db, g.ids, g.sentiment, 'x')
    expect(state(db, ids)).toEqual(before)
  })

  it('irrelevant and response edits are put back with reasons, assignees and notes', () => {
    const before = state(db, ids)
    const irr = labelSnapshot(db, ids, 'irrelevant')
    setIrrelevant(db, ids, true, 'advertising', 'x')
    if (irr.field !== 'irrelevant') throw new Error('field')
    for (const g of irr.groups) setIrrelevant(db, g.ids, g.irrelevant, g.reason, 'x')
    const resp = labelSnapshot(db, ids, 'response')
    setResponse(db, ids, { status: 'answered', note: 'ответили', url: 'https://x.kz/1' }, 'x')
    if (resp.field !== 'response') throw new Error('field')
    for (const g of resp.groups) setResponse(db, g.ids, g, 'x')
    const after = state(db, ids) as Record<string, unknown>[]
    // The spam rows (5..14) were irrelevant already: marking them again changed nothing, so they keep «spam».
    expect(after).toEqual(before)
  })
})

describe('the outlets facet', () => {
  const { db } = tempDb('facet-outlets')
  createDemo(db, { weeks: 2, until: '2026-11-20', timeZone: TZ })

  it('counts each outlet under the other filters, not its own', () => {
    const f = { from: '2026-11-10', to: '2026-11-16', sentiments: ['negative' as const] }
    const one = db.prepare('SELECT outlet_id FROM mentions WHERE outlet_id IS NOT NULL LIMIT 1').pluck().get()
    const got = facets(db, { ...f, outletIds: [one as number] }, TZ).outlets
    const expected = db
      .prepare(
        `SELECT m.outlet_id AS key, count(*) AS n FROM mentions m
         WHERE m.outlet_id IS NOT NULL AND m.sentiment = -1 AND m.irrelevant = 0
           AND m.published_at >= ? AND m.published_at < ? GROUP BY 1 ORDER BY 2 DESC, 1`
      )
      .all(Date.parse('2026-11-10T00:00:00+05:00'), Date.parse('2026-11-17T00:00:00+05:00')) as {
      key: number
      n: number
    }[]
    expect(got.length).toBeGreaterThan(3)
    expect(got.map((x) => [x.key, x.count])).toEqual(
      expected.slice(0, OUTLET_FACET_LIMIT).map((x) => [x.key, x.n])
    )
    const names = db.prepare('SELECT id, name FROM outlets').all() as { id: number; name: string }[]
    for (const x of got) expect(x.label).toBe(names.find((n) => n.id === x.key)?.name)
  })

  it('keeps an outlet the filter names even past the listed busiest ones', () => {
    db.exec(
      `WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < 61)
       INSERT INTO outlets (key, name, platform, created_at) SELECT 'test:' || v, 'Издание ' || v, 'news', 0 FROM n`
    )
    const ids = db
      .prepare("SELECT id FROM outlets WHERE key LIKE 'test:%' ORDER BY id")
      .pluck()
      .all() as number[]
    const m = db.prepare('SELECT id FROM mentions ORDER BY id LIMIT 181').pluck().all() as number[]
    const upd = db.prepare('UPDATE mentions SET outlet_id = ? WHERE id = ?')
    // Sixty outlets with three mentions each, and one with a single mention: the quietest of all.
    m.forEach((id, i) => upd.run(ids[Math.min(Math.floor(i / 3), 60)], id))
    const last = ids[60]!
    const all = facets(db, {}, TZ).outlets
    expect(all).toHaveLength(OUTLET_FACET_LIMIT)
    expect(all.some((x) => x.key === last)).toBe(false)
    const named = facets(db, { outletIds: [last] }, TZ).outlets
    expect(named.find((x) => x.key === last)?.count).toBe(1)
  })
})
