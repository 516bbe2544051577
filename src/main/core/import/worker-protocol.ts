import { OtklikError, type ErrorCode } from '../../../shared/errors'
import type { BatchReport, ImportOptions, ImportPreview, ImportProgress } from './types'

/**
 * The messages between the app's main thread and an import worker (src/main/workers/import.ts).
 * Plain data only: what crosses a worker boundary is copied with the structured clone algorithm,
 * which keeps neither classes nor functions, so errors travel as {name, code, message, details}.
 */

/** ImportOptions without what cannot cross a thread: the worker builds its own analyzer on its connection. */
export type WorkerImportOptions = Omit<ImportOptions, 'analyzer' | 'signal' | 'onProgress'> & {
  /** Analyse each mention (sentiment, topics, subjects, stories) as the in-process import does with an analyzer. */
  analyze: boolean
}

/** What `imports:preview` asks (see previewFile): the worker previews instead of importing. */
export interface WorkerPreviewOptions {
  preset?: string
  mapping?: ImportOptions['mapping']
  timezone?: string
  rows?: number
}

export interface ImportWorkerData {
  dbPath: string
  file: string
  options: WorkerImportOptions
  /** Set: preview the file (nothing written, no import lock) and answer 'previewed'. */
  preview?: WorkerPreviewOptions
  /** better_sqlite3.node for this runtime (Electron), as the main thread uses it. */
  nativeBinding?: string
  /** The main thread's clock, so a pinned clock (OTKLIK_NOW, --now) holds in the worker too. */
  clock: { now: number; pinned: boolean }
}

/** main → worker */
export type ToImportWorker = { type: 'cancel' }

/** worker → main */
export type FromImportWorker =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; report: BatchReport }
  | { type: 'previewed'; preview: ImportPreview }
  | { type: 'failed'; error: SerializedError }

export interface SerializedError {
  name: string
  message: string
  /** OtklikError's code, or a system/SQLite code (ENOENT, SQLITE_FULL) that the IO translation reads. */
  code?: string
  details?: Record<string, unknown>
  otklik: boolean
}

/** An error as plain data, keeping what the API and the UI read from it. */
export function serializeError(e: unknown): SerializedError {
  if (e instanceof OtklikError)
    return { name: e.name, message: e.message, code: e.code, details: plain(e.details), otklik: true }
  const err = e as { name?: unknown; message?: unknown; code?: unknown } | null
  return {
    name: typeof err?.name === 'string' ? err.name : 'Error',
    message: typeof err?.message === 'string' ? err.message : String(e),
    code: typeof err?.code === 'string' ? err.code : undefined,
    otklik: false
  }
}

/** The error again on this side: an OtklikError with the same code, message and details, or an Error with its code. */
export function deserializeError(s: SerializedError): Error {
  if (s.otklik) return new OtklikError(s.code as ErrorCode, s.message, s.details)
  const e = new Error(s.message) as Error & { code?: string }
  e.name = s.name
  if (s.code) e.code = s.code
  return e
}

function plain(d: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!d) return undefined
  try {
    return structuredClone(d)
  } catch {
    return JSON.parse(JSON.stringify(d)) as Record<string, unknown>
  }
}
