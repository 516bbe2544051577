/**
 * Issue 17, "Found": files shaped like the real ones (a TikTok scraper CSV, a feed linking every item to
 * the front page, a Media Cloud story list, a Meltwater export of X posts in UTF-16, reader comments, a
 * social-media research archive, a saved RSS file, a feed's 1970 date). Each test checks the counts, the
 * mapped values in the database, and that no distinct item is lost.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { existsSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import type { Db } from '../../src/main/core/db/open'
import { importFile, previewFile } from '../../src/main/core/import'
import { WorkspaceAnalyzer } from '../../src/main/core/analysis/analyzer'
import { tempDb } from '../helpers/db'
import { cli } from '../helpers/cli'

let db: Db
let dir: string
beforeEach(() => {
  const t = tempDb('real')
  db = t.db
  dir = t.dir
})
afterEach(() => {
  db.close()
  rmSync(dir, { recursive: true, force: true })
})

function write(name: string, content: string | Buffer): string {
  const p = join(dir, name)
  writeFileSync(p, content)
  return p
}

function csv(rows: (string | number)[][], sep = ','): string {
  const cell = (v: string | number): string => {
    const s = String(v)
    return /[",\n\t;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
  }
  return rows.map((r) => r.map(cell).join(sep)).join('\n') + '\n'
}

function all<T>(sql: string, ...params: unknown[]): T[] {
  return db.prepare(sql).all(...params) as T[]
}

/** Apify's TikTok scraper CSV: flattened JSON columns sorted by name, so the avatar comes first. */
function tiktokCsv(withId: boolean): string {
  const authors = [
    { name: 'beltau_live', nick: 'Белтау Live', fans: 51000 },
    { name: 'aigerim.city', nick: 'Айгерим', fans: 820 },
    { name: 'roads_kz', nick: 'Дороги KZ', fans: 12000 }
  ]
  const head = [
    'authorMeta/avatar',
    'authorMeta/fans',
    'authorMeta/name',
    'authorMeta/nickName',
    'commentCount',
    'createTimeISO',
    'diggCount',
    'hashtags/0/name',
    ...(withId ? ['id'] : []),
    'playCount',
    'shareCount',
    'text',
    'videoMeta/coverUrl',
    'webVideoUrl'
  ]
  const rows: (string | number)[][] = [head]
  for (let i = 0; i < 12; i++) {
    const a = authors[i % 3]!
    const vid = `73${String(100000000000000 + i * 7919)}`
    rows.push([
      `https://p16-sign-va.tiktokcdn.com/tos-maliva-avt-0068/${a.name}~c5_100x100.jpeg?x-expires=1787600000&x-signature=abc`,
      a.fans,
      a.name,
      a.nick,
      i * 3,
      `2026-11-${String(10 + i).padStart(2, '0')}T0${i % 10}:15:00.000Z`,
      100 + i,
      'белтау',
      ...(withId ? [vid] : []),
      1000 * (i + 1),
      i,
      `Видео ${i + 1}: ${['яма на дороге у школы', 'новый сквер открыли', 'автобус не пришёл снова'][i % 3]} #белтау`,
      `https://p16-sign-va.tiktokcdn.com/obj/tos-maliva-p-0068/cover${i}.jpeg`,
      `https://www.tiktok.com/@${a.name}/video/${vid}`
    ])
  }
  return csv(rows)
}

describe('scraper CSV whose first URL-like column is the avatar', () => {
  for (const withId of [false, true]) {
    it(`keeps 12 distinct videos as 12 mentions, platform tiktok, author from authorMeta/name (${withId ? 'with' : 'without'} an id column)`, async () => {
      const path = write('dataset_tiktok-scraper.csv', tiktokCsv(withId))
      // The preset knows this export; the generic mapper, reading headers and values, gets it right too.
      expect((await previewFile(db, path)).preset).toBe('tiktok-scraper')
      const p = await previewFile(db, path, { preset: 'generic' })
      expect(p.mapping.url).toEqual(['webVideoUrl'])
      expect(p.mapping.author?.[0]).toBe('authorMeta/name')
      expect(p.mapping.publishedAt).toEqual(['createTimeISO'])
      expect(p.mapping.text).toEqual(['text'])
      expect(p.rows.every((r) => r.status === 'new')).toBe(true)
      // The preview says why each field got its column, and what came second.
      const url = p.fields.find((f) => f.field === 'url')!
      expect(url.by).toBe('guess')
      expect(url.why.join(' ')).toMatch(/links to publications/)

      const generic = await importFile(db, path, { preset: 'generic', dryRun: true })
      expect(generic).toMatchObject({ rows: 12, inserted: 12, duplicates: 0, rejected: 0 })
      const r = await importFile(db, path)
      expect(r).toMatchObject({
        preset: 'tiktok-scraper',
        rows: 12,
        inserted: 12,
        duplicates: 0,
        rejected: 0
      })
      const rows = all<{
        platform: string
        author: string
        url: string
        likes: number
        views: number
        reposts: number
        comments: number
      }>(
        `SELECT m.platform, a.name AS author, m.url, m.likes, m.views, m.reposts, m.comments
         FROM mentions m JOIN authors a ON a.id = m.author_id ORDER BY m.published_at`
      )
      expect(rows).toHaveLength(12)
      expect(new Set(rows.map((x) => x.platform))).toEqual(new Set(['tiktok']))
      expect(rows.map((x) => x.author).slice(0, 3)).toEqual(['beltau_live', 'aigerim.city', 'roads_kz'])
      expect(rows[4]).toMatchObject({ likes: 104, views: 5000, reposts: 4, comments: 12 })
      expect(rows.every((x) => x.url.startsWith('https://www.tiktok.com/@'))).toBe(true)

      const again = await importFile(db, path)
      expect(again).toMatchObject({ inserted: 0, duplicates: 12 })
      expect(again.duplicateRows.every((d) => d.reason === 'url' && d.matchedLine === null)).toBe(true)
    })
  }
})

function frontPageFeed(n: number, site = 'https://beltau-news.kz/'): string {
  const items = Array.from(
    { length: n },
    (
      _,
      i
    ) => `<item><title>Новость ${i + 1}: ${['акимат', 'дороги', 'школы', 'тарифы'][i % 4]}</title><link>${site}</link>
<description>Текст новости номер ${i + 1} о жизни города.</description><pubDate>Mon, ${String(1 + (i % 28)).padStart(2, '0')} Nov 2026 ${String(i % 24).padStart(2, '0')}:00:00 +0500</pubDate></item>`
  )
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Белтау Ньюс</title><link>${site}</link>${items.join('\n')}</channel></rss>`
}

describe('feed whose items all link to the front page', () => {
  it('a saved feed file of 24 items keeps 24 mentions (import), and re-importing finds them all again', async () => {
    const path = write('beltau.rss', frontPageFeed(24))
    const p = await previewFile(db, path)
    expect(p.format).toBe('feed')
    expect(p.rows.filter((r) => r.status === 'new')).toHaveLength(24)
    const r = await importFile(db, path)
    expect(r).toMatchObject({ preset: 'feed', rows: 24, inserted: 24, duplicates: 0, rejected: 0 })
    expect(db.prepare('SELECT count(*) FROM mentions WHERE url_key IS NOT NULL').pluck().get()).toBe(0)
    const again = await importFile(db, path)
    expect(again).toMatchObject({ inserted: 0, duplicates: 24 })
    expect(new Set(again.duplicateRows.map((d) => d.reason))).toEqual(new Set(['content']))
  })

  it('a feed linking every item to a section page keeps them apart too', async () => {
    const r = await importFile(db, write('section.xml', frontPageFeed(6, 'https://beltau-news.kz/ru/news/')))
    expect(r).toMatchObject({ rows: 6, inserted: 6 })
  })
})

describe('Media Cloud story lists', () => {
  const outlets = [
    ['lemonde.fr', 'https://www.lemonde.fr/', 'fr'],
    ['bbc.com', 'https://www.bbc.com/', 'en'],
    ['tengrinews.kz', 'https://tengrinews.kz/', 'ru'],
    ['liberation.fr', 'https://www.liberation.fr/', 'fr']
  ]
  const titles = {
    fr: [
      'Le maire de Beltau annonce un nouveau plan de transport',
      'Grève des chauffeurs de bus à Beltau',
      'Les habitants protestent contre la hausse des tarifs'
    ],
    en: [
      'Beltau mayor unveils new transport plan',
      'Bus drivers strike in Beltau',
      'Residents protest tariff increase'
    ],
    ru: [
      'Аким Белтау представил транспортный план',
      'Водители автобусов бастуют',
      'Жители против роста тарифов'
    ]
  } as Record<string, string[]>

  it('v2 columns: text is not the outlet name, the title is the title, the language column wins', async () => {
    const rows: (string | number)[][] = [
      [
        'stories_id',
        'publish_date',
        'title',
        'url',
        'language',
        'ap_syndicated',
        'themes',
        'media_id',
        'media_name',
        'media_url'
      ]
    ]
    for (let i = 0; i < 40; i++) {
      const [name, url, lang] = outlets[i % 4]!
      rows.push([
        2_000_000_000 + i,
        `2026-11-${String(1 + (i % 28)).padStart(2, '0')} 0${i % 10}:30:00`,
        `${titles[lang!]![i % 3]} (${i})`,
        `${url}article/2026/11/${1000 + i}`,
        lang!,
        'False',
        '',
        100 + (i % 4),
        name!,
        url!
      ])
    }
    const path = write('story-list.csv', csv(rows))
    const p = await previewFile(db, path)
    expect(p.mapping.title).toEqual(['title'])
    expect(p.mapping.text).toBeUndefined()
    expect(p.mapping.outlet).toEqual(['media_name'])
    expect(p.mapping.lang).toEqual(['language'])
    const r = await importFile(db, path, { analyzer: new WorkspaceAnalyzer(db) })
    expect(r).toMatchObject({ rows: 40, inserted: 40, rejected: 0 })
    const stored = all<{ title: string; text: string; lang: string; outlet: string }>(
      'SELECT m.title, m.text, m.lang, o.name AS outlet FROM mentions m JOIN outlets o ON o.id = m.outlet_id ORDER BY m.id'
    )
    expect(stored.filter((s) => s.text === s.outlet)).toHaveLength(0)
    expect(stored[0]).toMatchObject({ title: `${titles.fr![0]} (0)`, lang: 'fr', outlet: 'lemonde.fr' })
    expect(stored.filter((s) => s.lang === 'fr')).toHaveLength(20)
    expect(stored.filter((s) => s.lang === 'en')).toHaveLength(10)
  })

  it('the current search tool columns: publish_date, not indexed_date; language names are read too', async () => {
    const rows: (string | number)[][] = [
      ['id', 'indexed_date', 'language', 'media_name', 'media_url', 'publish_date', 'title', 'url']
    ]
    const names: Record<string, string> = { fr: 'French', en: 'English', ru: 'Русский' }
    for (let i = 0; i < 12; i++) {
      const [name, url, lang] = outlets[i % 4]!
      rows.push([
        `a1b2c3d4e5f6${String(i).padStart(4, '0')}`,
        '2026-11-30T12:00:00',
        i % 2 ? lang! : names[lang!]!,
        name!,
        url!,
        `2026-11-${String(1 + i).padStart(2, '0')}T08:00:00Z`,
        `${titles[lang!]![i % 3]} #${i}`,
        `${url}story/${i}`
      ])
    }
    const path = write('mc-search.csv', csv(rows))
    const p = await previewFile(db, path)
    expect(p.mapping.publishedAt).toEqual(['publish_date'])
    const r = await importFile(db, path)
    expect(r).toMatchObject({ rows: 12, inserted: 12 })
    const first = db
      .prepare('SELECT published_at, lang FROM mentions ORDER BY published_at LIMIT 1')
      .get() as {
      published_at: number
      lang: string
    }
    expect(first).toEqual({ published_at: Date.UTC(2026, 10, 1, 8), lang: 'fr' })
  })
})

describe('Meltwater export of X posts (UTF-16 LE, tab)', () => {
  it('stores Likes, Replies, Retweets, Views; Shares, Comments and Reactions where a row has them', async () => {
    const head = [
      'Date',
      'Time',
      'Headline',
      'URL',
      'Opening Text',
      'Hit Sentence',
      'Source',
      'Influencer',
      'Country',
      'Language',
      'Reach',
      'Engagement',
      'AVE',
      'Sentiment',
      'Key Phrases',
      'Input Name',
      'Keywords',
      'Twitter Screen Name',
      'User Profile Url',
      'Twitter Followers',
      'Likes',
      'Replies',
      'Retweets',
      'Shares',
      'Comments',
      'Reactions',
      'Views'
    ]
    const rows: (string | number)[][] = [head]
    for (let i = 0; i < 10; i++) {
      const x = i < 8
      rows.push([
        `${String(1 + i).padStart(2, '0')}-Nov-2026`,
        `0${i}:45 PM`,
        '',
        x
          ? `https://x.com/user${i}/status/18${i}000000000000000`
          : `https://www.facebook.com/page${i}/posts/${9000 + i}`,
        '',
        `Post ${i} about the Beltau akimat and the new bus routes`,
        x ? 'X' : 'Facebook',
        `user${i}`,
        'Kazakhstan',
        'English',
        5000 + i,
        20 + i,
        0,
        'Neutral',
        '',
        'Beltau',
        'akimat',
        x ? `@user${i}` : '',
        x ? `https://x.com/user${i}` : '',
        x ? 1000 + i : '',
        x ? 10 + i : '',
        x ? 2 + i : '',
        x ? 3 + i : '',
        x ? '' : 4 + i,
        x ? '' : 5 + i,
        x ? '' : 6 + i,
        100 * (i + 1)
      ])
    }
    const text = csv(rows, '\t')
    const path = write(
      'meltwater-x.csv',
      Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')])
    )
    const r = await importFile(db, path)
    expect(r).toMatchObject({ preset: 'meltwater', rows: 10, inserted: 10, rejected: 0 })
    const m = all<{ likes: number; comments: number; reposts: number; views: number; platform: string }>(
      'SELECT likes, comments, reposts, views, platform FROM mentions ORDER BY published_at'
    )
    expect(m[3]).toEqual({ likes: 13, comments: 5, reposts: 6, views: 400, platform: 'x' })
    // Facebook rows: Reactions, Comments, Shares.
    expect(m[9]).toEqual({ likes: 15, comments: 14, reposts: 13, views: 1000, platform: 'facebook' })
    expect(m.every((x) => x.likes !== null && x.comments !== null && x.reposts !== null)).toBe(true)
  })
})

describe('authors and channels', () => {
  it('reader comments: the author comes from `name`; comments under one article stay apart', async () => {
    const rows: (string | number)[][] = [['id', 'article_url', 'name', 'text', 'created_at', 'likes']]
    const texts = [
      'Когда уже починят дорогу?',
      'Спасибо акимату за сквер',
      'Опять отключили воду',
      'Автобусы ходят редко',
      'Хорошая новость'
    ]
    for (let i = 0; i < 10; i++)
      rows.push([
        i + 1,
        `https://beltau-news.kz/news/${i < 6 ? 501 : 502}`,
        `Читатель ${i % 4}`,
        `${texts[i % 5]} (${i})`,
        `2026-11-20 1${i % 10}:00`,
        i
      ])
    const r = await importFile(db, write('comments.csv', csv(rows)))
    expect(r).toMatchObject({ rows: 10, inserted: 10, duplicates: 0 })
    const names = all<{ name: string }>(
      'SELECT DISTINCT a.name FROM mentions m JOIN authors a ON a.id = m.author_id ORDER BY 1'
    )
    expect(names.map((n) => n.name)).toEqual(['Читатель 0', 'Читатель 1', 'Читатель 2', 'Читатель 3'])
    expect(db.prepare('SELECT count(*) FROM mentions WHERE author_id IS NULL').pluck().get()).toBe(0)
  })

  it('a research archive: author from actor_username (else the channel in context_name), outlet from context_name', async () => {
    const rows: (string | number)[][] = [
      [
        'platform',
        'post_id',
        'created_at',
        'actor_username',
        'actor_name',
        'context_name',
        'text',
        'url',
        'likes',
        'shares',
        'comments'
      ]
    ]
    for (let i = 0; i < 8; i++)
      rows.push([
        'telegram',
        `tg-${1_000_000 + i}`,
        `2026-11-2${i % 9}T10:0${i}:00Z`,
        i < 5 ? `@citizen${i}` : '',
        i < 5 ? `Гражданин ${i}` : '',
        'Белтау Онлайн',
        `Сообщение ${i}: жители обсуждают новые тарифы на тепло и воду в городе`,
        `https://t.me/beltau_online/${300 + i}`,
        i,
        i * 2,
        i * 3
      ])
    const path = write('archive.csv', csv(rows))
    const r = await importFile(db, path)
    expect(r).toMatchObject({ rows: 8, inserted: 8 })
    const m = all<{ author: string; outlet: string; platform: string }>(
      `SELECT a.name AS author, o.name AS outlet, m.platform FROM mentions m
       JOIN authors a ON a.id = m.author_id JOIN outlets o ON o.id = m.outlet_id ORDER BY m.published_at`
    )
    expect(m).toHaveLength(8)
    expect(m[0]).toEqual({ author: '@citizen0', outlet: 'Белтау Онлайн', platform: 'telegram' })
    expect(m[6]).toEqual({ author: 'Белтау Онлайн', outlet: 'Белтау Онлайн', platform: 'telegram' })
  })
})

describe('values', () => {
  it('dates before 1990 or more than a day ahead: a warning, and the row keeps the import time', async () => {
    const rows = [
      ['Дата', 'Текст', 'Ссылка'],
      ['01.01.1970 00:00', 'Пост с нулевой датой из выгрузки', 'https://vk.com/wall-1_1'],
      ['01.01.2099 10:00', 'Пост из будущего', 'https://vk.com/wall-1_2'],
      ['20.11.2026 10:00', 'Обычный пост', 'https://vk.com/wall-1_3']
    ]
    const before = Date.now()
    const r = await importFile(db, write('dates.csv', csv(rows)))
    const after = Date.now()
    expect(r).toMatchObject({ inserted: 3, rejected: 0 })
    expect(r.warnings.map((w) => [w.line, w.message])).toEqual([
      [2, 'date "01.01.1970 00:00" is before 1990: the import time is used'],
      [3, 'date "01.01.2099 10:00" is more than a day ahead: the import time is used']
    ])
    const at = all<{ published_at: number }>('SELECT published_at FROM mentions ORDER BY id').map(
      (x) => x.published_at
    )
    expect(at[0]).toBeGreaterThanOrEqual(before)
    expect(at[1]).toBeLessThanOrEqual(after)
  })

  it('a saved feed with a 1970-01-01 date: a warning, dated by the import time', async () => {
    const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>Т</title><link>https://t.kz/</link>
<item><title>Старое</title><link>https://t.kz/n/1</link><pubDate>Thu, 01 Jan 1970 00:00:00 GMT</pubDate></item></channel></rss>`
    const r = await importFile(db, write('epoch.xml', xml))
    expect(r).toMatchObject({ inserted: 1 })
    expect(r.warnings.map((w) => w.message)).toContain(
      '1 item(s) dated before 1990 (such as 1970-01-01) were dated by the fetch time'
    )
    expect(db.prepare('SELECT published_at FROM mentions').pluck().get()).toBeGreaterThan(
      Date.UTC(2020, 0, 1)
    )
  })

  it('media-only posts (no caption) are counted as media without text, not as errors', async () => {
    const rows: (string | number)[][] = [
      ['caption', 'commentsCount', 'displayUrl', 'likesCount', 'ownerUsername', 'timestamp', 'url']
    ]
    for (let i = 0; i < 5; i++)
      rows.push([
        i < 3 ? `Фото ${i} с открытия парка в Белтау` : '',
        i,
        `https://scontent-arn2-1.cdninstagram.com/v/t51/${i}_n.jpg`,
        10 * i,
        'beltau_akimat',
        `2026-11-2${i}T09:00:00.000Z`,
        `https://www.instagram.com/p/C${i}xYz/`
      ])
    const r = await importFile(db, write('instagram.csv', csv(rows)))
    expect(r).toMatchObject({ rows: 5, inserted: 3, rejected: 0, mediaWithoutText: 2, errors: [] })
    expect(db.prepare("SELECT count(*) FROM mentions WHERE platform = 'instagram'").pluck().get()).toBe(3)
  })
})

describe('duplicates within one file', () => {
  it('the preview warns and each duplicate names its reason and the row it matched', async () => {
    const rows = [
      ['Hash', 'Дата', 'Текст', 'Ссылка'],
      ['h1', '20.11.2026 10:00', 'Первый', 'https://vk.com/wall-1_1'],
      ['h2', '20.11.2026 11:00', 'Второй', 'https://vk.com/wall-1_2'],
      ['h1', '20.11.2026 10:00', 'Первый', 'https://vk.com/wall-1_1'],
      // Another id, but the same post (its address with a tracking parameter, the same text).
      ['h3', '20.11.2026 11:00', 'Второй', 'https://vk.com/wall-1_2?utm_source=tg'],
      // The same address given to a different text in this file: the address identifies neither.
      ['h4', '20.11.2026 12:00', 'Четвёртый', 'https://vk.com/wall-1_2']
    ]
    const path = write('dups.csv', csv(rows))
    const p = await previewFile(db, path)
    expect(p.rows.map((r) => r.status)).toEqual(['new', 'new', 'duplicate', 'duplicate', 'new'])
    expect(p.rows[2]!.duplicateOf).toEqual({ reason: 'id', mentionId: null, matchedLine: 2 })
    expect(p.rows[3]!.duplicateOf).toMatchObject({ reason: 'url', matchedLine: 3 })
    expect(p.warnings.map((w) => w.message).join('\n')).toMatch(
      /2 row\(s\) of this file were taken as duplicates of earlier rows of it \(line 4 = line 2/
    )
    const r = await importFile(db, path)
    expect(r.duplicateRows).toEqual([
      { line: 4, reason: 'id', mentionId: expect.any(Number), matchedLine: 2 },
      { line: 5, reason: 'url', mentionId: expect.any(Number), matchedLine: 3 }
    ])
  })
})

describe('CLI', () => {
  it('the last stderr line has the real counts, the first is not "0 rows read"; --dry-run creates no database', () => {
    const path = write('beltau.rss', frontPageFeed(24))
    const dbPath = join(dir, 'fresh', 'new.db')
    const dry = cli(['import', path, '--db', dbPath, '--dry-run', '--json'])
    expect(dry.code).toBe(0)
    expect(existsSync(dbPath)).toBe(false)
    expect(existsSync(join(dir, 'fresh'))).toBe(false)
    expect(JSON.parse(dry.stdout).batches[0]).toMatchObject({ rows: 24, inserted: 24, batchId: null })
    const real = cli(['import', path, '--db', dbPath, '--json'])
    expect(real.code).toBe(0)
    const lines = real.stderr.trim().split('\n')
    expect(lines[0]).not.toMatch(/: 0 rows read/)
    expect(lines[lines.length - 1]).toBe(
      `import: ${path}: 24 rows read, 24 new, 0 duplicates, 0 rejected (done)`
    )
  })

  it('an XML file that is not a feed is named and refused; the other files still go in', () => {
    const bad = write('catalog.xml', '<?xml version="1.0"?><catalog><book id="1">x</book></catalog>')
    const good = write('ok.rss', frontPageFeed(2))
    const r = cli(['import', bad, good, '--db', join(dir, 'w.db'), '--json'])
    expect(r.code).toBe(1)
    const out = JSON.parse(r.stdout).batches
    expect(out[0].error).toBe(
      'Cannot import catalog.xml: it is an XML file with root <catalog>, not an RSS, RDF or Atom feed (nor a CSV, XLSX or Telegram export).'
    )
    expect(out[1]).toMatchObject({ inserted: 2 })
  })
})

describe('generic mapper: headers in ru/en/kk, camelCase and flattened JSON paths, values', () => {
  const cases: [string, string[], (string | number)[][], Record<string, string[]>][] = [
    [
      'Kazakh headers',
      ['Күні', 'Авторы', 'Мәтін', 'Сілтеме'],
      [0, 1, 2].map((i) => [
        `0${i + 1}.11.2026 10:00`,
        `Автор ${i}`,
        `Қала әкімдігі жаңа мектеп ашты ${i} туралы жазба`,
        `https://kaz.kz/n/${i}`
      ]),
      { publishedAt: ['Күні'], author: ['Авторы'], text: ['Мәтін'], url: ['Сілтеме'] }
    ],
    [
      'JSON flattened under one root',
      ['data/createdAt', 'data/author/username', 'data/content', 'data/url', 'data/stats/likes'],
      [0, 1, 2].map((i) => [
        `2026-11-0${i + 1}T10:00:00Z`,
        `user${i}`,
        `Some content here ${i} about roads and buses`,
        `https://x.com/u/status/${i}1111`,
        i
      ]),
      {
        publishedAt: ['data/createdAt'],
        author: ['data/author/username'],
        text: ['data/content'],
        url: ['data/url'],
        likes: ['data/stats/likes']
      }
    ],
    [
      'a Reddit-like dump: Unix times, selftext, relative permalinks beside the URL',
      ['created_utc', 'author', 'title', 'selftext', 'permalink', 'score', 'num_comments', 'url'],
      [0, 1, 2].map((i) => [
        1790000000 + i * 1000,
        `redditor${i}`,
        `Title ${i} of a post`,
        `Self text ${i} with words enough to be prose`,
        `/r/kz/comments/${i}abc/`,
        i * 5,
        i,
        `https://www.reddit.com/r/kz/comments/${i}abc/`
      ]),
      {
        publishedAt: ['created_utc'],
        author: ['author'],
        title: ['title'],
        text: ['selftext'],
        url: ['url'],
        comments: ['num_comments']
      }
    ],
    [
      'unnamed columns: values alone (a date, links that differ per row, prose)',
      ['c1', 'c2', 'c3'],
      [0, 1, 2, 3].map((i) => [
        `2026-11-0${i + 1} 1${i}:00`,
        `https://site.kz/news/${100 + i}`,
        `Жители микрорайона ${i} снова жалуются на отсутствие горячей воды`
      ]),
      { publishedAt: ['c1'], url: ['c2'], text: ['c3'] }
    ]
  ]
  for (const [name, head, rows, expected] of cases)
    it(name, async () => {
      const p = await previewFile(db, write(`${name.slice(0, 8)}.csv`, csv([head, ...rows])))
      expect(p.preset).toBe('generic')
      expect(p.mapping).toMatchObject(expected)
      expect(p.rows.every((r) => r.status === 'new')).toBe(true)
    })
})
