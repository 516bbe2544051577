import type { Platform } from '../../../../shared/types'
import { PLATFORMS } from '../../../../shared/types'
import { memo } from './memo'

/** Social hosts; any other host is a site (news unless the source type says forum or blog). */
const HOSTS: [RegExp, Platform][] = [
  [/(^|\.)(vk\.com|vk\.ru|vkontakte\.ru|vkvideo\.ru)$/, 'vk'],
  [/(^|\.)(t\.me|telegram\.me|telegram\.org|telesco\.pe)$/, 'telegram'],
  [/(^|\.)(instagram\.com|instagr\.am)$/, 'instagram'],
  [/(^|\.)(facebook\.com|fb\.com|fb\.me|fb\.watch)$/, 'facebook'],
  [/(^|\.)(youtube\.com|youtu\.be)$/, 'youtube'],
  [/(^|\.)tiktok\.com$/, 'tiktok'],
  [/(^|\.)(twitter\.com|x\.com|t\.co)$/, 'x'],
  [/(^|\.)(ok\.ru|odnoklassniki\.ru)$/, 'ok'],
  [/(^|\.)(threads\.net|threads\.com)$/, 'threads']
]

/** The platform a host belongs to, or null for an ordinary site. platformOfHost('m.vk.com') === 'vk' */
export function platformOfHost(host: string): Platform | null {
  const h = host.toLowerCase().replace(/\.$/, '')
  for (const [re, p] of HOSTS) if (re.test(h)) return p
  return null
}

/** Platform names as exports write them ('ВКонтакте', 'SOCIALMEDIA_TWITTER', 'Telegram', 'vk.com', 'Форум'). */
const NAMES: [RegExp, Platform][] = [
  [/^(vk|вк|vkontakte|вконтакте|в контакте)$/, 'vk'],
  [/^(telegram|телеграм|телеграмм|tg)$/, 'telegram'],
  [/^(instagram|инстаграм|инстаграмм|ig)$/, 'instagram'],
  [/^(facebook|фейсбук|fb)$/, 'facebook'],
  [/^(youtube|ютуб|ютьюб)$/, 'youtube'],
  [/^(tiktok|тикток)$/, 'tiktok'],
  [/^(twitter|твиттер|x)$/, 'x'],
  [/^(ok|ок|odnoklassniki|одноклассники)$/, 'ok'],
  [/^(threads|тредс)$/, 'threads'],
  [/^(forum|forums|форум|форумы)$/, 'forum'],
  [/^(blog|blogs|блог|блоги|microblog|микроблог)$/, 'blog'],
  [
    /^(news|сми|onlinenews|online news|новости|media|пресса|print|печать|tv|тв|радио|radio|broadcast)$/,
    'news'
  ]
]

/**
 * Reads a platform/source column: a known name, a canonical key, or a host. null when it says nothing
 * we know (then the URL decides). platformFromValue('ВКонтакте') === 'vk'; ('SOCIALMEDIA_TWITTER') === 'x'
 */
export function platformFromValue(v: string | null | undefined): Platform | null {
  if (!v) return null
  const k = v.trim().toLowerCase()
  if (!k) return null
  if ((PLATFORMS as readonly string[]).includes(k)) return k as Platform
  if (/^[a-z0-9.-]+\.[a-z]{2,}$/.test(k)) return platformOfHost(k.replace(/^www\./, '')) ?? null
  for (const [re, p] of NAMES) if (re.test(k)) return p
  for (const token of k.split(/[^\p{L}\p{N}]+/u)) {
    if (!token || token.length < 2) continue
    for (const [re, p] of NAMES) if (p !== 'x' && p !== 'ok' && re.test(token)) return p
  }
  if (/twitter|твиттер/.test(k)) return 'x'
  return null
}

/** Source type words that turn a site into a forum or a blog. */
export function sourceTypeOverride(v: string | null | undefined): 'forum' | 'blog' | 'news' | null {
  if (!v) return null
  const k = v.toLowerCase()
  if (/форум|forum|отзыв|review|board|q&a|вопрос/.test(k)) return 'forum'
  if (/блог|blog/.test(k)) return 'blog'
  if (/сми|news|новост|media|пресс|online/.test(k)) return 'news'
  return null
}

const HOST = /^https?:\/\/(?:[^@/?#]*@)?([^/?#:]+)/i

/** The host of an http(s) URL string, lower case, without parsing it fully. hostOf('https://VK.com/x') === 'vk.com' */
export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null
  const m = HOST.exec(url)
  return m ? m[1]!.toLowerCase() : null
}

const hostPlatform = memo((h: string) => platformOfHost(h))
const columnPlatform = memo((v: string) => platformFromValue(v))
const typeOverride = memo((v: string) => sourceTypeOverride(v) ?? platformFromValue(v))

/**
 * The platform of a mention: a platform column first, then the URL's host (social hosts), then the
 * source type (forum/blog); any other site is news; no URL and no hint at all is other.
 * `urls` are already-validated http(s) URLs (the mention's, its outlet's, its author's).
 */
export function derivePlatform(opts: {
  column?: string | null
  sourceType?: string | null
  urls: (string | null | undefined)[]
}): Platform {
  const fromColumn = opts.column ? columnPlatform(opts.column) : null
  if (fromColumn && fromColumn !== 'news' && fromColumn !== 'other') return fromColumn
  let hasHost = false
  for (const u of opts.urls) {
    const h = hostOf(u)
    if (!h) continue
    hasHost = true
    const byHost = hostPlatform(h)
    if (byHost) return byHost
    break
  }
  const st = opts.sourceType ? typeOverride(opts.sourceType) : null
  if (st === 'forum' || st === 'blog') return st
  if (st && st !== 'news' && st !== 'other') return st
  if (fromColumn) return fromColumn
  return hasHost || st === 'news' ? 'news' : 'other'
}
