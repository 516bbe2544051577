/** The head of the DOCX digest (title block, key figures) and the quote block. */
import {
  BorderStyle,
  ExternalHyperlink,
  HeadingLevel,
  Paragraph,
  ShadingType,
  TabStopType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IBorderOptions
} from 'docx'
import { BODY, CONTENT_TW, h1, link, logoRun, NONE, para, run, SMALL, TWIP, type Block } from './docx-parts'
import { formatDay, t } from './i18n'
import type { DigestModel, QuoteItem } from './model-types'
import { figureCards, periodText, quoteMeta, SENTIMENT_COLOR, storiesLine, toneColor } from './present'
import { hex, type ColorName } from './style'

/** Organisation, logo, title, period and date of preparation, then the analyst's summary if any. */
export function titleBlock(m: DigestModel): Block[] {
  const lang = m.lang
  const logo = logoRun(m.orgLogo)
  const out: Block[] = []
  if (logo) out.push(new Paragraph({ spacing: { after: 4 * TWIP }, children: [logo] }))
  out.push(
    new Paragraph({
      spacing: { after: 0 },
      children: [run(m.orgName, { bold: true, color: 'muted', size: 22 })]
    }),
    new Paragraph({
      spacing: { after: 10 * TWIP },
      children: [run(t(lang, 'docSubtitle'), { color: 'faint', size: 18 })]
    }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(t(lang, 'docTitle'))] }),
    new Paragraph({
      spacing: { after: 14 * TWIP },
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: hex('accent'), space: 8 } },
      children: [
        run(`${t(lang, 'period')}: ${periodText(m)}`, { size: 22 }),
        run(`\t${t(lang, 'prepared')}: ${m.preparedOn}`, { size: 22 })
      ],
      tabStops: [{ type: TabStopType.RIGHT, position: CONTENT_TW }]
    })
  )
  if (m.summary) {
    const shade = { type: ShadingType.CLEAR, color: 'auto', fill: hex('band') }
    const border = { left: { style: BorderStyle.SINGLE, size: 18, color: hex('accent'), space: 8 } }
    out.push(
      new Paragraph({
        shading: shade,
        border,
        indent: { left: 160, right: 160 },
        spacing: { before: 4 * TWIP },
        children: [run(t(lang, 'summaryTitle').toUpperCase(), { bold: true, color: 'accent', size: SMALL })]
      }),
      new Paragraph({
        shading: shade,
        border,
        indent: { left: 160, right: 160 },
        spacing: { after: 10 * TWIP },
        children: [run(m.summary, { size: BODY + 1 })]
      })
    )
  }
  return out
}

/** Key figures: two rows of four cards, then the stories line. */
export function figures(m: DigestModel): Block[] {
  const cards = figureCards(m)
  const accentOf = (i: number): ColorName =>
    i === 1 ? 'negative' : i === 2 ? 'neutral' : i === 3 ? 'positive' : 'accent'
  const w = Math.floor(CONTENT_TW / 4)
  const gap: IBorderOptions = { style: BorderStyle.SINGLE, size: 24, color: 'FFFFFF' }
  const rows = [0, 1].map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: [0, 1, 2, 3].map((c) => {
          const i = r * 4 + c
          const card = cards[i]!
          return new TableCell({
            width: { size: w, type: WidthType.DXA },
            shading: { type: ShadingType.CLEAR, color: 'auto', fill: hex('band') },
            margins: { top: 90, bottom: 90, left: 140, right: 100 },
            borders: {
              top: { style: BorderStyle.SINGLE, size: 18, color: hex(accentOf(i)) },
              bottom: gap,
              left: gap,
              right: gap
            },
            children: [
              new Paragraph({ children: [run(card.label, { color: 'muted', size: SMALL })] }),
              new Paragraph({
                spacing: { before: 20, after: 20 },
                children: [run(card.value, { bold: true, size: 34 })]
              }),
              new Paragraph({
                children: [run(card.delta, { bold: true, color: toneColor(card.tone), size: SMALL })]
              }),
              new Paragraph({ children: [run(card.prev, { color: 'faint', size: SMALL - 1 })] })
            ]
          })
        })
      })
  )
  return [
    h1(t(m.lang, 'secFigures')),
    new Table({
      width: { size: CONTENT_TW, type: WidthType.DXA },
      columnWidths: [w, w, w, w],
      layout: TableLayoutType.FIXED,
      borders: {
        top: NONE,
        bottom: NONE,
        left: NONE,
        right: NONE,
        insideHorizontal: NONE,
        insideVertical: NONE
      },
      rows
    }),
    para(
      `${storiesLine(m)}. ${t(m.lang, 'comparedWith', { from: formatDay(m.period.prevFrom), to: formatDay(m.period.prevTo) })}.`,
      {
        color: 'muted',
        size: SMALL + 1
      }
    )
  ]
}

/**
 * A quote: coloured rule on the left, title (linked), text, byline with its link. One paragraph with
 * line breaks and "keep lines together", so a page never separates a title from its text.
 */
export function quote(m: DigestModel, q: QuoteItem): Paragraph[] {
  const color = SENTIMENT_COLOR[q.sentiment ?? 'neutral'] ?? 'neutral'
  const children: (TextRun | ExternalHyperlink)[] = []
  if (q.title) children.push(q.url ? link(q.title, q.url, { bold: true }) : run(q.title, { bold: true }))
  if (q.text) children.push(new TextRun({ text: `«${q.text}»`, break: q.title ? 1 : 0 }))
  children.push(new TextRun({ text: quoteMeta(m, q), break: 1, color: hex('muted'), size: SMALL }))
  if (q.url)
    children.push(
      run(' · ', { color: 'muted', size: SMALL }),
      link(t(m.lang, 'linkWord'), q.url, { size: SMALL })
    )
  return [
    new Paragraph({
      border: { left: { style: BorderStyle.SINGLE, size: 12, color: hex(color), space: 8 } },
      indent: { left: 200 },
      keepLines: true,
      spacing: { after: 8 * TWIP },
      children
    })
  ]
}
