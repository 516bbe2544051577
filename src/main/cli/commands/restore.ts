import { dbPathFrom, resolvePath, UsageError } from '../args'
import { printJson, type Command } from '../command'
import { restoreDatabase } from '../../core/db/backup'

export const restoreCommand: Command = {
  name: 'restore',
  usage: 'restore FILE [--db PATH] [--force] [--json]',
  summary:
    'Puts an Otklik backup in place of the database (keeping the replaced one as <db>.before-restore-<time>.bak); refuses other files, newer versions and a database in use unless --force.',
  booleans: ['json', 'force'],
  options: ['db'],
  async run(args, io) {
    const [file, ...rest] = args.positionals
    if (!file) throw new UsageError('restore needs the backup FILE')
    if (rest.length) throw new UsageError(`Unexpected argument "${rest[0]}"`)
    const r = restoreDatabase(resolvePath(file), dbPathFrom(args), { force: args.bool('force') })
    if (args.bool('json')) printJson(io, r)
    else {
      io.out(
        `Restored ${r.from} into ${r.file}` +
          (r.migratedFrom < r.version ? ` (upgraded from schema ${r.migratedFrom} to ${r.version})` : '') +
          '.\n' +
          (r.previous ? `The replaced database was kept as ${r.previous}\n` : '')
      )
    }
    return 0
  }
}
