import { describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { newStemmer } from 'snowball-stemmers'
import { currentVersion, migrate, openDatabase } from '../../src/main/core/db/open'
import { SCHEMA_VERSION } from '../../src/main/core/db/migrations'
import { hasKazakhStems } from '../../src/main/core/ingest/fts'
import { normalizeText, tokenize } from '../../src/shared/text'
import { compileToSql, parseQuery } from '../../src/shared/query'

/** The stem column as version 2 wrote it: every Cyrillic word through the Russian stemmer. */
const russian = newStemmer('russian')
function oldStems(text: string): string {
  return tokenize(text)
    .map((w) => (/[а-яәғқңөұүһі]/.test(w) && w.length > 3 ? russian.stem(w) : w))
    .join(' ')
}

const TEXTS = [
  'Алматы қаласының әкімдігі жолдарды жөндеуді бастады.',
  'Әкімдіктердің уәдесі: көшелерде жарық болады.',
  'Акимат отремонтировал дороги, горячей воды нет.',
  'Жолдарды жөндеу басталды'
]

function search(db: Database.Database, q: string): number[] {
  const { sql, params } = compileToSql(parseQuery(q))
  return (
    db.prepare(`SELECT m.id FROM mentions m WHERE ${sql} ORDER BY m.id`).all(...params) as { id: number }[]
  ).map((r) => r.id)
}

describe('migration 3: Kazakh stems', () => {
  it('rewrites the stem columns of mentions with Kazakh words, and only those', () => {
    const dir = mkdtempSync(join(tmpdir(), 'otklik-m5-'))
    const path = join(dir, 'v2.db')
    const raw = new Database(path)
    migrate(raw, path, undefined, 2)
    // Mentions as version 2 stored them (plain rows: today's Ingestor writes later versions' tables).
    const insert = raw.prepare(
      "INSERT INTO mentions (dedup_key, published_at, platform, text, created_at) VALUES (?, ?, 'news', ?, ?)"
    )
    raw.transaction(() => {
      TEXTS.forEach((text, i) => insert.run(`k${i}`, 1_700_000_000_000 + i, text, 1_700_000_000_000))
    })()
    // Put the entries back as version 2 left them.
    const ids = raw.prepare('SELECT id, title, text FROM mentions ORDER BY id').all() as {
      id: number
      title: string | null
      text: string
    }[]
    for (const r of ids) {
      raw.prepare('DELETE FROM mentions_fts WHERE rowid = ?').run(r.id)
      raw
        .prepare(
          'INSERT INTO mentions_fts (rowid, title, body, title_stems, body_stems) VALUES (?, ?, ?, ?, ?)'
        )
        .run(r.id, '', normalizeText(r.text), '', oldStems(r.text))
    }
    expect(search(raw, 'әкімдік')).toEqual([])
    expect(search(raw, 'акимат')).toEqual([3])
    raw.close()

    const db = openDatabase(path)
    expect(currentVersion(db)).toBe(SCHEMA_VERSION)
    expect(search(db, 'әкімдік')).toEqual([1, 2])
    expect(search(db, 'көше')).toEqual([2])
    expect(search(db, 'жол')).toEqual([1, 4])
    // Untouched entries still answer; the normalised columns are intact too.
    expect(search(db, 'акимат')).toEqual([3])
    expect(search(db, '"горячая вода"')).toEqual([3])
    expect(search(db, 'жөнде*')).toEqual([1, 4])
    // The FTS index stays consistent: one entry per mention.
    expect(
      db.prepare("SELECT count(*) FROM mentions_fts WHERE mentions_fts MATCH 'body : жөнде*'").pluck().get()
    ).toBe(2)
    db.close()
  })

  it('picks the texts whose stems changed', () => {
    expect(hasKazakhStems('Әкімдік')).toBe(true)
    expect(hasKazakhStems('жолдарды жөндеу')).toBe(true)
    expect(hasKazakhStems('Жолдарды')).toBe(true)
    expect(hasKazakhStems('Акимат отремонтировал дороги')).toBe(false)
    expect(hasKazakhStems(null)).toBe(false)
  })
})
