/**
 * Sentiment variants: the full model's fixed-seed 5-fold cross-validated F1_PN on the shared
 * RuSentNE-2023 train file (sentences kept within one fold, retrained per fold, never the shipped
 * weights), one switch changed at a time against the shipped settings, measured in the same run.
 *   npx tsx bench/sentiment-variants.ts [--seeds N] [variant numbers...]
 * With --seeds N every variant is cross-validated with N training seeds (mean, min, max): a difference
 * smaller than that spread is noise.
 */
import { resolve } from 'node:path'
import { crossValidate, lexiconOnlyModel, trainStandaloneModel } from '../src/main/core/analysis/sentiment'
import { TARGET_WEIGHT } from '../src/main/core/analysis/sentiment/analyse'
import { FEATURE_GROUPS } from '../src/main/core/analysis/sentiment/features'
import { HYPER, RULES } from '../src/main/core/analysis/sentiment/model'
import { findTrainingFile, readRuSentNE } from '../src/main/core/analysis/sentiment/rusentne'

const args = process.argv.slice(2)
const seedsAt = args.indexOf('--seeds')
const seeds = seedsAt >= 0 ? Number(args[seedsAt + 1]) : 1
const only = args.filter((a, i) => /^\d+$/.test(a) && i !== seedsAt + 1).map(Number)
const examples = readRuSentNE(findTrainingFile(resolve(__dirname, '..')))

const clauseWeights = (other: number, plain: number) => () => {
  TARGET_WEIGHT.on = true
  TARGET_WEIGHT.byScope = [1, 1, other, plain]
}
const variants: Array<[string, () => void]> = [
  ['as shipped', () => {}],
  ['+ lexicon features by clause', () => (FEATURE_GROUPS.clause = true)],
  ['+ clause weights: other 0.5, plain 0.8', clauseWeights(0.5, 0.8)],
  ['+ both', () => ((FEATURE_GROUPS.clause = true), clauseWeights(0.5, 0.8)())],
  ['+ clause weights: other 0.3, plain 0.7', clauseWeights(0.3, 0.7)],
  ['+ clause weights: other 0.7, plain 0.9', clauseWeights(0.7, 0.9)],
  ['decision bias neutral -0.3', () => (HYPER.decisionBias = [0, -0.3, 0])],
  ['decision bias neutral +0.3', () => (HYPER.decisionBias = [0, 0.3, 0])],
  ['epochs 10', () => (HYPER.epochs = 10)],
  ['l2 1e-4', () => (HYPER.l2 = 1e-4)],
  ['l2 4e-4', () => (HYPER.l2 = 4e-4)],
  ['trained on top of the rules', () => (HYPER.trainWithRules = true)],
  ['class weights 3 / 0.6 / 3.5', () => (HYPER.classWeight = [3, 0.6, 3.5])],
  ['class weights 2 / 0.6 / 2.5', () => (HYPER.classWeight = [2, 0.6, 2.5])],
  ['class weights 2.5 / 0.45 / 3', () => (HYPER.classWeight = [2.5, 0.45, 3])],
  ['class weights 2.5 / 0.8 / 3', () => (HYPER.classWeight = [2.5, 0.8, 3])],
  ['class weights 2.5 / 0.6 / 2.5', () => (HYPER.classWeight = [2.5, 0.6, 2.5])],
  ['rules: lexicon (ru) 0.3', () => (RULES.lexiconRu = 0.3)],
  ['rules: lexicon (ru) 0.8', () => (RULES.lexiconRu = 0.8)],
  ['rules: no-evidence neutral 0.3', () => (RULES.noEvidenceNeutral = 0.3)],
  ['rules: no-evidence neutral 1.0', () => (RULES.noEvidenceNeutral = 1.0)],
  ['minCount 1', () => (HYPER.minCount = 1)],
  ['minCount 3', () => (HYPER.minCount = 3)]
]

const shipped = {
  groups: { ...FEATURE_GROUPS },
  weight: JSON.stringify(TARGET_WEIGHT),
  hyper: JSON.stringify(HYPER),
  rules: JSON.stringify(RULES)
}
const f = (x: number) => x.toFixed(3)
console.log(`RuSentNE-2023 train, ${examples.length} rows, 5 folds (seed 42), training seeds 1..${seeds}`)
for (const [i, [name, set]] of variants.entries()) {
  if (only.length && !only.includes(i)) continue
  Object.assign(FEATURE_GROUPS, shipped.groups)
  Object.assign(TARGET_WEIGHT, JSON.parse(shipped.weight))
  Object.assign(HYPER, JSON.parse(shipped.hyper))
  Object.assign(RULES, JSON.parse(shipped.rules))
  set()
  const full = Array.from(
    { length: seeds },
    (_, k) =>
      crossValidate(examples, {
        folds: 5,
        seed: 42,
        train: (ex) => trainStandaloneModel(ex, { seed: k + 1 })
      }).f1pn
  )
  const lex = crossValidate(examples, { folds: 5, seed: 42, train: () => lexiconOnlyModel() }).f1pn
  const mean = full.reduce((x, y) => x + y, 0) / full.length
  console.log(
    `${String(i).padStart(2)} ${name.padEnd(40)} full ${f(mean)}` +
      (seeds > 1 ? ` (${f(Math.min(...full))}–${f(Math.max(...full))})` : '') +
      `  lexicon only ${f(lex)}`
  )
}
