import { EARLIEST_MS, zonedToUtc } from '../../../shared/time'

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  // Russian abbreviations and genitive forms seen in feeds of local sites.
  янв: 1,
  фев: 2,
  мар: 3,
  апр: 4,
  мая: 5,
  май: 5,
  июн: 6,
  июл: 7,
  авг: 8,
  сен: 9,
  окт: 10,
  ноя: 11,
  дек: 12
}

const ZONES: Record<string, number> = {
  ut: 0,
  utc: 0,
  gmt: 0,
  z: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  msk: 180,
  almt: 300,
  alma: 300,
  // RFC 822 military zones: RFC 2822 (4.3) says their signs were printed wrong and they SHOULD be read
  // as -0000, i.e. UTC, not as the machine's or the workspace's zone.
  ...Object.fromEntries([...'abcdefghiklmnopqrstuvwxy'].map((l) => [l, 0]))
}

/**
 * A feed date as epoch ms, or null. RFC 822 (pubDate: 'Mon, 16 Nov 2026 09:30:00 +0500', zone names,
 * Russian month names) and ISO 8601 (updated, dc:date: '2026-11-16T09:30:00+05:00'). A time without
 * an offset is read in `tz` (the workspace zone), not in the zone of the machine.
 */
export function parseFeedDate(raw: string | null | undefined, tz: string): number | null {
  const t = readFeedDate(raw, tz)
  // A date before 1990 (the year 1000, a zero timestamp) is a broken feed, not history: taken as missing.
  return t !== null && Number.isFinite(t) && t >= EARLIEST_MS ? t : null
}

/** The date a feed wrote, as epoch ms, even when it cannot be true (the feed parser warns about those). */
export function readFeedDate(raw: string | null | undefined, tz: string): number | null {
  if (!raw) return null
  const s = String(raw).trim()
  if (!s) return null
  // W3CDTF (ISO 8601 profile): YYYY, YYYY-MM, YYYY-MM-DD, then hh:mm[:ss[.s]] with a zone.
  const iso =
    /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i.exec(
      s
    )
  if (iso) {
    const [, y, mo = '1', d = '1', h = '0', mi = '0', sec = '0', frac = '', zone] = iso
    const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0
    return withZone(
      Number(y),
      Number(mo),
      Number(d),
      Number(h),
      Number(mi),
      Number(sec),
      ms,
      zone ?? null,
      tz
    )
  }
  const rfc =
    /^(?:[^\d,]+,?\s*)?(\d{1,2})\s+([^\s\d.]+)\.?\s+(\d{2,4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*([+-]\d{2}:?\d{2}|[a-z]{1,5})?/i.exec(
      s
    )
  if (rfc) {
    const [, d, monName, yText, h = '0', mi = '0', sec = '0', zone] = rfc
    const mo = MONTHS[monName!.toLowerCase().slice(0, 3)] ?? MONTHS[monName!.toLowerCase()]
    if (mo) {
      let y = Number(yText)
      if (y < 100) y += y < 70 ? 2000 : 1900
      return withZone(y, mo, Number(d), Number(h), Number(mi), Number(sec), 0, zone ?? null, tz)
    }
  }
  // Anything else only when it names its zone, so the machine's zone never leaks in.
  if (/(Z|[+-]\d{2}:?\d{2}|GMT|UTC)\s*$/i.test(s)) {
    const t = Date.parse(s)
    if (Number.isFinite(t)) return t
  }
  return null
}

function withZone(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  ms: number,
  zone: string | null,
  tz: string
): number | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return null
  if (!zone) return zonedToUtc(y, mo, d, h, mi, s, tz, ms)
  const z = zone.toLowerCase()
  let offset: number | undefined
  const num = /^([+-])(\d{2}):?(\d{2})?$/.exec(z)
  if (num) offset = (num[1] === '-' ? -1 : 1) * (Number(num[2]) * 60 + Number(num[3] ?? 0))
  else offset = ZONES[z]
  if (offset === undefined) return zonedToUtc(y, mo, d, h, mi, s, tz, ms)
  return Date.UTC(y, mo - 1, d, h, mi, s, ms) - offset * 60_000
}
