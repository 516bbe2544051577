/** Building blocks of the DOCX digest: runs, paragraphs, headings, images, tables with light rules. */
import { readLogo } from './files'
import {
  AlignmentType,
  BorderStyle,
  ExternalHyperlink,
  HeadingLevel,
  ImageRun,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IBorderOptions
} from 'docx'
import type { ChartImage } from './charts'
import { hex, type ColorName } from './style'

export const TWIP = 20 // per point
export const PAGE_W = 11906
export const PAGE_H = 16838
export const MARGIN = 1134 // 2 cm
export const CONTENT_TW = PAGE_W - 2 * MARGIN
export const CONTENT_PX = Math.round((CONTENT_TW / 1440) * 96)
export const BODY = 19 // half-points: 9.5 pt
export const SMALL = 17

export type Block = Paragraph | Table

export function run(
  text: string,
  o: { bold?: boolean; italics?: boolean; color?: ColorName; size?: number } = {}
): TextRun {
  return new TextRun({
    text,
    bold: o.bold,
    italics: o.italics,
    color: o.color ? hex(o.color) : undefined,
    size: o.size
  })
}

export function link(
  text: string,
  url: string,
  o: { bold?: boolean; size?: number } = {}
): ExternalHyperlink {
  return new ExternalHyperlink({
    link: url,
    children: [new TextRun({ text, style: 'Hyperlink', bold: o.bold, size: o.size })]
  })
}

export function para(
  text: string,
  o: { color?: ColorName; size?: number; after?: number; bold?: boolean; keepNext?: boolean } = {}
): Paragraph {
  return new Paragraph({
    spacing: { after: (o.after ?? 5) * TWIP },
    keepNext: o.keepNext,
    children: [run(text, o)]
  })
}

export const h1 = (text: string): Paragraph =>
  new Paragraph({ heading: HeadingLevel.HEADING_1, keepNext: true, children: [new TextRun(text)] })
export const h2 = (text: string, color?: ColorName): Paragraph =>
  new Paragraph({
    heading: HeadingLevel.HEADING_2,
    keepNext: true,
    children: [new TextRun({ text, color: color ? hex(color) : undefined })]
  })

/** A chart across the text width, with its title as alt text for screen readers. */
export function image(c: ChartImage, alt: string, widthPx = CONTENT_PX): Paragraph {
  return new Paragraph({
    spacing: { after: 8 * TWIP },
    children: [
      new ImageRun({
        type: 'png',
        data: c.png,
        altText: { name: alt, title: alt, description: alt },
        transformation: { width: widthPx, height: Math.round((widthPx * c.height) / c.width) }
      })
    ]
  })
}

export const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }
export const rule = (color: ColorName, size = 4): IBorderOptions => ({
  style: BorderStyle.SINGLE,
  size,
  color: hex(color)
})

export interface DocCell {
  text: string
  link?: string | null
  bold?: boolean
  color?: ColorName
  sub?: string
  right?: boolean
}

/** A table with light rules and a header row that repeats on every page. Widths are relative. */
export function table(
  headers: string[],
  widths: number[],
  rows: DocCell[][],
  accent: ColorName,
  rightFrom = 99
): Table {
  const total = widths.reduce((a, b) => a + b, 0)
  const tw = widths.map((w) => Math.round((w / total) * CONTENT_TW))
  const margins = { top: 50, bottom: 50, left: 90, right: 90 }
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: headers.map(
      (h, i) =>
        new TableCell({
          width: { size: tw[i]!, type: WidthType.DXA },
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: hex('band') },
          margins,
          verticalAlign: VerticalAlign.BOTTOM,
          borders: { top: NONE, left: NONE, right: NONE, bottom: rule(accent, 8) },
          children: [
            new Paragraph({
              alignment: i >= rightFrom ? AlignmentType.RIGHT : AlignmentType.LEFT,
              children: [run(h, { bold: true, color: 'muted', size: SMALL })]
            })
          ]
        })
    )
  })
  const body = rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: r.map((c, i) => {
          const align = c.right || i >= rightFrom ? AlignmentType.RIGHT : AlignmentType.LEFT
          const main = c.link
            ? link(c.text, c.link, { bold: c.bold, size: SMALL + 1 })
            : run(c.text, { bold: c.bold, color: c.color, size: SMALL + 1 })
          const children = [new Paragraph({ alignment: align, children: [main] })]
          if (c.sub)
            children.push(
              new Paragraph({ alignment: align, children: [run(c.sub, { color: 'muted', size: SMALL - 1 })] })
            )
          return new TableCell({
            width: { size: tw[i]!, type: WidthType.DXA },
            margins,
            borders: { top: NONE, left: NONE, right: NONE, bottom: rule('ruleLight', 4) },
            children
          })
        })
      })
  )
  return new Table({
    width: { size: CONTENT_TW, type: WidthType.DXA },
    columnWidths: tw,
    layout: TableLayoutType.FIXED,
    borders: {
      top: NONE,
      bottom: NONE,
      left: NONE,
      right: NONE,
      insideHorizontal: NONE,
      insideVertical: NONE
    },
    rows: [header, ...body]
  })
}

export function spacer(pt = 6): Paragraph {
  return new Paragraph({ spacing: { after: 0, before: 0 }, children: [run('', { size: pt * 2 })] })
}

export function logoRun(path: string | null): ImageRun | null {
  const logo = readLogo(path)
  if (!logo) return null
  try {
    const { data: b, type } = logo
    const { w, h } = imageSize(b, type)
    const scale = Math.min(64 / w, 64 / h, 1)
    return new ImageRun({
      type,
      data: b,
      transformation: {
        width: Math.max(1, Math.round(w * scale)),
        height: Math.max(1, Math.round(h * scale))
      }
    })
  } catch {
    return null
  }
}

/** Pixel size of a PNG (IHDR) or JPEG (first SOF marker). */
function imageSize(b: Buffer, type: 'png' | 'jpg'): { w: number; h: number } {
  if (type === 'png') return { w: b.readUInt32BE(16), h: b.readUInt32BE(20) }
  let i = 2
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) break
    const marker = b[i + 1]!
    const len = b.readUInt16BE(i + 2)
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return { w: b.readUInt16BE(i + 7), h: b.readUInt16BE(i + 5) }
    i += 2 + len
  }
  return { w: 64, h: 64 }
}
