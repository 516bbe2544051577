import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { join } from 'node:path'
import { addSource, collectOnce } from '../../src/main/core/collect'
import { FAST, tempDb } from './helpers'

const CSV =
  'Date,Title,Text,URL,Author\n2026-11-16 10:00,Пробка на Абая,Жители жалуются на пробки,https://x.kz/a/1,Иван\n2026-11-16 11:00,Свет,Нет света в доме,https://x.kz/a/2,Мария\n'

describe('watched folder', () => {
  let ws: ReturnType<typeof tempDb>
  let inbox: string
  let id: number
  beforeEach(() => {
    ws = tempDb()
    inbox = join(ws.dir, 'inbox')
    mkdirSync(inbox)
    id = addSource(ws.db, { type: 'folder', target: inbox }).id
  })
  afterEach(() => ws.cleanup())

  it('imports a dropped CSV into imported/, a bad file into failed/ with the reason, and skips temp files', async () => {
    writeFileSync(join(inbox, 'export.csv'), CSV)
    writeFileSync(join(inbox, 'broken.xlsx'), 'this is not a workbook')
    for (const temp of ['~$export.xlsx', 'download.csv.part', 'file.crdownload', '.hidden.csv'])
      writeFileSync(join(inbox, temp), CSV)
    const r = await collectOnce(ws.db, { settings: FAST })
    expect(r.sources).toHaveLength(1)
    const s = r.sources[0]!
    expect(s).toMatchObject({ id, url: inbox, status: 'error', fetched: 2, new: 2, duplicates: 0 })
    expect(s.error).toMatch(
      /^Source #1 "inbox" \(.*inbox\): 1 file\(s\) could not be imported: broken\.xlsx \(Cannot import broken\.xlsx: .*\)\. They were moved to .*failed/
    )
    expect(readdirSync(join(inbox, 'imported'))).toEqual(['export.csv'])
    expect(readdirSync(join(inbox, 'failed')).sort()).toEqual(['broken.xlsx', 'broken.xlsx.txt'])
    expect(readFileSync(join(inbox, 'failed', 'broken.xlsx.txt'), 'utf8')).toMatch(/not an XLSX workbook/)
    expect(readdirSync(inbox).sort()).toEqual([
      '.hidden.csv',
      'download.csv.part',
      'failed',
      'file.crdownload',
      'imported',
      '~$export.xlsx'
    ])
    expect(ws.db.prepare('SELECT count(*) FROM mentions WHERE source_id = ?').pluck().get(id)).toBe(2)
    expect(ws.db.prepare('SELECT kind, source_id, inserted FROM import_batches').all()).toEqual([
      { kind: 'folder', source_id: id, inserted: 2 }
    ])
    // the folder is fine: a bad file does not back the source off
    expect(ws.db.prepare('SELECT failures, last_status FROM sources WHERE id = ?').get(id)).toEqual({
      failures: 0,
      last_status: 'error'
    })

    // the same export dropped again: de-duplicated, kept beside the first under a new name
    writeFileSync(join(inbox, 'export.csv'), CSV)
    const again = await collectOnce(ws.db, { settings: FAST })
    expect(again.sources[0]).toMatchObject({ status: 'ok', fetched: 2, new: 0, duplicates: 2, error: null })
    expect(readdirSync(join(inbox, 'imported')).sort()).toEqual(['export (2).csv', 'export.csv'])
  })

  it('leaves files that are too fresh or still growing for a later round', async () => {
    const path = join(inbox, 'growing.csv')
    writeFileSync(path, CSV)
    const young = await collectOnce(ws.db, { settings: { ...FAST, folderMinAgeMs: 60_000 } })
    expect(young.sources[0]).toMatchObject({ status: 'ok', fetched: 0 })
    expect(existsSync(path)).toBe(true)
    const grow = setInterval(
      () => appendFileSync(path, '2026-11-16 12:00,Ещё,Строка,https://x.kz/a/9,Пётр\n'),
      5
    )
    try {
      const busy = await collectOnce(ws.db, { settings: { ...FAST, folderSettleMs: 100 } })
      expect(busy.sources[0]).toMatchObject({ status: 'ok', fetched: 0 })
      expect(existsSync(path)).toBe(true)
    } finally {
      clearInterval(grow)
    }
    const done = await collectOnce(ws.db, { settings: FAST })
    expect(done.sources[0]!.new).toBeGreaterThanOrEqual(3)
    expect(existsSync(join(inbox, 'imported', 'growing.csv'))).toBe(true)
  })

  it('reports a folder that went away', async () => {
    rmSync(inbox, { recursive: true })
    const r = await collectOnce(ws.db, { settings: FAST })
    expect(r.sources[0]!.status).toBe('error')
    expect(r.sources[0]!.error).toMatch(/the folder cannot be read \(ENOENT\)\. Reconnect the drive/)
  })
})
