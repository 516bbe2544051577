import { describe, expect, it } from 'vitest'
import iconv from 'iconv-lite'
import { parseFeed, parseFeedDate, htmlToText, decodeBody, CollectError } from '../../src/main/core/collect'
import { fixture } from './helpers'

const BASE = 'https://feeds.example.kz/path/feed.xml'
const TZ = 'Asia/Almaty'

describe('parseFeed', () => {
  it('reads RSS 2.0: content:encoded over a shorter description, entities, relative links, guid keys, offsets', () => {
    const f = parseFeed(fixture('rss-utf8.xml'), 'application/rss+xml; charset=utf-8', BASE)
    expect(f.format).toBe('rss')
    expect(f.title).toBe('Новости Алматы & области')
    expect(f.siteUrl).toBe('https://news.example.kz/')
    expect(f.items).toHaveLength(3)
    const [a, b, c] = f.items
    expect(a!.title).toBe('Акимат отремонтирует дороги «до зимы»')
    expect(a!.text).toBe(
      'Акимат города объявил о ремонте дорог.\nРаботы завершат до зимы.\n\nЖители довольны & ждут.'
    )
    expect(a!.text).not.toContain('alert')
    expect(a!.url).toBe('https://feeds.example.kz/news/2026/11/16/roads')
    expect(a!.externalId).toBe('news.example.kz:roads-1001')
    expect(new Date(a!.publishedAt).toISOString()).toBe('2026-11-16T04:30:00.000Z')
    expect(a!.author).toEqual({ name: 'Айгерім Сәтбаева', type: 'unknown' })
    expect(a!.outlet).toEqual({ name: 'Новости Алматы & области', url: 'https://news.example.kz/' })
    expect(a!).toMatchObject({ platform: 'news', kind: 'article', lang: 'ru' })
    // guid that is a URL is kept as is; escaped HTML in description becomes text; "mail (Name)" author
    expect(b!.externalId).toBe('https://news.example.kz/news/2026/11/15/park')
    expect(b!.text).toBe('Жаңа саябақ ашылды: тұрғындар риза.')
    expect(b!.author?.name).toBe('Редакция')
    expect(new Date(b!.publishedAt).toISOString()).toBe('2026-11-15T18:05:00.000Z')
    expect(new Date(c!.publishedAt).toISOString()).toBe('2026-11-14T01:00:00.000Z')
    expect(c!.author).toBeNull()
  })

  it('reads Atom 1.0: alternate links resolved, html and xhtml content, published over updated', () => {
    const f = parseFeed(fixture('atom.xml'), 'application/atom+xml', BASE)
    expect(f.format).toBe('atom')
    expect(f.language).toBe('kk')
    expect(f.siteUrl).toBe('https://atom.example.kz/')
    const [w, s] = f.items
    expect(w!.title).toBe('Су құбыры жөндеуде')
    expect(w!.url).toBe('https://feeds.example.kz/kk/news/water')
    expect(w!.text).toBe('Су құбыры жөнделуде, толығырақ.\n\nЕкінші абзац.')
    expect(w!.externalId).toBe('tag:atom.example.kz,2026:water')
    expect(new Date(w!.publishedAt).toISOString()).toBe('2026-11-16T03:00:00.000Z')
    expect(w!.author?.name).toBe('Ерлан Нұрланов')
    expect(s!.text).toBe('XHTML body text')
    expect(new Date(s!.publishedAt).toISOString()).toBe('2026-11-15T12:00:00.000Z')
  })

  it('reads RSS 1.0 / RDF with dc:date and dc:creator', () => {
    const f = parseFeed(fixture('rdf.xml'), 'application/rdf+xml', BASE)
    expect(f.format).toBe('rdf')
    expect(f.title).toBe('RDF Лента')
    expect(f.items.map((i) => i.url)).toEqual(['https://rdf.example.kz/a/1', 'https://rdf.example.kz/a/2'])
    expect(new Date(f.items[0]!.publishedAt).toISOString()).toBe('2026-11-16T06:15:00.000Z')
    expect(f.items[0]!.author?.name).toBe('Иван Петров')
  })

  it('decodes Windows-1251 named by the XML prolog', () => {
    const f = parseFeed(fixture('rss-1251-prolog.xml'), 'application/rss+xml', BASE)
    expect(f.encoding).toBe('windows-1251')
    expect(f.warnings).toEqual([])
    expect(f.title).toBe('Лента в кодировке 1251 (пролог)')
    expect(f.items[0]!.title).toBe('Ремонт теплосетей: «график» опубликован')
    expect(f.items[0]!.author?.name).toBe('Ольга Ёлкина')
    expect(f.items[0]!.text).toBe('Жители Ауэзовского района ждут тепла — №5 на повестке.')
  })

  it('decodes Windows-1251 named by the HTTP header only', () => {
    const f = parseFeed(fixture('rss-1251-header.xml'), 'text/xml; charset=windows-1251', BASE)
    expect(f.encoding).toBe('windows-1251')
    expect(f.warnings).toEqual([])
    expect(f.title).toBe('Лента 1251 (заголовок)')
  })

  it('survives a wrong declared charset both ways', () => {
    const declaredUtf8 = parseFeed(fixture('rss-1251-declared-utf8.xml'), 'text/xml; charset=utf-8', BASE)
    expect(declaredUtf8.encoding).toBe('windows-1251')
    expect(declaredUtf8.title).toBe('Лента 1251, объявлена как UTF-8')
    expect(declaredUtf8.warnings[0]).toMatch(/not UTF-8; read as windows-1251/)
    const declared1251 = parseFeed(fixture('rss-utf8.xml'), 'text/xml; charset=windows-1251', BASE)
    expect(declared1251.encoding).toBe('utf-8')
    expect(declared1251.title).toBe('Новости Алматы & области')
    expect(declared1251.warnings[0]).toMatch(/bytes are UTF-8/)
  })

  it('tells KOI8-R from Windows-1251 when nothing is declared correctly', () => {
    const xml =
      '<?xml version="1.0" encoding="utf-8"?><rss><channel><title>Городские новости и события недели</title></channel></rss>'
    expect(decodeBody(iconv.encode(xml, 'koi8-r'), null).encoding).toBe('koi8-r')
    expect(parseFeed(iconv.encode(xml, 'koi8-r'), null, BASE).title).toBe(
      'Городские новости и события недели'
    )
  })

  it('rejects malformed XML, HTML pages and other XML with a clear reason', () => {
    const err = (buf: Buffer | string, ct: string | null = null): CollectError => {
      try {
        parseFeed(buf, ct, BASE)
      } catch (e) {
        return e as CollectError
      }
      throw new Error('no error')
    }
    const bad = err(fixture('malformed.xml'))
    expect(bad).toBeInstanceOf(CollectError)
    expect(bad.kind).toBe('parse')
    expect(bad.message).toMatch(/not well-formed XML \(line \d+/)
    const html = err(fixture('page.html'), 'text/html')
    expect(html.kind).toBe('not-feed')
    expect(html.message).toMatch(/web page \(HTML\)/)
    expect(html.advice).toContain('https://feeds.example.kz/feed/rss.xml')
    expect(err('<?xml version="1.0"?><sitemap><url/></sitemap>').message).toMatch(/root <sitemap>/)
    expect(err('').kind).toBe('not-feed')
  })

  it('escapes a bare ampersand instead of rejecting the feed', () => {
    const f = parseFeed(
      '<rss><channel><title>AT&T & Co</title><item><title>A & B</title><link>https://x.kz/1</link></item></channel></rss>',
      null,
      BASE
    )
    expect(f.title).toBe('AT&T & Co')
    expect(f.items[0]!.title).toBe('A & B')
    expect(f.warnings.join()).toMatch(/escaped/)
  })

  it('dates undated items by the fetch time and caps far-future dates', () => {
    const now = Date.UTC(2026, 10, 16, 12)
    const f = parseFeed(
      '<rss><channel><title>T</title><item><title>a</title><link>https://x.kz/a</link></item><item><title>b</title><link>https://x.kz/b</link><pubDate>Fri, 01 Jan 2038 00:00:00 GMT</pubDate></item></channel></rss>',
      null,
      BASE,
      { now }
    )
    expect(f.items.map((i) => i.publishedAt)).toEqual([now, now])
    expect(f.warnings).toHaveLength(2)
  })
})

describe('parseFeedDate', () => {
  const iso = (s: string): string | null => {
    const t = parseFeedDate(s, TZ)
    return t === null ? null : new Date(t).toISOString()
  }
  it('reads RFC 822 and ISO 8601 with offsets, zone names and Russian months', () => {
    expect(iso('Mon, 16 Nov 2026 09:30:00 +0500')).toBe('2026-11-16T04:30:00.000Z')
    expect(iso('16 Nov 2026 09:30 GMT')).toBe('2026-11-16T09:30:00.000Z')
    expect(iso('Mon, 16 Nov 26 09:30:00 EST')).toBe('2026-11-16T14:30:00.000Z')
    expect(iso('Пн, 16 ноя 2026 09:30:00 +0300')).toBe('2026-11-16T06:30:00.000Z')
    expect(iso('2026-11-16T09:30:00+05:00')).toBe('2026-11-16T04:30:00.000Z')
    expect(iso('2026-11-16T09:30:00.250Z')).toBe('2026-11-16T09:30:00.250Z')
    expect(iso('2026-11-16T09:30:00+0600')).toBe('2026-11-16T03:30:00.000Z')
  })
  it('reads a time without offset in the workspace zone', () => {
    expect(iso('2026-11-16 09:30:00')).toBe('2026-11-16T04:30:00.000Z')
    expect(iso('16 Nov 2026 09:30:00')).toBe('2026-11-16T04:30:00.000Z')
  })
  it('returns null for garbage', () => {
    expect(iso('вчера')).toBeNull()
    expect(iso('')).toBeNull()
    expect(iso('2026-13-45')).toBeNull()
  })
})

describe('htmlToText', () => {
  it('turns HTML into text', () => {
    expect(
      htmlToText('<p>A&nbsp;&laquo;b&raquo;<br>c</p><ul><li>x</li><li>y</li></ul><style>p{}</style>')
    ).toBe('A «b»\nc\n\nx\n\ny')
    expect(htmlToText('plain   text')).toBe('plain text')
    expect(htmlToText('&#1040;&#x411; &amp;amp;')).toBe('АБ &amp;')
  })
})
