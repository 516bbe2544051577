/**
 * The digest as DOCX (`docx`): Heading1/Heading2 styles (Word's navigation pane), tables whose header
 * row repeats on each page, chart images, "Страница N из M" in the footer, A4, PT Sans named and embedded.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  LevelFormat,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TabStopType,
  TextRun
} from 'docx'
import { figures, quote, titleBlock } from './docx-sections'
import {
  BODY,
  CONTENT_TW,
  h1,
  h2,
  image,
  link,
  MARGIN,
  PAGE_H,
  PAGE_W,
  para,
  run,
  SMALL,
  spacer,
  table,
  TWIP,
  type Block,
  type DocCell
} from './docx-parts'
import { digestCharts, type ChartImage } from './charts'
import { fontData, FONT_FAMILY } from './fonts'
import { t } from './i18n'
import type { DigestModel, QuoteItem } from './model-types'
import {
  authorHeaders,
  authorRow,
  authorsRuleText,
  answeredItemText,
  answeredLine,
  headlineFiguresLine,
  headlineProblemLines,
  headlineSpikeLines,
  headlineTitle,
  emptySection,
  methodParagraphs,
  responsesCountsLine,
  periodText,
  publicationRow,
  spikeLines,
  termLines
} from './present'
import { hex, type ColorName } from './style'

function problems(m: DigestModel, chart: ChartImage | null): Block[] {
  const lang = m.lang
  const out: Block[] = [h1(t(lang, 'secProblems'))]
  if (!m.problems.length) return [...out, para(t(lang, 'problemsNone'), { color: 'muted' })]
  out.push(para(t(lang, 'problemsIntro'), { color: 'muted', size: SMALL + 1, keepNext: true }))
  if (chart) out.push(image(chart, t(lang, 'chartProblems')))
  m.problems.forEach((p, i) => {
    out.push(
      h2(`${i + 1}. ${p.name}`),
      para(p.summary, { color: 'muted', size: SMALL + 1, after: 6, keepNext: true })
    )
    for (const q of p.quotes) out.push(...quote(m, q))
  })
  return out
}

function publications(
  m: DigestModel,
  title: 'secCritical' | 'secPositive',
  items: QuoteItem[],
  none: 'criticalNone' | 'positiveNone',
  tone: ColorName
): Block[] {
  const lang = m.lang
  if (!items.length) return [h1(t(lang, title)), para(t(lang, none), { color: 'muted' })]
  const rows = items.map((q): DocCell[] => {
    const r = publicationRow(m, q)
    return [
      { text: r.date },
      { text: r.source, sub: r.platform },
      { text: r.text, link: r.url },
      { text: r.reach, right: true }
    ]
  })
  return [
    h1(t(lang, title)),
    table(
      [t(lang, 'colDate'), t(lang, 'colSource'), t(lang, 'colPublication'), t(lang, 'colReach')],
      [58, 112, 250, 56],
      rows,
      tone,
      3
    ),
    spacer()
  ]
}

function authors(m: DigestModel): Block[] {
  const lang = m.lang
  const out: Block[] = [
    h1(t(lang, 'secAuthors')),
    para(authorsRuleText(m), { color: 'muted', size: SMALL + 1, keepNext: true })
  ]
  for (const lean of ['negative', 'positive'] as const) {
    const color: ColorName = lean === 'negative' ? 'negativeAuthor' : 'positiveAuthor'
    out.push(h2(t(lang, lean === 'negative' ? 'authorsNegative' : 'authorsPositive'), color))
    const items = m.authors[lean]
    if (!items.length) {
      out.push(para(t(lang, 'authorsNone'), { color: 'muted' }))
      continue
    }
    const rows = items.map((a) =>
      authorRow(m, a, lean).map((text, i): DocCell =>
        i === 0 ? { text, link: a.url, bold: true } : i === 4 ? { text, bold: true, color } : { text }
      )
    )
    out.push(table(authorHeaders(m, lean), [150, 72, 72, 52, 66, 58], rows, color, 3), spacer())
  }
  return out
}

const bullet = (text: string): Paragraph =>
  new Paragraph({
    numbering: { reference: 'bullets', level: 0 },
    spacing: { after: 3 * TWIP },
    children: [run(text)]
  })

/** Page 1: the problems with the most criticism, the spikes, what was answered and what was not. */
function headline(m: DigestModel): Block[] {
  const lang = m.lang
  const problems = headlineProblemLines(m)
  const spikes = headlineSpikeLines(m)
  const out: Block[] = [
    h1(headlineTitle(m)),
    h2(t(lang, 'headProblems'), 'negative'),
    ...(problems.length ? problems.map(bullet) : [para(t(lang, 'problemsNone'), { color: 'muted' })]),
    h2(t(lang, 'headSpikes'), 'negative'),
    ...(spikes.length ? spikes.map(bullet) : [para(t(lang, 'headSpikesNone'), { color: 'muted' })]),
    h2(answeredLine(m))
  ]
  if (m.responses.unanswered.length) {
    out.push(para(t(lang, 'headUnanswered'), { color: 'muted', size: SMALL + 1, keepNext: true }))
    for (const q of m.responses.unanswered) out.push(...quote(m, q))
  }
  out.push(h2(t(lang, 'headFigures')), para(headlineFiguresLine(m)))
  return out
}

/** Responses: counts of the period's statuses, then the answered publications with note and links. */
function responses(m: DigestModel): Block[] {
  const lang = m.lang
  const out: Block[] = [
    h1(t(lang, 'secResponses')),
    para(answeredLine(m), { bold: true }),
    para(responsesCountsLine(m))
  ]
  if (!m.responses.answeredItems.length) return [...out, para(t(lang, 'respNone'), { color: 'muted' })]
  out.push(h2(t(lang, 'respAnsweredTitle')))
  for (const a of m.responses.answeredItems) {
    const { head, note } = answeredItemText(m, a)
    out.push(
      new Paragraph({
        spacing: { after: 1 * TWIP },
        keepNext: !!(note || a.responseUrl),
        children: [run(head), ...(a.url ? [run(' · '), link(t(lang, 'linkWord'), a.url)] : [])]
      })
    )
    if (note || a.responseUrl)
      out.push(
        new Paragraph({
          spacing: { after: 5 * TWIP },
          indent: { left: 240 },
          children: [
            run(note ?? '', { color: 'muted', size: SMALL }),
            ...(a.responseUrl
              ? [
                  run(note ? ' · ' : '', { size: SMALL }),
                  link(t(lang, 'respLinkWord'), a.responseUrl, { size: SMALL })
                ]
              : [])
          ]
        })
      )
  }
  return out
}

function spikes(m: DigestModel): Block[] {
  const lang = m.lang
  const days = spikeLines(m)
  const terms = termLines(m)
  return [
    h1(t(lang, 'secSpikes')),
    h2(t(lang, 'spikesDays')),
    ...(days.length ? days.map(bullet) : [para(t(lang, 'spikesNone'), { color: 'muted' })]),
    h2(t(lang, 'termsTitle')),
    ...(terms.length ? terms.map(bullet) : [para(t(lang, 'termsNone'), { color: 'muted' })])
  ]
}

/** "Страница {n} из {m}" as runs with page fields in place of {n} and {m}. */
function pageOfRuns(lang: DigestModel['lang']): TextRun[] {
  const tpl = t(lang, 'pageOf', { n: '\u0001', m: '\u0002' })
  const out: TextRun[] = []
  for (const part of tpl.split(/(\u0001|\u0002)/)) {
    if (!part) continue
    if (part === '\u0001')
      out.push(new TextRun({ children: [PageNumber.CURRENT], size: 15, color: hex('faint') }))
    else if (part === '\u0002')
      out.push(new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 15, color: hex('faint') }))
    else out.push(run(part, { size: 15, color: 'faint' }))
  }
  return out
}

export async function renderDocx(model: DigestModel): Promise<Buffer> {
  const m = model
  const lang = m.lang
  const charts = digestCharts(m)
  const body: Block[] = [...titleBlock(m)]
  if (m.empty) {
    const e = emptySection(m)
    body.push(h1(e.title), para(e.text), para(e.prev, { color: 'muted' }))
  } else {
    body.push(...headline(m), ...figures(m))
    if (charts.daily) body.push(h1(t(lang, 'secDaily')), image(charts.daily, t(lang, 'chartDaily')))
    body.push(
      ...problems(m, charts.problems),
      ...publications(m, 'secCritical', m.critical, 'criticalNone', 'negative'),
      ...publications(m, 'secPositive', m.positive, 'positiveNone', 'positive'),
      ...responses(m),
      ...authors(m),
      ...spikes(m)
    )
  }
  body.push(h1(t(lang, 'secMethod')), ...methodParagraphs(m).map((p) => para(p, { size: SMALL + 1 })))

  const footer = (): Footer =>
    new Footer({
      children: [
        new Paragraph({
          tabStops: [{ type: TabStopType.RIGHT, position: CONTENT_TW }],
          border: { top: { style: BorderStyle.SINGLE, size: 4, color: hex('ruleLight'), space: 4 } },
          children: [
            run(`${t(lang, 'docTitle')} · ${periodText(m)}\t`, { size: 15, color: 'faint' }),
            ...pageOfRuns(lang)
          ]
        })
      ]
    })
  const header = new Header({
    children: [
      new Paragraph({
        border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: hex('ruleLight'), space: 4 } },
        children: [
          run([m.orgName, t(lang, 'docTitle'), periodText(m)].filter(Boolean).join(' · '), {
            size: 15,
            color: 'faint'
          })
        ]
      })
    ]
  })
  const doc = new Document({
    title: `${t(lang, 'docTitle')} ${periodText(m)}`,
    creator: m.orgName || 'Otklik',
    description: 'Otklik',
    // Regular and bold only: the DOCX uses no italics, and each face adds ~280 KB.
    fonts: [{ name: FONT_FAMILY, data: fontData('regular'), bold: fontData('bold') }],
    numbering: {
      config: [
        {
          reference: 'bullets',
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: '•',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 360, hanging: 240 } } }
            }
          ]
        }
      ]
    },
    styles: {
      default: {
        document: {
          run: { font: FONT_FAMILY, size: BODY, color: hex('text') },
          paragraph: { spacing: { line: 264, lineRule: LineRuleType.AUTO } }
        },
        title: {
          run: { font: FONT_FAMILY, size: 52, bold: true, color: hex('accent') },
          paragraph: { spacing: { after: 80 } }
        },
        heading1: {
          run: { font: FONT_FAMILY, size: 30, bold: true, color: hex('accent') },
          paragraph: {
            spacing: { before: 22 * TWIP, after: 8 * TWIP },
            keepNext: true,
            border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: hex('rule'), space: 3 } }
          }
        },
        heading2: {
          run: { font: FONT_FAMILY, size: 23, bold: true, color: hex('text') },
          paragraph: { spacing: { before: 12 * TWIP, after: 4 * TWIP }, keepNext: true }
        },
        hyperlink: { run: { color: hex('link'), underline: {} } }
      }
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE_W, height: PAGE_H },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, header: 567, footer: 567 }
          }
        },
        headers: { default: header, first: new Header({ children: [new Paragraph({ children: [] })] }) },
        footers: { default: footer(), first: footer() },
        children: body
      }
    ]
  })
  return Packer.toBuffer(doc)
}
