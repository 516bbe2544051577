import type { Db } from '../db/open'
import type { Stats } from '../../../shared/rows'
import type { Platform } from '../../../shared/types'
import { dateRange } from '../../../shared/time'
import { aggregate, totals, type Totals } from './aggregate'

/** Workspace figures, optionally for an inclusive date range in the workspace time zone. */
export function workspaceStats(db: Db, opts: { from?: string; to?: string; timeZone: string }): Stats {
  const ranged = Boolean(opts.from || opts.to)
  const { start, end } = ranged
    ? dateRange(opts.from ?? '1970-01-01', opts.to ?? '2999-12-31', opts.timeZone)
    : { start: -8.64e15, end: 8.64e15 }
  const w = 'm.published_at >= ? AND m.published_at < ?'
  // Mention counts from the one aggregate helper (the figures the status bar, dashboard and digest show);
  // distinct authors, outlets and stories need the base table.
  const period = { from: opts.from, to: opts.to }
  const all = totals(db, { ...period, irrelevant: 'all' }, opts.timeZone)
  const relevant = totals(db, { ...period, irrelevant: 'hide' }, opts.timeZone)
  const s = db
    .prepare(
      `SELECT sum(m.irrelevant) AS irr, sum(m.sentiment_origin = 'manual') AS manual, sum(m.sentiment_origin = 'import') AS imp,
       sum(m.sentiment_origin = 'model') AS model, count(DISTINCT m.author_id) AS authors, count(DISTINCT m.outlet_id) AS outlets,
       count(DISTINCT m.story_id) AS stories FROM mentions m WHERE ${w}`
    )
    .get(start, end) as Record<string, number | null>
  const byPlatform: Partial<Record<Platform, number>> = {}
  for (const r of aggregate(db, { ...period, irrelevant: 'all' }, opts.timeZone, ['platform']).sort(
    (a, b) => b.n - a.n || (a.platform < b.platform ? -1 : 1)
  ))
    byPlatform[r.platform as Platform] = r.n
  const scalar = (sql: string): number => (db.prepare(sql).pluck().get() as number) ?? 0
  return {
    mentions: all.n,
    bySentiment: bySentiment(all),
    relevant: { mentions: relevant.n, bySentiment: bySentiment(relevant) },
    byPlatform,
    authors: ranged ? (s.authors ?? 0) : scalar('SELECT count(*) FROM authors'),
    outlets: ranged ? (s.outlets ?? 0) : scalar('SELECT count(*) FROM outlets'),
    sources: scalar('SELECT count(*) FROM sources'),
    imports: scalar(
      "SELECT count(*) FROM import_batches WHERE kind IN ('import', 'folder') AND undone_at IS NULL"
    ),
    irrelevant: s.irr ?? 0,
    stories: s.stories ?? 0,
    bySentimentOrigin: { manual: s.manual ?? 0, import: s.imp ?? 0, model: s.model ?? 0 },
    from: opts.from ?? null,
    to: opts.to ?? null
  }
}

function bySentiment(t: Totals): Stats['bySentiment'] {
  return { negative: t.negative, neutral: t.neutral, positive: t.positive, unlabelled: t.unlabelled }
}

/** True when the workspace holds no mention yet (the app then offers the demo). */
export function isEmptyWorkspace(db: Db): boolean {
  return db.prepare('SELECT 1 FROM mentions LIMIT 1').get() === undefined
}
