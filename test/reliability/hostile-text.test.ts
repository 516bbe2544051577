import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseFeed } from '../../src/main/core/collect'
import { type Db } from '../../src/main/core/db'
import { openWorkspaceDatabase } from '../../src/main/core/workspace'
import { importFile } from '../../src/main/core/import'
import { Ingestor } from '../../src/main/core/ingest'
import { csvCell } from '../../src/main/core/queries/export'
import {
  mentionsTable,
  tableToCsv,
  tableToXlsx,
  XLSX_CELL_CHARS,
  XLSX_CUT_MARKER
} from '../../src/main/core/queries/table-export'
import { exportDigest } from '../../src/main/core/report'
import { assertWellFormedXml, unzipParts, xmlChar } from './fuzz/targets-writers'
import { looksLikeFormula, xmlSafeText } from '../../src/shared/text'
import { zonedToUtc } from '../../src/shared/time'

// Issue 21, findings 2 and 8: feed text broke the DOCX digest and the XLSX export; formula neutralisation
// was visible in XLSX and missed spaced, zero-width and full-width forms.

/** The parts of a ZIP (DOCX, XLSX) by name, as text: the writers fuzz target's reader. */
function unzip(buf: Buffer): Map<string, string> {
  return new Map([...unzipParts(buf)].map(([name, data]) => [name, data.toString('utf8')]))
}

const HOSTILE = [
  'Акимат\uFFFE открыл\uFFFF парк',
  'жалоба\u0001\u0008\u000b\u000c\u001f на дороги',
  'лишний суррогат \uD800 и \uDC00 здесь',
  'эмодзи 😀 остаются\tтаб\nстрока\r',
  '-5 градусов',
  '=HYPERLINK("http://evil.example","жми")',
  ' =1+1',
  '\uFF1D1+1',
  '\u200B=1+1'
]

const TZ = 'Asia/Almaty'
const NOW = zonedToUtc(2026, 11, 25, 11, 0, 0, TZ)
const AT = zonedToUtc(2026, 11, 18, 10, 0, 0, TZ) // in week 2026-W47

let dir: string
let db: Db
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'otklik-hostile-text-'))
  db = openWorkspaceDatabase(join(dir, 'w.db'), { create: true })
})
afterAll(() => {
  db.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('one sanitiser at ingest', () => {
  it('xmlSafeText removes exactly what XML cannot carry', () => {
    expect(xmlSafeText('a\u0000b\u0001c\u001fd\uFFFEe\uFFFFf')).toBe('abcdef')
    expect(xmlSafeText('x\uD800y\uDC00z\uDBFF')).toBe('xyz')
    expect(xmlSafeText('😀 таб\tLF\nCR\r әғқңөұүһі \u007f')).toBe('😀 таб\tLF\nCR\r әғқңөұүһі \u007f')
    for (const s of HOSTILE) for (const ch of xmlSafeText(s)) expect(xmlChar(ch.codePointAt(0)!)).toBe(true)
  })

  it('a feed item with &#xFFFE;, a Telegram JSON with lone surrogates: nothing invalid is stored', async () => {
    const feed = parseFeed(
      `<rss version="2.0"><channel><title>Лента&#xFFFF;</title><item><title>Заголовок&#xFFFE;</title><link>https://x.kz/a</link><description>Текст&#xFFFE;&#xFFFF; новости</description><pubDate>Wed, 18 Nov 2026 05:00:00 GMT</pubDate></item></channel></rss>`,
      null,
      'https://x.kz/feed'
    )
    const ing = new Ingestor(db)
    for (const it of feed.items) ing.add(it)
    ing.finish()
    const f = join(dir, 'result.json')
    // JSON.stringify writes lone surrogates as \ud800 escapes, as a hostile export would.
    writeFileSync(
      f,
      JSON.stringify({
        name: 'Канал\uDFFF',
        type: 'public_channel',
        id: 77,
        messages: [{ id: 1, type: 'message', date_unixtime: String(AT / 1000), text: 'Пост \uD83D про парк' }]
      })
    )
    const r = await importFile(db, f, { analyzer: null })
    expect(r.inserted).toBe(1)
    const texts = db
      .prepare(
        `SELECT coalesce(title, '') || text FROM mentions UNION ALL SELECT name FROM authors UNION ALL SELECT name FROM outlets`
      )
      .pluck()
      .all() as string[]
    expect(texts.join('')).toContain('Текст новости')
    expect(texts.join('')).toContain('Пост  про парк')
    for (const s of texts) expect(s).toBe(xmlSafeText(s))
    // SQLite holds valid UTF-8 (a lone surrogate used to be stored as the invalid bytes ED A0 80).
    const utf8 = new TextDecoder('utf-8', { fatal: true })
    const hexes = db
      .prepare(
        `SELECT hex(coalesce(title, '') || text) FROM mentions UNION ALL SELECT hex(name) FROM outlets`
      )
      .pluck()
      .all() as string[]
    for (const h of hexes) expect(() => utf8.decode(Buffer.from(h, 'hex'))).not.toThrow()
  })
})

describe('writers fed hostile strings produce well-formed XML', () => {
  beforeAll(() => {
    const ing = new Ingestor(db)
    HOSTILE.forEach((text, i) =>
      ing.add({
        publishedAt: AT + i * 60_000,
        platform: 'telegram',
        title: `Заголовок ${i} ${text}`,
        text: `${text} — про отопление и дороги ${i}`,
        url: `https://t.me/hostile_chan/${i + 1}`,
        sentiment: 'negative',
        author: { name: `Автор\uFFFE ${i % 2}`, type: 'blogger' },
        outlet: { name: `Канал\u0002 ${i % 3}` }
      })
    )
    ing.add({
      publishedAt: AT,
      platform: 'news',
      title: 'Длинный текст',
      text: 'очень длинный текст '.repeat(3000),
      url: 'https://x.kz/long'
    })
    ing.finish()
  })

  it('the DOCX digest: word/document.xml parses and holds the texts', async () => {
    const r = await exportDigest(db, {
      week: '2026-W47',
      now: NOW,
      outDir: join(dir, 'digest'),
      formats: ['docx']
    })
    const parts = unzip(readFileSync(r.files[0]!))
    const doc = parts.get('word/document.xml')!
    assertWellFormedXml(doc, 'word/document.xml')
    expect(doc).toMatch(/Акимат открыл парк|Автор 0|Канал 0/)
    for (const [name, xml] of parts) if (name.endsWith('.xml')) assertWellFormedXml(xml, name)
  })

  it('the XLSX export: sharedStrings.xml parses, no visible apostrophe, long cells cut with a marker', async () => {
    const t = mentionsTable(db, {}, TZ)
    const parts = unzip(await tableToXlsx(t))
    const ss = parts.get('xl/sharedStrings.xml')!
    assertWellFormedXml(ss, 'xl/sharedStrings.xml')
    for (const [name, xml] of parts) if (name.endsWith('.xml')) assertWellFormedXml(xml, name)
    const strings = [...ss.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((m) =>
      m[1]!
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&')
    )
    // Text cells are string cells: the spreadsheet shows them as written, never runs them.
    expect(strings.some((s) => s.startsWith('-5 градусов'))).toBe(true)
    expect(strings.some((s) => s.startsWith('=HYPERLINK('))).toBe(true)
    expect(strings.some((s) => s.startsWith("'"))).toBe(false)
    expect(parts.get('xl/worksheets/sheet1.xml')!).not.toMatch(/<f>/)
    const long = strings.find((s) => s.startsWith('очень длинный'))!
    expect(long.length).toBe(XLSX_CELL_CHARS)
    expect(long.endsWith(XLSX_CUT_MARKER)).toBe(true)
    expect(Math.max(...strings.map((s) => s.length))).toBeLessThanOrEqual(XLSX_CELL_CHARS)
  })

  it('CSV neutralises formulas after spaces, zero-width and full-width forms', () => {
    for (const s of [
      '=1+1',
      ' =1+1',
      '\u00a0=1+1',
      '\uFF1D1+1',
      '\u200B=1+1',
      '\uFEFF+1',
      '\uFF20SUM(A1)',
      '-5',
      '\t1'
    ])
      expect([s, looksLikeFormula(s), csvCell(s).replace(/^"/, '')[0]]).toEqual([s, true, "'"])
    for (const s of ['5 = 5', 'a=1', 'Акимат', '«=»', ''])
      expect([s, looksLikeFormula(s)]).toEqual([s, false])
    expect(csvCell(-5)).toBe('-5')
    const csv = tableToCsv(mentionsTable(db, {}, TZ)).toString('utf8')
    for (const line of csv.split('\r\n').slice(1))
      for (const cell of line.split(';')) expect(looksLikeFormula(cell.replace(/^"/, ''))).toBe(false)
  })
})
