import { describe, expect, it } from 'vitest'
import { tempDb } from '../helpers/db'
import { createDemo } from '../../src/main/core/demo'
import { authorsPage, mergeAuthors } from '../../src/main/core/queries/authors'
import { buildWhere } from '../../src/main/core/queries/filter'

describe('authors page', () => {
  it('counts per person (merged accounts together) exactly as a plain GROUP BY does, with the total', () => {
    const tz = 'Asia/Almaty'
    const { db } = tempDb('authors-page')
    createDemo(db, { weeks: 3, until: '2026-11-20', timeZone: tz })
    const busiest = db
      .prepare(
        'SELECT author_id FROM mentions WHERE author_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 3'
      )
      .pluck()
      .all() as number[]
    mergeAuthors(db, busiest.slice(1), busiest[0]!, 'test')
    const f = { from: '2026-11-01', to: '2026-11-20' }
    const w = buildWhere(f, tz)
    const expected = db
      .prepare(
        `SELECT coalesce(au.merged_into, au.id) AS id, count(*) AS mentions, sum(m.sentiment = -1) AS negative
         FROM mentions m JOIN authors au ON au.id = m.author_id WHERE ${w.sql} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20`
      )
      .all(...w.params) as { id: number; mentions: number; negative: number }[]
    const total = db
      .prepare(
        `SELECT count(DISTINCT coalesce(au.merged_into, au.id)) FROM mentions m JOIN authors au ON au.id = m.author_id WHERE ${w.sql}`
      )
      .pluck()
      .get(...w.params) as number
    const page = authorsPage(
      db,
      f,
      { col: 'mentions', dir: 'desc' },
      0,
      20,
      { minLabelled: 3, percent: 60 },
      tz
    )
    expect(page.total).toBe(total)
    expect(page.rows.map((r) => ({ id: r.id, mentions: r.mentions, negative: r.negative }))).toEqual(expected)
    expect(page.rows[0]!.id).toBe(busiest[0])
    expect(page.rows[0]!.mergedCount).toBe(2)
    const tail = authorsPage(
      db,
      f,
      { col: 'mentions', dir: 'desc' },
      total - 5,
      total + 5,
      { minLabelled: 3, percent: 60 },
      tz
    )
    expect(tail.rows).toHaveLength(5)
    expect(tail.total).toBe(total)
    db.close()
  })
})
