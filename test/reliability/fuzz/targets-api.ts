/** Fuzz target for the API: random inputs to every channel through dispatch (zod validation, handlers). */
import { mkdtempSync } from 'node:fs'
import { join } from 'node:path'
import { type Db } from '../../../src/main/core/db/open'
import { openWorkspaceDatabase } from '../../../src/main/core/workspace'
import { dispatch } from '../../../src/main/core/api/dispatch'
import { browserPlatform, createHandlers } from '../../../src/main/core/api/handlers'
import { Workspace } from '../../../src/main/core/workspace'
import { importFile } from '../../../src/main/core/import'
import { addSource } from '../../../src/main/core/collect/sources'
import { WorkspaceAnalyzer } from '../../../src/main/core/analysis/analyzer'
import { api, CHANNELS, type Channel } from '../../../src/shared/api'
import type { ErrorCode } from '../../../src/shared/errors'
import type { Prng } from '../prng'
import { Finding, type Outcome, type Target } from './harness'
import { randomJson } from './mutate'
import { arbitrary } from './zod-arbitrary'

/**
 * Channels left out: the native file dialog (needs the desktop), and heavy jobs that would take the
 * whole time budget (digest export, re-analysis, collection, demo generation).
 */
export const SKIPPED_CHANNELS: Channel[] = [
  'imports:pickFiles',
  'reports:export',
  'analysis:rerun',
  'sources:runNow',
  'demo:create'
]
const CODES: ErrorCode[] = [
  'VALIDATION',
  'NOT_FOUND',
  'DB_MISSING',
  'DB_NEWER',
  'DB_CORRUPT',
  'DB_LOCKED',
  'BUSY',
  'IMPORT_UNREADABLE',
  'QUERY_SYNTAX',
  'NEEDS_FORCE',
  'LIMIT',
  'IO'
]

interface ApiInput {
  channel: Channel
  input: unknown
}

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'import', 'files')

/** A workspace with a few imports, a source and a subject, to give the handlers rows to work on. */
export async function fuzzWorkspace(dir: string): Promise<{ db: Db; ws: Workspace }> {
  const path = join(mkdtempSync(join(dir, 'ws-')), 'api.db')
  const db = openWorkspaceDatabase(path, { create: true })
  for (const f of ['ba.csv', 'generic.csv', 'telegram-channel.json'])
    await importFile(db, join(FIXTURES, f), { analyzer: new WorkspaceAnalyzer(db) })
  addSource(db, { type: 'rss', target: 'http://127.0.0.1:9/feed.xml' })
  db.prepare("INSERT INTO subjects (name, query, created_at) VALUES ('Акимат', 'акимат* OR аким', 0)").run()
  return { db, ws: new Workspace(db, path) }
}

export function apiTarget(): Target<ApiInput> {
  let ws: Workspace
  let handlers: ReturnType<typeof createHandlers>
  const channels = CHANNELS.filter((c) => !SKIPPED_CHANNELS.includes(c))
  return {
    name: 'api',
    limitMs: 15_000,
    async setup(dir) {
      ws = (await fuzzWorkspace(dir)).ws
      handlers = createHandlers(ws, {
        ...browserPlatform(),
        uploadsDir: () => join(dir, 'uploads'),
        defaultReportsDir: () => join(dir, 'reports')
      })
    },
    next(rng: Prng): ApiInput {
      const channel = rng.pick(channels)
      const r = rng.next()
      const input = r < 0.85 ? arbitrary(api[channel].input, rng) : r < 0.95 ? randomJson(rng) : undefined
      return { channel, input }
    },
    describe: (i) => `${i.channel} ${JSON.stringify(i.input)?.slice(0, 300)}`,
    async run({ channel, input }): Promise<Outcome> {
      let res: Awaited<ReturnType<typeof dispatch>>
      try {
        res = await dispatch(handlers, channel, input)
      } catch (e) {
        throw new Finding(`dispatch threw ${(e as Error)?.name}: ${(e as Error)?.message}`)
      }
      if (!res || typeof res !== 'object' || typeof res.ok !== 'boolean')
        throw new Finding(`not a result: ${JSON.stringify(res)?.slice(0, 200)}`)
      if (res.ok) return 'ok'
      if (res.error.code === 'INTERNAL') throw new Finding(`INTERNAL: ${res.error.message.slice(0, 400)}`)
      if (!CODES.includes(res.error.code) || typeof res.error.message !== 'string' || !res.error.message)
        throw new Finding(`bad error ${JSON.stringify(res.error).slice(0, 200)}`)
      return 'rejected'
    },
    async finish() {
      const problems: string[] = []
      const ic = ws.db.pragma('integrity_check', { simple: true })
      if (ic !== 'ok') problems.push(`integrity_check after the run: ${String(ic)}`)
      if ((ws.db.pragma('foreign_key_check') as unknown[]).length)
        problems.push('foreign_key_check after the run')
      ws.close()
      return problems
    }
  }
}
