import { parentPort, workerData } from 'node:worker_threads'
import { setDefaultNativeBinding, type Db } from '../core/db/open'
import { openWorkspaceDatabase } from '../core/workspace'
import { acquireLock, type JobLock } from '../core/db/lock'
import { importFile, previewFile } from '../core/import'
import { workspaceAnalyzer } from '../core/analysis/analyzer'
import { alignClock } from '../../shared/clock'
import { OtklikError } from '../../shared/errors'
import {
  serializeError,
  type FromImportWorker,
  type ImportWorkerData,
  type ToImportWorker
} from '../core/import/worker-protocol'

/**
 * Imports (or previews) one file off the main thread: its own connection to the workspace file (WAL lets the main
 * thread read meanwhile), the same pipeline as the CLI (importFile), progress posted back. The main thread
 * invalidates its caches and announces the change once the batch is committed. Started per import by
 * src/main/core/import/worker-client.ts; exits when done.
 */
const data = workerData as ImportWorkerData
const port = parentPort!
const post = (m: FromImportWorker): void => port.postMessage(m)
const cancel = new AbortController()
port.on('message', (m: ToImportWorker) => {
  if (m.type === 'cancel') cancel.abort()
})
// Listening for a cancel must not keep the thread alive: it ends when the import has answered.
port.unref()

/** The lock row says "an import runs" to other processes on this file; the main thread queues its own. */
const LOCK_WAIT_MS = 10_000

async function main(): Promise<FromImportWorker> {
  setDefaultNativeBinding(data.nativeBinding)
  if (data.clock.pinned) alignClock(data.clock.now, true)
  const db = openWorkspaceDatabase(data.dbPath)
  if (data.preview) {
    // A preview writes nothing (its trial rows roll back): no import lock.
    try {
      return { type: 'previewed', preview: await previewFile(db, data.file, data.preview) }
    } finally {
      db.close()
    }
  }
  let lock: JobLock | null = null
  try {
    lock = takeLock(db)
    const { analyze, ...options } = data.options
    const report = await importFile(db, data.file, {
      ...options,
      analyzer: analyze ? workspaceAnalyzer(db) : null,
      signal: cancel.signal,
      onProgress: (progress) => post({ type: 'progress', progress })
    })
    return { type: 'done', report }
  } finally {
    // Released and closed before the answer goes out, so the next import in the queue finds the lock free.
    try {
      lock?.release()
    } catch {
      /* the main thread frees a row its worker left behind (worker-client.ts freeLock) */
    }
    db.close()
  }
}

function takeLock(db: Db): JobLock {
  try {
    return acquireLock(db, 'import', { waitMs: LOCK_WAIT_MS })
  } catch (e) {
    if (e instanceof OtklikError) throw e
    if (/locked|busy/i.test((e as Error).message))
      throw new OtklikError(
        'DB_LOCKED',
        'Another import or job is writing to the workspace. Try again when it has finished.'
      )
    throw e
  }
}

main().then(post, (e) => post({ type: 'failed', error: serializeError(e) }))
