/** Time-zone arithmetic with Intl only (works in Node and the renderer). */

const dtfCache = new Map<string, Intl.DateTimeFormat>()
function dtf(tz: string): Intl.DateTimeFormat {
  let f = dtfCache.get(tz)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit'
    })
    dtfCache.set(tz, f)
  }
  return f
}

/** Offset of `tz` from UTC at instant `t`, in minutes (Asia/Almaty → 300). */
export function tzOffsetMinutes(t: number, tz: string): number {
  const parts = dtf(tz).formatToParts(new Date(t))
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value)
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'))
  return Math.round((asUtc - Math.floor(t / 1000) * 1000) / 60000)
}

// Intl offset look-ups cost microseconds; imports of a million rows need them cached (per zone, per quarter
// hour: zones change their offset on quarter-hour boundaries).
const offsetCache = new Map<string, Map<number, number>>()
function offsetAt(t: number, tz: string): number {
  let zone = offsetCache.get(tz)
  if (!zone) offsetCache.set(tz, (zone = new Map()))
  const bucket = Math.floor(t / 900_000)
  let off = zone.get(bucket)
  if (off === undefined) {
    off = tzOffsetMinutes(bucket * 900_000, tz)
    if (zone.size > 200_000) zone.clear()
    zone.set(bucket, off)
  }
  return off
}

/**
 * Epoch ms of a wall-clock reading in `tz`, the reading given as if it were UTC: the ONE conversion from
 * local time (imports, the clock's --now, day starts). A time a DST change skips is read with the offset
 * after it.
 */
export function wallToUtc(wallAsUtc: number, tz: string): number {
  let off = offsetAt(wallAsUtc, tz)
  let t = wallAsUtc - off * 60_000
  const off2 = offsetAt(t, tz)
  if (off2 !== off) {
    off = off2
    t = wallAsUtc - off * 60_000
  }
  return t
}

/**
 * Epoch ms of a wall-clock time in `tz`. zonedToUtc(2026, 11, 16, 0, 0, 0, 'Asia/Almaty') → 2026-11-15T19:00:00Z
 * (month is 1-based).
 */
export function zonedToUtc(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  tz: string,
  ms = 0
): number {
  return wallToUtc(Date.UTC(y, mo - 1, d, h, mi, s, ms), tz)
}

/** Whether Intl knows the zone name (an IANA name such as Asia/Almaty). */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz })
    return true
  } catch {
    return false
  }
}

/** Epoch ms of the start of a calendar day 'YYYY-MM-DD' in `tz`. */
export function dayStart(date: string, tz: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!m) throw new Error(`Not a date (YYYY-MM-DD): ${date}`)
  return zonedToUtc(Number(m[1]), Number(m[2]), Number(m[3]), 0, 0, 0, tz)
}

/** The calendar date 'YYYY-MM-DD' of instant `t` in `tz`. */
export function dateInZone(t: number, tz: string): string {
  const parts = dtf(tz).formatToParts(new Date(t))
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '00'
  return `${get('year')}-${get('month')}-${get('day')}`
}

/** 'YYYY-MM-DD' plus n days. */
export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const t = new Date(Date.UTC(y, m - 1, d + n))
  return t.toISOString().slice(0, 10)
}

/** Inclusive date range [from, to] in `tz` as a half-open epoch-ms interval [start, end). */
export function dateRange(from: string, to: string, tz: string): { start: number; end: number } {
  return { start: dayStart(from, tz), end: dayStart(addDays(to, 1), tz) }
}

/** ISO 8601 with the zone's offset: 2026-11-16T09:30:00+05:00 */
export function isoInZone(t: number, tz: string): string {
  const off = tzOffsetMinutes(t, tz)
  const local = new Date(t + off * 60000).toISOString().slice(0, 19)
  const sign = off >= 0 ? '+' : '-'
  const a = Math.abs(off)
  return `${local}${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`
}

/** dd.mm.yyyy of instant t in tz. */
export function formatDate(t: number, tz: string): string {
  const [y, m, d] = dateInZone(t, tz).split('-')
  return `${d}.${m}.${y}`
}

/** dd.mm.yyyy HH:MM of instant t in tz. */
export function formatDateTime(t: number, tz: string): string {
  const iso = isoInZone(t, tz)
  return `${formatDate(t, tz)} ${iso.slice(11, 16)}`
}

/** ISO week 'YYYY-Www' → its Monday and Sunday as dates. */
export function isoWeekRange(week: string): { from: string; to: string } {
  const m = /^(\d{4})-W(\d{2})$/.exec(week)
  if (!m) throw new Error(`Not an ISO week (YYYY-Www): ${week}`)
  const y = Number(m[1])
  const w = Number(m[2])
  const jan4 = new Date(Date.UTC(y, 0, 4))
  const dow = jan4.getUTCDay() || 7
  const monday = new Date(Date.UTC(y, 0, 4 - dow + 1 + (w - 1) * 7))
  const from = monday.toISOString().slice(0, 10)
  return { from, to: addDays(from, 6) }
}

/** The first and last dates the app accepts anywhere (filters, periods, feed dates): 1990-01-01 … 2100-12-31. */
export const EARLIEST_DATE = '1990-01-01'
export const LATEST_DATE = '2100-12-31'
/** EARLIEST_DATE as UTC milliseconds: a publication dated before it is taken as undated. */
export const EARLIEST_MS = Date.UTC(1990, 0, 1)

/** Whether 'YYYY-MM-DD' names a real calendar day within EARLIEST_DATE … LATEST_DATE. */
export function isAcceptedDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
  if (!m) return false
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return d.toISOString().slice(0, 10) === s && s >= EARLIEST_DATE && s <= LATEST_DATE
}
