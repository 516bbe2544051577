import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cli, json } from '../helpers/cli'
import { type Db } from '../../src/main/core/db/open'
import { openWorkspaceDatabase } from '../../src/main/core/workspace'
import { runCli } from '../../src/main/cli/main'

type Author = {
  id: number
  name: string
  platform: string
  type: string
  mentions: number
  labelled: number
  negative: number
  neutral: number
  positive: number
  lean: 'critic' | 'supporter' | null
}

const dir = mkdtempSync(join(tmpdir(), 'otklik-cli-authors-'))
const path = join(dir, 'demo.db')
const RANGE = ['--from', '2026-11-09', '--to', '2026-11-22']
const authors = (...extra: string[]): Author[] =>
  json<{ authors: Author[] }>(cli(['authors', '--db', path, ...RANGE, ...extra, '--json'])).authors

describe('CLI: authors', () => {
  let full: Author[]
  let db: Db
  beforeAll(() => {
    expect(cli(['demo', '--db', path, '--weeks', '2', '--until', '2026-11-22']).code).toBe(0)
    full = authors()
    db = openWorkspaceDatabase(path, { readonly: true })
  }, 120_000)
  afterAll(() => db.close())

  it('prints the contract fields, ordered by mentions, with names as stored', () => {
    expect(full.length).toBeGreaterThan(50)
    for (const a of full) {
      expect(Object.keys(a).sort()).toEqual(
        [
          'id',
          'labelled',
          'lean',
          'mentions',
          'name',
          'negative',
          'neutral',
          'platform',
          'positive',
          'type'
        ].sort()
      )
      expect([null, 'critic', 'supporter']).toContain(a.lean)
      expect(a.labelled).toBe(a.negative + a.neutral + a.positive)
      if (a.type === 'official') expect(a.lean).toBeNull()
    }
    for (let i = 1; i < full.length; i++) {
      const [p, c] = [full[i - 1]!, full[i]!]
      expect(p.mentions > c.mentions || (p.mentions === c.mentions && p.id < c.id)).toBe(true)
    }
    expect(full.some((a) => a.lean === 'critic')).toBe(true)
    expect(full.some((a) => a.lean === 'supporter')).toBe(true)
    // No masking in the CLI: private persons keep their stored names.
    const name = db.prepare('SELECT name FROM authors WHERE id = ?').pluck()
    const privates = full.filter((a) => a.type === 'private')
    expect(privates.length).toBeGreaterThan(0)
    for (const a of full) expect(a.name).toBe(name.get(a.id))
  })

  it('--limit keeps the first N; --lean keeps critics or supporters of the same list', () => {
    expect(authors('--limit', '7')).toEqual(full.slice(0, 7))
    expect(authors('--lean', 'critic')).toEqual(full.filter((a) => a.lean === 'critic'))
    expect(authors('--lean', 'supporter', '--limit', '2')).toEqual(
      full.filter((a) => a.lean === 'supporter').slice(0, 2)
    )
  })

  it('--sentiment narrows the list and its mention counts, never the lean or its counts', () => {
    const byId = new Map(full.map((a) => [a.id, a]))
    const lean = (a: Author) => [a.labelled, a.negative, a.neutral, a.positive, a.lean]
    const neg = authors('--sentiment', 'negative')
    expect(neg.length).toBeLessThan(full.length)
    expect(neg.map((a) => a.id).sort()).toEqual(
      full
        .filter((a) => a.negative > 0)
        .map((a) => a.id)
        .sort()
    )
    for (const a of neg) {
      expect(a.mentions).toBe(a.negative) // only the period narrows the evidence here
      expect(lean(a)).toEqual(lean(byId.get(a.id)!))
    }
    const two = authors('--sentiment', 'negative,positive')
    for (const a of two) {
      expect(a.mentions).toBe(a.negative + a.positive)
      expect(lean(a)).toEqual(lean(byId.get(a.id)!))
    }
  })

  it('--platform and --query filter the mentions the lean counts', () => {
    const tg = authors('--platform', 'telegram')
    expect(tg.length).toBeGreaterThan(0)
    for (const a of tg) expect(a.platform).toBe('telegram')
    const several = authors('--platform', 'telegram,vk')
    expect(several.length).toBeGreaterThan(tg.length)
    const q = authors('--query', 'аким*')
    expect(q.length).toBeGreaterThan(0)
    const byId = new Map(full.map((a) => [a.id, a]))
    for (const a of q) expect(a.mentions).toBeLessThanOrEqual(byId.get(a.id)!.mentions)
    expect(q.some((a) => a.mentions < byId.get(a.id)!.mentions)).toBe(true)
  })

  it('wrong arguments exit 2 with a message; a missing database exits 1', async () => {
    // The whole matrix through the CLI's own entry point in this process (a child process costs seconds
    // here); the first case and the missing database also through the real binary.
    const spawned = cli(['authors', '--db', path, '--lean', 'critics', '--json'])
    expect(spawned.code).toBe(2)
    expect(spawned.stdout).toBe('')
    expect(spawned.stderr).toContain('--lean takes critic or supporter, not "critics"')
    for (const bad of [
      ['--lean', 'critics'],
      ['--sentiment', 'angry'],
      ['--sentiment', ','],
      ['--platform', 'mars'],
      ['--limit', '0'],
      ['--limit', 'ten'],
      ['--from', '2026-02-30'],
      ['--from', '2026-11-22', '--to', '2026-11-01'],
      ['--query', '(аким'],
      ['--query', ''],
      ['--colour', 'red']
    ]) {
      let out = ''
      let err = ''
      const code = await runCli(['authors', '--db', path, ...bad, '--json'], {
        out: (t) => (out += t),
        err: (t) => (err += t),
        stdin: process.stdin
      })
      expect(code, bad.join(' ')).toBe(2)
      expect(out).toBe('')
      expect(err).toMatch(/otklik authors: .+\nUsage: otklik authors /)
    }
    const missing = cli(['authors', '--db', join(dir, 'nope.db'), '--json'])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('nope.db')
  })

  it('without --json prints one line per author', () => {
    const r = cli(['authors', '--db', path, ...RANGE, '--limit', '3'])
    expect(r.code).toBe(0)
    expect(r.stdout.trim().split('\n')).toHaveLength(3)
    expect(r.stdout).toContain(full[0]!.name)
  })
})
