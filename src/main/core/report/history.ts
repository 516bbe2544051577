/** The reports history: which files the digests wrote, so only those are opened or served. */
import { existsSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Db } from '../db/open'

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
