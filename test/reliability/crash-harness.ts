/**
 * Crash campaign: child processes write to real workspace files (the CLI's `import`, the CLI's `collect`
 * against a loopback HTTP server run here, and a re-analysis script) and are SIGKILLed at seeded random
 * moments, mostly while they write. After every kill the files (database + WAL, as the killed process
 * left them) are copied and the copy is checked: integrity_check, foreign_key_check, the FTS index, and
 * that every unit of work (an import batch, a source's collection round, a re-analysis chunk) is whole or
 * absent. The originals, hot WAL and all, are what the next child opens. Used by crash.test.ts and
 * scripts/crash-soak.ts.
 */
import { spawn } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { openWorkspaceDatabase } from '../../src/main/core/workspace'
import { Prng } from './prng'
import {
  collectChain,
  FeedServer,
  importChain,
  bulkAnalyseChain,
  reanalyseChain,
  ROOT,
  type Chain,
  type Check
} from './crash-scenarios'

export interface CrashOptions {
  /** SIGKILLs wanted in all (spread over the scenarios). */
  kills: number
  seed: number
  /** Children running at once. */
  concurrency?: number
  log?: (line: string) => void
  /** Keep the temp folder (for a post-mortem). */
  keep?: boolean
}

export interface ChainFigures {
  kills: number
  /** Kills that landed after the child had started writing. */
  midWrite: number
  completed: number
  /** How much of a killed step survived: e.g. import "1/2" files, reanalyse "3 chunks". */
  outcomes: Record<string, number>
}

export interface CrashFigures {
  kills: number
  midWrite: number
  completed: number
  /** Copies that failed integrity_check, foreign_key_check or the FTS check. */
  corrupt: number
  violations: string[]
  chains: Record<string, ChainFigures>
  ms: number
  dir: string
}

interface ChildRun {
  killed: boolean
  midWrite: boolean
  code: number | null
  stderr: string
  firstWriteMs: number | null
  exitMs: number
}

export async function runCrashCampaign(opts: CrashOptions): Promise<CrashFigures> {
  const started = Date.now()
  const dir = mkdtempSync(join(tmpdir(), 'otklik-crash-'))
  const rng = new Prng(opts.seed)
  const log = opts.log ?? (() => {})
  const feeds = new FeedServer()
  await feeds.start()
  const cliShare = Math.max(1, Math.round(opts.kills * 0.08))
  const reanalyseKills = Math.max(2, opts.kills - 3 * cliShare)
  const chains: Chain[] = [
    importChain(join(dir, 'import'), cliShare),
    bulkAnalyseChain(join(dir, 'bulk'), cliShare),
    collectChain(join(dir, 'collect'), cliShare, feeds),
    reanalyseChain(join(dir, 'reanalyse-a'), Math.ceil(reanalyseKills / 2), 'a'),
    reanalyseChain(join(dir, 'reanalyse-b'), Math.floor(reanalyseKills / 2), 'b')
  ]
  const figures: CrashFigures = {
    kills: 0,
    midWrite: 0,
    completed: 0,
    corrupt: 0,
    violations: [],
    chains: {},
    ms: 0,
    dir
  }
  const slots = new Semaphore(opts.concurrency ?? 2)
  try {
    await Promise.all(
      chains.map(async (chain) => {
        const f: ChainFigures = (figures.chains[chain.name] = {
          kills: 0,
          midWrite: 0,
          completed: 0,
          outcomes: {}
        })
        await chain.setup()
        const startup: number[] = []
        const work: number[] = []
        for (let n = 1; f.kills < chain.quota && n <= chain.quota * 3 + 2; n++) {
          const { args, check } = chain.step(n)
          // Step 1 runs to the end: it measures how long the work takes, so kills can land inside it.
          const plan = n === 1 ? { earlyMs: null, afterWriteMs: null } : killPlan(rng, startup, work)
          const run = await slots.run(() => runChild(args, chain.db, plan))
          if (run.killed) {
            f.kills++
            figures.kills++
            if (run.midWrite) {
              f.midWrite++
              figures.midWrite++
            }
          } else {
            f.completed++
            figures.completed++
            if (run.firstWriteMs !== null) {
              startup.push(run.firstWriteMs)
              work.push(run.exitMs - run.firstWriteMs)
            }
            if (run.code !== 0)
              figures.violations.push(`${chain.name} step ${n}: exit ${run.code}: ${run.stderr.slice(-500)}`)
          }
          const result = checkCopy(chain, n, dir, check)
          if (result.corrupt) figures.corrupt++
          for (const v of result.violations) figures.violations.push(`${chain.name} step ${n}: ${v}`)
          const label = run.killed ? `killed: ${result.outcome}` : `completed: ${result.outcome}`
          f.outcomes[label] = (f.outcomes[label] ?? 0) + 1
          log(
            `${chain.name} #${n}: ${run.killed ? `SIGKILL at ${run.exitMs} ms${run.midWrite ? ' (writing)' : ' (before writing)'}` : `exit ${run.code} after ${run.exitMs} ms`} → ${result.outcome}${result.violations.length ? ` ✗ ${result.violations.join('; ')}` : ' ✓'}`
          )
        }
      })
    )
  } finally {
    await feeds.close()
    if (!opts.keep && figures.violations.length === 0) rmSync(dir, { recursive: true, force: true })
  }
  figures.ms = Date.now() - started
  return figures
}

/** Where to kill: mostly a uniform moment inside the work (after the first write), sometimes any moment from spawn. */
function killPlan(
  rng: Prng,
  startup: number[],
  work: number[]
): { earlyMs: number | null; afterWriteMs: number | null } {
  const s = median(startup, 1500)
  const w = median(work, 1000)
  if (rng.chance(0.1)) return { earlyMs: rng.int(Math.round(s + w)), afterWriteMs: null }
  return { earlyMs: null, afterWriteMs: rng.int(Math.max(1, Math.round(w * 0.85))) }
}

function median(xs: number[], fallback: number): number {
  if (!xs.length) return fallback
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

function walStamp(db: string): string {
  try {
    const s = statSync(`${db}-wal`)
    return `${s.size}:${s.mtimeMs}`
  } catch {
    return 'none'
  }
}

/** Runs `node ARGS`; SIGKILLs it per plan. The first write shows as the -wal file changing. */
function runChild(
  args: string[],
  db: string,
  plan: { earlyMs: number | null; afterWriteMs: number | null }
): Promise<ChildRun> {
  return new Promise((resolveRun) => {
    const start = Date.now()
    const baseline = walStamp(db)
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, INIT_CWD: undefined, OTKLIK_DB: undefined },
      stdio: ['ignore', 'ignore', 'pipe']
    })
    let stderr = ''
    child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)))
    let firstWriteMs: number | null = null
    let killedAt: number | null = null
    const kill = (): void => {
      if (killedAt === null && child.exitCode === null) {
        killedAt = Date.now() - start
        child.kill('SIGKILL')
      }
    }
    const timers: NodeJS.Timeout[] = []
    if (plan.earlyMs !== null) timers.push(setTimeout(kill, plan.earlyMs))
    const poll = setInterval(() => {
      if (firstWriteMs !== null || walStamp(db) === baseline) return
      firstWriteMs = Date.now() - start
      if (plan.afterWriteMs !== null) timers.push(setTimeout(kill, plan.afterWriteMs))
    }, 3)
    child.on('close', (code, signal) => {
      clearInterval(poll)
      for (const t of timers) clearTimeout(t)
      const exitMs = Date.now() - start
      const killed = signal === 'SIGKILL'
      resolveRun({
        killed,
        midWrite: killed && firstWriteMs !== null && killedAt !== null && killedAt >= firstWriteMs,
        code,
        stderr,
        firstWriteMs,
        exitMs
      })
    })
  })
}

/** Copies the database and its WAL as the child left them, opens the copy (recovering the WAL) and checks it. */
function checkCopy(
  chain: Chain,
  n: number,
  dir: string,
  check: (db: Database.Database) => Check
): Check & { corrupt: boolean } {
  const copyDir = join(dir, 'check')
  rmSync(copyDir, { recursive: true, force: true })
  mkdirSync(copyDir)
  const copy = join(copyDir, `${chain.name}-${n}.db`)
  copyFileSync(chain.db, copy)
  if (existsSync(`${chain.db}-wal`)) copyFileSync(`${chain.db}-wal`, `${copy}-wal`)
  const violations: string[] = []
  let corrupt = false
  let outcome = '?'
  const db = new Database(copy)
  try {
    const integrity = db.pragma('integrity_check') as { integrity_check: string }[]
    if (integrity.length !== 1 || integrity[0]!.integrity_check !== 'ok') {
      corrupt = true
      violations.push(`integrity_check: ${JSON.stringify(integrity.slice(0, 5))}`)
    }
    const fk = db.pragma('foreign_key_check') as unknown[]
    if (fk.length) {
      corrupt = true
      violations.push(`foreign_key_check: ${JSON.stringify(fk.slice(0, 5))}`)
    }
    try {
      db.prepare("INSERT INTO mentions_fts(mentions_fts, rank) VALUES ('integrity-check', 0)").run()
    } catch (e) {
      corrupt = true
      violations.push(`FTS integrity-check: ${(e as Error).message}`)
    }
    const badStories = db
      .prepare(
        'SELECT count(*) FROM stories s WHERE s.size != (SELECT count(*) FROM mentions m WHERE m.story_id = s.id)'
      )
      .pluck()
      .get() as number
    if (badStories) violations.push(`${badStories} stories whose size differs from their members`)
    const r = check(db)
    violations.push(...r.violations)
    outcome = r.outcome
  } catch (e) {
    corrupt = true
    violations.push(`check failed: ${(e as Error).message}`)
  } finally {
    db.close()
  }
  // The app must open it too (migrations, settings).
  try {
    openWorkspaceDatabase(copy).close()
  } catch (e) {
    violations.push(`openDatabase: ${(e as Error).message}`)
  }
  return { violations, outcome, corrupt }
}

class Semaphore {
  private waiting: (() => void)[] = []
  constructor(private free: number) {}
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free--
    else await new Promise<void>((r) => this.waiting.push(r))
    try {
      return await fn()
    } finally {
      const next = this.waiting.shift()
      if (next) next()
      else this.free++
    }
  }
}
