import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../src/main/core/db'
import { openWorkspaceDatabase } from '../../src/main/core/workspace'
import {
  importFile,
  importFiles,
  listImportHistory,
  previewFile,
  undoImport,
  writeRejectedCsv
} from '../../src/main/core/import'
import type { ImportProgress } from '../../src/main/core/import'
import { readZip, writeZip } from '../fixtures/import/minizip'
import { count, fixture, ftsRows, snapshot, tempDb, tempDir } from './helpers'

const BA_HASH = 'a1f3c9e2b7d84f0e9a6b1c2d3e4f5a60'
let tmp: ReturnType<typeof tempDir>
let n = 0
const freshDb = (): Db => tempDb(tmp.dir, `w${++n}.db`)

beforeAll(() => {
  tmp = tempDir()
})
afterAll(() => tmp.cleanup())

describe('commit', () => {
  it('imports Brand Analytics: counts, values in the database, search index, batch history', async () => {
    const db = freshDb()
    const r = await importFile(db, fixture('ba.csv'))
    expect(r).toMatchObject({
      preset: 'brand-analytics',
      encoding: 'utf-8',
      delimiter: ';',
      sheet: null,
      headerRow: 1
    })
    expect(r).toMatchObject({ rows: 10, inserted: 6, duplicates: 1, updated: 1, rejected: 3 })
    expect(r.rows).toBe(r.inserted + r.duplicates + r.rejected)
    expect(r.errors).toEqual([
      { line: 8, message: 'no date' },
      { line: 9, message: 'no text and no title' },
      { line: 11, message: 'broken URL "htp:/broken link" (the URL is this row\'s only key)' }
    ])
    expect(r.warnings).toEqual([
      { line: 7, message: 'unknown sentiment label "спорная" (left unlabelled)' },
      {
        line: 10,
        message:
          '1 row(s) of this file were taken as duplicates of earlier rows of it (line 10 = line 2: the same id); check the mapping if they are different publications.'
      }
    ])
    // The duplicate says what it matched: the row of line 2, by its Hash.
    expect(r.duplicateRows).toEqual([
      { line: 10, reason: 'id', mentionId: expect.any(Number), matchedLine: 2 }
    ])
    const m = db.prepare('SELECT * FROM mentions WHERE external_id = ?').get(BA_HASH) as Record<
      string,
      unknown
    >
    // The in-file duplicate (same hash, more likes) refreshed the metric.
    expect(m).toMatchObject({
      platform: 'vk',
      likes: 2900,
      reach: 12500,
      sentiment: 1,
      sentiment_origin: 'import',
      batch_id: r.batchId,
      tags: '["Благоустройство"]'
    })
    expect(m.published_at).toBe(Date.parse('2026-08-24T04:15:00Z'))
    const a = db.prepare('SELECT * FROM authors WHERE name = ?').get('Айгерим Нурланова') as Record<
      string,
      unknown
    >
    expect(a).toMatchObject({ type: 'private', gender: 'female', age: '25-34', followers: 12500 })
    expect(ftsRows(db)).toHaveLength(6)
    expect(
      db
        .prepare("SELECT count(*) FROM mentions_fts WHERE mentions_fts MATCH 'body_stems:площадк'")
        .pluck()
        .get()
    ).toBe(1)
    const [h] = listImportHistory(db)
    expect(h).toMatchObject({
      id: r.batchId,
      fileName: 'ba.csv',
      fileSize: readFileSync(fixture('ba.csv')).length,
      preset: 'brand-analytics',
      rows: 10,
      inserted: 6,
      rejected: 3
    })
    expect(h!.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(h!.errors).toHaveLength(3)
    db.close()
  })

  it('re-importing inserts nothing and counts every usable row as a duplicate; the XLSX of the same export too', async () => {
    const db = freshDb()
    await importFile(db, fixture('ba.csv'))
    const again = await importFile(db, fixture('ba.csv'))
    expect(again).toMatchObject({ inserted: 0, duplicates: 7, updated: 0, rejected: 3 })
    const xlsx = await importFile(db, fixture('ba.xlsx'))
    expect(xlsx).toMatchObject({ sheet: 'Сообщения', inserted: 0, duplicates: 5 })
    expect(count(db, 'mentions')).toBe(6)
    db.close()
  })

  it('undo brings the workspace back to before the import', async () => {
    const db = freshDb()
    await importFile(db, fixture('youscan-en.xlsx'))
    const before = snapshot(db)
    const r = await importFile(db, fixture('ba.csv'))
    expect(count(db, 'mentions')).toBe(9)
    expect(undoImport(db, r.batchId!)).toEqual({ undone: r.batchId, deleted: 6 })
    const after = snapshot(db) as { batches: { id: number; undone_at: number | null }[] }
    expect({ ...after, batches: after.batches.filter((b) => b.id !== r.batchId) }).toEqual(before)
    expect(() => undoImport(db, r.batchId!)).toThrow(/already undone/)
    expect(() => undoImport(db, 999)).toThrow(/No import batch with id 999/)
    db.close()
  })

  it('never overwrites a manual label; newer metrics are updated; undo of manual labels needs force', async () => {
    const db = freshDb()
    const first = await importFile(db, fixture('ba.csv'))
    db.prepare(
      "UPDATE mentions SET manual_sentiment = -1, sentiment = -1, sentiment_origin = 'manual' WHERE external_id = ?"
    ).run(BA_HASH)
    // The row seen again with more likes and another imported label.
    const text = readFileSync(fixture('ba.csv'), 'utf8')
      .split('\r\n')
      .map((l) =>
        l.includes(';2 900;') ? l.replace(';2 900;', ';3 500;').replace(';позитив;', ';негатив;') : l
      )
      .join('\r\n')
    const changed = join(tmp.dir, 'ba-newer.csv')
    writeFileSync(changed, text)
    const r = await importFile(db, changed)
    expect(r).toMatchObject({ inserted: 0, updated: 1 })
    expect(
      db
        .prepare(
          'SELECT likes, sentiment, sentiment_origin, manual_sentiment FROM mentions WHERE external_id = ?'
        )
        .get(BA_HASH)
    ).toEqual({
      likes: 3500,
      sentiment: -1,
      sentiment_origin: 'manual',
      manual_sentiment: -1
    })
    expect(() => undoImport(db, first.batchId!)).toThrow(expect.objectContaining({ code: 'NEEDS_FORCE' }))
    expect(undoImport(db, first.batchId!, true).undone).toBe(first.batchId)
    db.close()
  })

  it('a dry run counts against the database and writes nothing', async () => {
    const db = freshDb()
    await importFile(db, fixture('ba.xlsx'))
    const before = snapshot(db)
    const dry = await importFile(db, fixture('ba.csv'), { dryRun: true })
    expect(dry).toMatchObject({ batchId: null, rows: 10, inserted: 1, duplicates: 6, rejected: 3 })
    expect(snapshot(db)).toEqual(before)
    const real = await importFile(db, fixture('ba.csv'))
    // The same report but for the batch id and the times it took.
    const same = (r: typeof real) => ({ ...r, batchId: null, committedMs: 0, indexedMs: 0, analysedMs: 0 })
    expect(same(real)).toEqual(same(dry))
    expect(real.analysedMs).toBeGreaterThanOrEqual(real.committedMs!)
    db.close()
  })

  it('a file that fails half-way (corrupt XLSX data after the first rows) leaves the database unchanged', async () => {
    const db = freshDb()
    await importFile(db, fixture('ba.csv'))
    const before = snapshot(db)
    const broken = await corruptXlsx(join(tmp.dir, 'corrupt-middle.xlsx'))
    const p = await previewFile(null, broken, { rows: 5 })
    expect(p.rows).toHaveLength(5)
    await expect(importFile(db, broken)).rejects.toMatchObject({
      code: 'IMPORT_UNREADABLE',
      message: expect.stringMatching(/corrupt-middle\.xlsx: corrupt XLSX/)
    })
    expect(snapshot(db)).toEqual(before)
    db.close()
  })

  it('cancelling rolls everything back', async () => {
    const db = freshDb()
    const before = snapshot(db)
    const big = join(tmp.dir, 'ba-big.csv')
    const body = readFileSync(fixture('ba.csv'), 'utf8')
    const lines = body.split('\r\n')
    const rows: string[] = [lines[0]!]
    for (let i = 0; i < 4000; i++)
      rows.push(lines[1]!.replace(BA_HASH, `hash${i}`).replace('wall-12345_678', `wall-1_${i}`))
    writeFileSync(big, rows.join('\r\n'))
    const ac = new AbortController()
    let seen = 0
    const run = importFile(db, big, {
      signal: ac.signal,
      onProgress: (p) => {
        seen = Math.max(seen, p.rowsRead)
        setTimeout(() => ac.abort(), 5)
      }
    })
    await expect(run).rejects.toMatchObject({ name: 'AbortError' })
    expect(snapshot(db)).toEqual(before)
    expect(db.inTransaction).toBe(false)
    db.close()
  })

  it('says when another writer holds the workspace', async () => {
    const db = freshDb()
    const path = db.name
    const other = openWorkspaceDatabase(path, { busyTimeout: 50 })
    db.exec('BEGIN IMMEDIATE')
    await expect(importFile(other, fixture('ba.csv'))).rejects.toMatchObject({ code: 'DB_LOCKED' })
    db.exec('ROLLBACK')
    expect((await importFile(other, fixture('ba.csv'))).inserted).toBe(6)
    other.close()
    db.close()
  })

  it('reports progress with bytes, rows and counts', async () => {
    const db = freshDb()
    const seen: ImportProgress[] = []
    const r = await importFile(db, fixture('ba.csv'), { onProgress: (p) => seen.push({ ...p }) })
    const last = seen[seen.length - 1]!
    expect(seen.length).toBeGreaterThanOrEqual(2)
    expect(last).toMatchObject({
      rowsRead: 10,
      inserted: 6,
      duplicates: 1,
      rejected: 3,
      totalBytes: readFileSync(fixture('ba.csv')).length
    })
    expect(last.bytes).toBe(last.totalBytes)
    expect(r.inserted).toBe(6)
    db.close()
  })

  it('imports several files, each its own batch; unreadable files are reported and the rest go on', async () => {
    const db = freshDb()
    const files = [
      'youscan-ru.csv',
      'binary.csv',
      'truncated.xlsx',
      'telegram-account.json',
      'telegram-channel.json',
      'empty.csv'
    ].map(fixture)
    const out = await importFiles(db, files)
    expect(out.failed).toBe(true)
    expect(
      out.batches.map((b) =>
        'error' in b ? b.error : `${b.preset}:${b.inserted}/${b.duplicates}/${b.rejected}`
      )
    ).toEqual([
      'youscan:3/0/0',
      'Cannot import binary.csv: it is a binary file, not text (CSV/TSV/JSON).',
      'Cannot import truncated.xlsx: truncated or corrupt XLSX (the ZIP directory at its end is missing).',
      'telegram-json:4/0/0',
      // The channel's two text posts were in the account export already; its photo-only post is counted
      // apart as media without text, not rejected.
      'telegram-json:0/2/0',
      'Cannot import empty.csv: the file is empty.'
    ])
    const ok = out.batches.filter((b) => !('error' in b))
    expect(new Set(ok.map((b) => (b as { batchId: number }).batchId)).size).toBe(3)
    expect(count(db, 'import_batches')).toBe(3)
    db.close()
  })

  it('rejects a row with a 50 MB cell by name of the limit, and keeps the others', async () => {
    const db = freshDb()
    const path = join(tmp.dir, 'huge-cell.csv')
    const head = 'Дата;Время;Hash сообщения;Текст;Url;Лайков;Репостов;Обработано\r\n'
    const ok = (i: number): string =>
      `24.08.2026;10:0${i};h${i};Обычный текст ${i};https://vk.com/wall-9_${i};1;0;Нет\r\n`
    const chunk = 'x'.repeat(1 << 20)
    const parts = [head, ok(1), '24.08.2026;10:05;big;"']
    for (let i = 0; i < 50; i++) parts.push(chunk, i % 10 === 0 ? '\n' : '')
    parts.push('";https://vk.com/wall-9_big;1;0;Нет\r\n', ok(2))
    writeFileSync(path, parts.join(''))
    const r = await importFile(db, path)
    expect(r).toMatchObject({ rows: 3, inserted: 2, rejected: 1 })
    expect(r.errors[0]).toEqual({
      line: 3,
      message: 'cell 4 is longer than the maximum cell length (4,194,304 characters)'
    })
    db.close()
  })

  it('writes the rejected rows as a CSV for fixing: UTF-8 BOM, ;, formulas neutralised', async () => {
    const db = freshDb()
    const r = await importFile(db, fixture('ba.csv'))
    const out = join(tmp.dir, 'rejected.csv')
    expect(await writeRejectedCsv(r, out)).toEqual({ rows: 3 })
    const buf = readFileSync(out)
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = buf.toString('utf8').slice(1)
    const lines = text.split('\r\n')
    expect(lines[0]!.startsWith('Дата;Время;Hash сообщения;')).toBe(true)
    expect(lines[0]!.endsWith(';Import error')).toBe(true)
    expect(text).toContain(`;"'=HYPERLINK(""https://evil.example"",""x"")";`)
    expect(text).toContain(`;"'@SUM(1;2)";`)
    expect(lines.filter(Boolean)).toHaveLength(4)
    expect(lines[3]!.endsWith('broken URL ""htp:/broken link"" (the URL is this row\'s only key)"')).toBe(
      true
    )
    db.close()
  })
})

/** A 600-row workbook whose compressed sheet data is damaged past its first rows (ZIP directory intact). */
async function corruptXlsx(path: string): Promise<string> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Mentions')
  ws.addRow([
    'Date',
    'Time',
    'Title',
    'Text',
    'Post type',
    'URL',
    'Sentiment',
    'Author',
    'Source',
    'Publication place'
  ])
  for (let i = 0; i < 600; i++)
    ws.addRow([
      '24.08.2026',
      '10:00',
      '',
      `Сообщение номер ${i} о городе`,
      'post',
      `https://vk.com/wall-5_${i}`,
      'neutral',
      `a${i}`,
      'vk.com',
      'Алматы'
    ])
  await wb.xlsx.writeFile(path)
  const buf = readFileSync(path)
  // Re-pack (deflated, known offsets), then flip bytes 70% into the sheet's compressed data.
  const packed = writeZip(readZip(buf))
  const name = Buffer.from('xl/worksheets/sheet1.xml')
  const LOCAL = Buffer.from([0x50, 0x4b, 0x03, 0x04])
  let at = packed.indexOf(LOCAL)
  while (at >= 0 && !packed.subarray(at + 30, at + 30 + name.length).equals(name))
    at = packed.indexOf(LOCAL, at + 4)
  const start = at + 30 + name.length
  const len = packed.readUInt32LE(at + 18)
  for (let i = 0; i < 16; i++) packed[start + Math.floor(len * 0.7) + i]! ^= 0x5a
  writeFileSync(path, packed)
  return path
}
