import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { parse as parseHtml } from 'node-html-parser'
import type { MentionInput, OutletInput } from '../../../shared/types'
import { hostKey, itemUrlKey, safeHttpUrl } from '../../../shared/url'
import { implausibleDate } from '../../../shared/published'
import { decodeBody } from './charset'
import { readFeedDate } from './dates'
import { CollectError } from './errors'
import { htmlToText } from './html-text'
import { clock } from '../../../shared/clock'

export interface ParsedFeed {
  format: 'rss' | 'rdf' | 'atom'
  title: string | null
  /** The site the feed belongs to (channel link), absolute. */
  siteUrl: string | null
  language: string | null
  encoding: string
  items: MentionInput[]
  warnings: string[]
}

export interface ParseFeedOptions {
  /** Zone for dates written without an offset (the workspace zone). */
  timeZone?: string
  /** Fetch time: the date of undated items, and the cap for dates in the future. */
  now?: number
}

type XmlNode = Record<string, unknown>
const MAX_TEXT = 100_000

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => /(^|:)(item|entry)$/.test(name),
  // Atom text constructs are read raw: their `type` says how (text, html, xhtml, base64), and xhtml
  // keeps its words in document order only as markup.
  stopNodes: ['feed.entry.title', 'feed.entry.summary', 'feed.entry.content']
})

/**
 * Parses an RSS 2.0, RSS 1.0/RDF or Atom 1.0 feed into mentions (platform 'news', kind 'article').
 * `contentType` (the HTTP header) supplies the charset; `baseUrl` (the feed's address) resolves relative links.
 * Throws CollectError 'not-feed' for an HTML page or other XML, 'parse' for XML that is not well-formed.
 */
export function parseFeed(
  buf: Buffer | string,
  contentType: string | null,
  baseUrl: string,
  opts: ParseFeedOptions = {}
): ParsedFeed {
  const tz = opts.timeZone ?? 'Asia/Almaty'
  const now = opts.now ?? clock.now()
  const warnings: string[] = []
  let xml: string
  let encoding = 'utf-8'
  if (typeof buf === 'string') xml = buf
  else {
    const d = decodeBody(buf, contentType)
    xml = d.text
    encoding = d.encoding
    if (d.warning) warnings.push(d.warning)
  }
  xml = xml.replace(/^\uFEFF/, '').trimStart()
  if (!xml)
    throw new CollectError(
      'not-feed',
      'the address returned an empty response',
      'Check the address in a browser; it should show the feed XML.'
    )
  if (looksLikeHtml(xml)) throw htmlInsteadOfFeed(xml, baseUrl)

  let doc = tryParse(xml)
  if (typeof doc === 'string') {
    // A bare "&" in text is the commonest defect of real feeds: escape it and try once more.
    const fixed = xml.replace(/&(?!(?:[a-zA-Z][\w.-]*|#\d+|#x[0-9a-fA-F]+);)/g, '&amp;')
    const again = fixed !== xml ? tryParse(fixed) : doc
    if (typeof again === 'string') {
      throw new CollectError(
        'parse',
        `the feed is not well-formed XML (${doc})`,
        'The site publishes a broken feed; try again later or tell the site.'
      )
    }
    warnings.push('bare "&" characters in the feed were escaped')
    doc = again
  }

  const rss = child(doc, 'rss')
  const rdf = child(doc, 'RDF')
  const atom = child(doc, 'feed')
  if (isNode(rss)) {
    const ch = node(child(rss, 'channel'))
    return build('rss', ch, arr(child(ch, 'item')), baseUrl, tz, now, encoding, warnings)
  }
  if (isNode(rdf)) {
    const ch = node(child(rdf, 'channel'))
    // RSS 1.0 puts items beside the channel; some producers nest them.
    const items = arr(child(rdf, 'item')).concat(arr(child(ch, 'item')))
    return build('rdf', ch, items, baseUrl, tz, now, encoding, warnings)
  }
  if (isNode(atom))
    return build('atom', atom, arr(child(atom, 'entry')), baseUrl, tz, now, encoding, warnings)
  const root = Object.keys(doc).find((k) => !k.startsWith('?') && !k.startsWith('#')) ?? 'nothing'
  throw new CollectError(
    'not-feed',
    `the address returns XML with root <${root}>, not an RSS, RDF or Atom feed`,
    'Find the feed link on the site (often /rss or /feed).'
  )
}

function tryParse(xml: string): XmlNode | string {
  const v = XMLValidator.validate(xml)
  if (v !== true) return `line ${v.err.line}: ${v.err.msg}`
  try {
    return parser.parse(xml) as XmlNode
  } catch (e) {
    // The parser is stricter than the validator in places (an unclosed <?xml …?>): still "not well-formed".
    return (e as Error).message
  }
}

function build(
  format: ParsedFeed['format'],
  ch: XmlNode,
  items: unknown[],
  baseUrl: string,
  tz: string,
  now: number,
  encoding: string,
  warnings: string[]
): ParsedFeed {
  const title = htmlToText(text(child(ch, 'title'))) || null
  const siteUrl =
    (format === 'atom' ? atomLink(ch, baseUrl) : absolute(text(child(ch, 'link')), baseUrl)) ??
    originOf(baseUrl)
  const langRaw = text(child(ch, 'language')) || attr(ch, 'xml:lang')
  const language = /^[a-z]{2}\b/i.test(langRaw) ? langRaw.slice(0, 2).toLowerCase() : null
  const feedBase = format === 'atom' ? xmlBase(ch, baseUrl) : baseUrl
  const outlet: OutletInput = { name: title ?? hostKey(siteUrl ?? baseUrl) ?? baseUrl, url: siteUrl }
  const idHost = hostKey(siteUrl ?? baseUrl) ?? 'feed'
  const out: MentionInput[] = []
  let undated = 0
  let future = 0
  let ancient = 0
  for (const raw of items) {
    if (!isNode(raw)) continue
    const it = raw
    const atomEntry = format === 'atom'
    const itemTitle =
      (atomEntry ? atomText(child(it, 'title')) : htmlToText(deepText(child(it, 'title')))) || null
    const entryBase = atomEntry ? xmlBase(it, feedBase) : baseUrl
    const guidNode = child(it, 'guid')
    // RSS 2.0: a guid is the item's permalink unless isPermaLink="false".
    const permalink =
      !atomEntry && isNode(guidNode) && attr(guidNode, 'isPermaLink').toLowerCase() === 'false'
        ? null
        : absolute(/^https?:\/\//i.test(text(guidNode)) ? text(guidNode) : null, baseUrl)
    const link = atomEntry
      ? atomLink(it, entryBase)
      : (absolute(text(child(it, 'link')) || attr(it, 'rdf:about'), baseUrl) ?? permalink)
    const bodies = [
      child(it, 'encoded'),
      child(it, 'content'),
      child(it, 'description'),
      child(it, 'summary')
    ]
    let body = ''
    for (const b of bodies) {
      const t = atomEntry ? atomText(b) : htmlToText(deepText(b))
      if (t.length > body.length) body = t
    }
    if (body.length > MAX_TEXT) body = body.slice(0, MAX_TEXT)
    if (!itemTitle && !body && !link) continue
    const guid = text(child(it, 'guid')) || text(child(it, 'id')) || attr(it, 'rdf:about')
    // A guid that is a front page or a section (copied from a shared link) identifies nothing, and an
    // item without a guid has no id: the ingest keys (its own URL, else its content) decide then.
    const externalId = !guid
      ? null
      : /^https?:\/\//i.test(guid)
        ? itemUrlKey(guid)
          ? guid
          : null
        : guid.includes(':')
          ? guid
          : `${idHost}:${guid}`
    // Publication first (RSS pubDate, dc:date, Atom published, Atom 0.3 / dcterms issued and created),
    // then the last change (Atom updated, Atom 0.3 / dcterms modified).
    const dateRaw =
      text(child(it, 'pubDate')) ||
      text(child(it, 'date')) ||
      text(child(it, 'published')) ||
      text(child(it, 'issued')) ||
      text(child(it, 'created')) ||
      text(child(it, 'updated')) ||
      text(child(it, 'modified'))
    // Read as written, so that a date before 1990 is told apart from a missing one in the warnings; both
    // are taken as missing (parseFeedDate) and dated by the fetch time.
    const written = readFeedDate(dateRaw, tz)
    let publishedAt = written !== null && Number.isFinite(written) ? written : null
    const odd = publishedAt === null ? null : implausibleDate(publishedAt, now)
    if (publishedAt === null) {
      undated++
      publishedAt = now
    } else if (odd === 'too-old') {
      ancient++
      publishedAt = now
    } else if (odd === 'future') {
      future++
      publishedAt = now
    }
    const authorName = authorOf(it)
    out.push({
      externalId,
      publishedAt,
      title: itemTitle,
      text: body,
      url: link,
      platform: 'news',
      kind: 'article',
      lang: language,
      author: authorName ? { name: authorName, type: 'unknown' } : null,
      outlet
    })
  }
  if (undated) warnings.push(`${undated} item(s) without a readable date were dated by the fetch time`)
  if (ancient)
    warnings.push(`${ancient} item(s) dated before 1990 (such as 1970-01-01) were dated by the fetch time`)
  if (future) warnings.push(`${future} item(s) dated more than a day ahead were dated by the fetch time`)
  return { format, title, siteUrl, language, encoding, items: out, warnings }
}

function authorOf(it: XmlNode): string | null {
  const dc = text(child(it, 'creator'))
  if (dc) return htmlToText(dc) || null
  const a = child(it, 'author')
  const first = Array.isArray(a) ? a[0] : a
  if (isNode(first)) return htmlToText(text(child(first, 'name'))) || null
  const s = text(first)
  if (!s) return null
  // RSS 2.0 author is an e-mail, often "mail@site.kz (Name)".
  const paren = trailingParen(s)
  if (paren) return paren.trim()
  return s.includes('@') && !s.includes(' ') ? null : htmlToText(s) || null
}

/**
 * "mail@site.kz (Name)" → "Name": what /\(([^)]+)\)\s*$/ captures, in linear time (that regex is
 * quadratic on a long run of "(" — a feed is untrusted input).
 */
function trailingParen(s: string): string | null {
  const t = s.trimEnd()
  if (!t.endsWith(')')) return null
  const inner = t.slice(0, -1)
  const open = inner.indexOf('(', inner.lastIndexOf(')') + 1)
  return open >= 0 && open < inner.length - 1 ? inner.slice(open + 1) : null
}

/** An element's xml:base resolved against its parent's base (the base stays as it is when there is none). */
function xmlBase(n: XmlNode, parent: string): string {
  const b = attr(n, 'xml:base')
  if (!b) return parent
  try {
    return new URL(b, parent).href
  } catch {
    return parent
  }
}

/**
 * An Atom text construct (RFC 4287 3.1), read raw: type="text" (the default) is plain text, where "<"
 * is a character; "html" is escaped HTML; "xhtml" is a div of markup. Atom 0.3 adds mode="base64" and
 * mode="escaped", and MIME types (text/html, text/plain).
 */
function atomText(v: unknown): string {
  if (Array.isArray(v)) return v.map(atomText).find(Boolean) ?? ''
  const node = isNode(v) ? v : null
  const raw = node
    ? typeof node['#text'] === 'string'
      ? node['#text']
      : deepText(node)
    : typeof v === 'string'
      ? v
      : ''
  if (!raw) return ''
  const type = (node ? attr(node, 'type') : '').toLowerCase() || 'text'
  const mode = (node ? attr(node, 'mode') : '').toLowerCase()
  const html = type === 'html' || type.endsWith('/html') || mode === 'escaped'
  if (mode === 'base64') {
    const bytes = Buffer.from(decodeOnce(raw).replace(/\s+/g, ''), 'base64').toString('utf8')
    return html || /^\s*</.test(bytes) ? htmlToText(bytes) : tidyText(bytes)
  }
  // CDATA holds characters as they are: escape them so that the one decoding below gives them back.
  const unwrapped = raw.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_m, c: string) =>
    c.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  )
  if (type === 'xhtml' || type.endsWith('xhtml+xml')) return htmlToText(unwrapped)
  if (html) return htmlToText(decodeOnce(unwrapped))
  // Plain text: its entities decode once and an escaped "<" stays a character (stray markup from a
  // careless feed is read as HTML).
  return htmlToText(unwrapped)
}

/** Decodes XML and HTML entities once; markup in the result stays markup. */
function decodeOnce(s: string): string {
  if (!s.includes('&')) return s
  return parseHtml(s.replace(/</g, '&lt;')).text
}

function tidyText(s: string): string {
  return s.replace(/\s+/g, ' ').trim()
}

/** Atom: the rel="alternate" (or rel-less) link, resolved against the entry's xml:base. */
function atomLink(n: XmlNode, baseUrl: string): string | null {
  const links = arr(child(n, 'link'))
  let fallback: string | null = null
  for (const l of links) {
    if (typeof l === 'string') {
      fallback ??= absolute(l, baseUrl)
      continue
    }
    if (!isNode(l)) continue
    const rel = attr(l, 'rel') || 'alternate'
    const href = absolute(attr(l, 'href'), xmlBase(l, baseUrl))
    if (!href) continue
    if (rel === 'alternate') return href
    if (rel !== 'self' && rel !== 'enclosure') fallback ??= href
  }
  return fallback
}

function absolute(href: string | null | undefined, baseUrl: string): string | null {
  if (!href) return null
  try {
    return safeHttpUrl(new URL(href.trim(), baseUrl).href)?.href ?? null
  } catch {
    return null
  }
}

function originOf(url: string): string | null {
  const u = safeHttpUrl(url)
  return u ? u.origin + '/' : null
}

function looksLikeHtml(s: string): boolean {
  const head = s.slice(0, 1024).toLowerCase()
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(rss|feed|rdf:rdf|[\w-]+:rdf)\b/.test(head)) return false
  return /^<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]/.test(head)
}

function htmlInsteadOfFeed(html: string, baseUrl: string): CollectError {
  const m = /<link\b[^>]*type=["']application\/(?:rss|atom)\+xml["'][^>]*>/i.exec(html)
  const href = m ? /href=["']([^"']+)["']/i.exec(m[0])?.[1] : null
  const feed = href ? absolute(href.replace(/&amp;/g, '&'), baseUrl) : null
  return new CollectError(
    'not-feed',
    'the address returns a web page (HTML), not a feed',
    feed
      ? `The page names its feed: ${feed}; edit the source to use it.`
      : 'Find the feed link on the site (often /rss or /feed) and edit the source.'
  )
}

// --- helpers over fast-xml-parser output; names match with or without a namespace prefix ---

function isNode(v: unknown): v is XmlNode {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function node(v: unknown): XmlNode {
  const f = Array.isArray(v) ? v[0] : v
  return isNode(f) ? f : {}
}

function arr(v: unknown): unknown[] {
  return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]
}

function child(n: XmlNode, name: string): unknown {
  if (name in n) return n[name]
  const suffix = ':' + name
  for (const k of Object.keys(n)) if (k.endsWith(suffix) && !k.startsWith('@_')) return n[k]
  return undefined
}

function attr(n: XmlNode, name: string): string {
  const v =
    n['@_' + name] ??
    (name.includes(':')
      ? undefined
      : Object.entries(n).find(([k]) => k.startsWith('@_') && k.endsWith(':' + name))?.[1])
  return typeof v === 'string' ? v.trim() : ''
}

/** The text of a simple element: string, or '#text' of an element with attributes. */
function text(v: unknown): string {
  if (Array.isArray(v)) {
    for (const x of v) {
      const t = text(x)
      if (t) return t
    }
    return ''
  }
  if (typeof v === 'string') return v.trim()
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  if (isNode(v)) return text(v['#text'])
  return ''
}

/** All text inside an element, for bodies that hold unescaped XHTML (Atom type="xhtml", careless RSS). */
function deepText(v: unknown): string {
  if (typeof v === 'string') return v
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  if (Array.isArray(v)) return v.map(deepText).join('\n')
  if (isNode(v)) {
    return Object.entries(v)
      .filter(([k]) => !k.startsWith('@_'))
      .map(([, x]) => deepText(x))
      .join(' ')
  }
  return ''
}
