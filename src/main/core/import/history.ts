import type { Db } from '../db'
import type { ImportHistoryEntry, LineMessage } from '../../../shared/import'

/** The import history, newest first (file, size, SHA-256, preset, counts, who and when, undone or not). */
export function listImportHistory(
  db: Db,
  opts: { limit?: number; kinds?: string[] } = {}
): ImportHistoryEntry[] {
  const kinds = opts.kinds ?? ['import', 'folder']
  const rows = db
    .prepare(
      `SELECT * FROM import_batches WHERE kind IN (${kinds.map(() => '?').join(',')}) ORDER BY id DESC LIMIT ?`
    )
    .all(...kinds, opts.limit ?? 200) as Record<string, unknown>[]
  return rows.map((r) => ({
    id: r.id as number,
    kind: r.kind as string,
    fileName: (r.file_name as string) ?? null,
    filePath: (r.file_path as string) ?? null,
    fileSize: (r.file_size as number) ?? null,
    sha256: (r.sha256 as string) ?? null,
    preset: (r.preset as string) ?? null,
    encoding: (r.encoding as string) ?? null,
    delimiter: (r.delimiter as string) ?? null,
    sheet: (r.sheet as string) ?? null,
    headerRow: (r.header_row as number) ?? null,
    rows: r.rows as number,
    inserted: r.inserted as number,
    updated: r.updated as number,
    duplicates: r.duplicates as number,
    rejected: r.rejected as number,
    errors: parse(r.errors),
    warnings: parse(r.warnings),
    createdBy: (r.created_by as string) ?? null,
    createdAt: r.created_at as number,
    undoneAt: (r.undone_at as number) ?? null
  }))
}

function parse(v: unknown): LineMessage[] {
  if (typeof v !== 'string') return []
  try {
    return JSON.parse(v) as LineMessage[]
  } catch {
    return []
  }
}
