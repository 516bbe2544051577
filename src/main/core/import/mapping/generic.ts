import type { TargetField } from '../types'
import type { CellValue } from '../values/dates'
import { parseDateTime, parseTimeOfDay } from '../values/dates'
import { headerKey } from './presets'

/** Header names (compared by headerKey) that say which field a column holds. */
const NAMES: [TargetField, RegExp][] = [
  [
    'externalId',
    /^(hash|hash сообщения|хэш|хеш|guid|uuid|content id|document id|post id|message id|id сообщения|id поста|external id|externalid)$/
  ],
  [
    'publishedAt',
    /^(дата и время|дата публикации|время публикации|дата\/время|published|published at|published_at|publication date|date time|datetime|date_time|timestamp|created at|created_at|pubdate|pub date|date_unixtime)$/
  ],
  ['date', /^(дата|date|день|day)$/],
  ['time', /^(время|time)$/],
  ['title', /^(заголовок|title|headline|тема|subject|название)$/],
  [
    'text',
    /^(текст|text|content|body|сообщение|message|текст сообщения|текст публикации|full text|snippet|описание|description|содержание|публикация|post|пост)$/
  ],
  [
    'url',
    /^(url|link|ссылка|ссылка на сообщение|ссылка на публикацию|ссылка на пост|адрес публикации|href|permalink|post url|article url)$/
  ],
  [
    'author',
    /^(автор|author|имя автора|author name|кто пишет|пользователь|user|username|from|от кого|influencer|full name)$/
  ],
  [
    'authorUrl',
    /^(url автора|ссылка на автора|профиль|профиль автора|author url|author link|author profile|profile|profile url|user profile url)$/
  ],
  ['authorType', /^(тип автора|author type|account type|тип аккаунта)$/],
  [
    'outlet',
    /^(источник|source|сми|издание|outlet|media|площадка|место публикации|канал|channel|группа|сообщество|site|сайт|domain|домен|publication|publication place)$/
  ],
  [
    'outletUrl',
    /^(url источника|ссылка на источник|url места публикации|source url|outlet url|url канала|ссылка на канал)$/
  ],
  ['platform', /^(платформа|platform|соцсеть|социальная сеть|network|social network)$/],
  ['sourceType', /^(тип источника|source type|тип площадки|media type|тип сми|resource type|page type)$/],
  ['sentiment', /^(тональность|sentiment|тон|оценка тональности|polarity)$/],
  ['reach', /^(охват|reach|аудитория|audience|потенциальный охват|potential reach)$/],
  ['views', /^(просмотры|просмотров|views|view count|impressions|показы)$/],
  ['likes', /^(лайки|лайков|likes|реакции|reactions|нравится)$/],
  ['reposts', /^(репосты|репостов|reposts|shares|retweets|поделились)$/],
  ['comments', /^(комментарии|комментариев|comments|comment count)$/],
  ['lang', /^(язык|language|lang)$/],
  ['gender', /^(пол|gender|sex|демография)$/],
  ['age', /^(возраст|age)$/],
  ['tags', /^(теги|тэги|теги пользователя|tags|метки|labels|категории|categories|рубрика)$/],
  ['followers', /^(подписчики|подписчиков|followers|subscribers)$/],
  ['kind', /^(тип сообщения|тип поста|post type|message type|тип публикации)$/]
]

const URL_LIKE = /^(https?:\/\/|www\.)\S+$/i

/**
 * Guesses a mapping for an unknown export: header names first, then value patterns in the sample rows
 * (a column of dates, a column of times, a column of URLs, the column with the longest text).
 */
export function guessMapping(
  headers: string[],
  sample: CellValue[][],
  tz: string
): Partial<Record<TargetField, number[]>> {
  const out: Partial<Record<TargetField, number[]>> = {}
  const used = new Set<number>()
  headers.forEach((h, i) => {
    const k = headerKey(h)
    if (!k) return
    for (const [field, re] of NAMES) {
      if (!out[field] && re.test(k)) {
        out[field] = [i]
        used.add(i)
        break
      }
    }
  })
  const free = headers.map((_h, i) => i).filter((i) => !used.has(i))
  const values = (i: number): CellValue[] =>
    sample.map((r) => r[i]).filter((v) => v !== null && v !== undefined && String(v).trim() !== '')
  const share = (i: number, test: (v: CellValue) => boolean): number => {
    const vs = values(i)
    return vs.length ? vs.filter(test).length / vs.length : 0
  }
  const take = (field: TargetField, i: number): void => {
    out[field] = [i]
    used.add(i)
    free.splice(free.indexOf(i), 1)
  }

  if (!out.publishedAt && !out.date) {
    const dateCol = free.find(
      (i) => share(i, (v) => parseDateTime(v, tz) !== null && !isPlainNumber(v)) >= 0.8
    )
    if (dateCol !== undefined) {
      const hasTime = values(dateCol).some((v) => /\d:\d\d/.test(String(v)))
      take(hasTime ? 'publishedAt' : 'date', dateCol)
    }
  }
  if (out.date && !out.time) {
    const timeCol = free.find(
      (i) => share(i, (v) => typeof v === 'string' && parseTimeOfDay(v) !== null) >= 0.8
    )
    if (timeCol !== undefined) take('time', timeCol)
  }
  if (!out.url) {
    const urlCol = free.find((i) => share(i, (v) => URL_LIKE.test(String(v).trim())) >= 0.8)
    if (urlCol !== undefined) take('url', urlCol)
  }
  if (!out.text) {
    let best = -1
    let bestLen = 20
    for (const i of free) {
      const vs = values(i).filter((v) => typeof v === 'string' && !URL_LIKE.test(v))
      if (vs.length < values(i).length * 0.8 || !vs.length) continue
      let sum = 0
      for (const v of vs) sum += String(v).length
      const avg = sum / vs.length
      if (avg > bestLen) {
        bestLen = avg
        best = i
      }
    }
    if (best >= 0) take('text', best)
  }
  return out
}

function isPlainNumber(v: CellValue): boolean {
  return typeof v === 'number' ? v < 25_569 : /^\d{1,7}([.,]\d+)?$/.test(String(v).trim())
}

/** Looks like a header row: several distinct short labels, not numbers, dates or URLs. */
export function headerLikeness(cells: CellValue[]): number {
  const vals = cells.map((c) => (c === null || c === undefined ? '' : String(c).trim())).filter(Boolean)
  if (vals.length < 2) return 0
  const labels = vals.filter((v) => v.length <= 60 && !/^[-+]?[\d\s.,:%/]+$/.test(v) && !URL_LIKE.test(v))
  const distinct = new Set(vals.map((v) => v.toLowerCase())).size
  return (labels.length / vals.length) * (distinct / vals.length) * vals.length
}
