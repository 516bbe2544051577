import { parse, type HTMLElement } from 'node-html-parser'
import { OtklikError } from '../../../shared/errors'
import type { MentionInput, OutletInput } from '../../../shared/types'
import { safeHttpUrl } from '../../../shared/url'
import { parseFeedDate } from './dates'
import { elementToText, HTML_OPTIONS, tagNestingWithin } from './html-text'
import { CollectError } from './errors'
import { clock } from '../../../shared/clock'

export interface TelegramTarget {
  /** The channel's username as written on its page (case kept). */
  channel: string
  /** The web preview to fetch: https://t.me/s/<channel>, or the full address given. */
  url: string
}

const NAME = /^[A-Za-z][A-Za-z0-9_]{3,31}$/
const TME_HOSTS = new Set(['t.me', 'telegram.me', 'www.t.me', 'www.telegram.me', 'telegram.dog'])

/**
 * Reads a channel given as `name`, `@name`, `t.me/name`, `https://t.me/name`, `https://t.me/s/name`,
 * a post link `https://t.me/name/123`, or the full address of any page with the t.me/s structure
 * (`http://127.0.0.1:8080/s/name`, kept as is). Throws OtklikError VALIDATION otherwise.
 */
export function normaliseTelegramTarget(target: string): TelegramTarget {
  const t = (target ?? '').trim()
  const bad = (why: string): OtklikError =>
    new OtklikError(
      'VALIDATION',
      `"${t}" is not a public Telegram channel: ${why}. Give its username (@name) or link (https://t.me/name).`,
      { target: t }
    )
  if (!t) throw bad('empty')
  const bare = t.replace(/^@/, '')
  if (NAME.test(bare)) return { channel: bare, url: `https://t.me/s/${bare}` }
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(t) ? t : `https://${t}`
  const u = safeHttpUrl(withScheme)
  if (!u) throw bad('not a name or a web address')
  const parts = u.pathname.split('/').filter(Boolean)
  if (TME_HOSTS.has(u.hostname.toLowerCase())) {
    const name = parts[0] === 's' ? parts[1] : parts[0]
    if (name && (name.startsWith('+') || name === 'joinchat'))
      throw bad('invite links lead to private chats, which have no public preview')
    if (!name || !NAME.test(name)) throw bad('no channel name in the link')
    return { channel: name, url: `https://t.me/s/${name}` }
  }
  // Another host: accepted when it has the /s/<name> structure of the web preview (mirrors, test servers).
  const at = parts.indexOf('s')
  const name = at >= 0 ? parts[at + 1] : undefined
  if (!name || !NAME.test(name)) throw bad('the address has no /s/<channel> part of a Telegram web preview')
  u.hash = ''
  u.searchParams.delete('before')
  return { channel: name, url: u.href }
}

export interface TelegramPost {
  /** The number after the slash in data-post. */
  id: number
  mention: MentionInput
}

export interface TelegramPage {
  /** Username from the posts or the channel header. */
  channel: string | null
  /** Display name of the channel. */
  title: string | null
  subscribers: number | null
  /** True when the page has the channel header or at least one message: the preview exists. */
  hasPreview: boolean
  /** Publications (service messages skipped), oldest first as on the page. */
  posts: TelegramPost[]
  /** Ids of every message on the page, service ones included (paging). */
  ids: number[]
  /** data-before of the "load older" link, when the page has one. */
  before: number | null
}

/**
 * Parses one t.me/s/<channel> page. Post URLs are https://t.me/<channel>/<id> and external ids
 * `tg:<channel>/<id>` whatever host served the page. Dates are read from time[datetime] (ISO with offset).
 */
export function parseTelegramPage(
  html: string,
  baseUrl: string,
  opts: { timeZone?: string; now?: number } = {}
): TelegramPage {
  try {
    return readTelegramPage(html, baseUrl, opts)
  } catch (e) {
    if (e instanceof CollectError || e instanceof OtklikError) throw e
    // node-html-parser can throw on hostile markup (an attribute named "constructor"…).
    throw new CollectError(
      'parse',
      `the page could not be read as a Telegram preview (${(e as Error)?.message ?? String(e)})`,
      'Check the channel address; if it is right, try again later.'
    )
  }
}

function readTelegramPage(
  html: string,
  baseUrl: string,
  opts: { timeZone?: string; now?: number }
): TelegramPage {
  const tz = opts.timeZone ?? 'Asia/Almaty'
  const now = opts.now ?? clock.now()
  if (!tagNestingWithin(html))
    throw new CollectError(
      'parse',
      'the page is not a Telegram preview: its HTML nests thousands of elements deep',
      'Check the channel address; it should open the channel’s public preview (t.me/s/<channel>).'
    )
  const root = parse(html, HTML_OPTIONS)
  const infoTitle = text(root.querySelector('.tgme_channel_info_header_title'))
  const infoUser = text(root.querySelector('.tgme_channel_info_header_username')).replace(/^@/, '')
  let subscribers: number | null = null
  for (const c of root.querySelectorAll('.tgme_channel_info_counter')) {
    if (/subscriber|member|подписчик|участник|жазылушы/i.test(text(c.querySelector('.counter_type')))) {
      subscribers = parseCount(text(c.querySelector('.counter_value')))
    }
  }
  const metaTitle = root.querySelector('meta[property="og:title"]')?.getAttribute('content')?.trim() || null
  const messages = root.querySelectorAll('div.tgme_widget_message[data-post]')
  const fromUrl = channelFromUrl(baseUrl)
  let channel: string | null = infoUser || null
  const ids: number[] = []
  const posts: TelegramPost[] = []
  for (const m of messages) {
    const [ch, idText] = (m.getAttribute('data-post') ?? '').split('/')
    const id = Number(idText)
    if (!ch || !Number.isSafeInteger(id) || id <= 0) continue
    channel ??= ch
    ids.push(id)
    if (m.classList.contains('service_message')) continue
    posts.push({ id, mention: messageToMention(m, ch, id, tz, now) })
  }
  channel ??= fromUrl
  const title =
    infoTitle ||
    (messages.length ? text(root.querySelector('.tgme_widget_message_owner_name')) : '') ||
    metaTitle
  const outlet: OutletInput | null = channel
    ? { name: title || channel, url: `https://t.me/${channel}`, audience: subscribers }
    : null
  for (const p of posts) {
    p.mention.outlet = outlet
    p.mention.author = {
      name: title || channel || '',
      url: channel ? `https://t.me/${channel}` : null,
      type: 'media',
      followers: subscribers
    }
  }
  const more = root.querySelector('.tme_messages_more[data-before]')
  const before = more ? Number(more.getAttribute('data-before')) : NaN
  return {
    channel,
    title: title || null,
    subscribers,
    hasPreview: messages.length > 0 || !!root.querySelector('.tgme_channel_info'),
    posts,
    ids,
    before: Number.isSafeInteger(before) && before > 0 ? before : null
  }
}

function messageToMention(
  m: HTMLElement,
  channel: string,
  id: number,
  tz: string,
  now: number
): MentionInput {
  // The message's own text, not the quoted text inside a reply or a link preview.
  const own = m
    .querySelectorAll('.tgme_widget_message_text')
    .find((el) => !insideAny(el, m, ['tgme_widget_message_reply', 'tgme_widget_message_link_preview']))
  const parts: string[] = []
  const body = own ? elementToText(own) : ''
  if (body) parts.push(body)
  const preview = m.querySelector('a.tgme_widget_message_link_preview, .tgme_widget_message_link_preview')
  if (preview) {
    const pTitle = text(preview.querySelector('.link_preview_title'))
    const pDesc = preview.querySelector('.link_preview_description')
    const desc = pDesc ? elementToText(pDesc) : ''
    // The preview is kept as part of the text (what readers see), unless the post already quotes it.
    for (const p of [pTitle, desc]) if (p && !body.includes(p)) parts.push(p)
  }
  const forwardedFrom = text(
    m.querySelector('.tgme_widget_message_forwarded_from_name, .tgme_widget_message_forwarded_from a')
  )
  const time = m.querySelector('.tgme_widget_message_date time[datetime], time[datetime]')
  const dated = parseFeedDate(time?.getAttribute('datetime') ?? null, tz) ?? now
  // As for feeds: a post dated more than a day ahead would sit on top of every list; it gets the fetch time.
  const publishedAt = dated > now + 86_400_000 ? now : dated
  const views = parseCount(text(m.querySelector('.tgme_widget_message_views')))
  return {
    externalId: `tg:${channel}/${id}`,
    publishedAt,
    title: null,
    text: forwardedFrom
      ? `Forwarded from ${forwardedFrom}\n${parts.join('\n\n')}`.trim()
      : parts.join('\n\n'),
    url: `https://t.me/${channel}/${id}`,
    platform: 'telegram',
    kind: forwardedFrom ? 'repost' : 'post',
    views
  }
}

function insideAny(el: HTMLElement, stop: HTMLElement, classes: string[]): boolean {
  for (let p = el.parentNode; p && p !== stop; p = p.parentNode) {
    if (classes.some((c) => p.classList?.contains(c))) return true
  }
  return false
}

function text(el: HTMLElement | null | undefined): string {
  return el ? elementToText(el).replace(/\s+/g, ' ').trim() : ''
}

/** '1.2K' → 1200, '15.3M' → 15300000, '2 786' → 2786, '1,5K' → 1500. */
export function parseCount(s: string | null | undefined): number | null {
  if (!s) return null
  const m = /^([\d\s\u00a0.,]+)\s*(тыс|млн|млрд|[KMBкмт])?/i.exec(s.trim())
  if (!m) return null
  const unit = (m[2] ?? '').toLowerCase()
  let numText = m[1]!.replace(/[\s\u00a0]/g, '')
  numText = unit ? numText.replace(',', '.') : numText.replace(/[.,](?=\d{3}\b)/g, '').replace(',', '.')
  const n = Number(numText)
  if (!Number.isFinite(n)) return null
  const mult =
    unit === 'млрд' || unit === 'b' ? 1e9 : /^(k|к|т)/.test(unit) ? 1e3 : /^(m|м)/.test(unit) ? 1e6 : 1
  return Math.round(n * mult)
}

function channelFromUrl(url: string): string | null {
  const u = safeHttpUrl(url)
  if (!u) return null
  const parts = u.pathname.split('/').filter(Boolean)
  const at = parts.indexOf('s')
  const name = at >= 0 ? parts[at + 1] : parts[0]
  return name && NAME.test(name) ? name : null
}
