import { existsSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { dbPathFrom, UsageError } from '../args'
import { printJson, type Command } from '../command'
import { openWorkspaceDatabase } from '../../core/workspace'
import { createDemo } from '../../core/demo'
import { workspaceAnalyzer } from '../../core/analysis/analyzer'

export const demoCommand: Command = {
  name: 'demo',
  usage: 'demo --db PATH [--seed N] [--weeks N] [--until YYYY-MM-DD] [--force] [--json]',
  summary: 'Creates the demo workspace: a fictional city administration, 8 weeks of mentions (see README).',
  booleans: ['force', 'json'],
  options: ['db', 'seed', 'weeks', 'until'],
  async run(args, io) {
    const path = dbPathFrom(args)
    const weeks = args.int('weeks') ?? 8
    if (weeks < 1 || weeks > 520) throw new UsageError('--weeks takes 1 to 520')
    const seed = args.int('seed') ?? 1
    const until = args.date('until')
    if (!existsSync(dirname(path))) mkdirSync(dirname(path), { recursive: true })
    const started = performance.now()
    const db = openWorkspaceDatabase(path, { create: true })
    try {
      const analyzer = workspaceAnalyzer(db)
      const r = createDemo(db, {
        seed,
        weeks,
        until,
        force: args.bool('force'),
        analyzer,
        onProgress: (done, total) => {
          if (done % 2000 === 0) io.err(`demo: ${done} of ${total} mentions\n`)
        }
      })
      const ms = performance.now() - started
      if (args.bool('json')) printJson(io, { db: path, ...r, ms })
      else
        io.out(
          `Demo workspace in ${path}: ${r.mentions} mentions, ${r.from} – ${r.to} (seed ${r.seed}), ${ms} ms\n`
        )
      return 0
    } finally {
      db.close()
    }
  }
}
