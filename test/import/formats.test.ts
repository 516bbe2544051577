import { closeSync, openSync, ftruncateSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MAX_FILE_BYTES, previewFile } from '../../src/main/core/import'
import type { ImportPreview } from '../../src/main/core/import'
import { fixture, tempDir } from './helpers'

const utc = (s: string): number => Date.parse(s)

/** file → preset, variant, encoding, delimiter, sheet, header row, rows previewed, rows usable */
const TABLE: [
  string,
  string,
  string | null,
  string | null,
  string | null,
  string | null,
  number | null,
  number,
  number
][] = [
  ['ba.csv', 'brand-analytics', null, 'utf-8', ';', null, 1, 10, 7],
  ['ba-1251.csv', 'brand-analytics', null, 'windows-1251', ';', null, 1, 9, 6],
  ['ba-bom-1251.csv', 'brand-analytics', null, 'windows-1251', ';', null, 1, 9, 6],
  ['ba-nul.csv', 'brand-analytics', null, 'utf-8', ';', null, 1, 3, 3],
  ['ba-truncated.csv', 'brand-analytics', null, 'utf-8', ';', null, 1, 2, 1],
  ['ba.xlsx', 'brand-analytics', null, null, null, 'Сообщения', 1, 5, 5],
  ['youscan-en.xlsx', 'youscan', 'en', null, null, 'Mentions', 1, 3, 3],
  ['youscan-ru.csv', 'youscan', 'ru', 'utf-16be', '\t', null, 1, 3, 3],
  ['broken-styles.xlsx', 'youscan', 'en', null, null, 'Mentions', 1, 3, 3],
  ['medialogia.xlsx', 'medialogia', 'excel', null, null, 'Сообщения', 1, 4, 4],
  ['medialogia.csv', 'medialogia', 'csv', 'windows-1251', ';', null, 1, 2, 2],
  ['meltwater.csv', 'meltwater', null, 'utf-16le', '\t', null, 1, 2, 2],
  ['meltwater-old.csv', 'meltwater', null, 'utf-8', ',', null, 1, 1, 1],
  ['brandwatch.csv', 'brandwatch', null, 'utf-8', ',', null, 7, 3, 3],
  ['talkwalker.xlsx', 'talkwalker', null, null, null, 'Results', 1, 2, 2],
  ['stored.xlsx', 'talkwalker', null, null, null, 'Results', 1, 2, 2],
  ['telegram-channel.json', 'telegram-json', null, 'utf-8', null, null, null, 3, 2],
  ['telegram-account.json', 'telegram-json', null, 'utf-8', null, null, null, 4, 4],
  ['generic.csv', 'generic', null, 'utf-8', '|', null, 1, 2, 2]
]

const previews = new Map<string, Promise<ImportPreview>>()
const preview = (f: string): Promise<ImportPreview> => {
  if (!previews.has(f)) previews.set(f, previewFile(null, fixture(f)))
  return previews.get(f)!
}
const row = async (f: string, line: number) => (await preview(f)).rows.find((r) => r.line === line)!

describe('format detection: preset × encoding', () => {
  it.each(TABLE)(
    '%s → %s',
    async (file, preset, variant, encoding, delimiter, sheet, headerRow, rows, usable) => {
      const p = await preview(file)
      expect({
        preset: p.preset,
        variant: p.presetVariant,
        encoding: p.encoding,
        delimiter: p.delimiter,
        sheet: p.sheet,
        headerRow: p.headerRow
      }).toEqual({
        preset,
        variant,
        encoding,
        delimiter,
        sheet,
        headerRow
      })
      expect(p.rows).toHaveLength(rows)
      expect(p.rows.filter((r) => r.mention).length).toBe(usable)
    }
  )
})

describe('Brand Analytics', () => {
  it('maps the CSV: dates + time in Almaty, numbers with (no-break) spaces, tags after Обработано, gender/age', async () => {
    const r = (await row('ba.csv', 2)).mention!
    expect(r.publishedAt).toBe(utc('2026-08-24T04:15:00Z'))
    expect(r).toMatchObject({
      externalId: 'a1f3c9e2b7d84f0e9a6b1c2d3e4f5a60',
      platform: 'vk',
      kind: 'post',
      sentiment: 'positive',
      lang: 'ru'
    })
    expect(r).toMatchObject({ likes: 2786, reach: 12500, views: 15300, reposts: 3, comments: 14 })
    expect(r.author).toMatchObject({
      name: 'Айгерим Нурланова',
      type: 'private',
      gender: 'female',
      age: '25-34',
      followers: 12500
    })
    // Tag columns after Обработано are tags; the geography columns after them (Область, Район) are not.
    expect(r.tags).toEqual(['Благоустройство'])
  })
  it('decodes quotes, newlines and HTML entities, and keeps both tag columns', async () => {
    const r = (await row('ba.csv', 3)).mention!
    expect(r.text).toBe(
      'В акимате сообщили: "ремонт на "Аль-Фараби" продлится до октября".\nЖители недовольны пробками!\u00a0Подробнее на сайте.'.replace(
        '\u00a0',
        ' '
      )
    )
    expect(r).toMatchObject({
      platform: 'news',
      sentiment: 'negative',
      title: 'Акимат Алматы объявил о ремонте дорог',
      tags: ['Дороги', 'Транспорт']
    })
    expect(r.outlet).toMatchObject({ name: 'Tengrinews.kz', audience: 1200000 })
  })
  it('reads "3,4 тыс.", forum source types, and warns on an unknown label instead of calling it neutral', async () => {
    expect((await row('ba.csv', 5)).mention).toMatchObject({
      platform: 'telegram',
      views: 3400,
      sentiment: 'neutral'
    })
    const forum = await row('ba.csv', 7)
    expect(forum.mention).toMatchObject({ platform: 'forum' })
    expect(forum.mention!.sentiment ?? null).toBeNull()
    expect(forum.warnings).toEqual(['unknown sentiment label "спорная" (left unlabelled)'])
  })
  it('rejects rows without a date, without text, or with a broken URL as their only key (line numbers count embedded newlines)', async () => {
    const p = await preview('ba.csv')
    expect(p.rows.filter((r) => !r.mention).map((r) => [r.line, r.errors[0]])).toEqual([
      [8, 'no date'],
      [9, 'no text and no title'],
      [11, 'broken URL "htp:/broken link" (the URL is this row\'s only key)']
    ])
  })
  it('reads Kazakh text and labels', async () => {
    expect((await row('ba.csv', 12)).mention).toMatchObject({
      text: 'Алматы әкімдігі жаңа саябақ ашты. Керемет!',
      lang: 'kk',
      sentiment: 'positive',
      author: { gender: 'male', age: '18-24' }
    })
  })
  it('gives the same values from the XLSX with another column order, Excel dates and _x000d_', async () => {
    const csv = await preview('ba.csv')
    const xlsx = await preview('ba.xlsx')
    const strip = (m: unknown): unknown => m
    expect(xlsx.rows.map((r) => strip(r.mention))).toEqual(
      csv.rows
        .filter((r) => r.mention)
        .slice(0, 5)
        .map((r) => strip(r.mention))
    )
    expect(xlsx.warnings.map((w) => w.message)).toContain('Sheet "Сообщения" imported; skipped: Отчёт.')
  })
  it('reads Windows-1251 (detected), a UTF-8 BOM in front of 1251, and strips NUL bytes', async () => {
    const utf8 = (await preview('ba.csv')).rows.slice(0, 9).map((r) => r.mention)
    expect((await preview('ba-1251.csv')).rows.map((r) => r.mention)).toEqual(utf8)
    const mixed = await preview('ba-bom-1251.csv')
    expect(mixed.rows.map((r) => r.mention)).toEqual(utf8)
    expect(mixed.warnings[0]!.message).toMatch(/UTF-8 byte-order mark but its text is windows-1251/)
    const nul = await preview('ba-nul.csv')
    expect(nul.rows[0]!.mention!.text).toContain('Спасибо акимату!')
    expect(nul.rows[0]!.mention!.kind).toBe('post')
    expect(nul.warnings[0]!.message).toMatch(/NUL bytes/)
  })
  it('rejects the record a truncated file cuts off', async () => {
    const p = await preview('ba-truncated.csv')
    expect(p.rows[1]).toMatchObject({
      line: 3,
      mention: null,
      errors: ['the file ends inside a quoted field (truncated file or unbalanced quote)']
    })
  })
})

describe('other presets', () => {
  it('YouScan en (XLSX): mixed → neutral with the label kept, demography, K numbers', async () => {
    const p = await preview('youscan-en.xlsx')
    expect(p.rows[0]!.mention).toMatchObject({
      platform: 'facebook',
      sentiment: 'positive',
      likes: 540,
      reach: 245000,
      comments: 45,
      publishedAt: utc('2026-08-24T13:20:00Z')
    })
    expect(p.rows[1]!.mention).toMatchObject({
      platform: 'youtube',
      sentiment: 'neutral',
      sentimentRaw: 'mixed',
      views: 1200,
      author: { gender: 'female', age: '18-24' }
    })
    expect(p.rows[2]!.mention).toMatchObject({
      platform: 'x',
      kind: 'repost',
      sentiment: 'negative',
      author: { gender: 'male', age: '35-44' }
    })
  })
  it('YouScan ru (UTF-16 BE, tab, digest text): tiktok, ok, threads', async () => {
    const p = await preview('youscan-ru.csv')
    expect(p.rows.map((r) => r.mention!.platform)).toEqual(['tiktok', 'ok', 'threads'])
    expect(p.rows[0]!.mention).toMatchObject({
      text: 'Опять перекрыли Достык, никто не предупредил',
      sentiment: 'negative',
      likes: 3100,
      views: 120000,
      author: { gender: 'female', age: '25-34', followers: 87000 }
    })
    expect(p.rows[1]!.mention!.author).toMatchObject({ gender: 'male', age: '45-54' })
  })
  it('Medialogia Excel: 1–5 grades, _x000d_, author audience before blog audience', async () => {
    const p = await preview('medialogia.xlsx')
    expect(p.rows.map((r) => r.mention!.sentiment ?? null)).toEqual(['negative', 'neutral', 'positive', null])
    expect(p.rows[0]!.mention).toMatchObject({
      text: 'Первая строка\nВторая строка о работе акимата',
      reach: 3400,
      publishedAt: utc('2026-08-24T18:59:00Z')
    })
    expect(p.rows[1]!.mention!.reach).toBe(1250)
    expect(p.rows[2]!.mention!.platform).toBe('blog')
    expect(p.rows[3]!.warnings).toEqual(['unknown sentiment label "7" (left unlabelled)'])
  })
  it('Medialogia CSV (Windows-1251): forum, recognised text as a fallback', async () => {
    const p = await preview('medialogia.csv')
    expect(p.rows[0]!.mention).toMatchObject({
      platform: 'forum',
      sentiment: 'negative',
      outlet: { name: 'Алматинский форум', url: 'https://forum.almaty.kz' }
    })
    expect(p.rows[1]!.mention).toMatchObject({
      platform: 'youtube',
      text: 'Сегодня мы расскажем о новых автобусах',
      sentiment: 'positive'
    })
  })
  it('Meltwater (UTF-16 LE, tab) and its old layout with a leading index column', async () => {
    const p = await preview('meltwater.csv')
    expect(p.rows[0]!.mention).toMatchObject({
      title: 'Almaty to expand metro line',
      reach: 1234567,
      sentiment: 'positive',
      lang: 'en',
      tags: ['metro', 'transport'],
      publishedAt: utc('2026-08-24T16:12:00Z')
    })
    expect(p.rows[1]!.mention).toMatchObject({
      text: 'Residents of Almaty complain about smog.',
      publishedAt: utc('2026-08-25T10:00:00Z')
    })
    expect(p.rows[1]!.mention!.sentiment ?? null).toBeNull()
    expect(p.rows[1]!.warnings).toEqual([])
    const old = await preview('meltwater-old.csv')
    expect(old.rows[0]!.mention).toMatchObject({
      platform: 'x',
      sentiment: 'negative',
      publishedAt: utc('2026-08-25T02:45:00Z'),
      author: { followers: 2345 }
    })
  })
  it('Brandwatch: header after 6 metadata rows, Content Id, page type, tags', async () => {
    const p = await preview('brandwatch.csv')
    expect(p.rows.map((r) => r.line)).toEqual([8, 9, 10])
    expect(p.rows[0]!.mention).toMatchObject({
      externalId: '1827000000000000001',
      platform: 'x',
      tags: ['Транспорт', 'Автобусы'],
      author: { type: 'private', gender: 'female' }
    })
    expect(p.rows[1]!.mention).toMatchObject({
      platform: 'news',
      title: 'Бюджет Алматы на 2027 год',
      text: 'Маслихат утвердил бюджет города на следующий год.'
    })
    expect(p.rows[2]!.mention!.platform).toBe('forum')
  })
  it('Talkwalker: day-first text and epoch ms, url as the external id, signed sentiment', async () => {
    const p = await preview('talkwalker.xlsx')
    expect(p.rows[0]!.mention).toMatchObject({
      publishedAt: utc('2026-08-24T09:05:00Z'),
      externalId: 'https://www.zakon.kz/obshestvo/6440000-almaty-park.html',
      sentiment: 'positive',
      platform: 'news'
    })
    expect(p.rows[1]!.mention).toMatchObject({
      publishedAt: 1787637600000,
      platform: 'facebook',
      sentiment: 'negative',
      author: { name: 'Акимат города Алматы', gender: 'female' }
    })
  })
  it('Telegram: t.me URLs, flattened text arrays, service messages and personal chats skipped', async () => {
    const ch = await preview('telegram-channel.json')
    expect(ch.rows[0]!.mention).toMatchObject({
      url: 'https://t.me/almaty_live/2',
      platform: 'telegram',
      likes: 15,
      publishedAt: 1787547600000
    })
    expect(ch.rows[1]!.mention!.text).toBe('Акимат: ремонт закончится в октябре. Источник: пост')
    // A photo posted without a caption: media without text, not an error.
    expect(ch.rows[2]).toMatchObject({ line: 4, status: 'media', errors: [] })
    expect(ch.warnings.map((w) => w.message)).toContain('2 service message(s) (joins, pins, calls…) skipped.')
    const acc = await preview('telegram-account.json')
    expect(acc.rows.map((r) => r.mention!.author!.name)).toEqual([
      'Серик',
      'Гульнара',
      'Almaty Live',
      'Almaty Live'
    ])
    expect(acc.rows[0]!.mention!.url).toBe('https://t.me/c/2222222222/10')
    expect(acc.warnings.map((w) => w.message)).toContain('1 personal chat(s) not imported: Мама.')
  })
  it('generic: the mapping is guessed from values (an ISO date column, a URL column, the longest text)', async () => {
    const p = await preview('generic.csv')
    expect(p.mapping).toEqual({ publishedAt: ['Момент'], url: ['Адрес страницы'], text: ['Содержимое'] })
    expect(p.rows[0]!.mention).toMatchObject({
      publishedAt: utc('2026-08-24T04:00:00Z'),
      platform: 'news',
      outlet: { name: 'nur.kz' }
    })
    expect(p.rows[1]!.mention).toMatchObject({ publishedAt: utc('2026-08-25T06:30:00Z'), platform: 'vk' })
  })
})

describe('files that cannot be imported', () => {
  it.each([
    ['binary.csv', /binary\.csv: it is a binary file/],
    ['empty.csv', /empty\.csv: the file is empty/],
    ['prose.csv', /prose\.csv: no header row found in the first 50 lines/],
    ['truncated.xlsx', /truncated\.xlsx: truncated or corrupt XLSX/],
    ['missing.csv', /missing\.csv: it cannot be opened \(ENOENT\)/]
  ])('%s', async (file, message) => {
    await expect(previewFile(null, fixture(file))).rejects.toMatchObject({
      code: 'IMPORT_UNREADABLE',
      message: expect.stringMatching(message)
    })
  })
})

it('refuses a file over the size limit, naming the limit (a sparse file: no disk used)', async () => {
  const tmp = tempDir()
  try {
    const path = join(tmp.dir, 'huge.csv')
    const fd = openSync(path, 'w')
    ftruncateSync(fd, MAX_FILE_BYTES + 1)
    closeSync(fd)
    await expect(previewFile(null, path)).rejects.toMatchObject({
      code: 'IMPORT_UNREADABLE',
      message: 'Cannot import huge.csv: it is 2.0 GB; the maximum file size is 2 GB (split the export).'
    })
  } finally {
    tmp.cleanup()
  }
})
