import { Worker } from 'node:worker_threads'
import type { Db } from '../db/open'
import { getDefaultNativeBinding } from '../db/open'
import {
  analyseCommitted,
  pageWriter,
  progressWithin,
  type RowAnalysis
} from '../ingest/analyse-committed'
import type { MentionAnalyzer } from '../ingest'
import { workerEntry } from '../worker-entry'
import { WorkspaceAnalyzer } from './analyzer'

/**
 * When a batch's second phase runs its pure part (sentiment, language, topics, subjects, story
 * signatures) in a worker thread beside the thread that stores the results: from this many rows waiting
 * (below it the worker's start, a second copy of the model, costs more than it saves). `pagesAhead`: pages
 * the worker may have analysed before the writer took them (memory: a page is ~5,000 results). Settable
 * for tests and bench/import-bench.ts (`OTKLIK_BENCH_WORKER`).
 */
export const ANALYSIS_WORKER = {
  fromRows: 20_000,
  pagesAhead: 2,
  heapMb: 256,
  /**
   * The worker's young generation (MB): 8 instead of V8's default. 50k-row BA file, peak RSS of the
   * importing process 500–564 MB against 528–598 MB, CPU within 1–3 % (bench/import-bench.ts, alternating).
   */
  youngMb: 8 as number | null,
  /** Tests only: the worker fails (as a read error would) when asked for a page after this many. */
  failAfterPages: null as number | null
}

/** The worker stopped or failed: what it has not analysed is analysed in the calling thread. */
class WorkerFailed extends Error {}

/** Pages the worker has analysed in this process (tests and benches see that it ran). */
export const analysisWorkerStats = { pages: 0 }

export interface AnalysisWorkerData {
  dbPath: string
  batchId: number
  nativeBinding?: string
  failAfterPages?: number | null
}
export type ToAnalysisWorker = { type: 'more' }
export type FromAnalysisWorker =
  | { type: 'page'; page: RowAnalysis[] }
  | { type: 'end' }
  | { type: 'failed'; message: string; stack: string | null }


/**
 * analyseCommitted with the analysis of page k+1 in a worker while this thread stores page k: the same
 * rows, the same results in the same order (the worker builds the workspace's analyzer from the same
 * file), stories placed here in id order. Small batches, in-memory databases and analyzers the caller
 * built with its own model run in this thread (analyseCommitted).
 */
export async function analyseCommittedInParallel(
  db: Db,
  batchId: number,
  analyzer: MentionAnalyzer,
  opts: { onProgress?: (done: number) => void; signal?: AbortSignal } = {}
): Promise<number> {
  const waiting = () =>
    (
      db
        .prepare('SELECT count(*) AS n FROM mentions WHERE batch_id = ? AND analysed_at IS NULL')
        .get(batchId) as { n: number }
    ).n
  if (
    !(analyzer instanceof WorkspaceAnalyzer) ||
    !analyzer.fromWorkspace ||
    db.memory ||
    ANALYSIS_WORKER.fromRows === Infinity ||
    waiting() < ANALYSIS_WORKER.fromRows
  )
    return analyseCommitted(db, batchId, analyzer, opts)

  const data: AnalysisWorkerData = {
    dbPath: db.name,
    batchId,
    nativeBinding: getDefaultNativeBinding(),
    failAfterPages: ANALYSIS_WORKER.failAfterPages
  }
  const worker = new Worker(workerEntry('analyse-worker.js', 'analyse-dev.cjs'), {
    workerData: data,
    resourceLimits: {
      maxOldGenerationSizeMb: ANALYSIS_WORKER.heapMb,
      ...(ANALYSIS_WORKER.youngMb ? { maxYoungGenerationSizeMb: ANALYSIS_WORKER.youngMb } : {})
    }
  })
  const pages = messages(worker)
  const write = pageWriter(db, analyzer)
  let done = 0
  try {
    for (let i = 0; i < ANALYSIS_WORKER.pagesAhead; i++) worker.postMessage({ type: 'more' } satisfies ToAnalysisWorker)
    for (;;) {
      const m = await pages.next()
      if (m.type === 'end') break
      if (m.type === 'failed') throw new WorkerFailed(m.message)
      analysisWorkerStats.pages++
      worker.postMessage({ type: 'more' } satisfies ToAnalysisWorker)
      opts.signal?.throwIfAborted()
      write(m.page, { onRow: progressWithin(done, opts.onProgress) })
      done += m.page.length
      opts.onProgress?.(done)
    }
  } catch (e) {
    // The worker's failure (out of its heap, a crash) costs time, not labels: the rows it has not
    // analysed are analysed here. Anything else (a write error, a cancel) goes to the caller.
    if (!(e instanceof WorkerFailed)) throw e
    await worker.terminate()
    return done + analyseCommitted(db, batchId, analyzer, {
      ...opts,
      onProgress: (n) => opts.onProgress?.(done + n)
    })
  } finally {
    await worker.terminate()
  }
  return done
}

/** The worker's messages one at a time; a crash or an early exit ends the wait with an error. */
function messages(worker: Worker): { next(): Promise<FromAnalysisWorker> } {
  const queue: FromAnalysisWorker[] = []
  let waiter: { resolve: (m: FromAnalysisWorker) => void; reject: (e: Error) => void } | null = null
  let failure: Error | null = null
  const fail = (e: Error) => {
    failure ??= e
    waiter?.reject(failure)
    waiter = null
  }
  worker.on('message', (m: FromAnalysisWorker) => {
    if (waiter) {
      waiter.resolve(m)
      waiter = null
    } else queue.push(m)
  })
  worker.on('error', (e) => fail(new WorkerFailed(`The analysis worker stopped: ${e.message}`)))
  worker.on('exit', (code) => fail(new WorkerFailed(`The analysis worker exited (code ${code}).`)))
  return {
    next: () => {
      const m = queue.shift()
      if (m) return Promise.resolve(m)
      if (failure) return Promise.reject(failure)
      return new Promise((resolve, reject) => (waiter = { resolve, reject }))
    }
  }
}
