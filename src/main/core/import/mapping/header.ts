import { HEADER_SEARCH_LINES } from '../limits'
import type { CellValue } from '../values/dates'
import { headerLikeness } from './generic'
import type { PresetDef, PresetMatch } from './presets'
import { detectPreset } from './presets'

export interface HeadRecord {
  line: number
  cells: CellValue[]
}

export interface HeaderFound {
  /** Index into the records given. */
  index: number
  line: number
  match: PresetMatch | null
}

/**
 * Finds the header row among a file's (sheet's) first records: the row that best fits a known preset,
 * else the first row that looks like a header (short distinct labels, as many as the data has columns).
 * `headerRow` forces a line; `only` limits the presets considered (a forced preset).
 */
export function findHeader(
  records: HeadRecord[],
  opts: { headerRow?: number | null; only?: PresetDef[] } = {}
): HeaderFound | null {
  if (!records.length) return null
  if (opts.headerRow) {
    const index = records.findIndex((r) => r.line >= opts.headerRow!)
    if (index < 0) return null
    return { index, line: records[index]!.line, match: detectPreset(records[index]!.cells, opts.only) }
  }
  const head = records.filter((r) => r.line <= HEADER_SEARCH_LINES)
  let best: HeaderFound | null = null
  for (let index = 0; index < head.length; index++) {
    const match = detectPreset(head[index]!.cells, opts.only)
    if (match && (!best?.match || match.score > best.match.score))
      best = { index, line: head[index]!.line, match }
  }
  if (best) return best
  const widths = records.map((r) => nonEmpty(r.cells))
  const typical = mode(widths.slice(Math.min(widths.length - 1, 1)))
  const scores = head.map((r, i) => (widths[i]! >= Math.max(2, typical * 0.6) ? headerLikeness(r.cells) : 0))
  const max = Math.max(0, ...scores)
  if (max < 2) return null
  const index = scores.findIndex((s) => s >= max * 0.6)
  return { index, line: head[index]!.line, match: null }
}

function nonEmpty(cells: CellValue[]): number {
  let n = 0
  for (const c of cells) if (c !== null && c !== undefined && String(c).trim() !== '') n++
  return n
}

function mode(xs: number[]): number {
  const counts = new Map<number, number>()
  let best = 0
  let bestN = 0
  for (const x of xs) {
    const n = (counts.get(x) ?? 0) + 1
    counts.set(x, n)
    if (n > bestN || (n === bestN && x > best)) {
      best = x
      bestN = n
    }
  }
  return best
}
