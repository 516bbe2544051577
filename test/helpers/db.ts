import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase, type Db } from '../../src/main/core/db/open'

/** A fresh workspace database in its own temp folder (a real file, all migrations applied). */
export function tempDb(name = 'test'): { db: Db; path: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), `otklik-${name}-`))
  const path = join(dir, `${name}.db`)
  return { db: openDatabase(path, { create: true }), path, dir }
}
