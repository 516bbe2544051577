/**
 * What an office loses when its labels carry no target (a vendor export says how a post reads, not
 * toward whom) while `classify` is asked with one. RuSentNE-2023 split by sentence into three parts:
 * A trains a stand-in for the built-in model, B is the office's labels, C is held out (asked with targets).
 *   npx tsx bench/sentiment-target-loss.ts
 */
import { resolve } from 'node:path'
import { fitOfficeModel } from '../src/main/core/analysis/sentiment/office'
import { learnedModel, trainLearnedModel, scorePredictions } from '../src/main/core/analysis/sentiment'
import { assignFolds } from '../src/main/core/analysis/sentiment/evaluate'
import { findTrainingFile, readRuSentNE } from '../src/main/core/analysis/sentiment/rusentne'
import type { LinearSentimentModel } from '../src/main/core/analysis/sentiment/model'
import type { LabelledExample, SentimentModel } from '../src/main/core/analysis/sentiment'

const examples = readRuSentNE(findTrainingFile(resolve(__dirname, '..')))
const part = assignFolds(
  examples.map((e) => e.text),
  3,
  7
)
const A = examples.filter((_, i) => part[i] === 0)
const B = examples.filter((_, i) => part[i] === 1)
const C = examples.filter((_, i) => part[i] === 2)
const base = learnedModel(trainLearnedModel(A, { seed: 1, standalone: true })) as LinearSentimentModel

const f1 = (m: SentimentModel, test: LabelledExample[]) =>
  scorePredictions(
    test.map((e) => e.label),
    test.map((e) => m.classify(e.text, e.target).label)
  ).f1pn
const office = (labels: LabelledExample[]) => base.withLayer(fitOfficeModel(labels, base).data)

console.log(`A ${A.length} / B ${B.length} / C ${C.length} rows; F1_PN on C, asked with targets:`)
console.log(`stand-in built-in model (A only)           ${f1(base, C).toFixed(3)}`)
console.log(`+ office labels of B with their targets    ${f1(office(B), C).toFixed(3)}`)
console.log(
  `+ office labels of B without targets       ${f1(office(B.map((e) => ({ ...e, target: null }))), C).toFixed(3)}`
)
