/** The reports history: which files the digests wrote, so only those are opened or served. */
import { existsSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Db } from '../db/open'
import type { ReportView } from '../../../shared/views'

/**
 * The absolute path when `path` is a file some digest in the history wrote and it is still on disk;
 * null otherwise (another file, a removed one, a folder). Opening and the test host's download route
 * go through it, so neither reaches a file the reports did not make.
 */
export function reportHistoryFile(db: Db, path: string): string | null {
  const wanted = resolve(path)
  const rows = db.prepare('SELECT files FROM reports ORDER BY id DESC').pluck().all() as string[]
  for (const r of rows) {
    let files: unknown
    try {
      files = JSON.parse(r)
    } catch {
      continue
    }
    if (!Array.isArray(files) || !files.some((f) => typeof f === 'string' && resolve(f) === wanted)) continue
    return existsSync(wanted) && statSync(wanted).isFile() ? wanted : null
  }
  return null
}

/** The reports history, newest first (at most 200). */
export function listReports(db: Db): ReportView[] {
  return (
    db
      .prepare(
        'SELECT id, period_from, period_to, lang, files, mentions, created_at, created_by FROM reports ORDER BY id DESC LIMIT 200'
      )
      .all() as Record<string, unknown>[]
  ).map((r) => ({
    id: r.id as number,
    periodFrom: r.period_from as string,
    periodTo: r.period_to as string,
    lang: r.lang as string,
    files: JSON.parse(r.files as string) as string[],
    mentions: (r.mentions as number | null) ?? null,
    createdAt: r.created_at as number,
    createdBy: (r.created_by as string | null) ?? null
  }))
}
