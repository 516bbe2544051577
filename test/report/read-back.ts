/** Reading the digest files back the way a reader's software does: poppler for PDF, LibreOffice for DOCX. */
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'

/** Text of a PDF (pdftotext), whitespace (incl. no-break spaces) folded to single spaces. */
export function pdfText(file: string): string {
  return flat(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }))
}

export function flat(s: string): string {
  return s.replace(/[\s\u00a0\u202f]+/g, ' ').trim()
}

export function pdfPages(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0)
}

/** Reads a PDF literal string starting just after its '(' ; returns the bytes and where it ended. */
function literal(src: string, start: number): { bytes: number[]; end: number } {
  const bytes: number[] = []
  let depth = 1
  let i = start
  while (i < src.length) {
    const c = src[i]!
    if (c === '\\') {
      const n = src[i + 1]!
      const esc: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 }
      if (n in esc) {
        bytes.push(esc[n]!)
        i += 2
      } else if (/[0-7]/.test(n)) {
        const m = /^[0-7]{1,3}/.exec(src.slice(i + 1, i + 4))![0]
        bytes.push(parseInt(m, 8))
        i += 1 + m.length
      } else i += 2
      continue
    }
    if (c === '(') depth++
    if (c === ')' && --depth === 0) return { bytes, end: i + 1 }
    bytes.push(c.charCodeAt(0) & 0xff)
    i++
  }
  return { bytes, end: i }
}

function decodePdfString(bytes: number[]): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    let s = ''
    for (let i = 2; i + 1 < bytes.length; i += 2) s += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!)
    return s
  }
  return Buffer.from(bytes).toString('latin1')
}

/** Values of every `/Key (string)` or `/Key <hex>` entry in PDF source text (uncompressed objects). */
function stringEntries(src: string, key: string): string[] {
  const out: string[] = []
  const re = new RegExp(`/${key}\\s*([(<])`, 'g')
  let m: RegExpExecArray | null
  while ((m = re.exec(src))) {
    if (m[1] === '(') {
      const { bytes, end } = literal(src, m.index + m[0].length)
      out.push(decodePdfString(bytes))
      re.lastIndex = end
    } else {
      const close = src.indexOf('>', m.index + m[0].length)
      const hex = src.slice(m.index + m[0].length, close).replace(/\s/g, '')
      out.push(decodePdfString([...Buffer.from(hex, 'hex')]))
    }
  }
  return out
}

/** Link targets (/URI entries of link annotations; pdfkit writes annotations as plain objects). */
export function pdfUris(file: string): string[] {
  return stringEntries(readFileSync(file).toString('latin1'), 'URI')
}

/** Bookmark titles: /Title of the objects that have a /Parent (outline items; the info dictionary has none). */
export function pdfOutlineTitles(file: string): string[] {
  const src = readFileSync(file).toString('latin1')
  const out: string[] = []
  for (const m of src.matchAll(/\d+ 0 obj([\s\S]*?)endobj/g)) {
    const body = m[1]!
    if (body.includes('/Parent') && body.includes('/Title') && !body.includes('stream'))
      out.push(...stringEntries(body, 'Title'))
  }
  return out
}

/** Converts DOCX files to PDF with LibreOffice (one run, a fresh profile); returns the PDFs in order. */
export function docxToPdf(files: string[], workDir: string): string[] {
  const outDir = join(workDir, 'lo-out')
  mkdirSync(outDir, { recursive: true })
  const profile = join(workDir, 'lo-profile')
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      outDir,
      ...files
    ],
    {
      encoding: 'utf8',
      timeout: 50_000,
      stdio: ['ignore', 'pipe', 'pipe']
    }
  )
  return files.map((f) => join(outDir, basename(f).replace(/\.docx$/, '.pdf')))
}

/** The XML parts of a DOCX (document, styles, rels, headers, footers, font table) joined. */
export function docxXml(file: string, parts = ['word/*.xml', 'word/_rels/*.rels']): string {
  return execFileSync('unzip', ['-p', file, ...parts], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
}

export function docxEntries(file: string): string[] {
  return execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).split('\n').filter(Boolean)
}
