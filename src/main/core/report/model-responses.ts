/** Page 1's problems and the office's responses of the period. */
import { formatDate } from '../../../shared/time'
import { safeHttpUrl } from '../../../shared/url'
import { platformName } from './i18n'
import { bylineOf, pickQuotes, trimText, type QuoteContext } from './model-quotes'
import type { AnsweredItem, HeadlineProblem, ProblemItem, ResponsesInfo } from './model-types'
import { details, responseRows, type LightRow } from './queries'

const HEADLINE_PROBLEMS = 5
const UNANSWERED_QUOTES = 3
const ANSWERED_ITEMS = 10
const WHAT_CHARS = 120

/** The (up to five) problems with the most criticism, from the problems section's own list. */
export function headlineProblems(problems: ProblemItem[]): HeadlineProblem[] {
  return [...problems]
    .sort((a, b) => b.negative - a.negative || a.topicId - b.topicId)
    .slice(0, HEADLINE_PROBLEMS)
    .map((p) => ({
      topicId: p.topicId,
      name: p.name,
      negative: p.negative,
      prevNegative: p.prevNegative,
      growth: p.growth
    }))
}

/**
 * Response counts of the period, the widest-reaching critical publications nobody answered (quoted
 * first, so page 1 holds them and later sections do not repeat them), and the answered ones.
 */
export function buildResponses(
  ctx: QuoteContext,
  rows: LightRow[],
  range: { start: number; end: number }
): ResponsesInfo {
  const resp = responseRows(ctx.db, range)
  const answeredIds = new Set(resp.filter((r) => r.status === 'answered').map((r) => r.id))
  const critical = rows.filter((r) => r.sentiment === -1)
  const unanswered = pickQuotes(
    ctx,
    critical.filter((r) => !answeredIds.has(r.id)),
    UNANSWERED_QUOTES,
    -1,
    undefined,
    false
  )
  const answered = resp.filter((r) => r.status === 'answered').slice(0, ANSWERED_ITEMS)
  const info = details(
    ctx.db,
    answered.map((r) => r.id)
  )
  const answeredItems: AnsweredItem[] = []
  for (const r of answered) {
    const d = info.get(r.id)
    if (!d) continue
    const { author, masked, source } = bylineOf(ctx, d)
    const raw = trimText(ctx.masker.text(d.title || d.text || '', author), WHAT_CHARS)
    const what = raw && !ctx.ledger.repeats({ text: raw, title: null }) ? raw : null
    answeredItems.push({
      id: d.id,
      date: formatDate(d.published_at, ctx.tz),
      source,
      platformName: platformName(ctx.lang, d.platform),
      what,
      url: masked ? null : (safeHttpUrl(d.url)?.toString() ?? null),
      note: r.note ? ctx.masker.text(r.note, null) : null,
      responseUrl: safeHttpUrl(r.url)?.toString() ?? null
    })
  }
  return {
    critical: critical.length,
    criticalAnswered: critical.filter((r) => answeredIds.has(r.id)).length,
    needed: resp.filter((r) => r.status === 'needed').length,
    assigned: resp.filter((r) => r.status === 'assigned').length,
    answered: answeredIds.size,
    unanswered,
    answeredItems
  }
}
