import type { Db } from '../db/open'
import { importThroughPipeline } from './default-importer'
import type { FolderImporter } from './folder-source'
import { runRound } from './round'
import { getSourceRow } from './sources'
import type { CollectReport, RoundOptions, SourceRow } from './types'

export interface CollectOnceOptions extends RoundOptions {
  /** Only this source (runs even when disabled: it was asked for by id). */
  sourceId?: number
  /** The folder import entry point; default: the import pipeline's importFile. */
  importer?: FolderImporter
}

/**
 * `otklik collect [--source ID]`: runs every enabled source once now, waiting up to settings.lockWaitMs
 * for a round that is already running (then OtklikError DB_LOCKED). Sources that fail are reported
 * in the answer, never thrown. No sources: { sources: [] }. Unknown id: NOT_FOUND.
 */
export async function collectOnce(db: Db, opts: CollectOnceOptions = {}): Promise<CollectReport> {
  const { sourceId, importer, ...round } = opts
  if (sourceId !== undefined) getSourceRow(db, sourceId)
  else if ((db.prepare('SELECT count(*) FROM sources WHERE enabled = 1').pluck().get() as number) === 0)
    return { sources: [] }
  const select = (): SourceRow[] =>
    sourceId !== undefined
      ? (db.prepare('SELECT * FROM sources WHERE id = ?').all(sourceId) as SourceRow[])
      : (db.prepare('SELECT * FROM sources WHERE enabled = 1 ORDER BY id').all() as SourceRow[])
  return runRound(db, select, { ...round, importer: importer ?? importThroughPipeline })
}
