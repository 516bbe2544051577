import type { Db } from '../db/open'
import type { MentionFilter } from '../../../shared/filter'
import type { Facet, Facets } from '../../../shared/views'
import type { AuthorType, Platform } from '../../../shared/types'
import type { DimName } from '../db/summaries'
import { aggregate } from './aggregate'
import { buildWhere } from './filter'

/** How many outlets the panel lists (the busiest; outlets the filter names are always added). */
export const OUTLET_FACET_LIMIT = 50

/** Counts for the filter panel: each facet counted under all the other filters (not its own). */
export function facets(db: Db, f: MentionFilter, timeZone: string): Facets {
  const without = (drop: keyof MentionFilter) => {
    const copy = { ...f }
    delete copy[drop]
    return copy
  }
  /** One facet: counts by `dim` (the same figures as the status bar's), most first; `names` labels and keeps known keys. */
  const facet = <K extends string | number>(
    drop: keyof MentionFilter,
    dim: DimName,
    names?: 'topics' | 'subjects' | 'sources'
  ): Facet<K>[] => {
    const label = names
      ? new Map(
          (db.prepare(`SELECT id, name FROM ${names}`).all() as { id: number; name: string }[]).map((r) => [
            r.id,
            r.name
          ])
        )
      : null
    return aggregate(db, without(drop), timeZone, [dim])
      .map((r) => ({ key: (r as unknown as Record<string, K>)[dim]!, count: r.n }))
      .filter((r) => (label ? label.has(r.key as number) : dim !== 'authorType' || r.key !== ''))
      .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map((r) => ({ ...r, label: label ? label.get(r.key as number)! : String(r.key) }))
  }
  // Outlets are no summary dimension: tallied inside the date index (it holds the outlet), then the names
  // joined, like the dashboard's top sources.
  const where = buildWhere(without('outletIds'), timeZone)
  const outletRows = db
    .prepare(
      `SELECT o.id AS key, o.name AS label, g.count AS count FROM (
       SELECT m.outlet_id AS oid, count(*) AS count FROM mentions m INDEXED BY mentions_published
       WHERE m.outlet_id IS NOT NULL AND $WHERE GROUP BY m.outlet_id) g
     JOIN outlets o ON o.id = g.oid ORDER BY g.count DESC, o.id`.replace('$WHERE', where.sql)
    )
    .all(...where.params) as { key: number; label: string; count: number }[]
  const named = new Set(f.outletIds ?? [])
  const outlets = outletRows.filter((r, i) => i < OUTLET_FACET_LIMIT || named.has(r.key))
  return {
    outlets,
    platforms: facet<Platform>('platforms', 'platform'),
    topics: facet<number>('topicIds', 'topic', 'topics'),
    subjects: facet<number>('subjectIds', 'subject', 'subjects'),
    langs: facet<string>('langs', 'lang'),
    authorTypes: facet<AuthorType>('authorTypes', 'authorType'),
    sources: facet<number>('sourceIds', 'source', 'sources')
  }
}
