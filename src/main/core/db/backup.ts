import Database from 'better-sqlite3'
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  rmSync,
  statSync
} from 'node:fs'
import { basename, dirname, extname, join, resolve } from 'node:path'
import { OtklikError } from '../../../shared/errors'
import { dateInZone } from '../../../shared/time'
import { acquireLock } from './lock'
import { SCHEMA_VERSION } from './migrations'
import { currentVersion, getDefaultNativeBinding, openDatabase, type Db } from './open'
import { OTKLIK_TABLES, SQLITE_MAGIC } from './identity'
import { getSettings } from './settings'
import { translateIoError } from './io-errors'
import { clock } from '../../../shared/clock'

export interface BackupResult {
  file: string
  bytes: number
  /** Schema version of the copy. */
  version: number
  /** 'online': SQLite's backup API; 'vacuum': VACUUM INTO (used when writers kept restarting the online copy). */
  method: 'online' | 'vacuum'
}

/** Tables every Otklik workspace has, whatever its version: a file without them is something else. */
/** Pages copied per step of the online backup; the event loop runs between steps. */
const PAGES_PER_STEP = 2000
/** The online backup starts over whenever another connection writes; after this many restarts VACUUM INTO takes over. */
const MAX_RESTARTS = 3

class BackupRestarted extends Error {}

/**
 * Writes a consistent copy of the open workspace to `outPath` while the app keeps working: SQLite's
 * online backup API in steps (falling back to VACUUM INTO, one read snapshot, when other writers keep
 * restarting it). The copy is written beside the target, converted to a single self-contained file
 * (rollback journal, no -wal), checked with PRAGMA integrity_check, fsynced and only then renamed over
 * `outPath`, so an interrupted backup never leaves a half file under the final name.
 */
export async function backupDatabase(
  db: Db,
  outPath: string,
  opts: { pagesPerStep?: number } = {}
): Promise<BackupResult> {
  const out = resolve(outPath)
  if (!db.memory && samePath(out, db.name)) {
    throw new OtklikError('VALIDATION', `The backup cannot overwrite the database itself (${out}).`, {
      path: out
    })
  }
  const tmp = `${out}.partial-${process.pid}-${clock.now().toString(36)}`
  try {
    mkdirSync(dirname(out), { recursive: true })
    let method: BackupResult['method'] = 'online'
    try {
      await onlineCopy(db, tmp, opts.pagesPerStep ?? PAGES_PER_STEP)
    } catch (e) {
      if (!(e instanceof BackupRestarted)) throw e
      removeDbFiles(tmp)
      db.prepare('VACUUM INTO ?').run(tmp)
      method = 'vacuum'
    }
    const version = sealCopy(tmp)
    renameSync(tmp, out)
    fsyncPath(dirname(out))
    return { file: out, bytes: statSync(out).size, version, method }
  } catch (e) {
    removeDbFiles(tmp)
    throw translateIoError(e, { path: out, what: 'backup' }) ?? e
  }
}

async function onlineCopy(db: Db, tmp: string, pagesPerStep: number): Promise<void> {
  let restarts = 0
  let lastRemaining = Infinity
  await db.backup(tmp, {
    progress: ({ remainingPages }) => {
      if (remainingPages > lastRemaining && ++restarts > MAX_RESTARTS) throw new BackupRestarted()
      lastRemaining = remainingPages
      return pagesPerStep
    }
  })
}

/** Makes a fresh copy one file (journal_mode DELETE), checks it, fsyncs it. Returns its schema version. */
function sealCopy(path: string): number {
  const copy = new Database(path, { fileMustExist: true, nativeBinding: getDefaultNativeBinding() })
  try {
    copy.pragma('journal_mode = DELETE')
    const check = copy.pragma('integrity_check', { simple: true })
    if (check !== 'ok') {
      throw new OtklikError('DB_CORRUPT', `The backup copy failed its integrity check (${String(check)}).`, {
        path
      })
    }
    return currentVersion(copy)
  } finally {
    copy.close()
    fsyncPath(path)
  }
}

export interface InspectedDatabase {
  version: number
  bytes: number
}

/**
 * Checks that `path` is an Otklik workspace this version can use: an SQLite file (magic header), with
 * the Otklik tables and a PRAGMA user_version between 1 and SCHEMA_VERSION, passing integrity_check.
 * Opens the file for writing (so a -wal beside it is folded in). Throws a clear OtklikError otherwise.
 */
export function inspectDatabaseFile(path: string, label = path): InspectedDatabase {
  if (!existsSync(path) || !statSync(path).isFile()) {
    throw new OtklikError('DB_MISSING', `${label} does not exist or is not a file.`, { path })
  }
  if (!hasSqliteMagic(path)) {
    throw new OtklikError(
      'DB_CORRUPT',
      `${label} is not an Otklik backup: it is not an SQLite database file.`,
      {
        path
      }
    )
  }
  let db: Db
  try {
    db = new Database(path, { fileMustExist: true, nativeBinding: getDefaultNativeBinding() })
  } catch (e) {
    throw translateIoError(e, { path }) ?? e
  }
  try {
    let check: unknown
    let version: number
    let tables: string[]
    try {
      check = db.pragma('integrity_check', { simple: true })
      version = currentVersion(db)
      tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]
    } catch (e) {
      throw new OtklikError(
        'DB_CORRUPT',
        `${label} is damaged and cannot be read (${(e as Error).message}).`,
        {
          path
        }
      )
    }
    if (check !== 'ok') {
      throw new OtklikError('DB_CORRUPT', `${label} is damaged (integrity check: ${String(check)}).`, {
        path
      })
    }
    if (version > SCHEMA_VERSION) {
      throw new OtklikError(
        'DB_NEWER',
        `${label} was written by a newer version of Otklik (schema ${version}; this version knows ${SCHEMA_VERSION}). Install the newer Otklik to restore it.`,
        { path, version, supported: SCHEMA_VERSION }
      )
    }
    const missing = OTKLIK_TABLES.filter((t) => !tables.includes(t))
    if (version < 1 || missing.length) {
      throw new OtklikError(
        'DB_CORRUPT',
        `${label} is an SQLite database but not an Otklik workspace (${version < 1 ? 'no schema version' : `no ${missing.join(', ')} table`}). Choose an Otklik backup.`,
        { path, version }
      )
    }
    db.pragma('journal_mode = DELETE')
    return { version, bytes: statSync(path).size }
  } finally {
    db.close()
  }
}

export interface RestoreResult {
  /** The database path that now holds the restored workspace. */
  file: string
  from: string
  /** Copy of the database that was replaced (null when there was none). */
  previous: string | null
  /** Schema version of the backup; the restored file was migrated to SCHEMA_VERSION when older. */
  migratedFrom: number
  version: number
}

/**
 * Puts a backup in place of the workspace at `dbPath`. Refuses (nothing changed) a file that is not an
 * Otklik database, is damaged or comes from a newer Otklik; refuses while another process holds a job
 * lock or has the database open, unless `force`. The replaced database is kept as
 * `<db>.before-restore-<time>.bak`; an older backup is migrated (with its own pre-migration copy).
 */
export function restoreDatabase(
  backupPath: string,
  dbPath: string,
  opts: { force?: boolean; now?: number } = {}
): RestoreResult {
  const from = resolve(backupPath)
  const target = resolve(dbPath)
  if (samePath(from, target)) {
    throw new OtklikError('VALIDATION', `${from} is the database itself; choose a backup file.`, {
      path: from
    })
  }
  if (!hasSqliteMagic(from)) inspectDatabaseFile(from) // throws the precise refusal (missing / not SQLite)
  mkdirSync(dirname(target), { recursive: true })
  const staging = `${target}.restore-${process.pid}.tmp`
  removeDbFiles(staging)
  let previous: string | null = null
  let migratedFrom: number
  try {
    copyFileSync(from, staging)
    if (existsSync(`${from}-wal`) && statSync(`${from}-wal`).size > 0)
      copyFileSync(`${from}-wal`, `${staging}-wal`)
    migratedFrom = inspectDatabaseFile(staging, from).version
    if (existsSync(target)) previous = setAside(target, opts)
    for (const side of ['-wal', '-shm', '-journal']) rmSync(target + side, { force: true })
    renameSync(staging, target)
    fsyncPath(dirname(target))
  } catch (e) {
    removeDbFiles(staging)
    throw translateIoError(e, { path: target }) ?? e
  }
  // Migrates an older backup (openDatabase copies it first, like any migration).
  openDatabase(target).close()
  return { file: target, from, previous, migratedFrom, version: SCHEMA_VERSION }
}

/**
 * Checks nobody else is using the database, then keeps a copy of it: VACUUM INTO when it is readable
 * (one consistent file with everything in its WAL), a raw copy of the file and its -wal when it is not.
 */
function setAside(target: string, opts: { force?: boolean; now?: number }): string {
  const stamp = new Date(opts.now ?? clock.now()).toISOString().replace(/[:.]/g, '-').slice(0, 19)
  const previous = `${target}.before-restore-${stamp}.bak`
  let cur: Db | null = null
  try {
    cur = new Database(target, { fileMustExist: true, nativeBinding: getDefaultNativeBinding() })
    // Reads and the lock takeover wait out another connection's moment of work (SQLite answers a reader
    // "busy" while, say, a WAL-index is rebuilt): a busy answer must never read as "nobody is here".
    cur.pragma(`busy_timeout = ${BUSY_WAIT_MS}`)
  } catch {
    cur = null // unreadable: nothing to ask it; the raw copy below keeps it
  }
  try {
    if (cur) refuseIfBusy(cur, target, opts.force ?? false)
    try {
      if (!cur) throw new Error('unreadable')
      cur.prepare('VACUUM INTO ?').run(previous)
      cur.pragma('wal_checkpoint(TRUNCATE)')
    } catch (e) {
      if (translateIoError(e)) throw e
      removeDbFiles(previous)
      copyFileSync(target, previous)
      if (existsSync(`${target}-wal`)) copyFileSync(`${target}-wal`, `${previous}-wal`)
    }
  } finally {
    cur?.close()
  }
  return previous
}

/** Live job locks (collect, analysis…) and connections of other processes block a restore unless forced. */
function refuseIfBusy(cur: Db, target: string, force: boolean): void {
  let names: string[] = []
  try {
    names = cur.prepare('SELECT name FROM locks').pluck().all() as string[]
  } catch (e) {
    // Busy for BUSY_WAIT_MS: another process is at work on it. Otherwise no locks table (a damaged
    // file): nothing can hold a job lock on it.
    if (isBusy(e) && !force) throw inUse(target)
  }
  const held: string[] = []
  for (const name of names) {
    try {
      acquireLock(cur, name, { waitMs: 0 }).release() // takes over (and drops) the lock of a dead process
    } catch (e) {
      if ((e instanceof OtklikError && e.code === 'DB_LOCKED') || isBusy(e)) held.push(name)
      else throw e
    }
  }
  if (held.length && !force) {
    throw new OtklikError(
      'DB_LOCKED',
      `Another Otklik process is running a ${held.map((n) => `"${n}"`).join(', ')} job on ${target}. Wait for it to finish (or close that app or command) and restore again; --force restores anyway and that job's work is lost.`,
      { locks: held }
    )
  }
  // WAL connections hold a shared lock for as long as they are open: an exclusive lock fails while any is
  // (at once: a "busy" here only ever errs towards refusing).
  try {
    cur.pragma('busy_timeout = 0')
    cur.pragma('locking_mode = EXCLUSIVE')
    cur.exec('BEGIN EXCLUSIVE')
    cur.exec('COMMIT')
  } catch (e) {
    if (!isBusy(e) || force) return
    throw inUse(target)
  }
}

/** How long the restore's checks wait for another connection's transaction before calling the file busy. */
const BUSY_WAIT_MS = 5_000

function isBusy(e: unknown): boolean {
  return e instanceof Error && /locked|busy/i.test(e.message)
}

function inUse(target: string): OtklikError {
  return new OtklikError(
    'DB_LOCKED',
    `${target} is open in another Otklik window or command. Close it and restore again (--force restores anyway; what that program writes afterwards is lost).`,
    { path: target }
  )
}

// ---- Scheduled backups --------------------------------------------------------------------------------

export interface RetentionRule {
  daily: number
  weekly: number
}
export const DEFAULT_RETENTION: RetentionRule = { daily: 7, weekly: 4 }

/** `<folder of the database>/backups`. */
export function backupsDir(dbPath: string): string {
  return join(dirname(resolve(dbPath)), 'backups')
}

function stemOf(dbPath: string): string {
  const b = basename(dbPath)
  return extname(b) ? b.slice(0, -extname(b).length) : b
}

/** The daily copy's file name: `otklik.db` on 2026-11-16 → `otklik-2026-11-16.db`. */
export function dailyBackupName(dbPath: string, day: string): string {
  return `${stemOf(dbPath)}-${day}.db`
}

/**
 * Which daily backups to keep (pure). `names` is a folder listing; only `<stem>-YYYY-MM-DD.db` files
 * count, others are neither kept nor removed. Like restic's --keep-daily/--keep-weekly: the newest
 * `daily` days that have a copy, plus the newest copy of each of the newest `weekly` ISO weeks (Monday
 * first) that have one; the two may overlap. Copies dated after `today` (a clock that went back) are kept.
 */
export function planBackupRetention(
  names: string[],
  today: string,
  stem: string,
  rule: RetentionRule = DEFAULT_RETENTION
): { keep: string[]; remove: string[] } {
  const re = new RegExp(`^${stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d{4}-\\d{2}-\\d{2})\\.db$`)
  const dated = names
    .map((name) => ({ name, day: re.exec(name)?.[1] }))
    .filter(
      (x): x is { name: string; day: string } => x.day !== undefined && !Number.isNaN(Date.parse(x.day))
    )
    .sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : a.name.localeCompare(b.name)))
  const keep = new Set<string>()
  const days = new Set<string>()
  const weeks = new Set<string>()
  for (const { name, day } of dated) {
    if (day > today) {
      keep.add(name)
      continue
    }
    if (!days.has(day) && days.size < rule.daily) {
      days.add(day)
      keep.add(name)
    }
    const week = mondayOf(day)
    if (!weeks.has(week) && weeks.size < rule.weekly) {
      weeks.add(week)
      keep.add(name)
    }
  }
  return {
    keep: dated.filter((d) => keep.has(d.name)).map((d) => d.name),
    remove: dated.filter((d) => !keep.has(d.name)).map((d) => d.name)
  }
}

function mondayOf(day: string): string {
  const t = Date.parse(`${day}T00:00:00Z`)
  const dow = (new Date(t).getUTCDay() + 6) % 7 // Monday 0 … Sunday 6
  return new Date(t - dow * 86_400_000).toISOString().slice(0, 10)
}

export interface ScheduledBackupResult {
  file: string
  /** False when today's copy already existed (the call is idempotent per day). */
  created: boolean
  removed: string[]
  bytes: number
}

/**
 * The automatic daily backup: `<data folder>/backups/<stem>-<day>.db`, the day in the workspace time
 * zone; does nothing new when today's copy exists. Then prunes by `rule` (7 daily, 4 weekly) and
 * removes half-written copies an interrupted run left behind.
 */
export async function runScheduledBackup(
  db: Db,
  dbPath: string,
  now: number | Date = clock.now(),
  rule: RetentionRule = DEFAULT_RETENTION
): Promise<ScheduledBackupResult> {
  if (dbPath === ':memory:')
    throw new OtklikError('VALIDATION', 'An in-memory database has no backup folder.')
  let tz = 'Asia/Almaty'
  try {
    tz = getSettings(db).timeZone
  } catch {
    /* unreadable settings: the default zone only names the file */
  }
  const today = dateInZone(+now, tz)
  const dir = backupsDir(dbPath)
  const file = join(dir, dailyBackupName(dbPath, today))
  let created = false
  if (!existsSync(file)) {
    await backupDatabase(db, file)
    created = true
  }
  const stem = stemOf(dbPath)
  const listing = readdirSync(dir)
  for (const name of listing) {
    if (name.startsWith(`${stem}-`) && name.includes('.partial-')) {
      const p = join(dir, name)
      if (+now - statSync(p).mtimeMs > 3_600_000) rmSync(p, { force: true })
    }
  }
  const { remove } = planBackupRetention(listing, today, stem, rule)
  for (const name of remove) rmSync(join(dir, name), { force: true })
  return { file, created, removed: remove, bytes: statSync(file).size }
}

// ---- small file helpers -------------------------------------------------------------------------------

function hasSqliteMagic(path: string): boolean {
  try {
    const fd = openSync(path, 'r')
    try {
      const head = Buffer.alloc(16)
      return readSync(fd, head, 0, 16, 0) === 16 && head.toString('latin1') === SQLITE_MAGIC
    } finally {
      closeSync(fd)
    }
  } catch {
    return false
  }
}

function samePath(a: string, b: string): boolean {
  const ra = resolve(a)
  const rb = resolve(b)
  if (ra === rb) return true
  try {
    const sa = statSync(ra)
    const sb = statSync(rb)
    return sa.ino === sb.ino && sa.dev === sb.dev
  } catch {
    return false
  }
}

function removeDbFiles(path: string): void {
  for (const side of ['', '-wal', '-shm', '-journal']) rmSync(path + side, { force: true })
}

/** fsync a file or folder so a rename survives a power cut; folders cannot be opened on Windows. */
function fsyncPath(path: string): void {
  try {
    const fd = openSync(path, 'r')
    try {
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
  } catch {
    /* best effort */
  }
}
