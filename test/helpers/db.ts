import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Db } from '../../src/main/core/db/open'
import { openWorkspaceDatabase } from '../../src/main/core/workspace'

/** A fresh workspace database in its own temp folder (a real file, all migrations applied, default topics). */
export function tempDb(name = 'test'): { db: Db; path: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), `otklik-${name}-`))
  const path = join(dir, `${name}.db`)
  return { db: openWorkspaceDatabase(path, { create: true }), path, dir }
}
