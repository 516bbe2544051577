import type { Db } from './open'
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/settings'

/**
 * The settings as stored: the shared shape (src/shared/settings.ts) plus main's own bookkeeping, which
 * the renderer never sees.
 */
export interface StoredSettings extends Settings {
  /** When the digest schedule was last switched on (an earlier slot of that week is not "missed"). */
  digestScheduleSince?: number
}

/** The stored settings, each missing or damaged value replaced by its default. */
export function getSettings(db: Db): StoredSettings {
  const stored: Record<string, unknown> = {}
  for (const row of db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[]) {
    try {
      stored[row.key] = JSON.parse(row.value)
    } catch {
      /* a damaged value falls back to the default */
    }
  }
  const out: StoredSettings = Object.assign({ ...DEFAULT_SETTINGS }, stored)
  return out
}

export function setSettings(db: Db, patch: Partial<StoredSettings>): StoredSettings {
  const put = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'
  )
  db.transaction(() => {
    for (const [k, v] of Object.entries(patch)) if (v !== undefined) put.run(k, JSON.stringify(v))
  })()
  return getSettings(db)
}
