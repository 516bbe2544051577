import { describe, expect, it } from 'vitest'
import { chmodSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { ioProblemOf, isDatabaseIoError, translateIoError } from '../../src/main/core/db/io-errors'
import { OtklikError } from '../../src/shared/errors'
import { tempDir } from './helpers'

const sqlite = (code: string, message: string): Error => Object.assign(new Error(message), { code })
const errno = (code: string): Error => Object.assign(new Error(`${code}: something, open '/x'`), { code })

describe('io-errors', () => {
  it('classifies SQLite and file-system errors', () => {
    expect(ioProblemOf(sqlite('SQLITE_FULL', 'database or disk is full'))).toBe('disk-full')
    expect(ioProblemOf(errno('ENOSPC'))).toBe('disk-full')
    expect(ioProblemOf(sqlite('SQLITE_IOERR_WRITE', 'disk I/O error'))).toBe('write-failed')
    expect(ioProblemOf(sqlite('SQLITE_READONLY_DIRECTORY', 'attempt to write a readonly database'))).toBe(
      'read-only'
    )
    expect(ioProblemOf(sqlite('SQLITE_READONLY_DBMOVED', 'attempt to write a readonly database'))).toBe(
      'moved'
    )
    expect(ioProblemOf(errno('EROFS'))).toBe('read-only')
    expect(ioProblemOf(sqlite('SQLITE_CANTOPEN', 'unable to open database file'))).toBe('cannot-open')
    expect(ioProblemOf(errno('EACCES'))).toBe('permission')
    // Wrapped by openDatabase: only the text is left.
    expect(
      ioProblemOf(new OtklikError('IO', 'Cannot open database /x/y.db: unable to open database file'))
    ).toBe('cannot-open')
    expect(ioProblemOf(new Error('wrapper', { cause: errno('ENOSPC') }))).toBe('disk-full')
    // Not about the disk.
    expect(
      ioProblemOf(sqlite('SQLITE_CONSTRAINT_UNIQUE', 'UNIQUE constraint failed: subjects.name'))
    ).toBeNull()
    expect(
      ioProblemOf(new OtklikError('IMPORT_UNREADABLE', 'Cannot import a.csv: permission denied'))
    ).toBeNull()
    expect(ioProblemOf(new TypeError('x is undefined'))).toBeNull()
    expect(isDatabaseIoError(sqlite('SQLITE_FULL', 'database or disk is full'))).toBe(true)
    expect(isDatabaseIoError(errno('EACCES'))).toBe(false) // an input file, not the database
  })

  it('says what happened and names the folder, refining "cannot open" by looking at it', () => {
    const t = tempDir('ioerr')
    try {
      const full = translateIoError(sqlite('SQLITE_FULL', 'database or disk is full'), {
        path: join(t.dir, 'w.db')
      })
      expect(full).toBeInstanceOf(OtklikError)
      expect(full).toMatchObject({ code: 'IO', details: { problem: 'disk-full' } })
      expect(full!.message).toMatch(
        new RegExp(`^The disk is full \\(the drive holding ${t.dir}\\).*Free some space`)
      )
      const missing = translateIoError(sqlite('SQLITE_CANTOPEN', 'unable to open database file'), {
        path: join(t.dir, 'nope', 'w.db')
      })
      expect(missing!.message).toMatch(/the folder .*nope does not exist/)
      const ro = join(t.dir, 'ro')
      mkdirSync(ro)
      chmodSync(ro, 0o555)
      const cantOpen = translateIoError(sqlite('SQLITE_CANTOPEN', 'unable to open database file'), {
        path: join(ro, 'w.db')
      })
      // Root may write anywhere; as root the folder still counts as writable and the message stays general.
      expect(cantOpen!.message).toMatch(
        process.getuid?.() === 0 ? /Cannot open the database/ : /is read-only/
      )
      expect(translateIoError(full)).toBe(full) // already translated: kept
      expect(translateIoError(new Error('boom'))).toBeNull()
    } finally {
      t.cleanup()
    }
  })

  it('a real SQLite error on a full database is recognised (SQLITE_FULL from max_page_count)', () => {
    const db = new Database(':memory:')
    db.exec('CREATE TABLE t (x TEXT)')
    db.pragma('max_page_count = 2')
    let err: unknown
    try {
      for (let i = 0; i < 100; i++) db.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(1000))
    } catch (e) {
      err = e
    }
    db.close()
    expect((err as { code?: string }).code).toBe('SQLITE_FULL')
    expect(translateIoError(err)?.message).toMatch(/^The disk is full/)
  })
})
