import { OtklikError } from '../../../shared/errors'
import { addDays, dateInZone, dateRange, isoWeekRange } from '../../../shared/time'
import { clock } from '../../../shared/clock'

export interface ResolvedPeriod {
  from: string
  to: string
  days: number
  prevFrom: string
  prevTo: string
  /** Half-open epoch-ms intervals in the workspace time zone. */
  range: { start: number; end: number }
  prevRange: { start: number; end: number }
  /** Start instant of every day of the period, plus the end: bins for the daily chart. */
  dayStarts: number[]
}

const DATE = /^\d{4}-\d{2}-\d{2}$/

/** Days between two dates, inclusive: daysBetween('2026-11-16', '2026-11-22') → 7 */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1
}

/**
 * The last complete week before `now` in `tz`, weeks starting on `weekStart` (1 = Monday … 7 or 0 = Sunday).
 * lastCompleteWeek(Wed 2026-11-25, 'Asia/Almaty', 1) → { from: '2026-11-16', to: '2026-11-22' }
 */
export function lastCompleteWeek(now: number, tz: string, weekStart: number): { from: string; to: string } {
  const today = dateInZone(now, tz)
  const dow = new Date(`${today}T00:00:00Z`).getUTCDay() // 0 = Sunday
  const start = ((Math.round(weekStart) % 7) + 7) % 7
  const thisWeekStart = addDays(today, -((dow - start + 7) % 7))
  return { from: addDays(thisWeekStart, -7), to: addDays(thisWeekStart, -1) }
}

/** The period a digest covers: explicit dates, an ISO week, or the last complete week. */
export function resolvePeriod(
  opts: { from?: string; to?: string; week?: string; now?: number },
  tz: string,
  weekStart: number
): ResolvedPeriod {
  let from: string
  let to: string
  if (opts.week) {
    try {
      ;({ from, to } = isoWeekRange(opts.week))
    } catch {
      throw new OtklikError('VALIDATION', `Not an ISO week: "${opts.week}". Use YYYY-Www, e.g. 2026-W47.`, {
        week: opts.week
      })
    }
  } else if (opts.from || opts.to) {
    from = opts.from ?? opts.to!
    to = opts.to ?? opts.from!
    for (const d of [from, to]) {
      if (
        !DATE.test(d) ||
        Number.isNaN(Date.parse(`${d}T00:00:00Z`)) ||
        new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) !== d
      ) {
        throw new OtklikError('VALIDATION', `Not a date: "${d}". Use YYYY-MM-DD.`, { date: d })
      }
    }
    if (from > to)
      throw new OtklikError('VALIDATION', `The period starts (${from}) after it ends (${to}).`, { from, to })
  } else {
    ;({ from, to } = lastCompleteWeek(opts.now ?? clock.now(), tz, weekStart))
  }
  const days = daysBetween(from, to)
  if (days > 366)
    throw new OtklikError('LIMIT', `A digest covers at most a year; ${from} – ${to} is ${days} days.`, {
      from,
      to
    })
  const prevTo = addDays(from, -1)
  const prevFrom = addDays(from, -days)
  const dayStarts: number[] = []
  for (let i = 0; i <= days; i++) dayStarts.push(dateRange(addDays(from, i), addDays(from, i), tz).start)
  return {
    from,
    to,
    days,
    prevFrom,
    prevTo,
    range: dateRange(from, to, tz),
    prevRange: dateRange(prevFrom, prevTo, tz),
    dayStarts
  }
}
