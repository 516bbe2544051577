import { dbPathFrom, resolvePath, UsageError, callerDir } from '../args'
import { printJson, type Command } from '../command'
import { openWorkspaceDatabase } from '../../core/workspace'
import { exportDigest, type DigestFormat } from '../../core/report'

export const digestCommand: Command = {
  name: 'digest',
  usage:
    'digest [--db PATH] [--week YYYY-Www | --from YYYY-MM-DD --to YYYY-MM-DD] [--format docx,pdf] [--out DIR] [--lang ru|kk|en] [--no-mask-authors] [--json]',
  summary: 'Writes the weekly digest (default: the last complete week) as DOCX and PDF.',
  booleans: ['json', 'no-mask-authors'],
  options: ['db', 'week', 'from', 'to', 'format', 'out', 'lang'],
  async run(args, io) {
    const week = args.str('week')
    const from = args.date('from')
    const to = args.date('to')
    if (week && (from || to)) throw new UsageError('give --week or --from/--to, not both')
    if (week && !/^\d{4}-W\d{2}$/.test(week))
      throw new UsageError(`--week takes an ISO week like 2026-W47, not "${week}"`)
    if ((from && !to) || (to && !from)) throw new UsageError('--from and --to go together')
    if (from && to && from > to) throw new UsageError(`--from ${from} is after --to ${to}`)
    const lang = args.str('lang') ?? 'ru'
    if (lang !== 'ru' && lang !== 'kk' && lang !== 'en')
      throw new UsageError(`--lang takes ru, kk or en, not "${lang}"`)
    const formats = (args.str('format') ?? 'docx,pdf')
      .split(',')
      .map((f) => f.trim())
      .filter(Boolean)
    for (const f of formats)
      if (f !== 'docx' && f !== 'pdf') throw new UsageError(`--format takes docx, pdf or both, not "${f}"`)
    const db = openWorkspaceDatabase(dbPathFrom(args))
    try {
      const r = await exportDigest(db, {
        week,
        from,
        to,
        lang,
        formats: formats as DigestFormat[],
        maskAuthors: args.bool('no-mask-authors') ? false : undefined,
        outDir: args.str('out') ? resolvePath(args.str('out')!) : callerDir()
      })
      if (args.bool('json')) printJson(io, r)
      else
        io.out(
          `Digest ${r.period.from} – ${r.period.to} (${r.mentions} mentions):\n${r.files.map((f) => `  ${f}`).join('\n')}\n`
        )
      return 0
    } finally {
      db.close()
    }
  }
}
