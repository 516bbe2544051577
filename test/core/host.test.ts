import { describe, expect, it, afterAll } from 'vitest'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { request } from 'node:http'
import { startTestHost, type TestHost } from '../../src/main/host/server'
import { Workspace } from '../../src/main/core/workspace'
import { createHandlers } from '../../src/main/core/api/handlers'
import { createDemo } from '../../src/main/core/demo'
import { tempDb } from '../helpers/db'

function http(
  port: number,
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {}
) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>(
    (resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: opts.headers },
        (res) => {
          let body = ''
          res.on('data', (d) => (body += d))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }))
        }
      )
      req.on('error', reject)
      req.end(opts.body)
    }
  )
}

describe('browser test host', () => {
  let host: TestHost
  afterAll(() => host?.close())

  it('serves the renderer and the API only with the token, on loopback, to its own origin', async () => {
    const { db, path, dir } = tempDb('host')
    createDemo(db, { seed: 2, weeks: 1, until: '2026-11-22' })
    const renderer = join(dir, 'renderer')
    mkdirSync(renderer)
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>x</title>')
    const ws = new Workspace(db, path)
    host = await startTestHost({ ws, handlers: createHandlers(ws, 'browser'), rendererDir: renderer })
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}$/)
    const H = { host: `127.0.0.1:${host.port}` }
    expect((await http(host.port, '/', { headers: H })).status).toBe(401)
    expect((await http(host.port, '/?token=wrong', { headers: H })).status).toBe(401)
    const page = await http(host.port, `/?token=${host.token}`, { headers: H })
    expect(page.status).toBe(200)
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'")
    expect((await http(host.port, `/../../etc/passwd?token=${host.token}`, { headers: H })).status).toBe(404)
    // DNS rebinding: a foreign Host or Origin is refused even with the token.
    expect(
      (await http(host.port, `/?token=${host.token}`, { headers: { host: `evil.example:${host.port}` } }))
        .status
    ).toBe(421)
    const api = (body: string, headers: Record<string, string> = {}) =>
      http(host.port, '/api/stats:get', {
        method: 'POST',
        headers: { ...H, 'x-otklik-token': host.token, 'content-type': 'application/json', ...headers },
        body
      })
    expect((await api('{}', { origin: 'http://evil.example' })).status).toBe(403)
    const ok = await api('{}')
    expect(ok.status).toBe(200)
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { mentions: expect.any(Number) } })
    const bad = JSON.parse((await api('{"from": 5}')).body)
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(JSON.parse((await api('not json')).body)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' }
    })
  })

  it('hands over report files from the history for download, and nothing else', async () => {
    const { db, path, dir } = tempDb('host-reports')
    createDemo(db, { seed: 2, weeks: 2, until: '2026-11-22' })
    const renderer = join(dir, 'renderer')
    mkdirSync(renderer)
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>x</title>')
    const secret = join(dir, 'secret.txt')
    writeFileSync(secret, 'not a report')
    const ws = new Workspace(db, path)
    const h = await startTestHost({ ws, handlers: createHandlers(ws, 'browser'), rendererDir: renderer })
    try {
      const H = { host: `127.0.0.1:${h.port}`, 'x-otklik-token': h.token, 'content-type': 'application/json' }
      const call = async (name: string, input: unknown) =>
        JSON.parse(
          (await http(h.port, `/api/${name}`, { method: 'POST', headers: H, body: JSON.stringify(input) }))
            .body
        ) as {
          ok: boolean
          value: Record<string, unknown>
          error?: { code: string; message: string }
        }
      await call('settings:set', { reportsFolder: join(dir, 'reports') })
      const made = await call('reports:export', { week: '2026-W47', formats: ['pdf'] })
      const file = (made.value.files as string[])[0]!
      const opened = await call('reports:open', { path: file })
      expect(opened.value.opened).toBe(false)
      const url = opened.value.downloadUrl as string
      expect(url).toMatch(/^\/report-file\?path=/)
      const got = await http(h.port, url, { headers: H })
      expect(got.status).toBe(200)
      expect(got.headers['content-type']).toBe('application/pdf')
      expect(String(got.headers['content-disposition'])).toContain('attachment')
      expect(got.body.startsWith('%PDF')).toBe(true)
      // Without the token, or for a file the reports did not write: refused.
      expect((await http(h.port, url, { headers: { host: H.host } })).status).toBe(401)
      const other = `/report-file?path=${encodeURIComponent(secret)}`
      expect((await http(h.port, other, { headers: H })).status).toBe(404)
      expect((await call('reports:open', { path: secret })).error).toMatchObject({ code: 'VALIDATION' })
    } finally {
      await h.close()
    }
  }, 60_000)
})
