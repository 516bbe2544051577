/**
 * Spikes: days (or hours) when negative mentions jump far above their own recent baseline.
 * Pure functions over count series; the caller queries the counts (zeros included).
 */

import type { UiLang } from '../../../../shared/types'

export interface SeriesPoint {
  /** Start of the bucket, epoch ms. */
  t: number
  count: number
}

/** A point of a series judged a spike (the app's spike, with day and topic, is `Spike` in src/shared/views.ts). */
export interface SpikePoint {
  t: number
  count: number
  /** Median of the comparison points. */
  baseline: number
  /** The count from which this point is a spike: max(minCount, baseline + k·spread, minRatio·baseline). */
  threshold: number
  /** count / max(baseline, 1). */
  ratio: number
}

export interface SpikeOptions {
  /** How many earlier comparison points form the baseline. */
  window?: number
  /** Fewer comparison points than this: no verdict (too little history). */
  minHistory?: number
  /** Spread multiplier (robust z-score). */
  k?: number
  /** A spike needs at least this many mentions. */
  minCount?: number
  /** A spike needs at least this multiple of the baseline. */
  minRatio?: number
  /**
   * Distance between comparison points, in points: 1 compares a day with the days before it;
   * 24 on an hourly series compares an hour with the same hour of the previous days.
   */
  seasonLength?: number
  /** Only points at or after this time are judged (earlier ones serve as history). */
  since?: number
}

/**
 * k = 3.5: on simulated Poisson days (12 on weekdays, 6 at weekends) this flags about one ordinary
 * day in 360 and catches 98% of days at 3× the usual; k = 3 flagged one in 130.
 */
export const DAILY_SPIKE_DEFAULTS: Required<Omit<SpikeOptions, 'since'>> = {
  window: 14,
  minHistory: 7,
  k: 3.5,
  minCount: 5,
  minRatio: 2,
  seasonLength: 1
}

/** Seven comparison points make a noisy median: minCount 5 keeps false hours near 1 in 400. */
export const HOURLY_SPIKE_DEFAULTS: Required<Omit<SpikeOptions, 'since'>> = {
  window: 7,
  minHistory: 3,
  k: 3.5,
  minCount: 5,
  minRatio: 2,
  seasonLength: 24
}

const MAD_TO_SIGMA = 1.4826

export function median(xs: number[]): number {
  if (xs.length === 0) return 0
  const s = [...xs].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2
}

/**
 * Points whose count is at least max(minCount, baseline + k·spread, minRatio·max(baseline, 1)),
 * where baseline is the median of the previous `window` comparison points and spread is the
 * larger of 1.4826·MAD (robust standard deviation) and √baseline (counts are Poisson-like: a
 * perfectly flat history must not make every small rise a spike).
 * The series must be evenly spaced and sorted by t, zeros included (see fillGaps).
 */
export function detectSpikes(series: SeriesPoint[], opts: SpikeOptions = {}): SpikePoint[] {
  const o = { ...DAILY_SPIKE_DEFAULTS, ...opts }
  const out: SpikePoint[] = []
  for (let i = 0; i < series.length; i++) {
    const p = series[i] as SeriesPoint
    if (o.since !== undefined && p.t < o.since) continue
    const history: number[] = []
    for (let j = i - o.seasonLength; j >= 0 && history.length < o.window; j -= o.seasonLength) {
      history.push((series[j] as SeriesPoint).count)
    }
    if (history.length < o.minHistory) continue
    const baseline = median(history)
    const mad = median(history.map((x) => Math.abs(x - baseline)))
    const spread = Math.max(MAD_TO_SIGMA * mad, Math.sqrt(Math.max(baseline, 1)))
    const threshold = Math.max(o.minCount, baseline + o.k * spread, o.minRatio * Math.max(baseline, 1))
    if (p.count >= threshold) {
      out.push({
        t: p.t,
        count: p.count,
        baseline,
        threshold: round2(threshold),
        ratio: round2(p.count / Math.max(baseline, 1))
      })
    }
  }
  return out
}

const HOUR = 3_600_000

/**
 * Hourly spikes in the last `hours` (48 by default) of an hourly series: each hour against
 * the same hour of the previous 7 days, so the usual morning rise is not a spike.
 */
export function detectHourlySpikes(
  series: SeriesPoint[],
  opts: SpikeOptions & { hours?: number } = {}
): SpikePoint[] {
  const last = series.at(-1)
  if (!last) return []
  const { hours = 48, ...rest } = opts
  return detectSpikes(series, { ...HOURLY_SPIKE_DEFAULTS, since: last.t - (hours - 1) * HOUR, ...rest })
}

/** An evenly spaced series from `from` to `to` (inclusive) with zeros where nothing was counted. */
export function fillGaps(points: SeriesPoint[], from: number, to: number, stepMs: number): SeriesPoint[] {
  const byT = new Map<number, number>()
  for (const p of points) byT.set(p.t, (byT.get(p.t) ?? 0) + p.count)
  const out: SeriesPoint[] = []
  for (let t = from; t <= to; t += stepMs) out.push({ t, count: byT.get(t) ?? 0 })
  return out
}

function round2(x: number): number {
  return Math.round(x * 100) / 100
}

type Lang = UiLang

/** The rule as the UI states it next to the chart, with the numbers actually in force. */
export function describeSpikeRule(lang: Lang, opts: SpikeOptions = {}): string {
  const o = { ...DAILY_SPIKE_DEFAULTS, ...opts }
  if (o.seasonLength === 24) {
    const h = { ...HOURLY_SPIKE_DEFAULTS, ...opts }
    return {
      ru: `Час считается всплеском, если негативных упоминаний в нём не меньше ${h.minCount}, не меньше чем в ${h.minRatio} раза больше обычного для этого часа (медиана того же часа за ${h.window} предыдущих дней) и выше обычного на ${h.k} типичных отклонения.`,
      kk: `Сағаттағы жағымсыз жазбалар кемінде ${h.minCount} болса, осы сағаттың әдеттегі деңгейінен (алдыңғы ${h.window} күндегі сол сағаттың медианасы) кемінде ${h.minRatio} есе көп және одан ${h.k} типтік ауытқудан жоғары болса, ол сағат секіріс деп саналады.`,
      en: `An hour is a spike when it has at least ${h.minCount} negative mentions, at least ${h.minRatio}× the usual for that hour (the median of the same hour over the previous ${h.window} days) and more than ${h.k} typical deviations above it.`
    }[lang]
  }
  return {
    ru: `День считается всплеском, если негативных упоминаний за него не меньше ${o.minCount}, не меньше чем в ${o.minRatio} раза больше обычного (медиана ${o.window} предыдущих дней) и выше обычного на ${o.k} типичных отклонения. Считается по каждой теме и по всем темам вместе, только по релевантным упоминаниям.`,
    kk: `Күндегі жағымсыз жазбалар кемінде ${o.minCount} болса, әдеттегі деңгейден (алдыңғы ${o.window} күннің медианасы) кемінде ${o.minRatio} есе көп және одан ${o.k} типтік ауытқудан жоғары болса, ол күн секіріс деп саналады. Әр тақырып бойынша және барлық тақырыптар бойынша бірге, тек қатысты жазбалармен есептеледі.`,
    en: `A day is a spike when it has at least ${o.minCount} negative mentions, at least ${o.minRatio}× the usual (the median of the previous ${o.window} days) and more than ${o.k} typical deviations above it. Counted for each topic and for all topics together, relevant mentions only.`
  }[lang]
}

/** The default daily and hourly rules in the three UI languages. */
export const SPIKE_RULE: Record<Lang, string> = {
  ru: describeSpikeRule('ru'),
  kk: describeSpikeRule('kk'),
  en: describeSpikeRule('en')
}

export const HOURLY_SPIKE_RULE: Record<Lang, string> = {
  ru: describeSpikeRule('ru', HOURLY_SPIKE_DEFAULTS),
  kk: describeSpikeRule('kk', HOURLY_SPIKE_DEFAULTS),
  en: describeSpikeRule('en', HOURLY_SPIKE_DEFAULTS)
}
