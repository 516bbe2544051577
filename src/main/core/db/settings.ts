import { type UiLang } from '../../../shared/types'
import type { Db } from './open'
import { DEFAULT_DIGEST_SCHEDULE } from '../../../shared/digest-schedule'

/** Workspace settings with their defaults. Stored as JSON values in the `settings` table. */
export interface Settings {
  orgName: string
  orgLogo: string | null
  language: UiLang
  timeZone: string
  weekStart: number
  authorMinLabelled: number
  authorShare: number
  maskPrivateAuthors: boolean
  reportsFolder: string | null
  theme: 'light' | 'dark'
  [key: string]: unknown
}

export const DEFAULT_SETTINGS: Settings = {
  orgName: 'Акимат города',
  orgLogo: null,
  language: 'ru',
  timeZone: 'Asia/Almaty',
  weekStart: 1,
  authorMinLabelled: 3,
  authorShare: 0.6,
  maskPrivateAuthors: true,
  reportsFolder: null,
  theme: 'light',
  digestSchedule: DEFAULT_DIGEST_SCHEDULE
}

export function getSettings(db: Db): Settings {
  const out: Settings = { ...DEFAULT_SETTINGS }
  for (const row of db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[]) {
    try {
      out[row.key] = JSON.parse(row.value)
    } catch {
      /* a damaged value falls back to the default */
    }
  }
  return out
}

export function setSettings(db: Db, patch: Partial<Settings>): Settings {
  const put = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'
  )
  db.transaction(() => {
    for (const [k, v] of Object.entries(patch)) if (v !== undefined) put.run(k, JSON.stringify(v))
  })()
  return getSettings(db)
}
