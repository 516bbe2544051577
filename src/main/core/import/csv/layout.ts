import type { HeaderFound } from '../mapping/header'
import { findHeader } from '../mapping/header'
import type { PresetDef } from '../mapping/presets'
import { parseCsvText, type CsvRecord } from './tokenizer'

export const DELIMITERS = [';', ',', '\t', '|'] as const
const SNIFF_CHARS = 512 * 1024

export interface CsvHead {
  delimiter: string
  records: CsvRecord[]
  header: HeaderFound | null
}

/** '\\t', 'tab', 'TAB' → tab; ';' stays; anything longer than a character is refused. */
export function parseDelimiterOption(d: string): string {
  const t = d === '\\t' || /^tab$/i.test(d) ? '\t' : d
  if (t.length !== 1) throw new Error(`The delimiter must be one character (; , tab |), not "${d}".`)
  return t
}

/**
 * Sniffs the delimiter (; , tab |) and finds the header row in the file's decoded beginning.
 * A delimiter under which a known preset's header appears wins; otherwise the one that splits the
 * most lines into the same number of cells (the metadata lines Brandwatch puts first do not count against it).
 */
export function detectCsvHead(
  text: string,
  complete: boolean,
  opts: { delimiter?: string; headerRow?: number; only?: PresetDef[] } = {}
): CsvHead {
  const sample = text.length > SNIFF_CHARS ? text.slice(0, SNIFF_CHARS) : text
  const sampleComplete = complete && sample.length === text.length
  const parse = (d: string): CsvRecord[] => {
    const recs = parseCsvText(sample, d, { complete: sampleComplete })
    return recs.slice(0, 200)
  }
  if (opts.delimiter) {
    const records = parse(opts.delimiter)
    return { delimiter: opts.delimiter, records, header: findHeader(records, opts) }
  }
  let best: CsvHead | null = null
  let bestScore = -1
  for (const d of DELIMITERS) {
    const records = parse(d)
    const header = findHeader(records, opts)
    const score = header?.match ? 10 + header.match.score : consistency(records)
    if (score > bestScore) {
      best = { delimiter: d, records, header }
      bestScore = score
    }
  }
  return best!
}

/** Share of records (after the first few) that have the modal number of cells, when that is ≥ 2. */
function consistency(records: CsvRecord[]): number {
  if (records.length === 0) return 0
  const counts = new Map<number, number>()
  for (const r of records) counts.set(r.cells.length, (counts.get(r.cells.length) ?? 0) + 1)
  let modal = 0
  let modalN = 0
  for (const [k, n] of counts) if (n > modalN || (n === modalN && k > modal)) [modal, modalN] = [k, n]
  if (modal < 2) return 0
  return modalN / records.length
}
