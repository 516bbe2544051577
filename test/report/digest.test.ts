import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Resvg } from '@resvg/resvg-js'
import { buildDigestModel, exportDigest, type ExportDigestResult } from '../../src/main/core/report'
import type { Db } from '../../src/main/core/db'
import {
  A,
  buildWorkspace,
  CURRENT,
  expectedFigures,
  KAZAKH_ECOLOGY,
  KAZAKH_QUOTE,
  NOW,
  WEEK
} from './fixture'
import {
  docxEntries,
  docxToPdf,
  docxXml,
  flat,
  pdfOutlineTitles,
  pdfPages,
  pdfText,
  pdfUris
} from './read-back'

const SECTIONS_RU = [
  'Ключевые показатели',
  'Динамика упоминаний по дням',
  'Проблемы, требующие внимания',
  'Ключевые критические публикации',
  'Позитивные акценты',
  'Авторы',
  'Всплески и новые темы',
  'Методика'
]
/** What masking must hide: private / unknown-type authors' names, handles, profile and post links. */
const PRIVATE_STRINGS = [
  'Иван Петров',
  'ivan_petrov_kz',
  'almaly_chat/1201',
  'almaly_chat/1305',
  'Нурлан',
  'nurlan_k',
  'wall-1_61',
  'Айгерим',
  'aigerim_s',
  'instagram.com/p/aig',
  'Марат',
  'marat_akhmetov',
  'Дәурен',
  'dauren_om',
  'almaty_chaty/77'
]

let dir: string
let db: Db
let ids: Map<number, number>
let masked: ExportDigestResult
let unmasked: ExportDigestResult
let kk: ExportDigestResult
let empty: ExportDigestResult
let loPdf: { masked: string; unmasked: string; empty: string }

function pngLogo(path: string): void {
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120"><rect width="120" height="120" rx="18" fill="#1d4e89"/><circle cx="60" cy="60" r="30" fill="#fff"/></svg>'
  writeFileSync(path, new Resvg(svg).render().asPng())
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'otklik-digest-'))
  pngLogo(join(dir, 'logo.png'))
  ;({ db, ids } = buildWorkspace(join(dir, 'ws.db'), { logo: join(dir, 'logo.png') }))
  const base = { week: WEEK, now: NOW }
  masked = await exportDigest(db, {
    ...base,
    outDir: join(dir, 'masked'),
    summary: 'Жалобы на отопление выросли более чем вдвое.',
    pinnedQuoteIds: [ids.get(11)!],
    excludedQuoteIds: [ids.get(4)!]
  })
  unmasked = await exportDigest(db, { ...base, outDir: join(dir, 'unmasked'), maskAuthors: false })
  kk = await exportDigest(db, { ...base, outDir: join(dir, 'kk'), lang: 'kk', formats: ['pdf'] })
  empty = await exportDigest(db, { week: '2026-W40', now: NOW, outDir: join(dir, 'empty') })
  const docx = (r: ExportDigestResult): string => r.files.find((f) => f.endsWith('.docx'))!
  const [a, b, c] = docxToPdf(
    [docx(masked), docx(unmasked), docx(empty)].map((f, i) =>
      copyAs(f, `${['masked', 'unmasked', 'empty'][i]}.docx`)
    ),
    dir
  )
  loPdf = { masked: a!, unmasked: b!, empty: c! }
}, 60_000)

/** LibreOffice names its output after the input: give the three DOCX files distinct names. */
function copyAs(file: string, name: string): string {
  const to = join(dir, name)
  copyFileSync(file, to)
  return to
}

afterAll(() => {
  db?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

const pdfOf = (r: ExportDigestResult): string => r.files.find((f) => f.endsWith('.pdf'))!
const docxOf = (r: ExportDigestResult): string => r.files.find((f) => f.endsWith('.docx'))!

describe('exportDigest', () => {
  it('writes both files under the agreed names and reports period and mentions', () => {
    const fx = expectedFigures()
    expect(masked.period).toEqual({ from: '2026-11-16', to: '2026-11-22' })
    expect(masked.mentions).toBe(fx.mentions)
    const stamp = String.raw`\d{8}-\d{6}`
    expect(masked.files).toHaveLength(2)
    expect(masked.files[0]).toMatch(
      new RegExp(`/masked/otklik-digest-ws-2026-11-16--2026-11-22-${stamp}\\.docx$`)
    )
    expect(masked.files[1]).toBe(masked.files[0]!.replace(/\.docx$/, '.pdf'))
    expect(kk.files).toHaveLength(1)
    expect(kk.files[0]).toMatch(new RegExp(`/kk/otklik-digest-ws-2026-11-16--2026-11-22-kk-${stamp}\\.pdf$`))
    for (const f of [...masked.files, ...kk.files, ...empty.files]) expect(existsSync(f)).toBe(true)
  })

  it('never overwrites an earlier digest: two runs leave two files, each history row keeps its own', async () => {
    const out = join(dir, 'twice')
    const first = await exportDigest(db, { week: WEEK, now: NOW, outDir: out, formats: ['pdf'] })
    const second = await exportDigest(db, { week: WEEK, now: NOW, outDir: out, formats: ['pdf'] })
    await new Promise((r) => setTimeout(r, 1100))
    const third = await exportDigest(db, { week: WEEK, now: NOW, outDir: out, formats: ['pdf'] })
    const files = [first, second, third].map((r) => r.files[0]!)
    expect(new Set(files).size).toBe(3)
    for (const f of files) expect(existsSync(f)).toBe(true)
    const rows = db
      .prepare("SELECT files FROM reports WHERE kind = 'digest' ORDER BY id DESC LIMIT 3")
      .pluck()
      .all() as string[]
    expect(rows.map((r) => (JSON.parse(r) as string[])[0]).reverse()).toEqual(files)
    db.prepare("DELETE FROM reports WHERE files LIKE '%/twice/%'").run()
  })

  it('records each export in the reports table with its options', () => {
    const rows = db
      .prepare(
        "SELECT period_from, period_to, lang, files, options, mentions FROM reports WHERE kind = 'digest' ORDER BY id"
      )
      .all() as {
      period_from: string
      lang: string
      files: string
      options: string
      mentions: number
    }[]
    expect(rows).toHaveLength(4)
    expect(rows[0]!.period_from).toBe('2026-11-16')
    expect(JSON.parse(rows[0]!.files)).toEqual(masked.files)
    expect(JSON.parse(rows[0]!.options)).toMatchObject({
      summary: 'Жалобы на отопление выросли более чем вдвое.',
      pinnedQuoteIds: [ids.get(11)],
      excludedQuoteIds: [ids.get(4)],
      maskAuthors: true
    })
    expect(rows[2]!.lang).toBe('kk')
    expect(rows[3]!.mentions).toBe(0)
  })

  it('takes the last complete week in the workspace time zone by default', async () => {
    // Wednesday 25.11.2026 → Monday 16.11 to Sunday 22.11; a Sunday-start week → 15.11 to 21.11.
    expect(buildDigestModel(db, { now: NOW }).period).toMatchObject({
      from: '2026-11-16',
      to: '2026-11-22',
      prevFrom: '2026-11-09',
      prevTo: '2026-11-15'
    })
    const r = await exportDigest(db, {
      from: '2026-11-16',
      to: '2026-11-18',
      now: NOW,
      outDir: join(dir, 'range'),
      formats: ['pdf'],
      record: false
    })
    expect(r.period).toEqual({ from: '2026-11-16', to: '2026-11-18' })
    expect(r.mentions).toBe(CURRENT.filter((x) => x.day <= 18 && !x.irrelevant).length)
    expect(db.prepare('SELECT count(*) FROM reports').pluck().get()).toBe(4)
  })
})

describe('PDF', () => {
  it('prints the expected figures, stories counted once', () => {
    const fx = expectedFigures()
    const text = pdfText(pdfOf(masked))
    const labelled = fx.negative + fx.neutral + fx.positive
    const pct = (n: number): string => `${((n / labelled) * 100).toFixed(1).replace('.', ',')} %`
    expect(text).toContain(`${fx.mentions} публикаций в ${fx.stories} сюжетах`)
    expect(text).toContain(pct(fx.negative))
    expect(text).toContain(pct(fx.neutral))
    expect(text).toContain(pct(fx.positive))
    expect(text).toContain(`${Math.round(fx.reach / 1000)} тыс.`)
    // 8 outlets against 4 the week before, 12 authors against 4.
    expect(fx.outlets).toBe(8)
    expect(text).toContain('+100 %')
    expect(text).toContain('+200 %')
    expect(text).toContain('Сравнение с периодом 09.11.2026 – 15.11.2026')
  })

  it('has the title block, every section, problems in order with their summaries', () => {
    const text = pdfText(pdfOf(masked))
    expect(text).toContain('Акимат города Алматы')
    expect(text).toContain('Еженедельный дайджест')
    expect(text).toContain('Период: 16.11.2026 – 22.11.2026')
    expect(text).toContain('Дата подготовки: 25.11.2026')
    expect(text).toContain('Жалобы на отопление выросли более чем вдвое.')
    for (const s of SECTIONS_RU) expect(text).toContain(s)
    const zhkh = text.indexOf('1. ЖКХ и отопление')
    const eco = text.indexOf('2. Экология и воздух')
    const roads = text.indexOf('3. Дороги и транспорт')
    expect(zhkh).toBeGreaterThan(0)
    expect(eco).toBeGreaterThan(zhkh)
    expect(roads).toBeGreaterThan(eco)
    expect(text).toContain('Негативных публикаций: 9 из 10 (8 сюжетов); рост на 125 % к пред. периоду (4)')
    expect(text).toContain('новая тема (в пред. периоде 0)')
    expect(text).toContain('снижение на 17 % к пред. периоду (6)')
  })

  it('quotes one publication per story, trims long ones, skips excluded and irrelevant ones, puts pinned first', () => {
    const text = pdfText(pdfOf(masked))
    expect(text).toContain('Коммунальщики не справляются с отопительным сезоном')
    expect(text).not.toContain('ХВОСТ_ДЛИННОГО_ТЕКСТА')
    // The long article is quoted by the sentence that carries the problem, not by its opening line.
    expect(text).toContain('«Редакция проверила жалобы жителей')
    expect(text).not.toContain('«Как написал в своём телеграм-канале')
    expect(text).not.toContain('(перепечатка)')
    expect(text).toContain('сюжет из 2 публикаций')
    expect(text).not.toContain('Опять холодные батареи')
    expect(text).not.toContain('Землетрясение')
    const critical = text.slice(text.indexOf('Ключевые критические публикации'))
    // The pinned one leads its problem's quotes, ahead of wider-reaching ones.
    const roads = text.slice(text.indexOf('3. Дороги и транспорт'), text.indexOf('Ключевые критические'))
    expect(roads.indexOf('Автобус номер 92')).toBeGreaterThan(0)
    expect(roads.slice(roads.indexOf('«'))).toMatch(/^«Автобус номер 92/)
    expect(critical).toContain('Снова пишу: отопления нет')
    // A story quoted under the problems is not repeated in the table of critical publications.
    for (const s of ['Автобус номер 92', 'третьи сутки нет отопления'])
      expect(text.split(s).length - 1, s).toBe(1)
  })

  it('keeps Kazakh letters intact', () => {
    const text = pdfText(pdfOf(masked))
    expect(text).toContain(KAZAKH_QUOTE)
    // «Түтін!» alone carries no sentiment word: the quote is the sentence after it.
    expect(text).toContain(KAZAKH_ECOLOGY.slice(7, 47))
    const kkText = pdfText(pdfOf(kk))
    expect(kkText).toContain('Апталық дайджест')
    expect(kkText).toContain('ТКШ және жылыту')
    expect(kkText).toContain('Назар аударуды қажет ететін мәселелер')
    expect(kkText).toMatch(/1-бет, барлығы \d+/)
    expect(kkText).toContain(KAZAKH_ECOLOGY.slice(7))
    for (const ch of 'әғқңөұүһіӘҒҚҢӨҰҮҺІ'.slice(0, 9)) expect(text + kkText).toContain(ch)
  })

  it('has a bookmark per section, clickable links and "Страница N из M"', () => {
    const file = pdfOf(masked)
    const titles = pdfOutlineTitles(file)
    for (const s of SECTIONS_RU) expect(titles).toContain(s)
    expect(titles).toContain('1. ЖКХ и отопление')
    const uris = pdfUris(file)
    expect(uris).toContain('https://tengrinews.kz/news/otoplenie-1')
    expect(uris).toContain('https://vlast.kz/gorod/otoplenie')
    const pages = pdfPages(file)
    expect(pages).toBeGreaterThan(2)
    const text = pdfText(file)
    for (let n = 1; n <= pages; n++) expect(text).toContain(`Страница ${n} из ${pages}`)
  })

  it('lists leaning authors by the rule, private ones masked with a stable number', () => {
    const text = pdfText(pdfOf(masked))
    const authors = text.slice(
      text.indexOf('Авторы с преимущественно негативной'),
      text.indexOf('Всплески и новые темы')
    )
    expect(authors).toContain('Пользователь Telegram №')
    expect(authors).toContain('Пользователь ВКонтакте №')
    expect(authors).toContain('Tengrinews.kz')
    // The administration's own account leans positive here, but official accounts never get a lean.
    expect(authors).not.toContain('Акимат Алматы')
    expect(authors).toContain('Пользователь Instagram №1 Частное лицо Instagram 3 3 (100 %)')
    expect(authors).not.toContain('Асель Блогер') // 2 labelled mentions: below the minimum of 3
    // The same person gets the same label in the quote (@handle replaced) and in the table.
    const ivanLabel = /Пользователь Telegram №\d/.exec(
      authors.slice(authors.indexOf('Пользователь Telegram'))
    )![0]
    expect(text).toMatch(new RegExp(`\\(${ivanLabel}\\)|${ivanLabel} · \\d\\d\\.11\\.2026`))
  })

  it('masks private persons: names, @handles in quotes, profile and post links', () => {
    const file = pdfOf(masked)
    const text = pdfText(file)
    const uris = pdfUris(file).join(' ')
    for (const s of PRIVATE_STRINGS) {
      expect(text, s).not.toContain(s)
      expect(uris, s).not.toContain(s)
    }
    // A masked quote keeps its platform and date.
    expect(text).toMatch(/ВКонтакте · Пользователь ВКонтакте №\d · 20\.11\.2026/)
    expect(text).toContain('Имена частных лиц, их @упоминания и ссылки на их страницы скрыты.')
  })

  it('names everyone with masking off, links included', () => {
    const file = pdfOf(unmasked)
    const text = pdfText(file)
    expect(text).toContain('Иван Петров')
    expect(text).toContain('Нурлан Касымов')
    expect(text).toContain('Айгерим Сәрсенова')
    expect(text).not.toContain('Пользователь Telegram №')
    const uris = pdfUris(file)
    expect(uris).toContain(A.ivan.url)
    expect(uris).toContain(A.aigerim.url)
  })

  it('says so for an empty week, briefly', () => {
    const file = pdfOf(empty)
    const text = pdfText(file)
    expect(empty.mentions).toBe(0)
    expect(empty.period).toEqual({ from: '2026-09-28', to: '2026-10-04' })
    expect(text).toContain('Упоминаний нет')
    expect(text).toContain('За период 28.09.2026 – 04.10.2026 в рабочей базе нет ни одного упоминания')
    expect(text).not.toContain('Проблемы, требующие внимания')
    expect(pdfPages(file)).toBe(1)
  })
})

describe('DOCX', () => {
  it('opens in LibreOffice with the same content', () => {
    const fx = expectedFigures()
    const text = pdfText(loPdf.masked)
    for (const s of SECTIONS_RU) expect(text).toContain(s)
    expect(text).toContain(`${fx.mentions} публикаций в ${fx.stories} сюжетах`)
    expect(text).toContain(
      `${((fx.negative / (fx.negative + fx.neutral + fx.positive)) * 100).toFixed(1).replace('.', ',')} %`
    )
    expect(text).toContain('Негативных публикаций: 9 из 10 (8 сюжетов)')
    expect(text).toContain(KAZAKH_QUOTE)
    expect(text).toContain('Коммунальщики не справляются с отопительным сезоном')
    expect(text).not.toContain('ХВОСТ_ДЛИННОГО_ТЕКСТА')
    const pages = pdfPages(loPdf.masked)
    expect(text).toContain(`Страница 1 из ${pages}`)
    expect(text).toContain(`Страница ${pages} из ${pages}`)
  })

  it('uses real heading styles, repeated table headers, A4, page fields, PT Sans embedded', () => {
    const file = docxOf(masked)
    const xml = docxXml(file, ['word/document.xml'])
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>')
    expect(xml).toContain('<w:pStyle w:val="Heading2"/>')
    expect(xml).toContain('<w:tblHeader/>')
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/)
    expect(xml).toContain('<w:drawing>')
    const footer = docxXml(file, ['word/footer*.xml'])
    expect(footer).toMatch(/PAGE/)
    expect(footer).toMatch(/NUMPAGES/)
    expect(docxXml(file, ['word/styles.xml'])).toContain('PT Sans')
    expect(docxXml(file, ['word/fontTable.xml'])).toMatch(/w:embedRegular[^>]*/)
    expect(docxEntries(file).filter((e) => e.startsWith('word/fonts/')).length).toBe(2)
    expect(docxXml(file, ['word/_rels/document.xml.rels'])).toContain(
      'Target="https://tengrinews.kz/news/otoplenie-1" TargetMode="External"'
    )
  })

  it('masks in the DOCX too, and names with masking off', () => {
    const xml = docxXml(docxOf(masked))
    const text = pdfText(loPdf.masked)
    for (const s of PRIVATE_STRINGS) {
      expect(xml, s).not.toContain(s)
      expect(text, s).not.toContain(s)
    }
    expect(text).toContain('Пользователь Instagram №1')
    const plain = pdfText(loPdf.unmasked)
    expect(plain).toContain('Иван Петров')
    expect(docxXml(docxOf(unmasked), ['word/_rels/document.xml.rels'])).toContain(A.ivan.url!)
  })

  it('empty week: a short document that says so', () => {
    const text = flat(pdfText(loPdf.empty))
    expect(text).toContain('Упоминаний нет')
    expect(text).toContain('Методика')
    expect(pdfPages(loPdf.empty)).toBe(1)
  })
})
