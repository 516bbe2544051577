import { describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { currentVersion, migrate, openDatabase } from '../../src/main/core/db/open'
import { SCHEMA_VERSION } from '../../src/main/core/db/migrations'
import { normalizeText } from '../../src/shared/text'
import { compileToSql, parseQuery } from '../../src/shared/query'

/** Texts and the stem columns version 6 wrote for them (the stemmer then cut -ы/-і off «тілші»). */
const BEFORE: Array<[string, string]> = [
  ['Тілші әкімдік басшысымен сөйлесті', 'тілш әкімдік басшысым сөйлес'],
  ['Жүргізушілер мен тілшілер келді', 'жүргізуші мен тілші кел'],
  ['Акимат отремонтировал дороги', 'акимат отремонтирова дорог'],
  ['Әкімдік жолдарды жөндеді', 'әкімдік жол жөндед']
]

function search(db: Database.Database, q: string): number[] {
  const { sql, params } = compileToSql(parseQuery(q))
  return (
    db.prepare(`SELECT m.id FROM mentions m WHERE ${sql} ORDER BY m.id`).all(...params) as { id: number }[]
  ).map((r) => r.id)
}

describe('migration 7: Kazakh agent nouns keep -шы/-ші in their stem', () => {
  it('rewrites the stems of mentions with such words, so the bare noun finds every form', () => {
    const dir = mkdtempSync(join(tmpdir(), 'otklik-m7-'))
    const path = join(dir, 'v6.db')
    const raw = new Database(path)
    migrate(raw, path, undefined, 6)
    const insert = raw.prepare(
      "INSERT INTO mentions (dedup_key, published_at, platform, text, created_at) VALUES (?, ?, 'news', ?, ?)"
    )
    raw.transaction(() => {
      BEFORE.forEach(([text], i) => insert.run(`k${i}`, 1_700_000_000_000 + i, text, 1_700_000_000_000))
    })()
    const ids = raw.prepare('SELECT id FROM mentions ORDER BY id').pluck().all() as number[]
    ids.forEach((id, i) => {
      raw.prepare('DELETE FROM mentions_fts WHERE rowid = ?').run(id)
      raw
        .prepare(
          'INSERT INTO mentions_fts (rowid, title, body, title_stems, body_stems) VALUES (?, ?, ?, ?, ?)'
        )
        .run(id, '', normalizeText(BEFORE[i]![0]), '', BEFORE[i]![1])
    })
    // as version 6 left it: «тілші» finds the plural only
    expect(search(raw, 'тілші')).toEqual([2])
    raw.close()

    const db = openDatabase(path)
    expect(currentVersion(db)).toBe(SCHEMA_VERSION)
    expect(search(db, 'тілші')).toEqual([1, 2])
    expect(search(db, 'жүргізуші')).toEqual([2])
    expect(search(db, 'әкімдік')).toEqual([1, 4])
    expect(search(db, 'акимат')).toEqual([3])
    expect(search(db, 'жол')).toEqual([4])
    expect(db.prepare('SELECT count(*) FROM mentions_fts').pluck().get()).toBe(4)
    db.close()
  })
})
