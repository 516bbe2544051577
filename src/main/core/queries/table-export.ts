import ExcelJS from 'exceljs'
import type { Db } from '../db/open'
import type { MentionFilter } from '../../../shared/filter'
import { formatDateTime } from '../../../shared/time'
import { xmlSafeText } from '../../../shared/text'
import { csvCell, exportMentions } from './export'
import { authorsPage } from './authors'
import type { Lean, LeanRule } from '../../../shared/lean'

/** The most rows one table export holds; the file says when it was cut. */
export const MAX_TABLE_ROWS = 200_000

export interface Table {
  name: string
  headers: string[]
  rows: (string | number | null)[][]
  truncated: boolean
}

/** Excel's limit for one cell's text. */
export const XLSX_CELL_CHARS = 32_767
/** Ends a cell cut at XLSX_CELL_CHARS, so that nobody takes it for the whole text. */
export const XLSX_CUT_MARKER = '… [текст обрезан: лимит Excel 32 767 символов]'

/**
 * An XLSX cell: text is written as a string cell, which a spreadsheet never runs as a formula, so it needs
 * no visible apostrophe; text over Excel's 32,767 characters is cut with a visible marker, and what no XML
 * may carry is dropped (texts stored before ingest removed it).
 */
export function xlsxCell(v: string | number | null): string | number | null {
  if (typeof v !== 'string') return v
  const s = xmlSafeText(v)
  if (s.length <= XLSX_CELL_CHARS) return s
  let end = XLSX_CELL_CHARS - XLSX_CUT_MARKER.length
  // Never between the two halves of a surrogate pair.
  if (/[\ud800-\udbff]/.test(s[end - 1]!)) end--
  return s.slice(0, end) + XLSX_CUT_MARKER
}

export function mentionsTable(db: Db, filter: MentionFilter, timeZone: string): Table {
  const headers = [
    'Дата',
    'Площадка',
    'Источник',
    'Автор',
    'Тип автора',
    'Заголовок',
    'Текст',
    'Ссылка',
    'Тональность',
    'Оценка',
    'Темы',
    'Охват',
    'Просмотры',
    'Лайки',
    'Репосты',
    'Комментарии',
    'Сюжет'
  ]
  const rows: Table['rows'] = []
  let truncated = false
  for (const r of exportMentions(db, { irrelevant: 'hide', ...filter }, timeZone)) {
    if (rows.length >= MAX_TABLE_ROWS) {
      truncated = true
      break
    }
    rows.push([
      formatDateTime(Date.parse(r.publishedAt), timeZone),
      r.platform,
      r.outlet,
      r.author,
      r.authorType,
      r.title,
      r.text,
      r.url,
      r.sentiment,
      r.sentimentOrigin,
      r.topics.join(', '),
      r.reach,
      r.views,
      r.likes,
      r.reposts,
      r.comments,
      r.storyId
    ])
  }
  return { name: 'Упоминания', headers, rows, truncated }
}

/** The authors page as a table: the same query, the same lean (src/shared/lean.ts). */
export function authorsTable(
  db: Db,
  filter: MentionFilter,
  rule: LeanRule,
  timeZone: string,
  lean: Lean | null = null
): Table {
  const page = authorsPage(
    db,
    filter,
    { col: 'mentions', dir: 'desc' },
    0,
    MAX_TABLE_ROWS,
    rule,
    timeZone,
    lean
  )
  const headers = [
    'Автор',
    'Площадка',
    'Тип',
    'Подписчики',
    'Упоминаний',
    'Негатив',
    'Нейтрально',
    'Позитив',
    'Доля негатива',
    'Охват',
    'Последнее упоминание',
    'Склонность',
    'Ссылка'
  ]
  return {
    name: 'Авторы',
    headers,
    truncated: page.total > page.rows.length,
    rows: page.rows.map((a) => [
      a.name,
      a.platform,
      a.type,
      a.followers,
      a.mentions,
      a.negative,
      a.neutral,
      a.positive,
      a.negShare === null ? null : Math.round(a.negShare * 1000) / 10,
      a.reach,
      a.lastAt ? formatDateTime(a.lastAt, timeZone) : null,
      a.lean === 'critic' ? 'критикует' : a.lean === 'supporter' ? 'поддерживает' : null,
      a.url
    ])
  }
}

/** CSV for Excel: UTF-8 with BOM, `;`, CRLF, formula cells neutralised. */
export function tableToCsv(t: Table): Buffer {
  const lines = [
    t.headers.map((h) => csvCell(h)).join(';'),
    ...t.rows.map((r) => r.map((c) => csvCell(c)).join(';'))
  ]
  return Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8')
}

export async function tableToXlsx(t: Table): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Otklik'
  const ws = wb.addWorksheet(t.name, { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.addRow(t.headers).font = { bold: true }
  for (const r of t.rows) ws.addRow(r.map(xlsxCell))
  ws.columns.forEach((c, i) => {
    c.width = Math.min(60, Math.max(10, (t.headers[i]?.length ?? 10) + 4))
  })
  if (t.truncated) ws.addRow([`… выгрузка ограничена ${MAX_TABLE_ROWS} строками; сузьте фильтр`])
  return Buffer.from(await wb.xlsx.writeBuffer())
}
