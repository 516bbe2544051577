/** The scheduled digest: makes the last complete week's digest when a run is due (with catch-up). */
import type { Db } from '../db/open'
import { getSettings } from '../db/settings'
import { digestDue, scheduleOf } from '../../../shared/digest-schedule'
import { exportDigest, type ExportDigestResult } from './index'

/** When the last scheduled digest was made (epoch ms), or null. */
export function lastScheduledDigest(db: Db): number | null {
  return (
    (db
      .prepare(
        "SELECT max(created_at) FROM reports WHERE kind = 'digest' AND json_extract(options, '$.scheduled') = 1"
      )
      .pluck()
      .get() as number | null) ?? null
  )
}

/**
 * Makes the digest of the last complete week when the schedule says one is due at `now` and none was
 * made since that slot (a workstation that was off on Monday makes it when it starts); null otherwise.
 */
export async function runDueDigest(db: Db, outDir: string, now: number): Promise<ExportDigestResult | null> {
  const s = getSettings(db)
  const tz = s.timeZone || 'Asia/Almaty'
  const since = typeof s.digestScheduleSince === 'number' ? s.digestScheduleSince : null
  const due = digestDue(scheduleOf(s.digestSchedule), now, tz, lastScheduledDigest(db), since)
  if (due === null) return null
  return exportDigest(db, { now, outDir, scheduled: true })
}
