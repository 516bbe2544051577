import type { Db } from '../db'
import { openWorkspaceDatabase } from '../workspace'
import { Ingestor } from '../ingest'
import type { MentionInput } from '../../../shared/types'
import { withinFileMessage } from './duplicates'
import { applyPlan } from './mapping/apply'
import { describePlan } from './mapping/plan'
import { planFor, resolveOptions } from './resolve'
import { openSource } from './source/open'
import type { ImportPreview, LineMessage, MappingFile, PreviewRow } from './types'

const DEFAULT_ROWS = 50

/**
 * Reads a file's beginning and shows what an import would do: detected preset, encoding, delimiter,
 * sheet, header row, the mapping (field ← column, and per field why), the first rows mapped with their
 * problems and whether each would be new or a duplicate (of which row, by what). The rows go through
 * the real Ingestor in a transaction that is rolled back, so the preview and the import cannot disagree;
 * without a workspace a scratch in-memory one is used. Writes nothing.
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
  const mapped: { row: PreviewRow; mention: MentionInput }[] = []

  // The sample holds the first rows; a preview asking for more reads on (and stops early).
  const records = src.layout.sample.length >= want ? [src.layout.sample] : src.records()
  outer: for await (const batch of records) {
    for (const rec of batch) {
      if (rows.length >= want) break outer
      if (rec.cells.every((c) => c === null || c === undefined || String(c).trim() === '') && !rec.problem)
        continue
      if (rec.problem) {
        rows.push({ line: rec.line, mention: null, status: 'rejected', errors: [rec.problem], warnings: [] })
        continue
      }
      const m = applyPlan(plan, rec.cells, resolved.tz)
      if (!m.ok) {
        rows.push({
          line: rec.line,
          mention: null,
          status: m.mediaOnly ? 'media' : 'rejected',
          errors: m.mediaOnly ? [] : [m.error],
          warnings: m.warnings
        })
        continue
      }
      const row: PreviewRow = {
        line: rec.line,
        mention: m.mention,
        status: 'new',
        errors: [],
        warnings: m.warnings
      }
      rows.push(row)
      mapped.push({ row, mention: m.mention })
    }
  }
  if (Symbol.asyncIterator in records) await (records as AsyncGenerator).return?.(undefined)

  const collapse = classify(db, mapped)

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
    fields: plan.choices,
    timezone: resolved.tz,
    rows,
    warnings: [...src.layout.notes, ...plan.warnings, ...collapse]
  }
}

/**
 * Sets each mapped row's status (new / duplicate, and what it matched) by adding the rows with the real
 * Ingestor and rolling back. Synchronous from BEGIN to ROLLBACK, so nothing else on this connection can
 * run inside the transaction. Returns the warning when rows collapse among themselves.
 */
function classify(db: Db | null, mapped: { row: PreviewRow; mention: MentionInput }[]): LineMessage[] {
  if (!mapped.length) return []
  const scratch = db ?? openWorkspaceDatabase(':memory:', { create: true })
  const nested = scratch.inTransaction
  scratch.exec(nested ? 'SAVEPOINT otklik_preview' : 'BEGIN')
  let within = 0
  let first: { line: number; matchedLine: number | null; reason: 'id' | 'url' | 'content' } | null = null
  try {
    const ing = new Ingestor(scratch, {})
    const lineOf = new Map<number, number>()
    for (const { row, mention } of mapped) {
      if (ing.add(mention) === 'inserted') {
        lineOf.set(ing.insertedIds[ing.insertedIds.length - 1]!, row.line)
        continue
      }
      row.status = 'duplicate'
      const hit = ing.lastMatch!
      const matchedLine = lineOf.get(hit.id) ?? null
      row.duplicateOf = {
        reason: hit.reason,
        mentionId: db && matchedLine === null ? hit.id : null,
        matchedLine
      }
      if (matchedLine !== null) {
        within++
        first ??= { line: row.line, matchedLine, reason: hit.reason }
      }
    }
    ing.flush()
  } finally {
    if (nested) scratch.exec('ROLLBACK TO otklik_preview; RELEASE otklik_preview')
    else scratch.exec('ROLLBACK')
    if (!db) scratch.close()
  }
  return first ? [{ line: first.line, message: withinFileMessage(within, first) }] : []
}
