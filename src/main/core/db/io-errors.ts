import { accessSync, constants, existsSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import { OtklikError } from '../../../shared/errors'

/** What went wrong with the disk, in the words people need. */
export type IoProblem = 'disk-full' | 'write-failed' | 'read-only' | 'moved' | 'cannot-open' | 'permission'

const BY_CODE: Record<string, IoProblem> = {
  SQLITE_FULL: 'disk-full',
  ENOSPC: 'disk-full',
  EDQUOT: 'disk-full',
  EFBIG: 'disk-full',
  // A write the OS refused without ENOSPC — EFBIG (a file size limit), EIO (a failing or removed drive) —
  // reaches us from SQLite as SQLITE_IOERR_WRITE.
  SQLITE_IOERR: 'write-failed',
  SQLITE_READONLY_DBMOVED: 'moved',
  SQLITE_READONLY: 'read-only',
  EROFS: 'read-only',
  SQLITE_CANTOPEN: 'cannot-open',
  SQLITE_PERM: 'permission',
  SQLITE_AUTH: 'permission',
  EACCES: 'permission',
  EPERM: 'permission'
}

// Errors that reached us as text only (wrapped by openDatabase, or SQLite's generic messages).
const BY_MESSAGE: [RegExp, IoProblem][] = [
  [/database or disk is full|no space left on device|ENOSPC|EDQUOT|file too large|EFBIG/i, 'disk-full'],
  [/readonly database|read-only file system|EROFS/i, 'read-only'],
  [/unable to open database file/i, 'cannot-open'],
  [/permission denied|EACCES|EPERM/i, 'permission']
]

/**
 * Classifies an error from SQLite or the file system: SQLITE_FULL/ENOSPC → disk-full, SQLITE_IOERR_* →
 * write-failed, SQLITE_READONLY* (…_DIRECTORY)/EROFS → read-only (but …_DBMOVED → moved), SQLITE_CANTOPEN →
 * cannot-open, EACCES/EPERM → permission. Extended SQLite codes count as their primary code. Null for
 * anything else.
 */
export function ioProblemOf(e: unknown): IoProblem | null {
  for (let cur: unknown = e, depth = 0; cur && depth < 4; cur = (cur as { cause?: unknown }).cause, depth++) {
    const code = String((cur as { code?: unknown }).code ?? '')
    const primary = code.startsWith('SQLITE_') ? code.split('_').slice(0, 2).join('_') : code
    const hit = BY_CODE[code] ?? BY_CODE[primary]
    if (hit) return hit
    const msg = String((cur as { message?: unknown }).message ?? '')
    if (code.startsWith('SQLITE_') || code === 'IO' || code === '' || /^E[A-Z]+$/.test(code)) {
      for (const [re, p] of BY_MESSAGE) if (re.test(msg)) return p
    }
  }
  return null
}

/** True for an SQLite error about the database's disk or folder (not about an input file being read). */
export function isDatabaseIoError(e: unknown): boolean {
  const code = String((e as { code?: unknown })?.code ?? '')
  return code.startsWith('SQLITE_') && ioProblemOf(e) !== null
}

/**
 * Turns a disk or permission error into an OtklikError('IO') whose message says what happened and what
 * to do, naming the folder of `path` (the database) when given; `details.problem` carries the kind for
 * the UI. "cannot open" is refined with what the folder is (missing, read-only). Returns null for any
 * other error, so callers can fall through to their generic handling.
 */
export function translateIoError(
  e: unknown,
  ctx: { path?: string; what?: 'database' | 'backup' } = {}
): OtklikError | null {
  if (e instanceof OtklikError && e.details?.problem) return e // translated already
  let problem = ioProblemOf(e)
  if (!problem) return null
  const path = ctx.path
  const what = ctx.what ?? 'database'
  const dir = path ? dirname(path) : null
  const where = path ? ` (${path})` : ''
  if ((problem === 'cannot-open' || problem === 'permission') && dir) {
    if (!existsSync(dir)) {
      return new OtklikError(
        'IO',
        `Cannot open the ${what}${where}: the folder ${dir} does not exist. Check the path, or create the folder.`,
        { problem: 'cannot-open', path }
      )
    }
    if (!writable(dir) || (path && existsSync(path) && !writable(path))) problem = 'read-only'
  }
  const original = (e as Error)?.message ? ` [${(e as Error).message}]` : ''
  switch (problem) {
    case 'disk-full':
      return new OtklikError(
        'IO',
        `The disk is full${dir ? ` (the drive holding ${dir})` : ''}: the ${what} could not be written, and the unfinished change was rolled back — nothing of it was saved. Free some space on that drive and try again.${original}`,
        { problem, path }
      )
    case 'write-failed':
      return new OtklikError(
        'IO',
        `Writing to the disk failed${dir ? ` (the drive holding ${dir})` : ''}: it may be full, have reached a file size limit, or be disconnected or failing. The ${what} was not written and the unfinished change was rolled back. Free some space or check the drive, then try again.${original}`,
        { problem, path }
      )
    case 'moved':
      return new OtklikError(
        'IO',
        `The database file${where} was moved, replaced or deleted while open (for example restored from a backup by another program). Nothing more was written to it; close and reopen Otklik.${original}`,
        { problem, path }
      )
    case 'read-only':
      return new OtklikError(
        'IO',
        `The folder ${dir ? `${dir} ` : ''}is read-only (or this user may not write there): Otklik cannot write the ${what}${where} there, nor the journal files beside it. Nothing was changed. Use a folder you can write to, or ask for write access.${original}`,
        { problem, path }
      )
    case 'permission':
      return new OtklikError(
        'IO',
        `Permission denied${where}: this user may not read or write it. Ask for access to the folder, or choose another.${original}`,
        { problem, path }
      )
    case 'cannot-open':
      return new OtklikError(
        'IO',
        `Cannot open the ${what}${where}: the file or its folder is not accessible. Check that the path is right and that the folder is writable.${original}`,
        { problem, path }
      )
  }
}

function writable(p: string): boolean {
  try {
    accessSync(p, constants.W_OK)
    // A directory also needs search permission for SQLite to create its -wal and -shm files there.
    if (statSync(p).isDirectory()) accessSync(p, constants.X_OK)
    return true
  } catch {
    return false
  }
}
