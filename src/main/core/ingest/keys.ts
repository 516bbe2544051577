import { createHash } from 'node:crypto'
import type { AuthorInput, MentionInput, OutletInput, Platform } from '../../../shared/types'
import { hostKey, itemUrlKey, urlKey } from '../../../shared/url'
import { normalizeText } from '../../../shared/text'

/** Why a record was taken for one already stored: the same origin id, the same own URL, the same content. */
export type DuplicateReason = 'id' | 'url' | 'content'

/**
 * Origin ids that name a platform's own post (`tg:channel/42` from collection and `telegram:<chat>/<id>`
 * from Telegram Desktop exports are Telegram's). Such an id is a key only
 * on a record of that platform: an RSS item with guid `tg:channel/1` must not take over the real post.
 */
const PLATFORM_IDS: [RegExp, Platform][] = [[/^(tg|telegram):/i, 'telegram']]

/** The record's origin id when it may serve as a key, else null (empty, or another platform's id). */
export function trustedExternalId(rec: MentionInput): string | null {
  const id = rec.externalId?.trim()
  if (!id) return null
  for (const [re, platform] of PLATFORM_IDS) if (re.test(id) && rec.platform !== platform) return null
  return id
}

/**
 * The de-duplication key of a mention, by the first thing it has: an origin id (`id:`), else its URL when
 * that is the item's own address (`url:`; not an image, an avatar, a front page or a section), else
 * platform + author + time + text hash (`c:`). `urlKey` is the URL's comparison key under the same rule.
 * `shared` names URLs the caller knows to be given to different items (one file's comments on one
 * article): they are no key either.
 */
export function dedupKey(
  rec: MentionInput,
  shared?: ReadonlySet<string>
): { key: string; urlKey: string | null } {
  let uk = itemUrlKey(rec.url)
  if (uk && shared?.has(uk)) uk = null
  const id = trustedExternalId(rec)
  if (id) return { key: `id:${id}`, urlKey: uk }
  if (uk) return { key: `url:${uk}`, urlKey: uk }
  return { key: contentKey(rec), urlKey: null }
}

/** The content key: `c:` + hash of platform, author, time and normalised title and text. */
export function contentKey(rec: MentionInput): string {
  const text = normalizeText(`${rec.title ?? ''}\n${rec.text}`)
    .replace(/\s+/g, ' ')
    .trim()
  const author = rec.author ? normalizeText(rec.author.name) : ''
  return (
    'c:' +
    createHash('sha1')
      .update(`${rec.platform}\u0001${author}\u0001${rec.publishedAt}\u0001${text}`)
      .digest('hex')
      .slice(0, 24)
  )
}

/** How much of a text two records with one URL are compared by. */
export const SIGNATURE_CHARS = 2000

/** Title and text as compared between two records with one URL: normalised, spaces collapsed. */
export function contentSignature(title: string | null | undefined, text: string | null | undefined): string {
  const t = normalizeText(title ?? '')
    .replace(/\s+/g, ' ')
    .trim()
  // The first SIGNATURE_CHARS characters: what stored rows are compared by (the Ingestor reads that much).
  const b = normalizeText((text ?? '').slice(0, SIGNATURE_CHARS))
    .replace(/\s+/g, ' ')
    .trim()
  return `${t}\u0001${b}`
}

const WORDS_COMPARED = 80

function words(s: string): Set<string> {
  const out = new Set<string>()
  for (const w of normalizeText(s).split(/[^\p{L}\p{N}]+/u)) {
    if (w.length < 3) continue
    out.add(w)
    if (out.size >= WORDS_COMPARED) break
  }
  return out
}

/**
 * Whether two records with one URL read as one publication: equal titles, or most words of the shorter
 * one found in the other (an edited headline, a feed's summary against the full text). A reader's
 * comment and the article it is under share a URL but not their words.
 */
export function sameContent(
  a: { title?: string | null; text?: string | null },
  b: { title?: string | null; text?: string | null }
): boolean {
  const ta = normalizeText(a.title ?? '').trim()
  const tb = normalizeText(b.title ?? '').trim()
  if (ta && ta === tb) return true
  const wa = words(`${a.title ?? ''} ${(a.text ?? '').slice(0, 2000)}`)
  const wb = words(`${b.title ?? ''} ${(b.text ?? '').slice(0, 2000)}`)
  const [small, big] = wa.size <= wb.size ? [wa, wb] : [wb, wa]
  if (!small.size)
    return ta === tb && normalizeText(a.text ?? '').trim() === normalizeText(b.text ?? '').trim()
  let common = 0
  for (const w of small) if (big.has(w)) common++
  return common / small.size >= 0.5
}

/** One author per platform and profile URL (or name when there is no URL). */
export function authorKey(platform: Platform, a: AuthorInput): string {
  const uk = urlKey(a.url)
  return uk ? `${platform}|u:${uk}` : `${platform}|n:${normalizeText(a.name).trim()}`
}

/** One outlet per platform and site/channel (host for sites, URL for pages and channels, else name). */
export function outletKey(platform: Platform, o: OutletInput): string {
  if (platform === 'news' || platform === 'forum' || platform === 'blog') {
    const h = hostKey(o.url)
    if (h) return `${platform}|h:${h}`
  }
  const uk = urlKey(o.url)
  return uk ? `${platform}|u:${uk}` : `${platform}|n:${normalizeText(o.name).trim()}`
}
