import { existsSync } from 'node:fs'
import { dbPathFrom, resolvePath, UsageError } from '../args'
import { printJson, type Command } from '../command'
import { openWorkspaceDatabase } from '../../core/workspace'
import { backupDatabase } from '../../core/db/backup'
import { OtklikError } from '../../../shared/errors'

export const backupCommand: Command = {
  name: 'backup',
  usage: 'backup --out FILE [--db PATH] [--force] [--json]',
  summary:
    'Writes a consistent, verified copy of the workspace to FILE while the app may keep working (--force overwrites FILE).',
  booleans: ['json', 'force'],
  options: ['db', 'out'],
  async run(args, io) {
    const outArg = args.str('out')
    if (!outArg) throw new UsageError('backup needs --out FILE')
    if (args.positionals.length) throw new UsageError(`Unexpected argument "${args.positionals[0]}"`)
    const out = resolvePath(outArg)
    if (existsSync(out) && !args.bool('force')) {
      throw new OtklikError(
        'VALIDATION',
        `${out} already exists. Choose another file, or add --force to replace it.`,
        {
          path: out
        }
      )
    }
    const db = openWorkspaceDatabase(dbPathFrom(args), { readonly: true })
    try {
      const r = await backupDatabase(db, out)
      if (args.bool('json')) printJson(io, { file: r.file, bytes: r.bytes })
      else io.out(`Backup written: ${r.file} (${r.bytes} bytes, integrity checked)\n`)
      return 0
    } finally {
      db.close()
    }
  }
}
