import Database from 'better-sqlite3'
import { existsSync, statSync } from 'node:fs'
import { OtklikError } from '../../../shared/errors'
import { checkIdentity, checkSchema, OTKLIK_APPLICATION_ID, readSqliteHeader } from './identity'
import { MIGRATIONS, SCHEMA_VERSION } from './migrations'
import { nowDate } from '../../../shared/clock'

export type Db = Database.Database

export interface OpenOptions {
  /** Create the file when it does not exist (commands that write). Default false. */
  create?: boolean
  readonly?: boolean
  /** Path to a better_sqlite3.node built for the running runtime (Electron). */
  nativeBinding?: string
  /** Milliseconds to wait for another writer. */
  busyTimeout?: number
  /** Called with the backup path before an existing file is migrated. */
  onBackup?: (path: string) => void
  /**
   * Called once, right after a new database got its schema: seed data (the default topics) belongs to
   * the layer that creates workspaces (`openWorkspaceDatabase` in core/workspace.ts), not to this one.
   */
  onCreate?: (db: Db) => void
}

let defaultNativeBinding: string | undefined
/** The Electron main process sets this once, before any database opens. */
export function setDefaultNativeBinding(path: string | undefined): void {
  defaultNativeBinding = path
}
export function getDefaultNativeBinding(): string | undefined {
  return defaultNativeBinding
}

/**
 * Opens (and migrates) a workspace database: WAL, foreign keys, busy timeout.
 * Refuses a database written by a newer Otklik; backs the file up (VACUUM INTO) before migrating it.
 */
export function openDatabase(path: string, opts: OpenOptions = {}): Db {
  const isMemory = path === ':memory:'
  if (!isMemory && !existsSync(path) && !opts.create) {
    throw new OtklikError(
      'DB_MISSING',
      `Database file not found: ${path}. Check the path, or create a workspace with "otklik demo --db ${path}" or an import.`,
      { path }
    )
  }
  if (!isMemory && existsSync(path) && statSync(path).isDirectory()) {
    throw new OtklikError('IO', `${path} is a folder, not a database file.`, { path })
  }
  // What the file is, from its bytes, before SQLite opens it: a foreign, newer or non-SQLite file is
  // refused untouched. An empty file is a new database (SQLite's own reading), for writers only.
  const size = isMemory || !existsSync(path) ? 0 : statSync(path).size
  const header = size > 0 ? readSqliteHeader(path) : null
  if (header) checkIdentity(path, header, SCHEMA_VERSION)
  else if (size === 0 && opts.readonly && !isMemory)
    throw new OtklikError('DB_CORRUPT', `${path} is an empty file, not an Otklik workspace.`, {
      path,
      kind: 'empty'
    })
  // A read-only connection to a WAL database creates -wal and -shm and leaves them: when none existed
  // (no other connection), they are tidied away after close.
  const tidyWal = !!opts.readonly && !!header?.wal && !existsSync(`${path}-wal`)
  let db: Db
  try {
    db = new Database(path, {
      readonly: opts.readonly ?? false,
      fileMustExist: !opts.create,
      nativeBinding: opts.nativeBinding ?? defaultNativeBinding
    })
  } catch (e) {
    throw new OtklikError('IO', `Cannot open database ${path}: ${(e as Error).message}`, { path })
  }
  if (tidyWal) {
    const close = db.close.bind(db)
    db.close = () => {
      close()
      removeIdleWal(path, opts.nativeBinding ?? defaultNativeBinding)
      return db
    }
  }
  try {
    db.pragma(`busy_timeout = ${opts.busyTimeout ?? 10_000}`)
    checkHeader(db, path)
    // The schema is checked before any pragma that changes the file (WAL), any backup or migration.
    if (header) {
      const tables = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .pluck()
        .all() as string[]
      checkSchema(path, currentVersion(db), tables)
    }
    if (!opts.readonly && !isMemory) db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    db.pragma('foreign_keys = ON')
    // Large sorts (a grid sorted by reach over millions of rows) spill to a temporary file instead of
    // holding gigabytes in the app's memory; small ones stay within the page cache.
    db.pragma('temp_store = FILE')
    db.pragma('cache_size = -65536')
    db.pragma('mmap_size = 268435456')
    if (!opts.readonly) {
      const created = migrate(db, path, opts.onBackup)
      if (db.pragma('application_id', { simple: true }) !== OTKLIK_APPLICATION_ID)
        db.pragma(`application_id = ${OTKLIK_APPLICATION_ID}`)
      if (created) opts.onCreate?.(db)
    } else if (currentVersion(db) < SCHEMA_VERSION) {
      throw new OtklikError('DB_NEWER', `Database ${path} needs an upgrade; open it once for writing.`, {
        path
      })
    }
    return db
  } catch (e) {
    db.close()
    throw e
  }
}

/**
 * Removes the -wal and -shm a read-only connection left, the way SQLite itself does: the last connection
 * to close checkpoints (an empty log: the database file is not written) and deletes them. Another
 * connection still open keeps them, as it must.
 */
function removeIdleWal(path: string, nativeBinding: string | undefined): void {
  if (!existsSync(`${path}-wal`)) return
  try {
    const w = new Database(path, { fileMustExist: true, nativeBinding })
    try {
      w.prepare('SELECT count(*) FROM sqlite_master').get()
    } finally {
      w.close()
    }
  } catch {
    // A read-only file or folder: the files stay, as SQLite would leave them.
  }
}

function checkHeader(db: Db, path: string): void {
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get()
  } catch (e) {
    const msg = (e as Error).message
    if (/not a database|malformed|corrupt/i.test(msg)) {
      throw new OtklikError(
        'DB_CORRUPT',
        `${path} is not a readable Otklik database (${msg}). Restore a backup or choose another file.`,
        { path }
      )
    }
    if (/locked|busy/i.test(msg)) {
      throw new OtklikError('DB_LOCKED', `${path} is locked by another program. Close it and try again.`, {
        path
      })
    }
    throw e
  }
}

export function currentVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number
}

/**
 * Runs every pending migration, each in its own transaction. True when the database was new (no schema
 * before) and now has the whole schema.
 */
export function migrate(
  db: Db,
  path: string,
  onBackup?: (p: string) => void,
  target = SCHEMA_VERSION
): boolean {
  const from = currentVersion(db)
  if (from > SCHEMA_VERSION) {
    throw new OtklikError(
      'DB_NEWER',
      `Database ${path} was written by a newer version of Otklik (schema ${from}, this version knows ${SCHEMA_VERSION}). Install the newer Otklik, or open another file.`,
      { path, version: from, supported: SCHEMA_VERSION }
    )
  }
  if (from >= target) return false
  if (from > 0 && path !== ':memory:') {
    const backup = `${path}.v${from}-${timestamp()}.bak`
    db.prepare('VACUUM INTO ?').run(backup)
    onBackup?.(backup)
  } else if (from === 0) {
    const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type='table'").get() as {
      n: number
    }
    if (tables.n > 0) {
      throw new OtklikError(
        'DB_CORRUPT',
        `${path} is an SQLite file but not an Otklik database. Choose another file.`,
        { path }
      )
    }
  }
  for (const m of MIGRATIONS) {
    if (m.version <= from || m.version > target) continue
    db.transaction(() => {
      m.up(db)
      db.pragma(`user_version = ${m.version}`)
    })()
  }
  return from === 0 && target === SCHEMA_VERSION
}

function timestamp(): string {
  return nowDate().toISOString().replace(/[:.]/g, '-').slice(0, 19)
}
