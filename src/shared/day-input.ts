/**
 * Dates as people type them (dd.mm.yyyy), checked so a form can say what is wrong in words: the
 * date fields of the filter panel, Reports and every other form use these, never their own parser.
 */

/** 'YYYY-MM-DD' → 'dd.mm.yyyy' (empty for null). formatDay('2026-11-05') → '05.11.2026'. */
export function formatDay(iso: string | null | undefined): string {
  if (!iso) return ''
  const [y, m, d] = iso.split('-')
  return `${d}.${m}.${y}`
}

/** Days in a month of a year (month 1–12). daysInMonth(2026, 2) → 28. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** Why a typed date is not a date, with what the message needs. */
export type DayProblem =
  | { kind: 'format' }
  | { kind: 'month'; month: string }
  | { kind: 'dayRange' }
  | { kind: 'noSuchDay'; month: string; days: number }

/**
 * 'dd.mm.yyyy' (also d.m.yyyy) → {iso} or {problem}. checkDay('31.02.2026') →
 * {problem: {kind: 'noSuchDay', month: '02.2026', days: 28}}; checkDay('5.1.2026') → {iso: '2026-01-05'}.
 */
export function checkDay(text: string): { iso: string } | { problem: DayProblem } {
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text.trim())
  if (!m) return { problem: { kind: 'format' } }
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const mm = String(mo).padStart(2, '0')
  if (mo < 1 || mo > 12) return { problem: { kind: 'month', month: mm } }
  if (d < 1 || d > 31) return { problem: { kind: 'dayRange' } }
  const days = daysInMonth(y, mo)
  if (d > days) return { problem: { kind: 'noSuchDay', month: `${mm}.${y}`, days } }
  return { iso: `${String(y).padStart(4, '0')}-${mm}-${String(d).padStart(2, '0')}` }
}

/** 'dd.mm.yyyy' → 'YYYY-MM-DD', or null when it is not a real calendar date. */
export function parseDay(text: string): string | null {
  const r = checkDay(text)
  return 'iso' in r ? r.iso : null
}

/** What is wrong with a period's two ends ('YYYY-MM-DD' or null), if anything. */
export type PeriodProblem = { kind: 'reversed'; from: string; to: string } | { kind: 'oneEnd' }

/**
 * checkPeriod('2026-11-20', '2026-11-10') → {kind: 'reversed', …}; `bothOrNone` makes one empty end a
 * problem too (Reports: an empty period means the last complete week, half a period means nothing).
 */
export function checkPeriod(
  from: string | null,
  to: string | null,
  opts: { bothOrNone?: boolean } = {}
): PeriodProblem | null {
  if (from && to && from > to) return { kind: 'reversed', from, to }
  if (opts.bothOrNone && !!from !== !!to) return { kind: 'oneEnd' }
  return null
}
