/** Timing helpers for the scale benchmark: repeated runs, percentiles, EXPLAIN QUERY PLAN text. */
import type { Db } from '../../src/main/core/db'

export interface Timing {
  p50: number
  p95: number
  runs: number
}

/** Runs `fn` once to warm up, then `runs` times; milliseconds. */
export function time(fn: () => unknown, runs: number): Timing {
  fn()
  const ms: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint()
    fn()
    ms.push(Number(process.hrtime.bigint() - t) / 1e6)
  }
  ms.sort((a, b) => a - b)
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)]!
  return { p50: at(0.5), p95: at(0.95), runs }
}

/** One timed call (no warm-up): for first-time costs such as building anchors. */
export function once(fn: () => unknown): number {
  const t = process.hrtime.bigint()
  fn()
  return Number(process.hrtime.bigint() - t) / 1e6
}

export function plan(db: Db, sql: string, params: unknown[]): string[] {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail)
}

export const fmt = (ms: number): string =>
  ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2)
