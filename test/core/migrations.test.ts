import { describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { currentVersion, migrate, openDatabase } from '../../src/main/core/db/open'
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/main/core/db/migrations'
import { summariesDdl } from '../../src/main/core/db/summaries'
import { tempDb } from '../helpers/db'

/** The summary tables and triggers of a database, as SQLite stores their definitions. */
function summarySchema(db: Database.Database): { type: string; name: string; sql: string }[] {
  return db
    .prepare(
      `SELECT type, name, sql FROM sqlite_master
       WHERE (type = 'table' AND name LIKE '%sums_%') OR (type = 'trigger' AND name LIKE '%_summary_%')
       ORDER BY type, name`
    )
    .all() as { type: string; name: string; sql: string }[]
}

describe('migrations are frozen', () => {
  it('the summaries code and the migrated schema agree (a change to summaries.ts needs a new migration)', () => {
    const { db } = tempDb('frozen')
    const shipped = summarySchema(db)
    expect(shipped.length).toBeGreaterThan(20)
    // What today's code would create on the schema before the summaries existed.
    const fresh = new Database(':memory:')
    migrate(fresh, ':memory:', undefined, 1)
    fresh.exec(summariesDdl())
    expect(summarySchema(fresh)).toEqual(shipped)
    fresh.close()
    db.close()
  })

  it('migrates a fixture database from each version to the next, keeping its mentions and exact summaries', () => {
    for (let from = 1; from < SCHEMA_VERSION; from++) {
      const { dir, db: scratch } = tempDb(`step${from}`)
      scratch.close()
      const path = join(dir, `v${from}.db`)
      const raw = new Database(path)
      migrate(raw, path, undefined, from)
      // A workspace as version `from` left it: an author with two mentions (version 1's columns).
      raw
        .prepare(
          `INSERT INTO authors (key, platform, name, name_norm, created_at) VALUES ('telegram:kanal', 'telegram', 'Канал', 'канал', 1)`
        )
        .run()
      const author = raw.prepare('SELECT id FROM authors').pluck().get() as number
      const insert = raw.prepare(
        `INSERT INTO mentions (dedup_key, published_at, platform, author_id, text, sentiment, created_at)
         VALUES (?, ?, 'telegram', ?, 'Акимат отремонтировал дорогу', -1, 1)`
      )
      insert.run('k1', Date.UTC(2026, 10, 20, 9), author)
      insert.run('k2', Date.UTC(2026, 10, 21, 9), author)
      raw.close()
      const db = openDatabase(path)
      expect(currentVersion(db)).toBe(SCHEMA_VERSION)
      expect(db.prepare('SELECT count(*) FROM mentions').pluck().get()).toBe(2)
      expect(db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok')
      expect(db.prepare('SELECT ifnull(sum(n), 0) FROM mention_sums_days').pluck().get()).toBe(2)
      db.close()
    }
    // Versions only increase (migrations written in parallel take distinct numbers; see migrations/index.ts).
    const versions = MIGRATIONS.map((m) => m.version)
    expect(versions[0]).toBe(1)
    expect(versions.every((v, i) => i === 0 || v > versions[i - 1]!)).toBe(true)
  })
})
