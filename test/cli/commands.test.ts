import { describe, expect, it, beforeAll, afterAll } from 'vitest'
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cli, cliAsync, json } from '../helpers/cli'

const dir = mkdtempSync(join(tmpdir(), 'otklik-cmd-'))
const BA_HEADER =
  'Дата;Время;Hash сообщения;ID сообщения;Заголовок;Текст;Источник;Url;Тип источника;Тип сообщения;Сюжет;Автор;Url автора;Тип автора;Место публикации;Url места публикации;Пол;Возраст;Аудитория;Комментариев;Цитируемость СМИ;Репостов;Лайков;Вовлеченность;Просмотров;Оценка;Дублей;Аудитория СМИ;Тональность;Роль объекта;Агрессия;Страна;Регион;Город;Место;Адрес;Язык;WOM;Обработано'

function baRow(i: number, text: string, tone: string): string {
  const cells = new Array(39).fill('')
  cells[0] = '16.11.2026'
  cells[1] = `1${i % 10}:0${i % 6}`
  cells[2] = `hash-${i}`
  cells[4] = ''
  cells[5] = text
  cells[6] = 'vk.com'
  cells[7] = `https://vk.com/wall-1_${i}`
  cells[11] = `Автор ${i}`
  cells[28] = tone
  return cells.join(';')
}

describe('CLI: import', () => {
  const csv = join(dir, 'ba.csv')
  writeFileSync(
    csv,
    '\uFEFF' +
      [
        BA_HEADER,
        baRow(1, 'Акимат опять не убрал снег', 'Негатив'),
        baRow(2, 'Спасибо за новый парк', 'Позитив'),
        baRow(3, '', 'Нейтрал')
      ].join('\r\n') +
      '\r\n'
  )
  const db = join(dir, 'import.db')

  it('imports a file as one batch with the contract fields, and re-import inserts nothing', () => {
    const r = json<{ batches: Record<string, unknown>[] }>(cli(['import', csv, '--db', db, '--json']))
    expect(r.batches).toHaveLength(1)
    const b = r.batches[0]!
    expect(b).toMatchObject({
      preset: 'brand-analytics',
      encoding: 'utf-8',
      delimiter: ';',
      sheet: null,
      headerRow: 1,
      rows: 3,
      inserted: 2,
      duplicates: 0,
      rejected: 1
    })
    expect(typeof b.batchId).toBe('number')
    expect((b.errors as { line: number }[])[0]!.line).toBe(4)
    const again = json<{ batches: Record<string, unknown>[] }>(cli(['import', csv, '--db', db, '--json']))
    expect(again.batches[0]).toMatchObject({ inserted: 0, duplicates: 2, rejected: 1 })
    const stats = json<{
      mentions: number
      bySentiment: Record<string, number>
      byPlatform: Record<string, number>
    }>(cli(['stats', '--db', db, '--json']))
    expect(stats.mentions).toBe(2)
    expect(stats.bySentiment).toMatchObject({ negative: 1, positive: 1 })
    expect(stats.byPlatform).toEqual({ vk: 2 })
  })

  it('--dry-run writes nothing and reports batchId null', () => {
    const fresh = join(dir, 'dry.db')
    const r = json<{ batches: Record<string, unknown>[] }>(
      cli(['import', csv, '--db', fresh, '--dry-run', '--json'])
    )
    expect(r.batches[0]).toMatchObject({ batchId: null, inserted: 2, rejected: 1 })
    if (existsSync(fresh))
      expect(json<{ mentions: number }>(cli(['stats', '--db', fresh, '--json'])).mentions).toBe(0)
  })

  it('an unreadable file fails alone: exit 1, an error entry naming it, the others imported', () => {
    const bin = join(dir, 'photo.csv')
    writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0, 0, 0, 4, 5]))
    const other = join(dir, 'other.db')
    const r = cli(['import', bin, csv, '--db', other, '--json'])
    expect(r.code).toBe(1)
    const out = JSON.parse(r.stdout) as { batches: Record<string, unknown>[] }
    expect(out.batches[0]!.error).toMatch(/photo\.csv/)
    expect(out.batches[1]).toMatchObject({ inserted: 2 })
    expect(r.stderr).toMatch(/photo\.csv/)
  })

  it('--undo removes a batch; an unknown id is an error', () => {
    const u = join(dir, 'undo.db')
    const b = json<{ batches: { batchId: number }[] }>(cli(['import', csv, '--db', u, '--json'])).batches[0]!
    expect(json(cli(['import', '--undo', String(b.batchId), '--db', u, '--json']))).toEqual({
      undone: b.batchId,
      deleted: 2
    })
    expect(json<{ mentions: number }>(cli(['stats', '--db', u, '--json'])).mentions).toBe(0)
    const bad = cli(['import', '--undo', '999', '--db', u, '--json'])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/999/)
  })
})

describe('CLI: sources, subjects, collect', () => {
  let server: Server
  let base = ''
  const hits: string[] = []
  beforeAll(async () => {
    server = createServer((req, res) => {
      hits.push(`${req.url} ${req.headers['if-none-match'] ?? ''}`)
      if (req.url === '/feed.xml') {
        if (req.headers['if-none-match'] === '"v1"') {
          res.writeHead(304)
          return res.end()
        }
        res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: '"v1"' })
        res.end(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Лента</title><link>${base}/</link>
          <item><title>Акимат открыл парк</title><link>${base}/n/1</link><description>&lt;p&gt;Новый парк на Абая&lt;/p&gt;</description><pubDate>Mon, 16 Nov 2026 10:00:00 +0500</pubDate></item>
          <item><title>Пробки на Сейфуллина</title><link>${base}/n/2</link><description>Водители стоят час</description><pubDate>Mon, 16 Nov 2026 11:00:00 +0500</pubDate></item>
          </channel></rss>`)
        return
      }
      res.writeHead(500)
      res.end('boom')
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const a = server.address()
    base = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`
  })
  afterAll(() => new Promise<void>((r) => server.close(() => r())))

  it('adds sources and subjects, collects, and a second round uses conditional GET', async () => {
    const db = join(dir, 'collect.db')
    expect(json<{ sources: unknown[] }>(await cliAsync(['collect', '--db', db, '--json']))).toEqual({
      sources: []
    })
    const good = json<{ id: number }>(
      cli(['source', 'add', 'rss', `${base}/feed.xml`, '--every', '15m', '--db', db, '--json'])
    )
    const bad = json<{ id: number }>(
      cli(['source', 'add', 'rss', `${base}/broken.xml`, '--name', 'Сломанная', '--db', db, '--json'])
    )
    expect(
      json<{ id: number }>(
        cli(['subject', 'add', 'Акимат', '--query', 'акимат OR аким', '--db', db, '--json'])
      ).id
    ).toBeGreaterThan(0)
    const syntax = cli(['subject', 'add', 'Плохой', '--query', '"незакрытая фраза', '--db', db, '--json'])
    expect(syntax.code).toBe(1)
    expect(syntax.stderr).toMatch(/position \d+/)
    const first = json<{
      sources: { id: number; status: string; new: number; url: string; error: string | null }[]
    }>(await cliAsync(['collect', '--db', db, '--json']))
    const g = first.sources.find((s) => s.id === good.id)!
    const b = first.sources.find((s) => s.id === bad.id)!
    expect(g).toMatchObject({ status: 'ok', new: 2, url: `${base}/feed.xml` })
    expect(b.status).toBe('error')
    expect(b.error).toMatch(/500/)
    const second = json<{ sources: { id: number; status: string; new: number }[] }>(
      await cliAsync(['collect', '--db', db, '--source', String(good.id), '--json'])
    )
    expect(second.sources).toEqual([expect.objectContaining({ id: good.id, status: 'not-modified', new: 0 })])
    expect(hits.some((h) => h.includes('"v1"'))).toBe(true)
    const list = json<{ sources: Record<string, unknown>[] }>(cli(['source', 'list', '--db', db, '--json']))
    for (const k of [
      'id',
      'type',
      'target',
      'url',
      'name',
      'schedule',
      'keep',
      'enabled',
      'lastRun',
      'lastStatus',
      'lastError',
      'nextRun'
    ])
      expect(list.sources[0]).toHaveProperty(k)
    const exported = cli(['export', '--db', db])
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { text: string; subjects: string[]; sourceId: number })
    expect(exported.find((m) => m.text.includes('Новый парк'))?.subjects).toEqual(['Акимат'])
    expect(exported.every((m) => !m.text.includes('<p>'))).toBe(true)
    expect(json(cli(['source', 'disable', String(bad.id), '--db', db, '--json']))).toMatchObject({
      id: bad.id,
      enabled: false
    })
    expect(json<{ subjects: unknown[] }>(cli(['subject', 'list', '--db', db, '--json'])).subjects).toEqual([
      expect.objectContaining({ name: 'Акимат', query: 'акимат OR аким' })
    ])
  }, 180_000)
})

describe('CLI: classify and digest', () => {
  it('classify answers every line, reports malformed ones, and creates nothing without --db', () => {
    const input = [
      '{"id":"a","text":"Акимат плохо работает, жители возмущены"}',
      'oops',
      '{"id":"b","text":"Спасибо акимату за отличный парк!","target":"акимату"}',
      ''
    ].join('\n')
    const before = readdirSync(dir).length
    const r = cli(['classify'], { input })
    expect(r.code).toBe(0)
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(lines).toHaveLength(3)
    expect(lines[0]).toMatchObject({ id: 'a', label: 'negative' })
    expect(lines[1]).toMatchObject({ line: 2 })
    expect(lines[2]).toMatchObject({ id: 'b', label: 'positive' })
    for (const l of [lines[0]!, lines[2]!]) expect(l.score as number).toBeGreaterThan(0)
    expect(readdirSync(dir).length).toBe(before)
  })

  it('digest writes both files for a week and prints the contract JSON', () => {
    const db = join(dir, 'digest.db')
    cli(['demo', '--db', db, '--weeks', '2', '--until', '2026-11-22'])
    const out = join(dir, 'digests')
    const r = json<{ files: string[]; period: { from: string; to: string }; mentions: number }>(
      cli(['digest', '--db', db, '--week', '2026-W47', '--out', out, '--json'])
    )
    expect(r.period).toEqual({ from: '2026-11-16', to: '2026-11-22' })
    const names = r.files.map((f) => f.replace(out + '/', '')).sort()
    expect(names).toHaveLength(2)
    expect(names[0]).toMatch(/^otklik-digest-digest-2026-11-16--2026-11-22-\d{8}-\d{6}\.docx$/)
    expect(names[1]).toBe(names[0]!.replace(/\.docx$/, '.pdf'))
    for (const f of r.files) expect(existsSync(f)).toBe(true)
    expect(r.mentions).toBe(
      json<{ mentions: number; irrelevant: number }>(
        cli(['stats', '--db', db, '--from', '2026-11-16', '--to', '2026-11-22', '--json'])
      ).mentions -
        json<{ irrelevant: number }>(
          cli(['stats', '--db', db, '--from', '2026-11-16', '--to', '2026-11-22', '--json'])
        ).irrelevant
    )
    const kk = json<{ files: string[] }>(
      cli([
        'digest',
        '--db',
        db,
        '--from',
        '2026-11-16',
        '--to',
        '2026-11-22',
        '--lang',
        'kk',
        '--format',
        'pdf',
        '--out',
        out,
        '--json'
      ])
    )
    expect(kk.files).toHaveLength(1)
    expect(kk.files[0]).toMatch(/\/otklik-digest-digest-2026-11-16--2026-11-22-kk-\d{8}-\d{6}\.pdf$/)
    // A second run a moment later leaves its own file next to the first.
    const again = json<{ files: string[] }>(
      cli([
        'digest',
        '--db',
        db,
        '--from',
        '2026-11-16',
        '--to',
        '2026-11-22',
        '--lang',
        'kk',
        '--format',
        'pdf',
        '--out',
        out,
        '--json'
      ])
    )
    expect(again.files[0]).not.toBe(kk.files[0])
    for (const f of [...kk.files, ...again.files]) expect(existsSync(f)).toBe(true)
    expect(cli(['digest', '--db', db, '--week', '47']).code).toBe(2)
  })
})
