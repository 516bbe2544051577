import { EARLIEST_MS } from './time'

/**
 * When a publication date cannot be true: before 1990 (a zero or unset date such as 1970-01-01, the year
 * 1000) or more than a day ahead of the time it was collected. Such an item keeps its collection time,
 * with a warning. One rule for imports and feeds.
 */
/** How far ahead of the collection time a date may be (time zones, clocks a little off). */
export const MAX_AHEAD_MS = 86_400_000

export type ImplausibleDate = 'too-old' | 'future'

/** implausibleDate(0, now) → 'too-old'; implausibleDate(now + 2 days, now) → 'future'; a real date → null */
export function implausibleDate(ms: number, collectedAt: number): ImplausibleDate | null {
  if (!Number.isFinite(ms) || ms < EARLIEST_MS) return 'too-old'
  if (ms > collectedAt + MAX_AHEAD_MS) return 'future'
  return null
}
