import { addDays } from './time'

/** The filter panel's periods: all but `custom` are relative to today and stay so in saved views. */
export const PERIOD_PRESETS = [
  'today',
  'yesterday',
  '7d',
  'thisWeek',
  'lastWeek',
  'thisMonth',
  '30d',
  'all',
  'custom'
] as const
export type PeriodPreset = (typeof PERIOD_PRESETS)[number]

/** Day of week of 'YYYY-MM-DD', 0 = Sunday (the calendar date itself, no time zone involved). */
export function weekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay()
}

/**
 * The inclusive date range of a preset, given today's date in the workspace time zone and the first
 * day of the week (0 = Sunday, 1 = Monday). periodRange('thisWeek', '2026-11-19', 1) →
 * {from: '2026-11-16', to: '2026-11-19'}. 'all' gives null; 'custom' uses `custom`.
 */
export function periodRange(
  preset: PeriodPreset,
  today: string,
  weekStart: number,
  custom?: { from?: string | null; to?: string | null }
): { from?: string; to?: string } | null {
  const weekFirst = addDays(today, -((weekday(today) - weekStart + 7) % 7))
  switch (preset) {
    case 'today':
      return { from: today, to: today }
    case 'yesterday':
      return { from: addDays(today, -1), to: addDays(today, -1) }
    case '7d':
      return { from: addDays(today, -6), to: today }
    case '30d':
      return { from: addDays(today, -29), to: today }
    case 'thisWeek':
      return { from: weekFirst, to: today }
    case 'lastWeek':
      return { from: addDays(weekFirst, -7), to: addDays(weekFirst, -1) }
    case 'thisMonth':
      return { from: `${today.slice(0, 7)}-01`, to: today }
    case 'all':
      return null
    case 'custom': {
      const r: { from?: string; to?: string } = {}
      if (custom?.from) r.from = custom.from
      if (custom?.to) r.to = custom.to
      return r.from || r.to ? r : null
    }
  }
}
