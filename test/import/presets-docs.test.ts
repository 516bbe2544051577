/**
 * Presets written from the formats' public documentation: each fixture has the documented headers (in
 * the documented order where there is one) and a few rows; the test checks the detected preset and the
 * values stored.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Db } from '../../src/main/core/db/open'
import { importFile } from '../../src/main/core/import'
import { tempDb } from '../helpers/db'

let db: Db
let dir: string
beforeEach(() => {
  const t = tempDb('presets')
  db = t.db
  dir = t.dir
})
afterEach(() => {
  db.close()
  rmSync(dir, { recursive: true, force: true })
})

function csvFile(name: string, rows: (string | number)[][], sep = ','): string {
  const cell = (v: string | number): string => {
    const s = String(v)
    return s.includes(sep) || /["\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
  }
  const p = join(dir, name)
  writeFileSync(p, '\ufeff' + rows.map((r) => r.map(cell).join(sep)).join('\r\n') + '\r\n')
  return p
}

interface Stored {
  platform: string
  title: string | null
  text: string
  url: string
  author: string | null
  outlet: string | null
  likes: number | null
  comments: number | null
  reposts: number | null
  views: number | null
  published_at: number
}
const stored = (): Stored[] =>
  db
    .prepare(
      `SELECT m.platform, m.title, m.text, m.url, a.name AS author, o.name AS outlet, m.likes, m.comments, m.reposts, m.views, m.published_at
       FROM mentions m LEFT JOIN authors a ON a.id = m.author_id LEFT JOIN outlets o ON o.id = m.outlet_id ORDER BY m.published_at`
    )
    .all() as Stored[]

describe('presets from public documentation', () => {
  it('Instagram scraper (Apify): caption, owner, likes, comments, video views; a captionless photo counted apart', async () => {
    const head = [
      'caption',
      'commentsCount',
      'displayUrl',
      'hashtags/0',
      'id',
      'inputUrl',
      'likesCount',
      'ownerFullName',
      'ownerId',
      'ownerUsername',
      'shortCode',
      'timestamp',
      'type',
      'url',
      'videoViewCount'
    ]
    const rows: (string | number)[][] = [head]
    for (let i = 0; i < 4; i++)
      rows.push([
        i === 3 ? '' : `Открытие сквера №${i} #белтау`,
        i,
        `https://scontent.cdninstagram.com/v/${i}.jpg`,
        'белтау',
        `31${i}0000`,
        'https://www.instagram.com/beltau_akimat/',
        10 * i,
        'Акимат Белтау',
        '555',
        'beltau_akimat',
        `Cx${i}AbC`,
        `2026-11-1${i}T10:00:00.000Z`,
        i === 2 ? 'Video' : 'Image',
        `https://www.instagram.com/p/Cx${i}AbC/`,
        i === 2 ? 900 : ''
      ])
    const r = await importFile(db, csvFile('instagram.csv', rows))
    expect(r).toMatchObject({
      preset: 'instagram-scraper',
      rows: 4,
      inserted: 3,
      mediaWithoutText: 1,
      rejected: 0
    })
    expect(stored()[2]).toMatchObject({
      platform: 'instagram',
      author: 'beltau_akimat',
      likes: 20,
      comments: 2,
      views: 900,
      url: 'https://www.instagram.com/p/Cx2AbC/'
    })
  })

  it('YouTube scraper (Apify): title, description, channel as author and outlet, counts', async () => {
    const head = [
      'title',
      'id',
      'url',
      'thumbnailUrl',
      'viewCount',
      'date',
      'likes',
      'location',
      'channelName',
      'channelUrl',
      'numberOfSubscribers',
      'duration',
      'commentsCount',
      'text'
    ]
    const rows: (string | number)[][] = [head]
    for (let i = 0; i < 3; i++)
      rows.push([
        `Белтау: отчёт акима ${i}`,
        `vid${i}xyz12`,
        `https://www.youtube.com/watch?v=vid${i}xyz12`,
        `https://i.ytimg.com/vi/vid${i}xyz12/hqdefault.jpg`,
        1000 + i,
        `2026-11-0${i + 1}T12:00:00.000Z`,
        50 + i,
        '',
        'Beltau TV',
        'https://www.youtube.com/@beltautv',
        12000,
        '00:10:00',
        7 + i,
        `Полный отчёт акима о работе за месяц, часть ${i}`
      ])
    const r = await importFile(db, csvFile('youtube.csv', rows))
    expect(r).toMatchObject({ preset: 'youtube-scraper', inserted: 3 })
    expect(stored()[1]).toMatchObject({
      platform: 'youtube',
      title: 'Белтау: отчёт акима 1',
      author: 'Beltau TV',
      outlet: 'Beltau TV',
      views: 1001,
      likes: 51,
      comments: 8
    })
  })

  it('CrowdTangle historical data (research archive): message, page, interactions', async () => {
    const head = [
      'Page Name',
      'User Name',
      'Facebook Id',
      'Page Category',
      'Page Admin Top Country',
      'Page Description',
      'Page Created',
      'Likes at Posting',
      'Followers at Posting',
      'Post Created',
      'Post Created Date',
      'Post Created Time',
      'Type',
      'Total Interactions',
      'Likes',
      'Comments',
      'Shares',
      'Love',
      'Wow',
      'Haha',
      'Sad',
      'Angry',
      'Care',
      'Video Share Status',
      'Is Video Owner?',
      'Post Views',
      'Total Views',
      'Total Views For All Crossposts',
      'Video Length',
      'URL',
      'Message',
      'Link',
      'Final Link',
      'Image Text',
      'Link Text',
      'Description',
      'Sponsor Id',
      'Sponsor Name',
      'Sponsor Category',
      'Overperforming Score'
    ]
    const row = (i: number): (string | number)[] => {
      const r: Record<string, string | number> = {
        'Page Name': 'Белтау Сегодня',
        'User Name': 'beltautoday',
        'Facebook Id': 100200300,
        'Followers at Posting': 15000,
        'Post Created': `2026-11-2${i} 09:30:00 ALMT`,
        'Post Created Date': `2026-11-2${i}`,
        'Post Created Time': '09:30:00',
        Type: 'Status',
        'Total Interactions': 30 + i,
        Likes: 20 + i,
        Comments: 5 + i,
        Shares: 3 + i,
        URL: `https://www.facebook.com/beltautoday/posts/pfbid0${i}abc`,
        Message: `Жители жалуются на отопление в доме №${i}`
      }
      return head.map((h) => r[h] ?? '')
    }
    const r = await importFile(db, csvFile('crowdtangle.csv', [head, row(1), row(2)]))
    expect(r).toMatchObject({ preset: 'crowdtangle', inserted: 2, rejected: 0 })
    expect(stored()[0]).toMatchObject({
      platform: 'facebook',
      author: 'beltautoday',
      outlet: 'Белтау Сегодня',
      likes: 21,
      comments: 6,
      reposts: 4,
      text: 'Жители жалуются на отопление в доме №1'
    })
  })

  it('TGStat post export (Russian headers): channel, post link, views, reposts, reactions', async () => {
    const head = [
      'Дата',
      'Канал',
      'Ссылка на канал',
      'Ссылка на пост',
      'Текст',
      'Просмотры',
      'Репосты',
      'Реакции',
      'Комментарии'
    ]
    const r = await importFile(
      db,
      csvFile(
        'tgstat.csv',
        [
          head,
          [
            '24.11.2026 10:15',
            'Белтау Онлайн',
            'https://t.me/beltau_online',
            'https://t.me/beltau_online/501',
            'В городе отключили горячую воду',
            15400,
            32,
            210,
            48
          ],
          [
            '24.11.2026 12:40',
            'Белтау Онлайн',
            'https://t.me/beltau_online',
            'https://t.me/beltau_online/502',
            'Аким ответил жителям',
            9100,
            12,
            95,
            20
          ]
        ],
        ';'
      )
    )
    expect(r).toMatchObject({ preset: 'tgstat', inserted: 2 })
    expect(stored()[0]).toMatchObject({
      platform: 'telegram',
      outlet: 'Белтау Онлайн',
      views: 15400,
      reposts: 32,
      likes: 210,
      comments: 48,
      published_at: Date.UTC(2026, 10, 24, 5, 15)
    })
  })

  it('Popsters export: text, link, likes, reposts, comments, views, ER', async () => {
    const head = [
      'Дата',
      'Сообщество',
      'Тип',
      'Текст',
      'Длина текста',
      'Вложения',
      'Ссылка',
      'Лайки',
      'Репосты',
      'Комментарии',
      'Просмотры',
      'ER',
      'ERview'
    ]
    const r = await importFile(
      db,
      csvFile(
        'popsters.csv',
        [
          head,
          [
            '20.11.2026 18:00',
            'Подслушано Белтау',
            'Пост',
            'Опять яма на Абая',
            17,
            'photo',
            'https://vk.com/wall-123_4567',
            140,
            12,
            64,
            8900,
            '1,2%',
            '2,4%'
          ]
        ],
        ';'
      )
    )
    expect(r).toMatchObject({ preset: 'popsters', inserted: 1 })
    expect(stored()[0]).toMatchObject({
      platform: 'vk',
      author: 'Подслушано Белтау',
      likes: 140,
      reposts: 12,
      comments: 64,
      views: 8900
    })
  })
})
