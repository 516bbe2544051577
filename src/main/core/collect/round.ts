import type { Db } from '../db/open'
import { acquireLock, withoutBusyWait, type JobLock } from '../db/lock'
import { importsSettled } from '../import/worker-client'
import { getSettings } from '../db/settings'
import { OtklikError } from '../../../shared/errors'
import { isoInZone } from '../../../shared/time'
import type { AdapterContext, FetchedItems } from './adapter'
import { CollectError, describeFailure, isAbort } from './errors'
import { collectFolder, type FolderImporter } from './folder-source'
import { HttpClient } from './http'
import { collectFeed } from './rss-source'
import { computeNextRun, parseSchedule } from './schedule'
import { readState } from './sources'
import { keepItems, recordStatus, storeItems } from './store'
import { collectTelegram } from './telegram-source'
import {
  resolveSettings,
  type CollectEventSink,
  type CollectReport,
  type RoundOptions,
  type SourceResult,
  type SourceRow
} from './types'

export interface RoundDeps extends RoundOptions {
  importer: FolderImporter
}

const LOCK_NAME = 'collect'
const HEARTBEAT_MS = 20_000

/**
 * Takes the 'collect' lock without blocking the event loop: polls acquireLock until `waitMs` passes
 * (acquireLock's own wait sleeps synchronously, which would freeze the app's requests meanwhile).
 */
export async function acquireCollectLock(db: Db, waitMs: number, signal?: AbortSignal): Promise<JobLock> {
  const deadline = performance.now() + waitMs
  for (;;) {
    try {
      return acquireLock(db, LOCK_NAME, { waitMs: 0 })
    } catch (e) {
      if (
        !(e instanceof OtklikError) ||
        e.code !== 'DB_LOCKED' ||
        performance.now() >= deadline ||
        signal?.aborted
      ) {
        if (e instanceof OtklikError && e.code === 'DB_LOCKED') {
          throw new OtklikError(
            'DB_LOCKED',
            'Another collection round is running on this database (in the app or a CLI). Wait for it to finish and try again.',
            { name: LOCK_NAME }
          )
        }
        throw e
      }
    }
    await new Promise((r) => setTimeout(r, Math.min(100, Math.max(1, deadline - performance.now()))))
  }
}

/**
 * Runs a round while holding the collect lock: `select` picks the sources once the lock is held (so it
 * sees what the previous round stored), and each runs once. The answer lists them in that order.
 */
export async function runRound(
  db: Db,
  select: () => SourceRow[],
  deps: RoundDeps,
  lockWaitMs?: number
): Promise<CollectReport> {
  const settings = resolveSettings(deps.settings)
  const lock = await acquireCollectLock(db, lockWaitMs ?? settings.lockWaitMs, deps.signal)
  let rows: SourceRow[]
  try {
    rows = select()
  } catch (e) {
    lock.release()
    throw e
  }
  const heartbeat = setInterval(() => {
    try {
      // Never waits: a watched folder's import in a worker may hold the write lock for a while.
      withoutBusyWait(db, () => lock.heartbeat())
    } catch {
      /* a busy database delays one heartbeat; the lock goes stale only after minutes */
    }
  }, HEARTBEAT_MS)
  heartbeat.unref?.()
  const emit: CollectEventSink = deps.onEvent ?? (() => {})
  const now = deps.now ?? Date.now
  const http = new HttpClient(settings)
  const timeZone = getSettings(db).timeZone
  const ctx: AdapterContext = {
    db,
    http,
    settings,
    timeZone,
    now,
    analyzer: deps.analyzer ?? null,
    signal: deps.signal
  }
  emit('collect:status', { running: true, sourceId: null })
  try {
    const results = await Promise.all(rows.map((row) => runSource(row, ctx, deps, emit)))
    const sources = results.filter((r): r is SourceResult => r !== null)
    emit('collect:status', {
      running: false,
      sourceId: null,
      totals: {
        sources: sources.length,
        errors: sources.filter((s) => s.status === 'error').length,
        new: sources.reduce((a, s) => a + s.new, 0)
      }
    })
    return { sources }
  } finally {
    clearInterval(heartbeat)
    http.close()
    lock.release()
  }
}

/** One source: fetch, keep, store, record status. Never throws: a failing source only reports. Null when stopped. */
async function runSource(
  row: SourceRow,
  ctx: AdapterContext,
  deps: RoundDeps,
  emit: CollectEventSink
): Promise<SourceResult | null> {
  const started = ctx.now()
  const result: SourceResult = {
    id: row.id,
    url: row.url,
    status: 'ok',
    fetched: 0,
    new: 0,
    duplicates: 0,
    error: null
  }
  const schedule = safeSchedule(row.schedule, ctx.timeZone)
  try {
    let batchId: number | null = null
    if (row.type === 'folder') {
      const f = await collectFolder(row, ctx, deps.importer)
      Object.assign(result, { fetched: f.rows, new: f.inserted, duplicates: f.duplicates })
      if (f.failed.length) {
        result.status = 'error'
        result.error = describeFailure(
          row,
          new CollectError(
            'folder',
            `${f.failed.length} file(s) could not be imported: ${f.failed.map((x) => `${x.file} (${x.reason})`).join('; ')}`,
            `They were moved to ${row.url}/failed with the reason beside each; fix them and drop them in again.`
          )
        )
      }
      // A bad file is not a failure of the folder: no back-off.
      recordStatus(ctx.db, row.id, {
        lastRun: started,
        status: result.status,
        error: result.error,
        fetched: result.fetched,
        inserted: result.new,
        failures: 0,
        nextRun: computeNextRun(schedule, ctx.now(), 0, ctx.settings),
        success: true
      })
    } else {
      if (row.keep === 'matching' && !deps.matcher) {
        throw new CollectError(
          'no-matcher',
          'it keeps only items that match a monitoring subject, but no subject is set up',
          'Add a monitoring subject, or set the source to keep all items.'
        )
      }
      const fetched: FetchedItems =
        row.type === 'telegram' ? await collectTelegram(row, ctx) : await collectFeed(row, ctx)
      const kept = keepItems(fetched.items, row.keep, deps.matcher)
      const state = { ...readState(row), ...(fetched.state ?? {}) }
      let name: string | null = null
      if (state.autoName && fetched.title) {
        name = fetched.title.slice(0, 200)
        delete state.autoName
      }
      const stateChanged = fetched.state !== undefined || name !== null
      // An import worker (a watched folder in this round, or the import page) holds the write lock
      // for its whole file: wait for it here rather than block the main thread in SQLite's busy wait.
      await importsSettled(ctx.db.name)
      ctx.db.transaction(() => {
        const s = storeItems(ctx.db, row, kept, {
          analyzer: ctx.analyzer,
          now: started,
          warnings: fetched.warnings
        })
        batchId = s.batchId
        Object.assign(result, {
          status: fetched.status,
          fetched: fetched.items.length,
          new: s.inserted,
          duplicates: s.duplicates
        })
        recordStatus(ctx.db, row.id, {
          lastRun: started,
          status: fetched.status,
          error: null,
          fetched: fetched.items.length,
          inserted: s.inserted,
          failures: 0,
          nextRun: computeNextRun(schedule, ctx.now(), 0, ctx.settings),
          success: true,
          ...(fetched.status === 'ok' && row.type === 'rss'
            ? { etag: fetched.etag ?? null, lastModified: fetched.lastModified ?? null }
            : {}),
          ...(stateChanged ? { state: JSON.stringify(state) } : {}),
          name
        })
      })()
    }
    if (result.new > 0) emit('mentions:new', { sourceId: row.id, count: result.new, batchId })
  } catch (e) {
    if (isAbort(e) || ctx.signal?.aborted) return null // stopped: the source keeps its next run and runs after restart
    const failures = row.failures + 1
    Object.assign(result, {
      status: 'error',
      fetched: 0,
      new: 0,
      duplicates: 0,
      error: describeFailure(row, e)
    })
    try {
      recordStatus(ctx.db, row.id, {
        lastRun: started,
        status: 'error',
        error: result.error,
        fetched: 0,
        inserted: 0,
        failures,
        nextRun: computeNextRun(schedule, ctx.now(), failures, ctx.settings),
        success: false
      })
    } catch (dbErr) {
      result.error += ` (The status could not be saved: ${(dbErr as Error).message})`
    }
  }
  const nextRun =
    (ctx.db.prepare('SELECT next_run FROM sources WHERE id = ?').pluck().get(row.id) as
      number | null | undefined) ?? null
  emit('collect:status', {
    running: true,
    sourceId: row.id,
    result,
    nextRun: nextRun === null ? null : isoInZone(nextRun, ctx.timeZone)
  })
  return result
}

/** A stored schedule that no longer parses (edited by hand) falls back to the default instead of stopping collection. */
function safeSchedule(text: string, tz: string): ReturnType<typeof parseSchedule> {
  try {
    return parseSchedule(text, tz)
  } catch {
    return parseSchedule('30m', tz)
  }
}
