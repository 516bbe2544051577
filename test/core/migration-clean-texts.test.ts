import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { currentVersion, migrate, openDatabase } from '../../src/main/core/db/open'
import { cleanStored } from '../../src/main/core/db/migrations/0005-clean-texts'
import { FTS_INSERT_SQL, ftsRow } from '../../src/main/core/ingest/fts'
import { compileToSql, parseQuery } from '../../src/shared/query'
import { xmlSafeText } from '../../src/shared/text'

// Issue 21: databases made before the ingest sanitiser hold C0 controls, U+FFFE/U+FFFF and lone
// surrogates (stored by SQLite as invalid UTF-8); migration 5 cleans them with the same sanitiser.

function search(db: Database.Database, q: string): number[] {
  const { sql, params } = compileToSql(parseQuery(q))
  return (
    db.prepare(`SELECT m.id FROM mentions m WHERE ${sql} ORDER BY m.id`).all(...params) as { id: number }[]
  ).map((r) => r.id)
}

/** Every stored text of the three tables is valid UTF-8 and what the sanitiser would leave. */
function dirtyTexts(db: Database.Database): string[] {
  const out: string[] = []
  const utf8 = new TextDecoder('utf-8', { fatal: true })
  for (const [table, cols] of [
    ['mentions', ['title', 'text', 'url', 'import_sentiment_raw', 'tags']],
    ['authors', ['name', 'url']],
    ['outlets', ['name', 'url']]
  ] as const)
    for (const c of cols)
      for (const b of db
        .prepare(`SELECT CAST(${c} AS BLOB) FROM ${table} WHERE ${c} IS NOT NULL`)
        .pluck()
        .all() as Buffer[]) {
        let s: string
        try {
          s = utf8.decode(b)
        } catch {
          out.push(`${table}.${c}: invalid UTF-8 ${b.toString('hex')}`)
          continue
        }
        if (xmlSafeText(s) !== s) out.push(`${table}.${c}: ${JSON.stringify(s)}`)
      }
  return out
}

const dir = mkdtempSync(join(tmpdir(), 'otklik-m5-clean-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('migration 5: texts stored before the sanitiser are cleaned', () => {
  it('cleanStored drops what XML cannot carry and the bytes of lone surrogates; clean bytes stay as they are', () => {
    expect(cleanStored(Buffer.from('a\u0001b\uFFFEc\uFFFF'))).toBe('abc')
    expect(cleanStored(Buffer.from([0x61, 0xed, 0xa0, 0x80, 0x62]))).toBe('ab')
    expect(cleanStored(Buffer.from([0x61, 0xff, 0x62]))).toBe('a\uFFFDb')
    expect(cleanStored(Buffer.from('😀 таб\tи\nстрока'))).toBeNull()
  })

  it('cleans mentions, authors and outlets, rewrites their search entries, keeps keys and summaries', () => {
    const path = join(dir, 'v4.db')
    const raw = new Database(path)
    migrate(raw, path, undefined, 4)
    raw
      .prepare(
        `INSERT INTO authors (key, platform, name, name_norm, created_at) VALUES ('telegram:a', 'telegram', 'Автор\u0002 Иван\uFFFE', 'автор\u0002 иван\uFFFE', 1)`
      )
      .run()
    raw
      .prepare(
        `INSERT INTO outlets (key, platform, name, created_at) VALUES ('telegram:o', 'telegram', 'Канал\uFFFF', 1)`
      )
      .run()
    const insert = raw.prepare(
      `INSERT INTO mentions (dedup_key, external_id, published_at, platform, author_id, outlet_id, title, text, url, tags, sentiment, created_at)
       VALUES (?, ?, ?, 'telegram', 1, 1, ?, ?, ?, ?, -1, 1)`
    )
    insert.run(
      'id:tg/1',
      'tg/1',
      Date.UTC(2026, 10, 20, 9),
      'Заголовок\uFFFE',
      'горя\u0001чая вода пропала',
      'https://t.me/c/1',
      'a\u0008b'
    )
    insert.run(
      'id:tg/2',
      'tg/2',
      Date.UTC(2026, 10, 21, 9),
      'Чистый заголовок',
      'Акимат открыл парк 😀',
      null,
      null
    )
    // A lone surrogate as SQLite kept it: the three bytes ED A0 80, invalid UTF-8.
    raw
      .prepare(
        `INSERT INTO mentions (dedup_key, published_at, platform, text, created_at)
         VALUES ('id:tg/3', ?, 'telegram', CAST(x'd09fd0bed181d182eda080' || ? AS TEXT), 1)`
      )
      .run(Date.UTC(2026, 10, 22, 9), Buffer.from(' про дороги'))
    for (const r of raw.prepare('SELECT id, title, text FROM mentions').all() as {
      id: number
      title: string | null
      text: string
    }[])
      raw.prepare(FTS_INSERT_SQL).run(...ftsRow(r.id, r.title, r.text))
    expect(dirtyTexts(raw).length).toBeGreaterThanOrEqual(6)
    expect(search(raw, 'горячая')).toEqual([])
    const sums = raw.prepare('SELECT * FROM mention_sums_days ORDER BY 1, 2').all()
    const keys = raw.prepare('SELECT id, dedup_key, external_id, url_key FROM mentions ORDER BY id').all()
    raw.close()

    const db = openDatabase(path)
    expect(currentVersion(db)).toBeGreaterThanOrEqual(5)
    expect(dirtyTexts(db)).toEqual([])
    expect(db.prepare('SELECT title, text, tags FROM mentions ORDER BY id').all()).toEqual([
      { title: 'Заголовок', text: 'горячая вода пропала', tags: 'ab' },
      { title: 'Чистый заголовок', text: 'Акимат открыл парк 😀', tags: null },
      { title: null, text: 'Пост про дороги', tags: null }
    ])
    expect(db.prepare('SELECT name, name_norm FROM authors').get()).toEqual({
      name: 'Автор Иван',
      name_norm: 'автор иван'
    })
    expect(db.prepare('SELECT name FROM outlets').pluck().get()).toBe('Канал')
    // The search index follows the cleaned texts, one entry per mention.
    expect(search(db, 'горячая')).toEqual([1])
    expect(search(db, 'пост')).toEqual([3])
    expect(search(db, 'акимат')).toEqual([2])
    expect(
      db
        .prepare(
          "SELECT count(*) FROM mentions_fts WHERE mentions_fts MATCH 'body : вода OR body : парк OR body : дороги'"
        )
        .pluck()
        .get()
    ).toBe(3)
    expect(db.prepare('SELECT * FROM mention_sums_days ORDER BY 1, 2').all()).toEqual(sums)
    expect(db.prepare('SELECT id, dedup_key, external_id, url_key FROM mentions ORDER BY id').all()).toEqual(
      keys
    )
    expect(db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok')
    db.close()
  })
})
