import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { spawnSync } from 'node:child_process'

/** The repository root (this file lives in src/main/host or out/main). */
function repoRoot(): string {
  let dir = __dirname
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'electron.vite.config.ts'))) return dir
    dir = resolve(dir, '..')
  }
  return process.cwd()
}

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs)
  }
  return newest
}

/**
 * Returns the built renderer folder, building it first (electron-vite build, output to stderr) when it is
 * missing or older than the renderer or shared sources.
 */
export function ensureRendererBuilt(log: (line: string) => void): string {
  const root = repoRoot()
  const out = join(root, 'out', 'renderer')
  const index = join(out, 'index.html')
  const sources = [join(root, 'src', 'renderer'), join(root, 'src', 'shared')].filter(existsSync)
  const stale = !existsSync(index) || sources.some((s) => newestMtime(s) > statSync(index).mtimeMs)
  if (stale && existsSync(join(root, 'electron.vite.config.ts'))) {
    log('serve: building the renderer (electron-vite build)…\n')
    const r = spawnSync(
      process.execPath,
      [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
      {
        cwd: root,
        stdio: ['ignore', 2, 2]
      }
    )
    if (r.status !== 0) throw new Error('Building the renderer failed; see the output above.')
  }
  if (!existsSync(index)) throw new Error(`No built renderer at ${out}. Run "npm run build".`)
  return out
}
