import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { acquireLock } from '../../src/main/core/db'
import { openWorkspaceDatabase } from '../../src/main/core/workspace'
import {
  addSource,
  CollectionScheduler,
  parseSchedule,
  type CollectStatusEvent
} from '../../src/main/core/collect'
import { backoffDelay, computeNextRun } from '../../src/main/core/collect/schedule'
import { FAST, fixture, serve, startServer, tempDb, type TestServer } from './helpers'

const until = async (cond: () => boolean, ms = 3_000): Promise<void> => {
  const end = Date.now() + ms
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 10))
  }
}

describe('schedules', () => {
  const s = { jitterMaxMs: 60_000, backoffBaseMs: 5 * 60_000, backoffMaxMs: 6 * 3600_000 }
  it('parses intervals and cron expressions, refusing nonsense', () => {
    expect(parseSchedule('15m')).toMatchObject({ kind: 'interval', ms: 15 * 60_000, text: '15m' })
    expect(parseSchedule('2h')).toMatchObject({ kind: 'interval', ms: 2 * 3600_000 })
    expect(parseSchedule('0  9 * * 1-5')).toMatchObject({ kind: 'cron', text: '0 9 * * 1-5' })
    for (const bad of ['0m', '8d', 'often', '* * *', '99 * * * *'])
      expect(() => parseSchedule(bad), bad).toThrow(/Schedule|Cron/)
  })
  it('puts a cron run in the workspace time zone (Asia/Almaty, UTC+5)', () => {
    const cron = parseSchedule('0 9 * * *', 'Asia/Almaty')
    const from = Date.UTC(2026, 10, 16, 5, 0) // 10:00 in Almaty: 09:00 has passed
    expect(new Date(computeNextRun(cron, from, 0, s, () => 0)).toISOString()).toBe('2026-11-17T04:00:00.000Z')
  })
  it('adds at most 10% (capped) jitter to an interval', () => {
    const every = parseSchedule('30m')
    expect(computeNextRun(every, 0, 0, s, () => 0)).toBe(30 * 60_000)
    expect(computeNextRun(every, 0, 0, s, () => 0.999)).toBeLessThan(30 * 60_000 + 60_000)
    expect(computeNextRun(parseSchedule('5m'), 0, 0, s, () => 0.999)).toBeLessThan(5 * 60_000 + 30_000)
  })
  it('backs off exponentially after failures, up to the cap', () => {
    expect([1, 2, 3, 4].map((f) => backoffDelay(f, 1000, 60_000))).toEqual([1000, 2000, 4000, 8000])
    expect(backoffDelay(20, 1000, 60_000)).toBe(60_000)
    const every = parseSchedule('15m')
    expect(computeNextRun(every, 0, 3, s, () => 0)).toBe(20 * 60_000)
    expect(computeNextRun(every, 0, 12, s, () => 0)).toBe(6 * 3600_000)
  })
})

describe('CollectionScheduler', () => {
  let srv: TestServer
  beforeAll(async () => {
    srv = await startServer({
      '/rdf.xml': serve(fixture('rdf.xml'), 'application/rdf+xml', { etag: '"r"' }),
      '/slow': () => {
        /* never answers */
      }
    })
  })
  afterAll(() => srv.close())
  let ws: ReturnType<typeof tempDb>
  beforeEach(() => {
    ws = tempDb()
  })
  afterEach(() => ws.cleanup())
  const row = (id: number) =>
    ws.db.prepare('SELECT * FROM sources WHERE id = ?').get(id) as {
      last_run: number | null
      next_run: number
      last_status: string | null
      failures: number
    }

  it('start and stop are idempotent', async () => {
    const sch = new CollectionScheduler(ws.db, { settings: FAST })
    await sch.stop()
    sch.start()
    sch.start()
    expect(sch.started).toBe(true)
    await Promise.all([sch.stop(), sch.stop()])
    await sch.stop()
    expect(sch.started).toBe(false)
    sch.start()
    await sch.stop()
  })

  it('catches up on a run missed while closed, then waits for the next one', async () => {
    const now = Date.now()
    const { id } = addSource(
      ws.db,
      { type: 'rss', target: `${srv.base}/rdf.xml`, every: '15m' },
      now - 3600_000
    )
    ws.db.prepare('UPDATE sources SET next_run = ? WHERE id = ?').run(now - 3600_000, id)
    const notDue = addSource(ws.db, { type: 'rss', target: `${srv.base}/rdf.xml?b`, every: '15m' }).id
    ws.db.prepare('UPDATE sources SET next_run = ? WHERE id = ?').run(now + 3600_000, notDue)
    const sch = new CollectionScheduler(ws.db, { settings: FAST })
    const events: CollectStatusEvent[] = []
    const fresh: unknown[] = []
    sch.on('collect:status', (e: CollectStatusEvent) => events.push(e))
    sch.on('mentions:new', (e) => fresh.push(e))
    sch.start()
    try {
      await until(() => events.some((e) => e.running === false))
      expect(row(id)).toMatchObject({ last_status: 'ok', failures: 0 })
      expect(row(id).next_run).toBeGreaterThan(Date.now() + 14 * 60_000)
      expect(row(notDue).last_run).toBeNull()
      expect(fresh).toEqual([{ sourceId: id, count: 2, batchId: expect.any(Number) }])
      expect(events.find((e) => e.sourceId === id)).toMatchObject({
        result: { status: 'ok', new: 2 },
        nextRun: expect.stringMatching(/\+05:00$/)
      })
      const hits = srv.hits.length
      await new Promise((r) => setTimeout(r, 300))
      expect(srv.hits.length).toBe(hits)
    } finally {
      await sch.stop()
    }
  })

  it('records a failure with back-off and carries on', async () => {
    const { id } = addSource(ws.db, { type: 'rss', target: `${srv.base}/missing.xml` })
    const sch = new CollectionScheduler(ws.db, { settings: { ...FAST, backoffBaseMs: 3600_000 } })
    sch.start()
    try {
      await until(() => row(id).last_run !== null)
      expect(row(id)).toMatchObject({ last_status: 'error', failures: 1 })
      expect(row(id).next_run).toBeGreaterThan(Date.now() + 59 * 60_000)
    } finally {
      await sch.stop()
    }
  })

  it('stop() aborts requests in flight at once and leaves the source due', async () => {
    const { id } = addSource(ws.db, { type: 'rss', target: `${srv.base}/slow` })
    const before = row(id).next_run
    const sch = new CollectionScheduler(ws.db, { settings: { ...FAST, totalTimeoutMs: 20_000 } })
    sch.start()
    await until(() => sch.running && srv.hits.some((h) => h.url === '/slow'))
    const t0 = Date.now()
    await sch.stop()
    expect(Date.now() - t0).toBeLessThan(500)
    expect(row(id)).toMatchObject({ last_run: null, next_run: before })
    expect(ws.db.prepare('SELECT count(*) FROM locks').pluck().get()).toBe(0)
  })

  it('waits while another process holds the round, then runs', async () => {
    const { id } = addSource(ws.db, { type: 'rss', target: `${srv.base}/rdf.xml` })
    const other = openWorkspaceDatabase(ws.path)
    const lock = acquireLock(other, 'collect')
    const sch = new CollectionScheduler(ws.db, { settings: FAST })
    sch.start()
    try {
      await new Promise((r) => setTimeout(r, 150))
      expect(row(id).last_run).toBeNull()
      lock.release()
      await until(() => row(id).last_run !== null, 8_000)
      expect(row(id).last_status).toBe('ok')
    } finally {
      await sch.stop()
      other.close()
    }
  })

  it('runNow collects at once with the current matcher', async () => {
    addSource(ws.db, { type: 'rss', target: `${srv.base}/rdf.xml`, keep: 'matching' })
    let wanted = 'Первая'
    const sch = new CollectionScheduler(ws.db, {
      settings: FAST,
      getMatcher: () => (d) => d.title.includes(wanted)
    })
    const r = await sch.runNow()
    expect(r.sources[0]).toMatchObject({ status: 'ok', fetched: 2, new: 1 })
    wanted = 'Вторая'
    ws.db.prepare('UPDATE sources SET etag = NULL').run()
    expect((await sch.runNow(1)).sources[0]).toMatchObject({ new: 1 })
  })
})
