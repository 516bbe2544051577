/**
 * Sentiment benchmark: fixed-seed 5-fold cross-validated F1_PN on the shared RuSentNE-2023 train file
 * for (1) the majority class, (2) the lexicon alone, (3) the full model retrained on each 4 folds
 * (never the shipped weights, which have seen every row), and throughput on one core.
 *   npx tsx bench/sentiment.ts [--rows] [--seeds N] [--limit N]
 * Folds keep all rows of one sentence together (RuSentNE repeats a sentence once per entity);
 * --rows also prints the plain row-wise split for comparison; --seeds N repeats the full model's CV
 * with N training seeds and prints the spread: a change smaller than it is noise, not progress.
 */
import { resolve } from 'node:path'
import {
  crossValidate,
  lexiconOnlyModel,
  loadBuiltinModel,
  trainStandaloneModel,
  type LabelledExample,
  type SentimentModel
} from '../src/main/core/analysis/sentiment'
import { findTrainingFile, readRuSentNE } from '../src/main/core/analysis/sentiment/rusentne'
import { crossValidateWith, type Scores } from '../src/main/core/analysis/sentiment/evaluate'

const args = process.argv.slice(2)
const limitAt = args.indexOf('--limit')
const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : Infinity
const seedsAt = args.indexOf('--seeds')
const trainingSeeds = seedsAt >= 0 ? Number(args[seedsAt + 1]) : 0
const file = findTrainingFile(resolve(__dirname, '..'))
const examples = readRuSentNE(file).slice(0, limit)
const SEED = 42
/** marks a row number onto a text so that fold assignment sees every row as its own text */
const ROW = '\u0000row'

const majority: SentimentModel = {
  kind: 'builtin',
  classify: () => ({ label: 'neutral', score: 1, explanation: [], lang: 'ru' })
}

/** Texts per second of CPU time of this process (one core; the machine may be shared). */
function throughput(model: SentimentModel, ex: LabelledExample[]): number {
  for (const e of ex.slice(0, 200)) model.classify(e.text, e.target)
  const start = process.cpuUsage()
  let n = 0
  while (n < 5000) for (const e of ex) if (n++ < 5000) model.classify(e.text, e.target)
  const used = process.cpuUsage(start)
  return n / ((used.user + used.system) / 1e6)
}

const rows: Array<{ name: string; s: Scores; speed: number | null; seconds: number }> = []
function run(
  name: string,
  train: (ex: LabelledExample[]) => SentimentModel,
  speedModel: SentimentModel | null
) {
  const t = Date.now()
  const s = crossValidate(examples, { folds: 5, seed: SEED, train })
  rows.push({
    name,
    s,
    speed: speedModel ? throughput(speedModel, examples) : null,
    seconds: (Date.now() - t) / 1000
  })
}

run('majority (neutral)', () => majority, majority)
run('lexicon + rules only', () => lexiconOnlyModel(), lexiconOnlyModel())
run('full model (retrained per fold)', (ex) => trainStandaloneModel(ex, { seed: 1 }), loadBuiltinModel())
if (args.includes('--rows')) {
  // the plain row-wise split: the same sentence may sit in training (with another entity) and test
  const t = Date.now()
  const tagged = examples.map((e, i) => ({ ...e, text: e.text + ROW + i }))
  const untag = (text: string) => text.slice(0, text.indexOf(ROW) < 0 ? text.length : text.indexOf(ROW))
  const s = crossValidateWith(
    tagged,
    (ex) => {
      const m = trainStandaloneModel(
        ex.map((e) => ({ ...e, text: untag(e.text) })),
        { seed: 1 }
      )
      return { kind: m.kind, classify: (text, target) => m.classify(untag(text), target) }
    },
    5,
    SEED
  )
  rows.push({ name: 'full model, row-wise folds', s, speed: null, seconds: (Date.now() - t) / 1000 })
}

if (trainingSeeds > 1) {
  const t = Date.now()
  const runs = Array.from({ length: trainingSeeds }, (_, k) =>
    crossValidate(examples, {
      folds: 5,
      seed: SEED,
      train: (ex) => trainStandaloneModel(ex, { seed: k + 1 })
    })
  )
  const f1s = runs.map((r) => r.f1pn)
  const mean = f1s.reduce((x, y) => x + y, 0) / f1s.length
  console.log(
    `full model over training seeds 1..${trainingSeeds}: F1_PN mean ${mean.toFixed(3)}, ` +
      `min ${Math.min(...f1s).toFixed(3)}, max ${Math.max(...f1s).toFixed(3)} (${((Date.now() - t) / 1000).toFixed(0)} s)`
  )
}

const f = (x: number) => x.toFixed(3)
console.log(
  `RuSentNE-2023 train: ${examples.length} rows (${file}), 5 folds, seed ${SEED}, sentences kept within one fold`
)
console.log(
  ['model'.padEnd(32), 'F1_PN', 'F1 neg', 'F1 pos', 'F1 neu', 'acc', 'texts/s (1 core)', 'CV s'].join(' | ')
)
for (const r of rows) {
  console.log(
    [
      r.name.padEnd(32),
      f(r.s.f1pn).padStart(5),
      f(r.s.perClass.negative.f1).padStart(6),
      f(r.s.perClass.positive.f1).padStart(6),
      f(r.s.perClass.neutral.f1).padStart(6),
      f(r.s.accuracy),
      (r.speed === null ? '-' : r.speed.toFixed(0)).padStart(16),
      r.seconds.toFixed(1)
    ].join(' | ')
  )
}
