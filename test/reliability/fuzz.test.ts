import { afterAll, describe, expect, it } from 'vitest'
import { fuzzTarget } from './fuzz/harness'
import { allTargets } from './fuzz/targets'
import { writersTarget } from './fuzz/targets-writers'
import { tempDir } from './helpers'

// Seeded, time-bounded fuzzing of every parser of outside input (~20 s in all). OTKLIK_FUZZ_SECONDS
// (per parser) and OTKLIK_FUZZ_SEED enlarge or replay a run; scripts/fuzz.ts runs long ones.
const SECONDS = Number(process.env.OTKLIK_FUZZ_SECONDS ?? 2.5)
const SEED = Number(process.env.OTKLIK_FUZZ_SEED ?? 20261128)

describe('fuzzing (generated and mutated inputs)', () => {
  const t = tempDir('fuzz')
  afterAll(() => t.cleanup())
  for (const target of allTargets({ hugeMax: 256 * 1024 })) {
    it(`${target.name}: no crash, no hang, bounded memory, clear errors`, async () => {
      await target.setup(t.dir)
      const f = await fuzzTarget(target, { seconds: SECONDS, seed: SEED })
      console.log(
        `fuzz ${f.name}: ${f.inputs} inputs (${f.ok} accepted, ${f.rejected} refused), slowest ${f.maxMs} ms (#${f.slowest}), heap ${f.heapMB.start}→${f.heapMB.end} MB (peak ${f.heapMB.peak})`
      )
      expect(f.findings).toEqual([])
      expect(f.inputs).toBeGreaterThanOrEqual(10)
      // The generators reach both sides: inputs the parser takes and inputs it refuses.
      expect(f.ok).toBeGreaterThan(0)
      expect(f.rejected).toBeGreaterThan(0)
      expect(f.heapMB.peak - f.heapMB.start).toBeLessThan(400)
    })
  }

  // The writers take hostile text instead of refusing it: every input must come out well-formed. Each
  // input is a whole digest (DOCX and PDF, about a second) and an XLSX export of 20–40 hostile strings
  // (the first with a 1M-character one), so there are few of them in the time.
  it('writers: DOCX/PDF digest and XLSX export stay well-formed with hostile text', async () => {
    const target = writersTarget()
    await target.setup(t.dir)
    const f = await fuzzTarget(target, { seconds: SECONDS, seed: SEED, maxInputs: 12 })
    console.log(`fuzz ${f.name}: ${f.inputs} inputs in ${f.ms} ms, slowest ${f.maxMs} ms (#${f.slowest})`)
    expect(f.findings).toEqual([])
    expect(f.inputs).toBeGreaterThanOrEqual(1)
    expect(f.ok).toBe(f.inputs)
  })
})
