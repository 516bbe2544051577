import { dbPathFrom, UsageError, type Args } from '../args'
import { printJson, type Command } from '../command'
import { openWorkspaceDatabase } from '../../core/workspace'
import { getSettings } from '../../core/db/settings'
import { authorsPage } from '../../core/queries/authors'
import { LEANS, leanRule, type Lean } from '../../../shared/lean'
import { PLATFORMS, SENTIMENTS, type Platform, type Sentiment } from '../../../shared/types'
import { mentionFilterSchema, type MentionFilter } from '../../../shared/filter'
import { parseQuery } from '../../../shared/query'

/** One author as `otklik authors --json` prints it (names as stored: the CLI is the office's own tool). */
export interface AuthorsCliRow {
  id: number
  name: string
  platform: Platform
  type: string
  mentions: number
  labelled: number
  negative: number
  neutral: number
  positive: number
  lean: Lean | null
}

export const authorsCommand: Command = {
  name: 'authors',
  usage:
    'authors [--db PATH] [--from YYYY-MM-DD --to YYYY-MM-DD] [--sentiment negative,neutral,positive] [--platform P,…] [--query Q] [--lean critic|supporter] [--limit N] [--json]',
  summary:
    'Lists authors as the Authors page does (by mentions), each with the lean critic / supporter / none.',
  booleans: ['json'],
  options: ['db', 'from', 'to', 'sentiment', 'platform', 'query', 'lean', 'limit'],
  async run(args, io) {
    const { filter, lean, limit } = authorsArgs(args)
    const db = openWorkspaceDatabase(dbPathFrom(args))
    try {
      const settings = getSettings(db)
      const page = authorsPage(
        db,
        filter,
        { col: 'mentions', dir: 'desc' },
        0,
        limit ?? Infinity,
        leanRule(settings),
        settings.timeZone,
        lean
      )
      const authors: AuthorsCliRow[] = page.rows.map((a) => ({
        id: a.id,
        name: a.name,
        platform: a.platform,
        type: a.type,
        mentions: a.mentions,
        labelled: a.labelled,
        negative: a.negative,
        neutral: a.neutral,
        positive: a.positive,
        lean: a.lean
      }))
      if (args.bool('json')) printJson(io, { authors })
      else {
        io.out(
          authors
            .map(
              (a) =>
                `${a.id}\t${a.name}\t${a.platform}\t${a.type}\t${a.mentions} mentions\t` +
                `${a.negative}/${a.neutral}/${a.positive} of ${a.labelled} labelled\t${a.lean ?? '-'}`
            )
            .join('\n') + (authors.length ? '\n' : '')
        )
        io.err(`${authors.length} of ${page.total} authors\n`)
      }
      return 0
    } finally {
      db.close()
    }
  }
}

/** A real calendar date: 2026-02-30 is refused (Date.parse would roll it over to March). */
function calendarDate(args: Args, name: string): string | undefined {
  const v = args.date(name)
  if (v !== undefined && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) !== v)
    throw new UsageError(`--${name} takes a date YYYY-MM-DD, not "${v}"`)
  return v
}

/** A comma list whose every item is one of `allowed`. */
function list<T extends string>(args: Args, name: string, allowed: readonly T[]): T[] | undefined {
  const v = args.str(name)
  if (v === undefined) return undefined
  const items = v
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)
  if (!items.length) throw new UsageError(`--${name} needs one or more of ${allowed.join(', ')}`)
  for (const x of items)
    if (!allowed.includes(x as T))
      throw new UsageError(`--${name} takes ${allowed.join(', ')} (comma-separated), not "${x}"`)
  return [...new Set(items as T[])]
}

/** The command line as the Authors page's filter (bad values are usage errors: exit code 2). */
export function authorsArgs(args: Args): { filter: MentionFilter; lean: Lean | null; limit?: number } {
  const from = calendarDate(args, 'from')
  const to = calendarDate(args, 'to')
  if (from && to && from > to) throw new UsageError(`--from ${from} is after --to ${to}`)
  const sentiments = list<Sentiment>(args, 'sentiment', SENTIMENTS)
  const platforms = list<Platform>(args, 'platform', PLATFORMS)
  const query = args.str('query')
  if (query !== undefined) {
    if (!query.trim()) throw new UsageError('--query needs a query, e.g. --query "аким*"')
    try {
      parseQuery(query)
    } catch (e) {
      throw new UsageError(`--query: ${(e as Error).message}`)
    }
  }
  const leanArg = args.str('lean')
  if (leanArg !== undefined && !LEANS.includes(leanArg as Lean))
    throw new UsageError(`--lean takes ${LEANS.join(' or ')}, not "${leanArg}"`)
  const limit = args.int('limit')
  if (limit !== undefined && limit < 1) throw new UsageError(`--limit takes a whole number ≥ 1, not ${limit}`)
  const parsed = mentionFilterSchema.safeParse({
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(sentiments ? { sentiments } : {}),
    ...(platforms ? { platforms } : {}),
    ...(query ? { search: query } : {})
  })
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => i.message).join('; '))
  return { filter: parsed.data, lean: (leanArg as Lean | undefined) ?? null, limit }
}
