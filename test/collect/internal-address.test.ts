import net, { type LookupFunction } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { CollectError, HttpClient, resolveSettings } from '../../src/main/core/collect'
import { internalClass } from '../../src/main/core/collect/address'
import { FAST, redirect, serve, startServer, type TestServer } from './helpers'

// Issue 21, finding 4: the collector followed redirects to loopback, link-local and private addresses.
// Nothing here connects anywhere but 127.0.0.1: every refusal happens before a socket connects, and a
// spy on net.Socket#connect records the address of every socket that did.

/** A resolver from a table: host → addresses, in order for repeated questions (DNS rebinding). */
function fakeDns(table: Record<string, string[][]>): LookupFunction {
  const asked = new Map<string, number>()
  return ((host: string, options: { all?: boolean }, cb: (...a: unknown[]) => void) => {
    const answers = table[host]
    if (!answers) return cb(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' }))
    const n = asked.get(host) ?? 0
    asked.set(host, n + 1)
    const list = (answers[Math.min(n, answers.length - 1)] ?? []).map((address) => ({
      address,
      family: net.isIP(address)
    }))
    if (options.all) cb(null, list)
    else cb(null, list[0]!.address, list[0]!.family)
  }) as unknown as LookupFunction
}

async function failure(p: Promise<unknown>): Promise<CollectError> {
  try {
    await p
  } catch (e) {
    if (e instanceof CollectError) return e
    throw e
  }
  throw new Error('expected a failure')
}

describe('internal addresses', () => {
  let srv: TestServer
  const connects: string[] = []
  beforeAll(async () => {
    srv = await startServer({
      '/feed': serve('<rss version="2.0"><channel><title>x</title></channel></rss>', 'application/rss+xml'),
      '/to-metadata': redirect('http://169.254.169.254/latest/meta-data/'),
      '/to-private': redirect('http://10.0.0.1/admin'),
      '/to-v6-mapped': redirect('http://[::ffff:169.254.169.254]/'),
      '/to-multicast': redirect('http://224.0.0.251/'),
      '/to-name': redirect('http://router.example.kz/'),
      '/to-self': redirect('/feed')
    })
    const real = net.Socket.prototype.connect
    vi.spyOn(net.Socket.prototype, 'connect').mockImplementation(function (
      this: net.Socket,
      ...args: unknown[]
    ) {
      // Every socket that gets connected, by the address it connected to.
      this.once('connect', () => connects.push(String(this.remoteAddress)))
      return (real as (...a: unknown[]) => net.Socket).apply(this, args)
    })
  })
  afterEach(() => {
    // Only the loopback test server was ever connected to.
    for (const address of connects) expect(address).toBe('127.0.0.1')
    connects.length = 0
  })
  afterAll(async () => {
    vi.restoreAllMocks()
    await srv.close()
  })

  const client = (over: Parameters<typeof resolveSettings>[0] = {}): HttpClient =>
    new HttpClient(resolveSettings({ ...FAST, ...over }))

  it('classifies addresses: loopback, link-local, private, multicast, IPv6 and IPv4-mapped forms', () => {
    const cases: [string, string | null][] = [
      ['127.0.0.1', 'loopback'],
      ['127.8.9.10', 'loopback'],
      ['::1', 'loopback'],
      ['::ffff:7f00:1', 'loopback'],
      ['169.254.169.254', 'link-local'],
      ['fe80::1', 'link-local'],
      ['[::ffff:a9fe:a9fe]', 'link-local'],
      ['10.0.0.1', 'private'],
      ['172.16.0.1', 'private'],
      ['172.31.255.255', 'private'],
      ['192.168.0.10', 'private'],
      ['100.64.1.1', 'private'],
      ['fd00::5', 'private'],
      ['224.0.0.251', 'multicast'],
      ['ff02::fb', 'multicast'],
      ['0.0.0.0', 'unspecified'],
      ['::', 'unspecified'],
      ['172.32.0.1', null],
      ['93.184.216.34', null],
      ['2a00:1450:4001::200e', null],
      ['::ffff:8.8.8.8', null],
      ['example.kz', null]
    ]
    for (const [ip, want] of cases) expect([ip, internalClass(ip)]).toEqual([ip, want])
  })

  it('a loopback source still works and may redirect within loopback (tests and local feeds)', async () => {
    const http = client()
    try {
      expect((await http.fetch(`${srv.base}/to-self`)).status).toBe(200)
      expect(connects).toContain('127.0.0.1') // the spy sees real connections
    } finally {
      http.close()
    }
  })

  it('a redirect to 169.254.169.254, 10.0.0.1, a mapped IPv6 or multicast address is refused, naming the class', async () => {
    const http = client()
    try {
      const cases: [string, RegExp][] = [
        ['/to-metadata', /redirected to 169\.254\.169\.254, a link-local address/],
        ['/to-private', /redirected to 10\.0\.0\.1, a private network address/],
        ['/to-v6-mapped', /redirected to ::ffff:a9fe:a9fe, a link-local address/],
        ['/to-multicast', /redirected to 224\.0\.0\.251, a multicast address/]
      ]
      for (const [path, msg] of cases) {
        const e = await failure(http.fetch(`${srv.base}${path}`))
        expect(e.kind).toBe('internal-address')
        expect(e.message).toMatch(msg)
        expect(e.message).not.toMatch(/answered|refused the connection/)
      }
    } finally {
      http.close()
    }
  })

  it('a name that resolves to a private address is refused after resolution, before connecting', async () => {
    const http = client({ lookup: fakeDns({ 'router.example.kz': [['192.168.1.1']] }) })
    try {
      const e = await failure(http.fetch(`${srv.base}/to-name`))
      expect(e.message).toMatch(
        /redirected to router\.example\.kz \(192\.168\.1\.1\), a private network address/
      )
    } finally {
      http.close()
    }
  })

  it('a public name that re-resolves to loopback when connecting (DNS rebinding) is refused', async () => {
    // First answer (the source's own address) public, then loopback: the socket's own resolution is checked.
    const http = client({ lookup: fakeDns({ 'news.example.kz': [['93.184.216.34'], ['127.0.0.1']] }) })
    try {
      const e = await failure(http.fetch(`http://news.example.kz:${srv.port}/feed`))
      expect(e.kind).toBe('internal-address')
      expect(e.message).toMatch(/the address is news\.example\.kz \(127\.0\.0\.1\), a loopback address/)
    } finally {
      http.close()
    }
  })

  it('an intranet feed whose own name resolves to an internal address is read (it was added on purpose)', async () => {
    const http = client({ lookup: fakeDns({ 'intranet.akimat.kz': [['127.0.0.1']] }) })
    try {
      const r = await http.fetch(`http://intranet.akimat.kz:${srv.port}/feed`)
      expect(r.status).toBe(200)
      expect(r.body.toString()).toMatch(/<rss/)
    } finally {
      http.close()
    }
  })
})
