import { isMediaUrl, itemUrlKey } from '../../../../shared/url'
import type { CellValue } from '../values/dates'
import { parseDateTime } from '../values/dates'
import { parseLang } from '../values/labels'
import { parseNumber } from '../values/numbers'
import { headerKey } from './presets'

/** What a column's header says (as words) and what its sample values look like. */
export interface ColumnProfile {
  index: number
  header: string
  /** headerKey of the header. */
  key: string
  /**
   * The header as lower-case words: camelCase, `a/b` and `a.b` JSON paths, `_` and `-` split,
   * array indexes dropped. 'authorMeta/name' → 'author meta name', 'createTimeISO' → 'create time iso'.
   */
  words: string
  /** Nesting depth of a flattened JSON path ('latestComments/0/text' → 2). */
  depth: number
  /** Non-empty sample values. */
  n: number
  distinct: number
  /** Share of the most repeated value among non-empty ones. */
  topShare: number
  avgLen: number
  avgWords: number
  urlShare: number
  mediaShare: number
  /** Links that are a publication's own address (not media, not a front page or section). */
  itemUrlShare: number
  dateShare: number
  /** Whole numbers of seconds or milliseconds since 1970 (2000–2100). */
  epochShare: number
  numberShare: number
  langShare: number
  /** Several words with letters: prose, not a label. */
  proseShare: number
}

const URL_LIKE = /^(https?:\/\/|www\.)\S+$/i

/** Splits a header into words. headerWords('authorMeta/nickName') → 'author meta nick name' */
export function headerWords(h: string): string {
  return String(h ?? '')
    .replace(/[\ufeff\u00a0]/g, ' ')
    .replace(/([\p{Ll}\d])(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .split(/[\s/._\-:[\]()#"']+/)
    .filter((w) => w && !/^\d+$/.test(w))
    .join(' ')
}

/** Profiles every column over the sample rows. */
export function profileColumns(headers: string[], sample: CellValue[][], tz: string): ColumnProfile[] {
  // A JSON export flattened under one root (`data/…`, `item.…`): the root says nothing about a column.
  const roots = new Set(headers.map((h) => (/^([^/.]+)[/.]/.exec(String(h ?? '')) ?? [])[1] ?? ''))
  const root = roots.size === 1 && headers.length > 1 ? [...roots][0]! : ''
  const strip = (h: string): string => (root ? String(h ?? '').slice(root.length + 1) : String(h ?? ''))
  return headers.map((header, index) => {
    const values: CellValue[] = []
    for (const r of sample) {
      const v = r[index]
      if (v === null || v === undefined) continue
      if (typeof v === 'string' && v.trim() === '') continue
      values.push(v)
    }
    const n = values.length
    const counts = new Map<string, number>()
    let len = 0
    let words = 0
    let url = 0
    let media = 0
    let item = 0
    let date = 0
    let epoch = 0
    let number = 0
    let lang = 0
    let prose = 0
    for (const v of values) {
      const s = String(v).trim()
      counts.set(s, (counts.get(s) ?? 0) + 1)
      len += s.length
      const w = s.split(/\s+/).filter((x) => /\p{L}/u.test(x)).length
      words += w
      const isUrl = URL_LIKE.test(s)
      if (isUrl) {
        url++
        const abs = /^www\./i.test(s) ? `https://${s}` : s
        if (isMediaUrl(abs)) media++
        else if (itemUrlKey(abs)) item++
      }
      const num = typeof v === 'number' ? v : /^[-+]?[\d\s.,]+$/.test(s) ? parseNumber(s) : null
      if (num !== null) number++
      if (num !== null && Number.isInteger(num)) {
        const ms = num > 1e11 ? num : num * 1000
        if (ms >= 946_684_800_000 && ms < 4_102_444_800_000 && s.replace(/\D/g, '').length >= 9) epoch++
      }
      if (!isUrl && num === null && parseDateTime(v, tz) !== null) date++
      else if (typeof v === 'number' && v > 25_569 && v < 73_051 && !Number.isInteger(v)) date++
      if (!isUrl && num === null && parseLang(s) !== null) lang++
      if (!isUrl && w >= 4) prose++
    }
    let top = 0
    for (const c of counts.values()) if (c > top) top = c
    const share = (x: number): number => (n ? x / n : 0)
    return {
      index,
      header,
      key: headerKey(header),
      words: headerWords(strip(header)),
      depth: Math.max(
        0,
        strip(header)
          .split(/[/.]/)
          .filter((p) => p && !/^\d+$/.test(p)).length - 1
      ),
      n,
      distinct: counts.size,
      topShare: share(top),
      avgLen: n ? len / n : 0,
      avgWords: n ? words / n : 0,
      urlShare: share(url),
      mediaShare: share(media),
      itemUrlShare: share(item),
      dateShare: share(date),
      epochShare: share(epoch),
      numberShare: share(number),
      langShare: share(lang),
      proseShare: share(prose)
    }
  })
}
