/**
 * Feed parsing to the specs, one rule per test: Atom 1.0 (RFC 4287) and 0.3, RSS 2.0, RSS 1.0 (RDF) with
 * Dublin Core, RFC 822 and W3CDTF dates. The inputs are written from the specs' own examples.
 */
import { describe, expect, it } from 'vitest'
import { parseFeed } from '../../src/main/core/collect'
import { parseFeedDate } from '../../src/main/core/collect/dates'

const NOW = Date.UTC(2026, 10, 25, 12)
const parse = (xml: string, base = 'https://example.kz/feed') =>
  parseFeed(xml, null, base, { now: NOW, timeZone: 'UTC' })
const atom = (entry: string, feedAttrs = '') =>
  `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"${feedAttrs}><title>T</title><id>urn:x</id><updated>2026-11-01T00:00:00Z</updated><entry>${entry}</entry></feed>`
const rss = (item: string) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>R</title><link>https://example.kz/</link><item>${item}</item></channel></rss>`

describe('Atom 0.3: issued, modified, created', () => {
  const atom03 = (dates: string) =>
    `<?xml version="1.0"?><feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old</title><link rel="alternate" type="text/html" href="https://old.kz/"/><entry><title>E</title><link rel="alternate" type="text/html" href="https://old.kz/e/1"/><id>tag:old.kz,2026:1</id>${dates}</entry></feed>`
  it('issued is the publication date, over modified', () => {
    const [e] = parse(
      atom03('<modified>2026-11-03T10:00:00Z</modified><issued>2026-11-02T10:00:00Z</issued>')
    ).items
    expect(e!.publishedAt).toBe(Date.UTC(2026, 10, 2, 10))
  })
  it('created, then modified, when there is no issued', () => {
    expect(
      parse(atom03('<modified>2026-11-03T10:00:00Z</modified><created>2026-11-01T08:00:00Z</created>'))
        .items[0]!.publishedAt
    ).toBe(Date.UTC(2026, 10, 1, 8))
    expect(parse(atom03('<modified>2026-11-03T10:00:00Z</modified>')).items[0]!.publishedAt).toBe(
      Date.UTC(2026, 10, 3, 10)
    )
  })
  it('mode="base64" content is decoded; mode="escaped" is HTML', () => {
    const b64 = Buffer.from('<p>Аким открыл <b>школу</b></p>', 'utf8').toString('base64')
    const xml = atom03(
      `<issued>2026-11-02T10:00:00Z</issued><content type="text/html" mode="base64">${b64}</content>`
    )
    expect(parse(xml).items[0]!.text).toBe('Аким открыл школу')
    const esc = atom03(
      '<issued>2026-11-02T10:00:00Z</issued><content type="text/html" mode="escaped">&lt;p&gt;Жители &amp;amp; акимат&lt;/p&gt;</content>'
    )
    expect(parse(esc).items[0]!.text).toBe('Жители & акимат')
  })
})

describe('Atom 1.0 text constructs', () => {
  it('type="text" is shown as written: markup-like characters are text', () => {
    const [e] = parse(
      atom(
        '<title type="text">AT&amp;T &lt;rocks&gt; 5 &lt; 6</title><id>1</id><updated>2026-11-02T00:00:00Z</updated><summary>Цены &lt;выросли&gt;</summary>'
      )
    ).items
    expect(e!.title).toBe('AT&T <rocks> 5 < 6')
    expect(e!.text).toBe('Цены <выросли>')
  })
  it('type="html" is escaped HTML: tags go, entities are decoded', () => {
    const [e] = parse(
      atom(
        '<title type="html">Аким &lt;em&gt;ответил&lt;/em&gt; &amp;amp; пояснил</title><id>1</id><updated>2026-11-02T00:00:00Z</updated>'
      )
    ).items
    expect(e!.title).toBe('Аким ответил & пояснил')
  })
  it('type="xhtml" is a div of XHTML: its text', () => {
    const [e] = parse(
      atom(
        '<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Новый <b>сквер</b></div></title><id>1</id><updated>2026-11-02T00:00:00Z</updated>'
      )
    ).items
    expect(e!.title).toBe('Новый сквер')
  })
})

describe('links', () => {
  it('xml:base resolves relative links (feed and entry levels)', () => {
    const xml = atom(
      '<title>E</title><id>1</id><updated>2026-11-02T00:00:00Z</updated><link href="2026/11/story.html"/>',
      ' xml:base="https://news.kz/ru/"'
    )
    expect(parse(xml).items[0]!.url).toBe('https://news.kz/ru/2026/11/story.html')
    const entryBase = atom(
      '<title>E</title><id>1</id><updated>2026-11-02T00:00:00Z</updated><link href="a/1"/>'
        .replace('<title>', '<title xml:base="x">')
        .replace('<link', '<link xml:base="https://m.news.kz/blog/"')
    )
    expect(parse(entryBase).items[0]!.url).toBe('https://m.news.kz/blog/a/1')
  })
  it('rel="alternate" (or no rel) is the item; with several, the first alternate; self, enclosure, related are not', () => {
    const xml = atom(
      '<title>E</title><id>1</id><updated>2026-11-02T00:00:00Z</updated><link rel="self" href="https://news.kz/e/1.atom"/><link rel="enclosure" type="image/jpeg" href="https://news.kz/i.jpg"/><link rel="related" href="https://other.kz/x"/><link rel="alternate" type="text/html" href="https://news.kz/e/1"/><link rel="alternate" type="text/html" hreflang="kk" href="https://news.kz/kk/e/1"/>'
    )
    expect(parse(xml).items[0]!.url).toBe('https://news.kz/e/1')
  })
  it('RSS guid isPermaLink: the guid is the link when there is no <link>; isPermaLink="false" is only an id', () => {
    const [a] = parse(rss('<title>A</title><guid>https://example.kz/news/5</guid>')).items
    expect(a!.url).toBe('https://example.kz/news/5')
    const [b] = parse(rss('<title>B</title><guid isPermaLink="false">https://example.kz/news/6</guid>')).items
    expect(b!.url).toBeNull()
    expect(b!.externalId).toBe('https://example.kz/news/6')
  })
})

describe('RDF and Dublin Core', () => {
  it('RSS 1.0 items with dc:date and dcterms dates', () => {
    const xml = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">
<channel rdf:about="https://rdf.kz/"><title>RDF</title><link>https://rdf.kz/</link></channel>
<item rdf:about="https://rdf.kz/1"><title>Один</title><link>https://rdf.kz/1</link><dc:date>2026-11-04T09:00+05:00</dc:date><dc:creator>Иван</dc:creator></item>
<item rdf:about="https://rdf.kz/2"><title>Два</title><link>https://rdf.kz/2</link><dcterms:created>2026-11-05</dcterms:created></item>
<item rdf:about="https://rdf.kz/3"><title>Три</title><link>https://rdf.kz/3</link><dcterms:modified>2026-11-06T00:00:00Z</dcterms:modified></item></rdf:RDF>`
    const f = parse(xml)
    expect(f.format).toBe('rdf')
    expect(f.items.map((i) => i.publishedAt)).toEqual([
      Date.UTC(2026, 10, 4, 4),
      Date.UTC(2026, 10, 5),
      Date.UTC(2026, 10, 6)
    ])
    expect(f.items[0]!.author?.name).toBe('Иван')
  })
})

describe('dates', () => {
  it('RFC 822 with obsolete zones: UT, GMT, EST/EDT/CST/CDT/MST/MDT/PST/PDT and military letters', () => {
    expect(parseFeedDate('Mon, 16 Nov 2026 09:30:00 UT', 'UTC')).toBe(Date.UTC(2026, 10, 16, 9, 30))
    expect(parseFeedDate('Mon, 16 Nov 2026 09:30:00 EST', 'UTC')).toBe(Date.UTC(2026, 10, 16, 14, 30))
    expect(parseFeedDate('Mon, 16 Nov 2026 09:30 PDT', 'UTC')).toBe(Date.UTC(2026, 10, 16, 16, 30))
    expect(parseFeedDate('16 Nov 26 09:30 Z', 'UTC')).toBe(Date.UTC(2026, 10, 16, 9, 30))
    // RFC 2822 4.3: the military zones' signs were printed wrong in RFC 822; they SHOULD be read as -0000
    // (UTC), never as the workspace's zone.
    for (const l of ['A', 'M', 'N', 'Y'])
      expect(parseFeedDate(`Mon, 16 Nov 2026 09:30:00 ${l}`, 'Asia/Almaty')).toBe(
        Date.UTC(2026, 10, 16, 9, 30)
      )
    expect(parseFeedDate('Mon, 16 Nov 2026 09:30:00 CDT', 'Asia/Almaty')).toBe(Date.UTC(2026, 10, 16, 14, 30))
  })
  it('W3CDTF partial dates: YYYY, YYYY-MM, YYYY-MM-DD, hh:mm with a zone', () => {
    expect(parseFeedDate('2026', 'UTC')).toBe(Date.UTC(2026, 0, 1))
    expect(parseFeedDate('2026-11', 'UTC')).toBe(Date.UTC(2026, 10, 1))
    expect(parseFeedDate('2026-11-16', 'UTC')).toBe(Date.UTC(2026, 10, 16))
    expect(parseFeedDate('2026-11-16T09:30+05:00', 'UTC')).toBe(Date.UTC(2026, 10, 16, 4, 30))
    expect(parseFeedDate('2026-11-16T09:30:15.45Z', 'UTC')).toBe(Date.UTC(2026, 10, 16, 9, 30, 15, 450))
  })
  it('a feed date before 1990 (the year 1000, 1970-01-01) is treated as missing, with a warning', () => {
    const f = parse(
      rss('<title>A</title><link>https://example.kz/a</link><pubDate>Wed, 01 Jan 1000 00:00:00 GMT</pubDate>')
    )
    expect(f.items[0]!.publishedAt).toBe(NOW)
    expect(f.warnings.join(' ')).toMatch(/before 1990/)
  })
})

describe('entities and CDATA in titles', () => {
  it('CDATA holds HTML; entities (XML and HTML named ones) are decoded', () => {
    const [a] = parse(
      rss('<title><![CDATA[Аким & <b>жители</b>]]></title><link>https://example.kz/a</link>')
    ).items
    expect(a!.title).toBe('Аким & жители')
    const [b] = parse(
      rss(
        '<title>Цена &#8212; 5&nbsp;000 &laquo;тенге&raquo; AT&amp;T</title><link>https://example.kz/b</link>'
      )
    ).items
    expect(b!.title).toBe('Цена — 5 000 «тенге» AT&T')
  })
})
