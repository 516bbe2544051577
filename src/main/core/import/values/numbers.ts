import type { CellValue } from './dates'

const SUFFIX: Record<string, number> = {
  k: 1e3,
  к: 1e3,
  тыс: 1e3,
  m: 1e6,
  м: 1e6,
  млн: 1e6,
  b: 1e9,
  млрд: 1e9
}
// Spaces of every kind people and Excel put between thousands: space, NBSP, narrow NBSP, thin space, apostrophe.
const GROUP_SPACES = /[\s\u00a0\u202f\u2009\u2007']/g
const PLAIN = /^\d{1,15}$/
const NUMBER = /^([+-]?)(\d+(?:[.,]\d+)*)\s*(k|к|тыс|m|м|млн|b|млрд)?\.?$/i

/**
 * A count or measure from a cell: '2 786' (space or NBSP groups), '3,5' (decimal comma), '1,234,567',
 * '1.2K', '3,4 тыс.', '15.3M'; empty, '-' and words give null.
 * parseNumber('2\u00a0786') === 2786; parseNumber('3,4 тыс.') === 3400; parseNumber('1.2K') === 1200
 */
export function parseNumber(v: CellValue): number | null {
  if (v === null || v === undefined) return null
  if (typeof v === 'number') return Number.isFinite(v) ? v : null
  if (PLAIN.test(v)) return Number(v)
  let s = v.trim()
  if (!s) return null
  if (s.endsWith('%')) s = s.slice(0, -1)
  s = s.replace(GROUP_SPACES, '')
  const m = NUMBER.exec(s)
  if (!m) return null
  const digits = m[2]!
  const mult = m[3] ? (SUFFIX[m[3].toLowerCase()] ?? 1) : 1
  const n = Number(normaliseSeparators(digits))
  if (!Number.isFinite(n)) return null
  return (m[1] === '-' ? -n : n) * mult
}

/** '1,234,567' and '1.234.567' are groups; one separator before 3 digits after a comma is a group too ('1,234'). */
function normaliseSeparators(d: string): string {
  const commas = count(d, ',')
  const dots = count(d, '.')
  if (commas === 0 && dots === 0) return d
  if (commas > 0 && dots > 0) {
    // The last one is the decimal mark: '1,234.5' or '1.234,5'.
    const dec = d.lastIndexOf(',') > d.lastIndexOf('.') ? ',' : '.'
    const grp = dec === ',' ? '.' : ','
    return d.split(grp).join('').replace(dec, '.')
  }
  const sep = commas ? ',' : '.'
  const n = commas || dots
  if (n > 1) return /^\d{1,3}([.,]\d{3})+$/.test(d) ? d.split(sep).join('') : 'NaN'
  if (sep === ',') return /^\d{1,3},\d{3}$/.test(d) ? d.replace(',', '') : d.replace(',', '.')
  return d
}

function count(s: string, ch: string): number {
  let n = 0
  for (let i = s.indexOf(ch); i >= 0; i = s.indexOf(ch, i + 1)) n++
  return n
}

/** A non-negative whole count (metrics), or null. */
export function parseCount(v: CellValue): number | null {
  const n = parseNumber(v)
  return n === null || n < 0 ? null : Math.round(n)
}
