import type { Db } from '../db/open'
import type { MentionFilter } from '../../../shared/filter'
import type { Facets } from '../../../shared/views'
import type { AuthorType, Platform } from '../../../shared/types'
import { buildWhere } from './filter'
import { SUM, summaryWhere } from './summary'
import type { DimName } from '../db/summaries'

/** How many outlets the panel lists (the busiest; outlets the filter names are always added). */
export const OUTLET_FACET_LIMIT = 50

/** Counts for the filter panel: each facet counted under all the other filters (not its own). */
export function facets(db: Db, f: MentionFilter, timeZone: string): Facets {
  const without = (drop: keyof MentionFilter) => {
    const copy = { ...f }
    delete copy[drop]
    return copy
  }
  const w = (drop: keyof MentionFilter) => buildWhere(without(drop), timeZone)
  const q = <T>(sql: string, where: { sql: string; params: (string | number)[] }): T[] =>
    db.prepare(sql.replace('$WHERE', where.sql)).all(...where.params) as T[]
  /** A facet from the hourly summaries (null when the filter needs the base table), names joined from `names`. */
  const fromSummary = <T>(drop: keyof MentionFilter, dim: DimName, names?: string): T[] | null => {
    const s = summaryWhere(without(drop), timeZone, [dim])
    if (!s) return null
    const key = s.col(dim)
    const sql = names
      ? `SELECT x.id AS key, x.name AS label, ${SUM.n} AS count FROM ${s.from} JOIN ${names} x ON x.id = ${key}
         GROUP BY x.id HAVING sum(s.n) > 0 ORDER BY count DESC, key`
      : `SELECT ${key} AS key, ${SUM.n} AS count FROM ${s.from}
         ${dim === 'authorType' ? `WHERE ${key} != ''` : ''} GROUP BY ${key} HAVING sum(s.n) > 0 ORDER BY count DESC, key`
    return db.prepare(sql).all(...s.params) as T[]
  }
  // Tallied inside the date index (it holds the outlet), then the names joined; like the dashboard's top sources.
  const outletRows = q<{ key: number; label: string; count: number }>(
    `SELECT o.id AS key, o.name AS label, g.count AS count FROM (
       SELECT m.outlet_id AS oid, count(*) AS count FROM mentions m INDEXED BY mentions_published
       WHERE m.outlet_id IS NOT NULL AND $WHERE GROUP BY m.outlet_id) g
     JOIN outlets o ON o.id = g.oid ORDER BY g.count DESC, o.id`,
    w('outletIds')
  )
  const named = new Set(f.outletIds ?? [])
  const outlets = outletRows.filter((r, i) => i < OUTLET_FACET_LIMIT || named.has(r.key))
  return {
    outlets,
    platforms: (
      fromSummary<{ key: Platform; count: number }>('platforms', 'platform') ??
      q<{ key: Platform; count: number }>(
        'SELECT m.platform AS key, count(*) AS count FROM mentions m WHERE $WHERE GROUP BY 1 ORDER BY 2 DESC, 1',
        w('platforms')
      )
    ).map((r) => ({ ...r, label: r.key })),
    topics:
      fromSummary<{ key: number; label: string; count: number }>('topicIds', 'topic', 'topics') ??
      q<{ key: number; label: string; count: number }>(
        'SELECT t.id AS key, t.name AS label, count(*) AS count FROM mention_topics mt JOIN topics t ON t.id = mt.topic_id JOIN mentions m ON m.id = mt.mention_id WHERE $WHERE GROUP BY t.id ORDER BY 3 DESC, 1',
        w('topicIds')
      ),
    subjects:
      fromSummary<{ key: number; label: string; count: number }>('subjectIds', 'subject', 'subjects') ??
      q<{ key: number; label: string; count: number }>(
        'SELECT s.id AS key, s.name AS label, count(*) AS count FROM mention_subjects ms JOIN subjects s ON s.id = ms.subject_id JOIN mentions m ON m.id = ms.mention_id WHERE $WHERE GROUP BY s.id ORDER BY 3 DESC, 1',
        w('subjectIds')
      ),
    langs: (
      fromSummary<{ key: string; count: number }>('langs', 'lang') ??
      q<{ key: string; count: number }>(
        "SELECT ifnull(m.lang, '') AS key, count(*) AS count FROM mentions m WHERE $WHERE GROUP BY 1 ORDER BY 2 DESC, 1",
        w('langs')
      )
    ).map((r) => ({
      ...r,
      label: r.key
    })),
    authorTypes: (
      fromSummary<{ key: AuthorType; count: number }>('authorTypes', 'authorType') ??
      q<{ key: AuthorType; count: number }>(
        'SELECT a.type AS key, count(*) AS count FROM mentions m JOIN authors a ON a.id = m.author_id WHERE $WHERE GROUP BY 1 ORDER BY 2 DESC, 1',
        w('authorTypes')
      )
    ).map((r) => ({ ...r, label: r.key })),
    sources:
      fromSummary<{ key: number; label: string; count: number }>('sourceIds', 'source', 'sources') ??
      q<{ key: number; label: string; count: number }>(
        'SELECT s.id AS key, s.name AS label, count(*) AS count FROM mentions m JOIN sources s ON s.id = m.source_id WHERE $WHERE GROUP BY s.id ORDER BY 3 DESC, 1',
        w('sourceIds')
      )
  }
}
