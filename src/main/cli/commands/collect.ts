import { dbPathFrom, UsageError } from '../args'
import { printJson, type Command } from '../command'
import { openWorkspaceDatabase } from '../../core/workspace'
import { collectOnce, type CollectStatusEvent } from '../../core/collect'
import { workspaceAnalyzer } from '../../core/analysis/analyzer'
import { subjectsMatcher } from '../../core/subjects'

export const collectCommand: Command = {
  name: 'collect',
  usage: 'collect [--db PATH] [--source ID] [--json]',
  summary:
    'Runs every enabled source once now (or one source), stores what is new, prints each source’s result.',
  booleans: ['json'],
  options: ['db', 'source'],
  async run(args, io) {
    const sourceId = args.int('source')
    if (sourceId !== undefined && sourceId <= 0) throw new UsageError('--source takes a source id')
    const db = openWorkspaceDatabase(dbPathFrom(args), { create: true })
    try {
      const report = await collectOnce(db, {
        sourceId,
        analyzer: workspaceAnalyzer(db),
        matcher: subjectsMatcher(db),
        onEvent: (name, payload) => {
          const r = name === 'collect:status' ? (payload as CollectStatusEvent).result : undefined
          if (r)
            io.err(`collect: source ${r.id}: ${r.status}, ${r.new} new${r.error ? ` — ${r.error}` : ''}\n`)
        }
      })
      if (args.bool('json')) printJson(io, report)
      else
        io.out(
          (report.sources.length
            ? report.sources
                .map(
                  (s) =>
                    `${s.id}\t${s.status}\tfetched ${s.fetched}, new ${s.new}, duplicates ${s.duplicates}${s.error ? `\t${s.error}` : ''}\t${s.url}`
                )
                .join('\n')
            : 'No enabled sources.') + '\n'
        )
      return 0
    } finally {
      db.close()
    }
  }
}
