import { isTimeZone, wallToUtc } from '../../../../shared/time'

/** A cell as sources hand it over: text (CSV, JSON, XLSX strings) or a number (XLSX numeric cells). */
export type CellValue = string | number | null | undefined

interface Wall {
  y: number
  mo: number
  d: number
  h: number
  mi: number
  s: number
  ms: number
  /** Minutes east of UTC when the text names its zone (Z, +05:00); undefined for a naive time. */
  offset?: number
  hasTime: boolean
}

const MONTHS: Record<string, number> = {}
;[
  ['jan', 'янв', 'қаң'],
  ['feb', 'фев', 'ақп'],
  ['mar', 'мар', 'нау'],
  ['apr', 'апр', 'сәу'],
  ['may', 'мая', 'май', 'мам'],
  ['jun', 'июн', 'мау'],
  ['jul', 'июл', 'шіл'],
  ['aug', 'авг', 'там'],
  ['sep', 'сен', 'қыр'],
  ['oct', 'окт', 'қаз'],
  ['nov', 'ноя', 'қар'],
  ['dec', 'дек', 'жел']
].forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)))

const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*([AaPp]\.?[Mm]\.?)?`
const ZONE = String.raw`\s*(Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?`
const SEP_TIME = String.raw`(?:[T\s,]+(?:в\s+)?` + TIME + ')?' + ZONE
const DAY_FIRST = new RegExp(
  String.raw`^(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})(?:\s*г\.?)?` + SEP_TIME + '$'
)
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})[-./](\d{1,2})[-./](\d{1,2})` + SEP_TIME + '$')
const DAY_MONTHNAME = new RegExp(
  String.raw`^(\d{1,2})[\s-]+([\p{L}]{3,})\.?[\s-]+(\d{4})(?:\s*г\.?)?` + SEP_TIME + '$',
  'u'
)
const MONTHNAME_DAY = new RegExp(String.raw`^([A-Za-z]{3,})\.?\s+(\d{1,2}),?\s+(\d{4})` + SEP_TIME + '$')
const TIME_ONLY = new RegExp('^' + TIME + '$')

/**
 * Parses a date/time cell into epoch ms (UTC). Naive wall-clock times are read in `tz`.
 * parseDateTime('24.08.2026 23:59', 'Asia/Almaty') → Date.UTC(2026, 7, 24, 18, 59);
 * also ISO 8601 with/without offset, epoch s/ms, XLSX serial numbers, '24 августа 2026', 'Aug 24, 2026 11:59 PM'.
 */
export function parseDateTime(v: CellValue, tz: string): number | null {
  const w = parseWall(v)
  if (w === null) return null
  return typeof w === 'number' ? w : wallReadingToUtc(w, tz)
}

/** Date cell plus a separate time cell (Brand Analytics, YouScan): the time is used when the date has none. */
export function combineDateTime(dateV: CellValue, timeV: CellValue, tz: string): number | null {
  const w = parseWall(dateV)
  if (w === null) return null
  if (typeof w === 'number') return w
  if (!w.hasTime) {
    const t = parseTimeOfDay(timeV)
    if (t !== null) {
      w.h = Math.floor(t / 3_600_000)
      w.mi = Math.floor(t / 60_000) % 60
      w.s = Math.floor(t / 1000) % 60
      w.hasTime = true
    }
  }
  return wallReadingToUtc(w, tz)
}

/** Milliseconds since midnight of a time cell: '23:59', '11:59 PM', '23:59:30', XLSX fraction 0.999. */
export function parseTimeOfDay(v: CellValue): number | null {
  if (v === null || v === undefined) return null
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || v < 0) return null
    const frac = v - Math.floor(v)
    return Math.round(frac * 86_400) * 1000
  }
  const s = v.trim()
  if (!s) return null
  const m = TIME_ONLY.exec(s)
  if (!m) return null
  const hm = clock(m[1], m[2], m[3], m[5])
  return hm === null ? null : hm
}

function clock(
  hs: string | undefined,
  ms: string | undefined,
  ss: string | undefined,
  ampm: string | undefined
): number | null {
  let h = Number(hs)
  const mi = Number(ms)
  const sec = ss ? Number(ss) : 0
  if (ampm) {
    if (h < 1 || h > 12) return null
    const pm = ampm[0] === 'p' || ampm[0] === 'P'
    h = (h % 12) + (pm ? 12 : 0)
  }
  if (h > 23 || mi > 59 || sec > 60) return null
  return ((h * 60 + mi) * 60 + Math.min(sec, 59)) * 1000
}

/** An absolute instant (number) or a wall-clock reading (possibly with its own offset). */
function parseWall(v: CellValue): Wall | number | null {
  if (v === null || v === undefined) return null
  if (typeof v === 'number') return fromNumber(v)
  const s = v.trim()
  if (!s) return null
  if (/^\d+$/.test(s)) {
    if (s.length === 8) return fromParts(Number(s.slice(0, 4)), Number(s.slice(4, 6)), Number(s.slice(6, 8)))
    return s.length >= 9 && s.length <= 13 ? fromNumber(Number(s)) : null
  }
  let m = DAY_FIRST.exec(s)
  if (m) {
    let d = Number(m[1])
    let mo = Number(m[2])
    // Day first unless that cannot be (03/17/2023 is month first).
    if (mo > 12 && d <= 12) [d, mo] = [mo, d]
    return withTime(fromParts(year(m[3]!), mo, d), m, 4)
  }
  m = YEAR_FIRST.exec(s)
  if (m) return withTime(fromParts(Number(m[1]), Number(m[2]), Number(m[3])), m, 4)
  m = DAY_MONTHNAME.exec(s)
  if (m) return withTime(fromParts(Number(m[3]), month(m[2]!), Number(m[1])), m, 4)
  m = MONTHNAME_DAY.exec(s)
  if (m) return withTime(fromParts(Number(m[3]), month(m[1]!), Number(m[2])), m, 4)
  return null
}

function fromNumber(n: number): Wall | number | null {
  if (!Number.isFinite(n) || n <= 0) return null
  if (n >= 1e11 && n < 1e14) return Math.round(n) // epoch ms
  if (n >= 1e8 && n < 1e11) return Math.round(n * 1000) // epoch seconds
  if (n >= 25_569 && n < 73_051) {
    // An XLSX serial day number (1970..2100): wall-clock time in the workbook, no zone.
    const t = Math.round((n - 25_569) * 86_400) * 1000
    const dt = new Date(t)
    return {
      y: dt.getUTCFullYear(),
      mo: dt.getUTCMonth() + 1,
      d: dt.getUTCDate(),
      h: dt.getUTCHours(),
      mi: dt.getUTCMinutes(),
      s: dt.getUTCSeconds(),
      ms: 0,
      hasTime: n !== Math.floor(n)
    }
  }
  return null
}

function fromParts(y: number, mo: number, d: number): Wall | null {
  if (!(y >= 1970 && y <= 2100) || !(mo >= 1 && mo <= 12) || !(d >= 1 && d <= daysIn(y, mo))) return null
  return { y, mo, d, h: 0, mi: 0, s: 0, ms: 0, hasTime: false }
}

/** Reads the optional time (groups i..i+4) and zone (group i+5) of a date match. */
function withTime(w: Wall | null, m: RegExpExecArray, i: number): Wall | null {
  if (!w) return null
  if (m[i] !== undefined) {
    const t = clock(m[i], m[i + 1], m[i + 2], m[i + 4])
    if (t === null) return null
    w.h = Math.floor(t / 3_600_000)
    w.mi = Math.floor(t / 60_000) % 60
    w.s = Math.floor(t / 1000) % 60
    const frac = m[i + 3]
    if (frac) w.ms = Math.round(Number('0.' + frac) * 1000) % 1000
    w.hasTime = true
  }
  const z = m[i + 5]
  if (z) w.offset = zoneMinutes(z)
  return w
}

function zoneMinutes(z: string): number {
  if (z === 'Z' || z === 'z' || z === 'UTC' || z === 'GMT') return 0
  const sign = z[0] === '-' ? -1 : 1
  const digits = z.slice(1).replace(':', '')
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || 0))
}

function year(s: string): number {
  const n = Number(s)
  return s.length === 2 ? (n < 70 ? 2000 + n : 1900 + n) : n
}

function month(name: string): number {
  return MONTHS[name.toLowerCase().slice(0, 3)] ?? 0
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
function daysIn(y: number, mo: number): number {
  return mo === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0) ? 29 : DAYS[mo - 1]!
}

function wallReadingToUtc(w: Wall, tz: string): number {
  const guess = Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s, w.ms)
  if (w.offset !== undefined) return guess - w.offset * 60_000
  return wallToUtc(guess, tz)
}

/** Throws a readable error for a zone name Intl does not know. */
export function checkTimeZone(tz: string): void {
  if (!isTimeZone(tz)) throw new Error(`Unknown time zone "${tz}" (use an IANA name such as Asia/Almaty).`)
}
