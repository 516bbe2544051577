import { describe, expect, it } from 'vitest'
import { tempDb } from '../helpers/db'
import { createDemo } from '../../src/main/core/demo'
import { MentionQueries } from '../../src/main/core/queries/mentions'
import { buildWhere } from '../../src/main/core/queries/filter'
import type { MentionFilter, Sort } from '../../src/shared/filter'

const SORT_SQL: Record<string, string> = {
  publishedAt: 'm.published_at',
  reach: 'ifnull(m.reach, -1)'
}

describe('grid blocks after a scrollbar jump', () => {
  const tz = 'Asia/Almaty'
  const { db } = tempDb('jump')
  createDemo(db, { weeks: 4, until: '2026-11-20', timeZone: tz })
  /** The naive answer: OFFSET over the same order. */
  const naive = (f: MentionFilter, s: Sort, start: number, n: number) => {
    const w = buildWhere(f, tz)
    const dir = s.dir === 'asc' ? 'ASC' : 'DESC'
    return db
      .prepare(
        `SELECT m.id FROM mentions m WHERE ${w.sql} ORDER BY ${SORT_SQL[s.col]} ${dir}, m.id ${dir} LIMIT ? OFFSET ?`
      )
      .pluck()
      .all(...w.params, n, start) as number[]
  }

  const cases: [MentionFilter, Sort][] = [
    [{}, { col: 'publishedAt', dir: 'desc' }],
    [{ sentiments: ['negative', 'neutral'] }, { col: 'publishedAt', dir: 'asc' }],
    [
      { mediaType: 'social', from: '2026-10-25' },
      { col: 'reach', dir: 'desc' }
    ],
    [{ sentiments: ['negative', 'neutral'] }, { col: 'reach', dir: 'asc' }]
  ]
  for (const [f, s] of cases) {
    it(`${JSON.stringify(f)} ${s.col} ${s.dir}: any block equals OFFSET paging`, () => {
      const q = new MentionQueries(db, () => tz)
      const total = q.count(f)
      expect(total).toBeGreaterThan(2600)
      // Far jumps first (no rows served yet), then back up, then the tail and a block past the end.
      for (const start of [2500, 2400, 1100, 0, total - 50, total + 10, 1999, 2000]) {
        const page = q.page(f, s, start, start + 100)
        expect(
          page.rows.map((r) => r.id),
          `rows ${start}`
        ).toEqual(naive(f, s, start, 100))
        expect(page.total).toBe(total)
      }
    })
  }

  it('a common search (walking the sort index, the matches as a filter) pages like OFFSET, by date and by reach', () => {
    for (const s of [
      { col: 'publishedAt', dir: 'desc' },
      { col: 'reach', dir: 'desc' }
    ] as Sort[]) {
      for (const f of [
        { search: 'акимат OR дорог*' },
        { search: 'дорог*', platforms: ['telegram', 'vk'] }
      ] as MentionFilter[]) {
        // Every search counts as common here (one match is enough), so both plans run on the demo.
        const walked = new MentionQueries(db, () => tz, 1)
        const fromMatches = new MentionQueries(db, () => tz)
        expect(walked.plan(f, s).join('\n')).not.toMatch(/TEMP B-TREE FOR ORDER BY/)
        expect(fromMatches.plan(f, s).join('\n')).toMatch(/TEMP B-TREE FOR ORDER BY/)
        const all = naive(f, s, 0, 100_000)
        expect(all.length).toBeGreaterThan(120)
        for (const start of [0, 100, all.length - 50, 30]) {
          expect(
            walked.page(f, s, start, start + 100).rows.map((r) => r.id),
            `${s.col} rows ${start}`
          ).toEqual(all.slice(start, start + 100))
          expect(fromMatches.page(f, s, start, start + 100).rows.map((r) => r.id)).toEqual(
            all.slice(start, start + 100)
          )
        }
      }
    }
  })

  it('anchors laid while idle serve a later jump without stepping, with the same rows', () => {
    const q = new MentionQueries(db, () => tz)
    const f: MentionFilter = { sentiments: ['negative', 'neutral', 'positive'] }
    const s: Sort = { col: 'publishedAt', dir: 'desc' }
    q.page(f, s, 0, 100)
    let calls = 0
    while (!q.warmAnchors(f, s, 1)) calls++
    expect(calls).toBeGreaterThan(1)
    // Another list on screen: warming the first one stops at once.
    q.page({}, s, 0, 100)
    expect(q.warmAnchors(f, s, 1)).toBe(true)
    expect(q.page(f, s, 2550, 2650).rows.map((r) => r.id)).toEqual(naive(f, s, 2550, 100))
  })
})
