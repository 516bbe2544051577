/**
 * Deterministic generator of a large, realistic Otklik workspace for scale benchmarks (1M–5M mentions).
 *
 *   npx tsx bench/scale/generate.ts --mentions 200000 --out /tmp/scale.db [--seed 1] [--years 3] [--bulk false]
 *
 * The schema comes from the project's own opener (every migration, default topics). Rows go in through
 * prepared statements in transactions of 20k, not the Ingestor (too slow for 5M), but each FTS row is
 * exactly the Ingestor's: normalizeText/stemText of title and text, precomputed per word (vocabulary.ts).
 * The first rows are checked against the real normalizeText/stemText/urlKey/normalizeHost.
 */
import { existsSync, rmSync, statSync } from 'node:fs'
import { type Db } from '../../src/main/core/db'
import { openWorkspaceDatabase } from '../../src/main/core/workspace'
import { physicalTables, recomputeSql, SUMMARY_TABLES } from '../../src/main/core/db/summaries'
import { Random } from '../../src/main/core/demo/random'
import { normalizeText } from '../../src/shared/text'
import { stemText } from '../../src/shared/stem'
import { urlKey } from '../../src/shared/url'
import { normalizeHost } from '../../src/shared/query/host'
import { AGE_GROUPS, PLATFORMS, type Platform } from '../../src/shared/types'
import * as V from './vocabulary'
import { appendWord, buildText, languages, text, Words, type Lang } from './vocabulary'

export interface GenerateOptions {
  mentions: number
  seed?: number
  authors?: number
  outlets?: number
  years?: number
  /** Epoch ms; every mention is published before it. */
  endAt?: number
  onProgress?: (done: number, total: number) => void
  /**
   * Default true: set secondary indexes and summary triggers aside during the load and rebuild/recompute
   * them after (the same database in a fraction of the time). false keeps them live per row.
   */
  bulk?: boolean
}
export interface GenerateResult {
  mentions: number
  authors: number
  outlets: number
  topics: number
  ms: number
}

const DAY = 86_400_000
const HOUR = 3_600_000
const TZ = 5
const TX_ROWS = 20_000
const FTS_ROWS = 500
const CHECK_ROWS = 50

/** Per platform: share of mentions, of authors, of outlets; P(title); text length in words. */
type Shape = [mentions: number, authors: number, outlets: number, title: number, words: [number, number]]
const SHAPE: Record<Platform, Shape> = {
  news: [35, 4, 40, 0.95, [35, 80]],
  telegram: [25, 20, 20, 0.1, [20, 70]],
  vk: [15, 25, 12, 0.03, [15, 45]],
  instagram: [8, 15, 8, 0.03, [15, 45]],
  facebook: [5, 10, 5, 0.03, [15, 45]],
  youtube: [3, 5, 5, 0.9, [15, 50]],
  tiktok: [3, 8, 3, 0.03, [15, 45]],
  x: [2, 4, 2, 0.03, [15, 45]],
  ok: [1.5, 4, 1.5, 0.03, [15, 45]],
  threads: [0.5, 1.5, 0.5, 0.03, [15, 45]],
  forum: [1, 2, 1.5, 0.8, [20, 60]],
  blog: [0.5, 1, 1, 0.7, [30, 80]],
  other: [0.5, 0.5, 0.5, 0.3, [15, 45]]
}
/** How an outlet's URL and its posts' URLs look: [outlet URL, post URL prefix, base-36 post id]. */
const URLS: Record<Platform, (h: string, n: number) => [string, string, boolean]> = {
  news: (h) => [`https://${h}`, `https://${h}/news/`, false],
  telegram: (h) => [`https://t.me/${h}`, `https://t.me/${h}/`, false],
  vk: (_h, n) => [`https://vk.com/club${n}`, `https://vk.com/wall-${n}_`, false],
  instagram: (h) => [`https://www.instagram.com/${h}`, 'https://www.instagram.com/p/', true],
  facebook: (h) => [`https://www.facebook.com/${h}`, `https://www.facebook.com/${h}/posts/`, false],
  youtube: (h) => [`https://www.youtube.com/@${h}`, 'https://www.youtube.com/watch?v=', true],
  tiktok: (h) => [`https://www.tiktok.com/@${h}`, `https://www.tiktok.com/@${h}/video/`, false],
  x: (h) => [`https://x.com/${h}`, `https://x.com/${h}/status/`, false],
  ok: (_h, n) => [`https://ok.ru/group/${n}`, `https://ok.ru/group/${n}/topic/`, false],
  threads: (h) => [`https://www.threads.net/@${h}`, `https://www.threads.net/@${h}/post/`, true],
  forum: (h) => [`https://forum.${h}.kz`, `https://forum.${h}.kz/topic/`, false],
  blog: (h) => [`https://${h}.blogspot.com`, `https://${h}.blogspot.com/post/`, false],
  other: (h) => [`https://${h}.kz`, `https://${h}.kz/p/`, false]
}
/** Where an author's profile lives (profile URL = home/handle). */
const AUTHOR_HOME: Record<Platform, string> = {
  news: 'https://beltau.tv/author',
  telegram: 'https://t.me',
  vk: 'https://vk.com',
  instagram: 'https://www.instagram.com',
  facebook: 'https://www.facebook.com',
  youtube: 'https://www.youtube.com',
  tiktok: 'https://www.tiktok.com',
  x: 'https://x.com',
  ok: 'https://ok.ru/profile',
  threads: 'https://www.threads.net',
  forum: 'https://forum.beltau.kz/user',
  blog: 'https://www.blogger.com/profile',
  other: 'https://beltau.kz/user'
}
/** Topic frequency (roads and utilities lead); 'other' only ever stands alone. Unknown keys get 3. */
const TOPIC_WEIGHT: Record<string, number> = {
  roads: 20,
  utilities: 18,
  transport: 10,
  landscaping: 10,
  housing: 9,
  ecology: 8,
  healthcare: 6,
  education: 6,
  social: 5,
  safety: 5,
  prices: 4,
  corruption: 3
}
/** Local (UTC+5) hour-of-day rhythm, from 00:00. */
const HOUR_WEIGHT = [
  0.15, 0.08, 0.05, 0.04, 0.05, 0.12, 0.35, 0.7, 1, 1.2, 1.3, 1.3, 1.25, 1.2, 1.2, 1.15, 1.1, 1.1, 1.15, 1.2,
  1.1, 0.9, 0.6, 0.3
]
const IMPORT_RAW = ['негатив', 'нейтрально', 'позитив']
const ASSIGNEES = ['Айгерим С.', 'Ерлан К.', 'Пресс-служба', 'Отдел ЖКХ', 'Управление дорог']
const RESPONSES = ['needed', 'assigned', 'answered'] as const
const words = (s: string): string[] => s.split(/\s+/).filter(Boolean)

/** Cumulative distribution for weighted picks by binary search. */
function cdf(weights: ArrayLike<number>): Float64Array {
  const c = new Float64Array(weights.length)
  let s = 0
  for (let i = 0; i < weights.length; i++) c[i] = s += weights[i]!
  return c.map((v) => v / s)
}
function draw(c: Float64Array, r: number): number {
  let lo = 0
  let hi = c.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (c[mid]! < r) lo = mid + 1
    else hi = mid
  }
  return lo
}
/** values[i] for the first cumulative bound above r (values has one more entry than bounds). */
function choose<T>(r: number, bounds: readonly number[], values: readonly T[]): T {
  let i = 0
  while (i < bounds.length && r >= bounds[i]!) i++
  return values[i]!
}
const zipf = (n: number, s: number): Float64Array => cdf(Array.from({ length: n }, (_, i) => (i + 1) ** -s))
function lognormal(rng: Random, median: number, sigma: number): number {
  const z = Math.sqrt(-2 * Math.log(Math.max(1e-12, rng.next()))) * Math.cos(2 * Math.PI * rng.next())
  return Math.round(median * Math.exp(sigma * z))
}
/** Splits `total` into parts proportional to `weights` (each ≥ min), summing exactly to total. */
function apportion(total: number, weights: number[], min = 0): number[] {
  const rest = total - min * weights.length
  const sum = weights.reduce((a, b) => a + b, 0)
  let cum = 0
  let prev = 0
  return weights.map((w) => {
    const upto = Math.round((rest * (cum += w)) / sum)
    const n = upto - prev + min
    prev = upto
    return n
  })
}

/** One platform's authors or outlets, in Zipf rank order. */
interface Pool {
  ids: number[]
  cdf: Float64Array
  /** Authors: followers; outlets: audience. */
  size: number[]
  /** Outlets only: post URL prefix, its url_key prefix and host; base-36 post ids. */
  prefix: string[]
  keyPrefix: string[]
  host: (string | null)[]
  b36: boolean
}
function pools(weights: number[], total: number, s: number): Pool[] {
  const pool = (n: number): Pool => {
    return { ids: [], cdf: zipf(n, s), size: [], prefix: [], keyPrefix: [], host: [], b36: false }
  }
  return apportion(total, weights, 1).map(pool)
}

function insertOutlets(db: Db, rng: Random, total: number, now: number): Pool[] {
  const ins = db.prepare(
    'INSERT INTO outlets (id, key, platform, name, url, audience, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)'
  )
  const [pre, suf, lat] = [words(V.OUTLET_PREFIX), words(V.OUTLET_SUFFIX), words(V.LATIN_STEMS)]
  const out = pools(
    PLATFORMS.map((p) => SHAPE[p][2]),
    total,
    0.9
  )
  let id = 0
  PLATFORMS.forEach((p, pi) => {
    const pool = out[pi]!
    for (let r = 0; r < pool.cdf.length; r++) {
      const site = p === 'news' ? V.NEWS_SITES[r] : undefined
      const handle = `${rng.pick(lat)}_${rng.pick(lat)}${++id}`
      const host = site ? site[1] : p === 'news' ? `${handle.replace('_', '-')}.kz` : handle
      const [url, prefix, b36] = URLS[p](host, 100_000 + id)
      const name = site ? site[0] : `${rng.pick(pre)} ${rng.pick(suf)} ${id}`
      const audience = Math.max(300, lognormal(rng, (p === 'news' ? 4e5 : 1.5e5) / (r + 1) ** 0.8, 0.5))
      const hostKey = p === 'news' || p === 'forum' || p === 'blog'
      const key = hostKey ? `${p}|h:${normalizeHost(url)}` : `${p}|u:${urlKey(url)}`
      ins.run(id, key, p, name, url, audience, now)
      pool.ids.push(id)
      pool.size.push(audience)
      pool.prefix.push(prefix)
      pool.keyPrefix.push(urlKey(prefix + '0')!.slice(0, -1))
      pool.host.push(normalizeHost(prefix))
      pool.b36 = b36
    }
  })
  return out
}

function insertAuthors(db: Db, rng: Random, total: number, now: number): Pool[] {
  const ins = db.prepare(`INSERT INTO authors (id, key, platform, name, name_norm, url, type, gender, age,
    followers, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const male = words(V.FIRST_NAMES_M)
  const female = words(V.FIRST_NAMES_F)
  const surnames = words(V.SURNAMES)
  const lat = words(V.LATIN_STEMS)
  const out = pools(
    PLATFORMS.map((p) => SHAPE[p][1]),
    total,
    0.8
  )
  let id = 0
  PLATFORMS.forEach((p, pi) => {
    const pool = out[pi]!
    const home = AUTHOR_HOME[p]
    for (let r = 0; r < pool.cdf.length; r++) {
      id++
      // The busiest authors are mostly media and officials; the tail is private people.
      const x = rng.next()
      const type =
        p === 'news'
          ? choose(x, [0.6, 0.65, 0.7], ['media', 'official', 'blogger', 'unknown'])
          : r < Math.max(3, pool.cdf.length * 0.01)
            ? choose(x, [0.45, 0.7], ['media', 'official', 'blogger'])
            : choose(x, [0.7, 0.82, 0.88, 0.91], ['private', 'blogger', 'media', 'official', 'unknown'])
      const person = type === 'private' || type === 'blogger' || (p === 'news' && type !== 'media')
      const isF = rng.chance(0.5)
      const surname = rng.pick(surnames)
      const fem = isF && /(ов|ев|ин)$/.test(surname) ? surname + 'а' : surname
      const name = person
        ? `${rng.pick(isF ? female : male)} ${fem}`
        : type === 'official'
          ? `Акимат Белтау — ${rng.pick(lat)} ${id}`
          : `${rng.pick(lat)} ${rng.pick(lat)} ${id}`
      const url = `${home}/${rng.pick(lat)}${id}`
      const priv = type === 'private'
      const gender = priv && rng.chance(0.6) ? (isF ? 'female' : 'male') : null
      const age = priv && rng.chance(0.35) ? rng.pick(AGE_GROUPS) : null
      const followers = Math.max(0, lognormal(rng, 150 * (1 + 3000 / (r + 20)), 1.3))
      const key = `${p}|u:${urlKey(url)}`
      ins.run(
        id,
        key,
        p,
        name,
        normalizeText(name),
        url,
        type,
        gender,
        age,
        p === 'news' ? null : followers,
        now
      )
      pool.ids.push(id)
      pool.size.push(followers)
    }
  })
  return out
}

/** Mentions per day: weekly rhythm × slow growth × noise × spikes (3–10×, each about one topic, with a tail). */
function planDays(rng: Random, total: number, days: number, endAt: number, topicCdf: Float64Array) {
  const mult = new Float64Array(days).fill(1)
  const spikeTopic = new Int32Array(days).fill(-1)
  for (let s = Math.max(1, Math.round((10 * days) / 365)); s > 0; s--) {
    const d = Math.floor(rng.next() * days)
    mult[d] = 3 + rng.next() * 7
    spikeTopic[d] = draw(topicCdf, rng.next())
    if (d + 1 < days && spikeTopic[d + 1]! < 0) {
      mult[d + 1] = 1 + (mult[d]! - 1) * 0.3
      spikeTopic[d + 1] = spikeTopic[d]!
    }
  }
  const weights = Array.from({ length: days }, (_, d) => {
    const dow = new Date(endAt - (days - d) * DAY + TZ * HOUR).getUTCDay()
    const week = choose(dow, [1, 5, 6], [0.58, 1, 0.95, 0.68])
    return week * (0.7 + (0.6 * d) / Math.max(1, days - 1)) * (0.85 + 0.3 * rng.next()) * mult[d]!
  })
  return { perDay: apportion(total, weights), mult, spikeTopic }
}

type Row = Record<string, string | number | null>
type Topic = { id: number; key: string }

/** Makes one mention at a time: its row, its topic ids and its FTS columns (reused between calls). */
class MentionMaker {
  readonly topicIds: number[] = []
  /** title, body, title_stems, body_stems. */
  readonly fts: [string, string, string, string] = ['', '', '', '']
  private readonly topicWords: Words[] = []
  private readonly langs: Lang[]
  private readonly hashtags = new Words(V.HASHTAGS)
  private readonly platformCdf = cdf(PLATFORMS.map((p) => SHAPE[p][0]))

  constructor(
    private readonly rng: Random,
    topics: Topic[],
    private readonly other: number | null,
    private readonly outlets: Pool[],
    private readonly authors: Pool[],
    private readonly endAt: number
  ) {
    this.langs = languages(topics)
  }

  /** `spikeTopic` ≥ 0: the row belongs to that topic's spike; `topicPick` draws an ordinary topic id. */
  make(id: number, at: number, spikeTopic: number, topicPick: () => number): Row {
    const rng = this.rng
    const spike = spikeTopic >= 0
    const pi = draw(this.platformCdf, rng.next())
    const p = PLATFORMS[pi]!
    const [op, ap] = [this.outlets[pi]!, this.authors[pi]!]
    const oi = draw(op.cdf, rng.next())
    const noAuthor = p === 'news' ? rng.chance(0.4) : p === 'other' && rng.chance(0.3)
    const ai = noAuthor ? -1 : draw(ap.cdf, rng.next())
    const L = this.langs[choose(rng.next(), [0.85, 0.95], [0, 1, 2])]!

    // Topics: 0 (14 %), 'other' alone (6 %), 1 (50 %), 2 (22 %), 3 (8 %); a spike's rows lead with its topic.
    const ids = this.topicIds
    ids.length = this.topicWords.length = 0
    const nt = spike
      ? choose(rng.next(), [0.7], [1, 2])
      : choose(rng.next(), [0.14, 0.2, 0.7, 0.92], [0, -1, 1, 2, 3])
    if (nt < 0 && this.other !== null) ids.push(this.other)
    if (spike) ids.push(spikeTopic)
    while (ids.length < nt) {
      const t = topicPick()
      if (!ids.includes(t)) ids.push(t)
    }
    for (const t of ids) if (L.topic.has(t)) this.topicWords.push(L.topic.get(t)!)
    // Sentiment: overall ≈ -1 25 %, 0 55 %, 1 12 %, none 8 %; spike rows are angrier.
    const sent = choose(rng.next(), spike ? [0.4, 0.85, 0.92] : [0.22, 0.79, 0.92], [-1, 0, 1, null])
    const imported = sent !== null && rng.chance(0.15)
    const modelS = sent === null ? null : imported && rng.chance(0.25) ? ((sent + 2) % 3) - 1 : sent
    const modelScore = modelS === null ? null : Math.round(500 + rng.next() * 490) / 1000

    const [, , , pTitle, [lo, hi]] = SHAPE[p]
    let title: string | null = null
    this.fts[0] = this.fts[2] = ''
    if (rng.chance(pTitle)) {
      buildText(rng, L, this.topicWords, sent, 5 + Math.floor(rng.next() * 8), true)
      title = text.d
      this.fts[0] = text.n
      this.fts[2] = text.s
    }
    buildText(rng, L, this.topicWords, sent, lo + Math.floor(rng.next() * (hi - lo + 1)), false)
    if (p !== 'news' && rng.chance(0.3))
      for (let h = 1 + Math.floor(rng.next() * 3); h > 0; h--)
        appendWord(this.hashtags, this.hashtags.pick(rng), false, ' ')
    this.fts[1] = text.n
    this.fts[3] = text.s

    const social = p !== 'news' && p !== 'forum' && p !== 'blog'
    const kind = social ? choose(rng.next(), [0.78, 0.94], ['post', 'comment', 'repost']) : 'article'
    const reach = ai >= 0 && social ? ap.size[ai]! : op.size[oi]!
    let views: number | null = null
    let likes: number | null = null
    if (p === 'news') views = rng.chance(0.4) ? lognormal(rng, 1500, 1.2) : null
    else if (kind === 'comment') likes = lognormal(rng, 3, 1.2)
    else views = lognormal(rng, 20 + reach * 0.3, 1.2)
    if (views !== null && social) likes = Math.round(views * 0.03 * Math.exp(rng.next() - 0.5))
    const irrelevant = rng.chance(0.02)
    const resp = sent === -1 && rng.chance(0.04) ? RESPONSES[Math.floor(rng.next() * 3)]! : null
    const created = Math.min(this.endAt, at + lognormal(rng, 20 * 60_000, 1.5))
    const idStr = op.b36 ? id.toString(36) : String(id)
    return {
      id,
      dedup_key: `g:${id}`,
      published_at: at,
      platform: p,
      kind,
      outlet_id: op.ids[oi]!,
      author_id: ai >= 0 ? ap.ids[ai]! : null,
      title,
      text: text.d,
      url: op.prefix[oi]! + idStr,
      url_key: op.keyPrefix[oi]! + idStr,
      host: op.host[oi]!,
      lang: L.code,
      sentiment: sent,
      sentiment_origin: sent === null ? null : imported ? 'import' : 'model',
      sentiment_score: sent === null ? null : imported ? 1 : modelScore,
      import_sentiment: imported ? sent : null,
      import_sentiment_raw: imported ? IMPORT_RAW[sent! + 1]! : null,
      model_sentiment: modelS,
      model_score: modelScore,
      model_explanation: modelS ? `["${L.tone[modelS < 0 ? 0 : 1].norm[0]}"]` : null,
      reach,
      views,
      likes,
      reposts: likes === null ? null : Math.round(likes * 0.15 * rng.next()),
      comments: likes === null ? null : Math.round(likes * 0.2 * rng.next()),
      irrelevant: irrelevant ? 1 : 0,
      irrelevant_reason: irrelevant ? rng.pick(['namesake', 'spam', 'advertising']) : null,
      response_status: resp,
      response_assignee: resp && resp !== 'needed' ? rng.pick(ASSIGNEES) : null,
      analysed_at: created,
      created_at: created,
      updated_at: irrelevant || resp ? created + DAY : null
    }
  }
}

export function generateWorkspace(path: string, opts: GenerateOptions): GenerateResult {
  const t0 = Date.now()
  for (const f of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(f)) rmSync(f)
  const total = opts.mentions
  const endAt = opts.endAt ?? Date.UTC(2026, 10, 28)
  const rng = new Random(opts.seed ?? 1)
  const db = openWorkspaceDatabase(path, { create: true })
  try {
    db.pragma('synchronous = OFF')
    const topics = db.prepare('SELECT id, key FROM topics ORDER BY sort, id').all() as Topic[]
    const other = topics.find((t) => t.key === 'other')
    const pickable = topics.filter((t) => t !== other)
    const topicCdf = cdf(pickable.map((t) => TOPIC_WEIGHT[t.key] ?? 3))
    const topicPick = (): number => pickable[draw(topicCdf, rng.next())]!.id
    db.exec('BEGIN')
    const outlets = insertOutlets(db, rng, opts.outlets ?? 2_000, endAt - 4 * 365 * DAY)
    const authors = insertAuthors(db, rng, opts.authors ?? 100_000, endAt - 4 * 365 * DAY)
    db.exec('COMMIT')
    const days = Math.max(1, Math.round((opts.years ?? 3) * 365))
    const { perDay, mult, spikeTopic } = planDays(rng, total, days, endAt, topicCdf)
    const hourCdf = cdf(HOUR_WEIGHT.map((_, u) => HOUR_WEIGHT[(u + TZ) % 24]!))
    const maker = new MentionMaker(rng, topics, other?.id ?? null, outlets, authors, endAt)

    const restore = opts.bulk === false ? null : suspendUpkeep(db)
    const cols = `id, dedup_key, published_at, platform, kind, outlet_id, author_id, title, text, url, url_key, host,
      lang, sentiment, sentiment_origin, sentiment_score, import_sentiment, import_sentiment_raw, model_sentiment,
      model_score, model_explanation, reach, views, likes, reposts, comments, irrelevant, irrelevant_reason,
      response_status, response_assignee, analysed_at, created_at, updated_at`
    const insM = db.prepare(`INSERT INTO mentions (${cols}) VALUES (${cols.replace(/(\w+)/g, '@$1')})`)
    const insF = db.prepare(
      'INSERT INTO mentions_fts (rowid, title, body, title_stems, body_stems) VALUES (?, ?, ?, ?, ?)'
    )
    const insT = db.prepare('INSERT INTO mention_topics (topic_id, mention_id) VALUES (?, ?)')
    // FTS rows go in FTS_ROWS at a time: FTS5 flushes its pending terms to a new segment at every
    // savepoint, and a mention insert opens one when the summary triggers are live (their UPSERTs), so
    // interleaving the two would write one tiny segment per row and spend the run merging them.
    const fts: (string | number)[] = []
    const flushFts = (): void => {
      for (let k = 0; k < fts.length; k += 5) insF.run(fts[k], fts[k + 1], fts[k + 2], fts[k + 3], fts[k + 4])
      fts.length = 0
    }
    let id = 0
    db.exec('BEGIN')
    for (let d = 0; d < days; d++) {
      const n = perDay[d]!
      const dayStart = endAt - (days - d) * DAY
      const times = new Float64Array(n)
      for (let k = 0; k < n; k++) times[k] = dayStart + draw(hourCdf, rng.next()) * HOUR + rng.next() * HOUR
      times.sort()
      const spikeShare = spikeTopic[d]! >= 0 ? 1 - 1 / mult[d]! : 0
      for (let k = 0; k < n; k++) {
        const spike = rng.next() < spikeShare ? pickable[spikeTopic[d]!]!.id : -1
        const row = maker.make(++id, Math.floor(times[k]!), spike, topicPick)
        if (id <= CHECK_ROWS) selfCheck(row, maker.fts)
        insM.run(row)
        for (const t of maker.topicIds) insT.run(t, id)
        fts.push(id, ...maker.fts)
        if (id % TX_ROWS === 0 || fts.length >= FTS_ROWS * 5) flushFts()
        if (id % TX_ROWS === 0) {
          db.exec('COMMIT')
          opts.onProgress?.(id, total)
          db.exec('BEGIN')
        }
      }
    }
    flushFts()
    restore?.()
    db.exec('COMMIT')
    if (id % TX_ROWS !== 0) opts.onProgress?.(id, total)
    db.pragma('synchronous = NORMAL')
    // Planner statistics from a sample: a full ANALYZE of 5M rows costs more than it is worth here.
    db.exec('PRAGMA analysis_limit = 1000; ANALYZE')
    db.pragma('wal_checkpoint(TRUNCATE)')
    const count = (pl: Pool[]): number => pl.reduce((s, x) => s + x.ids.length, 0)
    const ms = Date.now() - t0
    return { mentions: id, authors: count(authors), outlets: count(outlets), topics: topics.length, ms }
  } finally {
    db.close()
  }
}

/**
 * Bulk-load mode. Per row, the secondary indexes of mentions/mention_topics and the summary triggers
 * (one UPSERT per summary table and grain) cost more than the row itself. They are set aside here; the
 * returned function rebuilds the indexes from their own SQL, refills every summary table with the
 * summaries module's recomputeSql (the query migration 0002 fills them with), recreates the triggers
 * from their own SQL and checks the totals. Any other trigger stays live throughout.
 */
function suspendUpkeep(db: Db): () => void {
  const links = SUMMARY_TABLES.flatMap((t) => (t.link ? [t.link.table] : []))
  const summaryTriggers = new Set(['mentions_summary_ai', ...links.map((t) => `${t}_summary_ai`)])
  const set = (
    db
      .prepare(
        `SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL
         AND tbl_name IN ('mentions', 'mention_topics')`
      )
      .all() as { type: 'index' | 'trigger'; name: string; sql: string }[]
  ).filter((o) => o.type === 'index' || summaryTriggers.has(o.name))
  for (const o of set) db.exec(`DROP ${o.type.toUpperCase()} ${o.name}`)
  return () => {
    for (const o of set) if (o.type === 'index') db.exec(o.sql)
    if (!set.some((o) => o.type === 'trigger')) return
    for (const p of physicalTables())
      db.exec(`DELETE FROM ${p.table}; INSERT INTO ${p.table} ${recomputeSql(p)}`)
    for (const o of set) if (o.type === 'trigger') db.exec(o.sql)
    const count = (sql: string): number => (db.prepare(sql).pluck().get() as number | null) ?? 0
    for (const p of physicalTables()) {
      const want = count(`SELECT count(*) FROM ${p.summary.link?.table ?? 'mentions'}`)
      const got = count(`SELECT sum(n) FROM ${p.table}`)
      if (got !== want) throw new Error(`summary ${p.table} counts ${got} rows, expected ${want}`)
    }
  }
}

/** The precomputed forms must equal what the Ingestor would write for the same row. */
function selfCheck(row: Row, fts: string[]): void {
  const [title, body, url] = [(row.title as string | null) ?? '', row.text as string, row.url as string]
  const want = [normalizeText(title), normalizeText(body), stemText(title), stemText(body)]
  want.push(urlKey(url)!, normalizeHost(url)!)
  const got = [...fts, row.url_key, row.host]
  const i = want.findIndex((w, k) => w !== got[k])
  if (i < 0) return
  const what = ['title', 'body', 'title_stems', 'body_stems', 'url_key', 'host'][i]
  throw new Error(
    `scale generator self-check failed on row ${row.id}, ${what}:\n got  ${got[i]}\n want ${want[i]}`
  )
}

if (process.argv[1] && /bench[\\/]scale[\\/]generate\.ts$/.test(process.argv[1])) {
  const arg = (name: string, def: string): string => {
    const i = process.argv.indexOf(`--${name}`)
    return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : def
  }
  const outPath = arg('out', '/tmp/otklik-scale.db')
  const t0 = Date.now()
  let lastPct = -1
  const res = generateWorkspace(outPath, {
    mentions: Number(arg('mentions', '1000000')),
    seed: Number(arg('seed', '1')),
    authors: Number(arg('authors', '100000')),
    outlets: Number(arg('outlets', '2000')),
    years: Number(arg('years', '3')),
    bulk: arg('bulk', 'true') !== 'false',
    onProgress: (done, all) => {
      const pct = Math.floor((done * 20) / all) * 5
      if (pct === lastPct) return
      lastPct = pct
      const s = (Date.now() - t0) / 1000
      console.log(`${pct}% ${done}/${all} rows, ${s.toFixed(1)} s, ${Math.round(done / s)} rows/s`)
    }
  })
  const mb = statSync(outPath).size / 1e6
  const cpu = process.cpuUsage()
  console.log(
    `${outPath}: ${res.mentions} mentions, ${res.authors} authors, ${res.outlets} outlets, ${res.topics} topics ` +
      `in ${(res.ms / 1000).toFixed(1)} s (${Math.round(res.mentions / (res.ms / 1000))} rows/s), ` +
      `${mb.toFixed(1)} MB; process CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`
  )
}
