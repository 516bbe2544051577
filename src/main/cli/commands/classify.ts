import { resolvePath } from '../args'
import type { Command, Io } from '../command'
import { openWorkspaceDatabase } from '../../core/workspace'
import { currentSentimentModel } from '../../core/analysis/models'
import { classifyJsonLines, loadBuiltinModel, type SentimentModel } from '../../core/analysis/sentiment'

export const classifyCommand: Command = {
  name: 'classify',
  usage: 'classify [--db PATH]   < lines of {"id", "text", "target"?}',
  summary:
    'Sentiment of each JSON line on stdin: writes {"id", "label", "score"} lines. Without --db the built-in model (nothing is created); with it, the workspace’s learned model.',
  booleans: ['json'],
  options: ['db'],
  async run(args, io) {
    const dbPath = args.str('db') ?? process.env.OTKLIK_CLASSIFY_DB
    let model: SentimentModel
    if (dbPath) {
      const db = openWorkspaceDatabase(resolvePath(dbPath), { readonly: true })
      try {
        model = currentSentimentModel(db)
      } finally {
        db.close()
      }
    } else model = loadBuiltinModel()
    await streamLines(io, (chunk, firstLine) => renumber(classifyJsonLines(chunk, model), firstLine))
    return 0
  }
}

/** Reads stdin in chunks of whole lines so any input size streams through; `firstLine` is 1-based. */
async function streamLines(io: Io, handle: (chunk: string, firstLine: number) => string): Promise<void> {
  let rest = ''
  let line = 1
  const flush = (text: string): void => {
    if (!text) return
    const n = text.split('\n').length - (text.endsWith('\n') ? 1 : 0)
    io.out(handle(text, line))
    line += n
  }
  for await (const chunk of io.stdin as AsyncIterable<Buffer | string>) {
    rest += chunk.toString()
    const cut = rest.lastIndexOf('\n')
    if (cut >= 0 && cut > 256 * 1024) {
      flush(rest.slice(0, cut + 1))
      rest = rest.slice(cut + 1)
    }
  }
  flush(rest)
}

/** Error lines carry line numbers within the chunk; shift them to lines of the whole input. */
function renumber(out: string, firstLine: number): string {
  if (firstLine === 1 || !out.includes('"line"')) return out
  return out
    .split('\n')
    .map((l) => {
      if (!l.startsWith('{"line":')) return l
      const o = JSON.parse(l) as { line: number; error: string }
      return JSON.stringify({ line: o.line + firstLine - 1, error: o.error })
    })
    .join('\n')
}
