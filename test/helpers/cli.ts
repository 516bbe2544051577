import { spawn, spawnSync } from 'node:child_process'
import { join, resolve } from 'node:path'

export const ROOT = resolve(__dirname, '..', '..')

export interface CliResult {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs the real CLI as users do (`bin/otklik.cjs`), in a child process. */
export function cli(
  args: string[],
  opts: { env?: NodeJS.ProcessEnv; input?: string; cwd?: string } = {}
): CliResult {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'otklik.cjs'), ...args], {
    encoding: 'utf8',
    input: opts.input,
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, INIT_CWD: undefined, OTKLIK_DB: undefined, ...opts.env },
    maxBuffer: 1 << 28
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** stdout must be exactly one JSON document. */
export function json<T = Record<string, unknown>>(r: CliResult): T {
  if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.stderr}`)
  return JSON.parse(r.stdout) as T
}

/** Same as cli(), without blocking this process (needed when the test itself serves HTTP). */
export function cliAsync(
  args: string[],
  opts: { env?: NodeJS.ProcessEnv; input?: string } = {}
): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'otklik.cjs'), ...args], {
      cwd: ROOT,
      env: { ...process.env, INIT_CWD: undefined, OTKLIK_DB: undefined, ...opts.env }
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('close', (code) => resolve({ code, stdout, stderr }))
    child.stdin.end(opts.input ?? '')
  })
}
