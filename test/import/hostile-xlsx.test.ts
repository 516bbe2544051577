import { statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../src/main/core/db'
import { importFile } from '../../src/main/core/import'
import { MAX_CELL_CHARS, MAX_INFLATE_RATIO, MAX_XLSX_ELEMENT_CHARS } from '../../src/main/core/import/limits'
import { ElementScanner } from '../../src/main/core/import/xlsx/xml-scan'
import { writeZip } from '../reliability/fuzz/zip'
import { tempDb, tempDir } from './helpers'

// Issue 21, finding 1: a 1–2 MB XLSX used gigabytes or ran for hours.

let tmp: ReturnType<typeof tempDir>
let db: Db
beforeAll(() => {
  tmp = tempDir()
  db = tempDb(tmp.dir)
})
afterAll(() => {
  db.close()
  tmp.cleanup()
})

const PARTS = {
  '[Content_Types].xml': `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
  'xl/workbook.xml': `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`
}
const HEADER =
  '<row r="1"><c r="A1" t="inlineStr"><is><t>Дата</t></is></c><c r="B1" t="inlineStr"><is><t>Текст</t></is></c></row>'
const ROW2 =
  '<row r="2"><c r="A2" t="inlineStr"><is><t>24.08.2026</t></is></c><c r="B2" t="inlineStr"><is><t>Акимат открыл парк</t></is></c></row>'
const sheet = (rows: string): Buffer =>
  Buffer.from(
    `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`
  )

function write(name: string, extra: { name: string; data: Buffer }[]): string {
  const f = join(tmp.dir, name)
  writeFileSync(
    f,
    writeZip([...Object.entries(PARTS).map(([n, x]) => ({ name: n, data: Buffer.from(x) })), ...extra])
  )
  return f
}

/** Text of `n` characters from a few words in a random order: it compresses only ~4 : 1, like real text. */
function prose(n: number, seed = 7): string {
  const words = ['акимат', 'дорога', 'парк', 'жители', 'ремонт', 'автобус', 'свет', 'вода', 'двор', 'школа']
  let s = seed
  const out: string[] = []
  let len = 0
  while (len < n) {
    s = (s * 1103515245 + 12345) >>> 0
    const w = words[s % words.length]!
    out.push(w)
    len += w.length + 1
  }
  return out.join(' ').slice(0, n)
}

const heapMb = (): number => process.memoryUsage().heapUsed / 1024 ** 2

describe('hostile XLSX: bounded size, ratio and time', () => {
  it('a 300 KB file whose sheet inflates to 72 MB (250 : 1) is refused before inflating, naming the part and the limit', async () => {
    // One repeated row deflates ~250 : 1 (a zip bomb of zeros reaches ~1000 : 1: a 1 MB file, 1 GB of
    // sheet). The directory's sizes are honest.
    const block = sheet(HEADER + ROW2.repeat(Math.ceil((64 * 1024 ** 2) / ROW2.length)))
    const f = write('bomb.xlsx', [{ name: 'xl/worksheets/sheet1.xml', data: block }])
    expect(statSync(f).size).toBeLessThan(1024 ** 2)
    const h0 = heapMb()
    const t0 = performance.now()
    const err = (await importFile(db, f, { analyzer: null }).catch((e: unknown) => e)) as Error
    expect(performance.now() - t0).toBeLessThan(1000)
    expect(heapMb() - h0).toBeLessThan(100)
    expect(err.message).toMatch(
      new RegExp(
        `Cannot import bomb\\.xlsx: part xl/worksheets/sheet1\\.xml inflates \\d+ times \\([\\d.]+ KB → [\\d.]+ MB\\); the limit is ${MAX_INFLATE_RATIO} : 1`
      )
    )
  })

  it('a part that inflates past its declared size is stopped there (a lying directory)', async () => {
    const block = sheet(HEADER + ROW2.repeat(200_000)) // ~30 MB inflated, under 10 MB declared
    const f = join(tmp.dir, 'liar.xlsx')
    const zip = writeZip([
      ...Object.entries(PARTS).map(([n, x]) => ({ name: n, data: Buffer.from(x) })),
      { name: 'xl/worksheets/sheet1.xml', data: block }
    ])
    const at = zip.lastIndexOf(Buffer.from('xl/worksheets/sheet1.xml')) - 46
    zip.writeUInt32LE(1024 ** 2, at + 24)
    writeFileSync(f, zip)
    const err = (await importFile(db, f, { analyzer: null }).catch((e: unknown) => e)) as Error
    expect(err.message).toMatch(/Cannot import liar\.xlsx: .*inflates past its declared size of 1 MB/)
  })

  it('a sheet whose rows never close is read in linear time (was hours: a lazy regex retried every start)', async () => {
    // 3 MB of row starts with cells, never closed; the first data row is complete.
    const open = `<row r="9"><c r="A9" t="inlineStr"><is><t>${prose(20)}`
    const junk = Array.from({ length: (3 * 1024 ** 2) / open.length }, (_, i) =>
      open.replace('9', String(i + 3))
    )
    const f = write('unclosed.xlsx', [
      { name: 'xl/worksheets/sheet1.xml', data: sheet(HEADER + ROW2 + junk.join('')) }
    ])
    const t0 = performance.now()
    const r = await importFile(db, f, { dryRun: true, analyzer: null })
    expect(performance.now() - t0).toBeLessThan(5000)
    expect(r.rows).toBe(1)
  })

  it('a shared string longer than a cell may be is refused, naming the limit', async () => {
    const long = prose(MAX_CELL_CHARS + 1000)
    const f = write('longstring.xlsx', [
      {
        name: 'xl/sharedStrings.xml',
        data: Buffer.from(`<sst><si><t>Текст</t></si><si><t>${long}</t></si></sst>`)
      },
      { name: 'xl/worksheets/sheet1.xml', data: sheet(HEADER + ROW2) }
    ])
    const t0 = performance.now()
    const err = (await importFile(db, f, { analyzer: null }).catch((e: unknown) => e)) as Error
    expect(performance.now() - t0).toBeLessThan(5000)
    expect(err.message).toMatch(
      new RegExp(
        `Cannot import longstring\\.xlsx: shared string 2 is [\\d,]+ characters; the limit for a cell is ${MAX_CELL_CHARS.toLocaleString('en-US')}`
      )
    )
  })

  it('a shared string that never closes stops at the element limit with bounded memory', async () => {
    // An unclosed <si> of the element limit plus a little: text that compresses ~4 : 1 (under the ratio).
    const f = write('openstring.xlsx', [
      {
        name: 'xl/sharedStrings.xml',
        data: Buffer.from(`<sst><si><t>${prose(MAX_XLSX_ELEMENT_CHARS + 1024)}`)
      },
      { name: 'xl/worksheets/sheet1.xml', data: sheet(HEADER + ROW2) }
    ])
    const t0 = performance.now()
    const err = (await importFile(db, f, { analyzer: null }).catch((e: unknown) => e)) as Error
    expect(performance.now() - t0).toBeLessThan(10_000)
    expect(err.message).toMatch(
      /Cannot import openstring\.xlsx: a shared string is longer than [\d,]+ characters \(the limit\)/
    )
  })

  it('the element scanner is linear and exact across any split into pieces', () => {
    const xml = `<x:row r="1"><c/></x:row><row/><rowBreaks/><row>a</row><row>b<c>`
    const seen = (pieces: string[]): string[] => {
      const out: string[] = []
      const s = new ElementScanner('row', 1e6, (a, b) => out.push(`${a}|${b ?? '∅'}`))
      for (const p of pieces) s.push(p)
      return out
    }
    const want = seen([xml])
    expect(want).toEqual([' r="1"|<c/>', '|∅', '|a'])
    for (let cut = 1; cut < xml.length; cut++) expect(seen([xml.slice(0, cut), xml.slice(cut)])).toEqual(want)
    expect(seen(xml.split(''))).toEqual(want)
    // 20 MB of row starts that never close, in 256 KB pieces: refused at the limit, in linear time.
    const piece = '<row>'.repeat(52_429)
    const s = new ElementScanner('row', 16 * 1024 ** 2, () => {}, 'a row of the sheet')
    const t0 = performance.now()
    expect(() => {
      for (let i = 0; i < 80; i++) s.push(piece)
    }).toThrow(/a row of the sheet is longer than 16,777,216 characters/)
    expect(performance.now() - t0).toBeLessThan(2000)
  })
})
