import { describe, expect, it } from 'vitest'
import type { CsvRecord } from '../../src/main/core/import/csv/tokenizer'
import { CsvTokenizer, parseCsvText } from '../../src/main/core/import/csv/tokenizer'
import { detectCsvHead } from '../../src/main/core/import/csv/layout'

const SAMPLE = 'a;b;c\r\n1;"two; ""quoted""\r\nlines";3\r\n\r\n"x";;"last"\n4;5;6'

/** Feeds text in pieces of `size` characters (resuming across every boundary). */
function chunked(text: string, size: number, delim = ';', maxCell?: number): CsvRecord[] {
  const out: CsvRecord[] = []
  const t = new CsvTokenizer(delim, (r) => out.push(r), { maxCell })
  for (let i = 0; i < text.length; i += size) t.push(text.slice(i, i + size))
  t.end()
  return out
}

describe('CsvTokenizer', () => {
  it('handles quotes, doubled quotes, embedded newlines, blank lines and the start line of each record', () => {
    const recs = parseCsvText(SAMPLE, ';')
    expect(recs.map((r) => r.cells)).toEqual([
      ['a', 'b', 'c'],
      ['1', 'two; "quoted"\r\nlines', '3'],
      ['x', '', 'last'],
      ['4', '5', '6']
    ])
    expect(recs.map((r) => r.line)).toEqual([1, 2, 5, 6])
  })
  it('gives the same result whatever the chunk boundaries', () => {
    const whole = parseCsvText(SAMPLE, ';')
    for (const size of [1, 2, 3, 5, 7, 64]) expect(chunked(SAMPLE, size)).toEqual(whole)
  })
  it('counts old Mac CR line ends', () => {
    expect(parseCsvText('a,b\r1,2\r3,4', ',').map((r) => r.line)).toEqual([1, 2, 3])
  })
  it('marks a file that ends inside quotes', () => {
    const recs = parseCsvText('h1;h2\n1;"cut off\nhere', ';')
    expect(recs[1]).toMatchObject({ line: 2, unterminated: true })
  })
  it('drops the text of a cell past the limit and says so, without losing the next records', () => {
    const big = 'x'.repeat(5000)
    const recs = chunked(`h;t\n1;"${big}"\n2;ok\n`, 300, ';', 1000)
    expect(recs[1]!.oversized).toEqual({ column: 1, chars: 5000 })
    expect(recs[1]!.cells[1]).toBe('')
    expect(recs[2]).toEqual({ line: 3, cells: ['2', 'ok'] })
  })

  it('flags rows past the row length and width limits', () => {
    const out: CsvRecord[] = []
    const t = new CsvTokenizer(';', (r) => out.push(r), { maxCell: 100, maxRecord: 150, maxCells: 3 })
    t.push('a;b\n' + 'x'.repeat(90) + ';' + 'y'.repeat(90) + '\n1;2;3;4;5\nok;ok\n')
    t.end()
    expect(out[1]).toMatchObject({ line: 2, tooLong: 180 })
    expect(out[2]).toMatchObject({ line: 3, tooWide: 5, cells: ['1', '2', '3'] })
    expect(out[3]).toEqual({ line: 4, cells: ['ok', 'ok'] })
  })
})

describe('detectCsvHead', () => {
  it('sniffs ; , tab and |', () => {
    const rows = (d: string): string =>
      ['Дата', 'Текст', 'Url'].join(d) +
      '\n' +
      ['01.02.2026', 'Привет, мир; и всё', 'https://a.kz/1']
        .map((c) => (c.includes(d) ? `"${c}"` : c))
        .join(d) +
      '\n'
    for (const d of [';', ',', '\t', '|']) expect(detectCsvHead(rows(d).repeat(1), true).delimiter).toBe(d)
  })
  it('finds the header after metadata rows', () => {
    const text =
      'Report,Mentions\nQuery,x\nFrom,2026\n\nDate,Url,Title,Full Text\n2026-01-01,https://a.kz,T,text\n2026-01-02,https://b.kz,T2,text2\n'
    const head = detectCsvHead(text, true)
    expect(head.delimiter).toBe(',')
    expect(head.header?.line).toBe(5)
  })
})
