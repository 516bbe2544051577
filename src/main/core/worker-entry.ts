import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'

/**
 * Where a worker's code is: beside the built main bundle (out/main/<built>, an input of
 * electron.vite.config.ts), or, running from the TypeScript sources (test host, tests, the CLI), a
 * bootstrap in src/main/workers that registers tsx inside the worker first.
 */
export function workerEntry(built: string, devBootstrap: string): string {
  if (!__filename.endsWith('.ts')) {
    // This module is in a bundle (index.js, a worker), or in a shared chunk one folder down (out/main/chunks).
    for (const file of [join(__dirname, built), join(__dirname, '..', built)]) if (existsSync(file)) return file
  }
  return resolve(__dirname, '..', 'workers', devBootstrap)
}
