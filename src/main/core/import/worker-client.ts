import { Worker, type ResourceLimits } from 'node:worker_threads'
import { basename, resolve } from 'node:path'
import { workerEntry } from '../worker-entry'
import { getDefaultNativeBinding, type Db } from '../db/open'
import { withoutBusyWait } from '../db/lock'
import { clock } from '../../../shared/clock'
import { OtklikError } from '../../../shared/errors'
import {
  deserializeError,
  type FromImportWorker,
  type ImportWorkerData,
  type ToImportWorker,
  type WorkerImportOptions,
  type WorkerPreviewOptions
} from './worker-protocol'
import type { BatchReport, ImportPreview, ImportProgress } from './types'
import { importHeapMb, IMPORT_MEMORY_CEILING_MB, IMPORT_YOUNG_HEAP_MB } from './limits'
import type { FolderImporter } from '../collect/folder-source'

/** After a cancel, the worker rolls back and exits; one that does not within this long is stopped. */
const CANCEL_GRACE_MS = 10_000
/**
 * The import worker's heap, within the per-import memory ceiling (IMPORT_MEMORY_CEILING_MB, limits.ts). A
 * hostile file that would need more ends the worker (its transaction rolls back) with a LIMIT error naming
 * the file and the ceiling, instead of swapping the app.
 */
export function importWorkerLimits(ceilingMb = IMPORT_MEMORY_CEILING_MB): ResourceLimits {
  return { maxOldGenerationSizeMb: importHeapMb(ceilingMb), maxYoungGenerationSizeMb: IMPORT_YOUNG_HEAP_MB }
}

export interface WorkerImportRequest {
  dbPath: string
  file: string
  options: WorkerImportOptions
  /** The main thread's connection to the same file: frees the worker's lock row if the worker dies. */
  db?: Db
  signal?: AbortSignal
  onProgress?: (p: ImportProgress) => void
  /** The memory ceiling of this import (MB); IMPORT_MEMORY_CEILING_MB unless a test lowers it. */
  memoryCeilingMb?: number
}

/** Where the import worker's code is (worker-entry.ts). */
export function importWorkerEntry(): string {
  return workerEntry('import-worker.js', 'import-dev.cjs')
}

// One import at a time per workspace file in this process; the next one waits its turn (the worker also
// takes the database's 'import' lock, for other processes).
const queues = new Map<string, Promise<unknown>>()

/**
 * Imports one file in a worker thread, so the main thread keeps answering requests meanwhile. Resolves
 * with the same BatchReport as importFile; rejects with the worker's error (same code and message), or
 * with an AbortError when `signal` was aborted. The caller announces the change (ws.changed) after it.
 */
export function importInWorker(req: WorkerImportRequest): Promise<BatchReport> {
  const key = resolve(req.dbPath)
  const prev = queues.get(key) ?? Promise.resolve()
  const run = prev.then(
    () => runWorker(req),
    () => runWorker(req)
  )
  const tail = run.catch(() => undefined)
  queues.set(key, tail)
  void tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key)
  })
  return run
}

/**
 * Resolves when no import worker runs for this workspace file in this process. The main thread's own
 * writes wait for it here, asynchronously, instead of in SQLite's busy handler (which would block the thread).
 */
export async function importsSettled(dbPath: string): Promise<void> {
  for (let t = queues.get(resolve(dbPath)); t; t = queues.get(resolve(dbPath))) await t
}

/**
 * The import preview (previewFile) in a worker thread: reading and mapping a big sheet's beginning no
 * longer holds up the main thread. Not queued behind imports (it writes nothing).
 */
export function previewInWorker(req: {
  dbPath: string
  file: string
  options: WorkerPreviewOptions
}): Promise<ImportPreview> {
  return runWorker({ dbPath: req.dbPath, file: req.file, options: { analyze: false } }, req.options)
}

function runWorker(req: WorkerImportRequest): Promise<BatchReport>
function runWorker(req: WorkerImportRequest, preview: WorkerPreviewOptions): Promise<ImportPreview>
function runWorker(
  req: WorkerImportRequest,
  preview?: WorkerPreviewOptions
): Promise<BatchReport | ImportPreview> {
  req.signal?.throwIfAborted()
  const ceiling = req.memoryCeilingMb ?? IMPORT_MEMORY_CEILING_MB
  const data: ImportWorkerData = {
    dbPath: req.dbPath,
    file: req.file,
    options: req.options,
    preview,
    nativeBinding: getDefaultNativeBinding(),
    clock: { now: clock.now(), pinned: clock.pinned }
  }
  return new Promise<BatchReport | ImportPreview>((resolveReport, reject) => {
    const worker = new Worker(importWorkerEntry(), {
      workerData: data,
      resourceLimits: importWorkerLimits(ceiling)
    })
    let settled = false
    let killTimer: NodeJS.Timeout | null = null
    const settle = (fn: () => void): void => {
      if (settled) return
      settled = true
      req.signal?.removeEventListener('abort', onAbort)
      fn()
    }
    const onAbort = (): void => {
      worker.postMessage({ type: 'cancel' } satisfies ToImportWorker)
      killTimer ??= setTimeout(() => void worker.terminate(), CANCEL_GRACE_MS)
    }
    req.signal?.addEventListener('abort', onAbort, { once: true })
    worker.on('message', (m: FromImportWorker) => {
      if (m.type === 'progress') req.onProgress?.(m.progress)
      else if (m.type === 'done') settle(() => resolveReport(m.report))
      else if (m.type === 'previewed') settle(() => resolveReport(m.preview))
      else if (m.type === 'failed') settle(() => reject(deserializeError(m.error)))
    })
    worker.on('error', (e) => {
      settle(() => reject(crashError(req.file, e, ceiling)))
    })
    worker.on('exit', (code) => {
      if (killTimer) clearTimeout(killTimer)
      freeLock(req.db)
      settle(() =>
        reject(
          req.signal?.aborted
            ? abortError()
            : new OtklikError(
                'INTERNAL',
                `The ${preview ? 'preview' : 'import'} of ${basename(req.file)} stopped (worker exit ${code}).`
              )
        )
      )
    })
  })
}

/**
 * A worker that was stopped, crashed or could not release its lock row leaves it behind; this process's
 * queue knows the worker is gone, so the row is removed (a read first; the delete never waits for a writer).
 */
function freeLock(db: Db | undefined): void {
  try {
    if (!db?.prepare("SELECT 1 FROM locks WHERE name = 'import' AND pid = ?").get(process.pid)) return
    withoutBusyWait(db, () =>
      db.prepare("DELETE FROM locks WHERE name = 'import' AND pid = ?").run(process.pid)
    )
  } catch {
    /* the row goes stale on its own (STALE_LOCK_MS) */
  }
}

function crashError(file: string, e: Error, ceilingMb: number): Error {
  if ((e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY')
    return new OtklikError(
      'LIMIT',
      `${basename(file)} needs more than ${ceilingMb} MB of memory to import (the limit per import); nothing was written. Split the file or export it again.`,
      { file, limitMb: ceilingMb }
    )
  return e
}

function abortError(): Error {
  const e = new Error('The import was cancelled.')
  e.name = 'AbortError'
  return e
}

/**
 * The watched folder's importer (FolderImporter) through a worker: the collector keeps its own flow
 * (moves files, counts, announces new mentions); only the import itself leaves the main thread.
 */
export function workerFolderImporter(dbPath: string): FolderImporter {
  return (db: Db, path, opts) =>
    importInWorker({
      dbPath,
      file: path,
      options: { batchKind: opts.batchKind, sourceId: opts.sourceId, analyze: Boolean(opts.analyzer) },
      db,
      signal: opts.signal
    })
}
