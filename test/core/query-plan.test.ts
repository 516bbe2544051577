import { describe, expect, it } from 'vitest'
import { MentionQueries } from '../../src/main/core/queries/mentions'
import { tempDb } from '../helpers/db'

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
