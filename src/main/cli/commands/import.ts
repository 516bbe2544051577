import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { dbPathFrom, resolvePath, UsageError } from '../args'
import { printJson, type Command } from '../command'
import { openWorkspaceDatabase } from '../../core/workspace'
import { getSettings } from '../../core/db/settings'
import { importFiles, parseMappingFile, undoImport, type MappingFile } from '../../core/import'
import { workspaceAnalyzer } from '../../core/analysis/analyzer'
import { OtklikError } from '../../../shared/errors'

export const importCommand: Command = {
  name: 'import',
  usage:
    'import FILE... [--db PATH] [--preset auto|NAME] [--mapping FILE.json] [--dry-run] [--json]  |  import --undo BATCH_ID [--force] [--json]',
  summary:
    'Imports monitoring-service exports (CSV/TSV/XLSX, Telegram JSON), each file one undoable batch; or undoes a batch.',
  booleans: ['json', 'dry-run', 'force'],
  options: ['db', 'preset', 'mapping', 'undo'],
  async run(args, io) {
    const undo = args.str('undo')
    if (undo !== undefined) {
      if (!/^\d+$/.test(undo)) throw new UsageError(`--undo takes a batch id, not "${undo}"`)
      const db = openWorkspaceDatabase(dbPathFrom(args))
      try {
        const r = undoImport(db, Number(undo), args.bool('force'))
        if (args.bool('json')) printJson(io, r)
        else io.out(`Batch ${r.undone} undone: ${r.deleted} mentions deleted.\n`)
        return 0
      } catch (e) {
        if (e instanceof OtklikError && e.code === 'NEEDS_FORCE')
          io.err(`otklik import: warning: ${e.message}\n`)
        throw e
      } finally {
        db.close()
      }
    }
    const files = args.positionals.map(resolvePath)
    if (!files.length) throw new UsageError('import needs at least one FILE (or --undo BATCH_ID)')
    let mapping: MappingFile | undefined
    const mappingPath = args.str('mapping')
    if (mappingPath) {
      const p = resolvePath(mappingPath)
      let json: unknown
      try {
        json = JSON.parse(readFileSync(p, 'utf8'))
      } catch (e) {
        throw new OtklikError('VALIDATION', `Cannot read the mapping file ${p}: ${(e as Error).message}`)
      }
      mapping = parseMappingFile(json, p)
    }
    const dbPath = dbPathFrom(args)
    const dryRun = args.bool('dry-run')
    if (!dryRun && !existsSync(dirname(dbPath))) mkdirSync(dirname(dbPath), { recursive: true })
    // A dry run against a workspace that does not exist yet counts against an empty one in memory:
    // it creates no file.
    const db =
      dryRun && !existsSync(dbPath)
        ? openWorkspaceDatabase(':memory:', { create: true })
        : openWorkspaceDatabase(dbPath, { create: !dryRun })
    try {
      let last = -Infinity
      const result = await importFiles(db, files, {
        preset: args.str('preset') ?? 'auto',
        mapping,
        dryRun,
        timezone: mapping?.timezone ?? getSettings(db).timeZone,
        analyzer: dryRun ? null : workspaceAnalyzer(db),
        onProgress: (p) => {
          // Every file ends with a line of its final counts; in between one line every 2 s, never one
          // before a row has been read.
          if (!p.done && (p.rowsRead === 0 || performance.now() - last < 2000)) return
          last = performance.now()
          io.err(
            `import: ${p.file}: ${p.rowsRead} rows read, ${p.inserted} new, ${p.duplicates} duplicates, ${p.rejected} rejected${p.done ? ' (done)' : ''}\n`
          )
        }
      })
      for (const b of result.batches) if ('error' in b) io.err(`otklik import: ${b.error}\n`)
      if (args.bool('json')) printJson(io, { batches: result.batches })
      else
        for (const b of result.batches) {
          if ('error' in b) continue
          io.out(
            `${b.file}: ${b.preset}, ${b.rows} rows: ${b.inserted} new, ${b.duplicates} duplicates (${b.updated} updated), ${b.rejected} rejected${b.batchId ? ` — batch ${b.batchId}` : ' (dry run)'}\n`
          )
        }
      return result.failed ? 1 : 0
    } finally {
      db.close()
    }
  }
}
