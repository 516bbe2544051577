/** The workspace's topics as stored: list, create or edit (re-tagging its mentions), remove. */
import type { Db } from '../../db/open'
import type { TopicView } from '../../../../shared/views'
import { OtklikError } from '../../../../shared/errors'
import { compileToSql, parseQuery } from '../../../../shared/query'
import { checkQuery } from '../../subjects'
import { clock } from '../../../../shared/clock'

export function listTopics(db: Db): TopicView[] {
  const rows = db
    .prepare(
      `SELECT t.id, t.key, t.name, t.names, t.query, t.enabled, (SELECT count(*) FROM mention_topics mt WHERE mt.topic_id = t.id) AS mentions
       FROM topics t ORDER BY t.sort, t.id`
    )
    .all() as {
    id: number
    key: string
    name: string
    names: string | null
    query: string | null
    enabled: number
    mentions: number
  }[]
  return rows.map((r) => ({
    ...r,
    names: r.names ? (JSON.parse(r.names) as TopicView['names']) : { ru: r.name },
    enabled: r.enabled === 1
  }))
}

/** Creates or edits a problem topic; a changed query re-tags the stored mentions. */
export function saveTopic(
  db: Db,
  input: {
    id?: number
    names: { ru: string; kk?: string; en?: string }
    query: string | null
    enabled?: boolean
  }
): TopicView {
  if (input.query) checkQuery(input.query)
  const now = clock.now()
  const id = db.transaction(() => {
    let topicId = input.id
    let queryChanged = true
    if (topicId) {
      const old = db.prepare('SELECT query FROM topics WHERE id = ?').get(topicId) as
        { query: string | null } | undefined
      if (!old) throw new OtklikError('NOT_FOUND', `No topic with id ${topicId}.`)
      queryChanged = old.query !== input.query
      db.prepare('UPDATE topics SET name = ?, names = ?, query = ?, enabled = ? WHERE id = ?').run(
        input.names.ru,
        JSON.stringify(input.names),
        input.query,
        input.enabled === false ? 0 : 1,
        topicId
      )
    } else {
      const key = `custom-${now.toString(36)}`
      const sort = (db.prepare('SELECT ifnull(max(sort), 0) + 1 FROM topics').pluck().get() as number) ?? 0
      topicId = Number(
        db
          .prepare(
            'INSERT INTO topics (key, name, names, query, sort, enabled, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)'
          )
          .run(
            key,
            input.names.ru,
            JSON.stringify(input.names),
            input.query,
            sort,
            input.enabled === false ? 0 : 1,
            now
          ).lastInsertRowid
      )
    }
    if (queryChanged && input.query) {
      const { sql, params } = compileToSql(parseQuery(input.query))
      db.prepare('DELETE FROM mention_topics WHERE topic_id = ?').run(topicId)
      db.prepare(
        `INSERT OR IGNORE INTO mention_topics (topic_id, mention_id) SELECT ?, m.id FROM mentions m WHERE ${sql}`
      ).run(topicId, ...params)
    }
    return topicId
  })()
  const saved = listTopics(db).find((t) => t.id === id)
  if (!saved) throw new OtklikError('INTERNAL', 'The topic was not saved.')
  return saved
}

export function removeTopic(db: Db, id: number): { removed: number } {
  return { removed: db.prepare('DELETE FROM topics WHERE id = ?').run(id).changes }
}
