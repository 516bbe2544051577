import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  importFile,
  listPresets,
  parseMappingFile,
  previewFile,
  savePreset
} from '../../src/main/core/import'
import { fixture, snapshot, tempDb, tempDir } from './helpers'

let tmp: ReturnType<typeof tempDir>
beforeAll(() => {
  tmp = tempDir()
})
afterAll(() => tmp.cleanup())

describe('preview', () => {
  it('shows what a commit would do against the database, and writes nothing', async () => {
    const db = tempDb(tmp.dir, 'preview.db')
    await importFile(db, fixture('ba.xlsx'))
    const before = snapshot(db)
    const p = await previewFile(db, fixture('ba.csv'))
    expect(p.rows.map((r) => r.status)).toEqual([
      'duplicate',
      'duplicate',
      'duplicate',
      'duplicate',
      'duplicate',
      'rejected',
      'rejected',
      'duplicate',
      'rejected',
      'new'
    ])
    expect(p.columns.slice(0, 3)).toEqual(['Дата', 'Время', 'Hash сообщения'])
    expect(p.mapping.externalId).toEqual(['Hash сообщения'])
    expect(p.timezone).toBe('Asia/Almaty')
    expect(snapshot(db)).toEqual(before)
    const few = await previewFile(db, fixture('ba.csv'), { rows: 2 })
    expect(few.rows).toHaveLength(2)
    db.close()
  })
})

describe('mapping files and presets', () => {
  it('applies a --mapping file over the guess (and unmaps with null)', async () => {
    const db = tempDb(tmp.dir, 'mapping.db')
    const mapping = parseMappingFile({
      delimiter: '|',
      timezone: 'Europe/Moscow',
      fields: {
        publishedAt: 'Момент',
        text: 'Содержимое',
        url: 'Адрес страницы',
        views: 'Счётчик',
        tags: 'Заметка',
        outlet: null
      }
    })
    // The mapping's own zone is more specific than the workspace zone the app passes.
    const r = await importFile(db, fixture('generic.csv'), { mapping, timezone: 'Asia/Almaty' })
    expect(r).toMatchObject({ preset: 'generic', delimiter: '|', inserted: 2 })
    const rows = db.prepare('SELECT published_at, views, tags, outlet_id FROM mentions ORDER BY id').all()
    expect(rows).toEqual([
      // An explicit offset stays; the naive time is read in the mapping's zone (Moscow, UTC+3).
      {
        published_at: Date.parse('2026-08-24T04:00:00Z'),
        views: 10,
        tags: '["ок"]',
        outlet_id: expect.any(Number)
      },
      { published_at: Date.parse('2026-08-25T08:30:00Z'), views: 2, tags: null, outlet_id: null }
    ])
    db.close()
  })

  it('says which mapped column is missing and refuses unknown fields', async () => {
    const p = await previewFile(null, fixture('generic.csv'), {
      mapping: { fields: { text: 'Нет такой колонки' } }
    })
    expect(p.warnings.map((w) => w.message)).toContain(
      'Mapping: column "Нет такой колонки" for text is not in the header row.'
    )
    expect(() => parseMappingFile({ fields: { body: 'x' } })).toThrow(/Invalid mapping: fields\.body/)
    expect(() => parseMappingFile({ delimiter: ';;;;' })).toThrow(/delimiter/)
  })

  it('saves a mapping as a named preset and imports with it by name', async () => {
    const db = tempDb(tmp.dir, 'presets.db')
    savePreset(db, 'Наш мониторинг', {
      delimiter: '|',
      fields: { publishedAt: 'Момент', text: 'Содержимое', url: 'Адрес страницы', likes: 'Счётчик' }
    })
    expect(listPresets(db).map((p) => p.name)).toEqual([
      'brand-analytics',
      'youscan',
      'medialogia',
      'meltwater',
      'brandwatch',
      'talkwalker',
      'telegram-json',
      'feed',
      'media-cloud',
      'tiktok-scraper',
      'instagram-scraper',
      'youtube-scraper',
      'crowdtangle',
      'tgstat',
      'popsters',
      'generic',
      'Наш мониторинг'
    ])
    const r = await importFile(db, fixture('generic.csv'), { preset: 'Наш мониторинг' })
    expect(r).toMatchObject({ preset: 'Наш мониторинг', inserted: 2 })
    expect(db.prepare('SELECT likes FROM mentions ORDER BY id').pluck().all()).toEqual([10, 2])
    expect(() => savePreset(db, 'youscan', {})).toThrow(/built-in preset name/)
    await expect(importFile(db, fixture('generic.csv'), { preset: 'нет такого' })).rejects.toMatchObject({
      code: 'VALIDATION'
    })
    db.close()
  })

  it('forces a built-in preset, and the workspace time zone setting is the default', async () => {
    const db = tempDb(tmp.dir, 'forced.db')
    db.prepare("INSERT INTO settings (key, value) VALUES ('timeZone', '\"Asia/Tokyo\"')").run()
    const p = await previewFile(db, fixture('ba.csv'), { preset: 'brand-analytics' })
    expect(p.preset).toBe('brand-analytics')
    expect(p.timezone).toBe('Asia/Tokyo')
    expect(p.rows[0]!.mention!.publishedAt).toBe(Date.parse('2026-08-24T00:15:00Z'))
    const generic = await previewFile(db, fixture('ba.csv'), { preset: 'generic', timezone: 'Asia/Almaty' })
    expect(generic.preset).toBe('generic')
    expect(generic.mapping.externalId).toEqual(['Hash сообщения'])
    await expect(previewFile(db, fixture('ba.csv'), { timezone: 'Mars/Olympus' })).rejects.toThrow(
      /Unknown time zone "Mars\/Olympus"/
    )
    db.close()
  })

  it('takes the Telegram channel @username from the mapping', async () => {
    const path = join(tmp.dir, 'channel.json')
    writeFileSync(
      path,
      JSON.stringify({
        name: 'Канал',
        type: 'public_channel',
        id: 42,
        messages: [{ id: 7, type: 'message', date_unixtime: '1787547600', from: 'Канал', text: 'Пост' }]
      })
    )
    const p = await previewFile(null, path, { mapping: { telegramUsername: '@almaty_channel' } })
    expect(p.rows[0]!.mention!.url).toBe('https://t.me/almaty_channel/7')
    const bare = await previewFile(null, path)
    expect(bare.rows[0]!.mention!.url).toBe('https://t.me/c/42/7')
  })
})

describe('CLI contract', () => {
  it('prints exactly the documented JSON and exit code', async () => {
    const { importCli, undoCli } = await import('../../src/main/core/import')
    const db = tempDb(tmp.dir, 'cli.db')
    const mappingPath = join(tmp.dir, 'mapping.json')
    writeFileSync(mappingPath, JSON.stringify({ fields: { views: 'Счётчик' } }))
    const r = await importCli(db, { files: [fixture('generic.csv'), fixture('binary.csv')], mappingPath })
    expect(r.exitCode).toBe(1)
    const json = JSON.parse(JSON.stringify(r.output))
    expect(Object.keys(json)).toEqual(['batches'])
    expect(Object.keys(json.batches[0])).toEqual([
      'file',
      'batchId',
      'preset',
      'encoding',
      'delimiter',
      'sheet',
      'headerRow',
      'rows',
      'inserted',
      'updated',
      'duplicates',
      'rejected',
      'mediaWithoutText',
      'errors',
      'warnings',
      'duplicateRows',
      'committedMs',
      'indexedMs',
      'analysedMs'
    ])
    expect(json.batches[0].analysedMs).toBeGreaterThanOrEqual(json.batches[0].committedMs)
    expect(json.batches[0]).toMatchObject({
      preset: 'generic',
      encoding: 'utf-8',
      delimiter: '|',
      sheet: null,
      headerRow: 1,
      rows: 2,
      inserted: 2,
      errors: [],
      warnings: []
    })
    expect(json.batches[1]).toEqual({
      file: fixture('binary.csv'),
      error: 'Cannot import binary.csv: it is a binary file, not text (CSV/TSV/JSON).'
    })
    const dry = await importCli(db, { files: [fixture('generic.csv')], dryRun: true })
    expect(dry).toMatchObject({
      exitCode: 0,
      output: { batches: [{ batchId: null, inserted: 0, duplicates: 2 }] }
    })
    expect(undoCli(db, String(json.batches[0].batchId))).toEqual({
      undone: json.batches[0].batchId,
      deleted: 2
    })
    expect(() => undoCli(db, 'abc')).toThrow(/not an import batch id/)
    writeFileSync(mappingPath, '{"fields": ')
    await expect(importCli(db, { files: [fixture('generic.csv')], mappingPath })).rejects.toThrow(
      /mapping file .* is not valid JSON/
    )
    db.close()
  })
})
