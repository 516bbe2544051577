import { dbPathFrom, UsageError } from '../args'
import { printJson, type Command } from '../command'
import { openWorkspaceDatabase } from '../../core/workspace'
import { addSubject, listSubjects, removeSubject, updateSubject } from '../../core/subjects'
import { OtklikError } from '../../../shared/errors'

export const subjectCommand: Command = {
  name: 'subject',
  usage: 'subject add NAME --query "…" | list | remove ID | enable ID | disable ID  [--db PATH] [--json]',
  summary:
    'Monitoring subjects: named queries (Boolean, "phrases", NEAR/n, word forms) that mentions are matched against.',
  booleans: ['json'],
  options: ['db', 'query'],
  async run(args, io) {
    const [verb, arg] = args.positionals
    const db = openWorkspaceDatabase(dbPathFrom(args), { create: verb === 'add', readonly: verb === 'list' })
    try {
      let out: unknown
      if (verb === 'add') {
        const query = args.str('query')
        if (!arg) throw new UsageError('subject add needs a NAME')
        if (query === undefined) throw new UsageError('subject add needs --query "…"')
        try {
          out = addSubject(db, arg, query)
        } catch (e) {
          if (e instanceof OtklikError && e.code === 'QUERY_SYNTAX') {
            const pos = Number(e.details?.position ?? 0)
            throw new OtklikError(
              'QUERY_SYNTAX',
              `query syntax error at position ${pos}: ${e.message}\n  ${query}\n  ${' '.repeat(pos)}^`,
              e.details
            )
          }
          throw e
        }
      } else if (verb === 'list') out = listSubjects(db)
      else if (verb === 'remove' || verb === 'enable' || verb === 'disable') {
        const id = Number(arg)
        if (!Number.isInteger(id) || id <= 0) throw new UsageError(`subject ${verb} needs a numeric ID`)
        out =
          verb === 'remove' ? removeSubject(db, id) : updateSubject(db, id, { enabled: verb === 'enable' })
      } else
        throw new UsageError(`unknown subject action "${verb ?? ''}" (add, list, remove, enable, disable)`)
      if (args.bool('json')) printJson(io, out)
      else io.out(formatText(verb, out) + '\n')
      return 0
    } finally {
      db.close()
    }
  }
}

function formatText(verb: string, out: unknown): string {
  if (verb === 'list') {
    const { subjects } = out as ReturnType<typeof listSubjects>
    return subjects.length
      ? subjects.map((s) => `${s.id}\t${s.enabled ? 'on ' : 'off'}\t${s.name}\t${s.query}`).join('\n')
      : 'No subjects.'
  }
  return JSON.stringify(out)
}
