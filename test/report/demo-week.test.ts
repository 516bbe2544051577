/**
 * The digest of the demo week 23–29.11.2026 (demo --until 2026-12-03, which holds the heating spike),
 * read back as a reader's software reads it: pdftotext for the PDF, word/document.xml for the DOCX.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { createDemo } from '../../src/main/core/demo'
import { workspaceAnalyzer } from '../../src/main/core/analysis/analyzer'
import { parseNow } from '../../src/shared/clock'

/** The demo of a day that is "today" holds only what was published by then: pinned, so no result depends on the hour. */
const DEMO_MADE = parseNow('2026-12-03T23:59')
import { getSettings } from '../../src/main/core/db/settings'
import {
  buildDigestModel,
  exportDigest,
  type DigestModel,
  type ExportDigestResult
} from '../../src/main/core/report'
import { isPublicType } from '../../src/main/core/report/masking'
import { splitSentences, textKey } from '../../src/main/core/report/quote-excerpt'
import {
  answeredLine,
  headlineFiguresLine,
  headlineProblemLines,
  headlineSpikeLines,
  headlineTitle,
  methodParagraphs,
  spikeLines,
  termLines
} from '../../src/main/core/report/present'
import type { Db } from '../../src/main/core/db'
import type { QuoteItem } from '../../src/main/core/report'
import { tempDb } from '../helpers/db'
import { dashboard } from '../../src/main/core/queries/dashboard'
import { MentionQueries } from '../../src/main/core/queries/mentions'
import { docxXml, flat, pdfText, pdfUris } from './read-back'

const WEEK = { from: '2026-11-23', to: '2026-11-29' }
let db: Db
let dir: string
let model: DigestModel
let oneClick: ExportDigestResult
let withOptions: ExportDigestResult
let privateAuthors: { name: string; url: string | null }[]

/** The text of a DOCX body: paragraphs joined with spaces, XML entities decoded. */
function docxText(file: string): string {
  const xml = docxXml(file, ['word/document.xml'])
  return flat(
    xml
      .replace(/<\/w:p>/g, ' ')
      .replace(/<w:tab\/>/g, ' ')
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&')
  )
}

const fileOf = (r: ExportDigestResult, ext: string): string => r.files.find((f) => f.endsWith(ext))!

function allQuotes(m: DigestModel): { section: string; q: QuoteItem }[] {
  return [
    ...m.responses.unanswered.map((q) => ({ section: 'unanswered', q })),
    ...m.problems.flatMap((p) => p.quotes.map((q) => ({ section: p.name, q }))),
    ...m.critical.map((q) => ({ section: 'critical', q })),
    ...m.positive.map((q) => ({ section: 'positive', q }))
  ]
}

beforeAll(async () => {
  ;({ db, dir } = tempDb('demo-week'))
  createDemo(db, { until: '2026-12-03', now: DEMO_MADE, analyzer: workspaceAnalyzer(db) })
  model = buildDigestModel(db, WEEK)
  oneClick = await exportDigest(db, { ...WEEK, outDir: join(dir, 'one-click') })
  // «Дайджест с настройками» starts from the Settings value, as its page does.
  withOptions = await exportDigest(db, {
    ...WEEK,
    lang: 'kk',
    maskAuthors: getSettings(db).maskPrivateAuthors !== false,
    summary: 'Жылу беру мәселесі аптаның басты тақырыбы болды.',
    outDir: join(dir, 'options')
  })
  privateAuthors = (
    db.prepare('SELECT name, url, type FROM authors').all() as {
      name: string
      url: string | null
      type: string
    }[]
  ).filter((a) => !isPublicType(a.type as never))
}, 120_000)

afterAll(() => {
  db?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe('digest of the demo week', () => {
  it('puts the top problem, the spike with its topic and answered N of M on page 1', () => {
    const page1 = flat(pdfText(fileOf(oneClick, '.pdf')).split('\f')[0]!)
    expect(page1).toContain('Главное за неделю')
    const top = model.headline.problems[0]!
    expect(top.name).toMatch(/ЖКХ/)
    expect(page1).toContain(flat(headlineProblemLines(model)[0]!))
    expect(model.spikes.days.length).toBeGreaterThan(0)
    expect(model.spikes.days.some((s) => s.topicLabel?.startsWith('ЖКХ') && s.day === '2026-11-23')).toBe(
      true
    )
    expect(page1).toMatch(/всплеск: «ЖКХ[^»]*», 23\.11, \d+ негативн(ых|ая|ые) при обычных \d+/)
    expect(page1).toContain(
      `Отвечено ${model.responses.criticalAnswered} из ${model.responses.critical.toLocaleString('ru').replace(/\s/g, ' ')}`
    )
    expect(page1).toContain('Без ответа, с наибольшим охватом')
    // Key figures follow the headline, on page 2 and after.
    expect(page1.indexOf('Ключевые показатели')).toBeGreaterThan(page1.indexOf('Отвечено'))
  })

  it('quotes no text twice, each in a section of its own sentiment, no sentence twice inside one', () => {
    const quotes = allQuotes(model)
    expect(quotes.length).toBeGreaterThan(15)
    const keys = quotes.map(({ q }) => textKey(q.text))
    expect(new Set(keys).size).toBe(keys.length)
    expect(new Set(quotes.map(({ q }) => q.id)).size).toBe(quotes.length)
    for (const { section, q } of quotes) {
      expect(q.sentiment, `${section}: ${q.text}`).toBe(section === 'positive' ? 'positive' : 'negative')
      const sentences = splitSentences(q.text).map(textKey)
      expect(new Set(sentences).size, q.text).toBe(sentences.length)
    }
    // The neutral air-quality notice the model labelled negative is not quoted as criticism.
    expect(keys.join('\n')).not.toContain('акимат опубликовал данные мониторинга качества воздуха')
    // Read back: every quoted text is printed once in the whole PDF.
    const text = pdfText(fileOf(oneClick, '.pdf'))
    for (const { q } of quotes) {
      const n = text.split(q.text).length - 1
      expect(n, q.text).toBeLessThanOrEqual(1)
    }
    for (const { q } of quotes.filter((x) => x.section !== 'critical' && x.section !== 'positive'))
      expect(text, q.text).toContain(`«${q.text}»`)
  })

  it('names no private person in either mode, in the DOCX or the PDF', () => {
    expect(privateAuthors.length).toBeGreaterThan(100)
    for (const r of [oneClick, withOptions]) {
      const texts = [pdfText(fileOf(r, '.pdf')), docxText(fileOf(r, '.docx'))]
      const uris = [...pdfUris(fileOf(r, '.pdf')), docxXml(fileOf(r, '.docx'), ['word/_rels/*.rels'])].join(
        ' '
      )
      for (const a of privateAuthors) {
        for (const t of texts) expect(t, `${a.name} in ${r.files[0]}`).not.toContain(a.name)
        if (a.url) expect(uris, a.url).not.toContain(a.url)
      }
    }
    expect(pdfText(fileOf(withOptions, '.pdf'))).toContain('Telegram пайдаланушысы №')
  })

  it('lists emerging phrases, the same list as the dashboard of that week', () => {
    const terms = model.spikes.terms.map((x) => x.term)
    expect(terms.length).toBeGreaterThan(3)
    for (const bad of ['болеют акимат', 'районе третий', 'приезжает']) expect(terms).not.toContain(bad)
    const d = dashboard(db, new MentionQueries(db, () => 'Asia/Almaty'), WEEK, 'Asia/Almaty', 'ru')
    expect(d.emerging.slice(0, terms.length).map((x) => x.term)).toEqual(terms)
  })

  it('prints the same model in the DOCX and the PDF', () => {
    const pdf = pdfText(fileOf(oneClick, '.pdf'))
    const docx = docxText(fileOf(oneClick, '.docx'))
    const strings = [
      headlineTitle(model),
      ...headlineProblemLines(model),
      ...headlineSpikeLines(model),
      answeredLine(model),
      headlineFiguresLine(model),
      ...model.problems.map((p) => p.summary),
      ...allQuotes(model)
        .filter((x) => x.section !== 'critical' && x.section !== 'positive')
        .map(({ q }) => q.text),
      ...spikeLines(model),
      ...termLines(model),
      ...methodParagraphs(model)
    ].map(flat)
    expect(strings.length).toBeGreaterThan(30)
    for (const s of strings) {
      expect(pdf, s).toContain(s)
      expect(docx, s).toContain(s)
    }
  })
})
