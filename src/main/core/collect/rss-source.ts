import type { SourceAdapter } from './adapter'
import { parseFeed } from './feed'

const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5'

/** RSS / RDF / Atom: one conditional GET; 304 means nothing changed. */
export const collectFeed: SourceAdapter = async (row, ctx) => {
  const res = await ctx.http.fetch(row.url, {
    etag: row.etag,
    lastModified: row.last_modified,
    accept: FEED_ACCEPT,
    signal: ctx.signal
  })
  if (res.notModified) return { status: 'not-modified', items: [], warnings: [] }
  const feed = parseFeed(res.body, res.contentType, res.url, { timeZone: ctx.timeZone, now: ctx.now() })
  return {
    status: 'ok',
    items: feed.items,
    etag: res.etag,
    lastModified: res.lastModified,
    title: feed.title,
    warnings: feed.warnings
  }
}
