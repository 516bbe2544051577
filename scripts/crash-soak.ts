/**
 * Long crash campaign: SIGKILLs the CLI's import and collect and a re-analysis child at seeded random
 * moments and checks every database left behind (see test/reliability/crash-harness.ts). Prints each
 * kill and the figures; exits 1 when any copy was corrupt or a batch was half there.
 * Run: npx tsx scripts/crash-soak.ts [--kills 500] [--seed 1] [--concurrency 2] [--quiet] [--keep]
 */
import { runCrashCampaign } from '../test/reliability/crash-harness'

const arg = (name: string, def: number): number => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? Number(process.argv[i + 1]) : def
}
const kills = arg('kills', 500)
const seed = arg('seed', 1)
const concurrency = arg('concurrency', 2)
const quiet = process.argv.includes('--quiet')

async function main(): Promise<void> {
  console.log(`crash soak: ${kills} kills, seed ${seed}, ${concurrency} children at once`)
  const f = await runCrashCampaign({
    kills,
    seed,
    concurrency,
    keep: process.argv.includes('--keep'),
    log: quiet ? undefined : (line) => console.log(line)
  })
  console.log('')
  console.log(
    `kills ${f.kills} (${f.midWrite} while writing), completed runs ${f.completed}, corrupt databases ${f.corrupt}, violations ${f.violations.length}, ${(f.ms / 1000).toFixed(1)} s`
  )
  for (const [name, c] of Object.entries(f.chains)) {
    const outcomes = Object.entries(c.outcomes)
      .sort()
      .map(([k, v]) => `${k} ×${v}`)
      .join(', ')
    console.log(`  ${name}: ${c.kills} kills (${c.midWrite} writing), ${c.completed} completed; ${outcomes}`)
  }
  for (const v of f.violations) console.log(`  ✗ ${v}`)
  if (f.violations.length) console.log(`files kept in ${f.dir}`)
  process.exitCode = f.violations.length || f.corrupt ? 1 : 0
}

main().catch((e) => {
  console.error(e)
  process.exitCode = 1
})
