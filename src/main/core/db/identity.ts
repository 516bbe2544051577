import { closeSync, openSync, readSync } from 'node:fs'
import { OtklikError } from '../../../shared/errors'

/**
 * What makes a file an Otklik workspace, checked from its bytes before SQLite touches it: another
 * program's database must be left exactly as found (no WAL switch, no -wal/-shm, no backup copy).
 */

/** `PRAGMA application_id` of Otklik databases: 'OTKL'. Files made before it was set have 0. */
export const OTKLIK_APPLICATION_ID = 0x4f544b4c
/** Tables every Otklik schema has had since version 1. */
export const OTKLIK_TABLES = ['settings', 'mentions', 'import_batches', 'authors', 'sources']
export const SQLITE_MAGIC = 'SQLite format 3\0'

/** The parts of the 100-byte SQLite header that say what a file is (https://sqlite.org/fileformat.html). */
export interface SqliteHeader {
  /** false: too short or not starting with the SQLite magic. */
  sqlite: boolean
  bytes: number
  /** 2 = WAL (bytes 18 and 19). */
  wal: boolean
  userVersion: number
  applicationId: number
}

/** Reads the header of a non-empty file with plain file I/O. */
export function readSqliteHeader(path: string): SqliteHeader {
  const fd = openSync(path, 'r')
  try {
    const h = Buffer.alloc(100)
    const n = readSync(fd, h, 0, 100, 0)
    const sqlite = n === 100 && h.toString('latin1', 0, 16) === SQLITE_MAGIC
    return {
      sqlite,
      bytes: n,
      wal: sqlite && h[18] === 2 && h[19] === 2,
      userVersion: sqlite ? h.readInt32BE(60) : 0,
      applicationId: sqlite ? h.readUInt32BE(68) : 0
    }
  } finally {
    closeSync(fd)
  }
}

/**
 * Refuses, in one sentence that says which, a file that is not an SQLite database, belongs to another
 * application, or was written by a newer Otklik. Nothing has opened the file yet.
 */
export function checkIdentity(path: string, h: SqliteHeader, supported: number): void {
  if (!h.sqlite)
    throw new OtklikError(
      'DB_CORRUPT',
      `${path} is not a database: it does not start like an SQLite file${h.bytes < 100 ? ' (it is shorter than an SQLite header)' : ''}. Choose an Otklik workspace file.`,
      { path, kind: 'not-sqlite' }
    )
  if (h.applicationId !== 0 && h.applicationId !== OTKLIK_APPLICATION_ID)
    throw new OtklikError(
      'DB_CORRUPT',
      `${path} is another application's SQLite database (application_id ${h.applicationId}), not an Otklik workspace; it was left untouched. Choose another file.`,
      { path, kind: 'foreign', applicationId: h.applicationId }
    )
  if (h.userVersion > supported)
    throw new OtklikError(
      'DB_NEWER',
      `${path} was written by a newer version of Otklik (schema ${h.userVersion}, this version knows ${supported}). Install the newer Otklik, or open another file.`,
      { path, version: h.userVersion, supported }
    )
}

/** Refuses an SQLite file whose schema is not Otklik's (checked before any pragma, migration or backup). */
export function checkSchema(path: string, version: number, tables: string[]): void {
  const missing = OTKLIK_TABLES.filter((t) => !tables.includes(t))
  if (version === 0 && tables.length === 0) return // a new, empty database
  if (version === 0 || missing.length)
    throw new OtklikError(
      'DB_CORRUPT',
      `${path} is an SQLite database of another program, not an Otklik workspace (${version === 0 ? 'no Otklik schema version' : `no ${missing.join(', ')} table`}); it was left untouched. Choose another file.`,
      { path, kind: 'foreign', version }
    )
}
