/**
 * The scheduled digest («каждый понедельник в 09:00»): when it runs next and which run is due.
 * Pure (instants in, instants out), shared by the main-process scheduler and the Reports page.
 */
import { addDays, dateInZone, zonedToUtc } from './time'
import { z } from 'zod'

export interface DigestSchedule {
  enabled: boolean
  /** ISO weekday: 1 Monday … 7 Sunday. */
  weekday: number
  /** 'HH:MM' in the workspace time zone. */
  time: string
}

export const DEFAULT_DIGEST_SCHEDULE: DigestSchedule = { enabled: false, weekday: 1, time: '09:00' }

export const digestScheduleSchema = z
  .object({
    enabled: z.boolean(),
    weekday: z.number().int().min(1).max(7),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Time as HH:MM')
  })
  .strict()

/** ISO weekday (1 Monday … 7 Sunday) of a 'YYYY-MM-DD'. */
function isoWeekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1
}

function runOn(date: string, time: string, tz: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const [h, mi] = time.split(':').map(Number) as [number, number]
  return zonedToUtc(y, m, d, h, mi, 0, tz)
}

/** The first scheduled instant strictly after `now`; null when the schedule is off. */
export function nextDigestRun(s: DigestSchedule, now: number, tz: string): number | null {
  if (!s.enabled) return null
  const today = dateInZone(now, tz)
  for (let i = 0; i <= 7; i++) {
    const day = addDays(today, i)
    if (isoWeekday(day) !== s.weekday) continue
    const t = runOn(day, s.time, tz)
    if (t > now) return t
  }
  return null
}

/** The latest scheduled instant at or before `now` (the run a switched-off workstation missed); null when off. */
export function lastDigestRun(s: DigestSchedule, now: number, tz: string): number | null {
  if (!s.enabled) return null
  const today = dateInZone(now, tz)
  for (let i = 0; i <= 7; i++) {
    const day = addDays(today, -i)
    if (isoWeekday(day) !== s.weekday) continue
    const t = runOn(day, s.time, tz)
    if (t <= now) return t
  }
  return null
}

/**
 * Whether a scheduled digest is due: the latest scheduled instant has passed and no scheduled digest
 * was made since it (catch-up after the workstation was off), and the schedule existed by then
 * (switching it on on Tuesday does not make Monday's run due).
 */
export function digestDue(
  s: DigestSchedule,
  now: number,
  tz: string,
  lastScheduledAt: number | null,
  enabledAt: number | null
): number | null {
  const due = lastDigestRun(s, now, tz)
  if (due === null) return null
  if (enabledAt !== null && enabledAt > due) return null
  if (lastScheduledAt !== null && lastScheduledAt >= due) return null
  return due
}

/** The schedule in a settings value, defaults filled in (a damaged value means "off"). */
export function scheduleOf(value: unknown): DigestSchedule {
  const r = digestScheduleSchema.safeParse(value)
  return r.success ? r.data : DEFAULT_DIGEST_SCHEDULE
}
