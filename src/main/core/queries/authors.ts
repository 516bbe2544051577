import type { Db } from '../db/open'
import type { MentionFilter } from '../../../shared/filter'
import type { AuthorRow, AuthorsPage } from '../../../shared/views'
import type { AuthorType, Platform } from '../../../shared/types'
import { buildWhere } from './filter'
import { clock } from '../../../shared/clock'

export type AuthorSort = {
  col:
    | 'name'
    | 'platform'
    | 'type'
    | 'followers'
    | 'mentions'
    | 'negative'
    | 'neutral'
    | 'positive'
    | 'negShare'
    | 'reach'
    | 'lastAt'
  dir: 'asc' | 'desc'
}

const SORT: Record<AuthorSort['col'], string> = {
  name: 'a.name_norm',
  platform: 'a.platform',
  type: 'a.type',
  followers: 'ifnull(a.followers, -1)',
  mentions: 'g.mentions',
  negative: 'g.negative',
  neutral: 'g.neutral',
  positive: 'g.positive',
  negShare: 'ifnull(g.negative * 1.0 / nullif(g.labelled, 0), -1)',
  reach: 'g.reach',
  lastAt: 'g.last_at'
}

/** The highlight rule: at least `minLabelled` labelled mentions and at least `share` of them one way. */
export interface LeanRule {
  minLabelled: number
  share: number
}

/**
 * One row per author (accounts merged into one person count as that person) over the mentions the
 * filter selects, with the lean that colours the row: orange (negative) or blue (positive).
 */
export function authorsPage(
  db: Db,
  filter: MentionFilter,
  sort: AuthorSort,
  startRow: number,
  endRow: number,
  rule: LeanRule,
  timeZone: string
): AuthorsPage {
  const where = buildWhere(filter, timeZone)
  // Per account first (inside the date index), then per person: merged accounts join on the few
  // grouped rows rather than on every mention. The total comes from the same pass (a window count).
  const rows = db
    .prepare(
      `WITH per_account AS (
         SELECT m.author_id AS author_id, count(*) AS mentions, sum(m.sentiment = -1) AS negative, sum(m.sentiment = 0) AS neutral,
           sum(m.sentiment = 1) AS positive, sum(m.sentiment IS NOT NULL) AS labelled, sum(ifnull(m.reach, 0)) AS reach, max(m.published_at) AS last_at
         FROM mentions m WHERE m.author_id IS NOT NULL AND ${where.sql} GROUP BY m.author_id),
       g AS (
         SELECT coalesce(au.merged_into, au.id) AS aid, sum(p.mentions) AS mentions, sum(p.negative) AS negative, sum(p.neutral) AS neutral,
           sum(p.positive) AS positive, sum(p.labelled) AS labelled, sum(p.reach) AS reach, max(p.last_at) AS last_at
         FROM per_account p JOIN authors au ON au.id = p.author_id GROUP BY aid),
       ranked AS (
         SELECT g.*, count(*) OVER () AS total FROM g JOIN authors a ON a.id = g.aid
         ORDER BY ${SORT[sort.col]} ${sort.dir === 'asc' ? 'ASC' : 'DESC'}, a.id LIMIT ? OFFSET ?)
       SELECT a.id, a.name, a.platform, a.type, a.url, a.followers, a.gender, a.age, g.mentions, g.negative, g.neutral, g.positive, g.labelled, g.reach, g.last_at,
         (SELECT count(*) FROM authors x WHERE x.merged_into = a.id) AS merged_count, g.total
       FROM ranked g JOIN authors a ON a.id = g.aid
       ORDER BY ${SORT[sort.col]} ${sort.dir === 'asc' ? 'ASC' : 'DESC'}, a.id`
    )
    .all(...where.params, Math.max(0, endRow - startRow), startRow) as Record<string, unknown>[]
  const total =
    rows.length > 0
      ? Number(rows[0]!.total)
      : (db
          .prepare(
            `SELECT count(DISTINCT coalesce(au.merged_into, au.id)) FROM mentions m JOIN authors au ON au.id = m.author_id WHERE ${where.sql}`
          )
          .pluck()
          .get(...where.params) as number)
  return { rows: rows.map((r) => toAuthorRow(r, rule)), total, rule }
}

export function toAuthorRow(r: Record<string, unknown>, rule: LeanRule): AuthorRow {
  const labelled = Number(r.labelled ?? 0)
  const negative = Number(r.negative ?? 0)
  const positive = Number(r.positive ?? 0)
  return {
    id: r.id as number,
    name: r.name as string,
    platform: r.platform as Platform,
    type: r.type as AuthorType,
    url: (r.url as string | null) ?? null,
    followers: (r.followers as number | null) ?? null,
    gender: (r.gender as AuthorRow['gender']) ?? null,
    age: (r.age as string | null) ?? null,
    mentions: Number(r.mentions ?? 0),
    negative,
    neutral: Number(r.neutral ?? 0),
    positive,
    labelled,
    negShare: labelled ? negative / labelled : null,
    posShare: labelled ? positive / labelled : null,
    reach: Number(r.reach ?? 0),
    lastAt: (r.last_at as number | null) ?? null,
    lean: leanOf(labelled, negative, positive, rule),
    mergedCount: Number(r.merged_count ?? 0)
  }
}

/** leanOf(5, 4, 1, {minLabelled: 3, share: 0.6}) === 'negative' */
export function leanOf(
  labelled: number,
  negative: number,
  positive: number,
  rule: LeanRule
): 'negative' | 'positive' | null {
  if (labelled < rule.minLabelled) return null
  if (negative >= rule.share * labelled) return 'negative'
  if (positive >= rule.share * labelled) return 'positive'
  return null
}

/** Sets the type of authors by hand; a later import no longer changes it. */
export function setAuthorType(db: Db, ids: number[], type: AuthorType, user: string): number {
  const old = db.prepare('SELECT type FROM authors WHERE id = ?').pluck()
  const upd = db.prepare('UPDATE authors SET type = ?, type_manual = 1 WHERE id = ?')
  const audit = db.prepare(
    "INSERT INTO label_events (author_id, field, old_value, new_value, user_name, at) VALUES (?, 'author_type', ?, ?, ?, ?)"
  )
  let n = 0
  db.transaction(() => {
    for (const id of ids) {
      const before = old.get(id) as string | undefined
      if (before === undefined) continue
      n += upd.run(type, id).changes
      audit.run(id, before, type, user, clock.now())
    }
  })()
  return n
}

/** Merges one person's accounts (across platforms) into `into`; figures then count them as one author. */
export function mergeAuthors(db: Db, ids: number[], into: number, user: string): number {
  if (!db.prepare('SELECT 1 FROM authors WHERE id = ?').get(into)) return 0
  const upd = db.prepare('UPDATE authors SET merged_into = ? WHERE id = ? AND id != ?')
  const reparent = db.prepare('UPDATE authors SET merged_into = ? WHERE merged_into = ?')
  const audit = db.prepare(
    "INSERT INTO label_events (author_id, field, old_value, new_value, user_name, at) VALUES (?, 'author_merge', NULL, ?, ?, ?)"
  )
  let n = 0
  db.transaction(() => {
    db.prepare('UPDATE authors SET merged_into = NULL WHERE id = ?').run(into)
    for (const id of ids) {
      if (id === into) continue
      const c = upd.run(into, id, into).changes
      reparent.run(into, id)
      if (c) audit.run(id, String(into), user, clock.now())
      n += c
    }
  })()
  return n
}

export function unmergeAuthors(db: Db, ids: number[]): number {
  const upd = db.prepare('UPDATE authors SET merged_into = NULL WHERE id = ? OR merged_into = ?')
  let n = 0
  db.transaction(() => ids.forEach((id) => (n += upd.run(id, id).changes)))()
  return n
}
