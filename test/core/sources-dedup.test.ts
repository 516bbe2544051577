/**
 * Issue 21 item 3 and issue 17's de-duplication cases for collection: one source cannot displace
 * another's items; the same article in two feeds is one mention that remembers both sources; a feed
 * giving one URL to different items keeps them apart.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { rmSync } from 'node:fs'
import Database from 'better-sqlite3'
import type { Db } from '../../src/main/core/db/open'
import { migrate } from '../../src/main/core/db/open'
import { openWorkspaceDatabase } from '../../src/main/core/workspace'
import { addSource, parseFeed } from '../../src/main/core/collect'
import { storeItems } from '../../src/main/core/collect/store'
import { Ingestor } from '../../src/main/core/ingest'
import type { MentionInput } from '../../src/shared/types'
import {
  isMediaUrl,
  isSiteOrSectionUrl,
  itemUrlKey,
  siteDomain,
  telegramChannelOf
} from '../../src/shared/url'
import { tempDb } from '../helpers/db'

let db: Db
let dir: string
const NOW = Date.UTC(2026, 10, 25, 12)
beforeEach(() => {
  const t = tempDb('sources')
  db = t.db
  dir = t.dir
})
afterEach(() => {
  db.close()
  rmSync(dir, { recursive: true, force: true })
})

function rss(
  feedUrl: string,
  items: { title: string; link: string; guid?: string; text?: string }[]
): MentionInput[] {
  const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>${feedUrl}</title><link>${feedUrl}</link>${items
    .map(
      (i, n) =>
        `<item><title>${i.title}</title><link>${i.link}</link>${i.guid ? `<guid>${i.guid}</guid>` : ''}<description>${i.text ?? i.title + ' — подробности'}</description><pubDate>Tue, 24 Nov 2026 ${String(8 + n).padStart(2, '0')}:00:00 +0500</pubDate></item>`
    )
    .join('')}</channel></rss>`
  return parseFeed(xml, null, feedUrl, { now: NOW }).items
}

function store(sourceId: number, items: MentionInput[]) {
  return db.transaction(() =>
    storeItems(db, { id: sourceId, name: `#${sourceId}`, url: '' }, items, { now: NOW })
  )()
}

const mentions = (): {
  id: number
  title: string
  text: string
  source_id: number
  views: number | null
  external_id: string | null
}[] =>
  db.prepare('SELECT id, title, text, source_id, views, external_id FROM mentions ORDER BY id').all() as never
const sourcesOf = (id: number): number[] =>
  db
    .prepare('SELECT source_id FROM mention_sources WHERE mention_id = ? ORDER BY source_id')
    .pluck()
    .all(id) as number[]

describe('URL rules (src/shared/url.ts)', () => {
  it('media files, avatars and CDN links are not an item address', () => {
    expect(
      isMediaUrl('https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/x~c5_100x100.jpeg?x-expires=1')
    ).toBe(true)
    expect(isMediaUrl('https://scontent-arn2-1.cdninstagram.com/v/t51.2885-19/1_n.jpg?stp=dst')).toBe(true)
    expect(isMediaUrl('https://i.ytimg.com/vi/abc/hqdefault.jpg')).toBe(true)
    expect(isMediaUrl('https://site.kz/uploads/avatars/17')).toBe(true)
    expect(isMediaUrl('https://site.kz/news/2026/11/photo-report-1234')).toBe(false)
    expect(isMediaUrl('https://www.tiktok.com/@user/video/7301')).toBe(false)
  })

  it('front pages, sections, listings and profiles are not an item address; articles and posts are', () => {
    for (const u of [
      'https://site.kz/',
      'https://site.kz',
      'https://site.kz/ru/',
      'https://site.kz/news/',
      'https://site.kz/ru/politics',
      'https://site.kz/tag/akimat',
      'https://site.kz/index.php',
      'https://t.me/beltau',
      'https://www.instagram.com/beltau_akimat/',
      'https://www.youtube.com/@beltau',
      'https://site.kz/?utm_source=tg'
    ])
      expect([u, isSiteOrSectionUrl(u)]).toEqual([u, true])
    for (const u of [
      'https://site.kz/news/12345',
      'https://site.kz/ru/news/akim-vstretilsya-s-zhitelyami',
      'https://t.me/beltau/42',
      'https://vk.com/wall-1_2',
      'https://www.youtube.com/watch?v=abc',
      'https://site.kz/index.php?newsid=5',
      'https://x.com/u/status/1'
    ])
      expect([u, isSiteOrSectionUrl(u)]).toEqual([u, false])
    expect(itemUrlKey('https://www.site.kz/news/1/?utm_source=x')).toBe('site.kz/news/1')
    expect(itemUrlKey('https://site.kz/')).toBeNull()
  })

  it('own site and channel', () => {
    expect(siteDomain('https://rss.tengrinews.kz/feed')).toBe('tengrinews.kz')
    expect(siteDomain('https://www.gov.kz/memleket')).toBe('gov.kz')
    expect(siteDomain('https://news.site.com.kz/a')).toBe('site.com.kz')
    expect(siteDomain('http://127.0.0.1:8080/rss')).toBe('127.0.0.1:8080')
    expect(siteDomain('http://127.0.0.1:9090/news/1')).not.toBe(siteDomain('http://127.0.0.1:8080/rss'))
    expect(telegramChannelOf('https://t.me/s/Beltau_Online/12')).toBe('beltau_online')
    expect(telegramChannelOf('https://t.me/c/123/4')).toBeNull()
  })
})

describe('feeds', () => {
  it('24 items all linking to the front page are 24 mentions; the next snapshot adds none', () => {
    const src = addSource(db, { type: 'rss', target: 'https://beltau-news.kz/rss' }).id
    const items = rss(
      'https://beltau-news.kz/rss',
      Array.from({ length: 24 }, (_, i) => ({ title: `Новость ${i}`, link: 'https://beltau-news.kz/' }))
    )
    expect(store(src, items)).toMatchObject({ inserted: 24, duplicates: 0 })
    expect(store(src, items)).toMatchObject({ inserted: 0, duplicates: 24 })
  })

  it('one URL given to items with different titles in one feed (a live blog) keeps them apart, also on the next snapshot', () => {
    const src = addSource(db, { type: 'rss', target: 'https://beltau-news.kz/rss' }).id
    const items = rss('https://beltau-news.kz/rss', [
      { title: 'Паводок: вода поднялась на 20 см', link: 'https://beltau-news.kz/live/flood' },
      { title: 'Паводок: эвакуированы два дома', link: 'https://beltau-news.kz/live/flood' },
      { title: 'Паводок: открыт пункт помощи', link: 'https://beltau-news.kz/live/flood' }
    ])
    expect(store(src, items)).toMatchObject({ inserted: 3 })
    expect(store(src, items.slice(1))).toMatchObject({ inserted: 0, duplicates: 2 })
    expect(mentions()).toHaveLength(3)
  })

  it('the same article in two feeds is one mention that remembers both sources; its own site wins', () => {
    const own = addSource(db, { type: 'rss', target: 'https://beltau-news.kz/rss' }).id
    const agg = addSource(db, { type: 'rss', target: 'https://agregator.kz/feed' }).id
    const link = 'https://beltau-news.kz/news/2026/11/24/1234'
    // The aggregator comes first, with its own headline and a tracking parameter.
    expect(
      store(
        agg,
        rss('https://agregator.kz/feed', [
          { title: 'ШОК: аким сделал это', link: `${link}?utm_source=agregator` }
        ])
      )
    ).toMatchObject({ inserted: 1 })
    expect(
      store(
        own,
        rss('https://beltau-news.kz/rss', [
          { title: 'Аким открыл школу в 5-м микрорайоне', link, guid: '1234' }
        ])
      )
    ).toMatchObject({ inserted: 0, duplicates: 1, updated: 1 })
    const [m] = mentions()
    expect(mentions()).toHaveLength(1)
    expect(m).toMatchObject({ title: 'Аким открыл школу в 5-м микрорайоне', source_id: own })
    expect(sourcesOf(m!.id)).toEqual([own, agg])
    // The search index follows the text that is shown.
    expect(
      db.prepare("SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH 'школу'").pluck().all()
    ).toEqual([m!.id])
    expect(db.prepare("SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH 'шок'").pluck().all()).toEqual(
      []
    )
    // Later copies from the aggregator change nothing.
    expect(store(agg, rss('https://agregator.kz/feed', [{ title: 'Срочно!!!', link }]))).toMatchObject({
      duplicates: 1,
      updated: 0
    })
    expect(mentions()[0]!.title).toBe('Аким открыл школу в 5-м микрорайоне')
  })

  it('a foreign feed that lists another site’s article first does not keep its fake headline', () => {
    const real = addSource(db, { type: 'rss', target: 'https://beltau-news.kz/rss' }).id
    const fake = addSource(db, { type: 'rss', target: 'https://fake-news.example/rss' }).id
    const link = 'https://beltau-news.kz/news/777'
    store(
      fake,
      rss('https://fake-news.example/rss', [
        { title: 'Аким уходит в отставку', link, guid: link, text: 'Выдумка' }
      ])
    )
    store(
      real,
      rss('https://beltau-news.kz/rss', [
        { title: 'Аким провёл приём граждан', link, guid: link, text: 'Настоящий текст' }
      ])
    )
    expect(mentions()).toEqual([
      expect.objectContaining({
        title: 'Аким провёл приём граждан',
        text: 'Настоящий текст',
        source_id: real
      })
    ])
  })
})

describe('Telegram and foreign copies', () => {
  const post = (over: Partial<MentionInput> = {}): MentionInput => ({
    externalId: 'tg:somechannel/1',
    publishedAt: Date.UTC(2026, 10, 24, 6),
    text: 'Настоящий пост канала о ремонте дорог',
    url: 'https://t.me/somechannel/1',
    platform: 'telegram',
    kind: 'post',
    views: 1200,
    ...over
  })
  const add = (sourceId: number, rec: MentionInput) =>
    db.transaction(() => {
      const ing = new Ingestor(db, { sourceId, now: NOW })
      const r = ing.add(rec)
      ing.finish()
      return r
    })()

  it('an RSS guid tg:… does not take over the real Telegram post (either order)', () => {
    const tg = addSource(db, { type: 'telegram', target: '@somechannel' }).id
    const feed = addSource(db, { type: 'rss', target: 'https://mirror.example/rss' }).id
    const forged = rss('https://mirror.example/rss', [
      { title: 'Подделка', guid: 'tg:somechannel/1', link: 'https://t.me/somechannel/1', text: 'Чужой текст' }
    ])[0]!
    expect(forged.externalId).toBe('tg:somechannel/1')
    // Forged first: it may not hold the post's id; the real post takes its place.
    expect(add(feed, forged)).toBe('inserted')
    expect(mentions()[0]!.external_id).toBe('tg:somechannel/1')
    expect(db.prepare('SELECT dedup_key FROM mentions').pluck().get()).not.toBe('id:tg:somechannel/1')
    expect(add(tg, post())).toBe('updated')
    expect(mentions()).toEqual([
      expect.objectContaining({ text: 'Настоящий пост канала о ремонте дорог', source_id: tg, views: 1200 })
    ])
    expect(db.prepare('SELECT dedup_key FROM mentions').pluck().get()).toBe('id:tg:somechannel/1')
    // Real first: the forged copy is a duplicate and changes nothing.
    expect(add(feed, forged)).toBe('duplicate')
    expect(mentions()[0]!.text).toBe('Настоящий пост канала о ремонте дорог')
  })

  it('a mirror’s 999,000,000 views never overwrite the origin’s metrics (either order)', () => {
    const tg = addSource(db, { type: 'telegram', target: '@somechannel' }).id
    const mirror = addSource(db, { type: 'rss', target: 'https://mirror.example/rss' }).id
    const copy = post({
      externalId: null,
      platform: 'news',
      views: 999_000_000,
      text: 'Настоящий пост канала о ремонте дорог'
    })
    add(tg, post())
    expect(add(mirror, copy)).toBe('duplicate')
    expect(mentions()[0]!.views).toBe(1200)
    db.exec('DELETE FROM mentions_fts; DELETE FROM mentions')
    add(mirror, copy)
    expect(mentions()[0]!.views).toBe(999_000_000)
    expect(add(tg, post())).toBe('updated')
    expect(mentions()[0]).toMatchObject({ views: 1200, source_id: tg })
    expect(sourcesOf(mentions()[0]!.id)).toEqual([tg, mirror])
  })
})

describe('migration 0004 (mention_sources)', () => {
  it('a v2 workspace keeps its mentions, and each one remembers the source it came from', () => {
    const path = `${dir}/v2.db`
    const raw = new Database(path)
    migrate(raw, path, undefined, 2)
    raw
      .prepare(
        "INSERT INTO sources (id, type, target, url, name, created_at) VALUES (7, 'rss', 'https://a.kz/rss', 'https://a.kz/rss', 'A', 1)"
      )
      .run()
    raw
      .prepare(
        "INSERT INTO mentions (dedup_key, published_at, platform, text, source_id, created_at) VALUES ('url:a.kz/1', 1, 'news', 'x', 7, 5), ('url:a.kz/2', 2, 'news', 'y', NULL, 6)"
      )
      .run()
    raw.close()
    const v3 = openWorkspaceDatabase(path)
    expect(v3.prepare('SELECT mention_id, source_id, seen_at FROM mention_sources').all()).toEqual([
      { mention_id: 1, source_id: 7, seen_at: 5 }
    ])
    v3.close()
  })
})

describe('long texts', () => {
  it('a row repeated in one file with a text past the compared length is still one mention', () => {
    const long = 'Жители жалуются на состояние дорог. '.repeat(120)
    const rec: MentionInput = {
      publishedAt: Date.UTC(2026, 10, 1),
      text: long,
      url: 'https://a.kz/news/1',
      platform: 'news'
    }
    const r = db.transaction(() => {
      const ing = new Ingestor(db, { now: NOW })
      const out = [ing.add(rec), ing.add({ ...rec, externalId: 'a.kz:1' })]
      ing.finish()
      return out
    })()
    expect(r).toEqual(['inserted', 'duplicate'])
  })
})

describe('comments', () => {
  it('a comment that carries its article’s address is not the article, even when the article came from its own site', () => {
    const own = addSource(db, { type: 'rss', target: 'https://beltau-news.kz/rss' }).id
    const link = 'https://beltau-news.kz/news/2026/11/24/55'
    store(own, rss('https://beltau-news.kz/rss', [{ title: 'Аким открыл школу', link }]))
    const comment: MentionInput = {
      publishedAt: Date.UTC(2026, 10, 24, 9),
      text: 'Наконец-то!',
      url: link,
      platform: 'news',
      kind: 'comment',
      author: { name: 'Читатель' }
    }
    const r = db.transaction(() => {
      const ing = new Ingestor(db, { now: NOW })
      const out = ing.add(comment)
      ing.finish()
      return out
    })()
    expect(r).toBe('inserted')
    expect(mentions()).toHaveLength(2)
  })
})
