/** One measurement of bench/hostile-memory.ts in its own process: prints {mode, peakRssMB, ms, outcome}. */
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { openDatabase } from '../src/main/core/db'
import { importFile } from '../src/main/core/import'
import { importInWorker } from '../src/main/core/import/worker-client'

/** The process before the import (the worker's share of the peak is above it). */
let startRssMB = 0

async function run(mode: string, file: string, dbPath: string): Promise<string> {
  if (mode === 'parse') {
    const root = JSON.parse(readFileSync(file, 'utf8')) as { messages: unknown[] }
    return `${root.messages.length} messages parsed`
  }
  const db = openDatabase(dbPath, { create: true })
  startRssMB = Math.round(process.memoryUsage().rss / 1024 ** 2)
  try {
    const r =
      mode === 'worker'
        ? await importInWorker({ dbPath, file, options: { analyze: false }, db })
        : await importFile(db, file, { analyzer: null })
    return `${r.inserted} inserted, ${r.rejected} rejected`
  } catch (e) {
    return `refused: ${(e as Error).message}`
  } finally {
    db.close()
  }
}

const [mode = 'inproc', file = '', dbPath = ''] = process.argv.slice(2)
const t0 = performance.now()
run(mode, file, dbPath).then(
  (outcome) => {
    const peakRssMB = Math.round(process.resourceUsage().maxRSS / 1024)
    console.log(
      JSON.stringify({ mode, peakRssMB, startRssMB, ms: Math.round(performance.now() - t0), outcome })
    )
  },
  (e: unknown) => {
    console.error(e)
    process.exit(1)
  }
)
