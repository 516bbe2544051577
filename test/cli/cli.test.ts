import { describe, expect, it } from 'vitest'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { cli, json } from '../helpers/cli'
import { PLATFORMS } from '../../src/shared/types'

const dir = mkdtempSync(join(tmpdir(), 'otklik-cli-'))
const db = join(dir, 'demo.db')

describe('CLI', () => {
  it('demo creates a workspace that stats describes', () => {
    const demo = json<{ mentions: number }>(cli(['demo', '--db', db, '--until', '2026-11-22', '--json']))
    expect(demo.mentions).toBeGreaterThanOrEqual(5000)
    const s = json<{
      mentions: number
      bySentiment: Record<string, number>
      byPlatform: Record<string, number>
      authors: number
      outlets: number
      sources: number
      imports: number
    }>(cli(['stats', '--db', db, '--json']))
    expect(s.mentions).toBe(demo.mentions)
    expect(s.bySentiment.negative).toBeGreaterThan(0)
    expect(s.bySentiment.neutral).toBeGreaterThan(0)
    expect(s.bySentiment.positive).toBeGreaterThan(0)
    expect(
      s.bySentiment.negative! + s.bySentiment.neutral! + s.bySentiment.positive! + s.bySentiment.unlabelled!
    ).toBe(s.mentions)
    expect(Object.keys(s.byPlatform).length).toBeGreaterThanOrEqual(5)
    for (const p of Object.keys(s.byPlatform)) expect(PLATFORMS).toContain(p)
    expect(s.authors).toBeGreaterThan(100)
    expect(s.outlets).toBeGreaterThan(5)
    expect(typeof s.sources).toBe('number')
    expect(typeof s.imports).toBe('number')
  })

  it('demo is deterministic for a seed and --until, and refuses a non-empty database without --force', () => {
    const a = join(dir, 'a.db')
    const b = join(dir, 'b.db')
    cli(['demo', '--db', a, '--seed', '7', '--weeks', '2', '--until', '2026-11-22'])
    cli(['demo', '--db', b, '--seed', '7', '--weeks', '2', '--until', '2026-11-22'])
    const rows = (p: string) =>
      new Database(p)
        .prepare('SELECT published_at, platform, text, sentiment, url FROM mentions ORDER BY id')
        .all()
    expect(rows(a)).toEqual(rows(b))
    const again = cli(['demo', '--db', a, '--weeks', '1'])
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(/--force/)
    expect(cli(['demo', '--db', a, '--weeks', '1', '--until', '2026-11-22', '--force']).code).toBe(0)
  })

  it('stats for a period counts only that period (inclusive, workspace time zone)', () => {
    const week = json<{ mentions: number }>(
      cli(['stats', '--db', db, '--from', '2026-11-16', '--to', '2026-11-22', '--json'])
    )
    const raw = new Database(db)
    const start = Date.parse('2026-11-16T00:00:00+05:00')
    const end = Date.parse('2026-11-23T00:00:00+05:00')
    const n = raw
      .prepare('SELECT count(*) FROM mentions WHERE published_at >= ? AND published_at < ?')
      .pluck()
      .get(start, end)
    expect(week.mentions).toBe(n)
    expect(week.mentions).toBeGreaterThan(0)
  })

  it('a missing database is an error for read commands, wrong usage exits 2', () => {
    const missing = join(dir, 'missing.db')
    const r = cli(['stats', '--db', missing, '--json'])
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/not found/)
    expect(existsSync(missing)).toBe(false)
    expect(cli(['stats', '--db', db, '--bogus']).code).toBe(2)
    expect(cli(['nonsense']).code).toBe(2)
    expect(cli(['stats', '--db', db, '--from', '22.11.2026']).code).toBe(2)
  })

  it('--db resolves against the caller’s directory and OTKLIK_DB replaces the default', () => {
    const viaInit = cli(['stats', '--db', 'demo.db', '--json'], { env: { INIT_CWD: dir } })
    expect(json<{ mentions: number }>(viaInit).mentions).toBeGreaterThan(0)
    const viaEnv = cli(['stats', '--json'], { env: { OTKLIK_DB: db } })
    expect(json<{ mentions: number }>(viaEnv).mentions).toBeGreaterThan(0)
  })

  it('export writes JSON lines with the contract fields, and CSV with BOM and neutralised formulas', () => {
    const r = cli(['export', '--db', db, '--from', '2026-11-22', '--to', '2026-11-22'])
    expect(r.code).toBe(0)
    const lines = r.stdout.trim().split('\n')
    expect(lines.length).toBeGreaterThan(10)
    const first = JSON.parse(lines[0]!) as Record<string, unknown>
    for (const f of [
      'id',
      'publishedAt',
      'platform',
      'outlet',
      'author',
      'authorType',
      'title',
      'text',
      'url',
      'lang',
      'sentiment',
      'sentimentOrigin',
      'topics',
      'subjects',
      'storyId',
      'reach',
      'views',
      'likes',
      'reposts',
      'comments',
      'sourceId',
      'batchId'
    ])
      expect(first, f).toHaveProperty(f)
    expect(first.publishedAt).toMatch(/^2026-11-22T\d{2}:\d{2}:\d{2}\+05:00$/)
    const raw = new Database(db)
    raw.prepare('UPDATE mentions SET text = \'=HYPERLINK("http://evil")\' WHERE id = ?').run(first.id)
    raw.close()
    const out = join(dir, 'out.csv')
    expect(
      cli([
        'export',
        '--db',
        db,
        '--from',
        '2026-11-22',
        '--to',
        '2026-11-22',
        '--format',
        'csv',
        '--out',
        out
      ]).code
    ).toBe(0)
    const csv = readFileSync(out, 'utf8')
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    expect(csv.split('\r\n')[0]).toContain('id;publishedAt;platform')
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`)
    expect(csv).not.toMatch(/;=HYPERLINK/)
  })
})
