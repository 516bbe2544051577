import { dbPathFrom, UsageError } from '../args'
import { printJson, type Command } from '../command'
import { openWorkspaceDatabase } from '../../core/workspace'
import { getSettings } from '../../core/db/settings'
import { findSpikes } from '../../core/analysis/spikes-db'
import { spikeJson } from '../../../shared/views'
import { addDays, dateInZone } from '../../../shared/time'
import { now } from '../../../shared/clock'

/** Days a period spans when the command line gives no --from. */
export const DEFAULT_SPIKE_DAYS = 30

export const spikesCommand: Command = {
  name: 'spikes',
  usage: 'spikes [--db PATH] [--from YYYY-MM-DD --to YYYY-MM-DD] [--json]',
  summary:
    'Lists the days when negative mentions spiked, per topic and for all topics (default: the last 30 days).',
  booleans: ['json'],
  options: ['db', 'from', 'to'],
  async run(args, io) {
    const from = args.date('from')
    const to = args.date('to')
    if (from && to && from > to) throw new UsageError(`--from ${from} is after --to ${to}`)
    const db = openWorkspaceDatabase(dbPathFrom(args))
    try {
      const timeZone = getSettings(db).timeZone
      // Without dates: the 30 days ending today; with one date, the other follows from it.
      const end = to ?? (from ? maxDay(from, dateInZone(now(), timeZone)) : dateInZone(now(), timeZone))
      const start = from ?? addDays(end, -(DEFAULT_SPIKE_DAYS - 1))
      const spikes = findSpikes(db, { from: start, to: end, timeZone })
      if (args.bool('json')) printJson(io, { spikes: spikes.map(spikeJson) })
      else {
        const lines = spikes.map(
          (s) => `${s.day}  ${s.topic ?? 'all topics'}: ${s.negative} negative (usual ${s.usual})`
        )
        io.out(
          `Spikes ${start} – ${end}: ${spikes.length ? `${spikes.length}\n${lines.join('\n')}` : 'none'}\n`
        )
      }
      return 0
    } finally {
      db.close()
    }
  }
}

function maxDay(a: string, b: string): string {
  return a > b ? a : b
}
