import { describe, expect, it } from 'vitest'
import { runCrashCampaign } from './crash-harness'

// Real processes, real files: `otklik import`, `otklik collect` (against a loopback server in this
// process) and a re-analysis child are SIGKILLed at seeded random moments; every database they leave
// must pass integrity_check and foreign_key_check with each batch whole or absent.
// OTKLIK_CRASH_KILLS / OTKLIK_CRASH_SEED replay or enlarge a run; scripts/crash-soak.ts runs long ones.
const KILLS = Number(process.env.OTKLIK_CRASH_KILLS ?? 50)
const SEED = Number(process.env.OTKLIK_CRASH_SEED ?? 20261128)

describe('crash safety (SIGKILL at random moments)', () => {
  it(`${KILLS} kills leave no corrupt database and no half batch`, { timeout: 900_000 }, async () => {
    const f = await runCrashCampaign({ kills: KILLS, seed: SEED, concurrency: 2 })
    console.log(
      `crash: ${f.kills} kills (${f.midWrite} while writing), ${f.completed} completed runs, ${f.corrupt} corrupt, ${(f.ms / 1000).toFixed(1)} s; ` +
        Object.entries(f.chains)
          .map(([n, c]) => `${n} ${c.kills}`)
          .join(', ')
    )
    expect(f.violations).toEqual([])
    expect(f.corrupt).toBe(0)
    expect(f.kills).toBeGreaterThanOrEqual(KILLS)
    // Most kills must land while the child writes, or the test proves little.
    expect(f.midWrite).toBeGreaterThanOrEqual(Math.floor(KILLS * 0.7))
    for (const c of Object.values(f.chains)) expect(c.kills).toBeGreaterThan(0)
    // Both outcomes happened: some killed steps kept whole batches, some lost them whole.
    const outcomes = Object.values(f.chains).flatMap((c) => Object.keys(c.outcomes))
    expect(outcomes.some((o) => /^killed: 0[ /]/.test(o))).toBe(true)
    expect(outcomes.some((o) => /^killed: [1-9]/.test(o))).toBe(true)
  })
})
