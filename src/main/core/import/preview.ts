import type { Db } from '../db'
import { dedupKey } from '../ingest'
import { applyPlan } from './mapping/apply'
import { describePlan } from './mapping/plan'
import { planFor, resolveOptions } from './resolve'
import { openSource } from './source/open'
import type { ImportPreview, MappingFile, PreviewRow, PreviewStatus } from './types'

const DEFAULT_ROWS = 50

/**
 * Reads a file's beginning and shows what an import would do: detected preset, encoding, delimiter,
 * sheet, header row, the mapping (field ← column), the first rows mapped with their problems and, with
 * a database, whether each would be new or a duplicate. Writes nothing.
 */
export async function previewFile(
  db: Db | null,
  path: string,
  opts: { preset?: string; mapping?: MappingFile; timezone?: string; rows?: number } = {}
): Promise<ImportPreview> {
  const resolved = resolveOptions(db, opts)
  const src = await openSource(path, resolved.layout)
  const plan = planFor(src, resolved)
  const want = Math.max(1, opts.rows ?? DEFAULT_ROWS)
  const rows: PreviewRow[] = []
  const seen = new Set<string>()
  const byKey = db?.prepare('SELECT 1 FROM mentions WHERE dedup_key = ?').pluck()
  const byUrl = db?.prepare('SELECT 1 FROM mentions WHERE url_key = ? LIMIT 1').pluck()

  // The sample holds the first rows; a preview asking for more reads on (and stops early).
  const records = src.layout.sample.length >= want ? [src.layout.sample] : src.records()
  outer: for await (const batch of records) {
    for (const rec of batch) {
      if (rows.length >= want) break outer
      if (rec.cells.every((c) => c === null || c === undefined || String(c).trim() === '') && !rec.problem)
        continue
      if (rec.problem) {
        rows.push({
          line: rec.line,
          mention: null,
          status: db ? 'rejected' : null,
          errors: [rec.problem],
          warnings: []
        })
        continue
      }
      const m = applyPlan(plan, rec.cells, resolved.tz)
      if (!m.ok) {
        rows.push({
          line: rec.line,
          mention: null,
          status: db ? 'rejected' : null,
          errors: [m.error],
          warnings: m.warnings
        })
        continue
      }
      let status: PreviewStatus | null = null
      if (db) {
        const { key, urlKey } = dedupKey(m.mention)
        const dup =
          seen.has(key) ||
          (urlKey !== null && seen.has('u:' + urlKey)) ||
          byKey!.get(key) !== undefined ||
          (urlKey !== null && byUrl!.get(urlKey) !== undefined)
        status = dup ? 'duplicate' : 'new'
        seen.add(key)
        if (urlKey) seen.add('u:' + urlKey)
      }
      rows.push({ line: rec.line, mention: m.mention, status, errors: [], warnings: m.warnings })
    }
  }
  if (Symbol.asyncIterator in records) await (records as AsyncGenerator).return?.(undefined)

  return {
    file: path,
    format: src.layout.format,
    preset: plan.preset,
    presetVariant: plan.variant,
    encoding: src.layout.encoding,
    delimiter: src.layout.delimiter,
    sheet: src.layout.sheet,
    sheets: src.layout.sheets,
    headerRow: src.layout.headerRow,
    columns: src.layout.headers,
    mapping: describePlan(plan),
    timezone: resolved.tz,
    rows,
    warnings: [...src.layout.notes, ...plan.warnings]
  }
}
