import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../src/main/core/db'
import { importFile } from '../../src/main/core/import'
import { tempDb, tempDir } from './helpers'

// Issue 21, finding 8: a CSV mixing UTF-8 and Windows-1251 lines was decoded whole as 1251, the UTF-8
// rows garbled, silently.

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

describe('a CSV of mixed encodings', () => {
  it('is decoded line by line: UTF-8 where a line is valid UTF-8, 1251 elsewhere, with a warning', async () => {
    const cp = (s: string): Buffer => iconv.encode(s, 'windows-1251')
    const u8 = (s: string): Buffer => Buffer.from(s, 'utf8')
    const lines: Buffer[] = [cp('Дата;Текст;Ссылка\n')]
    const want: string[] = []
    for (let i = 0; i < 60; i++) {
      // Mostly 1251 (so the file is detected as 1251), every fifth row pasted in from a UTF-8 export.
      const text =
        i % 5 === 4 ? `Жители Алматы «довольны» ремонтом ёлки №${i}` : `Ямы на дороге, ёлка и «парк» №${i}`
      lines.push((i % 5 === 4 ? u8 : cp)(`24.08.2026 10:00;${text};https://x.kz/m/${i}\n`))
      want.push(text)
    }
    const f = join(tmp.dir, 'mixed.csv')
    writeFileSync(f, Buffer.concat(lines))
    const r = await importFile(db, f, { analyzer: null })
    expect(r.encoding).toBe('windows-1251')
    expect(r.inserted).toBe(60)
    const texts = db.prepare('SELECT text FROM mentions ORDER BY id').pluck().all() as string[]
    expect(texts).toEqual(want)
    expect(r.warnings.map((w) => w.message)).toContain(
      'The file mixes encodings: 12 line(s) were UTF-8 inside windows-1251 text and were read as UTF-8.'
    )
    expect(r.warnings.find((w) => /mixes encodings/.test(w.message))!.line).toBe(6)
  })

  it('a plain 1251 file reads as before, with no warning', async () => {
    const f = join(tmp.dir, 'plain.csv')
    writeFileSync(
      f,
      iconv.encode('Дата;Текст\n24.08.2026;Ямы на дороге «Р»\n25.08.2026;Сёла и Ёлки\n', 'windows-1251')
    )
    const r = await importFile(db, f, { dryRun: true, analyzer: null })
    expect(r.encoding).toBe('windows-1251')
    expect(r.rows).toBe(2)
    expect(r.warnings.filter((w) => /mixes encodings/.test(w.message))).toEqual([])
  })
})
