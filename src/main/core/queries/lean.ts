/**
 * The SQL side of the author-lean rule (src/shared/lean.ts). SQLite calls the shared functions
 * themselves (registered once per connection), so a lean filter or a Wilson sort in SQL decides exactly
 * what the TypeScript predicate decides for a row.
 */
import type { Db } from '../db/open'
import type { MentionFilter } from '../../../shared/filter'
import { leanOf, wilsonLower } from '../../../shared/lean'
import { buildWhere, sentimentSql, type Where } from './filter'

const registered = new WeakSet<Db>()

/**
 * Registers `otklik_lean(labelled, negative, positive, type, minLabelled, percent)` → 'critic' | 'supporter' | NULL
 * and `otklik_wilson(k, n)` → the Wilson lower bound (NULL when n = 0) on this connection (once).
 */
export function useLeanFunctions(db: Db): void {
  if (registered.has(db)) return
  db.function(
    'otklik_lean',
    { deterministic: true },
    (
      labelled: unknown,
      negative: unknown,
      positive: unknown,
      type: unknown,
      min: unknown,
      percent: unknown
    ) =>
      leanOf(
        { labelled: Number(labelled ?? 0), negative: Number(negative ?? 0), positive: Number(positive ?? 0) },
        typeof type === 'string' ? type : null,
        { minLabelled: Number(min), percent: Number(percent) }
      )
  )
  db.function('otklik_wilson', { deterministic: true }, (k: unknown, n: unknown) =>
    wilsonLower(Number(k ?? 0), Number(n ?? 0))
  )
  registered.add(db)
}

/**
 * One pass serves both the list and the lean. `where` selects every mention either needs; per row,
 * `listed` (SQL over `m`) says the mention matches the whole filter, sentiment included (it counts as one
 * of the author's mentions and puts the author on the list), and `evidence` says it counts towards the
 * lean: the same filter without sentiment, relevant mentions only. Neither holds parameters.
 * With no sentiment filter and irrelevant ones hidden, both are '1'.
 */
export interface LeanWhere {
  where: Where
  listed: string
  evidence: string
}

export function leanWhere(filter: MentionFilter, timeZone: string): LeanWhere {
  const irr = filter.irrelevant ?? 'hide'
  const sent = filter.sentiments?.length ? sentimentSql(filter.sentiments) : null
  // The evidence never includes irrelevant mentions; the list follows the filter's own choice.
  if (irr === 'hide') {
    const where = buildWhere({ ...filter, sentiments: undefined, irrelevant: 'hide' }, timeZone)
    return { where, listed: sent ?? '1', evidence: '1' }
  }
  const base = buildWhere({ ...filter, sentiments: undefined, irrelevant: 'all' }, timeZone)
  const listed = [sent, irr === 'only' ? 'm.irrelevant = 1' : null].filter(Boolean).join(' AND ') || '1'
  const evidence = 'm.irrelevant = 0'
  return {
    where: { ...base, sql: `(${base.sql}) AND ((${listed}) OR ${evidence})` },
    listed,
    evidence
  }
}
