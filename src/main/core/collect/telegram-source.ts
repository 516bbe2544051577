import type { MentionInput } from '../../../shared/types'
import type { SourceAdapter } from './adapter'
import { decodeBody } from './charset'
import { CollectError } from './errors'
import { readState } from './sources'
import { normaliseTelegramTarget, parseTelegramPage } from './telegram'

const HTML_ACCEPT = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5'

/**
 * A public channel through its web preview: the newest page, then older pages (?before=<id>) until the
 * last post seen in the previous run (sources.state.lastId), at most telegramFirstRunPages on the
 * first run and telegramMaxPages later. Posts already stored come back as duplicates, which refreshes
 * their view counts.
 */
export const collectTelegram: SourceAdapter = async (row, ctx) => {
  const state = readState(row)
  const lastId = typeof state.lastId === 'number' ? state.lastId : null
  const maxPages = Math.max(
    1,
    lastId === null ? ctx.settings.telegramFirstRunPages : ctx.settings.telegramMaxPages
  )
  const { channel: wanted } = normaliseTelegramTarget(row.target)
  const byId = new Map<number, MentionInput>()
  let newest = lastId ?? 0
  let title: string | null = null
  let pageUrl = row.url
  for (let page = 0; page < maxPages; page++) {
    const res = await ctx.http.fetch(pageUrl, { accept: HTML_ACCEPT, signal: ctx.signal })
    if (!/(^|\/)s\/[^/]+/.test(new URL(res.url).pathname))
      throw noPreview(wanted, `t.me/s/${wanted} redirects to ${res.url}`)
    const parsed = parseTelegramPage(decodeBody(res.body, res.contentType).text, res.url, {
      timeZone: ctx.timeZone,
      now: ctx.now()
    })
    if (page === 0 && !parsed.hasPreview)
      throw noPreview(wanted, 'the page shows neither messages nor channel information')
    title ??= parsed.title
    for (const p of parsed.posts) byId.set(p.id, p.mention)
    if (!parsed.ids.length) break
    const oldest = Math.min(...parsed.ids)
    newest = Math.max(newest, ...parsed.ids)
    if (lastId !== null && oldest <= lastId + 1) break
    // No "older" link: the page reaches the channel's first post.
    const before = parsed.before
    if (before === null || before <= 1) break
    pageUrl = withBefore(row.url, before)
  }
  const items = [...byId.entries()].sort((a, b) => a[0] - b[0]).map(([, m]) => m)
  return { status: 'ok', items, state: { ...state, lastId: newest || undefined }, title, warnings: [] }
}

function withBefore(url: string, before: number): string {
  const u = new URL(url)
  u.searchParams.set('before', String(before))
  return u.href
}

function noPreview(channel: string, why: string): CollectError {
  return new CollectError(
    'no-preview',
    `the channel @${channel} has no public web preview (${why})`,
    'It may be private, renamed or closed to previews: check t.me/s/' +
      channel +
      ' in a browser, or export it from Telegram Desktop and import result.json.'
  )
}
