import { describe, expect, it } from 'vitest'
import { decodeView, encodeView, viewFilter } from '../../src/shared/views'
import { checkDay, checkPeriod } from '../../src/shared/day-input'

describe('saved views keep relative periods', () => {
  it('«Прошлая неделя» is stored without dates and resolves to the week before today, every time', () => {
    const text = encodeView({ from: '2026-11-23', to: '2026-11-29', sentiments: ['negative'] }, 'lastWeek')
    const v = decodeView(text)
    expect(v).toEqual({ filter: { sentiments: ['negative'] }, period: 'lastWeek' })
    expect(viewFilter(v, '2026-12-03', 1)).toEqual({
      sentiments: ['negative'],
      from: '2026-11-23',
      to: '2026-11-29'
    })
    // A week later the same view means the next week; with Sunday as the first day, another one.
    expect(viewFilter(v, '2026-12-10', 1)).toMatchObject({ from: '2026-11-30', to: '2026-12-06' })
    expect(viewFilter(v, '2026-12-10', 0)).toMatchObject({ from: '2026-11-29', to: '2026-12-05' })
    expect(viewFilter(decodeView(encodeView({}, '7d')), '2026-03-01', 1)).toEqual({
      from: '2026-02-23',
      to: '2026-03-01'
    })
    expect(viewFilter(decodeView(encodeView({ from: '2026-01-01' }, 'all')), '2026-03-01', 1)).toEqual({})
  })

  it('a custom period keeps its dates; older rows (a bare filter) still read', () => {
    const custom = decodeView(encodeView({ from: '2026-01-05', to: '2026-01-09' }, null))
    expect(viewFilter(custom, '2026-12-03', 1)).toEqual({ from: '2026-01-05', to: '2026-01-09' })
    expect(decodeView(JSON.stringify({ from: '2026-02-01', platforms: ['vk'] }))).toEqual({
      filter: { from: '2026-02-01', platforms: ['vk'] },
      period: null
    })
    expect(decodeView('{not json')).toEqual({ filter: {}, period: null })
    expect(decodeView(JSON.stringify({ filter: { platforms: ['vk'] }, period: 'someday' })).period).toBeNull()
  })
})

describe('typed dates say what is wrong', () => {
  it('finds real dates and names the problem of the others', () => {
    expect(checkDay('5.1.2026')).toEqual({ iso: '2026-01-05' })
    expect(checkDay('29.02.2028')).toEqual({ iso: '2028-02-29' })
    expect(checkDay('31.02.2026')).toEqual({ problem: { kind: 'noSuchDay', month: '02.2026', days: 28 } })
    expect(checkDay('31.04.2026')).toEqual({ problem: { kind: 'noSuchDay', month: '04.2026', days: 30 } })
    expect(checkDay('29.02.2026')).toEqual({ problem: { kind: 'noSuchDay', month: '02.2026', days: 28 } })
    expect(checkDay('12.13.2026')).toEqual({ problem: { kind: 'month', month: '13' } })
    expect(checkDay('32.01.2026')).toEqual({ problem: { kind: 'dayRange' } })
    expect(checkDay('00.01.2026')).toEqual({ problem: { kind: 'dayRange' } })
    expect(checkDay('2026-01-05')).toEqual({ problem: { kind: 'format' } })
    expect(checkDay('1.1.26')).toEqual({ problem: { kind: 'format' } })
  })
  it('a reversed period, and half a period where both ends are needed', () => {
    expect(checkPeriod('2026-11-20', '2026-11-10')).toEqual({
      kind: 'reversed',
      from: '2026-11-20',
      to: '2026-11-10'
    })
    expect(checkPeriod('2026-11-10', '2026-11-10')).toBeNull()
    expect(checkPeriod('2026-11-10', null)).toBeNull()
    expect(checkPeriod('2026-11-10', null, { bothOrNone: true })).toEqual({ kind: 'oneEnd' })
    expect(checkPeriod(null, null, { bothOrNone: true })).toBeNull()
  })
})
