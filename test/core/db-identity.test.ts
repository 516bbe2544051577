import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/main/core/db'
import { OTKLIK_APPLICATION_ID } from '../../src/main/core/db/identity'
import { SCHEMA_VERSION } from '../../src/main/core/db/migrations'
import { OtklikError } from '../../src/shared/errors'
import { cli } from '../helpers/cli'

// Issue 21, finding 5: another application's SQLite file was modified even when refused (WAL switch,
// -wal/-shm, .bak copies, a raw SqliteError stack).

let dir: string
let n = 0
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'otklik-identity-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A folder of its own with one file made by `make`; returns the file. */
function fileIn(make: (path: string) => void): string {
  const d = join(dir, `case${++n}`)
  rmSync(d, { recursive: true, force: true })
  mkdirSync(d)
  const f = join(d, 'file.db')
  make(f)
  return f
}

/** The file's bytes and its folder's listing: what "left as found" compares. */
function state(f: string): { bytes: Buffer; files: string[] } {
  return { bytes: readFileSync(f), files: readdirSync(join(f, '..')).sort() }
}

function foreignApp(f: string): void {
  const db = new Database(f)
  db.pragma('application_id = 1179535441') // another program's id
  db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('x')")
  db.close()
}

function versionOneNoTables(f: string): void {
  const db = new Database(f)
  db.exec('CREATE TABLE things (id INTEGER PRIMARY KEY)')
  db.pragma('user_version = 1')
  db.close()
}

const expectRefused = (f: string, run: () => unknown, msg: RegExp): void => {
  const before = state(f)
  let err: unknown
  try {
    const db = run() as { close(): void }
    db.close()
  } catch (e) {
    err = e
  }
  expect(err).toBeInstanceOf(OtklikError)
  expect((err as Error).message).toMatch(msg)
  expect(state(f)).toEqual(before)
}

describe('files left as found', () => {
  it("another application's database (its own application_id) is refused untouched, for reading and writing", () => {
    const f = fileIn(foreignApp)
    for (const readonly of [true, false])
      expectRefused(
        f,
        () => openDatabase(f, { readonly }),
        /another application's SQLite database \(application_id 1179535441\)/
      )
  })

  it('an SQLite file with user_version 1 but no Otklik tables: no WAL switch, no .bak, a sentence', () => {
    const f = fileIn(versionOneNoTables)
    expect(readFileSync(f).subarray(18, 20)).toEqual(Buffer.from([1, 1]))
    for (const readonly of [true, false])
      expectRefused(
        f,
        () => openDatabase(f, { readonly }),
        /is an SQLite database of another program, not an Otklik workspace \(no settings, mentions/
      )
  })

  it('a newer Otklik database is refused before SQLite opens it', () => {
    const f = fileIn((p) => {
      openDatabase(p, { create: true }).close()
      const db = new Database(p)
      db.pragma(`user_version = ${SCHEMA_VERSION + 5}`)
      db.close()
    })
    for (const readonly of [true, false])
      expectRefused(
        f,
        () => openDatabase(f, { readonly }),
        /written by a newer version of Otklik \(schema \d+/
      )
  })

  it('random bytes and a damaged SQLite file each get a sentence saying which', () => {
    const junk = fileIn((p) =>
      writeFileSync(p, Buffer.from('PK\u0003\u0004 this is a zip, not a database'.repeat(20)))
    )
    expectRefused(junk, () => openDatabase(junk), /is not a database: it does not start like an SQLite file/)
    const damaged = fileIn((p) => {
      openDatabase(p, { create: true }).close()
      const b = readFileSync(p)
      // Keep the header, overwrite the schema page with noise.
      for (let i = 100; i < Math.min(b.length, 8192); i++) b[i] = (i * 7919) & 0xff
      writeFileSync(p, b)
    })
    expectRefused(
      damaged,
      () => openDatabase(damaged, { readonly: true }),
      /not a readable Otklik database \(.*malformed/
    )
  })

  it('the CLI says so in one line, without a stack trace, and leaves the file as found', () => {
    const f = fileIn(versionOneNoTables)
    const before = state(f)
    for (const args of [
      ['stats', '--db', f, '--json'],
      ['export', '--db', f],
      ['import', 'x.csv', '--db', f]
    ]) {
      const r = cli(args)
      expect(r.code).toBe(1)
      expect(r.stderr).toMatch(/not an Otklik workspace/)
      expect(r.stderr).not.toMatch(/SqliteError|\n\s+at |open\.ts/)
    }
    expect(state(f)).toEqual(before)
  })

  it('a read-only command on an Otklik workspace changes nothing: same bytes, no -wal/-shm left', () => {
    const f = fileIn((p) => {
      const db = openDatabase(p, { create: true })
      db.prepare(
        "INSERT INTO sources (type, target, url, name, schedule, keep, enabled, state, next_run, created_at) VALUES ('rss', 'https://x.kz/f', 'https://x.kz/f', 'X', '1h', 'all', 0, NULL, 0, 0)"
      ).run()
      db.close()
    })
    const before = state(f)
    expect(before.files).toEqual(['file.db'])
    expect(readFileSync(f).subarray(18, 20)).toEqual(Buffer.from([2, 2])) // a WAL workspace
    for (const args of [
      ['stats', '--db', f, '--json'],
      ['export', '--db', f],
      ['source', 'list', '--db', f, '--json']
    ])
      expect(cli(args).code).toBe(0)
    const db = openDatabase(f, { readonly: true })
    expect(db.prepare('SELECT count(*) FROM sources').pluck().get()).toBe(1)
    db.close()
    expect(state(f)).toEqual(before)
  })

  it('Otklik databases carry an application_id; one made before it (0) still opens and gets it on writing', () => {
    const f = fileIn((p) => openDatabase(p, { create: true }).close())
    expect(readFileSync(f).readUInt32BE(68)).toBe(OTKLIK_APPLICATION_ID)
    const raw = new Database(f)
    raw.pragma('application_id = 0')
    raw.close()
    const before = readFileSync(f)
    openDatabase(f, { readonly: true }).close()
    expect(readFileSync(f)).toEqual(before) // reading adds nothing
    openDatabase(f).close()
    expect(readFileSync(f).readUInt32BE(68)).toBe(OTKLIK_APPLICATION_ID)
    expect(existsSync(`${f}-wal`)).toBe(false)
  })
})
