import { dbPathFrom, requireRange } from '../args'
import { printJson, type Command } from '../command'
import { openWorkspaceDatabase } from '../../core/workspace'
import { getSettings } from '../../core/db/settings'
import { workspaceStats } from '../../core/queries/stats'

export const statsCommand: Command = {
  name: 'stats',
  usage: 'stats [--db PATH] [--from YYYY-MM-DD --to YYYY-MM-DD] [--json]',
  summary:
    'Prints workspace figures: mentions by sentiment and platform, authors, outlets, sources, imports.',
  booleans: ['json'],
  options: ['db', 'from', 'to'],
  async run(args, io) {
    const range = requireRange(args)
    // Read-only: a stats run changes nothing in the file (no WAL switch, no -wal/-shm left, no backup).
    const db = openWorkspaceDatabase(dbPathFrom(args), { readonly: true })
    try {
      const s = workspaceStats(db, { ...range, timeZone: getSettings(db).timeZone })
      if (args.bool('json')) printJson(io, s)
      else {
        io.out(
          [
            `Mentions: ${s.mentions}${s.from || s.to ? ` (${s.from ?? '…'} – ${s.to ?? '…'})` : ''}`,
            `  negative ${s.bySentiment.negative}, neutral ${s.bySentiment.neutral}, positive ${s.bySentiment.positive}, unlabelled ${s.bySentiment.unlabelled}`,
            `Platforms: ${
              Object.entries(s.byPlatform)
                .map(([k, v]) => `${k} ${v}`)
                .join(', ') || '—'
            }`,
            `Authors: ${s.authors}  Outlets: ${s.outlets}  Sources: ${s.sources}  Imports: ${s.imports}`
          ].join('\n') + '\n'
        )
      }
      return 0
    } finally {
      db.close()
    }
  }
}
