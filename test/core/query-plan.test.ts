import { describe, expect, it } from 'vitest'
import { MentionQueries } from '../../src/main/core/queries/mentions'
import { tempDb } from '../helpers/db'
import { summaryWhere } from '../../src/main/core/queries/summary'
import { createDemo } from '../../src/main/core/demo'

describe('grid queries use indexes (EXPLAIN QUERY PLAN)', () => {
  const { db } = tempDb('plan')
  db.exec('ANALYZE')
  const q = new MentionQueries(db, () => 'Asia/Almaty')
  const byDate = { col: 'publishedAt', dir: 'desc' } as const

  it('the default page walks the date index instead of sorting the table', () => {
    const plan = q.plan({}, byDate).join('\n')
    expect(plan).toMatch(/mentions_published/)
    expect(plan).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/)
  })

  it('a date range uses the date index', () => {
    expect(q.plan({ from: '2026-11-16', to: '2026-11-22' }, byDate).join('\n')).toMatch(
      /mentions_published|mentions_\w+ \(.*published_at/
    )
  })

  it('filters by platform, sentiment and author are served by their indexes', () => {
    expect(q.plan({ platforms: ['telegram'] }, byDate).join('\n')).toMatch(
      /INDEX mentions_(platform|published)/
    )
    expect(q.plan({ sentiments: ['negative'] }, byDate).join('\n')).toMatch(
      /INDEX mentions_(sentiment|published)/
    )
    expect(q.plan({ authorIds: [5] }, byDate).join('\n')).toMatch(/INDEX mentions_(author|published)/)
  })

  it('search goes through the FTS index, not a scan of the text', () => {
    const plan = q.plan({ search: 'акимат' }, byDate).join('\n')
    expect(plan).toMatch(/VIRTUAL TABLE INDEX .*mentions_fts|mentions_fts VIRTUAL TABLE/)
  })
})

describe('scale: the plans the benchmarks rely on', () => {
  const { db } = tempDb('plan-scale')
  createDemo(db, { weeks: 2, until: '2026-11-20', timeZone: 'Asia/Almaty' })
  db.exec('ANALYZE')
  const q = new MentionQueries(db, () => 'Asia/Almaty')
  const byDate = { col: 'publishedAt', dir: 'desc' } as const

  it('a block after an anchor key seeks the date index, and anchor steps never leave it', () => {
    const plan = q.plan({ sentiments: ['negative'], platforms: ['telegram'] }, byDate, true).join('\n')
    expect(plan).toMatch(
      /SEARCH m USING (COVERING )?INDEX mentions_published \(published_at<\?\)|INDEX mentions_(sentiment|platform)/
    )
    expect(plan).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/)
    const step = (
      db
        .prepare(
          `EXPLAIN QUERY PLAN SELECT m.published_at, m.id FROM mentions m WHERE m.irrelevant = 0 AND m.sentiment = -1
           AND (m.published_at, m.id) < (?, ?) ORDER BY m.published_at DESC, m.id DESC LIMIT 1 OFFSET 999`
        )
        .all(0, 0) as { detail: string }[]
    )
      .map((r) => r.detail)
      .join('\n')
    expect(step).toMatch(/COVERING INDEX mentions_published/)
  })

  it('a reach-sorted block after an anchor seeks the reach index, which holds the filters', () => {
    const byReach = { col: 'reach', dir: 'desc' } as const
    const plan = q.plan({ sentiments: ['negative'], platforms: ['telegram'] }, byReach, true).join('\n')
    expect(plan).toMatch(/SEARCH m USING COVERING INDEX mentions_reach \(<expr><\?\)/)
    expect(plan).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/)
  })

  it('a common search walks the sort index with its matches as a filter; a rare one starts from them', () => {
    const common = new MentionQueries(db, () => 'Asia/Almaty', 1)
    const f = { search: 'дорог*', sentiments: ['negative' as const] }
    const walked = common.plan(f, byDate).join('\n')
    expect(walked).toMatch(/SCAN m USING COVERING INDEX mentions_published/)
    expect(walked).toMatch(/LIST SUBQUERY/)
    expect(walked).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/)
    const byReach = common.plan(f, { col: 'reach', dir: 'desc' }).join('\n')
    expect(byReach).toMatch(/SCAN m USING COVERING INDEX mentions_reach/)
    expect(byReach).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/)
    // The demo has far fewer than COMMON_MATCHES matches: the default reads them by rowid, then sorts.
    const rare = q.plan(f, byDate).join('\n')
    expect(rare).toMatch(/SEARCH m USING INTEGER PRIMARY KEY \(rowid=\?\)/)
    expect(rare).toMatch(/mentions_fts VIRTUAL TABLE/)
  })

  it('a topic filter checks each row by the link table key instead of collecting every linked id', () => {
    const plan = q.plan({ topicIds: [1] }, byDate).join('\n')
    expect(plan).toMatch(/mentions_published/)
    expect(plan).toMatch(/mention_topics.*PRIMARY KEY|mention_topics_mention/)
    expect(plan).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/)
  })

  it('counts read the summary tables by their keys', () => {
    const s = summaryWhere({ from: '2026-08-01', to: '2026-10-31', platforms: ['telegram'] }, 'Asia/Almaty')!
    const plan = (
      db.prepare(`EXPLAIN QUERY PLAN SELECT sum(s.n) FROM ${s.from}`).all(...s.params) as { detail: string }[]
    )
      .map((r) => r.detail)
      .join('\n')
    expect(plan).toMatch(/SEARCH mention_sums_days USING PRIMARY KEY \(bucket>\? AND bucket<\?\)/)
    expect(plan).toMatch(/SEARCH mention_sums_hours USING PRIMARY KEY/)
    expect(plan).not.toMatch(/SCAN mentions/)
  })
})
