import http from 'node:http'
import type { Socket } from 'node:net'
import { isIP } from 'node:net'
import { CollectError } from './errors'

/** Loopback addresses are never sent through a proxy. */
export function isLoopback(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase()
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h)
}

/**
 * Whether NO_PROXY exempts host:port. Entries are comma/space separated: `*`, a host (also matches its
 * subdomains), `.domain`, `*.domain`, `host:port`, an IP, or an IPv4 CIDR (10.0.0.0/8).
 */
export function noProxyMatches(hostname: string, port: string, noProxy: string | undefined): boolean {
  if (!noProxy) return false
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase()
  for (const raw of noProxy.split(/[\s,]+/)) {
    let entry = raw.trim().toLowerCase()
    if (!entry) continue
    if (entry === '*') return true
    let entryPort: string | null = null
    const m = /^(.*):(\d+)$/.exec(entry)
    if (m && !entry.includes('::')) {
      entry = m[1]!
      entryPort = m[2]!
    }
    if (entryPort && entryPort !== port) continue
    entry = entry.replace(/^\[|\]$/g, '')
    if (entry.includes('/') && isIP(host) === 4) {
      if (inCidr(host, entry)) return true
      continue
    }
    const bare = entry.replace(/^\*?\./, '')
    if (host === bare || host.endsWith('.' + bare)) return true
  }
  return false
}

function inCidr(ip: string, cidr: string): boolean {
  const [base, bitsText] = cidr.split('/')
  const bits = Number(bitsText)
  if (!base || isIP(base) !== 4 || !(bits >= 0 && bits <= 32)) return false
  const toInt = (s: string): number => s.split('.').reduce((a, p) => (a << 8) + Number(p), 0) >>> 0
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0
  return (toInt(ip) & mask) === (toInt(base) & mask)
}

/**
 * A proxy URL from a setting or from Electron's resolveProxy answer.
 * 'PROXY host:8080; DIRECT' → http://host:8080; 'DIRECT' / '' / null → null; 'http://u:p@h:3128' as is.
 */
export function parseProxySpec(spec: string | null | undefined): URL | null {
  if (!spec) return null
  for (const part of spec.split(';')) {
    const p = part.trim()
    if (!p) continue
    if (/^direct$/i.test(p)) return null
    const pac = /^(PROXY|HTTP|HTTPS)\s+(\S+)$/i.exec(p)
    if (pac) return toUrl(`http://${pac[2]}`)
    if (/^SOCKS/i.test(p)) continue // not supported: try the next entry
    return toUrl(/^[a-z]+:\/\//i.test(p) ? p : `http://${p}`)
  }
  return null
}

function toUrl(s: string): URL | null {
  try {
    const u = new URL(s)
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null
  } catch {
    return null
  }
}

/** The proxy the environment asks for, or null (direct). */
export function proxyFromEnv(target: URL, env: Record<string, string | undefined>): URL | null {
  const pick = (name: string): string | undefined =>
    env[name.toLowerCase()] || env[name.toUpperCase()] || undefined
  const spec = target.protocol === 'https:' ? pick('https_proxy') : pick('http_proxy')
  if (!spec) return null
  const port = target.port || (target.protocol === 'https:' ? '443' : '80')
  if (noProxyMatches(target.hostname, port, pick('no_proxy'))) return null
  return parseProxySpec(spec)
}

/** Chooses the proxy for one request: never for loopback; Electron's resolver when given, else the environment. */
export async function chooseProxy(
  target: URL,
  opts: { env?: Record<string, string | undefined>; resolveProxy?: (url: string) => Promise<string | null> }
): Promise<URL | null> {
  if (isLoopback(target.hostname)) return null
  if (opts.resolveProxy) {
    try {
      return parseProxySpec(await opts.resolveProxy(target.href))
    } catch {
      /* the resolver failed: fall back to the environment */
    }
  }
  return proxyFromEnv(target, opts.env ?? process.env)
}

export function proxyAuthHeader(proxy: URL): string | undefined {
  if (!proxy.username) return undefined
  const cred = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`
  return 'Basic ' + Buffer.from(cred).toString('base64')
}

/**
 * Opens a CONNECT tunnel through an HTTP proxy to host:port; resolves with the raw socket
 * (the caller starts TLS on it). The tunnel request honours the connect timeout and the abort signal.
 */
export function connectTunnel(
  proxy: URL,
  host: string,
  port: number,
  opts: { timeoutMs: number; userAgent: string; signal?: AbortSignal }
): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const authority = `${host.includes(':') ? `[${host}]` : host}:${port}`
    const headers: Record<string, string> = { Host: authority, 'User-Agent': opts.userAgent }
    const auth = proxyAuthHeader(proxy)
    if (auth) headers['Proxy-Authorization'] = auth
    const req = http.request({
      host: proxy.hostname.replace(/^\[|\]$/g, ''),
      port: Number(proxy.port || 80),
      method: 'CONNECT',
      path: authority,
      headers,
      agent: false
    })
    const fail = (e: CollectError): void => {
      clearTimeout(timer)
      opts.signal?.removeEventListener('abort', onAbort)
      req.destroy()
      reject(e)
    }
    const onAbort = (): void =>
      fail(new CollectError('aborted', 'collection was stopped', 'It runs again on schedule.'))
    const timer = setTimeout(
      () =>
        fail(
          new CollectError(
            'timeout',
            `the proxy ${proxy.host} did not open a connection within ${opts.timeoutMs / 1000} s`,
            'Check the proxy settings (HTTPS_PROXY) or ask IT whether the proxy works.'
          )
        ),
      opts.timeoutMs
    )
    opts.signal?.addEventListener('abort', onAbort, { once: true })
    req.once('connect', (res, socket, head) => {
      clearTimeout(timer)
      opts.signal?.removeEventListener('abort', onAbort)
      if (res.statusCode !== 200) {
        socket.destroy()
        reject(
          new CollectError(
            'proxy',
            `the proxy ${proxy.host} refused the connection to ${authority} (${res.statusCode} ${res.statusMessage ?? ''})`.trim(),
            res.statusCode === 407
              ? 'The proxy needs a login: put it in HTTPS_PROXY as http://user:password@host:port.'
              : 'Ask IT whether the proxy allows this site.'
          )
        )
        return
      }
      if (head && head.length) socket.unshift(head)
      resolve(socket)
    })
    req.on('error', (e) =>
      fail(
        new CollectError(
          'proxy',
          `cannot reach the proxy ${proxy.host}: ${(e as NodeJS.ErrnoException).code ?? e.message}`,
          'Check the proxy settings (HTTPS_PROXY / HTTP_PROXY) or ask IT.'
        )
      )
    )
    req.end()
  })
}
