import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'

export const ROOT = resolve(__dirname, '..', '..')
export const IMPORT_FIXTURES = join(ROOT, 'test', 'fixtures', 'import', 'files')

export function tempDir(name: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `otklik-${name}-`))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

/** Starts test/reliability/hold-child.ts and resolves once it printed "ready". */
export function holdChild(mode: 'lock' | 'open' | 'write', db: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'hold-child.ts'), mode, db], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  return new Promise((res, rej) => {
    let err = ''
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()))
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) res(child)
    })
    child.on('exit', (code) => rej(new Error(`hold-child ${mode} exited ${code}: ${err}`)))
  })
}

export function stop(child: ChildProcess): Promise<void> {
  return new Promise((res) => {
    if (child.exitCode !== null || child.signalCode !== null) return res()
    child.once('exit', () => res())
    child.kill('SIGKILL')
  })
}

/** integrity_check and foreign_key_check of a file, opened on its own. */
export function checkFile(path: string): { integrity: string; fk: number; version: number; journal: string } {
  const db = new Database(path, { fileMustExist: true })
  try {
    return {
      integrity: String(db.pragma('integrity_check', { simple: true })),
      fk: (db.pragma('foreign_key_check') as unknown[]).length,
      version: db.pragma('user_version', { simple: true }) as number,
      journal: String(db.pragma('journal_mode', { simple: true }))
    }
  } finally {
    db.close()
  }
}

/** What a workspace holds, to compare before/after. */
export function contents(path: string): Record<string, unknown> {
  const db = new Database(path, { fileMustExist: true, readonly: true })
  try {
    const q = (sql: string): unknown => db.prepare(sql).all()
    return {
      mentions: q('SELECT id, dedup_key, text, sentiment, batch_id FROM mentions ORDER BY id'),
      batches: q('SELECT id, file_name, inserted, undone_at FROM import_batches ORDER BY id'),
      authors: q('SELECT id, key, name FROM authors ORDER BY id'),
      settings: q('SELECT key, value FROM settings ORDER BY key'),
      version: db.pragma('user_version', { simple: true })
    }
  } finally {
    db.close()
  }
}
