import { describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { hostname } from 'node:os'
import { currentVersion, migrate, openDatabase } from '../../src/main/core/db/open'
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/main/core/db/migrations'
import { acquireLock } from '../../src/main/core/db/lock'
import { OtklikError } from '../../src/shared/errors'
import { tempDb } from '../helpers/db'

describe('database', () => {
  it('migrates an empty file to the current schema with WAL, foreign keys and STRICT tables', () => {
    const { db } = tempDb('fresh')
    expect(currentVersion(db)).toBe(SCHEMA_VERSION)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    const tables = db
      .prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'mentions_fts%' AND name NOT LIKE 'sqlite_%'"
      )
      .all() as {
      name: string
      sql: string
    }[]
    for (const t of tables) expect(t.sql, t.name).toMatch(/STRICT/)
    for (const name of [
      'mentions',
      'authors',
      'outlets',
      'sources',
      'subjects',
      'topics',
      'stories',
      'import_batches',
      'label_events',
      'reports',
      'settings'
    ])
      expect(tables.map((t) => t.name)).toContain(name)
  })

  it('migrates from each earlier version, keeping data and taking a backup first', () => {
    for (const from of [0, ...MIGRATIONS.slice(0, -1).map((m) => m.version)]) {
      const { dir, db: other } = tempDb(`from${from}`)
      other.close()
      // A file at version `from`, as that version of the app left it.
      const path = join(dir, `v${from}.db`)
      const raw = new Database(path)
      migrate(raw, path, undefined, from)
      if (from > 0) raw.prepare("INSERT INTO settings (key, value) VALUES ('orgName', '\"Kept\"')").run()
      raw.close()
      const db = openDatabase(path)
      expect(currentVersion(db)).toBe(SCHEMA_VERSION)
      if (from > 0) {
        expect(db.prepare("SELECT value FROM settings WHERE key = 'orgName'").pluck().get()).toBe('"Kept"')
        expect(readdirSync(dir).some((f) => f.includes(`.v${from}-`) && f.endsWith('.bak'))).toBe(true)
      }
      db.close()
    }
    // Versions increase (parallel branches take distinct numbers), and the schema version is the last.
    const versions = MIGRATIONS.map((m) => m.version)
    expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b))
    expect(SCHEMA_VERSION).toBe(versions.at(-1))
  })

  it('refuses a database written by a newer version', () => {
    const { db, path } = tempDb('newer')
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`)
    db.close()
    let err: unknown
    try {
      openDatabase(path)
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(OtklikError)
    expect((err as OtklikError).code).toBe('DB_NEWER')
    expect((err as Error).message).toMatch(/newer version of Otklik/)
  })

  it('refuses a missing file unless asked to create it, and a file that is not a database', () => {
    const { dir } = tempDb('missing')
    expect(() => openDatabase(join(dir, 'nope.db'))).toThrow(/not found/)
    expect(existsSync(join(dir, 'nope.db'))).toBe(false)
    const junk = join(dir, 'junk.db')
    writeFileSync(
      junk,
      'this is not sqlite at all, just text that is long enough to look like a header '.repeat(20)
    )
    expect(() => openDatabase(junk)).toThrow(/not a readable Otklik database|not a database/)
  })

  it('the job lock admits one holder and takes over a stale one', () => {
    const { db } = tempDb('lock')
    const a = acquireLock(db, 'collect')
    expect(() => acquireLock(db, 'collect', { waitMs: 50 })).toThrow(/Another "collect" job/)
    a.release()
    const b = acquireLock(db, 'collect')
    b.release()
    // A lock left by a dead process (pid that does not exist) is taken over.
    db.prepare('INSERT INTO locks (name, owner, pid, acquired_at, heartbeat_at) VALUES (?, ?, ?, ?, ?)').run(
      'collect',
      `${hostname()}:999999:x`,
      999999,
      Date.now(),
      Date.now()
    )
    const c = acquireLock(db, 'collect', { waitMs: 0 })
    c.release()
    // A lock without a heartbeat for long is stale too.
    db.prepare('INSERT INTO locks (name, owner, pid, acquired_at, heartbeat_at) VALUES (?, ?, ?, ?, ?)').run(
      'bulk',
      'elsewhere:1:y',
      1,
      0,
      0
    )
    acquireLock(db, 'bulk').release()
  })
})
