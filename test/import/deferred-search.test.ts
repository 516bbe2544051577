import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { Db } from '../../src/main/core/db'
import { importFile } from '../../src/main/core/import'
import { Ingestor } from '../../src/main/core/ingest'
import { indexPending } from '../../src/main/core/ingest/fts'
import { openWorkspaceDatabase } from '../../src/main/core/workspace'
import { tokenize } from '../../src/shared/text'
import { stemWord } from '../../src/shared/stem'
import { generate } from '../../bench/import-generate'
import { tempDb } from '../helpers/db'
import { fixture, tempDir } from './helpers'

const tmp = tempDir()
afterAll(() => tmp.cleanup())

/** Which mentions each query term finds: the exact-form and the stem columns, for every word of `texts`. */
function matches(db: Db, words: string[]): Record<string, number[]> {
  const q = db.prepare('SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH ? ORDER BY rowid').pluck()
  const out: Record<string, number[]> = {}
  for (const w of words) {
    out[`body:${w}`] = q.all(`body : "${w}"`) as number[]
    out[`stems:${w}`] = q.all(`body_stems : "${stemWord(w)}"`) as number[]
    out[`title:${w}`] = q.all(`title : "${w}"`) as number[]
  }
  return out
}

function sampleWords(db: Db): string[] {
  const texts = db
    .prepare("SELECT ifnull(title, '') || ' ' || text FROM mentions ORDER BY id LIMIT 60")
    .pluck()
    .all() as string[]
  return [...new Set(texts.flatMap(tokenize))].slice(0, 150)
}

const pending = (db: Db): number => db.prepare('SELECT count(*) FROM search_pending').pluck().get() as number

describe('search index written right after the commit (bulk import)', () => {
  it('indexes every committed row as the per-row path does, and leaves nothing pending', async () => {
    const file = await generate(3000, 'windows-1251', join(tmp.dir, 'gen'))
    // Its own transaction: rows committed first, then the index. Inside a caller's transaction: per row.
    const bulk = tempDb('deferred-bulk')
    const perRow = tempDb('deferred-per-row')
    // When the rows are announced committed, their index entries are still to come.
    let atCommit: { pending: number; words: number; found: number } | null = null
    const a = await importFile(bulk.db, file, {
      onProgress: (p) => {
        if (!p.committed || atCommit) return
        const words = sampleWords(bulk.db)
        atCommit = {
          pending: pending(bulk.db),
          words: words.length,
          found: Object.values(matches(bulk.db, words)).filter((ids) => ids.length).length
        }
      }
    })
    expect(atCommit).toMatchObject({ pending: 1, found: 0 })
    expect(atCommit!.words).toBeGreaterThan(50)
    perRow.db.exec('BEGIN')
    const b = await importFile(perRow.db, file)
    perRow.db.exec('COMMIT')
    expect(a.inserted).toBe(3000)
    expect(b.inserted).toBe(3000)
    expect(a.committedMs).toBeLessThanOrEqual(a.indexedMs!)
    expect(a.indexedMs).toBeLessThanOrEqual(a.analysedMs!)
    expect(pending(bulk.db)).toBe(0)
    const words = sampleWords(bulk.db)
    expect(words.length).toBeGreaterThan(50)
    const found = matches(bulk.db, words)
    expect(Object.values(found).some((ids) => ids.length > 10)).toBe(true)
    expect(found).toEqual(matches(perRow.db, words))
    bulk.db.prepare("INSERT INTO mentions_fts(mentions_fts, rank) VALUES ('integrity-check', 0)").run()
    // Re-importing the file finds every row a duplicate (keys as before) and writes no second entry.
    const again = await importFile(bulk.db, file)
    expect(again).toMatchObject({ inserted: 0, duplicates: 3000 })
    expect(matches(bulk.db, words)).toEqual(found)
    bulk.db.close()
    perRow.db.close()
  }, 120_000)

  it('finishes a range left pending (a crash between the commit and the index) when the workspace opens', async () => {
    const { db, path } = tempDb('deferred-crash')
    const r = await importFile(db, fixture('ba.csv'))
    const words = sampleWords(db)
    const expected = matches(db, words)
    // Rows committed with their index left for later, as a bulk import does; the process "dies" before it.
    db.exec("INSERT INTO mentions_fts(mentions_fts) VALUES ('delete-all')")
    const ids = db.prepare('SELECT id FROM mentions ORDER BY id').pluck().all() as number[]
    db.prepare('INSERT INTO search_pending (lo, hi) VALUES (?, ?)').run(ids[0], ids.at(-1))
    expect(Object.values(matches(db, words)).every((x) => x.length === 0)).toBe(true)
    db.close()
    const reopened = openWorkspaceDatabase(path)
    expect(pending(reopened)).toBe(0)
    expect(matches(reopened, words)).toEqual(expected)
    expect(r.inserted).toBeGreaterThan(0)
    reopened.close()
  })

  it('a duplicate that rewrites a pending row’s text leaves its entry to the indexer (no second entry)', () => {
    const { db } = tempDb('deferred-dup')
    const rec = (text: string) => ({
      publishedAt: Date.UTC(2026, 10, 20, 9),
      platform: 'news' as const,
      url: 'https://example.kz/news/1',
      title: 'Заголовок',
      text
    })
    db.transaction(() => {
      const ing = new Ingestor(db, { deferSearch: true })
      expect(ing.add(rec('Старый текст про дороги'))).toBe('inserted')
      ing.finish()
    })()
    expect(pending(db)).toBe(1)
    // A later copy from the item's own site rewrites the text while the row waits for its index entry.
    db.prepare(
      "INSERT INTO sources (type, name, url, target, created_at) VALUES ('rss', 'Example', 'https://example.kz/rss', '', 0)"
    ).run()
    db.transaction(() => {
      const ing = new Ingestor(db, { sourceId: 1 })
      expect(ing.add(rec('Новый текст про школы'))).toBe('updated')
      ing.finish()
    })()
    const q = db.prepare('SELECT count(*) FROM mentions_fts WHERE mentions_fts MATCH ?').pluck()
    expect(q.get('body : "школы"')).toBe(0)
    // The indexer writes the entry from the text stored now: once, the new words only.
    expect(indexPending(db)).toBe(1)
    expect(q.get('body : "школы"')).toBe(1)
    expect(q.get('body : "дороги"')).toBe(0)
    expect(pending(db)).toBe(0)
    db.close()
  })
})
