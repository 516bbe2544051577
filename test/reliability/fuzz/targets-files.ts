/** Fuzz targets for the import path: CSV/TSV, XLSX and Telegram JSON files through previewFile/importFile. */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import ExcelJS from 'exceljs'
import { type Db } from '../../../src/main/core/db/open'
import { openWorkspaceDatabase } from '../../../src/main/core/workspace'
import { importFile, previewFile } from '../../../src/main/core/import'
import { readEntryText, readZipDirectory } from '../../../src/main/core/import/xlsx/zip'
import { OtklikError } from '../../../src/shared/errors'
import type { Prng } from '../prng'
import { Finding, preview, type Outcome, type Target } from './harness'
import { mutateBytes, randomJson, randomText } from './mutate'
import { writeZip } from './zip'

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'import', 'files')
const fixture = (n: string): Buffer => readFileSync(join(FIXTURES, n))

interface FileInput {
  bytes: Buffer
  ext: string
  dryRun: boolean
  preview: boolean
}

/** Runs preview and import of one file; OtklikError is the expected refusal, anything else a finding. */
function fileTarget(
  name: string,
  limitMs: number,
  gen: (rng: Prng) => Buffer,
  ext: (rng: Prng) => string,
  seeds: (dir: string) => Promise<void>
): Target<FileInput> {
  let db: Db
  let path = ''
  let dir = ''
  return {
    name,
    limitMs,
    async setup(d) {
      dir = d
      db = openWorkspaceDatabase(join(dir, `${name}.db`), { create: true })
      await seeds(dir)
    },
    next: (rng) => ({ bytes: gen(rng), ext: ext(rng), dryRun: rng.chance(0.7), preview: rng.chance(0.5) }),
    describe: (i) => `${i.ext} ${i.bytes.length} bytes ${preview(i.bytes)}`,
    bytes: (i) => i.bytes,
    async run(input): Promise<Outcome> {
      path = join(dir, `fuzz.${input.ext}`)
      writeFileSync(path, input.bytes)
      try {
        if (input.preview) {
          const p = await previewFile(input.dryRun ? null : db, path, { rows: 20 })
          if (!Array.isArray(p.rows) || p.rows.length > 20)
            throw new Finding(`preview returned ${p.rows?.length} rows`)
        }
        const r = await importFile(db, path, { dryRun: input.dryRun, analyzer: null })
        if (r.inserted + r.duplicates + r.rejected + r.mediaWithoutText !== r.rows)
          throw new Finding(
            `report does not add up: rows ${r.rows} ≠ ${r.inserted} new + ${r.duplicates} duplicates + ${r.rejected} rejected + ${r.mediaWithoutText} media without text`
          )
        if (input.dryRun && r.batchId !== null) throw new Finding('a dry run reported a batch id')
        return 'ok'
      } catch (e) {
        if (e instanceof Finding) throw e
        if (e instanceof OtklikError) {
          if (!/^Cannot import fuzz\.\w+: ./.test(e.message) || /\[object /.test(e.message))
            throw new Finding(`unclear message: ${e.code}: ${e.message.slice(0, 300)}`)
          return 'rejected'
        }
        throw new Finding(
          `${(e as Error)?.name}: ${(e as Error)?.message}\n${(e as Error)?.stack?.split('\n').slice(1, 4).join('\n')}`
        )
      }
    },
    async finish() {
      const problems: string[] = []
      const ic = db.pragma('integrity_check', { simple: true })
      if (ic !== 'ok') problems.push(`integrity_check after the run: ${String(ic)}`)
      if ((db.pragma('foreign_key_check') as unknown[]).length)
        problems.push('foreign_key_check after the run')
      if (db.inTransaction) problems.push('a transaction was left open')
      db.close()
      return problems
    }
  }
}

// ---- CSV ---------------------------------------------------------------------------------------------

const HEADERS = [
  'Дата',
  'Время',
  'Текст',
  'Заголовок',
  'Url',
  'Автор',
  'Тональность',
  'Источник',
  'Тип источника',
  'Аудитория',
  'Лайков',
  'Date',
  'Text',
  'URL',
  'Sentiment',
  'Author',
  'Reach',
  'Likes',
  'Platform',
  'Published',
  'Content',
  'Link',
  'Момент',
  'Содержимое',
  'Адрес страницы'
]
const DATES = [
  '24.08.2026',
  '2026-08-24T10:00:00+06:00',
  '24.08.2026 09:15',
  '8/24/2026 9:15 PM',
  '1787547600',
  '46000.5',
  '31.02.2026',
  '2026-13-45',
  '99.99.9999 99:99',
  '',
  '0',
  '-1',
  '1e20'
]

function csvCell(rng: Prng, col: string, delim: string): string {
  let v: string
  if (/Дата|Date|Published|Момент/.test(col)) v = rng.pick(DATES)
  else if (/Url|URL|Link|Адрес/.test(col))
    v = rng.pick([
      'https://vk.com/wall-1_2',
      'http://nur.kz/a/1',
      'javascript:alert(1)',
      'not a url',
      `https://x.kz/${randomText(rng, 20)}`
    ])
  else if (/Аудитория|Лайков|Reach|Likes/.test(col))
    v = rng.pick(['12 500', '1,5k', '1.5M', '-3', '∞', '1e309', '2 786', ''])
  else if (/Тональность|Sentiment/.test(col))
    v = rng.pick(['позитив', 'негатив', 'нейтрально', 'positive', '-1', '2', 'жағымды'])
  else v = randomText(rng, rng.chance(0.05) ? 3000 : 80)
  if (rng.chance(0.3) || v.includes(delim) || v.includes('"') || /[\r\n]/.test(v))
    v = `"${v.replace(/"/g, rng.chance(0.9) ? '""' : '"')}"`
  return v
}

export function generateCsv(rng: Prng): Buffer {
  const delim = rng.pick([';', ',', '\t', '|'])
  const eol = rng.pick(['\n', '\r\n', '\r'])
  const cols = Array.from({ length: 1 + rng.int(10) }, () =>
    rng.chance(0.85) ? rng.pick(HEADERS) : randomText(rng, 12)
  )
  const lines = [cols.join(delim)]
  for (let r = rng.int(40); r > 0; r--) {
    const n = rng.chance(0.9) ? cols.length : rng.int(cols.length * 2 + 1)
    lines.push(Array.from({ length: n }, (_, i) => csvCell(rng, cols[i % cols.length]!, delim)).join(delim))
  }
  const text = (rng.chance(0.2) ? '\uFEFF' : '') + lines.join(eol) + (rng.chance(0.5) ? eol : '')
  const enc = rng.pick(['utf-8', 'utf-8', 'windows-1251', 'utf-16le', 'koi8-r'])
  const body = iconv.encode(text.replace(/^\uFEFF/, ''), enc)
  return enc === 'utf-16le'
    ? Buffer.concat([Buffer.from([0xff, 0xfe]), body])
    : text.startsWith('\uFEFF') && enc === 'utf-8'
      ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body])
      : body
}

export function csvTarget(hugeMax: number): Target<FileInput> {
  const seeds: Buffer[] = []
  const tokens = [
    ';',
    ',',
    '\t',
    '"',
    '""',
    '\r\n',
    '\n',
    '\0',
    '\uFEFF',
    '"\n"',
    ';;;;;;',
    'Дата;Текст\n'
  ].map((s) => Buffer.from(s))
  return fileTarget(
    'csv',
    15_000,
    (rng) => {
      if (rng.chance(0.25)) return generateCsv(rng)
      const base = rng.chance(0.5) ? rng.pick(seeds) : generateCsv(rng)
      return mutateBytes(rng, base, { hugeMax, tokens }, seeds)
    },
    (rng) => rng.pick(['csv', 'csv', 'tsv', 'txt']),
    async () => {
      for (const n of [
        'ba.csv',
        'ba-1251.csv',
        'ba-bom-1251.csv',
        'brandwatch.csv',
        'generic.csv',
        'medialogia.csv',
        'meltwater.csv',
        'meltwater-old.csv',
        'youscan-ru.csv',
        'prose.csv',
        'ba-nul.csv'
      ])
        seeds.push(fixture(n))
    }
  )
}

// ---- XLSX --------------------------------------------------------------------------------------------

type Part = { name: string; data: Buffer }

/** Small workbooks built with exceljs: dates, numbers, rich text, formulas, merged cells, two sheets. */
async function buildWorkbooks(): Promise<Buffer[]> {
  const out: Buffer[] = []
  for (const variant of [0, 1]) {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet(variant ? 'Упоминания' : 'Sheet1')
    if (variant) ws.addRow(['Отчёт за неделю'])
    ws.addRow(['Дата', 'Заголовок', 'Текст', 'Url', 'Автор', 'Тональность', 'Аудитория'])
    for (let i = 0; i < 12; i++) {
      ws.addRow([
        new Date(Date.UTC(2026, 7, 20 + i, 9, i)),
        `Заголовок ${i}`,
        i % 3
          ? `Жители жалуются на дороги, №${i}; "кавычки"`
          : { richText: [{ text: 'Акимат ', font: { bold: true } }, { text: `открыл парк ${i}` }] },
        { text: `https://nur.kz/a/${i}`, hyperlink: `https://nur.kz/a/${i}` },
        `Автор ${i % 4}`,
        ['позитив', 'негатив', 'нейтрально'][i % 3],
        i % 4 ? 1000 * i : { formula: 'A2*0+5', result: 5 }
      ])
    }
    if (variant) {
      ws.mergeCells('A1:C1')
      wb.addWorksheet('Пусто').addRow(['x'])
    }
    out.push(Buffer.from(await wb.xlsx.writeBuffer()))
  }
  return out
}

const XLSX_TOKENS = [
  '<c r="XFD1048576" t="s"><v>99999999</v></c>',
  '<row r="1048576">',
  '<row r="0">',
  '<row r="-5">',
  '<c r="A999999999"><v>1</v></c>',
  '<c r="ZZZZZZZZ1"><v>1</v></c>',
  '<v>1e308</v>',
  '<v>-99999999</v>',
  '<c t="d"><v>garbage</v></c>',
  '<c t="b"><v>7</v></c>',
  '<c t="e"><v>#REF!</v></c>',
  '<c t="inlineStr"><is><t>x</t></is></c>',
  '<c t="s"><v>-1</v></c>',
  '<c t="s"><v>1.5</v></c>',
  '<si><r><t>a</t></r><r><t xml:space="preserve"> b</t></r></si>',
  '<si></si>',
  '<sheet name="x" sheetId="1" r:id="rId99"/>',
  '<dimension ref="A1:XFD1048576"/>',
  '<mergeCell ref="A1:XFD1048576"/>',
  '<f>SUM(A1:A2)</f>',
  '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>',
  '&c;',
  '&#0;',
  '<![CDATA[x]]>',
  '</sheetData>',
  '<sheetData>',
  '<numFmt numFmtId="165" formatCode="dd.mm.yyyy"/>',
  '<xf numFmtId="999"/>',
  'Target="../../../../etc/passwd"',
  'Target="/xl/worksheets/sheet1.xml"'
].map((s) => Buffer.from(s))

export function xlsxTarget(hugeMax: number): Target<FileInput> {
  const books: { zip: Buffer; parts: Part[] }[] = []
  return fileTarget(
    'xlsx',
    15_000,
    (rng) => {
      const book = rng.pick(books)
      if (rng.chance(0.35)) return mutateBytes(rng, book.zip, { hugeMax: 4096 }) // the ZIP itself damaged
      const parts = book.parts.map((p) => ({ ...p }))
      for (let k = 1 + rng.int(3); k > 0; k--) {
        const xmlParts = parts.filter((p) => /\.(xml|rels)$/.test(p.name))
        const p = rng.pick(xmlParts.length ? xmlParts : parts)
        p.data = mutateBytes(rng, p.data, { hugeMax, tokens: XLSX_TOKENS })
      }
      if (rng.chance(0.1)) parts.splice(rng.int(parts.length), 1) // a part missing
      if (rng.chance(0.05))
        parts.push({
          name: rng.pick(['../evil.xml', 'xl/worksheets/sheet1.xml', '/abs.xml']),
          data: Buffer.from('<x/>')
        })
      return writeZip(parts.map((p) => ({ ...p, store: rng.chance(0.3) })))
    },
    () => 'xlsx',
    async (dir) => {
      const zips = [
        ...(await buildWorkbooks()),
        ...['ba.xlsx', 'medialogia.xlsx', 'talkwalker.xlsx', 'youscan-en.xlsx', 'stored.xlsx'].map(fixture)
      ]
      for (const [i, zip] of zips.entries()) {
        const p = join(dir, `seed-${i}.xlsx`)
        writeFileSync(p, zip)
        const entries = await readZipDirectory(p, zip.length)
        const parts: Part[] = []
        for (const e of entries.values())
          parts.push({ name: e.name, data: Buffer.from(await readEntryText(p, e), 'utf8') })
        books.push({ zip, parts })
      }
    }
  )
}

// ---- Telegram Desktop JSON ---------------------------------------------------------------------------

/** Replaces, removes or duplicates random nodes of a JSON tree. */
function mutateJson(rng: Prng, v: unknown, depth = 0): unknown {
  if (rng.chance(0.04) && depth > 0) return randomJson(rng, 2)
  if (Array.isArray(v)) {
    const out = v.map((x) => mutateJson(rng, x, depth + 1))
    if (rng.chance(0.05) && out.length) out.push(...Array(rng.int(50)).fill(out[rng.int(out.length)]))
    if (rng.chance(0.05)) out.splice(rng.int(out.length + 1), 1)
    return out
  }
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, x] of Object.entries(v)) {
      if (rng.chance(0.03)) continue
      out[k] = mutateJson(rng, x, depth + 1)
    }
    if (rng.chance(0.02))
      out[rng.pick(['text', 'date', 'date_unixtime', 'from', 'id', 'messages', 'chats', 'list', 'type'])] =
        randomJson(rng, 2)
    return out
  }
  return v
}

export function telegramTarget(hugeMax: number): Target<FileInput> {
  const seeds: Buffer[] = []
  const tokens = [
    '{',
    '}',
    '[',
    ']',
    '"',
    '\\u0000',
    '\\ud800',
    ',',
    ':',
    '"text":',
    '"messages":[',
    '1e999',
    'null'
  ].map((s) => Buffer.from(s))
  return fileTarget(
    'telegram-json',
    15_000,
    (rng) => {
      const seed = rng.pick(seeds)
      if (rng.chance(0.5)) {
        const tree = mutateJson(rng, JSON.parse(seed.toString('utf8')))
        return Buffer.from(JSON.stringify(tree, null, rng.chance(0.5) ? 1 : 0))
      }
      return mutateBytes(rng, seed, { hugeMax, tokens }, seeds)
    },
    (rng) => rng.pick(['json', 'json', 'txt']),
    async () => {
      for (const n of ['telegram-channel.json', 'telegram-account.json']) seeds.push(fixture(n))
    }
  )
}
