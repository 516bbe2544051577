/** Quotes, problems, critical publications and positive highlights of the digest model. */
import type { Db } from '../db/open'
import type { Platform } from '../../../shared/types'
import { sentimentFromInt } from '../../../shared/types'
import { formatDate } from '../../../shared/time'
import { safeHttpUrl } from '../../../shared/url'
import { formatInt, platformName, t, type Lang } from './i18n'
import { trendText } from './present'
import type { KnownAuthor, Masker } from './masking'
import type { ProblemItem, QuoteItem } from './model-types'
import { OTHER_TOPIC_KEY } from '../analysis/topics'
import { estimateJaccard, minhash, storyFeatures } from '../analysis/stories'
import { analyse } from '../analysis/sentiment/analyse'
import { loadLexicon } from '../analysis/sentiment/lexicon'
import { lexiconScore } from '../analysis/sentiment/lexicon-score'
import { chooseExcerpt, cutAt, queryKeys, splitSentences, textKey } from './quote-excerpt'
import {
  details,
  enabledTopics,
  topicName,
  topicNegatives,
  topicPairs,
  type DetailRow,
  type LightRow
} from './queries'

export interface QuoteContext {
  db: Db
  lang: Lang
  tz: string
  masker: Masker
  excluded: Set<number>
  pinned: Set<number>
  /** What the digest has quoted so far: no story, text or near-duplicate twice in the whole digest. */
  ledger: QuoteLedger
  /** Grouping keys of the monitored subjects' words (a quoted sentence naming them ranks higher). */
  subjectKeys: Set<string>
}

const QUOTE_CHARS = 320
const TITLE_CHARS = 180
/** Estimated Jaccard of two quotes' signatures from which they count as one (the story index uses 0.33 for whole texts). */
const NEAR_DUPLICATE = 0.5
const SIGNATURE_HASHES = 64

/** Cuts text at a word boundary and adds an ellipsis: trimText('один два три', 8) → 'один два…' */
export const trimText = cutAt

/**
 * Quotes already in the digest: stories, normalised texts and titles, and MinHash signatures (the
 * story index's own) so that the same complaint from two stories is quoted once.
 */
export class QuoteLedger {
  private stories = new Set<number>()
  private keys = new Set<string>()
  private sigs: Uint32Array[] = []

  hasStory(story: number): boolean {
    return this.stories.has(story)
  }

  /**
   * True when this quote repeats one already taken: the same text or title, a sentence already quoted
   * (a template complaint copied into two stories), or nearly the same words.
   */
  repeats(q: { text: string; title: string | null }): boolean {
    for (const k of ledgerKeys(q)) if (this.keys.has(k)) return true
    const sig = quoteSignature(q.text)
    return sig !== null && this.sigs.some((s) => estimateJaccard(s, sig) >= NEAR_DUPLICATE)
  }

  add(story: number, q: { text: string; title: string | null }): void {
    this.stories.add(story)
    for (const k of ledgerKeys(q)) this.keys.add(k)
    const sig = quoteSignature(q.text)
    if (sig) this.sigs.push(sig)
  }
}

/** A sentence this long is a phrase of its own, not a stock «Спасибо!». */
const SENTENCE_KEY_CHARS = 25

function ledgerKeys(q: { text: string; title: string | null }): string[] {
  const keys = [textKey(q.text), q.title ? textKey(q.title) : '']
  for (const s of splitSentences(q.text)) {
    const k = textKey(s)
    if (k.length >= SENTENCE_KEY_CHARS) keys.push(`s:${k}`)
  }
  return keys.filter(Boolean)
}

function quoteSignature(text: string): Uint32Array | null {
  const f = storyFeatures(null, text)
  return f.all.size >= 4 ? minhash(f, SIGNATURE_HASHES) : null
}

/** Signed lexicon sentiment of one sentence (no target: every polarity word counts). */
export function sentenceScore(sentence: string): number {
  return lexiconScore(analyse(loadLexicon(), sentence)).score
}

function authorOf(d: DetailRow): KnownAuthor | null {
  if (d.author_id === null || d.author_name === null) return null
  return {
    id: d.author_id,
    name: d.author_name,
    url: d.author_url,
    type: d.author_type ?? 'unknown',
    platform: d.author_platform ?? d.platform
  }
}

export interface QuoteWants {
  /** −1 for criticism, 1 for praise. */
  polarity: -1 | 1
  /** Grouping keys of the problem's words, besides the subjects'. */
  keys?: Set<string>
  /** A person or the service labelled it (or it is pinned): quoted even without sentiment words. */
  trusted: boolean
}

/** Who published it as the digest names them: outlet or author label (masked when private), and the author. */
export function bylineOf(
  ctx: QuoteContext,
  d: DetailRow
): { author: KnownAuthor | null; masked: boolean; authorLabel: string | null; source: string } {
  const { masker, lang } = ctx
  const author = authorOf(d)
  const masked = author !== null && masker.masks(author.type)
  const authorLabel = author ? masker.label(author) : null
  const outletIsAuthor =
    author !== null &&
    d.outlet_name !== null &&
    (d.outlet_name.trim().toLowerCase() === author.name.trim().toLowerCase() ||
      (!!d.outlet_url && d.outlet_url === author.url))
  const source =
    d.outlet_name && !(masked && outletIsAuthor)
      ? d.outlet_name.trim()
      : (authorLabel ?? platformName(lang, d.platform))
  return { author, masked, authorLabel, source }
}

/** The quote of one publication, or null when none of its sentences earns a place (see chooseExcerpt). */
export function toQuote(ctx: QuoteContext, d: DetailRow, wants: QuoteWants): QuoteItem | null {
  const { masker, lang } = ctx
  const { author, masked, authorLabel, source } = bylineOf(ctx, d)
  const rawTitle = d.title ? trimText(masker.text(d.title, author), TITLE_CHARS) : null
  const keys = wants.keys ? new Set([...ctx.subjectKeys, ...wants.keys]) : ctx.subjectKeys
  const text =
    chooseExcerpt(masker.text(d.text ?? '', author), {
      polarity: wants.polarity,
      score: sentenceScore,
      keys,
      title: rawTitle,
      max: QUOTE_CHARS,
      trusted: wants.trusted
    }) ?? ''
  if (!text && !(wants.trusted && rawTitle)) return null
  const title =
    rawTitle && !text.toLowerCase().startsWith(rawTitle.replace(/…$/, '').toLowerCase()) ? rawTitle : null
  return {
    id: d.id,
    date: formatDate(d.published_at, ctx.tz),
    publishedAt: d.published_at,
    platform: d.platform,
    platformName: platformName(lang, d.platform),
    sentiment: sentimentFromInt(d.sentiment),
    source,
    author: authorLabel && authorLabel !== source ? authorLabel : null,
    authorMasked: masked,
    title,
    text,
    url: masked ? null : (safeHttpUrl(d.url)?.toString() ?? null),
    reach: d.reach,
    storySize: d.story_size,
    pinned: ctx.pinned.has(d.id)
  }
}

/**
 * The `n` best quotes among candidates: pinned first, then by reach; only publications whose
 * effective sentiment is the section's; one per story and no text twice in the whole digest (the
 * context's ledger); excluded ids skipped; publications with no sentence worth quoting skipped.
 */
export function pickQuotes(
  ctx: QuoteContext,
  candidates: LightRow[],
  n: number,
  polarity: -1 | 1,
  keys?: Set<string>,
  /** false: by reach alone (page 1's unanswered list), pinned quotes keep their place in the sections. */
  pinsFirst = true
): QuoteItem[] {
  const { ledger } = ctx
  const pin = (id: number): number => (pinsFirst && ctx.pinned.has(id) ? 1 : 0)
  const sorted = candidates
    .filter(
      (r) => r.sentiment === polarity && !ctx.excluded.has(r.id) && (pinsFirst || !ctx.pinned.has(r.id))
    )
    .sort((a, b) => pin(b.id) - pin(a.id) || b.reach - a.reach || b.at - a.at || a.id - b.id)
  const out: QuoteItem[] = []
  let i = 0
  while (out.length < n && i < sorted.length) {
    // Look rows up a few at a time: most candidates are never needed.
    const batch: LightRow[] = []
    while (batch.length < (n - out.length) * 3 && i < sorted.length) {
      const r = sorted[i++]!
      if (ledger.hasStory(r.story) || batch.some((b) => b.story === r.story)) continue
      batch.push(r)
    }
    const rows = details(
      ctx.db,
      batch.map((r) => r.id)
    )
    for (const r of batch) {
      if (out.length >= n || ledger.hasStory(r.story)) continue
      const d = rows.get(r.id)
      const trusted = ctx.pinned.has(r.id) || r.origin === 'manual' || r.origin === 'import'
      const q = d ? toQuote(ctx, d, { polarity, keys, trusted }) : null
      if (!q || ledger.repeats(q)) continue
      ledger.add(r.story, q)
      out.push(q)
    }
  }
  return out
}

const MAX_PROBLEMS = 6
const QUOTES_PER_PROBLEM = 3

/**
 * Topics ranked by negative volume plus its growth (negatives now + the increase over the previous
 * period), each with a summary line and up to three quotes, no story quoted twice.
 */
export function buildProblems(
  ctx: QuoteContext,
  rows: Map<number, LightRow>,
  range: { start: number; end: number },
  prevRange: { start: number; end: number }
): ProblemItem[] {
  const topics = enabledTopics(ctx.db)
  const per = new Map<
    number,
    { total: number; neg: LightRow[]; stories: Set<number>; platforms: Map<Platform, number> }
  >()
  for (const [topicId, mentionId] of topicPairs(ctx.db, range)) {
    const r = rows.get(mentionId)
    if (!r || !topics.has(topicId)) continue
    let p = per.get(topicId)
    if (!p) per.set(topicId, (p = { total: 0, neg: [], stories: new Set(), platforms: new Map() }))
    p.total++
    if (r.sentiment !== -1) continue
    p.neg.push(r)
    p.stories.add(r.story)
    p.platforms.set(r.platform, (p.platforms.get(r.platform) ?? 0) + 1)
  }
  const prev = topicNegatives(ctx.db, prevRange)
  const ranked = [...per.entries()]
    // "Other" gathers what no topic took: not a problem one can act on.
    .filter(([id, p]) => p.neg.length > 0 && topics.get(id)!.key !== OTHER_TOPIC_KEY)
    .map(([id, p]) => {
      const prevNeg = prev.get(id) ?? 0
      return { id, p, prevNeg, score: p.neg.length + Math.max(0, p.neg.length - prevNeg) }
    })
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.p.neg.length - a.p.neg.length ||
        topics.get(a.id)!.sort - topics.get(b.id)!.sort ||
        a.id - b.id
    )
    .slice(0, MAX_PROBLEMS)

  return ranked.map(({ id, p, prevNeg }) => {
    const neg = p.neg.length
    const growth = prevNeg > 0 ? (neg - prevNeg) / prevNeg : null
    const platforms = [...p.platforms.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([platform, count]) => ({ platform, name: platformName(ctx.lang, platform), count }))
    const item: ProblemItem = {
      topicId: id,
      name: topicName(topics.get(id)!, ctx.lang),
      negative: neg,
      total: p.total,
      negativeStories: p.stories.size,
      prevNegative: prevNeg,
      growth,
      platforms,
      summary: problemSummary(ctx.lang, neg, p.total, p.stories.size, prevNeg, growth, platforms),
      quotes: pickQuotes(ctx, p.neg, QUOTES_PER_PROBLEM, -1, queryKeys(topics.get(id)!.query))
    }
    return item
  })
}

function problemSummary(
  lang: Lang,
  neg: number,
  total: number,
  stories: number,
  prev: number,
  growth: number | null,
  platforms: { name: string; count: number }[]
): string {
  return t(lang, 'problemLine', {
    neg: formatInt(lang, neg),
    total: formatInt(lang, total),
    stories: formatInt(lang, stories),
    trend: trendText(lang, growth, prev),
    platforms: platforms
      .slice(0, 3)
      .map((p) => `${p.name} (${formatInt(lang, p.count)})`)
      .join(', ')
  })
}

/**
 * Key critical publications (negative, by reach) and positive highlights, pinned ones first; stories
 * already quoted under the problems are not repeated (the ledger), so the tables add what is new.
 */
export function buildHighlights(
  ctx: QuoteContext,
  rows: LightRow[]
): { critical: QuoteItem[]; positive: QuoteItem[] } {
  const pinned = (s: number): number => rows.filter((r) => ctx.pinned.has(r.id) && r.sentiment === s).length
  return {
    critical: pickQuotes(ctx, rows, Math.max(8, pinned(-1)), -1),
    positive: pickQuotes(ctx, rows, Math.max(5, pinned(1)), 1)
  }
}
