import { parentPort, workerData } from 'node:worker_threads'
import { alignClock } from '../../shared/clock'
import { setDefaultNativeBinding } from '../core/db/open'
import { openWorkspaceDatabase } from '../core/workspace'
import { trainOfficeModel } from '../core/analysis/models'

/**
 * Retrains the office's sentiment model off the main thread: opens its own connection to the
 * workspace file (WAL lets it read while the app works), trains, stores the model, reports back.
 */
const { dbPath, nativeBinding, now, clockPinned } = workerData as {
  dbPath: string
  nativeBinding?: string
  now: number
  clockPinned: boolean
}
alignClock(now, clockPinned)
setDefaultNativeBinding(nativeBinding)
const db = openWorkspaceDatabase(dbPath)
try {
  const info = trainOfficeModel(db)
  parentPort?.postMessage({ ok: true, info })
} catch (e) {
  parentPort?.postMessage({ ok: false, error: (e as Error).message })
} finally {
  db.close()
}
