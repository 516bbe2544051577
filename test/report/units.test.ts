import { describe, expect, it } from 'vitest'
import { lastCompleteWeek, resolvePeriod } from '../../src/main/core/report/period'
import { formatCompact, formatInt, formatPct, pluralForm, t } from '../../src/main/core/report/i18n'
import { trimText } from '../../src/main/core/report/model-quotes'
import { handleFromUrl, Masker } from '../../src/main/core/report/masking'
import { digestFileName, fileStamp, workspaceSlug } from '../../src/main/core/report'
import { zonedToUtc } from '../../src/shared/time'

describe('period', () => {
  it('is the last complete week in the workspace time zone', () => {
    // Monday 00:30 in Almaty is still Sunday in UTC: the week that just ended is complete.
    const mondayEarly = zonedToUtc(2026, 11, 23, 0, 30, 0, 'Asia/Almaty')
    expect(lastCompleteWeek(mondayEarly, 'Asia/Almaty', 1)).toEqual({ from: '2026-11-16', to: '2026-11-22' })
    expect(lastCompleteWeek(mondayEarly, 'UTC', 1)).toEqual({ from: '2026-11-09', to: '2026-11-15' })
    expect(lastCompleteWeek(zonedToUtc(2026, 11, 25, 12, 0, 0, 'Asia/Almaty'), 'Asia/Almaty', 7)).toEqual({
      from: '2026-11-15',
      to: '2026-11-21'
    })
    expect(lastCompleteWeek(zonedToUtc(2026, 11, 25, 12, 0, 0, 'Asia/Almaty'), 'Asia/Almaty', 0)).toEqual({
      from: '2026-11-15',
      to: '2026-11-21'
    })
  })

  it('takes ISO weeks and date ranges, with a previous period of equal length', () => {
    const p = resolvePeriod({ week: '2026-W47' }, 'Asia/Almaty', 1)
    expect(p).toMatchObject({
      from: '2026-11-16',
      to: '2026-11-22',
      days: 7,
      prevFrom: '2026-11-09',
      prevTo: '2026-11-15'
    })
    expect(p.range.start).toBe(zonedToUtc(2026, 11, 16, 0, 0, 0, 'Asia/Almaty'))
    expect(p.dayStarts).toHaveLength(8)
    const r = resolvePeriod({ from: '2026-02-27', to: '2026-03-02' }, 'Asia/Almaty', 1)
    expect(r).toMatchObject({ days: 4, prevFrom: '2026-02-23', prevTo: '2026-02-26' })
  })

  it('refuses what is not a period', () => {
    expect(() => resolvePeriod({ week: '2026-47' }, 'UTC', 1)).toThrow(/ISO week/)
    expect(() => resolvePeriod({ from: '2026-02-30', to: '2026-03-01' }, 'UTC', 1)).toThrow(/Not a date/)
    expect(() => resolvePeriod({ from: '2026-03-02', to: '2026-03-01' }, 'UTC', 1)).toThrow(/after it ends/)
  })
})

describe('labels', () => {
  it('picks Russian plural forms', () => {
    const f = ['публикация', 'публикации', 'публикаций']
    expect([1, 2, 5, 11, 12, 21, 22, 25, 111, 1001].map((n) => pluralForm('ru', n, f))).toEqual([
      'публикация',
      'публикации',
      'публикаций',
      'публикаций',
      'публикаций',
      'публикация',
      'публикации',
      'публикаций',
      'публикаций',
      'публикация'
    ])
    expect(t('ru', 'figStoriesLine', { n: formatInt('ru', 1234), m: 21 })).toBe(
      '1\u00a0234 публикации в 21 сюжете'
    )
    expect(t('en', 'figStoriesLine', { n: 1, m: 1 })).toBe('1 publication in 1 story')
  })

  it('formats numbers for each language', () => {
    expect(formatInt('ru', 1234567)).toBe('1\u00a0234\u00a0567')
    expect(formatInt('en', 1234567)).toBe('1,234,567')
    expect(formatPct('ru', 1)).toBe('100\u00a0%')
    expect(formatPct('ru', 0.4166)).toBe('41,7\u00a0%')
    expect(formatPct('en', 0.5, 0)).toBe('50%')
    expect(formatCompact('ru', 434_250)).toBe('434\u00a0тыс.')
    expect(formatCompact('en', 2_500_000)).toBe('2.5M')
  })

  it('names files by workspace, period, language (outside Russian), generation time and counter', () => {
    const p = {
      workspace: 'demo',
      from: '2026-11-16',
      to: '2026-11-22',
      lang: 'ru',
      stamp: '20261203-134905'
    }
    expect(digestFileName(p, 'pdf')).toBe('otklik-digest-demo-2026-11-16--2026-11-22-20261203-134905.pdf')
    expect(digestFileName({ ...p, lang: 'kk', counter: 2 }, 'docx')).toBe(
      'otklik-digest-demo-2026-11-16--2026-11-22-kk-20261203-134905-2.docx'
    )
    expect(workspaceSlug('/data/Белтау demo.db')).toBe('Белтау-demo')
    expect(workspaceSlug(':memory:')).toBe('memory')
    expect(fileStamp(Date.UTC(2026, 11, 3, 8, 49, 5), 'Asia/Almaty')).toBe('20261203-134905')
  })
})

describe('quotes', () => {
  it('trims at a word boundary with an ellipsis', () => {
    expect(trimText('один два три четыре', 12)).toBe('один два…')
    expect(trimText('  коротко\n\nи ясно ', 50)).toBe('коротко и ясно')
  })

  it('masks handles of private people, keeps public ones, drops bare links', () => {
    const m = new Masker('ru', true, (h) => (h === 'tengrinews' ? 'media' : null))
    m.know({ id: 7, name: 'Иван Петров', url: 'https://t.me/ivan_p', type: 'private', platform: 'telegram' })
    m.know({
      id: 8,
      name: 'Акимат',
      url: 'https://t.me/akimat_almaty',
      type: 'official',
      platform: 'telegram'
    })
    const s = m.text(
      'Иван Петров (@ivan_p) пишет @akimat_almaty и @tengrinews, а @someone молчит: https://t.me/ivan_p/5'
    )
    expect(s).toBe(
      'Пользователь Telegram №1 (Пользователь Telegram №1) пишет @akimat_almaty и @tengrinews, а @пользователь молчит: '
    )
    expect(m.label({ id: 9, name: 'Другой', url: null, type: 'unknown', platform: 'telegram' })).toBe(
      'Пользователь Telegram №2'
    )
    expect(m.label({ id: 7, name: 'Иван Петров', url: null, type: 'private', platform: 'telegram' })).toBe(
      'Пользователь Telegram №1'
    )
    expect(new Masker('ru', false).text('@ivan_p пишет')).toBe('@ivan_p пишет')
    expect(handleFromUrl('https://vk.com/id42')).toBe('id42')
    expect(handleFromUrl('https://www.youtube.com/channel/UC1')).toBeNull()
  })
})

describe('one palette', () => {
  it('gives the digest, its charts and the app the same sentiment and lean colours', async () => {
    const { PALETTE, paletteCss } = await import('../../src/shared/palette')
    const { COLORS } = await import('../../src/main/core/report/style')
    const { readFileSync } = await import('node:fs')
    expect(COLORS.negative).toBe(PALETTE.light.negative)
    expect(COLORS.neutral).toBe(PALETTE.light.neutral)
    expect(COLORS.positive).toBe(PALETTE.light.positive)
    expect(COLORS.negativeAuthor).toBe(PALETTE.light.critic)
    expect(COLORS.positiveAuthor).toBe(PALETTE.light.supporter)
    // Positive is green (its green channel leads), supporters blue, critics orange.
    const rgb = (h: string): number[] => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16))
    const [r, g, b] = rgb(PALETTE.light.positive)
    expect(g).toBeGreaterThan(r!)
    expect(g).toBeGreaterThan(b!)
    const [, , blue] = rgb(PALETTE.light.supporter)
    expect(blue).toBeGreaterThan(rgb(PALETTE.light.supporter)[0]!)
    expect(rgb(PALETTE.light.critic)[0]).toBeGreaterThan(rgb(PALETTE.light.critic)[2]!)
    const css = paletteCss()
    expect(css).toContain(`--pos:${PALETTE.light.positive};`)
    expect(css).toContain(`:root[data-theme='dark']{--neg:${PALETTE.dark.negative};`)
    // The stylesheets define none of these colours themselves.
    const base = readFileSync('src/renderer/src/styles/base.css', 'utf8')
    for (const v of ['--neg', '--pos', '--neu-chart', '--orange', '--blue'])
      expect(base).not.toMatch(new RegExp(`${v}:\\s*#`))
  })
})
