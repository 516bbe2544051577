import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { importFile, previewFile } from '../../src/main/core/import'
import { headerKey } from '../../src/main/core/import/mapping/presets'
import { parseFeed, parseTelegramPage, CollectError } from '../../src/main/core/collect'
import { htmlToText } from '../../src/main/core/collect/html-text'
import { normalizeHost } from '../../src/shared/query'
import { dispatch } from '../../src/main/core/api/dispatch'
import { browserPlatform, createHandlers } from '../../src/main/core/api/handlers'
import { type Db } from '../../src/main/core/db/open'
import { openWorkspaceDatabase } from '../../src/main/core/workspace'
import { OtklikError } from '../../src/shared/errors'
import { writeZip } from './fuzz/zip'
import { fuzzWorkspace } from './fuzz/targets-api'
import { tempDir } from './helpers'

// Each case is an input the fuzzer found (test/reliability/fuzz), cut down to its cause.
const timed = <T>(fn: () => T): { value: T; ms: number } => {
  const t0 = Date.now()
  const value = fn()
  return { value, ms: Date.now() - t0 }
}

describe('inputs found by fuzzing', () => {
  const t = tempDir('found')
  let db: Db
  beforeAll(() => {
    db = openWorkspaceDatabase(join(t.dir, 'w.db'), { create: true })
  })
  afterAll(() => {
    db.close()
    t.cleanup()
  })

  it('a CSV header cell with a long run of quotes is read in linear time (was minutes: a quadratic regex)', async () => {
    const cell = `Page Type${'"'.repeat(150_000)},Author`
    expect(timed(() => headerKey(cell)).ms).toBeLessThan(200)
    const f = join(t.dir, 'quotes.csv')
    writeFileSync(f, `Date,Url,${cell}\n2026-08-24,https://x.kz/a,hello,me\n`)
    const t0 = Date.now()
    await previewFile(null, f)
    expect(Date.now() - t0).toBeLessThan(5000)
  })

  it('a quoted CSV field of 400 000 doubled quotes is read in linear time (was quadratic: line counting searched ahead)', async () => {
    const f = join(t.dir, 'doubled.tsv')
    writeFileSync(f, `Дата\tТекст\n24.08.2026\t"${'""'.repeat(200_000)}"\n25.08.2026\tпросто текст\n`)
    const t0 = Date.now()
    const r = await importFile(db, f, { dryRun: true, analyzer: null })
    expect(Date.now() - t0).toBeLessThan(5000)
    expect(r.rows).toBe(2)
  })

  /** A minimal workbook: one sheet with `rows` (sheetData content); `relsJunk` goes into the workbook's relations. */
  const xlsx = (name: string, rows: string, relsJunk = ''): string => {
    const parts = {
      '[Content_Types].xml': `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
      '_rels/.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      'xl/workbook.xml': `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship ${relsJunk} Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      'xl/worksheets/sheet1.xml': `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`
    }
    const f = join(t.dir, name)
    writeFileSync(f, writeZip(Object.entries(parts).map(([n, x]) => ({ name: n, data: Buffer.from(x) }))))
    return f
  }
  const header =
    '<row r="1"><c r="A1" t="inlineStr"><is><t>Дата</t></is></c><c r="B1" t="inlineStr"><is><t>Текст</t></is></c></row>'

  it('an XLSX cell reference past column XFD is refused (was a V8 fatal error: the process died)', async () => {
    const f = xlsx(
      'far.xlsx',
      `${header}<row r="2"><c r="A2" t="inlineStr"><is><t>24.08.2026</t></is></c><c r="ZZZZZZZZ2"><v>1</v></c></row>`
    )
    const err = await importFile(db, f, { analyzer: null }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(OtklikError)
    expect((err as Error).message).toMatch(/Cannot import far\.xlsx: .*beyond Excel's last column/)
  })

  it('XLSX attributes with a long run of name characters are read in linear time (was a hang)', async () => {
    const f = xlsx(
      'colons.xlsx',
      `${header}<row r="2"><c r="A2" t="inlineStr"><is><t>24.08.2026</t></is></c><c r="B2" t="inlineStr"><is><t>Парк</t></is></c></row>`,
      ':'.repeat(260_000)
    )
    const t0 = Date.now()
    const r = await importFile(db, f, { dryRun: true, analyzer: null })
    expect(Date.now() - t0).toBeLessThan(5000)
    expect(r.rows).toBe(1)
  })

  it('Telegram JSON with values of the wrong type imports what it can (was TypeError: v.trim is not a function)', async () => {
    const f = join(t.dir, 'result.json')
    writeFileSync(
      f,
      JSON.stringify({
        name: { x: 1 },
        type: 'public_channel',
        id: 5,
        messages: [
          null,
          7,
          {
            id: 1,
            type: 'message',
            date_unixtime: '1787547600',
            from: false,
            from_id: [],
            text: 'Акимат открыл парк',
            reactions: {}
          },
          {
            id: 2,
            type: 'message',
            date_unixtime: true,
            text: [{ type: 'plain', text: { no: 1 } }, 'Пробки']
          }
        ]
      })
    )
    const r = await importFile(db, f, { dryRun: true, analyzer: null })
    expect(r.rows).toBe(2)
    expect(r.inserted + r.rejected).toBe(2)
  })

  it('an absurd count (1e300 reactions) is dropped, not fatal to the batch (was SqliteError: cannot store REAL value)', async () => {
    const f = join(t.dir, 'likes.json')
    const msg = (id: number, count: number): object => ({
      id,
      type: 'message',
      date_unixtime: '1787547600',
      text: `Пост ${id}`,
      reactions: [{ type: 'emoji', count }]
    })
    writeFileSync(
      f,
      JSON.stringify({ name: 'Канал', type: 'public_channel', id: 9, messages: [msg(1, 1e300), msg(2, 12)] })
    )
    const r = await importFile(db, f, { analyzer: null })
    expect(r.inserted).toBe(2)
    expect(
      db.prepare('SELECT likes FROM mentions WHERE batch_id = ? ORDER BY id').pluck().all(r.batchId)
    ).toEqual([null, 12])
  })

  it('hostile hosts and authors are read in linear time (were quadratic regexes)', () => {
    expect(timed(() => normalizeHost(`http://a${'.'.repeat(200_000)}b/x`)).ms).toBeLessThan(200)
    const xml = `<rss version="2.0"><channel><title>x</title><item><title>t</title><author>${'('.repeat(200_000)}</author><description>d</description></item></channel></rss>`
    expect(timed(() => parseFeed(xml, null, 'https://x.kz/feed')).ms).toBeLessThan(2000)
    // What the old regex captured, the new code captures.
    const author = (a: string): string | null | undefined =>
      parseFeed(
        `<rss version="2.0"><channel><title>x</title><item><title>t</title><author>${a}</author><description>d</description></item></channel></rss>`,
        null,
        'https://x.kz/f'
      ).items[0]?.author?.name
    expect(author('mail@site.kz (Иван Петров)')).toBe('Иван Петров')
    expect(author('a (b (c) ')).toBe('b (c')
  })

  it('a feed the XML validator passes but the parser rejects is a CollectError (was a bare Error)', () => {
    // fast-xml-parser's validator accepts this prolog; its parser throws "Pi Tag is not closed."
    const feed =
      '<?xml version="1.0" encodin\'\'\'?><rss version="2.0"><channel><title>x</title></channel></rss>'
    expect(() => parseFeed(feed, null, 'https://x.kz/f')).toThrow(CollectError)
    expect(() => parseFeed(feed, null, 'https://x.kz/f')).toThrow(
      /not well-formed XML \(Pi Tag is not closed/
    )
  })

  it('deep or unclosed markup is read flat and fast; a t.me page made of it is refused (was minutes, then a stack overflow)', () => {
    expect(timed(() => htmlToText('<div>'.repeat(100_000) + 'текст' + '</div>'.repeat(100_000))).value).toBe(
      'текст'
    )
    expect(timed(() => htmlToText('<p>a'.repeat(40_000))).ms).toBeLessThan(2000)
    expect(timed(() => htmlToText('<![CDATA[x '.repeat(30_000))).ms).toBeLessThan(2000)
    expect(htmlToText('<p>Акимат &laquo;открыл&raquo;<br>парк</p>')).toBe('Акимат «открыл»\nпарк')
    expect(() => parseTelegramPage('<div>'.repeat(50_000), 'https://t.me/s/x')).toThrow(CollectError)
  })

  it('an attribute named "constructor" does not break HTML reading (node-html-parser read Object.prototype)', () => {
    expect(htmlToText('<p constructor>Акимат</p><img constructor alt="😀">')).toMatch(/Акимат/)
    const page = `<div class="tgme_widget_message" data-post="chan/5"><div class="tgme_widget_message_text">Пост</div><span class="tgme_widget_message_views" constructor>1K</span></div>`
    expect(() => parseTelegramPage(page, 'https://t.me/s/chan')).not.toThrow(TypeError)
  })

  it('t.me posts with absurd ids are skipped, future dates get the fetch time', () => {
    const now = Date.parse('2026-11-16T12:00:00Z')
    const post = (id: string, when: string): string =>
      `<div class="tgme_widget_message" data-post="chan/${id}"><div class="tgme_widget_message_text">Пост ${id}</div><a class="tgme_widget_message_date"><time datetime="${when}"></time></a></div>`
    const page = parseTelegramPage(
      post('999999999999999999999', '2026-11-16T10:00:00+00:00') + post('7', '2036-11-14T09:00:00+00:00'),
      'https://t.me/s/chan',
      { now }
    )
    expect(page.posts.map((p) => p.id)).toEqual([7])
    expect(page.posts[0]!.mention.publishedAt).toBe(now)
  })

  it('the API answers VALIDATION, not INTERNAL: unknown time zone, a non-date period, a duplicate subject name', async () => {
    const d = tempDir('found-api')
    const { ws } = await fuzzWorkspace(d.dir)
    try {
      const h = createHandlers(ws, { ...browserPlatform(), uploadsDir: () => join(d.dir, 'uploads') })
      const bad = await dispatch(h, 'settings:set', { timeZone: 'Europe/Nowhere' })
      expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
      expect(await dispatch(h, 'settings:set', { timeZone: 'Asia/Almaty' })).toMatchObject({ ok: true })
      expect(await dispatch(h, 'stats:get', { from: 'site:nur.kz' })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' }
      })
      expect(await dispatch(h, 'stats:get', { from: '2026-08-01', to: '2026-08-31' })).toMatchObject({
        ok: true
      })
      const a = await dispatch(h, 'subjects:add', { name: 'Дороги', query: 'дорог*' })
      expect(a.ok).toBe(true)
      const id = (a as { value: { id: number } }).value.id
      const dup = await dispatch(h, 'subjects:update', { id, name: 'Акимат' })
      expect(dup).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', message: expect.stringMatching(/exists already/) }
      })
      // An upload named "." or ".." was written to the folder itself (EISDIR → INTERNAL).
      for (const name of ['.', '..', '...']) {
        const up = await dispatch(h, 'imports:upload', {
          name,
          base64: Buffer.from('Дата;Текст\n').toString('base64')
        })
        expect(up).toMatchObject({ ok: true, value: { path: expect.stringMatching(/[\\/]upload$/) } })
      }
    } finally {
      ws.close()
      d.cleanup()
    }
  })
})
