import { clock } from '../../../shared/clock'
import { EventEmitter } from 'node:events'
import type { Db } from '../db/open'
import type { MentionAnalyzer } from '../ingest'
import { OtklikError } from '../../../shared/errors'
import { collectOnce } from './collect'
import { importThroughPipeline } from './default-importer'
import type { FolderImporter } from './folder-source'
import { runRound } from './round'
import {
  resolveSettings,
  type CollectEventMap,
  type CollectEventName,
  type CollectReport,
  type CollectSettings,
  type MentionMatcher,
  type SourceRow
} from './types'

export interface SchedulerOptions {
  analyzer?: MentionAnalyzer | null
  /** Asked before every round, so that edited monitoring subjects apply without a restart. */
  getMatcher?: () => MentionMatcher | null
  settings?: Partial<CollectSettings> | null
  importer?: FolderImporter
  now?: () => number
}

/**
 * Runs due sources in the background. Events: 'collect:status' (CollectStatusEvent) when a round starts,
 * after each source and when the round ends; 'mentions:new' (MentionsNewEvent) when a source stored new
 * mentions. start() and stop() are idempotent. One round at a time: in this process by a flag, across the
 * app and the CLI by the database lock (a round held elsewhere is retried on a later tick).
 */
export class CollectionScheduler extends EventEmitter {
  private readonly db: Db
  private readonly opts: SchedulerOptions
  private readonly settings: CollectSettings
  private readonly now: () => number
  private timer: NodeJS.Timeout | null = null
  private abort: AbortController | null = null
  private current: Promise<unknown> | null = null
  private stopping: Promise<void> | null = null

  constructor(db: Db, opts: SchedulerOptions = {}) {
    super()
    this.db = db
    this.opts = opts
    this.settings = resolveSettings(opts.settings)
    this.now = opts.now ?? clock.now
  }

  get started(): boolean {
    return this.abort !== null
  }

  /** True while a round runs. */
  get running(): boolean {
    return this.current !== null
  }

  /** Starts the loop; the first check comes after settings.startDelayMs and catches up on runs missed while closed. */
  start(): void {
    if (this.abort) return
    this.abort = new AbortController()
    this.arm(this.settings.startDelayMs)
  }

  /** Stops the loop, aborts requests in flight and waits for the round to wind down. */
  stop(): Promise<void> {
    if (this.stopping) return this.stopping
    if (!this.abort) return Promise.resolve()
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    const abort = this.abort
    abort.abort()
    const current = this.current
    this.stopping = (async () => {
      try {
        await current
      } catch {
        /* the round reports through events; nothing to do on stop */
      }
    })().finally(() => {
      this.abort = null
      this.stopping = null
    })
    return this.stopping
  }

  /** "Collect now" from the UI: every enabled source (or one) at once, waiting for a running round. */
  async runNow(sourceId?: number): Promise<CollectReport> {
    const p = collectOnce(this.db, {
      sourceId,
      analyzer: this.opts.analyzer,
      matcher: this.opts.getMatcher?.() ?? null,
      settings: this.settings,
      importer: this.opts.importer ?? importThroughPipeline,
      now: this.now,
      onEvent: (name, payload) => this.emitEvent(name, payload),
      signal: this.abort?.signal
    })
    return p
  }

  private emitEvent<K extends CollectEventName>(name: K, payload: CollectEventMap[K]): void {
    try {
      this.emit(name, payload)
    } catch {
      /* a listener's error must not break collection */
    }
  }

  private arm(delay: number): void {
    if (!this.abort || this.stopping) return
    if (this.timer) clearTimeout(this.timer)
    // 20 ms floor: a source whose status cannot be saved must not spin the loop.
    this.timer = setTimeout(() => this.tick(), Math.max(20, Math.min(delay, this.settings.tickMaxMs)))
    this.timer.unref?.()
  }

  private tick(): void {
    this.timer = null
    if (!this.abort || this.current) return
    const signal = this.abort.signal
    let delay = this.settings.tickMaxMs
    try {
      const now = this.now()
      const due = this.db
        .prepare('SELECT count(*) FROM sources WHERE enabled = 1 AND (next_run IS NULL OR next_run <= ?)')
        .pluck()
        .get(now) as number
      if (!due) {
        const next = this.db.prepare('SELECT min(next_run) FROM sources WHERE enabled = 1').pluck().get() as
          number | null
        this.arm(next === null ? this.settings.tickMaxMs : Math.max(50, next - now))
        return
      }
    } catch {
      this.arm(delay) // database busy: look again later
      return
    }
    const select = (): SourceRow[] =>
      this.db
        .prepare(
          'SELECT * FROM sources WHERE enabled = 1 AND (next_run IS NULL OR next_run <= ?) ORDER BY next_run, id'
        )
        .all(this.now()) as SourceRow[]
    const round = runRound(
      this.db,
      select,
      {
        analyzer: this.opts.analyzer,
        matcher: this.opts.getMatcher?.() ?? null,
        settings: this.settings,
        importer: this.opts.importer ?? importThroughPipeline,
        now: this.now,
        onEvent: (name, payload) => this.emitEvent(name, payload),
        signal
      },
      0
    )
    this.current = round
      .then(() => {
        delay = 0 // look for the next due source straight away
      })
      .catch((e: unknown) => {
        // Another process holds the round: try again a little later. Other errors are rare (database gone).
        delay =
          e instanceof OtklikError && e.code === 'DB_LOCKED'
            ? Math.min(5_000, this.settings.tickMaxMs)
            : this.settings.tickMaxMs
      })
      .finally(() => {
        this.current = null
        if (!signal.aborted) this.arm(delay)
      })
  }
}
