import type { TargetField } from '../types'
import type { CellValue } from '../values/dates'
import type { ColumnProfile } from './profile'
import { profileColumns } from './profile'

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

/** A field's header rules over the header's words (see headerWords): what names it, what rules it out. */
interface FieldRule {
  field: TargetField
  /** Word patterns with their weight; the best one counts. */
  good: [RegExp, number][]
  /** Words that say the column is something else (an avatar URL is not the post's URL). */
  bad?: RegExp
  /** Judges the values: a bonus, or null when they cannot be this field at all. */
  values: (p: ColumnProfile) => { score: number; why: string } | null
}

const pct = (x: number): string => `${Math.round(x * 100)}%`

const isLink = (p: ColumnProfile): { score: number; why: string } | null => {
  if (p.urlShare < 0.8) return null
  if (p.mediaShare > 0.3) return null
  if (p.n >= 4 && p.distinct / p.n < 0.6) return null
  if (p.itemUrlShare < 0.5) return null
  return { score: 3, why: `values: links to publications, ${p.distinct} distinct of ${p.n}` }
}
const isProfileLink = (p: ColumnProfile): { score: number; why: string } | null =>
  p.urlShare >= 0.8 && p.mediaShare <= 0.3 ? { score: 1, why: `values: links (${pct(p.urlShare)})` } : null
const isMediaLink = (p: ColumnProfile): { score: number; why: string } | null =>
  p.urlShare >= 0.5
    ? { score: p.mediaShare >= 0.5 ? 2 : 0, why: `values: links, ${pct(p.mediaShare)} media files` }
    : null
const isNumber = (p: ColumnProfile): { score: number; why: string } | null =>
  p.numberShare >= 0.8 ? { score: 1, why: `values: numbers (${pct(p.numberShare)})` } : null
const isDate = (p: ColumnProfile): { score: number; why: string } | null =>
  p.dateShare >= 0.8
    ? { score: 3, why: `values: dates (${pct(p.dateShare)} parse)` }
    : p.epochShare >= 0.8
      ? { score: 1, why: `values: Unix times (${pct(p.epochShare)})` }
      : null
const isLabel = (p: ColumnProfile): { score: number; why: string } | null => {
  if (p.urlShare > 0.5 || p.numberShare > 0.8) return null
  if (p.avgLen > 100) return { score: -4, why: 'values: long texts, not names' }
  return { score: 1, why: 'values: short names' }
}
const isProse = (p: ColumnProfile): { score: number; why: string } | null => {
  if (p.urlShare > 0.5 || p.numberShare > 0.8 || p.dateShare > 0.8) return null
  const varied = p.n < 3 || (p.distinct / p.n >= 0.6 && p.topShare * p.n <= Math.max(1, 0.3 * p.n))
  if (!varied)
    return {
      score: -8,
      why: `values: the same few values repeat (${p.distinct} distinct of ${p.n}): a label, not text`
    }
  if (p.proseShare < 0.3 && p.avgWords < 3) return { score: -3, why: 'values: short labels, not prose' }
  return {
    score: 2 + Math.min(5, p.avgWords / 6),
    why: `values: varied prose (${p.distinct} distinct of ${p.n}, ${Math.round(p.avgWords)} words on average)`
  }
}
const isHeadline = (p: ColumnProfile): { score: number; why: string } | null => {
  if (p.urlShare > 0.5 || p.numberShare > 0.8 || p.dateShare > 0.8) return null
  const varied = p.n < 3 || (p.distinct / p.n >= 0.6 && p.topShare * p.n <= Math.max(1, 0.3 * p.n))
  if (!varied)
    return { score: -8, why: `values: the same few values repeat (${p.distinct} distinct of ${p.n})` }
  return { score: 1, why: `values: varied (${p.distinct} distinct of ${p.n})` }
}
const isLang = (p: ColumnProfile): { score: number; why: string } | null =>
  p.langShare >= 0.6 ? { score: 2, why: `values: language codes or names (${pct(p.langShare)})` } : null
const isId = (p: ColumnProfile): { score: number; why: string } | null => {
  // Row numbers (1, 2, 3…) repeat in every file of a tool: never a key across files. A header that
  // names a post's id (Hash, guid, post id) is believed even when the file repeats a row.
  const weak = /^(id|№|no|nr|number|row|index|#)$/.test(p.key)
  if (weak && p.n && (p.distinct / p.n < 0.95 || p.avgLen < 6)) return null
  if (p.urlShare > 0.5) return null
  return { score: 1, why: `values: unique (${p.distinct} of ${p.n})` }
}
const anything = (): { score: number; why: string } => ({ score: 0, why: '' })

const ACCOUNT = 'author|owner|user|actor|profile|channel|page|account|creator|uploader|influencer'
const MEDIA_WORDS =
  'avatar|image|images|img|thumbnail|thumb|cover|photo|picture|pic|display|media|music|logo|icon|banner|preview'

/** Per field, in the order fields pick their column. */
const RULES: FieldRule[] = [
  {
    field: 'url',
    good: [
      [
        /^(web video url|video url|post url|article url|permalink|permalink url|link|url|href|share url|tweet url|status url|story url|canonical url|post link|ссылка|ссылка на пост|ссылка на публикацию|сілтеме|адрес)$/,
        8
      ],
      [/(^| )(url|link|ссылка|сілтеме)$/, 4]
    ],
    bad: new RegExp(
      `(^| )(${ACCOUNT}|${MEDIA_WORDS}|input|source|media|site|domain|outlet|canal|канал|автор|профиль|external|final|expanded)( |$)`
    ),
    values: isLink
  },
  {
    field: 'publishedAt',
    good: [
      [
        /^(create time iso|created at|created time|creation time|create time|published|published at|publish date|publish time|published date|publication date|pub date|post date|date posted|posted at|post created|timestamp|taken at|upload date|uploaded at|date time|datetime|дата и время|дата публикации|время публикации|жарияланған уақыты|date published|time published)$/,
        8
      ],
      [/(^| )(created|published|posted|publish|uploaded|timestamp|iso)( |$)/, 4],
      [/(^| )(date|time|дата|күні)( |$)/, 2]
    ],
    bad: /(^| )(indexed|collected|scraped|retrieved|crawled|harvested|updated|modified|edited|exported|last|birth|joined|registered|account|profile|duration|length)( |$)/,
    values: isDate
  },
  {
    field: 'title',
    good: [
      [
        /^(title|headline|заголовок|тақырып|тақырыбы|subject|тема|название|post title|article title|story title)$/,
        8
      ],
      [/(^| )(title|headline)$/, 3]
    ],
    bad: new RegExp(`(^| )(${ACCOUNT}|media|music|site|source|outlet|seo|meta description|og|page)( |$)`),
    values: isHeadline
  },
  {
    field: 'text',
    good: [
      [
        /^(text|content|body|message|caption|description|desc|snippet|opening text|hit sentence|full text|post text|message text|selftext|comment|comment text|текст|сообщение|комментарий|мәтін|пікір|текст сообщения|текст публикации|содержание|описание|post|пост|публикация)$/,
        8
      ],
      [/(^| )(text|content|body|message|caption|description|snippet|comment|текст)( |$)/, 3]
    ],
    bad: new RegExp(
      `(^| )(${ACCOUNT}|image|link|alt|music|bio|signature|title|latest|top|first|last|reply to|parent|translated|ocr)( |$)`
    ),
    values: isProse
  },
  {
    field: 'author',
    good: [
      [
        /^(author|authors|авторы|автордың аты|author name|author meta name|author unique id|owner username|username|user name|screen name|actor username|actor name|author username|user screen name|nickname|name|автор|имя автора|имя|аты|автор аты|пайдаланушы|кто пишет|пользователь|influencer|full name|handle|from|от кого|owner full name|commenter|commenter name)$/,
        8
      ],
      [
        /^(author meta nick name|author nickname|author nick name|channel name|context name|channel title|page name|user)$/,
        5
      ],
      [/(^| )(author|username|nickname|handle|screen name)( |$)/, 4]
    ],
    bad: /(^| )(url|link|avatar|id|fans|followers|following|verified|signature|bio|count|digg|music|region|type|gender|age|email|image|photo|heart|original)( |$)/,
    values: isLabel
  },
  {
    field: 'authorUrl',
    good: [
      [new RegExp(`^(${ACCOUNT})( meta)? (url|link|profile url|profile link|profile)$`), 7],
      [/^(profile url|user profile url|profile|профиль|ссылка на автора|url автора|профиль автора)$/, 7]
    ],
    bad: new RegExp(`(^| )(${MEDIA_WORDS})( |$)`),
    values: isProfileLink
  },
  {
    field: 'outlet',
    good: [
      [
        /^(source|дереккөз|басылым|media name|outlet|publication|site|site name|domain|сми|издание|источник|площадка|context name|page name|channel|channel name|channel title|канал|group name|community|publisher|publisher name|source name|newspaper)$/,
        7
      ],
      [/(^| )(media name|outlet|publisher|source name|site name)( |$)/, 4]
    ],
    bad: /(^| )(url|link|id|type|count|avatar|image)( |$)/,
    values: isLabel
  },
  {
    field: 'outletUrl',
    good: [
      [
        /^(media url|source url|site url|channel url|page url|outlet url|publisher url|url источника|ссылка на источник|url канала|ссылка на канал)$/,
        7
      ]
    ],
    values: isProfileLink
  },
  {
    field: 'externalId',
    good: [
      [
        /^(id|post id|video id|tweet id|message id|content id|document id|guid|uuid|stories id|story id|short code|hash|hash сообщения|external id|aweme id|item id|media id)$/,
        6
      ]
    ],
    bad: new RegExp(
      `(^| )(${ACCOUNT}|music|chat|input|media id meta|parent|reply|conversation|thread|row|index|number|no)( |$)`
    ),
    values: isId
  },
  {
    field: 'platform',
    good: [[/^(platform|network|social network|платформа|соцсеть|социальная сеть|платформасы)$/, 8]],
    values: anything
  },
  {
    field: 'lang',
    good: [
      [/^(lang|language|язык|тіл|langue|sprache|idioma|language code|lang code)$/, 8],
      [/(^| )(lang|language)$/, 4]
    ],
    values: isLang
  },
  {
    field: 'views',
    good: [
      [
        /^(views|view count|play count|plays|impressions|video view count|video play count|views count|просмотры|просмотров|қаралым|показы|post views|total views)$/,
        8
      ],
      [/(^| )(views|plays|impressions|просмотр)/, 4]
    ],
    values: isNumber
  },
  {
    field: 'likes',
    good: [
      [
        /^(likes|like count|likes count|digg count|favorite count|favourite count|favorites|лайки|лайков|нравится|ұнатулар|хearts|heart count|reactions|реакции|reaction count|love)$/,
        8
      ],
      [/(^| )(likes?|diggs?|favou?rites?|reactions?)( count)?$/, 4]
    ],
    bad: /(^| )(fans|author|at posting|page|followers)( |$)/,
    values: isNumber
  },
  {
    field: 'reposts',
    good: [
      [
        /^(shares|share count|shares count|retweets|retweet count|reposts|repost count|репосты|репостов|поделились|бөлісу|quote count)$/,
        8
      ],
      [/(^| )(shares?|retweets?|reposts?)( count)?$/, 4]
    ],
    bad: /(^| )(author|page)( |$)/,
    values: isNumber
  },
  {
    field: 'comments',
    good: [
      [
        /^(comments|comment count|comments count|replies|reply count|replies count|комментарии|комментариев|пікірлер)$/,
        8
      ],
      [/(^| )(comments?|replies|reply)( count)?$/, 4]
    ],
    bad: /(^| )(text|latest|top|first|author)( |$)/,
    values: isNumber
  },
  {
    field: 'reach',
    good: [[/^(reach|охват|potential reach|audience|аудитория|потенциальный охват|estimated reach)$/, 8]],
    values: isNumber
  },
  {
    field: 'followers',
    good: [
      [
        /^(followers|subscribers|подписчики|подписчиков|жазылушылар|fans|number of subscribers|followers count|followers at posting|author meta fans|author followers|owner followers)$/,
        8
      ],
      [/(^| )(fans|followers|subscribers)( count)?$/, 5]
    ],
    values: isNumber
  },
  {
    field: 'media',
    good: [[new RegExp(`(^| )(${MEDIA_WORDS}|video meta cover url|display url|images|video url)( |$)`), 3]],
    bad: /(^| )(avatar|author|owner|profile|user|channel|music)( |$)/,
    values: isMediaLink
  },
  {
    field: 'sentiment',
    good: [[/^(sentiment|тональность|тон|polarity|оценка тональности|көңіл күй)$/, 8]],
    values: anything
  },
  {
    field: 'tags',
    good: [
      [/^(tags|hashtags|теги|тэги|метки|labels|categories|keywords|хэштеги|рубрика)$/, 6],
      [/(^| )(hashtags?|tags?) name$/, 4]
    ],
    values: anything
  },
  { field: 'gender', good: [[/^(gender|sex|пол|жынысы)$/, 8]], values: anything },
  { field: 'age', good: [[/^(age|возраст|жасы)$/, 8]], values: anything }
]

/** The smallest score a guessed column needs. */
const MIN_SCORE = 5
/** A column whose header says nothing may still be a field's by its values alone (url, date, text). */
const VALUE_ONLY_SCORE = 3
/** The fields that values alone can find. */
const VALUE_FIRST: TargetField[] = ['url', 'publishedAt', 'text']

export interface GuessResult {
  columns: Partial<Record<TargetField, number[]>>
  choices: GuessChoice[]
}

export interface GuessChoice {
  field: TargetField
  index: number
  score: number
  why: string[]
  runnerUp: { index: number; score: number; why: string[] } | null
}

interface Scored {
  index: number
  score: number
  why: string[]
}

function scoreColumn(rule: FieldRule, p: ColumnProfile): Scored | null {
  const why: string[] = []
  let score = 0
  const exact = NAMES.find(([f]) => f === rule.field)?.[1]
  if (exact?.test(p.key)) {
    score = 9
    why.push(`header «${p.header}» names ${rule.field}`)
  } else {
    let best = 0
    for (const [re, w] of rule.good) if (re.test(p.words) && w > best) best = w
    if (best) {
      score = best
      why.push(`header «${p.header}» reads as ${rule.field} (+${best})`)
    }
  }
  if (rule.bad?.test(p.words)) {
    score -= 9
    why.push(`header «${p.header}» says it is something else`)
  }
  // A nested JSON path (latestComments/0/text) is about something inside the item.
  if (p.depth > 1) score -= p.depth - 1
  if (!p.n)
    return score > 0 ? { index: p.index, score: score - 3, why: [...why, 'no values in the sample'] } : null
  const v = rule.values(p)
  if (v === null) return null
  // A header that names the field exactly is not overruled by odd values (a file of repeated spam
  // comments still has its text in «text»); the values only rank it against other candidates.
  score += score >= 8 && v.score < 0 ? Math.max(v.score, -3) : v.score
  if (v.why) why.push(v.why)
  return { index: p.index, score, why }
}

/**
 * Guesses a mapping for an unknown export. Each field scores every column by its header (ru/en/kk names,
 * camelCase and `a/b` flattened JSON paths) and by its values (text is varied prose, not a value repeated
 * across the file; a URL differs per row and is not an image; dates parse; counts are numbers); the best
 * column above MIN_SCORE wins, and the runner-up is kept for the preview.
 */
export function guessMapping(headers: string[], sample: CellValue[][], tz: string): GuessResult {
  const profiles = profileColumns(headers, sample, tz)
  const columns: Partial<Record<TargetField, number[]>> = {}
  const choices: GuessChoice[] = []
  const used = new Map<number, TargetField>()
  // Outlet and author may share a column (a YouTube channel, a Telegram channel): nothing else may.
  const mayShare = (f: TargetField, other: TargetField | undefined): boolean =>
    other === undefined || (f === 'outlet' && other === 'author') || (f === 'author' && other === 'outlet')
  for (const rule of RULES) {
    const scored: Scored[] = []
    for (const p of profiles) {
      const s = scoreColumn(rule, p)
      if (s) scored.push(s)
    }
    scored.sort((a, b) => b.score - a.score || a.index - b.index)
    const free = scored.filter((s) => mayShare(rule.field, used.get(s.index)))
    const best = free[0]
    if (!best) continue
    const headerSaid = best.why.some((w) => w.startsWith('header «') && !w.includes('something else'))
    const min = headerSaid ? MIN_SCORE : VALUE_ONLY_SCORE
    if (best.score < min) continue
    if (!headerSaid && !VALUE_FIRST.includes(rule.field)) continue
    columns[rule.field] = [best.index]
    if (!used.has(best.index)) used.set(best.index, rule.field)
    const second = free[1]
    choices.push({
      field: rule.field,
      index: best.index,
      score: best.score,
      why: best.why,
      runnerUp:
        second && second.score > 0 ? { index: second.index, score: second.score, why: second.why } : null
    })
  }
  dateAndTime(profiles, columns, choices, used)
  fallbacks(profiles, columns, choices, used)
  return { columns, choices }
}

/** A date column without its time (a `Date` and a `Time` column): date + time fields instead. */
function dateAndTime(
  profiles: ColumnProfile[],
  columns: Partial<Record<TargetField, number[]>>,
  choices: GuessChoice[],
  used: Map<number, TargetField>
): void {
  const dateOnly = /^(date|дата|күні|day|день)$/
  const timeOnly = /^(time|время|уақыт)$/
  const d = profiles.find((p) => dateOnly.test(p.key) && p.dateShare >= 0.8)
  const t = profiles.find((p) => timeOnly.test(p.key) && !used.has(p.index))
  if (!d || !t) return
  if (columns.publishedAt && columns.publishedAt[0] !== d.index) return
  delete columns.publishedAt
  const i = choices.findIndex((c) => c.field === 'publishedAt')
  if (i >= 0) choices.splice(i, 1)
  columns.date = [d.index]
  columns.time = [t.index]
  used.set(d.index, 'date')
  used.set(t.index, 'time')
  choices.push({
    field: 'date',
    index: d.index,
    score: 9,
    why: [`header «${d.header}» holds the day`],
    runnerUp: null
  })
  choices.push({
    field: 'time',
    index: t.index,
    score: 9,
    why: [`header «${t.header}» holds the time of day`],
    runnerUp: null
  })
}

/** Second columns read when the first is empty in a row: author ← channel, text ← title-less description. */
function fallbacks(
  profiles: ColumnProfile[],
  columns: Partial<Record<TargetField, number[]>>,
  choices: GuessChoice[],
  used: Map<number, TargetField>
): void {
  // An author left empty in a row (a page's own post) is the page or channel.
  const a = columns.author
  const o = columns.outlet
  if (a && o && a[0] !== o[0] && !a.includes(o[0]!)) columns.author = [...a, o[0]!]
  if (!a && o) {
    const p = profiles[o[0]!]!
    if (/(context|channel|page|group|community|канал)/.test(p.words)) {
      columns.author = [o[0]!]
      choices.push({
        field: 'author',
        index: o[0]!,
        score: 5,
        why: [`the channel or page «${p.header}» is the author when no author column exists`],
        runnerUp: null
      })
    }
  }
  void used
}

/** Looks like a header row: several distinct short labels, not numbers, dates or URLs. */
export function headerLikeness(cells: CellValue[]): number {
  const vals = cells.map((c) => (c === null || c === undefined ? '' : String(c).trim())).filter(Boolean)
  if (vals.length < 2) return 0
  const labels = vals.filter((v) => v.length <= 60 && !/^[-+]?[\d\s.,:%/]+$/.test(v) && !URL_LIKE.test(v))
  const distinct = new Set(vals.map((v) => v.toLowerCase())).size
  return (labels.length / vals.length) * (distinct / vals.length) * vals.length
}
