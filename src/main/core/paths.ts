import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

let cached: string | null = null

/**
 * The folder that holds shipped data (lexicons, topic rules, fonts, icons).
 * OTKLIK_RESOURCES wins; the packaged app sets it to process.resourcesPath/resources;
 * in a checkout it is <repo>/resources, found by walking up from this file (src/main/core or out/main).
 */
export function resourcesDir(): string {
  if (process.env.OTKLIK_RESOURCES) return process.env.OTKLIK_RESOURCES
  if (cached) return cached
  let dir = __dirname
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'resources')
    if (existsSync(join(candidate, 'RESOURCES.md'))) return (cached = candidate)
    const up = dirname(dir)
    if (up === dir) break
    dir = up
  }
  return (cached = resolve(process.cwd(), 'resources'))
}

/** resourcePath('sentiment', 'lexicon-ru.json') → absolute path inside resourcesDir(). */
export function resourcePath(...parts: string[]): string {
  return join(resourcesDir(), ...parts)
}
