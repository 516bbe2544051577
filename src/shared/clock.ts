/**
 * The one clock of the app. Every "now" and "today" of the core, the CLI, the test host and the
 * renderer comes from here; no other module reads `Date.now()` or `new Date()` (a lint rule checks).
 *
 * Normally it is the system clock. Tests and reproducible runs pin it with the CLI's `--now
 * YYYY-MM-DDTHH:MM` (or `OTKLIK_NOW` for the test host): the clock then starts at that instant and
 * runs on from there at real speed, so timestamps stay ordered and timers still fire. The renderer
 * aligns its clock with the host's (`clock:now`), so both agree on "today".
 *
 * Durations (timeouts, elapsed times) are not "now": they use `performance.now()` or `elapsedSince`.
 */

import { zonedToUtc } from './time'

export interface Clock {
  /** Epoch milliseconds of the current instant. */
  now(): number
  /** True when the clock was pinned (`--now`, `OTKLIK_NOW`, or aligned to a pinned host). */
  readonly pinned: boolean
}

// The wall clock of the machine; the only place it is read.
// eslint-disable-next-line no-restricted-syntax
const systemNow = (): number => Date.now()

let offsetMs = 0
let isPinned = false

/** The process's clock. */
export const clock: Clock = {
  now: () => systemNow() + offsetMs,
  get pinned() {
    return isPinned
  }
}

/** Shorthand for `clock.now()`. */
export function now(): number {
  return clock.now()
}

/** The current instant as a Date (for formatting). */
export function nowDate(): Date {
  return new Date(clock.now())
}

/**
 * Parses a `--now` value: `YYYY-MM-DDTHH:MM[:SS]` with an optional zone (`Z`, `+05:00`); without one it is
 * read in `timeZone` (Asia/Almaty by default) so `--now 2026-11-22T15:00` means the office's wall clock.
 * Returns epoch ms or throws an Error saying what is expected.
 */
export function parseNow(value: string, timeZone = 'Asia/Almaty'): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(
    value.trim()
  )
  if (!m) throw new Error(`--now takes YYYY-MM-DDTHH:MM (for example 2026-11-22T15:00), not "${value}"`)
  const [y, mo, d, h = '00', mi = '00', s = '00'] = m.slice(1, 7) as string[]
  const zone = m[7]
  const parts = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number]
  const check = new Date(Date.UTC(parts[0], parts[1] - 1, parts[2], parts[3], parts[4], parts[5]))
  if (
    check.getUTCFullYear() !== parts[0] ||
    check.getUTCMonth() !== parts[1] - 1 ||
    check.getUTCDate() !== parts[2] ||
    parts[3] > 23 ||
    parts[4] > 59 ||
    parts[5] > 59
  )
    throw new Error(`--now: "${value}" is not a real date and time`)
  const asUtc = check.getTime()
  if (zone) {
    if (zone === 'Z') return asUtc
    const zm = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!
    const off = (Number(zm[2]) * 60 + Number(zm[3])) * (zm[1] === '-' ? -1 : 1)
    return asUtc - off * 60000
  }
  return zonedToUtc(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], timeZone)
}

/** Pins the clock: from now on `clock.now()` starts at `at` (epoch ms) and runs at real speed. */
export function pinClock(at: number): void {
  offsetMs = at - systemNow()
  isPinned = true
}

/** Aligns this clock with another one that read `remoteNow` a moment ago (the renderer with its host). */
export function alignClock(remoteNow: number, remotePinned: boolean): void {
  offsetMs = remoteNow - systemNow()
  isPinned = remotePinned
}

/** Back to the system clock (tests). */
export function resetClock(): void {
  offsetMs = 0
  isPinned = false
}

/** Pins the clock from `OTKLIK_NOW` when it is set; returns the instant, or null. */
export function pinClockFromEnv(env: Record<string, string | undefined>, timeZone?: string): number | null {
  const v = env.OTKLIK_NOW
  if (!v) return null
  const at = parseNow(v, timeZone)
  pinClock(at)
  return at
}
