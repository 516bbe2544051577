/**
 * Long fuzzing run of every parser of outside input (see test/reliability/fuzz/): CSV, XLSX, Telegram
 * JSON, RSS/Atom/RDF, t.me HTML, the query language, the API's schemas. Prints inputs tried per parser.
 * A supervisor runs the fuzzing in a child process: when the child stops answering (a synchronous
 * hang) or dies (a native crash, out of memory), the input it was working on is saved and named.
 * Run: npx tsx scripts/fuzz.ts [--seconds 30] [--seed 1] [--only csv,query] [--huge 4194304] [--out DIR]
 *      (--seconds is per parser; crash and hang inputs are saved in --out, default <tmp>/otklik-fuzz-findings)
 * Replay one input: npx tsx scripts/fuzz.ts --replay csv:31 --seed 1
 */
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fuzzTarget, inputRng, type TargetFigures } from '../test/reliability/fuzz/harness'
import { allTargets } from '../test/reliability/fuzz/targets'

const argv = process.argv.slice(2)
const opt = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`)
  return i >= 0 ? argv[i + 1] : undefined
}
const SECONDS = Number(opt('seconds') ?? 30)
const SEED = Number(opt('seed') ?? 1)
const HUGE = Number(opt('huge') ?? 4 * 1024 * 1024)
const OUT = resolve(opt('out') ?? join(tmpdir(), 'otklik-fuzz-findings'))
const ONLY = opt('only')?.split(',')
const HANG_MS = 60_000

/** Child: fuzz one target, report progress lines on stdout, save each input before running it. */
async function child(name: string, current: string): Promise<void> {
  const target = allTargets({ hugeMax: HUGE }).find((t) => t.name === name)
  if (!target) throw new Error(`no target ${name}`)
  const dir = mkdtempSync(join(tmpdir(), `otklik-fuzz-${name}-`))
  try {
    await target.setup(dir)
    const f = await fuzzTarget(target, {
      seconds: SECONDS,
      seed: SEED,
      maxFindings: 50,
      before: (i, input) => {
        writeFileSync(current, JSON.stringify({ index: i }) + '\n')
        writeFileSync(`${current}.bin`, target.bytes?.(input) ?? Buffer.from(target.describe(input)))
        if ((i & 63) === 0) process.stdout.write(`progress ${i}\n`)
      }
    })
    process.stdout.write(`result ${JSON.stringify(f)}\n`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Supervisor: one child per target, with a hang watchdog; a crash ends that target and is reported. */
async function supervise(): Promise<void> {
  mkdirSync(OUT, { recursive: true })
  const names = allTargets({ hugeMax: HUGE })
    .map((t) => t.name)
    .filter((n) => !ONLY || ONLY.includes(n))
  console.log(`fuzz: ${names.length} parsers × ${SECONDS} s, seed ${SEED}, huge fields up to ${HUGE} bytes`)
  const rows: TargetFigures[] = []
  let crashes = 0
  for (const name of names) {
    const current = join(OUT, `${name}.current`)
    const r = await runChild(name, current)
    if (r.figures) rows.push(r.figures)
    for (const x of r.figures?.findings ?? [])
      console.log(`  ✗ ${name} #${x.index}: ${x.error}\n      ${x.input}`)
    if (r.crash) {
      crashes++
      const at = (() => {
        try {
          return (JSON.parse(readFileSync(current, 'utf8')) as { index: number }).index
        } catch {
          return -1
        }
      })()
      const saved = join(OUT, `${name}-crash-${at}.bin`)
      try {
        writeFileSync(saved, readFileSync(`${current}.bin`))
      } catch {
        /* nothing saved */
      }
      console.log(
        `  ✗ ${name}: ${r.crash} at input #${at} (saved ${saved}; replay: --replay ${name}:${at} --seed ${SEED})`
      )
    }
    rmSync(current, { force: true })
    rmSync(`${current}.bin`, { force: true })
  }
  console.log('')
  console.log('parser          inputs   accepted  refused  findings  slowest ms  heap MB start→peak→end')
  for (const f of rows) {
    console.log(
      `${f.name.padEnd(15)} ${String(f.inputs).padStart(7)} ${String(f.ok).padStart(10)} ${String(f.rejected).padStart(8)} ${String(f.findings.length).padStart(9)} ${String(f.maxMs).padStart(11)}  ${f.heapMB.start}→${f.heapMB.peak}→${f.heapMB.end}`
    )
  }
  const findings = rows.reduce((a, f) => a + f.findings.length, 0)
  console.log(
    `total inputs ${rows.reduce((a, f) => a + f.inputs, 0)}, findings ${findings}, crashes/hangs ${crashes}`
  )
  process.exitCode = findings || crashes ? 1 : 0
}

function runChild(name: string, current: string): Promise<{ figures?: TargetFigures; crash?: string }> {
  return new Promise((res) => {
    const c = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--expose-gc',
        '--max-old-space-size=2048',
        __filename,
        '--child',
        name,
        '--current',
        current,
        ...argv
      ],
      {
        stdio: ['ignore', 'pipe', 'inherit']
      }
    )
    let figures: TargetFigures | undefined
    let last = Date.now()
    let buf = ''
    c.stdout!.on('data', (d: Buffer) => {
      last = Date.now()
      buf += d.toString()
      let nl: number
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl)
        buf = buf.slice(nl + 1)
        if (line.startsWith('result ')) figures = JSON.parse(line.slice(7)) as TargetFigures
      }
    })
    let hung = false
    const watchdog = setInterval(() => {
      // Progress lines come every 64 inputs; the per-input limit is far below this.
      if (Date.now() - last > HANG_MS) {
        hung = true
        c.kill('SIGKILL')
      }
    }, 1000)
    c.on('exit', (code, signal) => {
      clearInterval(watchdog)
      if (figures && code === 0) return res({ figures })
      res({
        figures,
        crash: hung
          ? `no progress for ${HANG_MS / 1000} s (hang)`
          : `child died (exit ${code}, signal ${signal})`
      })
    })
  })
}

async function replay(spec: string): Promise<void> {
  const [name, index] = spec.split(':')
  const target = allTargets({ hugeMax: HUGE }).find((t) => t.name === name)
  if (!target) throw new Error(`no target ${name}`)
  const dir = mkdtempSync(join(tmpdir(), `otklik-fuzz-replay-`))
  await target.setup(dir)
  const input = target.next(inputRng(SEED, target.name, Number(index)))
  console.log(target.describe(input))
  const t0 = Date.now()
  try {
    console.log('outcome:', await target.run(input), `${Date.now() - t0} ms`)
  } catch (e) {
    console.log('finding:', (e as Error).message, `${Date.now() - t0} ms`)
  }
  console.log('after:', (await target.finish?.()) ?? [])
  rmSync(dir, { recursive: true, force: true })
}

const main = argv.includes('--child')
  ? child(argv[argv.indexOf('--child') + 1]!, opt('current')!)
  : opt('replay')
    ? replay(opt('replay')!)
    : supervise()
main.catch((e) => {
  console.error(e)
  process.exitCode = 1
})
