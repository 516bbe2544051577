import { EventEmitter } from 'node:events'
import type { Db } from './db/open'
import { openDatabase } from './db/open'
import { getSettings, type Settings } from './db/settings'
import { MentionQueries } from './queries/mentions'
import { WorkspaceAnalyzer } from './analysis/analyzer'
import type { LabelChange } from './analysis/models'
import type { CatalogPart, EventName, Events } from '../../shared/api'

/** Typed events main pushes to every window and the test host's SSE clients. */
export class WorkspaceEvents {
  private readonly em = new EventEmitter()
  constructor() {
    this.em.setMaxListeners(100)
  }
  emit<E extends EventName>(event: E, payload: Events[E]): void {
    this.em.emit(event, payload)
  }
  on<E extends EventName>(event: E, cb: (payload: Events[E]) => void): () => void {
    this.em.on(event, cb)
    return () => this.em.off(event, cb)
  }
}

/** One open workspace: its database, queries and events. Shared by the app, the CLI and the test host. */
export class Workspace {
  readonly events = new WorkspaceEvents()
  readonly mentions: MentionQueries
  private settingsCache: Settings | null = null

  constructor(
    readonly db: Db,
    readonly dbPath: string
  ) {
    this.mentions = new MentionQueries(db, () => this.settings().timeZone)
  }

  static open(dbPath: string, opts: { create?: boolean } = {}): Workspace {
    return new Workspace(openDatabase(dbPath, { create: opts.create }), dbPath)
  }

  /**
   * The analysis every write path of the app runs on new mentions (language, sentiment with the office's
   * learned model, topics, subjects, stories): wired here, once, for imports, collection and re-analysis.
   */
  analyzer(): WorkspaceAnalyzer {
    return new WorkspaceAnalyzer(this.db)
  }

  settings(): Settings {
    return (this.settingsCache ??= getSettings(this.db))
  }

  /** Call after anything that changes settings or the rows a filter returns. */
  changed(reason: Events['mentions:changed']['reason'], count?: number): void {
    this.settingsCache = null
    this.mentions.invalidate()
    this.events.emit('mentions:changed', { reason, count })
  }

  /** Call after topics, subjects, sources, authors or saved views change: every window's lists reload. */
  catalogChanged(part: CatalogPart): void {
    this.events.emit('catalog:changed', { part })
  }

  /** Set by the app: called after labels change (the office model retrains in the background when due). */
  onLabelsChanged: ((change: LabelChange) => void) | null = null

  labelsChanged(change: LabelChange): void {
    this.onLabelsChanged?.(change)
  }

  close(): void {
    if (this.db.open) this.db.close()
  }
}
