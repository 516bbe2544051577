import { dbPathFrom } from '../args'
import { printJson, type Command } from '../command'
import { openWorkspaceDatabase } from '../../core/workspace'
import { trainOfficeModel } from '../../core/analysis/models'

export const trainCommand: Command = {
  name: 'train',
  usage: 'train [--db PATH] [--json]',
  summary:
    'Trains the workspace’s sentiment model from its labels (imported and corrected) now, as the app does in the background; prints its cross-validated quality. With too few labels the built-in model stays and it says how many more are needed.',
  booleans: ['json'],
  options: ['db'],
  async run(args, io) {
    const db = openWorkspaceDatabase(dbPathFrom(args))
    try {
      const info = trainOfficeModel(db)
      if (info.kind === 'builtin')
        io.err(
          `otklik train: ${info.labels} label${info.labels === 1 ? '' : 's'}; ${info.needed} more needed` +
            ` (at least ${info.labels + info.needed}, of two sentiments or more) before a model can be learned;` +
            ' the built-in model stays.\n'
        )
      const out = {
        kind: info.kind,
        labels: info.labels,
        quality: info.quality,
        trainedAt: info.trainedAt,
        curve: info.curve,
        strength: info.strength,
        needed: info.needed
      }
      if (args.bool('json')) printJson(io, out)
      else if (info.kind === 'learned' && info.quality)
        io.out(
          `Learned model trained on ${info.labels} labels. Cross-validated (5 folds): F1_PN ${info.quality.f1pn.toFixed(3)}, accuracy ${info.quality.accuracy.toFixed(3)}, correction strength ${info.strength ?? 1}.\n` +
            info.curve.map((p) => `  ${p.labels} labels: F1_PN ${p.f1pn.toFixed(3)}`).join('\n') +
            '\n'
        )
      else
        io.out(
          `Built-in model${info.quality ? `: F1_PN ${info.quality.f1pn.toFixed(3)} on the ${info.quality.n} labels there are` : ''}.\n`
        )
      return 0
    } finally {
      db.close()
    }
  }
}
