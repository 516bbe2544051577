import { createHash } from 'node:crypto'
import type { AuthorInput, MentionInput, OutletInput, Platform } from '../../../shared/types'
import { hostKey, urlKey } from '../../../shared/url'
import { normalizeText } from '../../../shared/text'

/**
 * The de-duplication key of a mention, by the first thing it has:
 * an origin id (`id:`), else its normalised URL (`url:`), else platform + author + time + text hash (`c:`).
 */
export function dedupKey(rec: MentionInput): { key: string; urlKey: string | null } {
  const uk = urlKey(rec.url)
  if (rec.externalId && rec.externalId.trim()) return { key: `id:${rec.externalId.trim()}`, urlKey: uk }
  if (uk) return { key: `url:${uk}`, urlKey: uk }
  return { key: `c:${contentHash(rec)}`, urlKey: null }
}

function contentHash(rec: MentionInput): string {
  const text = normalizeText(`${rec.title ?? ''}\n${rec.text}`)
    .replace(/\s+/g, ' ')
    .trim()
  const author = rec.author ? normalizeText(rec.author.name) : ''
  return createHash('sha1')
    .update(`${rec.platform}\u0001${author}\u0001${rec.publishedAt}\u0001${text}`)
    .digest('hex')
    .slice(0, 24)
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
