import { parentPort, workerData } from 'node:worker_threads'
import { setDefaultNativeBinding } from '../core/db/open'
import { openWorkspaceDatabase } from '../core/workspace'
import { workspaceAnalyzer } from '../core/analysis/analyzer'
import { analyseRow, committedPage, type RowAnalysis } from '../core/ingest/analyse-committed'
import type { AnalysisWorkerData, FromAnalysisWorker, ToAnalysisWorker } from '../core/analysis/analyse-parallel'

/**
 * The pure part of a bulk import's second phase, beside the thread that stores it
 * (analysis/analyse-parallel.ts): reads the batch's committed rows a page at a time through its own
 * read-only connection (WAL: the writer goes on meanwhile), analyses them with the workspace's analyzer
 * built from the same file (model, topics, subjects), and posts each page's results. One page per
 * request, so at most the requested pages are ahead of the writer. Writes nothing.
 */
const data = workerData as AnalysisWorkerData
const port = parentPort!
const post = (m: FromAnalysisWorker, transfer: ArrayBuffer[] = []): void => port.postMessage(m, transfer)

setDefaultNativeBinding(data.nativeBinding)
const db = openWorkspaceDatabase(data.dbPath, { readonly: true })
const analyzer = workspaceAnalyzer(db)
const next = committedPage(db)
let after = 0
let ended = false
let posted = 0

port.on('message', (m: ToAnalysisWorker) => {
  if (m.type !== 'more' || ended) return
  try {
    if (data.failAfterPages != null && posted >= data.failAfterPages)
      throw new Error(`failing after ${posted} page(s), as a test asked`)
    const rows = next(data.batchId, after)
    if (!rows.length) {
      ended = true
      db.close()
      post({ type: 'end' })
      return
    }
    const page: RowAnalysis[] = rows.map((r) => analyseRow(analyzer, r))
    after = rows[rows.length - 1]!.id
    posted++
    post({ type: 'page', page }, page.flatMap((a) => (a.sig ? [a.sig.buffer as ArrayBuffer] : [])))
  } catch (e) {
    ended = true
    post({ type: 'failed', message: (e as Error).message, stack: (e as Error).stack ?? null })
  }
})
