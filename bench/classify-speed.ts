/**
 * Classification speed on one core: texts per second of CPU time for the built-in model, next to
 * baselines measured in the same run on the same texts: the plain word split every import does anyway
 * (src/shared/text.ts tokenize, a fixed reference), and the featuriser's own tokeniser; then the JSON-lines
 * protocol of `otklik classify` end to end. The texts are the shared RuSentNE-2023 sentences with their targets,
 * each once per pass (the word cache warms on the first pass, as it does on a real stream).
 * With --baseline-root DIR (a checkout of another commit, e.g. `git archive HEAD~1 | tar -x -C DIR` with
 * node_modules linked), that tree's built-in model is loaded into the same process (its own modules,
 * lexicons and weights) and the two are timed in alternating passes: a change's cost measured under the
 * same load, which on a shared machine moves more between runs than most changes do.
 *   npx tsx bench/classify-speed.ts [--passes N] [--limit N] [--baseline-root DIR]
 */
import { join, resolve } from 'node:path'
import { classifyJsonLines, loadBuiltinModel } from '../src/main/core/analysis/sentiment'
import { findTrainingFile, readRuSentNE } from '../src/main/core/analysis/sentiment/rusentne'
import { tokenizeWithOffsets } from '../src/main/core/analysis/sentiment/tokens'
import { tokenize } from '../src/shared/text'

const args = process.argv.slice(2)
const opt = (name: string, dflt: number): number => {
  const i = args.indexOf(name)
  return i >= 0 ? Number(args[i + 1]) : dflt
}
const passes = opt('--passes', 3)
const examples = readRuSentNE(findTrainingFile(resolve(__dirname, '..'))).slice(0, opt('--limit', Infinity))
const chars = examples.reduce((s, e) => s + e.text.length, 0)
const model = loadBuiltinModel()
const lines =
  examples.map((e, i) => JSON.stringify({ id: String(i), text: e.text, target: e.target })).join('\n') + '\n'

/** Texts per CPU second, best of `passes` after one warm-up pass. */
function rate(name: string, once: () => number): { name: string; perSec: number } {
  once()
  let best = 0
  for (let p = 0; p < passes; p++) {
    const start = process.cpuUsage()
    const n = once()
    const used = process.cpuUsage(start)
    best = Math.max(best, n / ((used.user + used.system) / 1e6))
  }
  return { name, perSec: best }
}

let sink = 0
const rows = [
  rate('baseline: word split (shared tokenize)', () => {
    for (const e of examples) sink += tokenize(e.text).length
    return examples.length
  }),
  rate('sentiment tokeniser (with offsets)', () => {
    for (const e of examples) sink += tokenizeWithOffsets(e.text).length
    return examples.length
  }),
  rate('classify (model.classify)', () => {
    for (const e of examples) sink += model.classify(e.text, e.target).score
    return examples.length
  }),
  rate('classify JSON lines (CLI path)', () => {
    sink += classifyJsonLines(lines, model).length
    return examples.length
  })
]
const baselineAt = args.indexOf('--baseline-root')
if (baselineAt >= 0) {
  const root = resolve(args[baselineAt + 1]!)
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const other = require(join(root, 'src/main/core/analysis/sentiment')) as {
    loadBuiltinModel: typeof loadBuiltinModel
  }
  const base = other.loadBuiltinModel()
  const pass = (m: typeof model) => {
    const start = process.cpuUsage()
    for (const e of examples) sink += m.classify(e.text, e.target).score
    const used = process.cpuUsage(start)
    return examples.length / ((used.user + used.system) / 1e6)
  }
  pass(base)
  pass(model)
  let bestBase = 0
  let bestThis = 0
  for (let p = 0; p < passes * 2; p++) {
    bestBase = Math.max(bestBase, pass(base))
    bestThis = Math.max(bestThis, pass(model))
  }
  rows.push({ name: `classify, ${root} (alternating)`, perSec: bestBase })
  rows.push({ name: 'classify, this tree (alternating)', perSec: bestThis })
}
console.log(
  `${examples.length} texts (${Math.round(chars / examples.length)} characters on average), best of ${passes} passes, CPU time of one core`
)
for (const r of rows) console.log(`${r.name.padEnd(40)} ${r.perSec.toFixed(0).padStart(8)} texts/s`)
if (sink === 42) console.log('')
