/**
 * Fuzz target for the writers (issue #21): hostile strings go in through the ingest path (as a feed or an
 * export would bring them) and out through the DOCX and PDF digest and the XLSX table export. Every XML
 * part of the DOCX and XLSX must be well-formed (fast-xml-parser's validator plus the XML 1.0 Char
 * production); the PDF must be readable by pdftotext and carry the digest's words.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { inflateRawSync } from 'node:zlib'
import { XMLValidator } from 'fast-xml-parser'
import { openDatabase } from '../../../src/main/core/db'
import { Ingestor } from '../../../src/main/core/ingest'
import { mentionsTable, tableToXlsx } from '../../../src/main/core/queries/table-export'
import { exportDigest } from '../../../src/main/core/report'
import { zonedToUtc } from '../../../src/shared/time'
import { Finding, type Target } from './harness'
import type { Prng } from '../prng'

/** Pieces a hostile string is made of: what XML, spreadsheets and PDF text each find awkward. */
const PIECES = [
  '\uFFFE',
  '\uFFFF',
  '\uD800',
  '\uDC00',
  '\uDBFF\uDBFF',
  '\u0000',
  '\u0001',
  '\u0008',
  '\u000B',
  '\u000C',
  '\u001F',
  '\u007F',
  '\u0085',
  '\u202E', // right-to-left override
  '\u200F',
  '\u061C',
  '\u2066',
  '\u200B',
  '\uFEFF',
  '=1+1',
  '=HYPERLINK("http://evil.example","x")',
  '+SUM(A1)',
  '-5',
  '@cmd',
  '\uFF1D1+1',
  '<',
  '>',
  '&',
  '"',
  "'",
  ']]>',
  '<![CDATA[',
  '&amp;',
  '&#0;',
  '&#xFFFE;',
  '<w:t>',
  '</si>',
  '😀',
  '👍🏽',
  '👨‍👩‍👧',
  '🇰🇿',
  '\t',
  '\n',
  '\r',
  'Акимат',
  'әғқңөұүһі',
  'отопление',
  'دوستی',
  'שלום',
  ' '
]

export interface WriterInput {
  strings: string[]
  /** Index of a string made 1M characters long (or -1). */
  huge: number
}

function hostileString(rng: Prng): string {
  let s = ''
  for (let i = rng.range(1, 12); i > 0; i--) s += rng.pick(PIECES)
  return s
}

/** The XML 1.0 Char production. */
export function xmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  )
}

/** Throws Finding unless `xml` is well-formed, character by character and reference by reference. */
export function assertWellFormedXml(xml: string, what: string): void {
  const v = XMLValidator.validate(xml)
  if (v !== true) throw new Finding(`${what}: not well-formed: ${JSON.stringify(v.err)}`)
  for (let i = 0; i < xml.length; i++) {
    const cp = xml.codePointAt(i)!
    if (!xmlChar(cp)) throw new Finding(`${what}: character U+${cp.toString(16)} at ${i}`)
    if (cp > 0xffff) i++
  }
  for (const m of xml.matchAll(/&#(x[0-9a-fA-F]+|\d+);/g)) {
    const cp = m[1]![0] === 'x' ? parseInt(m[1]!.slice(1), 16) : Number(m[1])
    if (!xmlChar(cp)) throw new Finding(`${what}: character reference ${m[0]}`)
  }
}

/** The parts of a ZIP (DOCX, XLSX) by name, read from its central directory. */
export function unzipParts(buf: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>()
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  if (eocd < 0) throw new Finding('not a ZIP file')
  let p = buf.readUInt32LE(eocd + 16)
  for (let i = buf.readUInt16LE(eocd + 10); i > 0; i--) {
    const method = buf.readUInt16LE(p + 10)
    const csize = buf.readUInt32LE(p + 20)
    const nameLen = buf.readUInt16LE(p + 28)
    const local = buf.readUInt32LE(p + 42)
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8')
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28)
    const raw = buf.subarray(start, start + csize)
    out.set(name, method === 8 ? inflateRawSync(raw) : raw)
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32)
  }
  return out
}

function checkXmlParts(zip: Buffer, what: string, mustHave: string): void {
  const parts = unzipParts(zip)
  if (!parts.has(mustHave)) throw new Finding(`${what}: no ${mustHave}`)
  const utf8 = new TextDecoder('utf-8', { fatal: true })
  for (const [name, data] of parts) {
    if (!/\.(xml|rels)$/.test(name)) continue
    let xml: string
    try {
      xml = utf8.decode(data)
    } catch {
      throw new Finding(`${what} ${name}: not valid UTF-8`)
    }
    assertWellFormedXml(xml, `${what} ${name}`)
  }
}

const TZ = 'Asia/Almaty'
const AT = zonedToUtc(2026, 11, 18, 10, 0, 0, TZ) // in week 2026-W47
const NOW = zonedToUtc(2026, 11, 25, 11, 0, 0, TZ)

export function writersTarget(): Target<WriterInput> {
  let dir = ''
  let n = 0
  let inputs = 0
  return {
    name: 'writers (DOCX, PDF digest; XLSX export)',
    limitMs: 60_000,
    async setup(d) {
      dir = d
    },
    next(rng) {
      // A digest takes about a second to make, so each input carries many strings; the first a huge one.
      const strings = Array.from({ length: rng.range(20, 40) }, () => hostileString(rng))
      const huge = inputs++ === 0 || rng.chance(0.25) ? rng.int(strings.length) : -1
      return { strings, huge }
    },
    describe: (i) => JSON.stringify({ ...i, strings: i.strings.map((s) => s.slice(0, 200)) }),
    async run(input) {
      const work = join(dir, `writers-${n++}`)
      mkdirSync(work, { recursive: true })
      const db = openDatabase(join(work, 'w.db'), { create: true })
      try {
        const strings = input.strings.map((s, i) =>
          i === input.huge
            ? (s + ' Акимат ').repeat(Math.ceil(1_000_000 / (s.length + 8))).slice(0, 1_000_000)
            : s
        )
        const ing = new Ingestor(db)
        strings.forEach((s, i) =>
          ing.add({
            publishedAt: AT + i * 60_000,
            platform: i % 2 ? 'telegram' : 'news',
            title: `${s} заголовок ${i}`,
            text: `${s} — жалоба на отопление ${i} ${s}`,
            url: `https://t.me/fuzz_chan/${i + 1}`,
            sentiment: i % 3 ? 'negative' : 'positive',
            author: { name: `${s.slice(0, 200)} автор ${i % 3}`, type: 'blogger' },
            outlet: { name: `${s.slice(0, 200)} канал ${i % 2}` }
          })
        )
        ing.finish()
        const r = await exportDigest(db, {
          week: '2026-W47',
          now: NOW,
          outDir: work,
          formats: ['docx', 'pdf']
        })
        const docx = r.files.find((f) => f.endsWith('.docx'))
        const pdf = r.files.find((f) => f.endsWith('.pdf'))
        if (!docx || !pdf) throw new Finding(`digest files: ${r.files.join(', ')}`)
        checkXmlParts(readFileSync(docx), 'DOCX', 'word/document.xml')
        let text: string
        try {
          text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], {
            encoding: 'utf8',
            maxBuffer: 1 << 28
          })
        } catch (e) {
          throw new Finding(`pdftotext cannot read the PDF: ${(e as Error).message}`)
        }
        if (!/отоплени|заголовок|автор/i.test(text)) throw new Finding('the PDF text lost the digest words')
        checkXmlParts(await tableToXlsx(mentionsTable(db, {}, TZ)), 'XLSX', 'xl/sharedStrings.xml')
        return 'ok'
      } finally {
        db.close()
        rmSync(work, { recursive: true, force: true })
      }
    }
  }
}
