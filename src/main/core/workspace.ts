import { EventEmitter } from 'node:events'
import { openDatabase, type Db, type OpenOptions } from './db/open'
import { ensureDefaultTopics } from './analysis/topics'
import { indexPending } from './ingest/fts'
import { getSettings, type StoredSettings } from './db/settings'
import { MentionQueries } from './queries/mentions'
import { workspaceAnalyzer, type WorkspaceAnalyzer } from './analysis/analyzer'
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

/**
 * Opens (and migrates) a workspace database; a new one starts with the default taxonomy of city problems
 * (editable in Settings). Every writer in src/main opens its database here (a lint rule keeps
 * `openDatabase` to this file and the database layer), so no path creates a workspace without topics.
 */
export function openWorkspaceDatabase(path: string, opts: OpenOptions = {}): Db {
  const db = openDatabase(path, {
    ...opts,
    onCreate: (db) => {
      ensureDefaultTopics(db)
      opts.onCreate?.(db)
    }
  })
  // A bulk import that stopped between its commit and its search index (a crash) is finished here.
  if (!opts.readonly && !db.inTransaction) indexPending(db)
  return db
}

/** One open workspace: its database, queries and events. Shared by the app, the CLI and the test host. */
export class Workspace {
  readonly events = new WorkspaceEvents()
  readonly mentions: MentionQueries
  private settingsCache: StoredSettings | null = null

  constructor(
    readonly db: Db,
    readonly dbPath: string
  ) {
    this.mentions = new MentionQueries(db, () => this.settings().timeZone)
  }

  static open(dbPath: string, opts: { create?: boolean } = {}): Workspace {
    return new Workspace(openWorkspaceDatabase(dbPath, { create: opts.create }), dbPath)
  }

  /**
   * The analysis every write path of the app runs on new mentions (language, sentiment with the office's
   * learned model, topics, subjects, stories), from the one factory `workspaceAnalyzer` that processes
   * without a Workspace (the import worker, CLI commands, re-analysis) call too.
   */
  analyzer(): WorkspaceAnalyzer {
    return workspaceAnalyzer(this.db)
  }

  settings(): StoredSettings {
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
