import { watchedFolders } from '../../collect/sources'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { basename, join, relative, resolve, isAbsolute } from 'node:path'
import type { HandlerContext, Impl } from '../context'
import {
  listImportHistory,
  listPresets,
  savePreset,
  undoImport,
  writeRejectedCsv,
  type ImportProgress
} from '../../import'
import { importInWorker, previewInWorker } from '../../import/worker-client'
import { OtklikError } from '../../../../shared/errors'

type K =
  | 'imports:pickFiles'
  | 'imports:upload'
  | 'imports:preview'
  | 'imports:commit'
  | 'imports:cancel'
  | 'imports:history'
  | 'imports:undo'
  | 'imports:rejected'
  | 'imports:presets'
  | 'imports:savePreset'

/** Safe file name for an upload: no folders, no control characters. */
function cleanName(name: string): string {
  const n = basename(name)
    .replace(/[\x00-\x1f<>:"/\\|?*]+/g, '_')
    .slice(0, 200)
  // "." and ".." name the folder itself or its parent, not a file.
  return /^\.*$/.test(n) ? 'upload' : n
}

/** Whether `path` lies inside `dir` (after resolving both; '..' cannot climb out). */
function inside(dir: string, path: string): boolean {
  const r = relative(resolve(dir), resolve(path))
  return r !== '' && !r.startsWith('..') && !isAbsolute(r)
}

export function importHandlers({ ws, host }: HandlerContext): Impl<K> {
  const jobs = new Map<string, AbortController>()
  /** Files the user picked in the dialog in this session. */
  const picked = new Set<string>()
  /**
   * The renderer may name only files the user gave: picked in the dialog, dropped or uploaded (they land
   * in the uploads folder), or lying in a watched folder. Any other path (/etc/passwd) is refused.
   */
  const checkPath = (path: string): void => {
    if (picked.has(resolve(path)) || inside(host.uploadsDir(), path)) return
    const folders = watchedFolders(ws.db)
    if (folders.some((d) => inside(d, path))) return
    throw new OtklikError(
      'VALIDATION',
      'Only files picked in the dialog, dropped onto the window or lying in a watched folder can be imported.',
      { path }
    )
  }
  return {
    'imports:pickFiles': async () => {
      if (!host.pickFiles)
        throw new OtklikError('VALIDATION', 'No file dialog here: drop files or use the file field.', {
          unsupported: true
        })
      const paths = await host.pickFiles()
      for (const p of paths) picked.add(resolve(p))
      return { paths }
    },
    'imports:upload': (i) => {
      mkdirSync(host.uploadsDir(), { recursive: true })
      const dir = mkdtempSync(join(host.uploadsDir(), 'u-'))
      const path = join(dir, cleanName(i.name))
      writeFileSync(path, Buffer.from(i.base64, 'base64'))
      return { path }
    },
    'imports:preview': (i) => {
      checkPath(i.path)
      // In the import worker, like the import: a big sheet's beginning is read and mapped off the main thread.
      return previewInWorker({
        dbPath: ws.dbPath,
        file: i.path,
        options: { preset: i.preset, mapping: i.mapping, timezone: ws.settings().timeZone }
      })
    },
    'imports:commit': async (i) => {
      checkPath(i.path)
      if (jobs.has(i.jobId)) throw new OtklikError('BUSY', `Import job ${i.jobId} is already running.`)
      const ctl = new AbortController()
      jobs.set(i.jobId, ctl)
      // Announced when the rows are committed (the grid shows them while their analysis runs), and again
      // when the labels are in.
      let shown = false
      try {
        // In a worker thread with its own connection: the grid and every other request keep being answered.
        const report = await importInWorker({
          dbPath: ws.dbPath,
          db: ws.db,
          file: i.path,
          options: { preset: i.preset, mapping: i.mapping, timezone: ws.settings().timeZone, analyze: true },
          signal: ctl.signal,
          onProgress: (p: ImportProgress) => {
            if (p.committed && !shown && !p.done) {
              shown = true
              ws.changed('import', p.inserted)
            }
            ws.events.emit('import:progress', { jobId: i.jobId, ...p })
          }
        })
        ws.changed(shown ? 'analysis' : 'import', report.inserted)
        if (report.batchId !== null) ws.labelsChanged({ kind: 'import', batchId: report.batchId })
        return report
      } catch (e) {
        if (ctl.signal.aborted)
          throw new OtklikError('IO', 'The import was cancelled; nothing was written.', { cancelled: true })
        throw e
      } finally {
        jobs.delete(i.jobId)
      }
    },
    'imports:cancel': (i) => {
      const ctl = jobs.get(i.jobId)
      ctl?.abort()
      return { cancelled: Boolean(ctl) }
    },
    'imports:history': () => listImportHistory(ws.db),
    'imports:undo': (i) => {
      const r = undoImport(ws.db, i.id, i.force ?? false)
      ws.changed('undo', r.deleted)
      return r
    },
    'imports:rejected': async (i) => {
      const batch = listImportHistory(ws.db, { limit: 100_000 }).find((b) => b.id === i.id)
      if (!batch) throw new OtklikError('NOT_FOUND', `No import batch with id ${i.id}.`)
      if (!batch.filePath) throw new OtklikError('NOT_FOUND', 'This import did not come from a file.')
      mkdirSync(host.uploadsDir(), { recursive: true })
      const dir = mkdtempSync(join(host.uploadsDir(), 'rej-'))
      const out = join(dir, 'rejected.csv')
      try {
        await writeRejectedCsv({ ...batch, file: batch.filePath }, out)
        const name = `${(batch.fileName ?? 'import').replace(/\.[^.]+$/, '')}-rejected.csv`
        return {
          fileName: name,
          mime: 'text/csv;charset=utf-8',
          base64: readFileSync(out).toString('base64')
        }
      } catch (e) {
        throw new OtklikError(
          'IO',
          `The original file ${batch.filePath} cannot be read again (${(e as Error).message}).`
        )
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
    'imports:presets': () => listPresets(ws.db).map((p) => ({ name: p.name })),
    'imports:savePreset': (i) => {
      savePreset(ws.db, i.name, i.mapping)
      return { name: i.name }
    }
  }
}
