import { describe, expect, it } from 'vitest'
import {
  describeSpikeRule,
  detectHourlySpikes,
  detectSpikes,
  emergingTerms,
  phrasesOf,
  termKey,
  fillGaps,
  HOURLY_SPIKE_RULE,
  SPIKE_RULE,
  type SeriesPoint
} from '../../src/main/core/analysis/spikes'

const DAY = 86_400_000
const HOUR = 3_600_000
const T0 = Date.UTC(2026, 0, 1)

/** Deterministic Poisson counts (Knuth), so "noise" is the same on every run. */
function poissonSource(seed: number): (mean: number) => number {
  let s = seed
  const uniform = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return (s + 0.5) / 2 ** 32
  }
  return (mean) => {
    const limit = Math.exp(-mean)
    let k = 0
    let p = uniform()
    while (p > limit) {
      k++
      p *= uniform()
    }
    return k
  }
}

function dailySeries(days: number, mean: (day: number) => number, seed: number): SeriesPoint[] {
  const draw = poissonSource(seed)
  return Array.from({ length: days }, (_, d) => ({ t: T0 + d * DAY, count: draw(mean(d)) }))
}

describe('detectSpikes (daily)', () => {
  it('finds a planted spike and reports its baseline, threshold and ratio', () => {
    const series = dailySeries(40, () => 10, 42)
    series[30] = { t: T0 + 30 * DAY, count: 45 }
    const spikes = detectSpikes(series)
    expect(spikes.map((s) => s.t)).toEqual([T0 + 30 * DAY])
    const s = spikes[0]!
    expect(s.count).toBe(45)
    expect(s.baseline).toBeGreaterThan(6)
    expect(s.baseline).toBeLessThan(14)
    expect(s.threshold).toBeLessThanOrEqual(45)
    expect(s.ratio).toBeGreaterThanOrEqual(3)
  })

  it('stays quiet on an ordinary noisy month', () => {
    // Weekday/weekend rhythm plus Poisson noise: a normal two months of complaints.
    const series = dailySeries(60, (d) => (d % 7 >= 5 ? 6 : 12), 1)
    expect(detectSpikes(series)).toEqual([])
  })

  it('flags under 1 ordinary day in 150 and catches 95% of days at 3× the usual', () => {
    let falseSpikes = 0
    let judged = 0
    let caught = 0
    const seeds = 60
    for (let seed = 1; seed <= seeds; seed++) {
      const series = dailySeries(60, (d) => (d % 7 >= 5 ? 6 : 12), seed)
      falseSpikes += detectSpikes(series).length
      judged += 60 - 14
      series[44] = { t: series[44]!.t, count: 36 }
      if (detectSpikes(series).some((s) => s.t === series[44]!.t)) caught++
    }
    expect(falseSpikes / judged).toBeLessThan(1 / 150)
    expect(caught / seeds).toBeGreaterThanOrEqual(0.95)
  })

  it('ignores small numbers and judges nothing without 7 days of history', () => {
    const quiet = dailySeries(30, () => 0.5, 9)
    quiet[20] = { t: T0 + 20 * DAY, count: 4 }
    expect(detectSpikes(quiet)).toEqual([])
    const young = [3, 2, 4, 3, 40].map((count, d) => ({ t: T0 + d * DAY, count }))
    expect(detectSpikes(young)).toEqual([])
  })

  it('needs twice the baseline even when the history is very regular', () => {
    const flat = Array.from({ length: 20 }, (_, d) => ({ t: T0 + d * DAY, count: 20 }))
    flat[19] = { t: T0 + 19 * DAY, count: 35 }
    expect(detectSpikes(flat)).toEqual([])
    flat[19] = { t: T0 + 19 * DAY, count: 40 }
    expect(detectSpikes(flat).map((s) => s.count)).toEqual([40])
  })

  it('fills missing days with zeros', () => {
    const filled = fillGaps(
      [
        { t: T0, count: 2 },
        { t: T0 + 2 * DAY, count: 5 }
      ],
      T0,
      T0 + 3 * DAY,
      DAY
    )
    expect(filled.map((p) => p.count)).toEqual([2, 0, 5, 0])
  })
})

describe('detectHourlySpikes', () => {
  /** Nine days of hours with a day/night rhythm: 1 an hour at night, 8 in the working day. */
  function hourly(seed: number): SeriesPoint[] {
    const draw = poissonSource(seed)
    return Array.from({ length: 9 * 24 }, (_, h) => {
      const hourOfDay = h % 24
      return { t: T0 + h * HOUR, count: draw(hourOfDay >= 9 && hourOfDay < 20 ? 8 : 1) }
    })
  }

  it('does not flag the usual morning rise', () => {
    let falseSpikes = 0
    for (let seed = 11; seed < 71; seed++) falseSpikes += detectHourlySpikes(hourly(seed)).length
    expect(falseSpikes / (60 * 48)).toBeLessThan(1 / 250)
    expect(detectHourlySpikes(hourly(11))).toEqual([])
  })

  it('flags a planted night-time burst in the last 48 hours only', () => {
    const series = hourly(15)
    const burst = 8 * 24 + 3 // 03:00 on the last day: usually about one mention
    series[burst] = { t: series[burst]!.t, count: 12 }
    const old = 24 // a burst eight days ago is history, not news
    series[old] = { t: series[old]!.t, count: 30 }
    expect(detectHourlySpikes(series).map((s) => s.t)).toEqual([series[burst]!.t])
  })
})

describe('spike rule text', () => {
  it('states the rule in the three UI languages with the numbers in force', () => {
    expect(SPIKE_RULE.en).toBe(
      'A day is a spike when it has at least 5 negative mentions, at least 2× the usual (the median of the previous 14 days) and more than 3.5 typical deviations above it. Counted for each topic and for all topics together, relevant mentions only.'
    )
    expect(SPIKE_RULE.ru).toContain('медиана 14 предыдущих дней')
    expect(SPIKE_RULE.kk).toContain('14 күннің медианасы')
    expect(HOURLY_SPIKE_RULE.ru).toContain('того же часа')
    expect(describeSpikeRule('en', { minCount: 10 })).toContain('at least 10 negative')
  })
})

describe('emergingTerms', () => {
  const baseline = [
    'В Алматы прошёл концерт на площади',
    'Акимат Алматы отчитался о ремонте дорог',
    'Жители Алматы жалуются на пробки',
    'Новый парк открыли в Алматы',
    'Пробки на Абая снова выросли',
    'Алматы қаласында жаңа саябақ ашылды',
    'Автобусы ходят по расписанию, спасибо акимату',
    'В Алматы тепло и солнечно',
    'Ремонт дорог идёт по плану',
    'Алматы жолдарында кептеліс көп'
  ]
  const recent = [
    'В Наурызбайском районе отключили газ, второй день без газа',
    'Отключили газ в Наурызбайском районе, дети мерзнут',
    'Почему отключили газ без предупреждения? Наурызбайский район',
    'Газды ескертусіз өшірді, Наурызбай ауданы',
    'Газды өшірді, балалар тоңып отыр',
    'Наурызбайда газды өшірді, үш күн газсыз отырмыз',
    'В Алматы пробки на Абая',
    'Алматы: концерт на площади',
    'Отключили газ! Отключили газ! Отключили газ!',
    'Отключили газ! Отключили газ! Отключили газ!'
  ]

  it('ranks what is new above what is always there, and skips stop words', () => {
    const terms = emergingTerms(recent, baseline)
    const names = terms.map((t) => t.term)
    expect(names[0]).toBe('отключили газ')
    expect(names).toContain('газды')
    expect(names).toContain('өшірді')
    expect(names.some((n) => n.startsWith('наурызбай'))).toBe(true)
    expect(names).not.toContain('алматы')
    expect(names).not.toContain('пробки')
    for (const n of names) for (const w of n.split(' ')) expect(['в', 'на', 'без', 'и']).not.toContain(w)
    const top = terms[0]!
    expect(top.before).toBe(0)
    expect(top.recent).toBe(4) // the pasted message counts once
  })

  it('drops a word that only appears inside an emerging pair', () => {
    const names = emergingTerms(recent, baseline).map((t) => t.term)
    expect(names).not.toContain('отключили')
  })

  it('returns nothing when the recent days look like the baseline', () => {
    expect(emergingTerms(baseline.slice(0, 5), baseline)).toEqual([])
  })
})

describe('emergingTerms reads as phrases', () => {
  const baseline = Array.from(
    { length: 30 },
    (_, i) => `Обычные новости города номер ${i}: концерт, парк, погода`
  )
  const recent = [
    'В Алатауском районе третий день нет отопления, дети болеют. Акимат, вы где?',
    'Третий день нет отопления в Алатауском районе. Дети болеют! Акимат молчит.',
    'Алатауский район: нет отопления третий день, дети болеют; акимат не отвечает',
    'Прорыв трубы на Райымбека, аварийка не приезжает.',
    'Прорыв трубы возле школы, аварийка не приезжает уже час.',
    'Опять прорыв трубы во дворе, аварийка не приезжает!'
  ].map((text, i) => ({ text, author: i }))

  it('never crosses a sentence, never starts or ends on filler, keeps no lone verb', () => {
    const names = emergingTerms(recent, baseline, { limit: 50 }).map((t) => t.term)
    expect(names).toContain('дети болеют')
    expect(names).toContain('прорыв трубы')
    expect(names).toContain('аварийка не приезжает')
    expect([
      ...phrasesOf('Отключили горячую воду в детских садах Наурызбайский района').values()
    ]).not.toContain('детских садах наурызбайский')
    expect([...phrasesOf('Отключили горячую воду').values()]).not.toContain('отключили горячую')
    for (const bad of ['болеют акимат', 'районе третий', 'третий день', 'приезжает', 'день нет'])
      expect(names, bad).not.toContain(bad)
  })

  it('shows the most frequent surface form and wants several authors', () => {
    const names = emergingTerms(recent, baseline, { limit: 50 }).map((t) => t.term)
    expect(names).toContain('алатауском районе')
    const oneAuthor = recent.map((d) => ({ ...d, author: 7 }))
    expect(emergingTerms(oneAuthor, baseline)).toEqual([])
    // «болеют» alone is a verb, not a theme; «болеют акимат» crosses a sentence.
    expect(phrasesOf('Дети болеют. Акимат, вы где?')).toEqual(
      new Map([
        [termKey('дети'), 'дети'],
        [`${termKey('дети')} ${termKey('болеют')}`, 'дети болеют'],
        [termKey('акимат'), 'акимат']
      ])
    )
  })
})
