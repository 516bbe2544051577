import type { Db } from '../db/open'
import type { MentionFilter } from '../../../shared/filter'
import { decodeView, encodeView, type RelativePeriod, type SavedView } from '../../../shared/views'
import { clock } from '../../../shared/clock'

/** Saved views (named filters; relative periods stay relative), by name. */
export function listViews(db: Db): SavedView[] {
  return (
    db.prepare('SELECT id, name, filter FROM saved_views ORDER BY name').all() as {
      id: number
      name: string
      filter: string
    }[]
  ).map((v) => ({ id: v.id, name: v.name, ...decodeView(v.filter) }))
}

/** Saves (or replaces, by name) a view; returns its id. */
export function saveView(db: Db, name: string, filter: MentionFilter, period: RelativePeriod | null): number {
  const r = db
    .prepare(
      'INSERT INTO saved_views (name, filter, created_at) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET filter = excluded.filter RETURNING id'
    )
    .get(name, encodeView(filter, period), clock.now()) as { id: number }
  return r.id
}

export function removeView(db: Db, id: number): number {
  return db.prepare('DELETE FROM saved_views WHERE id = ?').run(id).changes
}
