/** Layout primitives over pdfkit: headings with bookmarks, paragraphs, blocks kept together, tables with repeated headers. */
import PDFDocument from 'pdfkit'
import { COLORS, type ColorName } from './style'
import { fontData } from './fonts'

export const PAGE = { width: 595.28, height: 841.89, left: 56, right: 56, top: 62, bottom: 64 }
export const CONTENT_W = PAGE.width - PAGE.left - PAGE.right
const BOTTOM_Y = PAGE.height - PAGE.bottom

export const SIZE = { body: 9.5, small: 8.5, h1: 15, h2: 11.5 }
export type Face = 'R' | 'B' | 'I'

export interface Cell {
  text: string
  link?: string | null
  face?: Face
  color?: ColorName
  /** A second, smaller grey line under the text. */
  sub?: string
}
export interface Column {
  header: string
  width: number
  align?: 'left' | 'right'
}

export class PdfLayout {
  readonly doc: PDFKit.PDFDocument
  private h1Item: PDFKit.PDFOutline | null = null

  constructor(opts: { compress?: boolean; title: string; author: string; lang: string }) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
      bufferPages: true,
      compress: opts.compress ?? true,
      autoFirstPage: true,
      lang: opts.lang,
      displayTitle: true,
      info: { Title: opts.title, Author: opts.author, Creator: 'Otklik', Producer: 'Otklik' }
    })
    this.doc.registerFont('R', fontData('regular'))
    this.doc.registerFont('B', fontData('bold'))
    this.doc.registerFont('I', fontData('italic'))
    this.doc.font('R').fontSize(SIZE.body).fillColor(COLORS.text)
  }

  get y(): number {
    return this.doc.y
  }
  set y(v: number) {
    this.doc.y = v
  }

  /** Starts a new page unless `h` points still fit on this one. */
  ensure(h: number): void {
    if (this.doc.y + h > BOTTOM_Y) this.doc.addPage()
  }

  space(h: number): void {
    if (this.doc.y + h > BOTTOM_Y) this.doc.addPage()
    else this.doc.y += h
  }

  /** Section heading, kept with the next `keep` points, and a top-level bookmark. */
  h1(title: string, keep = 90): void {
    if (this.doc.y > PAGE.top + 1) this.space(16)
    this.ensure(keep + 30)
    this.h1Item = this.doc.outline.addItem(title)
    this.doc
      .font('B')
      .fontSize(SIZE.h1)
      .fillColor(COLORS.accent)
      .text(title, PAGE.left, this.doc.y, { width: CONTENT_W })
    const y = this.doc.y + 3
    this.doc
      .moveTo(PAGE.left, y)
      .lineTo(PAGE.left + CONTENT_W, y)
      .lineWidth(0.6)
      .strokeColor(COLORS.rule)
      .stroke()
    this.doc.y = y + 8
    this.reset()
  }

  /** Sub-heading with a bookmark under the current section. */
  h2(title: string, keep = 70, color: ColorName = 'text'): void {
    this.space(8)
    this.ensure(keep + 20)
    ;(this.h1Item ?? this.doc.outline).addItem(title)
    this.doc
      .font('B')
      .fontSize(SIZE.h2)
      .fillColor(COLORS[color])
      .text(title, PAGE.left, this.doc.y, { width: CONTENT_W })
    this.doc.y += 3
    this.reset()
  }

  para(
    text: string,
    opts: { size?: number; color?: ColorName; face?: Face; after?: number; indent?: number } = {}
  ): void {
    const size = opts.size ?? SIZE.body
    const x = PAGE.left + (opts.indent ?? 0)
    const w = CONTENT_W - (opts.indent ?? 0)
    this.doc.font(opts.face ?? 'R').fontSize(size)
    this.ensure(Math.min(this.doc.heightOfString(text, { width: w, lineGap: 1.5 }), size * 3))
    this.doc.fillColor(COLORS[opts.color ?? 'text']).text(text, x, this.doc.y, { width: w, lineGap: 1.5 })
    this.doc.y += opts.after ?? 5
    this.reset()
  }

  /** A bulleted line. */
  bullet(text: string, color: ColorName = 'text'): void {
    this.doc.font('R').fontSize(SIZE.body)
    const h = this.doc.heightOfString(text, { width: CONTENT_W - 14, lineGap: 1.5 })
    this.ensure(h)
    const y = this.doc.y
    this.doc.fillColor(COLORS.faint).text('•', PAGE.left + 2, y, { width: 10 })
    this.doc.fillColor(COLORS[color]).text(text, PAGE.left + 14, y, { width: CONTENT_W - 14, lineGap: 1.5 })
    this.doc.y += 3
    this.reset()
  }

  reset(): void {
    this.doc.font('R').fontSize(SIZE.body).fillColor(COLORS.text)
    this.doc.x = PAGE.left
  }

  image(png: Buffer, pxW: number, pxH: number, width = CONTENT_W): void {
    const h = (width * pxH) / pxW
    this.ensure(h + 6)
    this.doc.image(png, PAGE.left, this.doc.y, { width, height: h })
    this.doc.y += h + 8
  }

  private cellHeight(c: Cell, w: number): number {
    this.doc.font(c.face ?? 'R').fontSize(SIZE.small + 0.5)
    let h = this.doc.heightOfString(c.text || ' ', { width: w, lineGap: 1 })
    if (c.sub)
      h +=
        this.doc
          .font('R')
          .fontSize(SIZE.small - 0.5)
          .heightOfString(c.sub, { width: w }) + 1
    return h
  }

  /** A table with light rules; the header row repeats on every page the table runs onto. */
  table(columns: Column[], rows: Cell[][], accent: ColorName = 'accent'): void {
    const padX = 5
    const padY = 4
    const scale = CONTENT_W / columns.reduce((s, c) => s + c.width, 0)
    const widths = columns.map((c) => c.width * scale)
    const header = (): void => {
      this.doc.font('B').fontSize(SIZE.small)
      const hh =
        Math.max(
          ...columns.map((c, i) => this.doc.heightOfString(c.header, { width: widths[i]! - 2 * padX }))
        ) +
        2 * padY
      const y = this.doc.y
      this.doc.rect(PAGE.left, y, CONTENT_W, hh).fill(COLORS.band)
      let x = PAGE.left
      columns.forEach((c, i) => {
        this.doc
          .fillColor(COLORS.muted)
          .text(c.header, x + padX, y + padY, { width: widths[i]! - 2 * padX, align: c.align ?? 'left' })
        x += widths[i]!
      })
      this.doc
        .moveTo(PAGE.left, y + hh)
        .lineTo(PAGE.left + CONTENT_W, y + hh)
        .lineWidth(1)
        .strokeColor(COLORS[accent])
        .stroke()
      this.doc.y = y + hh
    }
    const heights = rows.map(
      (r) => Math.max(...r.map((c, i) => this.cellHeight(c, widths[i]! - 2 * padX))) + 2 * padY
    )
    this.ensure(Math.min(40 + (heights[0] ?? 0), 200))
    header()
    rows.forEach((row, ri) => {
      const h = heights[ri]!
      if (this.doc.y + h > BOTTOM_Y) {
        this.doc.addPage()
        header()
      }
      const y = this.doc.y
      let x = PAGE.left
      row.forEach((c, i) => {
        const w = widths[i]! - 2 * padX
        const align = columns[i]!.align ?? 'left'
        this.doc
          .font(c.face ?? 'R')
          .fontSize(SIZE.small + 0.5)
          .fillColor(COLORS[c.color ?? (c.link ? 'link' : 'text')])
        this.doc.text(c.text, x + padX, y + padY, { width: w, lineGap: 1, align, link: c.link ?? undefined })
        if (c.sub)
          this.doc
            .font('R')
            .fontSize(SIZE.small - 0.5)
            .fillColor(COLORS.muted)
            .text(c.sub, x + padX, this.doc.y + 1, { width: w, align })
        x += widths[i]!
      })
      this.doc
        .moveTo(PAGE.left, y + h)
        .lineTo(PAGE.left + CONTENT_W, y + h)
        .lineWidth(0.5)
        .strokeColor(COLORS.ruleLight)
        .stroke()
      this.doc.y = y + h
    })
    this.doc.y += 6
    this.reset()
  }

  /** Header line on every page but the first, "Страница N из M" footer on every page. */
  finish(headerText: string, pageLabel: (n: number, m: number) => string, footerLeft: string): void {
    const range = this.doc.bufferedPageRange()
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i)
      const saved = this.doc.page.margins.bottom
      this.doc.page.margins.bottom = 0
      this.doc.font('R').fontSize(7.5).fillColor(COLORS.faint)
      if (i > range.start) {
        this.doc.text(headerText, PAGE.left, 30, { width: CONTENT_W, lineBreak: false, ellipsis: true })
        this.doc
          .moveTo(PAGE.left, 42)
          .lineTo(PAGE.left + CONTENT_W, 42)
          .lineWidth(0.4)
          .strokeColor(COLORS.ruleLight)
          .stroke()
      }
      const fy = PAGE.height - 40
      this.doc
        .moveTo(PAGE.left, fy - 6)
        .lineTo(PAGE.left + CONTENT_W, fy - 6)
        .lineWidth(0.4)
        .strokeColor(COLORS.ruleLight)
        .stroke()
      this.doc.text(footerLeft, PAGE.left, fy, { width: CONTENT_W * 0.7, lineBreak: false, ellipsis: true })
      this.doc.text(pageLabel(i - range.start + 1, range.count), PAGE.left + CONTENT_W * 0.5, fy, {
        width: CONTENT_W * 0.5,
        align: 'right',
        lineBreak: false
      })
      this.doc.page.margins.bottom = saved
    }
  }

  toBuffer(): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = []
      this.doc.on('data', (c: Buffer) => chunks.push(c))
      this.doc.on('end', () => resolve(Buffer.concat(chunks)))
      this.doc.on('error', reject)
      this.doc.end()
    })
  }
}
