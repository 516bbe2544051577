/** Fuzz targets for what comes from the network and from people: feeds, t.me pages, the query language. */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Db } from '../../../src/main/core/db/open'
import { fuzzWorkspace } from './targets-api'
import { parseFeed, parseTelegramPage, CollectError } from '../../../src/main/core/collect'
import { compileMatcher, compileToSql, parseQuery, QueryError } from '../../../src/shared/query'
import type { Prng } from '../prng'
import { Finding, preview, type Outcome, type Target } from './harness'
import { mutateBytes, randomText } from './mutate'

const COLLECT = join(__dirname, '..', '..', 'fixtures', 'collect')
const NOW = Date.parse('2026-11-16T12:00:00Z')

/** A parsed item must be usable: text, a finite date, an http(s) address or none, nothing read from disk. */
function checkItems(items: { text?: string | null; publishedAt: number; url?: string | null }[]): void {
  for (const m of items) {
    if (typeof m.text !== 'string') throw new Finding(`item without text: ${JSON.stringify(m).slice(0, 200)}`)
    if (!Number.isFinite(m.publishedAt)) throw new Finding(`item with date ${m.publishedAt}`)
    if (m.publishedAt > NOW + 86_400_000)
      throw new Finding(`item dated in the future: ${new Date(m.publishedAt).toISOString()}`)
    if (m.url != null && !/^https?:\/\//i.test(m.url))
      throw new Finding(`item with address ${m.url.slice(0, 100)}`)
    if (/root:x:0:0/.test(m.text)) throw new Finding('an external entity was read from disk (XXE)')
  }
}

function unexpected(e: unknown): Finding {
  if (e instanceof Finding) return e
  return new Finding(
    `${(e as Error)?.name}: ${(e as Error)?.message?.slice(0, 300)}\n${(e as Error)?.stack?.split('\n').slice(1, 4).join('\n')}`
  )
}

// ---- RSS / RDF / Atom --------------------------------------------------------------------------------

const FEED_TOKENS = [
  '<item>',
  '</item>',
  '<entry>',
  '<title>',
  '</title>',
  '<link>',
  '<link href="javascript:alert(1)"/>',
  '<pubDate>',
  '<pubDate>Mon, 99 Foo 2026</pubDate>',
  '<description><![CDATA[<p>x</p>]]></description>',
  '<content:encoded>',
  '<guid isPermaLink="true">',
  '<dc:date>2099-01-01</dc:date>',
  '<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaaaaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">]>',
  '&e;',
  '<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
  '&x;',
  '<?xml version="1.0" encoding="windows-1251"?>',
  '<?xml version="1.0" encoding="utf-16"?>',
  '<rss version="2.0"><channel>',
  '<feed xmlns="http://www.w3.org/2005/Atom">',
  '<rdf:RDF>',
  '&lt;script&gt;',
  '&#x1F600;',
  '&#1114112;'
].map((s) => Buffer.from(s))

function generateFeed(rng: Prng): Buffer {
  const kind = rng.pick(['rss', 'atom', 'rdf'])
  const items: string[] = []
  for (let i = rng.int(15); i > 0; i--) {
    const title = randomText(rng, 40).replace(/[<&]/g, ' ')
    const date = rng.pick([
      'Mon, 16 Nov 2026 10:00:00 +0500',
      '2026-11-16T10:00:00Z',
      '16.11.2026',
      'yesterday',
      '',
      '2099-12-31T00:00:00Z',
      '1970-01-01'
    ])
    const link = rng.pick([
      'https://nur.kz/a/1',
      '/relative/path',
      'javascript:alert(1)',
      '',
      'mailto:x@y',
      `https://x.kz/${i}`
    ])
    const body = `<![CDATA[<p>${randomText(rng, 200).replace(/]]>/g, '')}</p><img src="x">]]>`
    items.push(
      kind === 'atom'
        ? `<entry><title>${title}</title><link href="${link}"/><updated>${date}</updated><content type="html">${body}</content><id>${i}</id></entry>`
        : `<item><title>${title}</title><link>${link}</link><pubDate>${date}</pubDate><description>${body}</description><guid>${i}</guid></item>`
    )
  }
  const xml =
    kind === 'atom'
      ? `<feed xmlns="http://www.w3.org/2005/Atom"><title>Лента</title><link href="https://x.kz/"/>${items.join('')}</feed>`
      : kind === 'rdf'
        ? `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>Лента</title><link>https://x.kz/</link></channel>${items.join('')}</rdf:RDF>`
        : `<rss version="2.0"><channel><title>Лента</title><link>https://x.kz/</link>${items.join('')}</channel></rss>`
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>${xml}`)
}

interface FeedInput {
  bytes: Buffer
  contentType: string | null
}

export function feedTarget(hugeMax: number): Target<FeedInput> {
  const seeds: Buffer[] = []
  return {
    name: 'rss-atom-rdf',
    limitMs: 5_000,
    async setup() {
      for (const n of readdirSync(COLLECT).filter((f) => f.endsWith('.xml')))
        seeds.push(readFileSync(join(COLLECT, n)))
    },
    next(rng) {
      let bytes = rng.chance(0.5) ? rng.pick(seeds) : generateFeed(rng)
      if (rng.chance(0.85)) bytes = mutateBytes(rng, bytes, { hugeMax, tokens: FEED_TOKENS }, seeds)
      if (rng.chance(0.03)) bytes = Buffer.from('<a>'.repeat(rng.int(20000)) + '<rss>')
      const contentType = rng.pick([
        null,
        'application/rss+xml',
        'text/xml; charset=windows-1251',
        'application/atom+xml; charset=utf-16',
        'text/html',
        'text/xml; charset=bogus'
      ])
      return { bytes, contentType }
    },
    describe: (i) => `${i.contentType} ${i.bytes.length} bytes ${preview(i.bytes)}`,
    bytes: (i) => i.bytes,
    async run(input): Promise<Outcome> {
      try {
        const f = parseFeed(input.bytes, input.contentType, 'https://example.kz/feed.xml', { now: NOW })
        checkItems(f.items)
        return 'ok'
      } catch (e) {
        if (e instanceof CollectError) {
          if (!e.message || !e.advice || /\[object /.test(e.message))
            throw new Finding(`unclear CollectError: ${e.message}`)
          return 'rejected'
        }
        throw unexpected(e)
      }
    }
  }
}

// ---- t.me/s/<channel> pages --------------------------------------------------------------------------

const HTML_TOKENS = [
  '<div class="tgme_widget_message" data-post="chan/999999999999999999999">',
  '<div class="tgme_widget_message" data-post="../../x">',
  '<div class="tgme_widget_message_text">',
  '<time datetime="garbage">',
  '<time datetime="2099-01-01T00:00:00+00:00">',
  '<span class="tgme_widget_message_views">1.5M</span>',
  '<span class="counter_value">∞</span>',
  '<a href="javascript:alert(1)">',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '<!--',
  '-->',
  '</div>',
  '<div>',
  '<br/>',
  '&nbsp;',
  '&#0;',
  '<a class="tgme_widget_message_date" href="https://t.me/chan/5">'
].map((s) => Buffer.from(s))

export function telegramPageTarget(hugeMax: number): Target<Buffer> {
  const seeds: Buffer[] = []
  return {
    name: 't.me-html',
    limitMs: 5_000,
    async setup() {
      for (const n of readdirSync(COLLECT).filter((f) => f.endsWith('.html')))
        seeds.push(readFileSync(join(COLLECT, n)))
    },
    next(rng) {
      if (rng.chance(0.03))
        return Buffer.from('<div>'.repeat(rng.int(20000)) + rng.pick(seeds).toString('utf8'))
      return mutateBytes(rng, rng.pick(seeds), { hugeMax, tokens: HTML_TOKENS }, seeds)
    },
    describe: (b) => `${b.length} bytes ${preview(b)}`,
    bytes: (b) => b,
    async run(b): Promise<Outcome> {
      try {
        const page = parseTelegramPage(b.toString('utf8'), 'https://t.me/s/akimat_test', { now: NOW })
        checkItems(page.posts.map((p) => p.mention))
        for (const p of page.posts)
          if (!Number.isSafeInteger(p.id) || p.id <= 0) throw new Finding(`post id ${p.id}`)
        return 'ok'
      } catch (e) {
        if (e instanceof CollectError) return 'rejected'
        throw unexpected(e)
      }
    }
  }
}

// ---- the query language ------------------------------------------------------------------------------

const QUERY_ATOMS = [
  'акимат',
  'акимат*',
  'аким',
  '"город Алматы"',
  '"',
  'NEAR',
  'NEAR/5',
  'NEAR/0',
  'NEAR/101',
  'NEAR/99999999999999999999',
  'AND',
  'OR',
  'NOT',
  'and',
  'or',
  'not',
  '(',
  ')',
  '((',
  '))',
  'title:',
  'site:',
  'author:',
  'site:nur.kz',
  'author:"Иван Петров"',
  'title:(парк OR сквер)',
  'әкімдік*',
  'ёлка',
  'a*',
  '*',
  '**',
  'x-y',
  'C++',
  '^',
  ':',
  '-',
  '+',
  '{',
  '}',
  '[',
  ']',
  "'",
  '\\',
  '\0',
  '😀',
  'NEAR(a b)',
  'a*b',
  '"a*"',
  '""',
  '"   "',
  'site:',
  'author:',
  'site:*',
  'title:title:x',
  'https://nur.kz/a?b=c'
]

function generateQuery(rng: Prng): string {
  const r = rng.int(20)
  if (r === 0) return randomText(rng, 60)
  if (r === 1) return rng.pick(QUERY_ATOMS).repeat(rng.int(800))
  if (r === 2) return '('.repeat(rng.int(100)) + 'a' + ')'.repeat(rng.int(100))
  if (r === 3)
    return Array.from({ length: rng.int(300) }, () => `w${rng.int(50)}`).join(
      rng.pick([' OR ', ' NEAR ', ' ', ' AND NOT '])
    )
  const parts: string[] = []
  for (let n = 1 + rng.int(12); n > 0; n--)
    parts.push(rng.chance(0.8) ? rng.pick(QUERY_ATOMS) : randomText(rng, 8))
  return parts.join(rng.chance(0.8) ? ' ' : '')
}

const DOCS = [
  {
    title: 'Акимат открыл парк',
    text: 'Город Алматы: аким и власти обещали ремонт дорог',
    url: 'https://nur.kz/a/1',
    host: 'nur.kz',
    authorName: 'иван петров'
  },
  { title: '', text: 'Әкімдік жаңа мектеп ашты', url: '', host: '', authorName: '' }
]

/** parseQuery → QueryError or a tree; the tree compiles to SQL that SQLite runs without error, and to a matcher. */
export function queryTarget(): Target<string> {
  let db: Db
  return {
    name: 'query',
    limitMs: 5_000,
    async setup(dir) {
      db = (await fuzzWorkspace(dir)).db
    },
    async finish() {
      db.close()
      return []
    },
    next: generateQuery,
    describe: (q) => preview(q, 200),
    bytes: (q) => Buffer.from(q, 'utf8'),
    async run(q): Promise<Outcome> {
      let node
      try {
        node = parseQuery(q)
      } catch (e) {
        if (e instanceof QueryError) {
          if (!(e.position >= 0 && e.position <= q.length))
            throw new Finding(`QueryError position ${e.position} outside the query (${q.length})`)
          return 'rejected'
        }
        throw unexpected(e)
      }
      try {
        const { sql, params } = compileToSql(node)
        db.prepare(`SELECT count(*) FROM mentions m WHERE ${sql}`)
          .pluck()
          .get(...params)
        const match = compileMatcher(node)
        for (const d of DOCS)
          if (typeof match(d) !== 'boolean') throw new Finding('the matcher returned a non-boolean')
        return 'ok'
      } catch (e) {
        throw unexpected(e)
      }
    }
  }
}
