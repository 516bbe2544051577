import { importMessage } from '../../../../shared/import-messages'
import type { AuthorInput, MentionInput, OutletInput } from '../../../../shared/types'
import { hostKey, safeHttpUrl } from '../../../../shared/url'
import type { CellValue } from '../values/dates'
import { combineDateTime, parseDateTime } from '../values/dates'
import type { SentimentScale } from '../values/labels'
import {
  parseAge,
  parseAuthorType,
  parseGender,
  parseKind,
  parseLang,
  parseSentiment
} from '../values/labels'
import { memo } from '../values/memo'
import { parseCount } from '../values/numbers'
import { derivePlatform } from '../values/platform'
import { cleanLine, cleanText } from '../values/text'
import type { Plan } from './plan'
import { now } from '../../../../shared/clock'
import { implausibleDate } from '../../../../shared/published'

export type Mapped =
  | { ok: true; mention: MentionInput; warnings: string[] }
  | { ok: false; error: string; warnings: string[]; mediaOnly?: boolean }

const METRICS = ['reach', 'views', 'likes', 'reposts', 'comments'] as const
const TAG_MARK = /^(1|\+|x|х|v|✓|✔|да|yes|true|истина)$/i

// Labels, names and profile URLs repeat from row to row: parse each distinct value once.
const authorTypeOf = memo(parseAuthorType)
const genderOf = memo(parseGender)
const ageOf = memo(parseAge)
const kindOf = memo(parseKind)
const langOf = memo(parseLang)
const sentimentOf: Record<SentimentScale, (s: string) => ReturnType<typeof parseSentiment>> = {
  labels: memo((s) => parseSentiment(s, 'labels')),
  grade5: memo((s) => parseSentiment(s, 'grade5')),
  signed: memo((s) => parseSentiment(s, 'signed'))
}
const lineOf = memo(cleanLine, 50_000)
const profileUrlOf = memo((s: string) => normaliseUrl(s), 50_000)
const siteOf = memo((u: string) => hostKey(u) ?? '', 50_000)

/**
 * Turns one row into a MentionInput, or says why it cannot be used (no text and no title, no date,
 * a broken URL when the URL is the row's only key). Odd values that do not stop the row are warnings.
 */
export function applyPlan(plan: Plan, cells: CellValue[], tz: string, collectedAt = now()): Mapped {
  const warnings: string[] = []
  const c = plan.columns

  const rawText = str(cells, c.text)
  const text = rawText === null ? '' : cleanText(rawText)
  const rawTitle = str(cells, c.title)
  const title = rawTitle === null ? null : cleanLine(rawTitle) || null
  if (!text && !title) {
    // A photo, a video or a sticker posted without a caption: a publication, but nothing to read.
    if (str(cells, c.media) !== null)
      return { ok: false, error: importMessage('media_only'), warnings, mediaOnly: true }
    return { ok: false, error: importMessage('no_text'), warnings }
  }

  let publishedAt: number | null = null
  const dt = first(cells, c.publishedAt)
  if (dt !== null) publishedAt = parseDateTime(dt, tz)
  const d = first(cells, c.date)
  if (publishedAt === null && d !== null) publishedAt = combineDateTime(d, first(cells, c.time), tz)
  if (publishedAt === null) {
    const shown = dt ?? d
    return {
      ok: false,
      error:
        shown === null ? importMessage('no_date') : importMessage('bad_date', { value: clip(String(shown)) }),
      warnings
    }
  }

  const odd = implausibleDate(publishedAt, collectedAt)
  if (odd) {
    const shown = clip(String(dt ?? d))
    warnings.push(
      odd === 'too-old'
        ? importMessage('date_too_old', { value: shown })
        : importMessage('date_future', { value: shown })
    )
    publishedAt = collectedAt
  }

  const externalId = str(cells, c.externalId)?.trim() || null
  let url: string | null = null
  const rawUrl = str(cells, c.url)
  if (rawUrl !== null) {
    url = normaliseUrl(rawUrl)
    if (url === null) {
      if (!externalId)
        return { ok: false, error: importMessage('url_only_key', { value: clip(rawUrl) }), warnings }
      warnings.push(importMessage('url_ignored', { value: clip(rawUrl) }))
    }
  }

  const rawAuthorUrl = str(cells, c.authorUrl)
  const authorUrl = rawAuthorUrl === null ? null : profileUrlOf(rawAuthorUrl)
  const rawOutletUrl = str(cells, c.outletUrl)
  const outletUrl = rawOutletUrl === null ? null : profileUrlOf(rawOutletUrl)
  const platform =
    plan.fixedPlatform ??
    derivePlatform({
      column: str(cells, c.platform),
      sourceType: str(cells, c.sourceType),
      urls: [url, outletUrl, authorUrl]
    })

  let author: AuthorInput | null = null
  const rawAuthor = str(cells, c.author)
  const authorName =
    (rawAuthor === null ? '' : lineOf(rawAuthor)) ||
    (authorUrl ? authorUrl.replace(/^https?:\/\/(www\.)?/, '') : '')
  if (authorName) {
    author = { name: authorName, url: authorUrl }
    const type = str(cells, c.authorType)
    if (type !== null) {
      const t = authorTypeOf(type)
      if (t) author.type = t
    }
    const g = str(cells, c.gender)
    if (g !== null) author.gender = genderOf(g)
    const a = str(cells, c.age)
    if (a !== null) {
      author.age = ageOf(a)
      if (!author.age) warnings.push(importMessage('bad_age', { value: clip(a) }))
    }
    const followers = parseCount(first(cells, c.followers))
    if (followers !== null) author.followers = followers
  }

  let outlet: OutletInput | null = null
  const rawOutlet = str(cells, c.outlet)
  const outletName =
    (rawOutlet === null ? '' : lineOf(rawOutlet)) ||
    (outletUrl ? siteOf(outletUrl) : '') ||
    (url && (platform === 'news' || platform === 'forum' || platform === 'blog') ? siteOf(url) : '')
  if (outletName) {
    outlet = { name: outletName, url: outletUrl }
    const audience = parseCount(first(cells, c.audience))
    if (audience !== null) outlet.audience = audience
  }

  const mention: MentionInput = { externalId, publishedAt, title, text, url, platform, author, outlet }
  const kind = str(cells, c.kind)
  if (kind !== null) {
    const k = kindOf(kind)
    if (k) mention.kind = k
  }
  const lang = str(cells, c.lang)
  if (lang !== null) {
    const l = langOf(lang)
    if (l) mention.lang = l
  }

  const s = str(cells, c.sentiment)
  if (s !== null) {
    const r = sentimentOf[plan.sentimentScale](s)
    if (r.ok) {
      mention.sentiment = r.sentiment
      if (r.raw !== null) mention.sentimentRaw = r.raw
    } else warnings.push(importMessage('bad_sentiment', { value: clip(r.raw) }))
  }

  for (const m of METRICS) {
    const v = first(cells, c[m])
    if (v === null) continue
    const n = parseCount(v)
    if (n !== null) mention[m] = n
    else if (/\d/.test(String(v)))
      warnings.push(importMessage('not_a_number', { field: m, value: clip(String(v)) }))
  }

  const tagText = str(cells, c.tags)
  if (tagText !== null || plan.tagColumns.length) {
    const tags = readTags(plan, cells, tagText)
    if (tags.length) mention.tags = tags
  }
  return { ok: true, mention, warnings }
}

/** The first non-empty cell among a field's columns. */
function first(cells: CellValue[], cols: number[] | undefined): string | number | null {
  if (cols === undefined) return null
  for (let k = 0; k < cols.length; k++) {
    const v = cells[cols[k]!]
    if (v === null || v === undefined) continue
    if (typeof v === 'number') return v
    if (v.length && v.trim() !== '') return v
  }
  return null
}

function str(cells: CellValue[], cols: number[] | undefined): string | null {
  const v = first(cells, cols)
  return v === null ? null : typeof v === 'number' ? String(v) : v
}

function readTags(plan: Plan, cells: CellValue[], column: string | null): string[] {
  const out: string[] = []
  const add = (t: string): void => {
    const v = lineOf(t)
    if (v && !out.includes(v)) out.push(v)
  }
  if (column) for (const t of column.split(/[,;|\n]/)) add(t)
  for (const i of plan.tagColumns) {
    const v = cells[i]
    if (v === null || v === undefined) continue
    const s = String(v).trim()
    if (!s || s === '0') continue
    // A tag column holds the tag's name; some exports write a mark instead, and the header is the name.
    add(TAG_MARK.test(s) ? (plan.headers[i] ?? '') : s)
  }
  return out
}

/**
 * An http(s) URL as written, or null when it is not one. Scheme-less 'vk.com/wall1_2' and '//site.kz/a'
 * get https. normaliseUrl('javascript:alert(1)') === null
 */
export function normaliseUrl(raw: string): string | null {
  let s = raw.trim()
  if (!s) return null
  if (s.startsWith('//')) s = 'https:' + s
  else if (!/^[a-z][a-z0-9+.-]*:/i.test(s) && /^[\p{L}\p{N}.-]+\.[\p{L}]{2,}(:\d+)?([/?#]|$)/u.test(s))
    s = 'https://' + s
  return !/\s/.test(s) && safeHttpUrl(s) ? s : null
}

function clip(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim()
  return t.length > 60 ? t.slice(0, 57) + '…' : t
}
