import Database from 'better-sqlite3'
import { normalizeText } from '../../src/shared/text'
import { stemText } from '../../src/shared/stem'
import { normalizeHost, compileToSql, parseQuery } from '../../src/shared/query'

export interface TestDoc {
  id: number
  title?: string | null
  text: string
  url?: string | null
  author?: string | null
}

/** A real in-memory database with the schema the query compiler targets (see src/shared/query/sql.ts). */
export function buildDb(docs: TestDoc[]): Database.Database {
  const db = new Database(':memory:')
  db.exec(`
    CREATE TABLE authors (id INTEGER PRIMARY KEY, name TEXT NOT NULL, name_norm TEXT NOT NULL) STRICT;
    CREATE TABLE mentions (id INTEGER PRIMARY KEY, url TEXT, host TEXT, author_id INTEGER REFERENCES authors(id),
      title TEXT, text TEXT NOT NULL) STRICT;
    CREATE VIRTUAL TABLE mentions_fts USING fts5(title, body, title_stems, body_stems, content='',
      contentless_delete=1, tokenize="unicode61 remove_diacritics 0");
  `)
  const authorIds = new Map<string, number>()
  const addAuthor = db.prepare('INSERT INTO authors (name, name_norm) VALUES (?, ?)')
  const addMention = db.prepare(
    'INSERT INTO mentions (id, url, host, author_id, title, text) VALUES (?, ?, ?, ?, ?, ?)'
  )
  const addFts = db.prepare(
    'INSERT INTO mentions_fts (rowid, title, body, title_stems, body_stems) VALUES (?, ?, ?, ?, ?)'
  )
  db.transaction(() => {
    for (const d of docs) {
      let authorId: number | null = null
      if (d.author) {
        authorId = authorIds.get(d.author) ?? null
        if (authorId === null) {
          authorId = Number(addAuthor.run(d.author, normalizeText(d.author)).lastInsertRowid)
          authorIds.set(d.author, authorId)
        }
      }
      addMention.run(d.id, d.url ?? null, normalizeHost(d.url), authorId, d.title ?? null, d.text)
      addFts.run(
        d.id,
        normalizeText(d.title ?? ''),
        normalizeText(d.text),
        stemText(d.title ?? ''),
        stemText(d.text)
      )
    }
  })()
  return db
}

/** The ids the compiled query selects; the same with its matches as a filter (the grid's plan for common searches), or it throws. */
export function sqlIds(db: Database.Database, query: string): number[] {
  const run = (matchesAsFilter: boolean) => {
    const { sql, params } = compileToSql(parseQuery(query), { matchesAsFilter })
    return (
      db.prepare(`SELECT m.id FROM mentions m WHERE ${sql} ORDER BY m.id`).all(...params) as { id: number }[]
    ).map((r) => r.id)
  }
  const ids = run(false)
  if (JSON.stringify(run(true)) !== JSON.stringify(ids))
    throw new Error(`${query}: the matches as a filter select other mentions`)
  return ids
}
