import { isAbsolute, resolve } from 'node:path'
import { homedir } from 'node:os'
import { OtklikError } from '../../shared/errors'

/** A wrong command line: exit code 2 with the usage line. */
export class UsageError extends Error {}

export interface ParsedArgs {
  positionals: string[]
  flags: Map<string, string | true>
}

/**
 * Parses `--name value`, `--name=value` and boolean `--flag`. `booleans` lists flags without a value.
 * parseArgs(['import', 'a.csv', '--db', 'x.db', '--json'], ['json']) → positionals [import, a.csv], flags {db: x.db, json: true}
 */
export function parseArgs(argv: string[], booleans: readonly string[]): ParsedArgs {
  const positionals: string[] = []
  const flags = new Map<string, string | true>()
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--') {
      positionals.push(...argv.slice(i + 1))
      break
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=')
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2)
      if (eq > 0) flags.set(name, a.slice(eq + 1))
      else if (booleans.includes(name)) flags.set(name, true)
      else {
        const v = argv[i + 1]
        if (v === undefined || (v.startsWith('--') && v.length > 2))
          throw new UsageError(`--${name} needs a value`)
        flags.set(name, v)
        i++
      }
    } else positionals.push(a)
  }
  return { positionals, flags }
}

export class Args {
  constructor(
    readonly parsed: ParsedArgs,
    private readonly allowed: readonly string[]
  ) {
    for (const k of parsed.flags.keys())
      if (!allowed.includes(k)) throw new UsageError(`Unknown option --${k}`)
  }
  get positionals(): string[] {
    return this.parsed.positionals
  }
  str(name: string): string | undefined {
    const v = this.parsed.flags.get(name)
    if (v === true) throw new UsageError(`--${name} needs a value`)
    return v
  }
  bool(name: string): boolean {
    return this.parsed.flags.get(name) === true || this.parsed.flags.get(name) === 'true'
  }
  int(name: string): number | undefined {
    const v = this.str(name)
    if (v === undefined) return undefined
    if (!/^-?\d+$/.test(v)) throw new UsageError(`--${name} takes a whole number, not "${v}"`)
    return Number(v)
  }
  date(name: string): string | undefined {
    const v = this.str(name)
    if (v === undefined) return undefined
    const t = Date.parse(`${v}T00:00:00Z`)
    // Date.parse rolls 2026-02-30 over to March: a real date reads back as itself.
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== v)
      throw new UsageError(`--${name} takes a date YYYY-MM-DD, not "${v}"`)
    return v
  }
}

/** Where the caller stands: npm runs scripts in the package root but tells us INIT_CWD. */
export function callerDir(): string {
  return process.env.INIT_CWD || process.cwd()
}

export function resolvePath(p: string): string {
  return isAbsolute(p) ? p : resolve(callerDir(), p)
}

/** The app's own database file in its user-data folder (what Electron's app.getPath('userData') gives). */
export function defaultDbPath(): string {
  if (process.env.OTKLIK_DB) return resolvePath(process.env.OTKLIK_DB)
  return resolve(userDataDir(), 'otklik.db')
}

export function userDataDir(): string {
  if (process.env.OTKLIK_USER_DATA) return process.env.OTKLIK_USER_DATA
  const home = homedir()
  if (process.platform === 'win32')
    return resolve(process.env.APPDATA ?? resolve(home, 'AppData', 'Roaming'), 'Otklik')
  if (process.platform === 'darwin') return resolve(home, 'Library', 'Application Support', 'Otklik')
  return resolve(process.env.XDG_CONFIG_HOME ?? resolve(home, '.config'), 'Otklik')
}

export function dbPathFrom(args: Args): string {
  const p = args.str('db')
  return p ? resolvePath(p) : defaultDbPath()
}

export function requireRange(args: Args): { from?: string; to?: string } {
  const from = args.date('from')
  const to = args.date('to')
  if (from && to && from > to) throw new OtklikError('VALIDATION', `--from ${from} is after --to ${to}`)
  return { from, to }
}
