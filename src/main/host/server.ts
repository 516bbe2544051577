import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createReadStream, existsSync, statSync } from 'node:fs'
import { basename, extname, join, normalize, resolve, sep } from 'node:path'
import { EVENT_NAMES } from '../../shared/api'
import { dispatch, type Handlers } from '../core/api/dispatch'
import type { Workspace } from '../core/workspace'
import { RENDERER_CSP } from '../security'
import { REPORT_FILE_ROUTE } from '../core/api/handlers'
import { reportHistoryFile } from '../core/report/history'

export interface TestHost {
  url: string
  port: number
  token: string
  close(): Promise<void>
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json'
}
const REPORT_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
}
const MAX_BODY = 8 * 1024 * 1024

/**
 * The browser test host: serves the built renderer and answers the API table over HTTP (+ SSE events)
 * so Playwright drives the real UI in Chromium. Loopback only; a random token is required on every
 * request (query, header or the cookie set from the query); foreign Host/Origin headers are refused
 * (DNS rebinding). Never started by the installed app.
 */
export function startTestHost(opts: {
  ws: Workspace
  handlers: Handlers
  rendererDir: string
  port?: number
}): Promise<TestHost> {
  const token = randomBytes(24).toString('hex')
  const rendererDir = resolve(opts.rendererDir)
  const sseClients = new Set<ServerResponse>()
  const unsubscribers = EVENT_NAMES.map((name) =>
    opts.ws.events.on(name, (payload) => {
      const data = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`
      for (const res of sseClients) res.write(data)
    })
  )
  let port = 0

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
      res.end(`Internal error: ${(e as Error).message}`)
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`]
    if (!allowedHosts.includes(req.headers.host ?? '')) return deny(res, 421, 'Unexpected Host header')
    const origin = req.headers.origin
    if (origin && !allowedHosts.some((h) => origin === `http://${h}`)) return deny(res, 403, 'Foreign origin')
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`)
    const given =
      url.searchParams.get('token') ??
      (req.headers['x-otklik-token'] as string | undefined) ??
      cookie(req, 'otklik_token')
    if (!given || !safeEqual(given, token)) return deny(res, 401, 'Token required')
    const headers: Record<string, string> = {
      'set-cookie': `otklik_token=${token}; Path=/; HttpOnly; SameSite=Strict`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store'
    }
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return deny(res, 405, 'POST only')
      const body = await readBody(req)
      let input: unknown
      try {
        input = body.length ? JSON.parse(body.toString('utf8')) : undefined
      } catch {
        res.writeHead(400, { ...headers, 'content-type': 'application/json' })
        res.end(
          JSON.stringify({ ok: false, error: { code: 'VALIDATION', message: 'Request body is not JSON' } })
        )
        return
      }
      const result = await dispatch(opts.handlers, decodeURIComponent(url.pathname.slice(5)), input, {
        dbPath: opts.ws.dbPath
      })
      res.writeHead(200, { ...headers, 'content-type': 'application/json; charset=utf-8' })
      res.end(JSON.stringify(result))
      return
    }
    if (url.pathname === '/events') {
      res.writeHead(200, { ...headers, 'content-type': 'text/event-stream', connection: 'keep-alive' })
      res.write(': connected\n\n')
      sseClients.add(res)
      req.on('close', () => sseClients.delete(res))
      return
    }
    if (url.pathname === REPORT_FILE_ROUTE) {
      // Only a file some digest in the reports history wrote (never any other path on the machine).
      const file = reportHistoryFile(opts.ws.db, url.searchParams.get('path') ?? '')
      if (!file) return deny(res, 404, 'Not a file of the reports history')
      const name = basename(file)
      res.writeHead(200, {
        ...headers,
        'content-type': REPORT_TYPES[extname(file)] ?? 'application/octet-stream',
        'content-disposition': `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(name)}`
      })
      createReadStream(file).pipe(res)
      return
    }
    const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '')
    const file = normalize(join(rendererDir, rel))
    if (!file.startsWith(rendererDir + sep) || !existsSync(file) || !statSync(file).isFile())
      return deny(res, 404, 'Not found')
    res.writeHead(200, {
      ...headers,
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      ...(extname(file) === '.html' ? { 'content-security-policy': RENDERER_CSP } : {})
    })
    createReadStream(file).pipe(res)
  }

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      const addr = server.address()
      port = typeof addr === 'object' && addr ? addr.port : 0
      resolvePromise({
        url: `http://127.0.0.1:${port}/?token=${token}`,
        port,
        token,
        close: () =>
          new Promise<void>((done) => {
            unsubscribers.forEach((u) => u())
            for (const c of sseClients) c.end()
            server.closeAllConnections?.()
            server.close(() => done())
          })
      })
    })
  })
}

function deny(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' })
  res.end(message)
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=')
    if (k === name) return v.join('=')
  }
  return undefined
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_BODY) {
        reject(new Error('Request body too large'))
        req.destroy()
        return
      }
      chunks.push(c)
    })
    req.on('end', () => resolveBody(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}
