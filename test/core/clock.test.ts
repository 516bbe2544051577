import { afterEach, describe, expect, it } from 'vitest'
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { clock, parseNow, pinClock, pinClockFromEnv, resetClock } from '../../src/shared/clock'
import { lastCompleteWeek } from '../../src/main/core/report/period'
import { cli, json, ROOT } from '../helpers/cli'

afterEach(() => resetClock())

describe('the one clock', () => {
  it('reads --now values in the office time zone unless a zone is given', () => {
    expect(new Date(parseNow('2026-11-22T15:00')).toISOString()).toBe('2026-11-22T10:00:00.000Z')
    expect(new Date(parseNow('2026-11-22T15:00+05:00')).toISOString()).toBe('2026-11-22T10:00:00.000Z')
    expect(new Date(parseNow('2026-11-22T15:00:30Z')).toISOString()).toBe('2026-11-22T15:00:30.000Z')
    expect(new Date(parseNow('2026-11-22')).toISOString()).toBe('2026-11-21T19:00:00.000Z')
    expect(new Date(parseNow('2026-07-01T12:00', 'Europe/Berlin')).toISOString()).toBe(
      '2026-07-01T10:00:00.000Z'
    )
    expect(() => parseNow('22.11.2026')).toThrow(/YYYY-MM-DDTHH:MM/)
    expect(() => parseNow('2026-02-31T10:00')).toThrow(/not a real date/)
    expect(() => parseNow('2026-02-10T25:00')).toThrow(/not a real date/)
  })

  it('pins to an instant and runs on at real speed', () => {
    const at = parseNow('2027-12-03T09:00')
    pinClock(at)
    expect(clock.pinned).toBe(true)
    const n = clock.now()
    expect(n).toBeGreaterThanOrEqual(at)
    expect(n - at).toBeLessThan(5_000)
    resetClock()
    expect(clock.pinned).toBe(false)
    expect(Math.abs(clock.now() - at)).toBeGreaterThan(60_000)
    expect(pinClockFromEnv({})).toBeNull()
    expect(pinClockFromEnv({ OTKLIK_NOW: '2026-11-22T15:00' })).toBe(parseNow('2026-11-22T15:00'))
  })

  it('decides the last complete week from the clock it is given, not from the machine', () => {
    expect(lastCompleteWeek(parseNow('2026-11-22T15:00'), 'Asia/Almaty', 1)).toEqual({
      from: '2026-11-09',
      to: '2026-11-15'
    })
    expect(lastCompleteWeek(parseNow('2026-11-23T00:30'), 'Asia/Almaty', 1)).toEqual({
      from: '2026-11-16',
      to: '2026-11-22'
    })
  })

  it('no module of the app reads the machine clock directly (the lint rule, checked here too)', () => {
    const offenders: string[] = []
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name)
        if (statSync(p).isDirectory()) walk(p)
        else if (/\.tsx?$/.test(name) && !p.endsWith(join('shared', 'clock.ts'))) {
          const code = readFileSync(p, 'utf8')
            .replace(/\/\*[\s\S]*?\*\//g, '')
            .replace(/\/\/.*$/gm, '')
          if (/\bDate\.now\(\)|new Date\(\s*\)/.test(code)) offenders.push(relative(ROOT, p))
        }
      }
    }
    walk(join(ROOT, 'src'))
    expect(offenders).toEqual([])
  })
})

describe('--now on the command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'otklik-clock-'))
  const db = join(dir, 'demo.db')

  it('runs the demo and the digest at a fixed date, whatever the real date is', () => {
    // A year after the demo: the dates follow --now, not the machine.
    json(cli(['demo', '--db', db, '--weeks', '2', '--now', '2027-12-01T12:00', '--json']))
    const stats = json<{ mentions: number }>(
      cli(['stats', '--db', db, '--from', '2027-11-18', '--to', '2027-12-01', '--json'])
    )
    expect(stats.mentions).toBeGreaterThan(100)
    const out = join(dir, 'out')
    const r = json<{ period: { from: string; to: string }; mentions: number }>(
      cli(['digest', '--db', db, '--format', 'pdf', '--out', out, '--json'], {
        env: { OTKLIK_NOW: '2027-12-01T12:00' }
      })
    )
    expect(r.period).toEqual({ from: '2027-11-22', to: '2027-11-28' })
    expect(r.mentions).toBeGreaterThan(50)
  }, 120_000)

  it('refuses a --now that is not a date and time, as a usage error', () => {
    const r = cli(['stats', '--db', db, '--now', 'tomorrow', '--json'])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/--now takes YYYY-MM-DDTHH:MM/)
  })
})
