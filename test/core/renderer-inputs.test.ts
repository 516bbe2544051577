import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Resvg } from '@resvg/resvg-js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseFeed } from '../../src/main/core/collect'
import { parseFeedDate } from '../../src/main/core/collect/dates'
import { dispatch } from '../../src/main/core/api/dispatch'
import { browserPlatform, createHandlers } from '../../src/main/core/api/handlers'
import type { HostPlatform } from '../../src/main/core/api/context'
import { openWorkspaceDatabase } from '../../src/main/core/workspace'
import { MAX_LOGO_BYTES } from '../../src/main/core/report/files'
import { Workspace } from '../../src/main/core/workspace'

// Issue 21, findings 7 and 8: paths and values from the renderer were trusted; a feed date in the
// year 1000 was accepted.

let dir: string
let ws: Workspace
let opened: string[]
let handlers: ReturnType<typeof createHandlers>
let picks: string[] = []
const call = (
  channel: string,
  input: unknown
): Promise<{ ok: boolean; error?: { code: string; message: string } }> =>
  dispatch(handlers, channel, input) as Promise<{ ok: boolean; error?: { code: string; message: string } }>

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'otklik-renderer-inputs-'))
  const path = join(dir, 'w.db')
  ws = new Workspace(openWorkspaceDatabase(path, { create: true }), path)
  opened = []
  const host: HostPlatform = {
    ...browserPlatform(),
    kind: 'electron',
    uploadsDir: () => join(dir, 'uploads'),
    pickFiles: async () => picks,
    openPath: async (p) => {
      opened.push(p)
      return true
    }
  }
  handlers = createHandlers(ws, host)
})
afterAll(() => {
  ws.db.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('the main process checks what the renderer sends', () => {
  it('the logo must be a regular PNG/JPEG file under 5 MB (/dev/zero grew the host to 6 GB)', async () => {
    const png = join(dir, 'logo.png')
    writeFileSync(
      png,
      new Resvg('<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>').render().asPng()
    )
    const big = join(dir, 'big.png')
    writeFileSync(big, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(MAX_LOGO_BYTES)]))
    const text = join(dir, 'logo.txt')
    writeFileSync(text, 'not an image')
    for (const [path, why] of [
      ['/dev/zero', /not a regular file/],
      [dir, /not a regular file/],
      [big, /larger than 5 MB/],
      [text, /must be a PNG or JPEG/],
      ['relative.png', /full path/],
      [join(dir, 'missing.png'), /does not exist/]
    ] as const) {
      const r = await call('settings:set', { orgLogo: path })
      expect([path, r.ok, r.error?.code]).toEqual([path, false, 'VALIDATION'])
      expect(r.error!.message).toMatch(why)
    }
    expect((await call('settings:set', { orgLogo: png })).ok).toBe(true)
    expect((await call('settings:set', { orgLogo: null })).ok).toBe(true)
  })

  it('the reports folder must be an existing, writable folder', async () => {
    const file = join(dir, 'a-file')
    writeFileSync(file, 'x')
    expect((await call('settings:set', { reportsFolder: file })).error?.message).toMatch(/not a folder/)
    expect((await call('settings:set', { reportsFolder: join(dir, 'nope') })).error?.message).toMatch(
      /does not exist/
    )
    const locked = join(dir, 'locked')
    mkdirSync(locked)
    chmodSync(locked, 0o500)
    // root may write anywhere: the check is then the system's own answer
    const root = process.getuid?.() === 0
    const r = await call('settings:set', { reportsFolder: locked })
    expect(r.ok).toBe(root)
    if (!root) expect(r.error?.message).toMatch(/cannot be written/)
    const ok = join(dir, 'reports')
    mkdirSync(ok)
    expect((await call('settings:set', { reportsFolder: ok })).ok).toBe(true)
  })

  it('reports:open opens only files in the reports history', async () => {
    const r = await call('reports:open', { path: '/etc/passwd' })
    expect(r.error).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/reports history/) })
    const file = join(dir, 'reports', 'otklik-digest-2026-11-16--2026-11-22.docx')
    writeFileSync(file, 'x')
    ws.db
      .prepare(
        "INSERT INTO reports (period_from, period_to, lang, files, mentions, created_at) VALUES ('2026-11-16', '2026-11-22', 'ru', ?, 0, 0)"
      )
      .run(JSON.stringify([file]))
    expect((await call('reports:open', { path: file })).ok).toBe(true)
    expect(
      (await call('reports:open', { path: join(dir, 'reports', '..', 'reports', '..', 'w.db') })).ok
    ).toBe(false)
    expect(opened).toEqual([file])
  })

  it('imports:preview reads only picked, dropped/uploaded files or a watched folder', async () => {
    const csv = 'Дата;Текст\n24.08.2026;Парк открыт\n'
    const elsewhere = join(dir, 'elsewhere.csv')
    writeFileSync(elsewhere, csv)
    for (const path of ['/etc/passwd', elsewhere, join(dir, 'uploads', '..', 'elsewhere.csv')]) {
      const r = await call('imports:preview', { path })
      expect([path, r.error?.code]).toEqual([path, 'VALIDATION'])
      expect(r.error!.message).toMatch(/picked in the dialog, dropped/)
    }
    expect((await call('imports:commit', { jobId: 'j1', path: elsewhere })).error?.code).toBe('VALIDATION')
    // picked in the dialog
    picks = [elsewhere]
    expect((await call('imports:pickFiles', {})).ok).toBe(true)
    expect((await call('imports:preview', { path: elsewhere })).ok).toBe(true)
    // dropped: uploaded into the uploads folder
    const up = (await dispatch(handlers, 'imports:upload', {
      name: 'dropped.csv',
      base64: Buffer.from(csv).toString('base64')
    })) as { ok: boolean; value: { path: string } }
    expect((await call('imports:preview', { path: up.value.path })).ok).toBe(true)
    // a watched folder
    const inbox = join(dir, 'inbox')
    mkdirSync(inbox)
    writeFileSync(join(inbox, 'export.csv'), csv)
    expect((await call('sources:add', { type: 'folder', target: inbox })).ok).toBe(true)
    expect((await call('imports:preview', { path: join(inbox, 'export.csv') })).ok).toBe(true)
  })

  it('dates are bounded 1990–2100 by the schemas: dashboard:get over 0001-01-01..9999-12-31 is a validation error', async () => {
    const r = await call('dashboard:get', { filter: { from: '0001-01-01', to: '9999-12-31' } })
    expect(r.error).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/1990-01-01 to 2100-12-31/)
    })
    for (const [from, to] of [
      ['1989-12-31', '2026-01-01'],
      ['2026-01-01', '2101-01-01'],
      ['2026-02-30', '2026-03-01']
    ])
      expect((await call('stats:get', { from, to })).error?.code).toBe('VALIDATION')
    expect((await call('dashboard:get', { filter: { from: '1990-01-01', to: '2100-12-31' } })).ok).toBe(true)
  })

  it('a feed date before 1990 is treated as missing (the fetch time, counted as undated)', () => {
    expect(parseFeedDate('1000-01-01T00:00:00Z', 'Asia/Almaty')).toBeNull()
    expect(parseFeedDate('Thu, 01 Jan 1970 00:00:00 GMT', 'Asia/Almaty')).toBeNull()
    expect(parseFeedDate('1990-01-01T00:00:00Z', 'Asia/Almaty')).toBe(Date.UTC(1990, 0, 1))
    const now = Date.UTC(2026, 10, 16, 12)
    const feed = parseFeed(
      '<rss version="2.0"><channel><title>x</title><item><title>a</title><link>https://x.kz/a</link><pubDate>Mon, 01 Jan 1000 10:00:00 GMT</pubDate></item></channel></rss>',
      null,
      'https://x.kz/feed',
      { now }
    )
    expect(feed.items[0]!.publishedAt).toBe(now)
  })
})
