import type { Db } from '../db/open'
import { getSettings } from '../db/settings'
import { formatDate } from '../../../shared/time'
import { leanRule } from '../../../shared/lean'
import { LANGS, type Lang } from './i18n'
import { Masker, type KnownAuthor } from './masking'
import type { DigestModel } from './model-types'
import { buildAuthors, buildDaily, buildFigures, buildMethod, buildSpikes } from './model-parts'
import { buildHighlights, buildProblems, QuoteLedger, type QuoteContext } from './model-quotes'
import { queryKeys } from './quote-excerpt'
import { buildResponses, headlineProblems } from './model-responses'
import { resolvePeriod } from './period'
import { handleType, periodRows, subjectQueries } from './queries'
import { clock } from '../../../shared/clock'

export interface DigestOptions {
  from?: string
  to?: string
  /** ISO week 'YYYY-Www'. */
  week?: string
  /** Default 'ru'. */
  lang?: Lang
  /** Default from settings.maskPrivateAuthors. */
  maskAuthors?: boolean
  summary?: string | null
  pinnedQuoteIds?: number[]
  excludedQuoteIds?: number[]
  /** Epoch ms taken as "now" (the default period and the date of preparation). */
  now?: number
}

/** Builds the digest's content as plain JSON-able data; both renderers draw from it. */
export function buildDigestModel(db: Db, opts: DigestOptions = {}): DigestModel {
  const settings = getSettings(db)
  const now = opts.now ?? clock.now()
  const tz = settings.timeZone || 'Asia/Almaty'
  // The digest is written in Russian unless asked otherwise (the UI language does not change it).
  const lang: Lang = opts.lang && LANGS.includes(opts.lang) ? opts.lang : 'ru'
  const masked = opts.maskAuthors ?? settings.maskPrivateAuthors !== false
  const period = resolvePeriod({ ...opts, now }, tz, Number(settings.weekStart ?? 1))
  const pinned = new Set(opts.pinnedQuoteIds ?? [])
  const excluded = new Set(opts.excludedQuoteIds ?? [])
  for (const id of excluded) pinned.delete(id)

  const rows = periodRows(db, period.range)
  const byId = new Map(rows.map((r) => [r.id, r]))
  const masker = new Masker(lang, masked, (h) => handleType(db, h))
  knowPeriodAuthors(db, masker, period.range)
  const subjectKeys = new Set(subjectQueries(db).flatMap((q) => [...queryKeys(q)]))
  const ctx: QuoteContext = { db, lang, tz, masker, excluded, pinned, ledger: new QuoteLedger(), subjectKeys }

  const figures = buildFigures(rows, periodRows(db, period.prevRange))
  const empty = rows.length === 0
  // Page 1's unanswered criticism takes its quotes first: later sections then do not repeat them.
  const responses = buildResponses(ctx, rows, period.range)
  const problems = empty ? [] : buildProblems(ctx, byId, period.range, period.prevRange)
  const { critical, positive } = empty ? { critical: [], positive: [] } : buildHighlights(ctx, rows)
  const rule = leanRule(settings)
  const authors = empty
    ? { negative: [], positive: [], critics: [], supporters: [] }
    : buildAuthors(db, lang, masker, period, rule, tz)
  const spikes = empty ? { days: [], terms: [] } : buildSpikes(db, lang, period, tz)

  return {
    schema: 1,
    lang,
    orgName: String(settings.orgName ?? ''),
    orgLogo: typeof settings.orgLogo === 'string' && settings.orgLogo ? settings.orgLogo : null,
    period: {
      from: period.from,
      to: period.to,
      days: period.days,
      prevFrom: period.prevFrom,
      prevTo: period.prevTo
    },
    timeZone: tz,
    preparedOn: formatDate(now, tz),
    generatedAt: now,
    masked,
    summary: opts.summary?.trim() ? opts.summary.trim() : null,
    headline: { problems: headlineProblems(problems) },
    responses,
    empty,
    figures,
    daily: buildDaily(rows, period),
    problems,
    critical,
    positive,
    authors: { ...authors, minLabelled: rule.minLabelled, share: rule.percent / 100 },
    spikes,
    method: buildMethod(db, lang, rows, figures.stories.value),
    options: { pinnedQuoteIds: [...pinned], excludedQuoteIds: [...excluded] }
  }
}

/** Every author of the period, so that their @handles and names in quotes are recognised. */
function knowPeriodAuthors(db: Db, masker: Masker, range: { start: number; end: number }): void {
  if (!masker.enabled) return
  const rows = db
    .prepare(
      `SELECT DISTINCT a.id, a.name, a.url, a.type, a.platform FROM mentions m INDEXED BY mentions_published
       JOIN authors a ON a.id = m.author_id WHERE m.published_at >= ? AND m.published_at < ? AND m.irrelevant = 0`
    )
    .all(range.start, range.end) as KnownAuthor[]
  for (const a of rows) masker.know(a)
}
