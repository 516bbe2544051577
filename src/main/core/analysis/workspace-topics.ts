import { existsSync, readFileSync } from 'node:fs'
import type { Db } from '../db/open'
import { resourcePath } from '../paths'
import { clock } from '../../../shared/clock'

interface TopicDef {
  key: string
  name: { ru: string; kk?: string; en?: string }
  query: string | null
}

/** The default taxonomy shipped in resources/topics/default-topics.json. */
export function readDefaultTopics(): TopicDef[] {
  const file = resourcePath('topics', 'default-topics.json')
  if (!existsSync(file)) return []
  return JSON.parse(readFileSync(file, 'utf8')) as TopicDef[]
}

/** Inserts the default topics a workspace lacks; returns key → id for all topics. */
export function ensureDefaultTopics(db: Db, now = clock.now()): Map<string, number> {
  const ins = db.prepare(
    'INSERT OR IGNORE INTO topics (key, name, names, query, sort, created_at) VALUES (?, ?, ?, ?, ?, ?)'
  )
  readDefaultTopics().forEach((t, i) =>
    ins.run(t.key, t.name.ru, JSON.stringify(t.name), t.query ?? null, i, now)
  )
  const out = new Map<string, number>()
  for (const row of db.prepare('SELECT id, key FROM topics').all() as { id: number; key: string }[])
    out.set(row.key, row.id)
  return out
}
