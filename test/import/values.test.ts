import { describe, expect, it } from 'vitest'
import { combineDateTime, parseDateTime, parseTimeOfDay } from '../../src/main/core/import/values/dates'
import {
  parseAge,
  parseAuthorType,
  parseGender,
  parseKind,
  parseLang,
  parseSentiment
} from '../../src/main/core/import/values/labels'
import { parseCount, parseNumber } from '../../src/main/core/import/values/numbers'
import { derivePlatform, platformFromValue, platformOfHost } from '../../src/main/core/import/values/platform'
import { cleanText, decodeEntities, decodeOoxmlEscapes } from '../../src/main/core/import/values/text'
import { normaliseUrl } from '../../src/main/core/import/mapping/apply'

const ALMATY = 'Asia/Almaty'
const utc = (s: string): number => Date.parse(s)

describe('parseDateTime', () => {
  it('reads naive dd.mm.yyyy HH:MM in the workspace zone (Almaty is UTC+5 since 2024)', () => {
    expect(parseDateTime('24.08.2026 23:59', ALMATY)).toBe(utc('2026-08-24T18:59:00Z'))
    expect(parseDateTime('24.08.2026', ALMATY)).toBe(utc('2026-08-23T19:00:00Z'))
    // Before March 2024 Almaty was UTC+6: the zone's history is respected.
    expect(parseDateTime('01.01.2023 12:00', ALMATY)).toBe(utc('2023-01-01T06:00:00Z'))
  })
  it('honours another zone option and explicit offsets', () => {
    expect(parseDateTime('2026-08-25T11:30:00', 'Europe/Moscow')).toBe(utc('2026-08-25T08:30:00Z'))
    expect(parseDateTime('2026-08-24T10:00:00+06:00', ALMATY)).toBe(utc('2026-08-24T04:00:00Z'))
    expect(parseDateTime('2026-08-25T10:00:00Z', ALMATY)).toBe(utc('2026-08-25T10:00:00Z'))
    expect(parseDateTime('2026-08-25 10:00:00.0', ALMATY)).toBe(utc('2026-08-25T05:00:00Z'))
    expect(parseDateTime('2026-08-25T10:00:00.250+0500', ALMATY)).toBe(utc('2026-08-25T05:00:00.250Z'))
  })
  it('reads epoch seconds and milliseconds as absolute instants', () => {
    expect(parseDateTime('1787547600', ALMATY)).toBe(1787547600000)
    expect(parseDateTime(1787637600000, ALMATY)).toBe(1787637600000)
    expect(parseDateTime('1787637600000', ALMATY)).toBe(1787637600000)
  })
  it('reads XLSX serial day numbers as wall-clock time', () => {
    // 46258.99930555555 = 2026-08-24 23:59 in the workbook
    expect(parseDateTime(46258.99930555555, ALMATY)).toBe(utc('2026-08-24T18:59:00Z'))
  })
  it('reads day-first, month names and 12-hour clocks', () => {
    expect(parseDateTime('24/08/2026 14:05', ALMATY)).toBe(utc('2026-08-24T09:05:00Z'))
    expect(parseDateTime('08/24/2026', ALMATY)).toBe(utc('2026-08-23T19:00:00Z'))
    expect(parseDateTime('24-Aug-2026 09:12PM', ALMATY)).toBe(utc('2026-08-24T16:12:00Z'))
    expect(parseDateTime('Aug 25, 2026 07:45 AM', ALMATY)).toBe(utc('2026-08-25T02:45:00Z'))
    expect(parseDateTime('24 августа 2026 г., 10:00', ALMATY)).toBe(utc('2026-08-24T05:00:00Z'))
    expect(parseDateTime('12:00 AM'.replace('12:00 AM', '01.09.2026 12:00 AM'), ALMATY)).toBe(
      utc('2026-08-31T19:00:00Z')
    )
  })
  it('refuses what is not a date', () => {
    for (const v of [
      '',
      'вчера',
      '31.02.2026',
      '2026-13-01',
      '24.08.2026 25:00',
      '12',
      null,
      undefined,
      'abc 2026'
    ])
      expect(parseDateTime(v, ALMATY)).toBeNull()
  })
  it('combines a date cell with a separate time cell', () => {
    expect(combineDateTime('24.08.2026', '09:15', ALMATY)).toBe(utc('2026-08-24T04:15:00Z'))
    expect(combineDateTime('24.08.2026', 0.5, ALMATY)).toBe(utc('2026-08-24T07:00:00Z'))
    expect(combineDateTime(46258, '09:15', ALMATY)).toBe(utc('2026-08-24T04:15:00Z'))
    expect(combineDateTime('24.08.2026 10:00', '09:15', ALMATY)).toBe(utc('2026-08-24T05:00:00Z'))
    expect(parseTimeOfDay('11:59 PM')).toBe((23 * 60 + 59) * 60_000)
    expect(parseTimeOfDay('ночь')).toBeNull()
  })
})

describe('parseNumber', () => {
  it('reads thousands separators, decimal commas and K/тыс suffixes', () => {
    expect(parseNumber('2 786')).toBe(2786)
    expect(parseNumber('2\u00a0786')).toBe(2786)
    expect(parseNumber('1\u202f200\u202f000')).toBe(1200000)
    expect(parseNumber('3,5')).toBe(3.5)
    expect(parseNumber('1,234,567')).toBe(1234567)
    expect(parseNumber('1.234,5')).toBe(1234.5)
    expect(parseNumber('1.2K')).toBe(1200)
    expect(parseNumber('15.3M')).toBe(15_300_000)
    expect(parseNumber('3,4 тыс.')).toBe(3400)
    expect(parseNumber('2 млн')).toBe(2_000_000)
    expect(parseNumber('-12')).toBe(-12)
    expect(parseNumber(42)).toBe(42)
  })
  it('gives null for empties and words', () => {
    for (const v of ['', ' ', '-', 'н/д', 'много', null, undefined]) expect(parseNumber(v)).toBeNull()
    expect(parseCount('-3')).toBeNull()
    expect(parseCount('12,6')).toBe(13)
  })
})

describe('labels', () => {
  it('maps sentiment labels explicitly', () => {
    for (const v of ['позитив', 'Позитивная', 'положительная', '+1', '1', 'positive'])
      expect(parseSentiment(v)).toEqual({ ok: true, sentiment: 'positive', raw: null })
    for (const v of ['негатив', 'Негативная', 'отрицательная', '-1', 'negative'])
      expect(parseSentiment(v)).toEqual({ ok: true, sentiment: 'negative', raw: null })
    for (const v of ['нейтрал', 'нейтральная', '0', 'Neutral'])
      expect(parseSentiment(v)).toEqual({ ok: true, sentiment: 'neutral', raw: null })
    expect(parseSentiment('mixed')).toEqual({ ok: true, sentiment: 'neutral', raw: 'mixed' })
    expect(parseSentiment('Смешанная')).toEqual({ ok: true, sentiment: 'neutral', raw: 'Смешанная' })
    expect(parseSentiment('Not Rated')).toEqual({ ok: true, sentiment: null, raw: null })
  })
  it('never turns an unknown label into neutral', () => {
    expect(parseSentiment('спорная')).toEqual({ ok: false, raw: 'спорная' })
    expect(parseSentiment('7', 'grade5')).toEqual({ ok: false, raw: '7' })
  })
  it('reads Medialogia grades and signed scores', () => {
    expect(
      ['1', '2', '3', '4', '5'].map((g) => (parseSentiment(g, 'grade5') as { sentiment: string }).sentiment)
    ).toEqual(['negative', 'negative', 'neutral', 'positive', 'positive'])
    expect(parseSentiment('-2', 'signed')).toMatchObject({ ok: true, sentiment: 'negative' })
    expect(parseSentiment('0', 'signed')).toMatchObject({ ok: true, sentiment: 'neutral' })
  })
  it('reads gender, age groups, author types, kinds, languages', () => {
    expect(['Ж', 'жен.', 'Женский', 'Female', 'FEMALE', 'f'].map(parseGender)).toEqual(
      Array(6).fill('female')
    )
    expect(['М', 'мужской', 'Мужчина', 'male'].map(parseGender)).toEqual(Array(4).fill('male'))
    expect(parseGender('unknown')).toBeNull()
    expect(['34', '25-34', '25–34 лет', '18-24', 'до 18', '65+', 'старше 65', '18-25'].map(parseAge)).toEqual(
      ['25-34', '25-34', '25-34', '18-24', '<18', '65+', '65+', '18-24']
    )
    expect(parseAge('взрослый')).toBeNull()
    expect(
      [
        'СМИ',
        'Частное лицо',
        'Блогер',
        'Официальный аккаунт',
        'organisational',
        'individual',
        'Сообщество'
      ].map(parseAuthorType)
    ).toEqual(['media', 'private', 'blogger', 'official', 'official', 'private', 'unknown'])
    expect(['Пост', 'Репост', 'Комментарий', 'Статья', 'replyComment'].map(parseKind)).toEqual([
      'post',
      'repost',
      'comment',
      'article',
      'comment'
    ])
    expect(['Русский', 'Казахский', 'kz', 'ru-RU', 'English', 'клингонский'].map(parseLang)).toEqual([
      'ru',
      'kk',
      'kk',
      'ru',
      'en',
      null
    ])
  })
})

describe('platform', () => {
  it('derives the platform from hosts', () => {
    const cases: [string, string][] = [
      ['vk.com', 'vk'],
      ['m.vk.com', 'vk'],
      ['t.me', 'telegram'],
      ['www.instagram.com', 'instagram'],
      ['fb.com', 'facebook'],
      ['youtu.be', 'youtube'],
      ['www.tiktok.com', 'tiktok'],
      ['x.com', 'x'],
      ['twitter.com', 'x'],
      ['ok.ru', 'ok'],
      ['www.threads.net', 'threads']
    ]
    for (const [h, p] of cases) expect(platformOfHost(h)).toBe(p)
    expect(platformOfHost('tengrinews.kz')).toBeNull()
  })
  it('prefers a platform column, then the URL, then the source type', () => {
    expect(derivePlatform({ column: 'ВКонтакте', urls: ['https://example.kz/a'] })).toBe('vk')
    expect(derivePlatform({ column: 'SOCIALMEDIA_TWITTER', urls: [] })).toBe('x')
    expect(derivePlatform({ urls: ['https://tengrinews.kz/a'] })).toBe('news')
    expect(derivePlatform({ sourceType: 'Форум', urls: ['https://forum.kz/t/1'] })).toBe('forum')
    expect(derivePlatform({ sourceType: 'Блог', urls: ['https://blog.kz/p'] })).toBe('blog')
    expect(derivePlatform({ sourceType: 'Форум', urls: ['https://vk.com/wall1_2'] })).toBe('vk')
    expect(derivePlatform({ urls: [] })).toBe('other')
    expect(platformFromValue('tengrinews.kz')).toBeNull()
  })
})

describe('text and URLs', () => {
  it('decodes HTML entities and XLSX escapes', () => {
    expect(decodeEntities('Привет&#33;&nbsp;&laquo;мир&raquo; &amp; &#x41;&unknown;')).toBe(
      'Привет!\u00a0«мир» & A&unknown;'
    )
    expect(decodeOoxmlEscapes('a_x000d_b_x005F_x000d_')).toBe('a\rb_x000d_')
    expect(cleanText('Строка_x000d_\nвторая &amp; ещё\u0000 ')).toBe('Строка\nвторая & ещё')
  })
  it('accepts http(s) URLs, adds a scheme where it is missing, refuses the rest', () => {
    expect(normaliseUrl(' https://vk.com/wall-1_2 ')).toBe('https://vk.com/wall-1_2')
    expect(normaliseUrl('vk.com/wall-1_2')).toBe('https://vk.com/wall-1_2')
    expect(normaliseUrl('//site.kz/a')).toBe('https://site.kz/a')
    for (const bad of [
      'javascript:alert(1)',
      'htp:/broken link',
      'file:///etc/passwd',
      'просто текст',
      'https://a b.kz'
    ])
      expect(normaliseUrl(bad)).toBeNull()
  })
})
