import { createWriteStream, type WriteStream } from 'node:fs'
import { dbPathFrom, requireRange, resolvePath, UsageError } from '../args'
import type { Command } from '../command'
import { openWorkspaceDatabase } from '../../core/workspace'
import { getSettings } from '../../core/db/settings'
import { csvCell, EXPORT_FIELDS, exportMentions } from '../../core/queries/export'

export const exportCommand: Command = {
  name: 'export',
  usage: 'export [--db PATH] [--from YYYY-MM-DD --to YYYY-MM-DD] [--format jsonl|csv] [--out FILE]',
  summary: 'Writes the mentions as JSON lines (default, stdout) or CSV (UTF-8 with BOM, ";").',
  booleans: ['json'],
  options: ['db', 'from', 'to', 'format', 'out'],
  async run(args, io) {
    const format = args.str('format') ?? 'jsonl'
    if (format !== 'jsonl' && format !== 'csv')
      throw new UsageError(`--format takes jsonl or csv, not "${format}"`)
    const range = requireRange(args)
    const db = openWorkspaceDatabase(dbPathFrom(args), { readonly: true })
    const outPath = args.str('out')
    const file: WriteStream | null = outPath ? createWriteStream(resolvePath(outPath)) : null
    const write = (s: string): void => {
      if (file) file.write(s)
      else io.out(s)
    }
    let n = 0
    try {
      const tz = getSettings(db).timeZone
      if (format === 'csv') write('\uFEFF' + EXPORT_FIELDS.join(';') + '\r\n')
      let buf = ''
      for (const rec of exportMentions(db, range, tz)) {
        buf +=
          format === 'csv'
            ? EXPORT_FIELDS.map((f) => csvCell(rec[f])).join(';') + '\r\n'
            : JSON.stringify(rec) + '\n'
        if (++n % 500 === 0) {
          write(buf)
          buf = ''
        }
      }
      write(buf)
    } finally {
      db.close()
    }
    if (file) {
      await new Promise<void>((res, rej) => file.end((e?: Error | null) => (e ? rej(e) : res())))
      io.err(`export: ${n} mentions written to ${resolvePath(outPath!)}\n`)
    }
    return 0
  }
}
