import { describe, expect, it } from 'vitest'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import {
  digestDue,
  lastDigestRun,
  nextDigestRun,
  scheduleOf,
  DEFAULT_DIGEST_SCHEDULE
} from '../../src/shared/digest-schedule'
import { zonedToUtc } from '../../src/shared/time'
import { createDemo } from '../../src/main/core/demo'
import { setSettings } from '../../src/main/core/db/settings'
import { runDueDigest } from '../../src/main/core/report'
import { tempDb } from '../helpers/db'

const TZ = 'Asia/Almaty'
const at = (d: number, h: number, mi = 0): number => zonedToUtc(2026, 12, d, h, mi, 0, TZ)
const MONDAY_9 = { enabled: true, weekday: 1, time: '09:00' }

describe('digest schedule', () => {
  it('is off by default and says when it runs next', () => {
    expect(DEFAULT_DIGEST_SCHEDULE.enabled).toBe(false)
    expect(scheduleOf(undefined)).toEqual(DEFAULT_DIGEST_SCHEDULE)
    expect(scheduleOf({ enabled: true, weekday: 9, time: '9' })).toEqual(DEFAULT_DIGEST_SCHEDULE)
    expect(nextDigestRun(DEFAULT_DIGEST_SCHEDULE, at(3, 12), TZ)).toBeNull()
    // Thursday 3 December 2026 → Monday 7 December, 09:00 Almaty.
    expect(nextDigestRun(MONDAY_9, at(3, 12), TZ)).toBe(at(7, 9))
    expect(nextDigestRun(MONDAY_9, at(7, 8, 59), TZ)).toBe(at(7, 9))
    expect(nextDigestRun(MONDAY_9, at(7, 9), TZ)).toBe(at(14, 9))
    expect(lastDigestRun(MONDAY_9, at(3, 12), TZ)).toBe(zonedToUtc(2026, 11, 30, 9, 0, 0, TZ))
  })

  it('catches up a run missed while the workstation was off, once', () => {
    const monday = zonedToUtc(2026, 11, 30, 9, 0, 0, TZ)
    expect(digestDue(MONDAY_9, at(3, 12), TZ, null, null)).toBe(monday)
    expect(digestDue(MONDAY_9, at(3, 12), TZ, monday + 5_000, null)).toBeNull()
    // Switched on after Monday's slot: nothing is due until the next Monday.
    expect(digestDue(MONDAY_9, at(3, 12), TZ, null, at(1, 10))).toBeNull()
    expect(digestDue(MONDAY_9, at(7, 9, 1), TZ, null, at(1, 10))).toBe(at(7, 9))
  })

  it('makes the last complete week in the main process when due, and records it', async () => {
    const { db, dir } = tempDb('schedule')
    createDemo(db, { weeks: 2, until: '2026-11-29', timeZone: TZ })
    const out = join(dir, 'reports')
    expect(await runDueDigest(db, out, at(3, 12))).toBeNull() // off by default
    setSettings(db, { digestSchedule: MONDAY_9, digestScheduleSince: zonedToUtc(2026, 11, 20, 0, 0, 0, TZ) })
    const r = await runDueDigest(db, out, at(3, 12))
    expect(r).not.toBeNull()
    expect(r!.period).toEqual({ from: '2026-11-23', to: '2026-11-29' })
    for (const f of r!.files) expect(existsSync(f)).toBe(true)
    expect(await runDueDigest(db, out, at(3, 12, 1))).toBeNull()
    db.close()
  }, 60_000)
})
