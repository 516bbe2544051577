/**
 * Issue 21 item 3 through a real collection round over HTTP: a feed on another site that lists the real
 * site's article first does not keep its headline; the same article in two feeds is one mention.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addSource, collectOnce } from '../../src/main/core/collect'
import { FAST, serve, startServer, tempDb, type TestServer } from './helpers'

const settings = { ...FAST, maxBytes: 1024 * 1024 }
const feed = (title: string, items: { title: string; link: string; text: string }[]): string =>
  `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${title}</title><link>https://x/</link>${items
    .map(
      (i) =>
        `<item><title>${i.title}</title><link>${i.link}</link><description>${i.text}</description><pubDate>Tue, 24 Nov 2026 10:00:00 +0500</pubDate></item>`
    )
    .join('')}</channel></rss>`

let real: TestServer
let fake: TestServer
let ws: ReturnType<typeof tempDb>
beforeEach(async () => {
  ws = tempDb()
  real = await startServer()
  fake = await startServer()
})
afterEach(async () => {
  ws.cleanup()
  await real.close()
  await fake.close()
})

describe('collection: sources cannot displace each other', () => {
  it('the foreign feed comes first with a fake headline; the real site’s feed puts its own back', async () => {
    const article = `${real.base}/news/2026/11/24/1001`
    fake.routes.set(
      '/rss',
      serve(
        feed('Fake', [{ title: 'Аким арестован', link: article, text: 'Выдумка без источников' }]),
        'application/rss+xml'
      )
    )
    real.routes.set(
      '/rss',
      serve(
        feed('Real', [
          { title: 'Аким открыл школу', link: article, text: 'Школа на 600 мест открылась в микрорайоне' }
        ]),
        'application/rss+xml'
      )
    )
    const fakeId = addSource(ws.db, { type: 'rss', target: `${fake.base}/rss` }).id
    expect((await collectOnce(ws.db, { settings })).sources[0]).toMatchObject({ status: 'ok', new: 1 })
    const realId = addSource(ws.db, { type: 'rss', target: `${real.base}/rss` }).id
    const r = await collectOnce(ws.db, { settings })
    expect(r.sources.find((s) => s.id === realId)).toMatchObject({ status: 'ok', new: 0, duplicates: 1 })
    const rows = ws.db.prepare('SELECT title, text, source_id FROM mentions').all()
    expect(rows).toEqual([
      { title: 'Аким открыл школу', text: 'Школа на 600 мест открылась в микрорайоне', source_id: realId }
    ])
    expect(ws.db.prepare('SELECT source_id FROM mention_sources ORDER BY source_id').pluck().all()).toEqual([
      fakeId,
      realId
    ])
  })

  it('the same article in two feeds (both foreign to it) is still one mention', async () => {
    const article = 'https://beltau-news.kz/news/2026/11/24/1002'
    real.routes.set(
      '/a',
      serve(
        feed('A', [{ title: 'Аким открыл школу', link: article, text: 'Школа на 600 мест' }]),
        'application/rss+xml'
      )
    )
    fake.routes.set(
      '/b',
      serve(
        feed('B', [
          {
            title: 'Аким открыл новую школу',
            link: `${article}?utm_source=b`,
            text: 'Новая школа на 600 мест открылась'
          }
        ]),
        'application/rss+xml'
      )
    )
    addSource(ws.db, { type: 'rss', target: `${real.base}/a` })
    addSource(ws.db, { type: 'rss', target: `${fake.base}/b` })
    await collectOnce(ws.db, { settings })
    expect(ws.db.prepare('SELECT count(*) FROM mentions').pluck().get()).toBe(1)
    expect(ws.db.prepare('SELECT count(*) FROM mention_sources').pluck().get()).toBe(2)
  })
})
