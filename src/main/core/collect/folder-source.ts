import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { extname, join, basename } from 'node:path'
import type { Db } from '../db/open'
import type { MentionAnalyzer } from '../ingest'
import { OtklikError } from '../../../shared/errors'
import type { AdapterContext } from './adapter'
import { CollectError } from './errors'
import type { SourceRow } from './types'

/** The import pipeline's entry point (src/main/core/import importFile), injected for tests and hosts. */
export type FolderImporter = (
  db: Db,
  path: string,
  opts: { batchKind: 'folder'; sourceId: number; analyzer?: MentionAnalyzer | null; signal?: AbortSignal }
) => Promise<{ rows: number; inserted: number; duplicates: number }>

export interface FolderOutcome {
  /** Files imported (moved to imported/). */
  files: number
  rows: number
  inserted: number
  duplicates: number
  /** Files moved to failed/, with the reason written beside each. */
  failed: { file: string; reason: string }[]
}

/** Partial downloads, editor lock files and hidden files are never picked up. */
const TEMP = /^(~\$|\.~lock|\.)|\.(part|partial|crdownload|download|tmp|temp|swp)$/i
/** Errors that are the file's fault: it goes to failed/. Anything else (database busy…) leaves it for the next round. */
const FILE_FAULTS = new Set(['IMPORT_UNREADABLE', 'VALIDATION', 'LIMIT'])

/**
 * Imports the export files dropped into a watched folder through the import pipeline, then moves each
 * to imported/ (or failed/ with `<file>.txt` saying why). A file is taken only when it is at least
 * folderMinAgeMs old and its size and mtime hold still across folderSettleMs (still being written otherwise).
 */
export async function collectFolder(
  row: SourceRow,
  ctx: AdapterContext,
  importer: FolderImporter
): Promise<FolderOutcome> {
  const dir = row.url
  let names: string[]
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a folder')
    names = readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isFile() && !TEMP.test(d.name))
      .map((d) => d.name)
      .sort()
  } catch (e) {
    throw new CollectError(
      'folder',
      `the folder cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
      'Reconnect the drive or edit the source to point at an existing folder.'
    )
  }
  const first = new Map<string, { size: number; mtime: number }>()
  const now = ctx.now()
  for (const name of names) {
    const st = safeStat(join(dir, name))
    // mtime has a fraction of a millisecond, the clock has none: a file written this very millisecond counts as age 0.
    if (st && now - Math.floor(st.mtime) >= ctx.settings.folderMinAgeMs) first.set(name, st)
  }
  if (first.size && ctx.settings.folderSettleMs > 0) await sleep(ctx.settings.folderSettleMs, ctx.signal)
  const out: FolderOutcome = { files: 0, rows: 0, inserted: 0, duplicates: 0, failed: [] }
  for (const [name, was] of first) {
    if (ctx.signal?.aborted) break
    const path = join(dir, name)
    const st = safeStat(path)
    if (!st || st.size !== was.size || st.mtime !== was.mtime) continue // still being written
    try {
      const r = await importer(ctx.db, path, {
        batchKind: 'folder',
        sourceId: row.id,
        analyzer: ctx.analyzer ?? null,
        signal: ctx.signal
      })
      out.files++
      out.rows += r.rows
      out.inserted += r.inserted
      out.duplicates += r.duplicates
      moveInto(dir, 'imported', name)
    } catch (e) {
      if (!(e instanceof OtklikError) || !FILE_FAULTS.has(e.code)) throw e
      const reason = e.message
      const moved = moveInto(dir, 'failed', name)
      writeFileSync(
        `${moved}.txt`,
        `${name}\nCould not be imported on ${new Date(ctx.now()).toISOString()}:\n${reason}\n\nFix the file (or export it again) and drop it into ${dir} once more.\n`,
        'utf8'
      )
      out.failed.push({ file: name, reason })
    }
  }
  return out
}

function safeStat(path: string): { size: number; mtime: number } | null {
  try {
    const s = statSync(path)
    return s.isFile() ? { size: s.size, mtime: s.mtimeMs } : null
  } catch {
    return null
  }
}

/** Moves dir/name into dir/sub/, adding " (2)", " (3)"… when a file of that name is already there. */
function moveInto(dir: string, sub: string, name: string): string {
  const target = join(dir, sub)
  mkdirSync(target, { recursive: true })
  const ext = extname(name)
  const stem = basename(name, ext)
  let dest = join(target, name)
  for (let i = 2; existsSync(dest) || existsSync(`${dest}.txt`); i++)
    dest = join(target, `${stem} (${i})${ext}`)
  renameSync(join(dir, name), dest)
  return dest
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(done, ms)
    function done(): void {
      clearTimeout(t)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    signal?.addEventListener('abort', done, { once: true })
  })
}
