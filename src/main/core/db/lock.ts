import { hostname } from 'node:os'
import type { Db } from './open'
import { OtklikError } from '../../../shared/errors'

/** A lock older than this without a heartbeat belongs to a process that died. */
export const STALE_LOCK_MS = 2 * 60_000

export interface JobLock {
  readonly name: string
  heartbeat(): void
  release(): void
}

/**
 * Takes the named lock in the database so that only one collection round (or bulk job of a kind)
 * runs at a time across the app, workers and CLI. A lock whose holder is gone (dead pid on this
 * machine, or no heartbeat for STALE_LOCK_MS) is taken over. Waits up to `waitMs`, then fails with DB_LOCKED.
 */
export function acquireLock(
  db: Db,
  name: string,
  opts: { waitMs?: number; now?: () => number } = {}
): JobLock {
  const owner = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`
  const now = opts.now ?? Date.now
  const deadline = now() + (opts.waitMs ?? 0)
  const tryTake = db.transaction(() => {
    const row = db.prepare('SELECT owner, pid, heartbeat_at FROM locks WHERE name = ?').get(name) as
      { owner: string; pid: number; heartbeat_at: number } | undefined
    if (row && !isStale(row, now())) return false
    db.prepare(
      'INSERT OR REPLACE INTO locks (name, owner, pid, acquired_at, heartbeat_at) VALUES (?, ?, ?, ?, ?)'
    ).run(name, owner, process.pid, now(), now())
    return true
  })
  for (;;) {
    if (tryTake.immediate()) break
    if (now() >= deadline) {
      throw new OtklikError(
        'DB_LOCKED',
        `Another "${name}" job is running on this database. Wait for it to finish and try again.`,
        { name }
      )
    }
    sleepSync(Math.min(200, Math.max(1, deadline - now())))
  }
  return {
    name,
    heartbeat: () => {
      db.prepare('UPDATE locks SET heartbeat_at = ? WHERE name = ? AND owner = ?').run(now(), name, owner)
    },
    release: () => {
      db.prepare('DELETE FROM locks WHERE name = ? AND owner = ?').run(name, owner)
    }
  }
}

/**
 * Runs `fn` with SQLite's busy wait off: a write that would wait for another connection's transaction
 * (an import worker's) fails at once instead of blocking this thread for the busy timeout.
 */
export function withoutBusyWait<T>(db: Db, fn: () => T): T {
  const before = db.pragma('busy_timeout', { simple: true }) as number
  db.pragma('busy_timeout = 0')
  try {
    return fn()
  } finally {
    db.pragma(`busy_timeout = ${before}`)
  }
}

function isStale(row: { owner: string; pid: number; heartbeat_at: number }, now: number): boolean {
  if (now - row.heartbeat_at > STALE_LOCK_MS) return true
  const [host] = row.owner.split(':')
  if (host === hostname() && row.pid !== process.pid && !pidAlive(row.pid)) return true
  return false
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}
