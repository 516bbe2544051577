import { randomBytes } from 'node:crypto'
import { readFileSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../src/main/core/db'
import { importFile } from '../../src/main/core/import'
import { OtklikError } from '../../src/shared/errors'
import { writeZip } from '../reliability/fuzz/zip'
import { count, tempDb, tempDir } from './helpers'

// Issue 21, finding 6: a file that changed during import was committed partly, with no warning.

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

/** A CSV of `rows` rows (~4 MB at 40,000). */
function csv(name: string, rows: number): string {
  const f = join(tmp.dir, name)
  const lines = ['Дата;Текст;Ссылка']
  for (let i = 0; i < rows; i++)
    lines.push(
      `24.08.2026 10:00;Жители жалуются на дорогу номер ${i}, ремонт не закончен уже месяц;https://x.kz/${name}/${i}`
    )
  writeFileSync(f, lines.join('\n') + '\n')
  return f
}

/** Imports `f`, calling `meddle` once, as soon as the first rows are in. */
async function importWhile(f: string, meddle: () => void): Promise<unknown> {
  let done = false
  return importFile(db, f, {
    analyzer: null,
    onProgress: (p) => {
      if (!done && p.rowsRead > 0) {
        done = true
        meddle()
      }
    }
  }).catch((e: unknown) => e)
}

describe('a file that changes during its import', () => {
  it('truncated mid-import: the batch rolls back with an error saying so', async () => {
    const f = csv('truncated.csv', 40_000)
    const size = statSync(f).size
    const err = await importWhile(f, () => truncateSync(f, Math.floor(size / 4)))
    expect(err).toBeInstanceOf(OtklikError)
    expect((err as Error).message).toMatch(
      /Cannot import truncated\.csv: the file changed while it was being imported \(its size went from [\d.]+ MB to [\d.]+ (MB|KB)\); nothing was imported/
    )
    expect(count(db, 'mentions')).toBe(0)
    expect(count(db, 'import_batches')).toBe(0)
  })

  it('overwritten with random bytes of the same size: rolled back', async () => {
    const f = csv('random.csv', 40_000)
    const size = statSync(f).size
    const err = await importWhile(f, () => writeFileSync(f, randomBytes(size)))
    expect((err as Error).message).toMatch(/random\.csv: the file changed while it was being imported/)
    expect(count(db, 'mentions')).toBe(0)
  })

  it('same size and the old modification time put back: the checksum notices', async () => {
    const f = csv('sneaky.csv', 10_000)
    utimesSync(f, 1_700_000_000, 1_700_000_000) // whole seconds: put back exactly below
    const err = await importWhile(f, () => {
      const b = readFileSync(f)
      // One byte in a row already read: what was imported is no longer what the file holds.
      b.write('9', b.indexOf('номер 1,') + Buffer.byteLength('номер '))
      writeFileSync(f, b)
      utimesSync(f, 1_700_000_000, 1_700_000_000)
    })
    expect((err as Error).message).toMatch(/sneaky\.csv: .*\(its content changed \(the checksum differs\)\)/)
    expect(count(db, 'mentions')).toBe(0)
  })

  it('an XLSX rewritten during its import (same size, old mtime) is rolled back too', async () => {
    const sheet = (word: string): Buffer =>
      Buffer.from(
        `<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>Дата</t></is></c><c t="inlineStr"><is><t>Текст</t></is></c></row>${Array.from(
          { length: 20_000 },
          (_, i) =>
            `<row r="${i + 2}"><c t="inlineStr"><is><t>24.08.2026</t></is></c><c t="inlineStr"><is><t>${word} ${i}</t></is></c></row>`
        ).join('')}</sheetData></worksheet>`
      )
    const book = (word: string): Buffer =>
      writeZip([
        {
          name: 'xl/workbook.xml',
          data: Buffer.from('<workbook><sheets><sheet name="S" sheetId="1"/></sheets></workbook>')
        },
        { name: 'xl/worksheets/sheet1.xml', data: sheet(word) }
      ])
    const f = join(tmp.dir, 'book.xlsx')
    const original = book('парк')
    writeFileSync(f, original)
    utimesSync(f, 1_700_000_000, 1_700_000_000)
    const err = await importWhile(f, () => {
      // Same length, other bytes in the workbook part (already read), the old modification time.
      const b = Buffer.from(original)
      b[40] = b[40]! ^ 1
      writeFileSync(f, b)
      utimesSync(f, 1_700_000_000, 1_700_000_000)
    })
    expect((err as Error).message).toMatch(
      /book\.xlsx: the file changed while it was being imported \(its content changed/
    )
    expect(count(db, 'mentions')).toBe(0)
  })

  it('an unchanged file imports as before', async () => {
    const f = csv('fine.csv', 2_000)
    const r = await importFile(db, f, { analyzer: null })
    expect(r.inserted).toBe(2_000)
  })
})
