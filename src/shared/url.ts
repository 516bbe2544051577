/** Query parameters that only track a click; dropped when comparing URLs. */
const TRACKING =
  /^(utm_.*|fbclid|gclid|yclid|ysclid|igshid|mc_cid|mc_eid|_openstat|from|ref|ref_src|share|si|feature|rcm|__twitter_impression)$/i

/**
 * Parses an http(s) URL, or returns null for anything else (javascript:, file:, garbage).
 * safeHttpUrl('https://x.kz/a') → URL; safeHttpUrl('javascript:alert(1)') → null
 */
export function safeHttpUrl(raw: string | null | undefined): URL | null {
  if (!raw) return null
  const s = raw.trim()
  if (!s) return null
  let u: URL
  try {
    u = new URL(s)
  } catch {
    return null
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null
  if (!u.hostname) return null
  return u
}

/** Host without `www.` / `m.` prefixes, lower case: the `site:` key. hostKey('https://M.Tengrinews.kz/x') → 'tengrinews.kz' */
export function hostKey(raw: string | null | undefined): string | null {
  const u = safeHttpUrl(raw)
  if (!u) return null
  return u.hostname.toLowerCase().replace(/^(www\d*|m|mobile)\./, '')
}

/**
 * The comparison key of a URL: scheme dropped, host without www./m., tracking parameters and fragment
 * removed, remaining parameters sorted, trailing slash dropped.
 * urlKey('https://www.site.kz/news/1/?utm_source=x&b=2&a=1#top') → 'site.kz/news/1?a=1&b=2'
 */
export function urlKey(raw: string | null | undefined): string | null {
  const u = safeHttpUrl(raw)
  return u ? keyOf(u) : null
}

function keyOf(u: URL): string {
  const host = u.hostname.toLowerCase().replace(/^(www\d*|m|mobile)\./, '')
  const params = [...u.searchParams.entries()]
    .filter(([k]) => !TRACKING.test(k))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const path = u.pathname.replace(/\/+$/, '')
  const query = params.length ? '?' + params.map(([k, v]) => `${k}=${v}`).join('&') : ''
  const port = u.port ? `:${u.port}` : ''
  return `${host}${port}${path}${query}`
}

/** Path endings of images, video, audio and streams: a file, never a publication's own page. */
const MEDIA_EXT =
  /\.(jpe?g|jfif|png|gif|webp|avif|heic|heif|bmp|svg|ico|tiff?|mp4|m4v|mov|webm|mkv|avi|3gp|mp3|m4a|aac|ogg|oga|opus|wav|flac|m3u8|mpd)$/i
/** Hosts that serve only media files of social networks and CDNs (avatars, thumbnails, video files). */
const MEDIA_HOST =
  /(^|\.)(cdninstagram\.com|fbcdn\.net|fbsbx\.com|tiktokcdn(-[a-z]+)?\.com|tiktokv\.com|ibytedtos\.com|byteimg\.com|muscdn\.com|ytimg\.com|ggpht\.com|googleusercontent\.com|twimg\.com|userapi\.com|vkuserphoto\.ru|vkuservideo\.net|vkuseraudio\.net|vk-cdn\.net|mycdn\.me|okcdn\.ru|telegram-cdn\.org|cdn-telegram\.org|telesco\.pe|gravatar\.com|akamaihd\.net|cloudinary\.com|imgix\.net|pinimg\.com|licdn\.com|redd\.it|redditmedia\.com|sndcdn\.com|yt3\.googleusercontent\.com|avatars\.mds\.yandex\.net|img\.youtube\.com)$/i
/** Path parts naming avatars and thumbnails. */
const MEDIA_PATH = /(^|\/)(avatars?|userpics?|profile[_-]?pic(ture)?s?|thumbs?|thumbnails?|emoji)(\/|$)/i

/**
 * An image, video or audio file, or any URL of a media CDN (an avatar, a thumbnail): it identifies a
 * picture, not a publication. isMediaUrl('https://p16-sign.tiktokcdn.com/avt/1~100x100.jpeg?x=1') → true
 */
export function isMediaUrl(raw: string | null | undefined): boolean {
  const u = safeHttpUrl(raw)
  return u ? mediaUrl(u) : false
}

function mediaUrl(u: URL): boolean {
  if (MEDIA_HOST.test(u.hostname)) return true
  if (MEDIA_EXT.test(u.pathname)) return true
  return MEDIA_PATH.test(u.pathname)
}

/** Leading path parts that only pick a language version of a site. */
const LANG_SEGMENT = /^(ru|kk|kz|en|rus|kaz|eng|qaz|uz|ky|de|fr|es|zh|ar|tr|uk|ua)$/i
/** Path parts that lead to a listing: a tag, a category, an author's page. */
const LISTING_SEGMENT =
  /^(tags?|category|categories|rubric|rubrics|rubrika|topics?|section|sections|author|authors|archive|search|page|tema|teg|s)$/i
/** Query parameters that never pick one publication. */
const NON_ITEM_PARAM = /^(lang|language|hl|page|p|sort|order|view|amp|output|format)$/i

/**
 * A site's front page, a section, a listing or a profile: `https://site.kz/`, `/ru/news/`, `/tag/akimat`,
 * `t.me/channel`, `instagram.com/user`, `youtube.com/@handle`. Many publications share such an address,
 * so it cannot tell them apart. isSiteOrSectionUrl('https://site.kz/ru/news/') → true;
 * isSiteOrSectionUrl('https://site.kz/news/12345') → false
 */
export function isSiteOrSectionUrl(raw: string | null | undefined): boolean {
  const u = safeHttpUrl(raw)
  return u ? siteOrSection(u) : false
}

function siteOrSection(u: URL): boolean {
  const identifying = [...u.searchParams.keys()].some((k) => !TRACKING.test(k) && !NON_ITEM_PARAM.test(k))
  if (identifying) return false
  let parts = u.pathname
    .split('/')
    .filter(Boolean)
    .map((p) => {
      try {
        return decodeURIComponent(p)
      } catch {
        return p
      }
    })
  if (parts.length && LANG_SEGMENT.test(parts[0]!)) parts = parts.slice(1)
  const last = parts[parts.length - 1]
  if (last !== undefined && /^(index|default|main|home)\.(html?|php|aspx?)$/i.test(last))
    parts = parts.slice(0, -1)
  if (!parts.length) return true
  if (LISTING_SEGMENT.test(parts[0]!) && parts.length <= 2 && !/\d{3,}/.test(parts[1] ?? '')) return true
  if (parts.length === 1 && /^@[\p{L}\p{N}._-]+$/u.test(parts[0]!)) return true
  // One or two plain words (no digits, no hyphenated slug): a section such as /news or /ru/society.
  return parts.length <= 2 && parts.every((p) => /^[\p{L}_]{1,24}$/u.test(p))
}

/**
 * The comparison key of a URL when it is a publication's own address, else null: a media file or an
 * avatar, a front page, a section or a profile does not identify an item (the content key decides then).
 * itemUrlKey('https://site.kz/') → null; itemUrlKey('https://site.kz/news/1') → 'site.kz/news/1'
 */
export function itemUrlKey(raw: string | null | undefined): string | null {
  const u = safeHttpUrl(raw)
  if (!u || mediaUrl(u) || siteOrSection(u)) return null
  return keyOf(u)
}

/** Second-level labels under which a country's registrable domains sit (site.com.kz, site.co.uk). */
const SECOND_LEVEL = /^(com|org|net|gov|edu|co|ac|mil|nic|msk|spb|or|ne|go)$/

/**
 * The registrable domain of a URL's host, for "is this the item's own site": rss.site.kz and
 * www.site.kz are both site.kz; site.com.kz stays whole. siteDomain('https://rss.tengrinews.kz/x') → 'tengrinews.kz'
 */
export function siteDomain(raw: string | null | undefined): string | null {
  const u = safeHttpUrl(raw)
  const h = hostKey(raw)
  if (!u || !h) return null
  // Another port is another site (two services on one machine); an IP address is its own domain.
  if (u.port) return `${h}:${u.port}`
  if (/^[\d.]+$/.test(h) || h.includes(':')) return h
  const labels = h.split('.')
  if (labels.length <= 2) return h
  const n = labels.length
  const keep = labels[n - 1]!.length === 2 && SECOND_LEVEL.test(labels[n - 2]!) ? 3 : 2
  return labels.slice(n - keep).join('.')
}

const TME_HOSTS = /^(t\.me|telegram\.me|telegram\.dog)$/i

/**
 * The channel of a Telegram post link, lower case: telegramChannelOf('https://t.me/s/Beltau/12') → 'beltau';
 * null for other links and for private `t.me/c/<id>` links.
 */
export function telegramChannelOf(raw: string | null | undefined): string | null {
  const u = safeHttpUrl(raw)
  if (!u || !TME_HOSTS.test(u.hostname.replace(/^www\./i, ''))) return null
  let parts = u.pathname.split('/').filter(Boolean)
  if (parts[0] === 's') parts = parts.slice(1)
  const name = parts[0]
  if (!name || name === 'c' || !/^[a-z0-9_]{3,64}$/i.test(name)) return null
  return name.toLowerCase()
}
