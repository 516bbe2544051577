import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { parseFeed } from '../../collect/feed'
import { CollectError } from '../../collect/errors'
import { clock } from '../../../../shared/clock'
import { formatBytes, unreadable } from '../limits'
import { FEED } from '../mapping/preset-defs'
import type { CellValue } from '../values/dates'
import { hashFile } from './csv-source'
import type { Sniffed } from './sniff'
import type { Source, SourceRecord } from './types'

/**
 * The synthetic columns each feed item becomes: the feed preset's own signature (the preset maps them), so
 * the cells built below follow that one list.
 */
export const FEED_COLUMNS: readonly string[] = FEED.signature

/** A saved feed is parsed whole, like a fetched one; past this size it is refused with the limit named. */
export const MAX_FEED_FILE_BYTES = 64 * 1024 ** 2

/**
 * Reads a saved RSS / RDF / Atom file as one feed snapshot, through the same parser collection uses
 * (`collect/feed.ts`): the same items, ids, dates and texts as if it had been fetched now. An XML file
 * that is not a feed, or a web page, is refused saying so.
 */
export async function openFeedFile(path: string, size: number, sniffed: Sniffed): Promise<Source> {
  if (size > MAX_FEED_FILE_BYTES)
    throw unreadable(
      path,
      `it is a feed of ${formatBytes(size)}; saved feeds are read up to ${formatBytes(MAX_FEED_FILE_BYTES)}`,
      { limit: MAX_FEED_FILE_BYTES }
    )
  const buf = await readFile(path)
  const fetchedAt = clock.now()
  let feed: ReturnType<typeof parseFeed>
  try {
    // No address: relative links cannot be resolved and are left out; absolute ones are kept.
    const charset = sniffed.encoding?.startsWith('utf-16') ? `text/xml; charset=${sniffed.encoding}` : null
    feed = parseFeed(buf, charset, `file:///${basename(path)}`, {
      now: fetchedAt
    })
  } catch (e) {
    if (e instanceof CollectError) {
      if (e.kind === 'not-feed') {
        const root = /root <([^>]+)>/.exec(e.message)?.[1]
        throw unreadable(
          path,
          root
            ? `it is an XML file with root <${root}>, not an RSS, RDF or Atom feed (nor a CSV, XLSX or Telegram export)`
            : /web page|HTML/i.test(e.message)
              ? 'it is a web page (HTML), not a feed or an export; save the feed itself (its RSS link) or export CSV/XLSX'
              : `it is not a feed: ${e.message}`
        )
      }
      throw unreadable(path, `it looks like a feed but ${e.message.replace(/^the feed is /, 'is ')}`)
    }
    throw e
  }
  const records: SourceRecord[] = feed.items.map((m, i) => ({
    line: i + 1,
    cells: [
      m.externalId ?? null,
      m.publishedAt,
      m.title ?? null,
      m.text,
      m.url ?? null,
      m.author?.name ?? null,
      m.outlet?.name ?? null,
      m.outlet?.url ?? null,
      m.lang ?? null,
      m.kind ?? null
    ] satisfies CellValue[]
  }))
  const notes = feed.warnings.map((message) => ({ line: 0, message }))
  if (!records.length) notes.push({ line: 0, message: `The ${feed.format.toUpperCase()} feed has no items.` })
  let read = 0
  return {
    layout: {
      format: 'feed',
      encoding: feed.encoding,
      delimiter: null,
      sheet: null,
      sheets: [],
      headerRow: null,
      headers: [...FEED_COLUMNS],
      match: { preset: FEED, matched: FEED.signature.length, score: 1 },
      sample: records.slice(0, 100),
      notes
    },
    totalBytes: size,
    bytesRead: () => read,
    async *records(signal?: AbortSignal) {
      for (let i = 0; i < records.length; i += 1000) {
        signal?.throwIfAborted()
        yield records.slice(i, i + 1000)
      }
      read = size
    },
    sha256: () => hashFile(path),
    endNotes: () => []
  }
}
