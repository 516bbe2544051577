/**
 * Sentiment toward a target (an administration, an official) for Russian, Kazakh and mixed texts.
 * Built-in model: hand-written lexicons (resources/sentiment/lexicon-*.json) with negation, irony and
 * quoted-speech rules, feeding a linear model trained on RuSentNE-2023 (resources/sentiment/model.json,
 * made by scripts/train-sentiment.ts). An office can add its own labels: trainLearnedModel learns a
 * correction on top of the built-in weights.
 */
import { existsSync, readFileSync } from 'node:fs'
import { resourcePath } from '../../paths'
import type { Sentiment } from '../../../../shared/types'
import { crossValidateWith, type CrossValidateOptions, type Scores } from './evaluate'
import { loadLexicon } from './lexicon'
import { fitOfficeModel, type OfficeFit } from './office'
import {
  makeModel,
  prepare,
  trainPrepared,
  lexiconOnlyModel,
  type LabelledExample,
  type LearnedModelData,
  type LinearSentimentModel,
  type SentimentModel
} from './model'

export { detectLanguage, type Lang } from './language'
export type { SentimentResult, SentimentModel, LabelledExample, LearnedModelData } from './model'
export { lexiconOnlyModel } from './model'
export { score as scorePredictions, CURVE_SIZES, type Scores, type CurvePoint } from './evaluate'
export { STRENGTHS, type OfficeFit } from './office'
export { classifyJsonLines } from './jsonl'

let builtin: LinearSentimentModel | null = null

/** The shipped model (cached). Without model.json (not trained yet) the lexicon alone answers. */
export function loadBuiltinModel(): SentimentModel {
  return loadBuiltinLinear() ?? lexiconOnlyModel()
}

function loadBuiltinLinear(): LinearSentimentModel | null {
  if (builtin) return builtin
  const file = resourcePath('sentiment', 'model.json')
  if (!existsSync(file)) return null
  const data = JSON.parse(readFileSync(file, 'utf8')) as LearnedModelData
  builtin = makeModel('builtin', [data])
  return builtin
}

/**
 * Learns from an office's own labels. The result corrects the built-in model (stored as the difference),
 * so a few hundred labels shift answers on texts like theirs and leave the rest to the built-in model.
 * opts.standalone trains a model of its own from scratch instead (as the shipped one is trained).
 */
export function trainLearnedModel(
  examples: LabelledExample[],
  opts: { seed?: number; standalone?: boolean; epochs?: number } = {}
): LearnedModelData {
  const lex = loadLexicon()
  const base = opts.standalone ? null : loadBuiltinLinear()
  const prepared = examples.map((e) => prepare(lex, e.text, e.target))
  return trainPrepared(
    prepared,
    examples.map((e) => e.label),
    { seed: opts.seed, base, epochs: opts.epochs }
  )
}

/** The office's model: its weights added to the built-in model's (when it was trained as a correction). */
export function learnedModel(data: LearnedModelData, builtinModel?: SentimentModel): LinearSentimentModel {
  if (data.version !== 1) throw new Error(`unknown sentiment model version ${String(data.version)}`)
  if (data.base === 'none') return makeModel('learned', [data])
  const base =
    builtinModel && 'scores' in builtinModel ? (builtinModel as LinearSentimentModel) : loadBuiltinLinear()
  if (!base) return makeModel('learned', [data])
  return base.withLayer(data)
}

/**
 * Fixed-seed k-fold cross-validation; a text never sits in both the training and the test folds.
 * The default trainer is the office's model over the built-in one (right for an office's own labels;
 * for RuSentNE itself pass a standalone trainer: the shipped weights have seen that file).
 */
export function crossValidate(
  examples: LabelledExample[],
  opts: CrossValidateOptions = {}
): {
  f1pn: number
  accuracy: number
  perClass: Record<Sentiment, { precision: number; recall: number; f1: number }>
  n: number
} {
  const seed = opts.seed ?? 42
  const train = opts.train ?? ((ex: LabelledExample[]) => learnedModel(trainLearnedModel(ex, { seed })))
  const s: Scores = crossValidateWith(examples, train, opts.folds ?? 5, seed)
  return s
}

/**
 * The office's model from its labels: a correction over the built-in weights whose strength, quality and
 * learning curve come from one cross-validation (see office.ts).
 */
export function fitOffice(examples: LabelledExample[], opts: { seed?: number } = {}): OfficeFit {
  return fitOfficeModel(examples, loadBuiltinLinear(), opts)
}

/** A model trained from scratch on these examples (no built-in weights): for benchmarks on RuSentNE. */
export function trainStandaloneModel(
  examples: LabelledExample[],
  opts: { seed?: number } = {}
): SentimentModel {
  return learnedModel(trainLearnedModel(examples, { seed: opts.seed, standalone: true }))
}
