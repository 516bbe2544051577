import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import zlib from 'node:zlib'
import { HttpClient, resolveSettings, CollectError, DEFAULT_USER_AGENT } from '../../src/main/core/collect'
import { noProxyMatches, parseProxySpec, proxyFromEnv } from '../../src/main/core/collect/proxy'
import { FAST, fixture, redirect, serve, startProxy, startServer, type TestServer } from './helpers'

const settings = (over: Parameters<typeof resolveSettings>[0] = {}) => resolveSettings({ ...FAST, ...over })

async function failure(p: Promise<unknown>): Promise<CollectError> {
  try {
    await p
  } catch (e) {
    if (e instanceof CollectError) return e
    throw e
  }
  throw new Error('expected a failure')
}

describe('HttpClient', () => {
  let srv: TestServer
  let written = 0
  beforeAll(async () => {
    const body = 'ответ '.repeat(5000)
    srv = await startServer({
      '/plain': serve(body, 'text/plain; charset=utf-8'),
      '/gzip': (_q, r) => (r.writeHead(200, { 'Content-Encoding': 'gzip' }), r.end(zlib.gzipSync(body))),
      '/deflate': (_q, r) => (
        r.writeHead(200, { 'Content-Encoding': 'deflate' }),
        r.end(zlib.deflateSync(body))
      ),
      '/br': (_q, r) => (
        r.writeHead(200, { 'Content-Encoding': 'br' }),
        r.end(zlib.brotliCompressSync(Buffer.from(body)))
      ),
      '/r1': redirect('/r2', 301),
      '/r2': redirect('/plain', 307),
      '/loop-a': redirect('/loop-b'),
      '/loop-b': redirect('/loop-a'),
      '/chain': (req, res) => {
        const n = Number(new URL(req.url!, 'http://x').searchParams.get('n') ?? 0)
        res.writeHead(302, { Location: `/chain?n=${n + 1}` })
        res.end()
      },
      '/to-ftp': redirect('ftp://example.kz/file'),
      '/404': serve('gone', 'text/plain', { status: 404 }),
      '/500': serve('oops', 'text/plain', { status: 500 }),
      '/slow-headers': () => {
        /* never answers */
      },
      '/slow-body': (_q, res) => {
        res.writeHead(200, { 'Content-Type': 'text/xml' })
        res.write('<rss>')
      },
      '/huge': (_q, res) => {
        // 50 MB generated on the fly, no Content-Length: the client must stop reading past its cap.
        res.writeHead(200, { 'Content-Type': 'application/rss+xml' })
        const chunk = Buffer.alloc(64 * 1024, 'x')
        let left = 50 * 1024 * 1024
        const pump = (): void => {
          while (left > 0) {
            left -= chunk.length
            written += chunk.length
            if (!res.write(chunk)) return void res.once('drain', pump)
          }
          res.end()
        }
        res.on('error', () => {})
        pump()
      },
      '/declared-huge': (_q, res) => {
        res.writeHead(200, { 'Content-Length': String(60 * 1024 * 1024) })
        res.write('x')
      },
      '/gzip-bomb': (_q, r) => (
        r.writeHead(200, { 'Content-Encoding': 'gzip' }),
        r.end(zlib.gzipSync(Buffer.alloc(8 * 1024 * 1024)))
      ),
      '/cond': serve('fresh', 'text/plain', { etag: '"v1"', lastModified: 'Mon, 16 Nov 2026 09:00:00 GMT' })
    })
  })
  afterAll(() => srv.close())

  it('sends the polite User-Agent and decompresses gzip, deflate and brotli', async () => {
    const http = new HttpClient(settings())
    try {
      const plain = await http.fetch(`${srv.base}/plain`)
      expect(plain.body.toString('utf8')).toBe('ответ '.repeat(5000))
      for (const p of ['/gzip', '/deflate', '/br'])
        expect((await http.fetch(srv.base + p)).body.equals(plain.body), p).toBe(true)
      const hit = srv.hits.find((h) => h.url === '/gzip')!
      expect(hit.headers['user-agent']).toBe(DEFAULT_USER_AGENT)
      expect(hit.headers['accept-encoding']).toMatch(/gzip.*deflate.*br/)
    } finally {
      http.close()
    }
  })

  it('follows redirects and refuses loops, long chains and non-http targets', async () => {
    const http = new HttpClient(settings())
    try {
      const r = await http.fetch(`${srv.base}/r1`)
      expect(r.url).toBe(`${srv.base}/plain`)
      expect(r.redirects).toEqual([`${srv.base}/r1`, `${srv.base}/r2`])
      expect((await failure(http.fetch(`${srv.base}/loop-a`))).message).toMatch(/redirects in a loop/)
      expect((await failure(http.fetch(`${srv.base}/chain?n=0`))).message).toMatch(/more than 5 redirects/)
      expect(srv.hits.filter((h) => h.url.startsWith('/chain')).length).toBe(6)
      expect((await failure(http.fetch(`${srv.base}/to-ftp`))).message).toMatch(/not a web address/)
    } finally {
      http.close()
    }
  })

  it('reports HTTP errors with advice', async () => {
    const http = new HttpClient(settings())
    try {
      const e404 = await failure(http.fetch(`${srv.base}/404`))
      expect(e404.message).toBe('the server answered 404 Not Found')
      expect(e404.advice).toMatch(/moved/)
      expect((await failure(http.fetch(`${srv.base}/500`))).advice).toMatch(/retries/)
      expect((await failure(http.fetch('http://127.0.0.1:1/refused'))).message).toMatch(
        /refused the connection/
      )
    } finally {
      http.close()
    }
  })

  it('times out a silent server and a stalled body', async () => {
    const http = new HttpClient(settings({ totalTimeoutMs: 400 }))
    try {
      const t0 = Date.now()
      const e = await failure(http.fetch(`${srv.base}/slow-headers`))
      expect(e.kind).toBe('timeout')
      expect((await failure(http.fetch(`${srv.base}/slow-body`))).kind).toBe('timeout')
      expect(Date.now() - t0).toBeLessThan(2_000)
    } finally {
      http.close()
    }
  })

  it('aborts a 50 MB body at the size cap without reading the rest', async () => {
    const http = new HttpClient(settings({ maxBytes: 2 * 1024 * 1024, totalTimeoutMs: 10_000 }))
    try {
      const before = process.memoryUsage().rss
      const e = await failure(http.fetch(`${srv.base}/huge`))
      expect(e.kind).toBe('too-large')
      expect(e.message).toMatch(/larger than the 2.0 MB limit/)
      await new Promise((r) => setTimeout(r, 100))
      // The server could push only what socket buffers held before the client hung up.
      expect(written).toBeLessThan(20 * 1024 * 1024)
      expect(process.memoryUsage().rss - before).toBeLessThan(40 * 1024 * 1024)
      expect((await failure(http.fetch(`${srv.base}/declared-huge`))).message).toMatch(
        /60.0 MB, over the 2.0 MB limit/
      )
      expect((await failure(http.fetch(`${srv.base}/gzip-bomb`))).kind).toBe('too-large')
    } finally {
      http.close()
    }
  })

  it('sends conditional headers and reports 304 as not modified', async () => {
    const http = new HttpClient(settings())
    try {
      const first = await http.fetch(`${srv.base}/cond`)
      expect(first).toMatchObject({
        status: 200,
        notModified: false,
        etag: '"v1"',
        lastModified: 'Mon, 16 Nov 2026 09:00:00 GMT'
      })
      const again = await http.fetch(`${srv.base}/cond`, {
        etag: first.etag,
        lastModified: first.lastModified
      })
      expect(again).toMatchObject({ status: 304, notModified: true })
      const hit = srv.hits.filter((h) => h.url === '/cond').at(-1)!
      expect(hit.headers['if-none-match']).toBe('"v1"')
      expect(hit.headers['if-modified-since']).toBe('Mon, 16 Nov 2026 09:00:00 GMT')
    } finally {
      http.close()
    }
  })

  it('runs at most 4 requests at once and 1 per host:port', async () => {
    const delay = (ms: number) => (_q: unknown, res: import('node:http').ServerResponse) =>
      setTimeout(() => res.end('ok'), ms)
    const servers = await Promise.all(Array.from({ length: 6 }, () => startServer({ '/slow': delay(80) })))
    let active = 0
    let peak = 0
    for (const s of servers) {
      s.routes.set('/slow', (_q, res) => {
        active++
        peak = Math.max(peak, active)
        setTimeout(() => {
          active--
          res.end('ok')
        }, 80)
      })
    }
    const http = new HttpClient(settings())
    try {
      await Promise.all(servers.flatMap((s) => [1, 2, 3].map(() => http.fetch(`${s.base}/slow`))))
      expect(peak).toBe(4)
      for (const s of servers) expect(s.maxInFlight).toBe(1)
    } finally {
      http.close()
      await Promise.all(servers.map((s) => s.close()))
    }
  })
})

describe('proxies', () => {
  it('parses proxy settings and NO_PROXY', () => {
    expect(parseProxySpec('PROXY proxy.corp:8080; DIRECT')?.href).toBe('http://proxy.corp:8080/')
    expect(parseProxySpec('DIRECT')).toBeNull()
    expect(parseProxySpec('SOCKS5 s:1080; PROXY p:3128')?.host).toBe('p:3128')
    expect(parseProxySpec('http://u:p@proxy:3128')?.username).toBe('u')
    const env = {
      HTTPS_PROXY: 'http://proxy:3128',
      http_proxy: 'http://plain:8080',
      NO_PROXY: '.corp.kz, intranet, 10.0.0.0/8, api.kz:8443'
    }
    expect(proxyFromEnv(new URL('https://news.kz/rss'), env)?.host).toBe('proxy:3128')
    expect(proxyFromEnv(new URL('http://news.kz/rss'), env)?.host).toBe('plain:8080')
    expect(proxyFromEnv(new URL('https://a.corp.kz/'), env)).toBeNull()
    expect(proxyFromEnv(new URL('https://intranet/'), env)).toBeNull()
    expect(proxyFromEnv(new URL('http://10.2.3.4/'), env)).toBeNull()
    expect(proxyFromEnv(new URL('https://api.kz:8443/'), env)).toBeNull()
    expect(proxyFromEnv(new URL('https://api.kz/'), env)?.host).toBe('proxy:3128')
    expect(noProxyMatches('x.kz', '443', '*')).toBe(true)
  })

  it('sends plain HTTP as an absolute-URI request and HTTPS through a CONNECT tunnel; never proxies loopback', async () => {
    const plain = await startServer({ '/feed': serve('через прокси', 'text/plain; charset=utf-8') })
    const secure = await startServer(
      { '/feed': serve('через туннель', 'text/plain; charset=utf-8') },
      { tls: true }
    )
    const proxy = await startProxy()
    const env = { HTTP_PROXY: proxy.url, HTTPS_PROXY: `http://user:p%40ss@127.0.0.1:${proxy.port}` }
    const http = new HttpClient(settings({ env, extraCaCerts: [fixture('tls/cert.pem').toString()] }))
    try {
      const a = await http.fetch(`http://feeds.example.test:${plain.port}/feed`)
      expect(a.body.toString()).toBe('через прокси')
      expect(proxy.requests).toContain(`GET http://feeds.example.test:${plain.port}/feed`)
      expect(plain.hits[0]!.headers.host).toBe(`feeds.example.test:${plain.port}`)
      const b = await http.fetch(`https://feeds.example.test:${secure.port}/feed`)
      expect(b.body.toString()).toBe('через туннель')
      const auth = 'Basic ' + Buffer.from('user:p@ss').toString('base64')
      expect(proxy.requests).toContain(`CONNECT feeds.example.test:${secure.port} ${auth}`)
      const n = proxy.requests.length
      await http.fetch(`${plain.base}/feed`)
      expect(proxy.requests.length).toBe(n)
    } finally {
      http.close()
      await Promise.all([plain.close(), secure.close(), proxy.close()])
    }
  })

  it("uses the host's resolveProxy (Electron) before the environment", async () => {
    const plain = await startServer({ '/feed': serve('ok', 'text/plain') })
    const proxy = await startProxy()
    const asked: string[] = []
    const http = new HttpClient(
      settings({
        env: { HTTP_PROXY: 'http://127.0.0.1:1' },
        resolveProxy: async (url) => (asked.push(url), `PROXY 127.0.0.1:${proxy.port}; DIRECT`)
      })
    )
    try {
      expect((await http.fetch(`http://feeds.example.test:${plain.port}/feed`)).body.toString()).toBe('ok')
      expect(asked).toEqual([`http://feeds.example.test:${plain.port}/feed`])
      expect(proxy.requests).toHaveLength(1)
    } finally {
      http.close()
      await Promise.all([plain.close(), proxy.close()])
    }
  })

  it('rejects a TLS certificate that is not trusted', async () => {
    const secure = await startServer({ '/feed': serve('x', 'text/plain') }, { tls: true })
    const http = new HttpClient(settings())
    try {
      const e = await failure(http.fetch(`${secure.base}/feed`))
      expect(e.message).toMatch(/certificate/)
      expect(e.advice).toMatch(/CA certificate/)
    } finally {
      http.close()
      await secure.close()
    }
  })
})
