import { Args, defaultDbPath, parseArgs, resolvePath, UsageError } from './args'
import type { Command, Io } from './command'
import { OtklikError } from '../../shared/errors'
import { demoCommand } from './commands/demo'
import { statsCommand } from './commands/stats'
import { authorsCommand } from './commands/authors'
import { exportCommand } from './commands/export'
import { serveCommand } from './commands/serve'
import { sourceCommand } from './commands/source'
import { subjectCommand } from './commands/subject'
import { collectCommand } from './commands/collect'
import { classifyCommand } from './commands/classify'
import { trainCommand } from './commands/train'
import { importCommand } from './commands/import'
import { digestCommand } from './commands/digest'
import { spikesCommand } from './commands/spikes'
import { backupCommand } from './commands/backup'
import { restoreCommand } from './commands/restore'
import { translateIoError } from '../core/db/io-errors'
import { parseNow, pinClock, resetClock } from '../../shared/clock'

/** Every CLI command. The Electron app runs the same table headless when started with a command. */
export const COMMANDS: Command[] = [
  demoCommand,
  statsCommand,
  authorsCommand,
  exportCommand,
  importCommand,
  sourceCommand,
  subjectCommand,
  collectCommand,
  classifyCommand,
  trainCommand,
  digestCommand,
  spikesCommand,
  backupCommand,
  restoreCommand,
  serveCommand
]

export const CLI_COMMAND_NAMES = (): string[] => COMMANDS.map((c) => c.name)

function usage(): string {
  return [
    'Usage: otklik <command> [options]   (npm run --silent otklik -- <command> …)',
    '',
    ...COMMANDS.map((c) => `  ${c.usage}\n      ${c.summary}`),
    '',
    'Common options: --db PATH (or OTKLIK_DB) picks the database; --json prints one JSON document on stdout;',
    '  --now YYYY-MM-DDTHH:MM (or OTKLIK_NOW) runs at a fixed date and time (Asia/Almaty unless a zone is given).'
  ].join('\n')
}

const defaultIo: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  stdin: process.stdin
}

/** Runs one CLI invocation; returns the exit code (null: a server keeps running). */
export async function runCli(
  argv: string[],
  io: Io = defaultIo,
  opts: { exclude?: string[] } = {}
): Promise<number | null> {
  const name = argv[0]
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.err(usage() + '\n')
    return name ? 0 : 2
  }
  const cmd = COMMANDS.find((c) => c.name === name && !opts.exclude?.includes(c.name))
  if (!cmd) {
    io.err(`otklik: unknown command "${name}"\n\n${usage()}\n`)
    return 2
  }
  let pinnedHere = false
  try {
    // --now (or OTKLIK_NOW) pins the one clock for this run: tests and reproducible runs only.
    const { rest, now } = takeNowOption(argv.slice(1))
    const at = now ?? process.env.OTKLIK_NOW
    if (at !== undefined && at !== '') {
      try {
        pinClock(parseNow(at))
      } catch (e) {
        throw new UsageError((e as Error).message)
      }
      pinnedHere = true
    }
    const parsed = parseArgs(rest, [...cmd.booleans, 'help'])
    const args = new Args(parsed, [...cmd.booleans, ...cmd.options, 'help'])
    if (args.bool('help')) {
      io.err(`Usage: otklik ${cmd.usage}\n  ${cmd.summary}\n`)
      return 0
    }
    return await cmd.run(args, io)
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`otklik ${cmd.name}: ${e.message}\nUsage: otklik ${cmd.usage}\n`)
      return 2
    }
    // Disk full, read-only folder, no permission: say so in words, naming the database's folder.
    const disk = translateIoError(e, { path: dbPathForMessages(argv) })
    if (disk) {
      io.err(`otklik ${cmd.name}: ${disk.message}\n`)
      return 1
    }
    if (e instanceof OtklikError) {
      io.err(`otklik ${cmd.name}: ${e.message}\n`)
      return 1
    }
    io.err(`otklik ${cmd.name}: ${(e as Error)?.stack ?? String(e)}\n`)
    return 1
  } finally {
    // A server (serve) keeps its pinned clock; a finished command gives the process its clock back.
    if (pinnedHere && cmd.name !== 'serve') resetClock()
  }
}

/** Takes the global `--now VALUE` / `--now=VALUE` out of a command line. */
function takeNowOption(argv: string[]): { rest: string[]; now: string | undefined } {
  const rest: string[] = []
  let now: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--') {
      rest.push(...argv.slice(i))
      break
    }
    if (a === '--now') {
      const v = argv[i + 1]
      if (v === undefined || v.startsWith('--')) throw new UsageError('--now needs a value YYYY-MM-DDTHH:MM')
      now = v
      i++
    } else if (a.startsWith('--now=')) now = a.slice(6)
    else rest.push(a)
  }
  return { rest, now }
}

/** The database a command line points at (--db, OTKLIK_DB, the default), for error messages only. */
function dbPathForMessages(argv: string[]): string | undefined {
  try {
    const i = argv.findIndex((a) => a === '--db' || a.startsWith('--db='))
    const given = i < 0 ? undefined : argv[i]!.startsWith('--db=') ? argv[i]!.slice(5) : argv[i + 1]
    return given ? resolvePath(given) : defaultDbPath()
  } catch {
    return undefined
  }
}
