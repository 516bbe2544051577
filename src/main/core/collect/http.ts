import http from 'node:http'
import https from 'node:https'
import tls from 'node:tls'
import dns from 'node:dns'
import { isIP, type LookupFunction } from 'node:net'
import zlib from 'node:zlib'
import type { Readable } from 'node:stream'
import { safeHttpUrl } from '../../../shared/url'
import { CollectError } from './errors'
import { internalClass, type InternalClass } from './address'
import {
  aborted,
  httpError,
  internalAddress,
  InternalAddressError,
  networkError,
  timeoutError,
  tooLarge
} from './http-errors'
import { RequestLimiter } from './limiter'
import { chooseProxy, connectTunnel, proxyAuthHeader } from './proxy'
import type { CollectSettings } from './types'

export interface FetchOptions {
  etag?: string | null
  lastModified?: string | null
  accept?: string
  signal?: AbortSignal
  /**
   * The source's own address (default: `url`). Loopback, link-local, private and multicast addresses are
   * refused, after name resolution and at every redirect, unless this address is of that class itself
   * (an intranet feed added on purpose).
   */
  origin?: string
}

/** Which internal address classes a fetch may reach, and whether it has been redirected. */
interface Guard {
  allowed: Set<InternalClass>
  redirected: boolean
}

export interface FetchResult {
  /** The address the body came from, after redirects. */
  url: string
  status: number
  notModified: boolean
  contentType: string | null
  etag: string | null
  lastModified: string | null
  body: Buffer
  /** Addresses that redirected, in order. */
  redirects: string[]
}

type Hop =
  | { kind: 'redirect'; status: number; location: string }
  | { kind: 'done'; status: number; headers: http.IncomingHttpHeaders; body: Buffer }

const REDIRECTS = new Set([301, 302, 303, 307, 308])

/**
 * The HTTP client of one collection round: keep-alive agents, the request limiter, timeouts,
 * the size cap, decompression, redirects and proxies. close() frees every socket.
 */
export class HttpClient {
  private readonly s: CollectSettings
  private readonly limiter: RequestLimiter
  private readonly httpAgent: http.Agent
  private readonly httpsAgent: https.Agent
  private readonly ca: string[] | undefined
  private readonly lookup: LookupFunction

  constructor(settings: CollectSettings, limiter?: RequestLimiter) {
    this.s = settings
    this.lookup = settings.lookup ?? (dns.lookup as unknown as LookupFunction)
    this.limiter = limiter ?? new RequestLimiter(settings.maxConcurrent, settings.perHost)
    this.ca = settings.extraCaCerts?.length ? [...tls.rootCertificates, ...settings.extraCaCerts] : undefined
    const agentOpts = {
      keepAlive: true,
      maxSockets: settings.perHost,
      maxFreeSockets: 4,
      timeout: settings.totalTimeoutMs
    }
    this.httpAgent = new http.Agent(agentOpts)
    this.httpsAgent = new https.Agent({ ...agentOpts, ca: this.ca })
  }

  close(): void {
    this.httpAgent.destroy()
    this.httpsAgent.destroy()
  }

  /** GETs `url`, following redirects (each re-checked and re-admitted by the limiter). */
  async fetch(url: string, opts: FetchOptions = {}): Promise<FetchResult> {
    let current = safeHttpUrl(url)
    if (!current)
      throw new CollectError(
        'http',
        `"${url}" is not an http(s) address`,
        'Edit the source and give a web address starting with https://.'
      )
    // The total timeout counts from the first admission: time queued behind other requests to the host is not the site's fault.
    let deadline: number | null = null
    const redirects: string[] = []
    const seen = new Set<string>([current.href])
    const headers: Record<string, string> = {
      'User-Agent': this.s.userAgent,
      Accept: opts.accept ?? '*/*',
      'Accept-Encoding': 'gzip, deflate, br',
      'Accept-Language': 'ru,kk;q=0.9,en;q=0.8'
    }
    if (opts.etag) headers['If-None-Match'] = opts.etag
    if (opts.lastModified) headers['If-Modified-Since'] = opts.lastModified
    const guard: Guard = {
      allowed: await this.ownClasses(safeHttpUrl(opts.origin ?? url) ?? current),
      redirected: false
    }
    for (;;) {
      const release = await this.limiter
        .acquire(`${current.hostname}:${port(current)}`, opts.signal)
        .catch(() => {
          throw aborted()
        })
      deadline ??= performance.now() + this.s.totalTimeoutMs
      let hop: Hop
      try {
        hop = await this.once(current, headers, deadline, guard, opts.signal)
      } finally {
        release()
      }
      if (hop.kind === 'done') {
        const h = hop.headers
        return {
          url: current.href,
          status: hop.status,
          notModified: hop.status === 304,
          contentType: str(h['content-type']),
          etag: str(h.etag),
          lastModified: str(h['last-modified']),
          body: hop.body,
          redirects
        }
      }
      let next: URL | null = null
      try {
        next = safeHttpUrl(new URL(hop.location, current).href)
      } catch {
        next = null
      }
      if (!next) {
        throw new CollectError(
          'redirect',
          `the server redirected to "${hop.location}", which is not a web address`,
          'Open the address in a browser and use the page it ends on.'
        )
      }
      redirects.push(current.href)
      if (seen.has(next.href)) {
        throw new CollectError(
          'redirect',
          `the address redirects in a loop (${current.href} → ${next.href})`,
          'The site is misconfigured; check the address in a browser or try again later.'
        )
      }
      if (redirects.length > this.s.maxRedirects) {
        throw new CollectError(
          'redirect',
          `more than ${this.s.maxRedirects} redirects`,
          'Open the address in a browser and use the page it ends on.'
        )
      }
      seen.add(next.href)
      current = next
      guard.redirected = true
    }
  }

  /** The internal classes of the source's own address (resolved when it is a name): those stay reachable. */
  private async ownClasses(u: URL): Promise<Set<InternalClass>> {
    const host = bare(u.hostname)
    if (isIP(host)) {
      const c = internalClass(host)
      return new Set(c ? [c] : [])
    }
    const addresses = await new Promise<string[]>((resolve) =>
      this.lookup(host, { all: true }, (err, a) =>
        resolve(err ? [] : Array.isArray(a) ? a.map((x) => x.address) : [a])
      )
    )
    return new Set(addresses.map(internalClass).filter((c): c is InternalClass => c !== null))
  }

  /**
   * Name resolution for the socket that drops the addresses the guard does not allow, and fails (before
   * any connection) when none is left: a name that resolves to 169.254.169.254 is refused like the literal.
   */
  private guardedLookup(guard: Guard): LookupFunction {
    return (hostname, options, callback) => {
      this.lookup(hostname, { ...options, all: true }, (err, a) => {
        if (err) return callback(err, '', 0)
        const list = Array.isArray(a) ? a : [{ address: a, family: isIP(a) }]
        const ok = list.filter((x) => {
          const c = internalClass(x.address)
          return c === null || guard.allowed.has(c)
        })
        if (!ok.length) {
          const first = list[0]
          if (!first) return callback(Object.assign(new Error('no address'), { code: 'ENOTFOUND' }), '', 0)
          const e = new InternalAddressError(internalClass(first.address)!, first.address, hostname)
          return callback(e as unknown as NodeJS.ErrnoException, '', 0)
        }
        if (options.all) callback(null, ok)
        else callback(null, ok[0]!.address, ok[0]!.family)
      })
    }
  }

  /** Refuses an internal IP literal, or (through a proxy, which resolves names itself) a name that resolves to one. */
  private async checkHost(host: string, guard: Guard, viaProxy: boolean): Promise<void> {
    const c = internalClass(host)
    if (c) {
      if (!guard.allowed.has(c))
        throw internalAddress(new InternalAddressError(c, host, host), guard.redirected)
      return
    }
    if (!viaProxy || isIP(host)) return
    const lookup = this.guardedLookup(guard)
    const e = await new Promise<unknown>((resolve) => lookup(host, { all: true }, (err) => resolve(err)))
    // A name the proxy resolves but we cannot is the proxy's business.
    if (e instanceof InternalAddressError) throw internalAddress(e, guard.redirected)
  }

  /** One request/response. Resolves with a redirect or the whole (decompressed, capped) body. */
  private async once(
    u: URL,
    baseHeaders: Record<string, string>,
    deadline: number,
    guard: Guard,
    signal?: AbortSignal
  ): Promise<Hop> {
    if (signal?.aborted) throw aborted()
    const left = deadline - performance.now()
    if (left <= 0) throw timeoutError(this.s.totalTimeoutMs)
    const proxy = await chooseProxy(u, { env: this.s.env, resolveProxy: this.s.resolveProxy })
    const headers = { ...baseHeaders }
    const host = bare(u.hostname)
    await this.checkHost(host, guard, !!proxy)
    // SNI carries host names only, never IP literals.
    const servername = isIP(host) ? undefined : host
    let options: http.RequestOptions
    let mod: typeof http | typeof https = u.protocol === 'https:' ? https : http
    if (proxy && u.protocol === 'http:') {
      // Plain HTTP through a proxy: absolute-URI request to the proxy.
      const auth = proxyAuthHeader(proxy)
      if (auth) headers['Proxy-Authorization'] = auth
      headers.Host = u.host
      options = {
        host: proxy.hostname.replace(/^\[|\]$/g, ''),
        port: Number(proxy.port || 80),
        path: u.href,
        method: 'GET',
        headers,
        agent: false
      }
      mod = http
    } else if (proxy) {
      // HTTPS through a proxy: CONNECT tunnel, then TLS inside it.
      const socket = await connectTunnel(proxy, host, port(u), {
        timeoutMs: Math.min(this.s.connectTimeoutMs, left),
        userAgent: this.s.userAgent,
        signal
      })
      const ca = this.ca
      options = {
        host,
        port: port(u),
        path: u.pathname + u.search,
        method: 'GET',
        headers,
        // No `agent` key: with agent:false Node would make an Agent that ignores createConnection.
        createConnection: () => tls.connect({ socket, servername, ca })
      }
    } else {
      const agent = u.protocol === 'https:' ? this.httpsAgent : this.httpAgent
      options = {
        host,
        port: port(u),
        path: u.pathname + u.search,
        method: 'GET',
        headers,
        agent,
        lookup: this.guardedLookup(guard),
        ...(servername ? { servername } : {})
      } as http.RequestOptions
    }
    const tunnelled = !!proxy && u.protocol === 'https:'
    const maxBytes = this.s.maxBytes
    const connectMs = this.s.connectTimeoutMs

    return new Promise<Hop>((resolve, reject) => {
      let settled = false
      let body: Readable | null = null
      const req = mod.request(options)
      const finish = (err: Error | null, hop?: Hop): void => {
        if (settled) return
        settled = true
        clearTimeout(totalTimer)
        clearTimeout(connectTimer)
        signal?.removeEventListener('abort', onAbort)
        if (err) {
          body?.destroy()
          req.destroy()
          reject(err)
        } else resolve(hop!)
      }
      const onAbort = (): void => finish(aborted())
      signal?.addEventListener('abort', onAbort, { once: true })
      const totalTimer = setTimeout(
        () => finish(timeoutError(this.s.totalTimeoutMs)),
        Math.max(1, deadline - performance.now())
      )
      // Through a CONNECT tunnel the socket is already connected: only the total timeout applies.
      const connectTimer = tunnelled
        ? undefined
        : setTimeout(
            () =>
              finish(
                new CollectError(
                  'timeout',
                  `no connection to ${u.host} within ${connectMs / 1000} s`,
                  'The site may be down or blocked on this network; collection retries automatically.'
                )
              ),
            connectMs
          )
      req.once('socket', (s) => {
        if (s.connecting) s.once('connect', () => clearTimeout(connectTimer))
        else clearTimeout(connectTimer)
      })
      req.on('error', (e) =>
        finish(
          e instanceof InternalAddressError
            ? internalAddress(e, guard.redirected)
            : networkError(e as NodeJS.ErrnoException, u)
        )
      )
      req.once('response', (res) => {
        clearTimeout(connectTimer)
        const status = res.statusCode ?? 0
        if (REDIRECTS.has(status) && res.headers.location) {
          res.destroy()
          return finish(null, { kind: 'redirect', status, location: res.headers.location })
        }
        if (status === 304) {
          res.resume()
          return finish(null, { kind: 'done', status, headers: res.headers, body: Buffer.alloc(0) })
        }
        if (status < 200 || status >= 300) {
          res.destroy()
          return finish(httpError(status, res.statusMessage))
        }
        const declared = Number(res.headers['content-length'])
        const encoding = String(res.headers['content-encoding'] ?? '')
          .trim()
          .toLowerCase()
        if (!encoding && Number.isFinite(declared) && declared > maxBytes) {
          finish(tooLarge(maxBytes, declared))
          res.destroy()
          return
        }
        body = decoderFor(encoding, res)
        const chunks: Buffer[] = []
        let bytes = 0
        body.on('data', (c: Buffer) => {
          bytes += c.length
          // Aborts the download as soon as the cap is passed: nothing past it is read or kept.
          if (bytes > maxBytes) {
            finish(tooLarge(maxBytes, null))
            res.destroy()
            return
          }
          chunks.push(c)
        })
        body.once('end', () =>
          finish(null, { kind: 'done', status, headers: res.headers, body: Buffer.concat(chunks, bytes) })
        )
        body.on('error', (e) =>
          finish(
            new CollectError(
              'network',
              `the response could not be read (${encoding || 'plain'}: ${e.message})`,
              'Collection retries automatically; if it repeats, the site sends a damaged response.'
            )
          )
        )
        res.once('aborted', () =>
          finish(
            new CollectError(
              'network',
              'the server closed the connection before the end of the response',
              'Collection retries automatically.'
            )
          )
        )
        res.on('error', (e) => finish(networkError(e as NodeJS.ErrnoException, u)))
      })
      req.end()
    })
  }
}

/** IPv6 literals come bracketed in URLs. */
function bare(hostname: string): string {
  return hostname.replace(/^\[|\]$/g, '')
}

function port(u: URL): number {
  return Number(u.port || (u.protocol === 'https:' ? 443 : 80))
}

function str(v: string | string[] | undefined): string | null {
  if (Array.isArray(v)) return v[0] ?? null
  return v ?? null
}

/** gzip / deflate (zlib or raw) / br; anything else passes through. */
function decoderFor(encoding: string, res: http.IncomingMessage): Readable {
  if (encoding === 'gzip' || encoding === 'x-gzip') return res.pipe(zlib.createGunzip())
  if (encoding === 'br') return res.pipe(zlib.createBrotliDecompress())
  if (encoding === 'deflate') return res.pipe(zlib.createUnzip())
  return res
}
