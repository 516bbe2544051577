import { readFileSync } from 'node:fs'
import type { Db } from '../db'
import { OtklikError } from '../../../shared/errors'
import { importFiles, undoImport } from './files'
import { parseMappingFile } from './presets-store'
import type { BatchReport, FileFailure, ImportOptions, MappingFile } from './types'

export interface ImportCliArgs {
  files: string[]
  /** --preset auto|NAME */
  preset?: string
  /** --mapping FILE.json */
  mappingPath?: string
  dryRun?: boolean
  timezone?: string
  onProgress?: ImportOptions['onProgress']
  signal?: AbortSignal
}

/**
 * `otklik import FILE... [--preset auto|NAME] [--mapping FILE.json] [--dry-run]`: the JSON to print
 * ({"batches": [...]}) and the exit code (1 when a file could not be imported).
 */
export async function importCli(
  db: Db,
  args: ImportCliArgs
): Promise<{ output: { batches: (BatchReport | FileFailure)[] }; exitCode: 0 | 1 }> {
  if (!args.files.length) throw new OtklikError('VALIDATION', 'Give at least one file to import.')
  const mapping = args.mappingPath ? readMappingFile(args.mappingPath) : undefined
  const r = await importFiles(db, args.files, {
    preset: args.preset,
    mapping,
    dryRun: args.dryRun,
    timezone: args.timezone,
    onProgress: args.onProgress,
    signal: args.signal
  })
  return { output: { batches: r.batches }, exitCode: r.failed ? 1 : 0 }
}

/** `otklik import --undo BATCH_ID [--force]` → {"undone": ID, "deleted": N}. */
export function undoCli(db: Db, id: string | number, force = false): { undone: number; deleted: number } {
  const n = typeof id === 'number' ? id : /^\d+$/.test(id.trim()) ? Number(id) : NaN
  if (!Number.isInteger(n) || n <= 0)
    throw new OtklikError('VALIDATION', `"${id}" is not an import batch id (see the import history).`)
  return undoImport(db, n, force)
}

/** Reads and validates a --mapping file, naming the file in every error. */
export function readMappingFile(path: string): MappingFile {
  let text: string
  try {
    text = readFileSync(path, 'utf8').replace(/^\ufeff/, '')
  } catch (e) {
    throw new OtklikError(
      'IO',
      `Cannot read the mapping file ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`,
      { path }
    )
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (e) {
    throw new OtklikError(
      'VALIDATION',
      `The mapping file ${path} is not valid JSON: ${(e as Error).message}.`,
      { path }
    )
  }
  return parseMappingFile(json, `mapping file ${path}`)
}
