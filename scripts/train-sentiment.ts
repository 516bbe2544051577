/**
 * Trains the shipped sentiment model on RuSentNE-2023 (MIT) and writes resources/sentiment/model.json.
 * Deterministic: the same data gives the same file byte for byte.
 *   npx tsx scripts/train-sentiment.ts [path/to/rusentne2023-train.tsv]
 */
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { trainLearnedModel } from '../src/main/core/analysis/sentiment'
import { findTrainingFile, readRuSentNE } from '../src/main/core/analysis/sentiment/rusentne'

const repoRoot = resolve(__dirname, '..')
const file = process.argv[2] ?? findTrainingFile(repoRoot)
const examples = readRuSentNE(file)
const started = Date.now()
const data = trainLearnedModel(examples, { seed: 1, standalone: true })
const out = {
  ...data,
  // a fixed stamp keeps the file reproducible; the data set is what dates it
  trainedAt: '2023-03-01T00:00:00.000Z',
  source: 'RuSentNE-2023 train split (Golubev, Rusnachenko, Loukachevitch, 2023), MIT licence',
  rows: examples.length
}
const target = resolve(repoRoot, 'resources/sentiment/model.json')
writeFileSync(target, JSON.stringify(out) + '\n')
console.log(
  `trained on ${examples.length} rows from ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
    `${data.weights.rows} weight rows → ${target}`
)
