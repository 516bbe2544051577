import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { acquireLock } from '../../src/main/core/db'
import { openWorkspaceDatabase } from '../../src/main/core/workspace'
import {
  addSource,
  collectOnce,
  listSources,
  removeSource,
  setSourceEnabled,
  updateSource,
  type CollectEventMap
} from '../../src/main/core/collect'
import { OtklikError } from '../../src/shared/errors'
import { FAST, fixture, redirect, serve, startServer, tempDb, type TestServer } from './helpers'

const settings = { ...FAST, maxBytes: 1024 * 1024 }

let srv: TestServer
let tgPage: Buffer
beforeAll(async () => {
  tgPage = fixture('tg-channel.html')
  srv = await startServer({
    '/rss-utf8.xml': serve(fixture('rss-utf8.xml'), 'application/rss+xml; charset=utf-8', {
      etag: '"u1"',
      lastModified: 'Mon, 16 Nov 2026 10:00:00 GMT'
    }),
    '/rss-1251-prolog.xml': serve(fixture('rss-1251-prolog.xml'), 'application/rss+xml', {
      lastModified: 'Mon, 16 Nov 2026 10:00:00 GMT'
    }),
    '/rss-1251-header.xml': serve(fixture('rss-1251-header.xml'), 'text/xml; charset=windows-1251', {
      etag: 'W/"h1"'
    }),
    '/atom.xml': serve(fixture('atom.xml'), 'application/atom+xml', { etag: '"a1"' }),
    '/rdf.xml': serve(fixture('rdf.xml'), 'application/rdf+xml', { etag: '"r1"' }),
    '/wrong-charset.xml': serve(fixture('rss-1251-declared-utf8.xml'), 'text/xml; charset=utf-8', {
      etag: '"w1"'
    }),
    '/malformed.xml': serve(fixture('malformed.xml'), 'application/rss+xml'),
    '/page.html': serve(fixture('page.html'), 'text/html; charset=utf-8'),
    '/500': serve('boom', 'text/plain', { status: 500 }),
    '/slow': () => {
      /* never answers */
    },
    '/loop': redirect('/loop'),
    '/huge': (_q, res) => {
      res.writeHead(200, { 'Content-Type': 'application/rss+xml' })
      const chunk = Buffer.alloc(64 * 1024, ' ')
      let left = 50 * 1024 * 1024
      const pump = (): void => {
        while (left > 0) {
          left -= chunk.length
          if (!res.write(chunk)) return void res.once('drain', pump)
        }
        res.end()
      }
      res.on('error', () => {})
      pump()
    },
    '/s/akimat_test': (req, res) => {
      const before = new URL(req.url!, 'http://x').searchParams.get('before')
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
      res.end(before === '101' ? fixture('tg-channel-before-101.html') : tgPage)
    },
    '/s/closed_chan': redirect('/closed_chan'),
    '/closed_chan': serve(fixture('tg-no-preview.html'), 'text/html; charset=utf-8'),
    '/s/blank_chan': serve('<html><body><p>Nothing here</p></body></html>', 'text/html')
  })
})
afterAll(() => srv.close())

let ws: ReturnType<typeof tempDb>
beforeEach(() => {
  ws = tempDb()
})
afterEach(() => ws.cleanup())

const count = (sql: string, ...p: unknown[]): number =>
  ws.db
    .prepare(sql)
    .pluck()
    .get(...p) as number

describe('sources', () => {
  it('adds, lists, enables, disables and removes sources', () => {
    const a = addSource(ws.db, { type: 'rss', target: `${srv.base}/rss-utf8.xml` })
    const b = addSource(ws.db, {
      type: 'telegram',
      target: '@akimat_test',
      name: 'Акимат',
      cron: '0 */2 * * *',
      keep: 'matching'
    })
    const c = addSource(ws.db, { type: 'folder', target: ws.dir, every: '2h' })
    expect([a.id, b.id, c.id]).toEqual([1, 2, 3])
    const { sources } = listSources(ws.db)
    expect(sources[0]).toEqual({
      id: 1,
      type: 'rss',
      target: `${srv.base}/rss-utf8.xml`,
      url: `${srv.base}/rss-utf8.xml`,
      name: '127.0.0.1',
      schedule: '30m',
      keep: 'all',
      enabled: true,
      lastRun: null,
      lastStatus: null,
      lastError: null,
      nextRun: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+05:00$/)
    })
    expect(sources[1]).toMatchObject({
      type: 'telegram',
      url: 'https://t.me/s/akimat_test',
      name: 'Акимат',
      schedule: '0 */2 * * *',
      keep: 'matching'
    })
    expect(sources[2]).toMatchObject({ type: 'folder', url: ws.dir, schedule: '2h' })
    expect(setSourceEnabled(ws.db, 2, false)).toEqual({ id: 2, enabled: false })
    expect(listSources(ws.db).sources[1]).toMatchObject({ enabled: false, nextRun: null })
    expect(updateSource(ws.db, 1, { name: 'Новости', every: '15m' })).toMatchObject({
      name: 'Новости',
      schedule: '15m'
    })
    expect(removeSource(ws.db, 3)).toEqual({ id: 3, removed: true })
    expect(listSources(ws.db).sources.map((s) => s.id)).toEqual([1, 2])
    expect(() => removeSource(ws.db, 99)).toThrow(/No collection source with id 99/)
  })

  it('refuses bad input with VALIDATION errors that say what to do', () => {
    const code = (fn: () => unknown): string => {
      try {
        fn()
      } catch (e) {
        expect(e).toBeInstanceOf(OtklikError)
        return `${(e as OtklikError).code}: ${(e as OtklikError).message}`
      }
      return 'no error'
    }
    expect(code(() => addSource(ws.db, { type: 'vk', target: 'x' }))).toMatch(
      /^VALIDATION: Unknown source type "vk": use rss, telegram or folder/
    )
    expect(code(() => addSource(ws.db, { type: 'rss', target: 'not a url' }))).toMatch(
      /^VALIDATION: .*not a web address/
    )
    expect(code(() => addSource(ws.db, { type: 'rss', target: 'ftp://x.kz/rss' }))).toMatch(/^VALIDATION/)
    expect(code(() => addSource(ws.db, { type: 'rss', target: 'https://x.kz/rss', every: '15x' }))).toMatch(
      /^VALIDATION: --every "15x"/
    )
    expect(
      code(() => addSource(ws.db, { type: 'rss', target: 'https://x.kz/rss', cron: '61 * * * *' }))
    ).toMatch(/^VALIDATION: Cron expression .* invalid/)
    expect(
      code(() =>
        addSource(ws.db, { type: 'rss', target: 'https://x.kz/rss', every: '15m', cron: '* * * * *' })
      )
    ).toMatch(/either --every or --cron/)
    expect(code(() => addSource(ws.db, { type: 'rss', target: 'https://x.kz/rss', keep: 'some' }))).toMatch(
      /--keep "some"/
    )
    expect(code(() => addSource(ws.db, { type: 'telegram', target: 'https://t.me/+abc' }))).toMatch(
      /^VALIDATION: .*private/
    )
    expect(code(() => addSource(ws.db, { type: 'folder', target: ws.dir + '/missing' }))).toMatch(
      /does not exist/
    )
    expect(code(() => addSource(ws.db, { type: 'folder', target: ws.dir, keep: 'matching' }))).toMatch(
      /rss and telegram sources only/
    )
    addSource(ws.db, { type: 'rss', target: 'tengrinews.kz/news.rss' })
    expect(listSources(ws.db).sources[0]!.url).toBe('https://tengrinews.kz/news.rss')
    expect(code(() => addSource(ws.db, { type: 'rss', target: 'https://tengrinews.kz/news.rss' }))).toMatch(
      /already exists as #1/
    )
  })
})

describe('collectOnce', () => {
  it('returns an empty list without sources, and NOT_FOUND for an unknown id', async () => {
    expect(await collectOnce(ws.db, { settings })).toEqual({ sources: [] })
    await expect(collectOnce(ws.db, { sourceId: 5, settings })).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('collects every kind of feed, isolates broken ones, then uses conditional GET', async () => {
    const good = [
      'rss-utf8.xml',
      'rss-1251-prolog.xml',
      'rss-1251-header.xml',
      'atom.xml',
      'rdf.xml',
      'wrong-charset.xml'
    ]
    const bad = ['404', '500', 'slow', 'loop', 'malformed.xml', 'huge', 'page.html']
    for (const p of [...good.slice(0, 3), ...bad, ...good.slice(3)])
      addSource(ws.db, { type: 'rss', target: `${srv.base}/${p}` })
    addSource(ws.db, { type: 'telegram', target: `${srv.base}/s/akimat_test` })
    addSource(ws.db, { type: 'telegram', target: `${srv.base}/s/closed_chan` })
    addSource(ws.db, { type: 'telegram', target: `${srv.base}/s/blank_chan` })
    const events: { name: keyof CollectEventMap; payload: unknown }[] = []
    const t0 = Date.now()
    const r1 = await collectOnce(ws.db, {
      settings: { ...settings, telegramFirstRunPages: 1 },
      onEvent: (name, payload) => events.push({ name, payload })
    })
    // a slow source (1.5 s timeout) does not slow the others down: the round takes about one timeout
    expect(Date.now() - t0).toBeLessThan(4_000)
    const by = new Map(r1.sources.map((s) => [s.url.replace(srv.base + '/', ''), s]))
    expect(r1.sources).toHaveLength(16)
    expect(by.get('rss-utf8.xml')).toEqual({
      id: 1,
      url: `${srv.base}/rss-utf8.xml`,
      status: 'ok',
      fetched: 3,
      new: 3,
      duplicates: 0,
      error: null
    })
    for (const [p, n] of [
      ['rss-1251-prolog.xml', 1],
      ['rss-1251-header.xml', 1],
      ['atom.xml', 2],
      ['rdf.xml', 2],
      ['wrong-charset.xml', 1],
      ['s/akimat_test', 4]
    ] as const) {
      expect(by.get(p), p).toMatchObject({ status: 'ok', fetched: n, new: n, duplicates: 0, error: null })
    }
    const errors: Record<string, RegExp> = {
      '404': /answered 404 Not Found\. Check the address/,
      '500': /answered 500 Internal Server Error/,
      slow: /did not answer in full within 1\.5 s/,
      loop: /redirects in a loop/,
      'malformed.xml': /not well-formed XML/,
      huge: /larger than the 1\.0 MB limit/,
      'page.html':
        /web page \(HTML\), not a feed\. The page names its feed: http:\/\/127\.0\.0\.1:\d+\/feed\/rss\.xml/,
      's/closed_chan': /@closed_chan has no public web preview \(t\.me\/s\/closed_chan redirects to/,
      's/blank_chan':
        /@blank_chan has no public web preview \(the page shows neither messages nor channel information\)/
    }
    for (const [p, re] of Object.entries(errors)) {
      const s = by.get(p)!
      expect(s, p).toMatchObject({ status: 'error', fetched: 0, new: 0 })
      expect(s.error, p).toMatch(re)
      expect(s.error, p).toMatch(new RegExp(`^Source #${s.id} "`))
    }

    // stored through the Ingestor: mentions, FTS, outlets, one 'collect' batch per source that brought something
    expect(count('SELECT count(*) FROM mentions')).toBe(14)
    expect(
      count("SELECT count(*) FROM mentions WHERE platform = 'telegram' AND kind IN ('post','repost')")
    ).toBe(4)
    expect(count("SELECT count(*) FROM import_batches WHERE kind = 'collect'")).toBe(7)
    expect(count("SELECT count(*) FROM mentions_fts WHERE mentions_fts MATCH 'батареи'")).toBe(1)
    const m = ws.db
      .prepare(
        "SELECT m.title, m.text, m.url, m.source_id, m.batch_id, o.name AS outlet, a.name AS author FROM mentions m LEFT JOIN outlets o ON o.id = m.outlet_id LEFT JOIN authors a ON a.id = m.author_id WHERE m.external_id = 'cp1251.example.kz:heat-declared'"
      )
      .get() as Record<string, unknown>
    // the three 1251 fixtures share a site, hence one outlet (named by the first feed stored)
    expect(m).toMatchObject({
      title: 'Ремонт теплосетей: «график» опубликован',
      outlet: 'Лента в кодировке 1251 (пролог)',
      author: 'Ольга Ёлкина',
      source_id: by.get('wrong-charset.xml')!.id
    })
    expect(count('SELECT count(*) FROM outlets WHERE url = ?', 'https://cp1251.example.kz/')).toBe(1)
    const tg = ws.db
      .prepare(
        "SELECT m.url, m.views, o.name, o.audience, a.type FROM mentions m JOIN outlets o ON o.id = m.outlet_id JOIN authors a ON a.id = m.author_id WHERE m.external_id = 'tg:akimat_test/103'"
      )
      .get()
    expect(tg).toEqual({
      url: 'https://t.me/akimat_test/103',
      views: 15_300_000,
      name: 'Акимат города',
      audience: 12300,
      type: 'media'
    })

    // status columns
    const row = (id: number) =>
      ws.db.prepare('SELECT * FROM sources WHERE id = ?').get(id) as Record<string, number | string | null>
    const ok = row(1)
    expect(ok).toMatchObject({
      name: 'Новости Алматы & области',
      last_status: 'ok',
      last_error: null,
      last_fetched: 3,
      last_new: 3,
      failures: 0,
      etag: '"u1"',
      last_modified: 'Mon, 16 Nov 2026 10:00:00 GMT'
    })
    expect(ok.last_success).toBe(ok.last_run)
    expect(Number(ok.next_run)).toBeGreaterThan(Date.now() + 29 * 60_000)
    const failed = row(by.get('404')!.id)
    expect(failed).toMatchObject({ last_status: 'error', failures: 1, last_success: null, name: '127.0.0.1' })
    // back-off after a failure: not before base delay (5 min) and the regular 30 min either
    expect(Number(failed.next_run)).toBeGreaterThan(Date.now() + 29 * 60_000)
    expect(JSON.parse(String(row(by.get('s/akimat_test')!.id).state))).toEqual({ lastId: 105 })
    expect(row(by.get('s/akimat_test')!.id).name).toBe('Акимат города')

    // events for the UI
    const status = events.filter((e) => e.name === 'collect:status')
    expect(status[0]!.payload).toEqual({ running: true, sourceId: null })
    expect(status.at(-1)!.payload).toEqual({
      running: false,
      sourceId: null,
      totals: { sources: 16, errors: 9, new: 14 }
    })
    expect(status.filter((e) => (e.payload as { sourceId: number | null }).sourceId !== null)).toHaveLength(
      16
    )
    expect(events.filter((e) => e.name === 'mentions:new').map((e) => e.payload)).toContainEqual({
      sourceId: 1,
      count: 3,
      batchId: expect.any(Number)
    })

    // second round: nothing new, validators sent, 304 answered
    const hitsBefore = srv.hits.length
    const r2 = await collectOnce(ws.db, { settings: { ...settings, telegramFirstRunPages: 1 } })
    const by2 = new Map(r2.sources.map((s) => [s.url.replace(srv.base + '/', ''), s]))
    for (const p of good)
      expect(by2.get(p), p).toMatchObject({ status: 'not-modified', fetched: 0, new: 0, error: null })
    expect(by2.get('s/akimat_test')).toMatchObject({ status: 'ok', fetched: 4, new: 0, duplicates: 4 })
    expect(r2.sources.reduce((a, s) => a + s.new, 0)).toBe(0)
    expect(count('SELECT count(*) FROM mentions')).toBe(14)
    expect(count("SELECT count(*) FROM import_batches WHERE kind = 'collect'")).toBe(7)
    const hits = srv.hits.slice(hitsBefore)
    expect(hits.find((h) => h.url === '/rss-utf8.xml')!.headers).toMatchObject({
      'if-none-match': '"u1"',
      'if-modified-since': 'Mon, 16 Nov 2026 10:00:00 GMT'
    })
    expect(hits.find((h) => h.url === '/rss-1251-prolog.xml')!.headers['if-modified-since']).toBe(
      'Mon, 16 Nov 2026 10:00:00 GMT'
    )
    expect(row(1)).toMatchObject({ last_status: 'not-modified', last_new: 0, etag: '"u1"' })
    expect(row(by.get('404')!.id)).toMatchObject({ failures: 2 })
  })

  it('does not let a slow site hold up a site on another host', async () => {
    const other = await startServer({ '/feed': serve(fixture('rdf.xml'), 'application/rdf+xml') })
    try {
      addSource(ws.db, { type: 'rss', target: `${srv.base}/slow` })
      const fast = addSource(ws.db, { type: 'rss', target: `${other.base}/feed` }).id
      const t0 = Date.now()
      let fastDoneAt = 0
      const r = await collectOnce(ws.db, {
        settings,
        onEvent: (name, p) => {
          if (name === 'collect:status' && (p as CollectEventMap['collect:status']).sourceId === fast)
            fastDoneAt = Date.now() - t0
        }
      })
      expect(r.sources.map((s) => s.status)).toEqual(['error', 'ok'])
      expect(fastDoneAt).toBeLessThan(700)
      expect(Date.now() - t0).toBeGreaterThanOrEqual(1_400)
    } finally {
      await other.close()
    }
  })

  it('pages a channel back to the last seen post and keeps the newest id', async () => {
    const { id } = addSource(ws.db, { type: 'telegram', target: `${srv.base}/s/akimat_test` })
    const first = await collectOnce(ws.db, { settings: { ...settings, telegramFirstRunPages: 5 } })
    // page 1 (102–105) and ?before=101 (98, 100), which has no "older" link
    expect(first.sources[0]).toMatchObject({ id, status: 'ok', fetched: 6, new: 6 })
    expect(srv.hits.filter((h) => h.url === '/s/akimat_test?before=101').length).toBeGreaterThan(0)
    const html = tgPage.toString('utf8')
    tgPage = Buffer.from(
      html.replace(
        '</section>\n</main>',
        `<div class="tgme_widget_message js-widget_message" data-post="akimat_test/106"><div class="tgme_widget_message_text">Новый пост про отопление</div><span class="tgme_widget_message_views">5</span><a class="tgme_widget_message_date"><time datetime="2026-11-16T09:00:00+00:00"></time></a></div></section>\n</main>`
      )
    )
    try {
      const beforeHits = srv.hits.length
      const second = await collectOnce(ws.db, { settings })
      expect(second.sources[0]).toMatchObject({ status: 'ok', fetched: 5, new: 1, duplicates: 4 })
      // the first page reached post 101 ≤ last seen + 1: no paging back
      expect(srv.hits.slice(beforeHits).map((h) => h.url)).toEqual(['/s/akimat_test'])
      expect(
        JSON.parse(ws.db.prepare('SELECT state FROM sources WHERE id = ?').pluck().get(id) as string)
      ).toEqual({ lastId: 106 })
    } finally {
      tgPage = fixture('tg-channel.html')
    }
  })

  it('keeps only matching items when asked, and says so when no subject is set up', async () => {
    const { id } = addSource(ws.db, { type: 'rss', target: `${srv.base}/rss-utf8.xml`, keep: 'matching' })
    const none = await collectOnce(ws.db, { settings })
    expect(none.sources[0]!.status).toBe('error')
    expect(none.sources[0]!.error).toMatch(
      /no subject is set up\. Add a monitoring subject, or set the source to keep all items/
    )
    const seen: unknown[] = []
    const r = await collectOnce(ws.db, {
      settings,
      matcher: (doc) => (seen.push(doc), /отоплен/i.test(doc.title + ' ' + doc.text))
    })
    expect(r.sources[0]).toMatchObject({ id, status: 'ok', fetched: 3, new: 1 })
    expect(seen[0]).toEqual({
      title: 'Акимат отремонтирует дороги «до зимы»',
      text: expect.stringContaining('ремонте дорог'),
      url: 'https://127.0.0.1/news/2026/11/16/roads'.replace('https://127.0.0.1', srv.base),
      host: '127.0.0.1',
      authorName: 'Айгерім Сәтбаева'
    })
    expect(ws.db.prepare('SELECT title FROM mentions').pluck().all()).toEqual([
      'Жалобы на отопление в Алмалинском районе'
    ])
  })

  it('runs one round at a time across connections (app and CLI)', async () => {
    addSource(ws.db, { type: 'rss', target: `${srv.base}/atom.xml` })
    const other = openWorkspaceDatabase(ws.path)
    try {
      const lock = acquireLock(other, 'collect')
      const t0 = Date.now()
      await expect(collectOnce(ws.db, { settings: { ...settings, lockWaitMs: 200 } })).rejects.toMatchObject({
        code: 'DB_LOCKED'
      })
      expect(Date.now() - t0).toBeGreaterThanOrEqual(190)
      // a round waiting within lockWaitMs goes ahead once the other one ends
      setTimeout(() => lock.release(), 150)
      const r = await collectOnce(ws.db, { settings: { ...settings, lockWaitMs: 2_000 } })
      expect(r.sources[0]!.status).toBe('ok')
      // two rounds started together on two connections: the second waits for the first
      const [a, b] = await Promise.all([
        collectOnce(ws.db, { settings }),
        collectOnce(other, { settings: { ...settings, lockWaitMs: 3_000 } })
      ])
      expect([a.sources[0]!.status, b.sources[0]!.status]).toEqual(['not-modified', 'not-modified'])
      const slowId = addSource(ws.db, { type: 'rss', target: `${srv.base}/slow` }).id
      const slow = collectOnce(ws.db, { sourceId: slowId, settings })
      await new Promise((r) => setTimeout(r, 50))
      await expect(collectOnce(other, { settings: { ...settings, lockWaitMs: 100 } })).rejects.toThrow(
        /Another collection round is running/
      )
      await slow
      expect(count('SELECT count(*) FROM locks')).toBe(0)
    } finally {
      other.close()
    }
  })
})
