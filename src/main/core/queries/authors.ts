import type { Db } from '../db/open'
import type { MentionFilter } from '../../../shared/filter'
import type { AuthorRow, AuthorsPage, AuthorSort, AuthorSortColumn } from '../../../shared/views'
import type { AuthorType, Platform } from '../../../shared/types'
import { clock } from '../../../shared/clock'
import { leanOf, wilsonLower, type Lean, type LeanRule } from '../../../shared/lean'
import { leanWhere, useLeanFunctions } from './lean'

export type { AuthorSort }

const SORT: Record<AuthorSortColumn, string> = {
  name: 'a.name_norm',
  platform: 'a.platform',
  type: 'a.type',
  followers: 'ifnull(a.followers, -1)',
  mentions: 'g.mentions',
  negative: 'g.negative',
  neutral: 'g.neutral',
  positive: 'g.positive',
  // By evidence: 1 negative of 1 (lower bound ≈ 0.21) ranks below 14 of 15 (≈ 0.70).
  negShare: 'ifnull(otklik_wilson(g.negative, g.labelled), -1)',
  reach: 'g.reach',
  lastAt: 'g.last_at'
}

/** SUM of a 0/1 condition restricted to `cond` (skipped when `cond` is '1'). */
const within = (cond: string, expr: string): string => (cond === '1' ? expr : `(${cond}) AND ${expr}`)

/**
 * One row per author (accounts merged into one person count as that person) who has a mention the
 * filter selects, coloured by the lean rule (src/shared/lean.ts) over the lean's own counts: the same
 * filter without sentiment, relevant mentions only. `lean` keeps only critics or supporters (in SQL,
 * by the same rule, so paging and the total agree). `endRow` may be Infinity: every row.
 */
export function authorsPage(
  db: Db,
  filter: MentionFilter,
  sort: AuthorSort,
  startRow: number,
  endRow: number,
  rule: LeanRule,
  timeZone: string,
  lean: Lean | null = null
): AuthorsPage {
  useLeanFunctions(db)
  const { where, listed, evidence } = leanWhere(filter, timeZone)
  const dir = sort.dir === 'asc' ? 'ASC' : 'DESC'
  const leanCond = lean ? 'AND otklik_lean(g.labelled, g.negative, g.positive, a.type, ?, ?) = ?' : ''
  const leanParams = lean ? [rule.minLabelled, rule.percent, lean] : []
  // Per account first (inside the date index), then per person: merged accounts join on the few
  // grouped rows rather than on every mention.
  const cte = `WITH per_account AS (
         SELECT m.author_id AS author_id, sum(${listed}) AS mentions,
           sum(${within(evidence, 'm.sentiment = -1')}) AS negative, sum(${within(evidence, 'm.sentiment = 0')}) AS neutral,
           sum(${within(evidence, 'm.sentiment = 1')}) AS positive, sum(${within(evidence, 'm.sentiment IS NOT NULL')}) AS labelled,
           sum(${listed === '1' ? 'ifnull(m.reach, 0)' : `CASE WHEN ${listed} THEN ifnull(m.reach, 0) ELSE 0 END`}) AS reach,
           max(${listed === '1' ? 'm.published_at' : `CASE WHEN ${listed} THEN m.published_at END`}) AS last_at
         FROM mentions m WHERE m.author_id IS NOT NULL AND ${where.sql} GROUP BY m.author_id),
       g AS (
         SELECT coalesce(au.merged_into, au.id) AS aid, sum(p.mentions) AS mentions, sum(p.negative) AS negative, sum(p.neutral) AS neutral,
           sum(p.positive) AS positive, sum(p.labelled) AS labelled, sum(p.reach) AS reach, max(p.last_at) AS last_at
         FROM per_account p JOIN authors au ON au.id = p.author_id GROUP BY aid HAVING sum(p.mentions) > 0)`
  const limit = Number.isFinite(endRow) ? Math.max(0, endRow - startRow) : -1
  // The total comes from the same pass (a window count).
  const rows = db
    .prepare(
      `${cte},
       ranked AS (
         SELECT g.*, count(*) OVER () AS total FROM g JOIN authors a ON a.id = g.aid WHERE 1 ${leanCond}
         ORDER BY ${SORT[sort.col]} ${dir}, a.id LIMIT ? OFFSET ?)
       SELECT a.id, a.name, a.platform, a.type, a.url, a.followers, a.gender, a.age, g.mentions, g.negative, g.neutral, g.positive, g.labelled, g.reach, g.last_at,
         (SELECT count(*) FROM authors x WHERE x.merged_into = a.id) AS merged_count, g.total
       FROM ranked g JOIN authors a ON a.id = g.aid
       ORDER BY ${SORT[sort.col]} ${dir}, a.id`
    )
    .all(...where.params, ...leanParams, limit, startRow) as Record<string, unknown>[]
  const total =
    rows.length > 0
      ? Number(rows[0]!.total)
      : startRow === 0 && limit !== 0
        ? 0 // the first page came back empty: nobody matches
        : (db
            .prepare(`${cte} SELECT count(*) FROM g JOIN authors a ON a.id = g.aid WHERE 1 ${leanCond}`)
            .pluck()
            .get(...where.params, ...leanParams) as number)
  return { rows: rows.map((r) => toAuthorRow(r, rule)), total, rule }
}

export function toAuthorRow(r: Record<string, unknown>, rule: LeanRule): AuthorRow {
  const labelled = Number(r.labelled ?? 0)
  const negative = Number(r.negative ?? 0)
  const positive = Number(r.positive ?? 0)
  const type = r.type as AuthorType
  return {
    id: r.id as number,
    name: r.name as string,
    platform: r.platform as Platform,
    type,
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
    negLow: wilsonLower(negative, labelled),
    posLow: wilsonLower(positive, labelled),
    reach: Number(r.reach ?? 0),
    lastAt: (r.last_at as number | null) ?? null,
    lean: leanOf({ labelled, negative, positive }, type, rule),
    mergedCount: Number(r.merged_count ?? 0)
  }
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
