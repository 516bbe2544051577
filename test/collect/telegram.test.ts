import { describe, expect, it } from 'vitest'
import { normaliseTelegramTarget, parseCount, parseTelegramPage } from '../../src/main/core/collect'
import { OtklikError } from '../../src/shared/errors'
import { fixture } from './helpers'

describe('normaliseTelegramTarget', () => {
  it('accepts every way of naming a channel', () => {
    const want = { channel: 'akimat_test', url: 'https://t.me/s/akimat_test' }
    for (const t of [
      'akimat_test',
      '@akimat_test',
      't.me/akimat_test',
      'https://t.me/akimat_test',
      'https://t.me/s/akimat_test',
      'http://telegram.me/akimat_test',
      'https://t.me/akimat_test/123',
      ' @akimat_test '
    ]) {
      expect(normaliseTelegramTarget(t), t).toEqual(want)
    }
  })
  it('keeps a full address of a page with the /s/ structure as it is', () => {
    expect(normaliseTelegramTarget('http://127.0.0.1:8123/s/akimat_test')).toEqual({
      channel: 'akimat_test',
      url: 'http://127.0.0.1:8123/s/akimat_test'
    })
    expect(normaliseTelegramTarget('http://127.0.0.1:8123/s/akimat_test?before=10#x').url).toBe(
      'http://127.0.0.1:8123/s/akimat_test'
    )
  })
  it('rejects invites, junk and pages without a channel', () => {
    for (const t of [
      '',
      'https://t.me/+AbCdEf123',
      'https://t.me/joinchat/AAAA',
      'a b c',
      'ab',
      'https://example.kz/news',
      'https://t.me/'
    ]) {
      expect(() => normaliseTelegramTarget(t), t).toThrow(OtklikError)
    }
    try {
      normaliseTelegramTarget('https://t.me/+AbCdEf123')
    } catch (e) {
      expect((e as OtklikError).code).toBe('VALIDATION')
      expect((e as OtklikError).message).toMatch(/private/)
    }
  })
})

describe('parseTelegramPage', () => {
  const page = parseTelegramPage(fixture('tg-channel.html').toString('utf8'), 'https://t.me/s/akimat_test')

  it('reads the channel header', () => {
    expect(page).toMatchObject({
      channel: 'akimat_test',
      title: 'Акимат города',
      subscribers: 12300,
      hasPreview: true,
      before: 101
    })
    expect(page.ids).toEqual([101, 102, 103, 104, 105])
  })

  it('skips service messages and reads text with line breaks, views and dates', () => {
    expect(page.posts.map((p) => p.id)).toEqual([102, 103, 104, 105])
    const [a, b, c, d] = page.posts.map((p) => p.mention)
    expect(a!.text).toBe(
      'Уважаемые жители!\nЗавтра отключат горячую воду в Алмалинском районе.\n\nПодробности & график — на сайте.'
    )
    expect(a).toMatchObject({
      externalId: 'tg:akimat_test/102',
      url: 'https://t.me/akimat_test/102',
      platform: 'telegram',
      kind: 'post',
      views: 1200,
      outlet: { name: 'Акимат города', url: 'https://t.me/akimat_test', audience: 12300 },
      author: { name: 'Акимат города', type: 'media' }
    })
    expect(new Date(a!.publishedAt).toISOString()).toBe('2026-11-16T05:30:00.000Z')
    // reply quote left out, link preview kept
    expect(b!.text).toBe(
      'Ответ: работы перенесены на пятницу.\n\nГрафик отключений\n\nПолный график работ\nна ноябрь'
    )
    expect(b!.views).toBe(15_300_000)
    expect(c).toMatchObject({ kind: 'repost', views: 987 })
    expect(c!.text).toBe('Forwarded from Другой канал\nПересланная новость о парке.')
    expect(new Date(c!.publishedAt).toISOString()).toBe('2026-11-16T02:15:00.000Z')
    expect(d!.text).toBe('Фото с открытия 🎉')
    expect(d!.views).toBe(2500)
  })

  it('builds t.me post URLs whatever host served the page', () => {
    const p = parseTelegramPage(
      fixture('tg-channel-before-101.html').toString('utf8'),
      'http://127.0.0.1:9/s/akimat_test?before=101'
    )
    expect(p.posts.map((x) => x.mention.url)).toEqual([
      'https://t.me/akimat_test/98',
      'https://t.me/akimat_test/100'
    ])
    expect(p.before).toBeNull()
    expect(p.posts[1]!.mention.text).toBe('Пост номер сто: ссылка.')
  })

  it('says when there is no preview', () => {
    const p = parseTelegramPage(fixture('tg-no-preview.html').toString('utf8'), 'https://t.me/closed_chan')
    expect(p.hasPreview).toBe(false)
    expect(p.posts).toEqual([])
  })
})

describe('parseCount', () => {
  it('reads Telegram counters', () => {
    expect(parseCount('1.2K')).toBe(1200)
    expect(parseCount('15.3M')).toBe(15_300_000)
    expect(parseCount('987')).toBe(987)
    expect(parseCount('2 786')).toBe(2786)
    expect(parseCount('1,5K')).toBe(1500)
    expect(parseCount('12 тыс.')).toBe(12000)
    expect(parseCount('')).toBeNull()
    expect(parseCount('views')).toBeNull()
  })
})
