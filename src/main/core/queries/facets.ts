import type { Db } from '../db/open'
import type { MentionFilter } from '../../../shared/filter'
import type { Facets } from '../../../shared/views'
import type { AuthorType, Platform } from '../../../shared/types'
import { buildWhere } from './filter'

/** Counts for the filter panel: each facet counted under all the other filters (not its own). */
export function facets(db: Db, f: MentionFilter, timeZone: string): Facets {
  const w = (drop: keyof MentionFilter) => {
    const copy = { ...f }
    delete copy[drop]
    return buildWhere(copy, timeZone)
  }
  const q = <T>(sql: string, where: { sql: string; params: (string | number)[] }): T[] =>
    db.prepare(sql.replace('$WHERE', where.sql)).all(...where.params) as T[]
  return {
    platforms: q<{ key: Platform; count: number }>(
      'SELECT m.platform AS key, count(*) AS count FROM mentions m WHERE $WHERE GROUP BY 1 ORDER BY 2 DESC',
      w('platforms')
    ).map((r) => ({ ...r, label: r.key })),
    topics: q<{ key: number; label: string; count: number }>(
      'SELECT t.id AS key, t.name AS label, count(*) AS count FROM mention_topics mt JOIN topics t ON t.id = mt.topic_id JOIN mentions m ON m.id = mt.mention_id WHERE $WHERE GROUP BY t.id ORDER BY 3 DESC',
      w('topicIds')
    ),
    subjects: q<{ key: number; label: string; count: number }>(
      'SELECT s.id AS key, s.name AS label, count(*) AS count FROM mention_subjects ms JOIN subjects s ON s.id = ms.subject_id JOIN mentions m ON m.id = ms.mention_id WHERE $WHERE GROUP BY s.id ORDER BY 3 DESC',
      w('subjectIds')
    ),
    langs: q<{ key: string; count: number }>(
      "SELECT ifnull(m.lang, '') AS key, count(*) AS count FROM mentions m WHERE $WHERE GROUP BY 1 ORDER BY 2 DESC",
      w('langs')
    ).map((r) => ({
      ...r,
      label: r.key
    })),
    authorTypes: q<{ key: AuthorType; count: number }>(
      'SELECT a.type AS key, count(*) AS count FROM mentions m JOIN authors a ON a.id = m.author_id WHERE $WHERE GROUP BY 1 ORDER BY 2 DESC',
      w('authorTypes')
    ).map((r) => ({ ...r, label: r.key })),
    sources: q<{ key: number; label: string; count: number }>(
      'SELECT s.id AS key, s.name AS label, count(*) AS count FROM mentions m JOIN sources s ON s.id = m.source_id WHERE $WHERE GROUP BY s.id ORDER BY 3 DESC',
      w('sourceIds')
    )
  }
}
