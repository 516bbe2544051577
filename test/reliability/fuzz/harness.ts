import { Prng } from '../prng'

/** An unexpected outcome: a crash (an error that is not the parser's own), a wrong result, a hang. */
export class Finding extends Error {}

export type Outcome = 'ok' | 'rejected'

/** One parser under fuzzing. */
export interface Target<I = unknown> {
  name: string
  /** Longest one input may take (ms) before it counts as a hang. */
  limitMs: number
  setup(dir: string): Promise<void>
  /** The input number i (deterministic for a seed). */
  next(rng: Prng): I
  /** Runs one input; resolves how it went, or throws Finding. */
  run(input: I): Promise<Outcome>
  /** Short printable form of an input, for reports. */
  describe(input: I): string
  /** The input as bytes, to save a failing case. */
  bytes?(input: I): Buffer
  /** Checks after the run (e.g. the database is still sound); returns problems. */
  finish?(): Promise<string[]>
}

export interface TargetFigures {
  name: string
  inputs: number
  ok: number
  rejected: number
  findings: { index: number; error: string; input: string }[]
  /** Slowest input (ms) and its index. */
  maxMs: number
  slowest: number
  /** Heap in MB before, at most during, after. */
  heapMB: { start: number; peak: number; end: number }
  ms: number
}

function hash(s: string): number {
  let h = 2166136261
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619)
  return h >>> 0
}

/** The PRNG of input `index` of `target` for `seed`: any input can be regenerated alone. */
export function inputRng(seed: number, target: string, index: number): Prng {
  return new Prng((Math.imul(seed ^ hash(target), 2654435761) + Math.imul(index + 1, 40503)) >>> 0)
}

const mb = (n: number): number => Math.round(n / 1048576)

/**
 * Feeds `target` generated and mutated inputs for `seconds` (or `maxInputs`), each bounded by the
 * target's time limit; collects findings instead of stopping at the first.
 */
export async function fuzzTarget(
  t: Target,
  opts: {
    seconds: number
    seed: number
    maxInputs?: number
    /** Called before each input runs (the soak script saves it, so a hang can be replayed). */
    before?: (index: number, input: unknown) => void
    maxFindings?: number
  }
): Promise<TargetFigures> {
  const started = Date.now()
  const heapStart = process.memoryUsage().heapUsed
  const f: TargetFigures = {
    name: t.name,
    inputs: 0,
    ok: 0,
    rejected: 0,
    findings: [],
    maxMs: 0,
    slowest: -1,
    heapMB: { start: mb(heapStart), peak: mb(heapStart), end: 0 },
    ms: 0
  }
  const deadline = started + opts.seconds * 1000
  for (let i = 0; Date.now() < deadline && i < (opts.maxInputs ?? Infinity); i++) {
    const input = t.next(inputRng(opts.seed, t.name, i))
    opts.before?.(i, input)
    const t0 = Date.now()
    let timer: NodeJS.Timeout | undefined
    try {
      const outcome = await Promise.race([
        t.run(input),
        new Promise<never>((_, rej) => {
          timer = setTimeout(() => rej(new Finding(`no answer within ${t.limitMs} ms (hang)`)), t.limitMs)
        })
      ])
      if (outcome === 'ok') f.ok++
      else f.rejected++
    } catch (e) {
      const msg = e instanceof Finding ? e.message : `${(e as Error)?.name}: ${(e as Error)?.message}`
      f.findings.push({ index: i, error: msg.slice(0, 600), input: t.describe(input) })
    } finally {
      clearTimeout(timer)
    }
    const ms = Date.now() - t0
    if (ms > f.maxMs) {
      f.maxMs = ms
      f.slowest = i
    }
    if (ms > t.limitMs && !f.findings.some((x) => x.index === i))
      f.findings.push({ index: i, error: `took ${ms} ms (limit ${t.limitMs})`, input: t.describe(input) })
    f.inputs++
    if ((i & 15) === 0) f.heapMB.peak = Math.max(f.heapMB.peak, mb(process.memoryUsage().heapUsed))
    if (f.findings.length >= (opts.maxFindings ?? 20)) break
  }
  for (const p of (await t.finish?.()) ?? [])
    f.findings.push({ index: -1, error: p, input: '(after the run)' })
  ;(globalThis as { gc?: () => void }).gc?.()
  f.heapMB.end = mb(process.memoryUsage().heapUsed)
  f.heapMB.peak = Math.max(f.heapMB.peak, f.heapMB.end)
  f.ms = Date.now() - started
  return f
}

/** A printable prefix of bytes or text. */
export function preview(b: Buffer | string, n = 160): string {
  const s = typeof b === 'string' ? b : b.toString('latin1')
  return JSON.stringify(s.length > n ? `${s.slice(0, n)}…(${s.length})` : s)
}
