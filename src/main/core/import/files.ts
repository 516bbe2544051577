import { basename } from 'node:path'
import type { Db } from '../db'
import { undoBatch } from '../ingest'
import { OtklikError } from '../../../shared/errors'
import { runImport } from './run'
import { isDatabaseIoError, translateIoError } from '../db/io-errors'
import type { BatchReport, FileFailure, ImportOptions } from './types'

/**
 * Imports one file as one batch (atomic). Throws OtklikError('IMPORT_UNREADABLE') when the file cannot
 * be read at all; nothing is written then.
 */
export async function importFile(db: Db, path: string, opts: ImportOptions = {}): Promise<BatchReport> {
  return runImport(db, path, opts)
}

/**
 * Imports several files, each its own batch; a file that cannot be read appears as {file, error} and the
 * others go on (`failed` is then true: the CLI exits with 1). Cancelling stops the whole run.
 */
export async function importFiles(
  db: Db,
  paths: string[],
  opts: ImportOptions = {}
): Promise<{ batches: (BatchReport | FileFailure)[]; failed: boolean }> {
  const batches: (BatchReport | FileFailure)[] = []
  let failed = false
  for (const path of paths) {
    opts.signal?.throwIfAborted()
    try {
      batches.push(await runImport(db, path, opts))
    } catch (e) {
      if ((e as Error)?.name === 'AbortError' || opts.signal?.aborted) throw e
      // A full disk or read-only database is not this file's fault and fails every next file too: stop, say so.
      if (isDatabaseIoError(e)) throw translateIoError(e, { path: db.name }) ?? e
      failed = true
      const msg = (e as Error)?.message ?? String(e)
      batches.push({ file: path, error: msg.includes(basename(path)) ? msg : `${basename(path)}: ${msg}` })
    }
  }
  return { batches, failed }
}

/** `import --undo ID [--force]`: removes what the batch alone brought. Manual labels need force. */
export function undoImport(db: Db, id: number, force = false): { undone: number; deleted: number } {
  if (!Number.isInteger(id) || id <= 0)
    throw new OtklikError('VALIDATION', `"${id}" is not an import batch id.`)
  return undoBatch(db, id, { force })
}
