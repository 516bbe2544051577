import { dbPathFrom, resolvePath, UsageError } from '../args'
import { printJson, type Command } from '../command'
import { openWorkspaceDatabase } from '../../core/workspace'
import { KEEP_MODES, SOURCE_TYPES } from '../../../shared/views'
import { addSource, listSources, removeSource, setSourceEnabled } from '../../core/collect'

export const sourceCommand: Command = {
  name: 'source',
  usage:
    'source add rss|telegram|folder TARGET [--name NAME] [--every 15m|2h | --cron "…"] [--keep all|matching] | list | enable ID | disable ID | remove ID  [--db PATH] [--json]',
  summary: 'Collection sources: news feeds, public Telegram channels, watched folders of exports.',
  booleans: ['json'],
  options: ['db', 'name', 'every', 'cron', 'keep'],
  async run(args, io) {
    const [verb, a1, a2] = args.positionals
    const db = openWorkspaceDatabase(dbPathFrom(args), { create: verb === 'add', readonly: verb === 'list' })
    try {
      let out: unknown
      if (verb === 'add') {
        const type = SOURCE_TYPES.find((t) => t === a1)
        if (!type) throw new UsageError(`source add needs a type: ${SOURCE_TYPES.join(', ')}`)
        if (!a2) throw new UsageError('source add needs a TARGET (feed URL, channel name or folder path)')
        if (args.str('every') && args.str('cron')) throw new UsageError('give --every or --cron, not both')
        const keepArg = args.str('keep')
        const keep = KEEP_MODES.find((k) => k === keepArg)
        if (keepArg !== undefined && !keep) throw new UsageError(`--keep takes ${KEEP_MODES.join(' or ')}`)
        out = addSource(db, {
          type,
          target: type === 'folder' ? resolvePath(a2) : a2,
          name: args.str('name'),
          every: args.str('every'),
          cron: args.str('cron'),
          keep
        })
      } else if (verb === 'list') out = listSources(db)
      else if (verb === 'enable' || verb === 'disable' || verb === 'remove') {
        const id = Number(a1)
        if (!Number.isInteger(id) || id <= 0) throw new UsageError(`source ${verb} needs a numeric ID`)
        out = verb === 'remove' ? removeSource(db, id) : setSourceEnabled(db, id, verb === 'enable')
      } else
        throw new UsageError(`unknown source action "${verb ?? ''}" (add, list, enable, disable, remove)`)
      if (args.bool('json')) printJson(io, out)
      else if (verb === 'list') {
        const { sources } = out as ReturnType<typeof listSources>
        io.out(
          (sources.length
            ? sources
                .map(
                  (s) =>
                    `${s.id}\t${s.enabled ? 'on ' : 'off'}\t${s.type}\t${s.name}\t${s.schedule}\t${s.lastStatus ?? '—'}\t${s.url}`
                )
                .join('\n')
            : 'No sources.') + '\n'
        )
      } else io.out(JSON.stringify(out) + '\n')
      return 0
    } finally {
      db.close()
    }
  }
}
