import { existsSync, readFileSync } from 'node:fs'
import { z } from 'zod'
import type { Db } from '../../db/open'
import { resourcePath } from '../../paths'
import { clock } from '../../../../shared/clock'
import { parseQuery } from '../../../../shared/query'
import type { TopicDefinition } from './match'

/** The default taxonomy of city problems shipped with the app (editable per workspace in Settings). */
export function defaultTopicsFile(): string {
  return resourcePath('topics', 'default-topics.json')
}

const TopicFile = z.array(
  z.object({
    key: z.string().regex(/^[a-z][a-z0-9_-]*$/),
    name: z.object({ ru: z.string().min(1), kk: z.string().min(1), en: z.string().min(1) }),
    query: z.string().min(1).nullable()
  })
)

/** Reads resources/topics/default-topics.json; every query is parsed so a broken file fails loudly. */
export function loadDefaultTopics(file = defaultTopicsFile()): TopicDefinition[] {
  const topics = TopicFile.parse(JSON.parse(readFileSync(file, 'utf8')))
  const keys = new Set<string>()
  for (const t of topics) {
    if (keys.has(t.key)) throw new Error(`${file}: topic key "${t.key}" is used twice`)
    keys.add(t.key)
    if (t.query !== null) {
      try {
        parseQuery(t.query)
      } catch (e) {
        throw new Error(`${file}: topic "${t.key}": ${(e as Error).message}`)
      }
    }
  }
  return topics
}

/**
 * Inserts the default topics a workspace lacks; returns key → id for all topics. Run where a workspace
 * is created (`openWorkspaceDatabase`, the demo), not by the database layer.
 */
export function ensureDefaultTopics(db: Db, now = clock.now()): Map<string, number> {
  const ins = db.prepare(
    'INSERT OR IGNORE INTO topics (key, name, names, query, sort, created_at) VALUES (?, ?, ?, ?, ?, ?)'
  )
  const defaults = existsSync(defaultTopicsFile()) ? loadDefaultTopics() : []
  defaults.forEach((t, i) => ins.run(t.key, t.name.ru, JSON.stringify(t.name), t.query ?? null, i, now))
  const out = new Map<string, number>()
  for (const row of db.prepare('SELECT id, key FROM topics').all() as { id: number; key: string }[])
    out.set(row.key, row.id)
  return out
}
