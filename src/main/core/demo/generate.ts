import type {
  AgeGroup,
  AuthorInput,
  AuthorType,
  Gender,
  MentionInput,
  MentionKind,
  OutletInput,
  Platform,
  Sentiment
} from '../../../shared/types'
import { AGE_GROUPS } from '../../../shared/types'
import { addDays, dayStart } from '../../../shared/time'
import { Random } from './random'
import {
  AKIM,
  AKIM_GEN,
  BLOGGERS,
  CITY,
  COMMENT_OPENERS_NEG,
  COMMENT_OPENERS_POS,
  DISTRICTS,
  FIRST_NAMES_F,
  FIRST_NAMES_M,
  LAST_NAMES,
  MEDIA,
  OFFICIALS,
  STREETS,
  TOPIC_TEXTS,
  type TopicTexts
} from './content'

/** One generated mention plus what the generator intended (topic, tone), for labels and checks. */
export interface DemoItem {
  input: MentionInput
  topic: string
  tone: Sentiment
  /** Comes from the simulated monitoring-service export (its label is an imported one). */
  imported: boolean
}

export interface DemoPlan {
  from: string
  to: string
  items: DemoItem[]
  spike: { topic: string; days: string[] }
}

interface Person {
  author: AuthorInput
  platform: Platform
  lean: number
}

const SOCIAL_PLATFORMS: readonly (readonly [Platform, number])[] = [
  ['telegram', 30],
  ['vk', 18],
  ['instagram', 20],
  ['facebook', 12],
  ['youtube', 6],
  ['tiktok', 5],
  ['ok', 3],
  ['x', 3],
  ['threads', 2],
  ['forum', 1]
]

const PLATFORM_HOSTS: Record<Platform, string> = {
  news: '',
  telegram: 'https://t.me',
  vk: 'https://vk.com',
  instagram: 'https://www.instagram.com',
  facebook: 'https://www.facebook.com',
  youtube: 'https://www.youtube.com',
  tiktok: 'https://www.tiktok.com',
  x: 'https://x.com',
  ok: 'https://ok.ru',
  threads: 'https://www.threads.net',
  forum: 'https://forum.beltau.city',
  blog: 'https://blog.beltau.city',
  other: 'https://example.beltau.city'
}

/**
 * Plans the demo workspace: `weeks` weeks ending on `until` (inclusive), about 100 mentions a day,
 * Russian and Kazakh, with a planted spike of criticism on utilities 8–10 days before `until`.
 * Deterministic for a given seed and `until`; with `now`, nothing is dated after it (a demo made at
 * 11:00 today holds this morning's mentions, not the evening's).
 */
export function planDemo(opts: {
  seed: number
  weeks: number
  until: string
  timeZone: string
  now?: number
}): DemoPlan {
  const r = new Random(opts.seed)
  const days = opts.weeks * 7
  const from = addDays(opts.until, -(days - 1))
  const people = makePeople(r)
  const spikeDays = [addDays(opts.until, -10), addDays(opts.until, -9), addDays(opts.until, -8)]
  const items: DemoItem[] = []
  let seq = 1000
  for (let d = 0; d < days; d++) {
    const date = addDays(from, d)
    const start = dayStart(date, opts.timeZone)
    const weekday = new Date(`${date}T12:00:00Z`).getUTCDay()
    const base = weekday === 0 || weekday === 6 ? 70 : 105
    const count = Math.round(base * (0.85 + r.next() * 0.3) * (1 + d / days / 3))
    const isSpike = spikeDays.includes(date)
    const total = isSpike ? count + 110 + r.int(0, 30) : count
    for (let i = 0; i < total; i++) {
      const forceSpike = isSpike && i >= count
      const topic = forceSpike
        ? TOPIC_TEXTS.find((t) => t.key === 'utilities')!
        : r.weighted(TOPIC_TEXTS.map((t) => [t, t.weight] as const))
      const at = start + dayTime(r)
      const made = makeMention(r, {
        topic,
        at,
        people,
        seq: seq++,
        forceTone: forceSpike ? 'negative' : null
      })
      items.push(...made)
      seq += made.length
    }
  }
  for (const item of items)
    if (item.input.publishedAt > dayStart(addDays(opts.until, 1), opts.timeZone) - 1)
      item.input.publishedAt -= 3600_000
  const now = opts.now
  const past = now === undefined ? items : items.filter((item) => item.input.publishedAt <= now)
  return { from, to: opts.until, items: past, spike: { topic: 'utilities', days: spikeDays } }
}

/** More in the daytime and evening, few at night (local time offsets from midnight). */
function dayTime(r: Random): number {
  const hour = r.weighted([
    [7, 2],
    [8, 5],
    [9, 8],
    [10, 9],
    [11, 9],
    [12, 8],
    [13, 8],
    [14, 8],
    [15, 8],
    [16, 8],
    [17, 8],
    [18, 9],
    [19, 9],
    [20, 8],
    [21, 6],
    [22, 4],
    [23, 2],
    [0, 1],
    [6, 1]
  ] as const)
  return hour * 3600_000 + r.int(0, 3599) * 1000
}

function makePeople(r: Random): Person[] {
  const people: Person[] = []
  for (let i = 0; i < 700; i++) {
    const female = r.chance(0.52)
    const first = r.pick(female ? FIRST_NAMES_F : FIRST_NAMES_M)
    const last = r.pick(LAST_NAMES) + (female ? 'а' : '')
    const platform = r.weighted(SOCIAL_PLATFORMS)
    const handle = translit(`${first}.${last}`).toLowerCase() + (i % 7 === 0 ? '' : String(r.int(1, 99)))
    const hasDemography =
      platform === 'vk' || platform === 'instagram' || platform === 'facebook' || platform === 'ok'
    const lean = i % 12 === 0 ? -0.8 : i % 17 === 0 ? 0.8 : (r.next() - 0.5) * 0.4
    people.push({
      platform,
      lean,
      author: {
        name: `${first} ${last}`,
        url: profileUrl(platform, handle),
        type: 'private',
        gender: hasDemography ? ((female ? 'female' : 'male') as Gender) : null,
        age: hasDemography
          ? (r.weighted(
              AGE_GROUPS.map((a, k) => [a, [1, 12, 22, 20, 15, 10, 8][k] ?? 1] as const)
            ) as AgeGroup)
          : null,
        followers: r.lognormal(180, 1.2)
      }
    })
  }
  return people
}

function profileUrl(platform: Platform, handle: string): string {
  switch (platform) {
    case 'vk':
      return `https://vk.com/${handle.replace(/\./g, '_')}`
    case 'telegram':
      return `https://t.me/${handle.replace(/\./g, '_')}`
    case 'facebook':
      return `https://www.facebook.com/${handle}`
    case 'ok':
      return `https://ok.ru/profile/${Math.abs(hash(handle))}`
    default:
      return `${PLATFORM_HOSTS[platform]}/${handle}`
  }
}

interface MakeCtx {
  topic: TopicTexts
  at: number
  people: Person[]
  seq: number
  forceTone: Sentiment | null
}

function makeMention(r: Random, c: MakeCtx): DemoItem[] {
  const kind = r.weighted<'article' | 'post' | 'comment'>([
    ['article', 30],
    ['post', 32],
    ['comment', 38]
  ])
  if (kind === 'article') return makeArticle(r, c)
  const person = r.pick(c.people)
  const byBlogger = kind === 'post' && r.chance(0.35)
  const byOfficial = kind === 'post' && !byBlogger && r.chance(0.12)
  let tone = c.forceTone ?? pickTone(r, kind === 'comment' ? person.lean : 0, byOfficial)
  let platform: Platform = person.platform
  let author: AuthorInput = person.author
  let outlet: OutletInput | null = null
  if (byOfficial) {
    const o = r.pick(OFFICIALS)
    platform = o.platform as Platform
    author = { name: o.name, url: o.url, type: 'official', followers: 24_000 }
    outlet = { name: o.name, url: o.url, audience: 24_000 }
    if (tone === 'negative') tone = 'neutral'
  } else if (byBlogger) {
    const b = r.pick(BLOGGERS)
    platform = b.platform as Platform
    const url = profileUrl(platform, translit(b.name).toLowerCase().replace(/\s+/g, '_'))
    author = { name: b.name, url, type: 'blogger', followers: 8_000 + (hash(b.name) % 40_000) }
    outlet = { name: b.name, url, audience: author.followers }
  } else if (kind === 'comment') {
    const m = MEDIA.filter((x) => x.platform === platform)
    const host = m.length ? r.pick(m) : null
    outlet = host
      ? { name: host.name, url: host.url, audience: 50_000 }
      : { name: `${CITY}: сообщество`, url: `${PLATFORM_HOSTS[platform]}/beltau_community`, audience: 12_000 }
  } else {
    outlet = { name: author.name, url: author.url, audience: author.followers ?? null }
  }
  const kk = r.chance(0.16)
  let text = fill(r, r.pick(kk ? c.topic.kk[tone] : c.topic.ru[tone]))
  if (kind === 'comment' && !kk) {
    const opener = r.pick(
      tone === 'negative' ? COMMENT_OPENERS_NEG : tone === 'positive' ? COMMENT_OPENERS_POS : ['']
    )
    if (opener) text = `${opener} ${text}`
  }
  const reach =
    kind === 'comment' ? r.lognormal(300, 1.1) : r.lognormal(platform === 'telegram' ? 6000 : 3000, 1.2)
  const input: MentionInput = {
    publishedAt: c.at,
    platform,
    kind: kind as MentionKind,
    title: null,
    text,
    url: postUrl(platform, outlet?.url ?? author.url ?? null, c.seq),
    author,
    outlet,
    lang: kk ? 'kk' : 'ru',
    reach,
    views:
      platform === 'telegram' || platform === 'youtube' || platform === 'tiktok'
        ? Math.round(reach * (1.2 + r.next()))
        : null,
    likes: Math.round(reach * r.next() * 0.05),
    reposts: kind === 'comment' ? 0 : Math.round(reach * r.next() * 0.01),
    comments: kind === 'comment' ? 0 : Math.round(reach * r.next() * 0.01)
  }
  const imported = r.chance(0.35)
  if (imported) input.sentiment = tone
  return [{ input, topic: c.topic.key, tone, imported }]
}

function makeArticle(r: Random, c: MakeCtx): DemoItem[] {
  const tone = c.forceTone ?? pickTone(r, 0, false)
  const kk = r.chance(0.12)
  const media = r.pick(MEDIA.filter((m) => m.platform === 'news' || m.platform === 'telegram'))
  const headline = fill(r, r.pick(c.topic.headlines))
  const body = [
    fill(r, r.pick(kk ? c.topic.kk[tone] : c.topic.ru[tone])),
    fill(r, r.pick(c.topic.ru.neutral))
  ].join(' ')
  const first = article(r, c, media, headline, body, tone, kk, 0)
  const out = [first]
  if (r.chance(0.1)) {
    const copies = r.int(2, 4)
    const others = MEDIA.filter(
      (m) => m.name !== media.name && (m.platform === 'news' || m.platform === 'telegram')
    )
    for (let k = 1; k <= copies; k++) {
      const m = others[(hash(headline) + k) % others.length]!
      out.push(article(r, c, m, rewriteHeadline(r, headline), body, tone, kk, k))
    }
  }
  return out
}

function article(
  r: Random,
  c: MakeCtx,
  media: (typeof MEDIA)[number],
  title: string,
  text: string,
  tone: Sentiment,
  kk: boolean,
  k: number
): DemoItem {
  const platform = media.platform as Platform
  const reach = r.lognormal(platform === 'news' ? 9000 : 7000, 1.1)
  const input: MentionInput = {
    publishedAt: c.at + k * r.int(20, 240) * 60_000,
    platform,
    kind: platform === 'news' ? 'article' : 'post',
    title: platform === 'news' ? title : null,
    text: platform === 'news' ? text : `${title}. ${text}`,
    url: postUrl(platform, media.url, c.seq + k),
    author: {
      name: media.name,
      url: media.url,
      type: 'media' as AuthorType,
      followers: 50_000 + (hash(media.name) % 150_000)
    },
    outlet: { name: media.name, url: media.url, audience: 50_000 + (hash(media.name) % 150_000) },
    lang: kk ? 'kk' : 'ru',
    reach,
    views: Math.round(reach * (1.1 + r.next())),
    likes: Math.round(reach * r.next() * 0.02),
    reposts: Math.round(reach * r.next() * 0.005),
    comments: Math.round(reach * r.next() * 0.004)
  }
  const imported = r.chance(0.35)
  if (imported) input.sentiment = tone
  return { input, topic: c.topic.key, tone, imported }
}

function rewriteHeadline(r: Random, h: string): string {
  const variants = [
    (s: string) => `${s}: подробности`,
    (s: string) => `В ${CITY} — ${s.charAt(0).toLowerCase()}${s.slice(1)}`,
    (s: string) => `${s} (обновлено)`,
    (s: string) => `Жители обсуждают: ${s.charAt(0).toLowerCase()}${s.slice(1)}`
  ]
  return r.pick(variants)(h)
}

function pickTone(r: Random, lean: number, official: boolean): Sentiment {
  if (official) return r.chance(0.55) ? 'positive' : 'neutral'
  const neg = 0.36 + Math.max(0, -lean) * 0.55 - Math.max(0, lean) * 0.3
  const pos = 0.18 + Math.max(0, lean) * 0.6 - Math.max(0, -lean) * 0.15
  const x = r.next()
  return x < neg ? 'negative' : x < neg + pos ? 'positive' : 'neutral'
}

/** A template with its placeholders filled (see content.ts); a district keeps the case its template asks for. */
export function fill(r: Random, template: string): string {
  return template
    .replace(/\{street\}/g, () => r.pick(STREETS))
    .replace(/\{district\.(gen|loc|kk)\}/g, (_m, form: 'gen' | 'loc' | 'kk') => r.pick(DISTRICTS)[form])
    .replace(/\{num\}/g, () => String(r.int(2, 98)))
    .replace(/\{day\}/g, () => String(r.int(1, 28)))
    .replace(/\{akim\.gen\}/g, AKIM_GEN)
    .replace(/\{akim\}/g, AKIM)
    .replace(/\{city\}/g, CITY)
}

function postUrl(platform: Platform, base: string | null, seq: number): string {
  switch (platform) {
    case 'news':
      return `${base ?? 'https://beltau-news.kz'}/news/${seq}`
    case 'telegram':
      return `${base ?? 'https://t.me/beltau_online'}/${seq}`
    case 'vk':
      return `https://vk.com/wall-${100000 + (hash(base ?? '') % 900000)}_${seq}`
    case 'instagram':
      return `https://www.instagram.com/p/B${seq.toString(36).toUpperCase()}x${(hash(base ?? '') % 9999).toString(36)}`
    case 'facebook':
      return `https://www.facebook.com/permalink.php?story_fbid=${seq}&id=${hash(base ?? '') % 999999}`
    case 'youtube':
      return `https://www.youtube.com/watch?v=bt${seq.toString(36)}`
    default:
      return `${PLATFORM_HOSTS[platform]}/post/${seq}`
  }
}

const TRANSLIT: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'sch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya'
}
function translit(s: string): string {
  return [...s.toLowerCase()].map((ch) => TRANSLIT[ch] ?? ch).join('')
}

function hash(s: string): number {
  let h = 2166136261
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619)
  return h >>> 0
}
