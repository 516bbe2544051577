import { describe, expect, it } from 'vitest'
import { dispatch } from '../../src/main/core/api/dispatch'
import { createHandlers } from '../../src/main/core/api/handlers'
import { Workspace } from '../../src/main/core/workspace'
import { createDemo } from '../../src/main/core/demo'
import { CHANNELS, buildBridge } from '../../src/shared/api'
import { tempDb } from '../helpers/db'

function workspace() {
  const { db, path } = tempDb('api')
  createDemo(db, { seed: 3, weeks: 1, until: '2026-11-22' })
  const ws = new Workspace(db, path)
  return { ws, handlers: createHandlers(ws, 'browser') }
}

describe('API table', () => {
  it('rejects invalid input with a validation error instead of crashing', async () => {
    const { handlers } = workspace()
    const bad = [
      ['mentions:page', { filter: {}, sort: { col: 'publishedAt', dir: 'desc' }, startRow: -1, endRow: 10 }],
      [
        'mentions:page',
        {
          filter: { platforms: ['myspace'] },
          sort: { col: 'publishedAt', dir: 'desc' },
          startRow: 0,
          endRow: 10
        }
      ],
      [
        'mentions:page',
        { filter: {}, sort: { col: 'text; DROP TABLE mentions', dir: 'desc' }, startRow: 0, endRow: 10 }
      ],
      [
        'mentions:page',
        { filter: {}, sort: { col: 'publishedAt', dir: 'desc' }, startRow: 0, endRow: 100000 }
      ],
      ['mentions:setSentiment', { ids: [1], sentiment: 'angry' }],
      ['mentions:get', { id: 'one' }],
      ['mentions:get', null],
      ['settings:set', { orgName: '' }],
      ['settings:set', { unknownKey: 1 }]
    ] as const
    for (const [channel, input] of bad) {
      const r = await dispatch(handlers, channel, input)
      expect(r.ok, `${channel} ${JSON.stringify(input)}`).toBe(false)
      if (!r.ok) expect(r.error.code).toBe('VALIDATION')
    }
    const unknown = await dispatch(handlers, 'fs:readFile', { path: '/etc/passwd' })
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    const proto = await dispatch(handlers, '__proto__', {})
    expect(proto.ok).toBe(false)
  })

  it('answers pages of the grid by key, consistent with OFFSET paging', async () => {
    const { ws, handlers } = workspace()
    const sort = { col: 'publishedAt', dir: 'desc' } as const
    const all = ws.db
      .prepare('SELECT id FROM mentions WHERE irrelevant = 0 ORDER BY published_at DESC, id DESC')
      .pluck()
      .all() as number[]
    const got: number[] = []
    for (let start = 0; start < all.length; start += 100) {
      const r = await dispatch(handlers, 'mentions:page', {
        filter: {},
        sort,
        startRow: start,
        endRow: start + 100
      })
      expect(r.ok).toBe(true)
      if (r.ok) got.push(...(r.value as { rows: { id: number }[] }).rows.map((x) => x.id))
    }
    expect(got).toEqual(all)
    // A jump straight to a later block (no anchor yet for it) gives the same rows.
    ws.mentions.invalidate()
    const jump = await dispatch(handlers, 'mentions:page', { filter: {}, sort, startRow: 300, endRow: 400 })
    if (jump.ok)
      expect((jump.value as { rows: { id: number }[] }).rows.map((r) => r.id)).toEqual(all.slice(300, 400))
  })

  it('a search that is not valid query syntax is a QUERY_SYNTAX error with a position', async () => {
    const { handlers } = workspace()
    const r = await dispatch(handlers, 'mentions:counts', { filter: { search: 'акимат AND (дорог' } })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.code).toBe('QUERY_SYNTAX')
      expect(typeof r.error.details?.position).toBe('number')
    }
  })

  it('the bridge exposes exactly the table’s channels', () => {
    const calls: string[] = []
    const bridge = buildBridge(
      async (ch) => {
        calls.push(ch)
        return { ok: true, value: null }
      },
      () => () => {}
    ) as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>
    for (const ch of CHANNELS) {
      const [d, v] = ch.split(':') as [string, string]
      void bridge[d]![v]!({})
    }
    expect(calls).toEqual(CHANNELS)
    expect(() =>
      (bridge as unknown as { on: (e: string, cb: () => void) => void }).on('evil', () => {})
    ).toThrow()
  })
})

describe('errors reach the renderer in words', () => {
  it('a full disk is an IO error naming the folder, not INTERNAL', async () => {
    const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' })
    const handlers = {
      'stats:get': () => {
        throw full
      }
    } as unknown as Parameters<typeof dispatch>[0]
    const r = await dispatch(handlers, 'stats:get', {}, { dbPath: '/data/otklik/work.db' })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('IO')
    expect(r.error.message).toMatch(/The disk is full \(the drive holding \/data\/otklik\)/)
    const other = await dispatch(
      {
        'stats:get': () => {
          throw new TypeError('x is undefined')
        }
      } as unknown as Parameters<typeof dispatch>[0],
      'stats:get',
      {}
    )
    expect(other.ok ? null : other.error.code).toBe('INTERNAL')
  })
})
