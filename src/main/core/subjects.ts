import type { SubjectView } from '../../shared/views'
import type { Db } from './db/open'
import { OtklikError } from '../../shared/errors'
import { compileMatcher, compileToSql, parseQuery, querySyntaxError, type MatchDoc } from '../../shared/query'
import { clock } from '../../shared/clock'


/** Parses a query or throws QUERY_SYNTAX naming the position. */
export function checkQuery(query: string): void {
  try {
    parseQuery(query)
  } catch (e) {
    throw querySyntaxError(e)
  }
}

/** Tags every stored mention the subject's query matches (history), replacing earlier tags. */
function tagHistory(db: Db, id: number, query: string): number {
  const { sql, params } = compileToSql(parseQuery(query))
  db.prepare('DELETE FROM mention_subjects WHERE subject_id = ?').run(id)
  return db
    .prepare(
      `INSERT OR IGNORE INTO mention_subjects (subject_id, mention_id) SELECT ?, m.id FROM mentions m WHERE ${sql}`
    )
    .run(id, ...params).changes
}

/** Adds a monitoring subject (a named query) and tags the mentions it already matches. */
export function addSubject(
  db: Db,
  name: string,
  query: string,
  now = clock.now()
): { id: number; matched: number } {
  const n = name.trim()
  if (!n) throw new OtklikError('VALIDATION', 'A subject needs a name.')
  if (!query.trim()) throw new OtklikError('VALIDATION', 'A subject needs a query, e.g. акимат OR аким.')
  checkQuery(query)
  if (db.prepare('SELECT 1 FROM subjects WHERE name = ?').get(n))
    throw new OtklikError('VALIDATION', `A subject named "${n}" exists already.`)
  return db.transaction(() => {
    const id = Number(
      db.prepare('INSERT INTO subjects (name, query, created_at) VALUES (?, ?, ?)').run(n, query, now)
        .lastInsertRowid
    )
    return { id, matched: tagHistory(db, id, query) }
  })()
}

export function updateSubject(
  db: Db,
  id: number,
  patch: { name?: string; query?: string; enabled?: boolean }
): SubjectView {
  const row = getSubject(db, id)
  if (patch.query !== undefined) checkQuery(patch.query)
  const name = patch.name?.trim() || row.name
  if (name !== row.name && db.prepare('SELECT 1 FROM subjects WHERE name = ? AND id != ?').get(name, id))
    throw new OtklikError('VALIDATION', `A subject named "${name}" exists already.`)
  db.transaction(() => {
    db.prepare('UPDATE subjects SET name = ?, query = ?, enabled = ? WHERE id = ?').run(
      name,
      patch.query ?? row.query,
      (patch.enabled ?? row.enabled) ? 1 : 0,
      id
    )
    if (patch.query !== undefined && patch.query !== row.query) tagHistory(db, id, patch.query)
  })()
  return getSubject(db, id)
}

export function getSubject(db: Db, id: number): SubjectView {
  const r = db.prepare('SELECT id, name, query, enabled FROM subjects WHERE id = ?').get(id) as
    (Omit<SubjectView, 'enabled'> & { enabled: number }) | undefined
  if (!r) throw new OtklikError('NOT_FOUND', `No subject with id ${id}.`, { id })
  return { ...r, enabled: r.enabled === 1 }
}

export function listSubjects(db: Db): { subjects: SubjectView[] } {
  const rows = db.prepare('SELECT id, name, query, enabled FROM subjects ORDER BY id').all() as (Omit<
    SubjectView,
    'enabled'
  > & { enabled: number })[]
  return { subjects: rows.map((r) => ({ ...r, enabled: r.enabled === 1 })) }
}

export function removeSubject(db: Db, id: number): { id: number; removed: true } {
  getSubject(db, id)
  db.prepare('DELETE FROM subjects WHERE id = ?').run(id)
  return { id, removed: true }
}

/** One matcher for "keep only matching" sources: true when any enabled subject matches. Null without subjects. */
export function subjectsMatcher(db: Db): ((doc: MatchDoc) => boolean) | null {
  const ms: ((d: MatchDoc) => boolean)[] = []
  for (const s of listSubjects(db).subjects) {
    if (!s.enabled) continue
    try {
      ms.push(compileMatcher(parseQuery(s.query)))
    } catch {
      /* a broken saved query matches nothing */
    }
  }
  return ms.length ? (doc) => ms.some((m) => m(doc)) : null
}
