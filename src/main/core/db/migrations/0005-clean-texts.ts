import type Database from 'better-sqlite3'
import { normalizeText, xmlSafeText } from '../../../../shared/text'
import { FTS_INSERT_SQL, ftsRow } from '../../ingest/fts'
import type { Migration } from './types'

/**
 * Texts stored before the ingest sanitiser (storableText, src/main/core/ingest/ingestor.ts) may hold what
 * no XML document can carry (C0 controls, U+FFFE/U+FFFF) or lone surrogates, which SQLite kept as invalid
 * UTF-8: they broke the DOCX digest and the XLSX export. This passes the stored mention titles, texts,
 * links, raw sentiment labels and tags, and author and outlet names and links, through the same
 * `xmlSafeText`; a mention whose title or text changed gets its search entry rewritten, an author whose
 * name changed its normalised name. Keys (dedup_key, external_id, url_key) and the summaries are untouched
 * (no summarised column changes). Clean rows, nearly all of them, are only read.
 */
export const m0005: Migration = {
  version: 5,
  name: 'clean-texts',
  up: (db) => {
    cleanTable(db, 'mentions', ['title', 'text', 'url', 'import_sentiment_raw', 'tags'], (id, row) => {
      if (!('title' in row) && !('text' in row)) return
      const cur = db.prepare('SELECT title, text FROM mentions WHERE id = ?').get(id) as {
        title: string | null
        text: string
      }
      db.prepare('DELETE FROM mentions_fts WHERE rowid = ?').run(id)
      db.prepare(FTS_INSERT_SQL).run(...ftsRow(id, cur.title, cur.text))
    })
    cleanTable(db, 'authors', ['name', 'url'], (id, row) => {
      if (typeof row.name === 'string')
        db.prepare('UPDATE authors SET name_norm = ? WHERE id = ?').run(normalizeText(row.name.trim()), id)
    })
    cleanTable(db, 'outlets', ['name', 'url'], () => undefined)
  }
}

const PAGE = 2000
const strict = new TextDecoder('utf-8', { fatal: true })
const lenient = new TextDecoder('utf-8')

/**
 * Reads `columns` of every row as bytes, a page at a time (better-sqlite3 cannot write while a SELECT is
 * iterated), and writes back the columns whose sanitised text differs; `after` hears each changed row.
 */
function cleanTable(
  db: Database.Database,
  table: 'mentions' | 'authors' | 'outlets',
  columns: string[],
  after: (id: number, changed: Record<string, string>) => void
): number {
  const page = db.prepare(
    `SELECT id, ${columns.map((c) => `CAST(${c} AS BLOB) AS ${c}`).join(', ')} FROM ${table} WHERE id > ? ORDER BY id LIMIT ${PAGE}`
  )
  let last = 0
  let changedRows = 0
  for (;;) {
    const rows = page.all(last) as Record<string, number | Buffer | null>[]
    if (rows.length === 0) break
    for (const r of rows) {
      const changed: Record<string, string> = {}
      for (const c of columns) {
        const v = r[c]
        if (!(v instanceof Uint8Array)) continue
        const clean = cleanStored(v)
        if (clean !== null) changed[c] = clean
      }
      const names = Object.keys(changed)
      if (names.length === 0) continue
      db.prepare(`UPDATE ${table} SET ${names.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run({
        ...changed,
        id: r.id
      })
      after(r.id as number, changed)
      changedRows++
    }
    last = rows.at(-1)!.id as number
  }
  return changedRows
}

/**
 * The stored bytes as sanitised text, or null when they are clean already. A lone surrogate was stored as
 * its three-byte form (ED A0–BF xx), which is not UTF-8: those bytes are dropped (as the sanitiser drops
 * the surrogate), any other invalid byte becomes U+FFFD (as the import's decoder does).
 * cleanStored(Buffer.from('a\u0001b')) === 'ab'
 */
export function cleanStored(bytes: Uint8Array): string | null {
  let text: string
  let dirty = false
  try {
    text = strict.decode(bytes)
  } catch {
    text = lenient.decode(withoutSurrogateBytes(bytes))
    dirty = true
  }
  const clean = xmlSafeText(text)
  return dirty || clean !== text ? clean : null
}

function withoutSurrogateBytes(b: Uint8Array): Uint8Array {
  const out = new Uint8Array(b.length)
  let n = 0
  for (let i = 0; i < b.length; i++) {
    if (
      b[i] === 0xed &&
      i + 2 < b.length &&
      b[i + 1]! >= 0xa0 &&
      b[i + 1]! <= 0xbf &&
      (b[i + 2]! & 0xc0) === 0x80
    ) {
      i += 2
      continue
    }
    out[n++] = b[i]!
  }
  return out.subarray(0, n)
}
