import http from 'node:http'
import https from 'node:https'
import net from 'node:net'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { type Db } from '../../src/main/core/db'
import { openWorkspaceDatabase } from '../../src/main/core/workspace'

export const FIXTURES = join(__dirname, '..', 'fixtures', 'collect')
export const fixture = (name: string): Buffer => readFileSync(join(FIXTURES, name))

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void

export interface Hit {
  method: string
  url: string
  headers: http.IncomingHttpHeaders
}

/** A loopback HTTP(S) server with a route table (path with query first, then path alone). */
export interface TestServer {
  port: number
  base: string
  hits: Hit[]
  routes: Map<string, Handler>
  /** Most requests handled at the same time. */
  maxInFlight: number
  close(): Promise<void>
}

export async function startServer(
  routes: Record<string, Handler> = {},
  opts: { tls?: boolean } = {}
): Promise<TestServer> {
  const table = new Map(Object.entries(routes))
  const hits: Hit[] = []
  let inFlight = 0
  const state = { maxInFlight: 0 }
  const handler = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    hits.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers })
    inFlight++
    state.maxInFlight = Math.max(state.maxInFlight, inFlight)
    res.once('close', () => inFlight--)
    const url = req.url ?? '/'
    const h = table.get(url) ?? table.get(url.split('?')[0]!)
    if (!h) {
      res.writeHead(404, { 'Content-Type': 'text/plain' })
      res.end('not found')
      return
    }
    h(req, res)
  }
  const server = opts.tls
    ? https.createServer({ key: fixture('tls/key.pem'), cert: fixture('tls/cert.pem') }, handler)
    : http.createServer(handler)
  const sockets = new Set<net.Socket>()
  server.on('connection', (s) => {
    sockets.add(s)
    s.once('close', () => sockets.delete(s))
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as AddressInfo).port
  return {
    port,
    base: `${opts.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    hits,
    routes: table,
    get maxInFlight() {
      return state.maxInFlight
    },
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy()
        server.close(() => r())
      })
  }
}

/** Serves a body with a content type, and optional ETag/Last-Modified answering 304 to matching conditional requests. */
export function serve(
  body: Buffer | string,
  type: string,
  opts: { etag?: string; lastModified?: string; status?: number } = {}
): Handler {
  return (req, res) => {
    const inm = req.headers['if-none-match']
    const ims = req.headers['if-modified-since']
    if ((opts.etag && inm === opts.etag) || (!opts.etag && opts.lastModified && ims === opts.lastModified)) {
      res.writeHead(304, {
        ...(opts.etag ? { ETag: opts.etag } : {}),
        ...(opts.lastModified ? { 'Last-Modified': opts.lastModified } : {})
      })
      res.end()
      return
    }
    const headers: Record<string, string> = { 'Content-Type': type }
    if (opts.etag) headers.ETag = opts.etag
    if (opts.lastModified) headers['Last-Modified'] = opts.lastModified
    res.writeHead(opts.status ?? 200, headers)
    res.end(body)
  }
}

export function redirect(to: string, status = 302): Handler {
  return (_req, res) => {
    res.writeHead(status, { Location: to })
    res.end()
  }
}

/**
 * A forward proxy on loopback: absolute-URI GETs and CONNECT tunnels, every target host sent to
 * 127.0.0.1 (so made-up host names need no DNS). Records what it was asked.
 */
export async function startProxy(): Promise<{
  port: number
  url: string
  requests: string[]
  close(): Promise<void>
}> {
  const requests: string[] = []
  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`)
    const target = new URL(req.url ?? '')
    const up = http.request(
      {
        host: '127.0.0.1',
        port: Number(target.port || 80),
        path: target.pathname + target.search,
        method: req.method,
        headers: req.headers
      },
      (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers)
        r.pipe(res)
      }
    )
    up.on('error', () => {
      res.writeHead(502)
      res.end()
    })
    req.pipe(up)
  })
  const sockets = new Set<net.Socket>()
  server.on('connection', (s) => {
    sockets.add(s)
    s.once('close', () => sockets.delete(s))
  })
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    requests.push(`CONNECT ${req.url} ${req.headers['proxy-authorization'] ?? ''}`.trim())
    const [, port] = (req.url ?? '').split(/:(?=\d+$)/)
    const upstream = net.connect(Number(port), '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length) upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    sockets.add(upstream)
    upstream.once('close', () => sockets.delete(upstream))
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as AddressInfo).port
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy()
        server.close(() => r())
      })
  }
}

/** A fresh workspace database in a temp folder. */
export function tempDb(): { db: Db; dir: string; path: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'otklik-collect-'))
  const path = join(dir, 'workspace.sqlite')
  const db = openWorkspaceDatabase(path, { create: true })
  return {
    db,
    dir,
    path,
    cleanup: () => {
      try {
        db.close()
      } catch {
        /* already closed */
      }
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

/** Settings for tests: short timeouts, no jitter, no waiting for files to settle. */
export const FAST = {
  connectTimeoutMs: 1_000,
  totalTimeoutMs: 1_500,
  lockWaitMs: 300,
  jitterMaxMs: 0,
  folderMinAgeMs: 0,
  folderSettleMs: 20,
  startDelayMs: 10,
  tickMaxMs: 200,
  env: {} as Record<string, string | undefined>
}
