import { Cron } from 'croner'
import { OtklikError } from '../../../shared/errors'

export type Schedule =
  { kind: 'interval'; ms: number; text: string } | { kind: 'cron'; text: string; cron: Cron }

const INTERVAL = /^(\d+)\s*(m|min|h|d)$/i
const MIN_INTERVAL_MS = 60_000
const MAX_INTERVAL_MS = 7 * 86_400_000
const cronCache = new Map<string, Cron>()

/** An interval ('15m', '2h', '1d') or a 5/6-field cron expression ('0 9 * * 1-5'). Throws VALIDATION. */
export function parseSchedule(text: string, timeZone = 'Asia/Almaty'): Schedule {
  const s = (text ?? '').trim()
  const m = INTERVAL.exec(s)
  if (m) {
    const unit = m[2]!.toLowerCase()
    const ms = Number(m[1]) * (unit === 'h' ? 3600_000 : unit === 'd' ? 86_400_000 : 60_000)
    if (ms < MIN_INTERVAL_MS || ms > MAX_INTERVAL_MS) {
      throw new OtklikError(
        'VALIDATION',
        `Schedule "${s}" is out of range: use every 1m to 7d (e.g. 15m, 2h).`,
        { schedule: s }
      )
    }
    return { kind: 'interval', ms, text: `${m[1]}${unit === 'min' ? 'm' : unit}` }
  }
  if (s.split(/\s+/).length < 5) {
    throw new OtklikError(
      'VALIDATION',
      `Schedule "${s}" is neither an interval (15m, 2h, 1d) nor a cron expression ("0 */2 * * *").`,
      { schedule: s }
    )
  }
  const key = `${timeZone}|${s}`
  let cron = cronCache.get(key)
  if (!cron) {
    try {
      cron = new Cron(s, { timezone: timeZone, paused: true })
    } catch (e) {
      throw new OtklikError(
        'VALIDATION',
        `Cron expression "${s}" is invalid: ${(e as Error).message.replace(/^CronPattern:\s*/, '')}.`,
        { schedule: s }
      )
    }
    if (!cron.nextRun())
      throw new OtklikError('VALIDATION', `Cron expression "${s}" never runs.`, { schedule: s })
    cronCache.set(key, cron)
  }
  return { kind: 'cron', text: s.replace(/\s+/g, ' '), cron }
}

/** The next regular run after `from` (no jitter). */
export function nextRegularRun(schedule: Schedule, from: number): number {
  if (schedule.kind === 'interval') return from + schedule.ms
  const next = schedule.cron.nextRun(new Date(from))
  return next ? next.getTime() : from + 86_400_000
}

/** Retry delay after `failures` consecutive failures: base, 2×base, 4×base, … up to max. */
export function backoffDelay(failures: number, baseMs: number, maxMs: number): number {
  if (failures <= 0) return 0
  return Math.min(maxMs, baseMs * 2 ** Math.min(failures - 1, 30))
}

/**
 * When a source runs next: its regular time plus a little jitter (up to 10% of an interval, capped),
 * and never before the back-off after failures.
 */
export function computeNextRun(
  schedule: Schedule,
  from: number,
  failures: number,
  s: { jitterMaxMs: number; backoffBaseMs: number; backoffMaxMs: number },
  random: () => number = Math.random
): number {
  const regular = nextRegularRun(schedule, from)
  const span =
    schedule.kind === 'interval'
      ? Math.min(s.jitterMaxMs, schedule.ms * 0.1)
      : Math.min(s.jitterMaxMs, 30_000)
  const jittered = regular + Math.floor(random() * Math.max(0, span))
  return Math.max(jittered, from + backoffDelay(failures, s.backoffBaseMs, s.backoffMaxMs))
}
