/** The digest as PDF (pdfkit): embedded PT Sans, a bookmark per section, clickable links, "Страница N из M". */
import { readLogo } from './files'
import { formatDay, t } from './i18n'
import { digestCharts } from './charts'
import type { DigestModel, QuoteItem } from './model-types'
import { CONTENT_W, PAGE, PdfLayout, SIZE, type Cell, type Column } from './pdf-layout'
import {
  authorHeaders,
  authorRow,
  authorsRuleText,
  answeredItemText,
  answeredLine,
  figureCards,
  headlineFiguresLine,
  headlineProblemLines,
  headlineSpikeLines,
  headlineTitle,
  emptySection,
  methodParagraphs,
  responsesCountsLine,
  periodText,
  publicationRow,
  quoteMeta,
  SENTIMENT_COLOR,
  spikeLines,
  storiesLine,
  termLines,
  toneColor
} from './present'
import { COLORS } from './style'

export interface PdfOptions {
  /** Plain (uncompressed) content streams, for tests that read the file back. */
  compress?: boolean
}

export async function renderPdf(model: DigestModel, opts: PdfOptions = {}): Promise<Buffer> {
  const lang = model.lang
  const L = new PdfLayout({
    compress: opts.compress,
    title: `${t(lang, 'docTitle')} ${periodText(model)}`,
    author: model.orgName,
    lang
  })
  titleBlock(L, model)
  if (model.summary) summaryBlock(L, model)
  if (model.empty) {
    const e = emptySection(model)
    L.h1(e.title, 40)
    L.para(e.text)
    L.para(e.prev, { color: 'muted' })
  } else {
    headline(L, model)
    figures(L, model)
    const charts = digestCharts(model)
    if (charts.daily) {
      L.h1(t(lang, 'secDaily'), 200)
      L.image(charts.daily.png, charts.daily.width, charts.daily.height)
    }
    problems(L, model)
    publications(L, model, 'secCritical', model.critical, 'criticalNone', 'negative')
    publications(L, model, 'secPositive', model.positive, 'positiveNone', 'positive')
    responses(L, model)
    authors(L, model)
    spikes(L, model)
  }
  L.h1(t(lang, 'secMethod'), 60)
  for (const p of methodParagraphs(model)) L.para(p, { size: SIZE.small + 0.5, color: 'text' })
  L.finish(
    [model.orgName, t(lang, 'docTitle'), periodText(model)].filter(Boolean).join(' · '),
    (n, m) => t(lang, 'pageOf', { n, m }),
    `${t(lang, 'docTitle')} · ${periodText(model)}`
  )
  return L.toBuffer()
}

function logo(path: string | null): Buffer | null {
  return readLogo(path)?.data ?? null
}

function titleBlock(L: PdfLayout, m: DigestModel): void {
  const doc = L.doc
  const lang = m.lang
  const img = logo(m.orgLogo)
  let x = PAGE.left
  const top = PAGE.top - 8
  if (img) {
    try {
      doc.image(img, PAGE.left, top, { fit: [52, 52] })
      x += 64
    } catch {
      /* an unreadable logo is left out */
    }
  }
  doc
    .font('B')
    .fontSize(11)
    .fillColor(COLORS.muted)
    .text(m.orgName, x, top + 2, { width: PAGE.left + CONTENT_W - x })
  doc
    .font('R')
    .fontSize(9)
    .fillColor(COLORS.faint)
    .text(t(lang, 'docSubtitle'), x, doc.y + 1, { width: PAGE.left + CONTENT_W - x })
  doc.y = Math.max(doc.y + 14, img ? top + 66 : 0)
  doc
    .font('B')
    .fontSize(26)
    .fillColor(COLORS.accent)
    .text(t(lang, 'docTitle'), PAGE.left, doc.y, { width: CONTENT_W })
  doc.y += 4
  const line = `${t(lang, 'period')}: ${periodText(m)}      ${t(lang, 'prepared')}: ${m.preparedOn}`
  doc.font('R').fontSize(11).fillColor(COLORS.text).text(line, PAGE.left, doc.y, { width: CONTENT_W })
  doc.y += 8
  doc.rect(PAGE.left, doc.y, CONTENT_W, 2.2).fill(COLORS.accent)
  doc.y += 16
  L.reset()
}

function summaryBlock(L: PdfLayout, m: DigestModel): void {
  const doc = L.doc
  const text = m.summary!
  doc.font('R').fontSize(SIZE.body + 0.5)
  const h = doc.heightOfString(text, { width: CONTENT_W - 24, lineGap: 2 }) + 34
  L.ensure(Math.min(h, 300))
  const y = doc.y
  doc.rect(PAGE.left, y, CONTENT_W, h).fill(COLORS.band)
  doc.rect(PAGE.left, y, 3, h).fill(COLORS.accent)
  doc
    .font('B')
    .fontSize(SIZE.small)
    .fillColor(COLORS.accent)
    .text(t(m.lang, 'summaryTitle').toUpperCase(), PAGE.left + 14, y + 9, { characterSpacing: 0.6 })
  doc
    .font('R')
    .fontSize(SIZE.body + 0.5)
    .fillColor(COLORS.text)
    .text(text, PAGE.left + 14, doc.y + 3, { width: CONTENT_W - 24, lineGap: 2 })
  doc.y = y + h + 6
  L.reset()
}

/** Page 1: the problems with the most criticism, the spikes, what was answered and what was not. */
function headline(L: PdfLayout, m: DigestModel): void {
  const lang = m.lang
  L.h1(headlineTitle(m), 120)
  L.h2(t(lang, 'headProblems'), 40, 'negative')
  const problems = headlineProblemLines(m)
  if (problems.length) for (const s of problems) L.bullet(s)
  else L.para(t(lang, 'problemsNone'), { color: 'muted' })
  L.h2(t(lang, 'headSpikes'), 40, 'negative')
  const spikes = headlineSpikeLines(m)
  if (spikes.length) for (const s of spikes) L.bullet(s)
  else L.para(t(lang, 'headSpikesNone'), { color: 'muted' })
  L.h2(answeredLine(m), 40)
  if (m.responses.unanswered.length) {
    L.para(t(lang, 'headUnanswered'), { size: SIZE.small + 0.5, color: 'muted' })
    for (const q of m.responses.unanswered) quote(L, m, q)
  }
  L.h2(t(lang, 'headFigures'), 30)
  L.para(headlineFiguresLine(m))
}

/** Responses: counts of the period's statuses, then the answered publications with note and links. */
function responses(L: PdfLayout, m: DigestModel): void {
  const lang = m.lang
  const doc = L.doc
  L.h1(t(lang, 'secResponses'), 130)
  L.para(answeredLine(m), { face: 'B' })
  L.para(responsesCountsLine(m))
  if (!m.responses.answeredItems.length) {
    L.para(t(lang, 'respNone'), { color: 'muted' })
    return
  }
  L.h2(t(lang, 'respAnsweredTitle'), 40)
  for (const a of m.responses.answeredItems) {
    const { head, note } = answeredItemText(m, a)
    L.ensure(40)
    doc
      .font('R')
      .fontSize(SIZE.body)
      .fillColor(COLORS.text)
      .text(head, PAGE.left, doc.y, { width: CONTENT_W, continued: !!a.url })
    if (a.url) doc.fillColor(COLORS.link).text(` · ${t(lang, 'linkWord')}`, { link: a.url })
    doc.y += 1
    if (note || a.responseUrl) {
      doc
        .font('R')
        .fontSize(SIZE.small)
        .fillColor(COLORS.muted)
        .text(note ?? '', PAGE.left + 12, doc.y, { width: CONTENT_W - 12, continued: !!a.responseUrl })
      if (a.responseUrl)
        doc
          .fillColor(COLORS.link)
          .text(`${note ? ' · ' : ''}${t(lang, 'respLinkWord')}`, { link: a.responseUrl })
    }
    doc.y += 5
    L.reset()
  }
}

function figures(L: PdfLayout, m: DigestModel): void {
  const doc = L.doc
  L.h1(t(m.lang, 'secFigures'), 150)
  const cards = figureCards(m)
  const gap = 8
  const w = (CONTENT_W - 3 * gap) / 4
  const h = 70
  for (let row = 0; row < 2; row++) {
    const y = doc.y
    for (let col = 0; col < 4; col++) {
      const c = cards[row * 4 + col]!
      const x = PAGE.left + col * (w + gap)
      doc.roundedRect(x, y, w, h, 3).fill(COLORS.band)
      const accent =
        c.label === t(m.lang, 'figNegative')
          ? COLORS.negative
          : c.label === t(m.lang, 'figPositive')
            ? COLORS.positive
            : c.label === t(m.lang, 'figNeutral')
              ? COLORS.neutral
              : COLORS.accent
      doc.rect(x, y, w, 2.5).fill(accent)
      doc
        .font('R')
        .fontSize(SIZE.small)
        .fillColor(COLORS.muted)
        .text(c.label, x + 9, y + 9, { width: w - 18, lineBreak: false, ellipsis: true })
      doc
        .font('B')
        .fontSize(18)
        .fillColor(COLORS.text)
        .text(c.value, x + 9, y + 21, { width: w - 18, lineBreak: false })
      doc
        .font('B')
        .fontSize(SIZE.small)
        .fillColor(COLORS[toneColor(c.tone)])
        .text(c.delta, x + 9, y + 43, { width: w - 18, lineBreak: false })
      doc
        .font('R')
        .fontSize(SIZE.small - 0.5)
        .fillColor(COLORS.faint)
        .text(c.prev, x + 9, y + 54, { width: w - 18, lineBreak: false, ellipsis: true })
    }
    doc.y = y + h + gap
  }
  doc.y += 2
  L.para(
    `${storiesLine(m)}. ${t(m.lang, 'comparedWith', { from: formatDay(m.period.prevFrom), to: formatDay(m.period.prevTo) })}.`,
    { size: SIZE.small + 0.5, color: 'muted' }
  )
}

/** A quote block: coloured rule on the left, title, text, then the byline with its link. */
function quote(L: PdfLayout, m: DigestModel, q: QuoteItem): void {
  const doc = L.doc
  const x = PAGE.left + 12
  const w = CONTENT_W - 12
  const meta = quoteMeta(m, q)
  const linkWord = q.url ? ` · ${t(m.lang, 'linkWord')}` : ''
  let h = 0
  if (q.title) h += doc.font('B').fontSize(SIZE.body).heightOfString(q.title, { width: w, lineGap: 1.5 }) + 1
  if (q.text)
    h += doc.font('R').fontSize(SIZE.body).heightOfString(`«${q.text}»`, { width: w, lineGap: 1.5 }) + 2
  h += doc
    .font('R')
    .fontSize(SIZE.small)
    .heightOfString(meta + linkWord, { width: w })
  L.ensure(h + 8)
  const y = doc.y
  if (q.title) {
    doc
      .font('B')
      .fontSize(SIZE.body)
      .fillColor(COLORS.text)
      .text(q.title, x, doc.y, { width: w, lineGap: 1.5, link: q.url ?? undefined })
    doc.y += 1
  }
  if (q.text) {
    doc
      .font('R')
      .fontSize(SIZE.body)
      .fillColor(COLORS.text)
      .text(`«${q.text}»`, x, doc.y, { width: w, lineGap: 1.5 })
    doc.y += 2
  }
  doc
    .font('R')
    .fontSize(SIZE.small)
    .fillColor(COLORS.muted)
    .text(meta, x, doc.y, { width: w, continued: !!q.url })
  if (q.url) doc.fillColor(COLORS.link).text(linkWord, { link: q.url, underline: false })
  const color = COLORS[SENTIMENT_COLOR[q.sentiment ?? 'neutral'] ?? 'neutral']
  doc.rect(PAGE.left + 2, y + 1, 2.2, doc.y - y - 2).fill(color)
  doc.y += 7
  L.reset()
}

function problems(L: PdfLayout, m: DigestModel): void {
  const lang = m.lang
  const chart = m.problems.length ? digestCharts(m).problems : null
  // The heading stays with its intro and chart: never alone at the foot of a page.
  L.h1(t(lang, 'secProblems'), chart ? 40 + (chart.height * CONTENT_W) / chart.width : 160)
  if (!m.problems.length) {
    L.para(t(lang, 'problemsNone'), { color: 'muted' })
    return
  }
  L.para(t(lang, 'problemsIntro'), { size: SIZE.small + 0.5, color: 'muted' })
  if (chart) L.image(chart.png, chart.width, chart.height)
  m.problems.forEach((p, i) => {
    L.h2(`${i + 1}. ${p.name}`, 80)
    L.para(p.summary, { size: SIZE.small + 0.5, color: 'muted', after: 6 })
    for (const q of p.quotes) quote(L, m, q)
  })
}

function publications(
  L: PdfLayout,
  m: DigestModel,
  title: 'secCritical' | 'secPositive',
  items: QuoteItem[],
  none: 'criticalNone' | 'positiveNone',
  tone: 'negative' | 'positive'
): void {
  const lang = m.lang
  L.h1(t(lang, title), 100)
  if (!items.length) {
    L.para(t(lang, none), { color: 'muted' })
    return
  }
  const cols: Column[] = [
    { header: t(lang, 'colDate'), width: 58 },
    { header: t(lang, 'colSource'), width: 112 },
    { header: t(lang, 'colPublication'), width: 250 },
    { header: t(lang, 'colReach'), width: 56, align: 'right' }
  ]
  const rows: Cell[][] = items.map((q) => {
    const r = publicationRow(m, q)
    return [
      { text: r.date },
      { text: r.source, sub: r.platform },
      { text: r.text, link: r.url },
      { text: r.reach }
    ]
  })
  L.table(cols, rows, tone)
}

function authors(L: PdfLayout, m: DigestModel): void {
  const lang = m.lang
  L.h1(t(lang, 'secAuthors'), 100)
  L.para(authorsRuleText(m), { size: SIZE.small + 0.5, color: 'muted' })
  for (const lean of ['negative', 'positive'] as const) {
    const items = m.authors[lean]
    L.h2(
      t(lang, lean === 'negative' ? 'authorsNegative' : 'authorsPositive'),
      60,
      lean === 'negative' ? 'negativeAuthor' : 'positiveAuthor'
    )
    if (!items.length) {
      L.para(t(lang, 'authorsNone'), { color: 'muted' })
      continue
    }
    const headers = authorHeaders(m, lean)
    const widths = [150, 72, 72, 52, 66, 58]
    const cols: Column[] = headers.map((h, i) => ({
      header: h,
      width: widths[i]!,
      align: i >= 3 ? 'right' : 'left'
    }))
    const rows: Cell[][] = items.map((a) =>
      authorRow(m, a, lean).map((text, i): Cell =>
        i === 0
          ? { text, link: a.url, face: 'B', color: a.url ? 'link' : 'text' }
          : i === 4
            ? { text, color: lean === 'negative' ? 'negativeAuthor' : 'positiveAuthor', face: 'B' }
            : { text }
      )
    )
    L.table(cols, rows, lean === 'negative' ? 'negativeAuthor' : 'positiveAuthor')
  }
}

function spikes(L: PdfLayout, m: DigestModel): void {
  const lang = m.lang
  L.h1(t(lang, 'secSpikes'), 60)
  L.h2(t(lang, 'spikesDays'), 30)
  const days = spikeLines(m)
  if (days.length) for (const s of days) L.bullet(s)
  else L.para(t(lang, 'spikesNone'), { color: 'muted' })
  L.h2(t(lang, 'termsTitle'), 30)
  const terms = termLines(m)
  if (terms.length) for (const s of terms) L.bullet(s)
  else L.para(t(lang, 'termsNone'), { color: 'muted' })
}
