import { normalizeText } from '../../../../shared/text'
import { SENTIMENTS, type Sentiment } from '../../../../shared/types'
import { mulberry32, shuffled } from './linear'
import type { LabelledExample, SentimentModel } from './model'

export interface Scores {
  f1pn: number
  accuracy: number
  perClass: Record<Sentiment, { precision: number; recall: number; f1: number }>
  n: number
}

/** F1_PN (macro F1 over positive and negative, the RuSentNE-2023 metric), accuracy and per-class figures. */
export function score(gold: Sentiment[], predicted: Sentiment[]): Scores {
  const perClass = {} as Scores['perClass']
  let correct = 0
  gold.forEach((g, i) => {
    if (g === predicted[i]) correct++
  })
  for (const c of SENTIMENTS) {
    let tp = 0
    let fp = 0
    let fn = 0
    gold.forEach((g, i) => {
      const p = predicted[i]
      if (g === c && p === c) tp++
      else if (p === c) fp++
      else if (g === c) fn++
    })
    const precision = tp + fp ? tp / (tp + fp) : 0
    const recall = tp + fn ? tp / (tp + fn) : 0
    perClass[c] = { precision, recall, f1: tp ? (2 * tp) / (2 * tp + fp + fn) : 0 }
  }
  return {
    f1pn: (perClass.negative.f1 + perClass.positive.f1) / 2,
    accuracy: gold.length ? correct / gold.length : 0,
    perClass,
    n: gold.length
  }
}

/**
 * Fold of each example. Examples with the same text go to the same fold: RuSentNE repeats a sentence
 * once per entity, and a sentence seen in training says too much about its twin in the test fold
 * (our held-out figure is on unseen sentences).
 */
export function assignFolds(texts: string[], folds: number, seed: number): Int32Array {
  const groupOf = new Map<string, number>()
  const group = texts.map((t) => {
    const k = normalizeText(t).replace(/\s+/g, ' ').trim()
    let g = groupOf.get(k)
    if (g === undefined) groupOf.set(k, (g = groupOf.size))
    return g
  })
  const order = shuffled(groupOf.size, mulberry32(seed))
  const foldOfGroup = new Int32Array(groupOf.size)
  order.forEach((g, r) => (foldOfGroup[g] = r % folds))
  return Int32Array.from(group, (g) => foldOfGroup[g]!)
}

export interface CrossValidateOptions {
  folds?: number
  seed?: number
  /** trains a model on the training folds; the default is the office's model over the built-in one */
  train?: (ex: LabelledExample[]) => SentimentModel
}

export function crossValidateWith(
  examples: LabelledExample[],
  train: (ex: LabelledExample[]) => SentimentModel,
  folds = 5,
  seed = 42
): Scores {
  const k = Math.max(2, Math.min(folds, examples.length))
  const fold = assignFolds(
    examples.map((e) => e.text),
    k,
    seed
  )
  const predicted = new Array<Sentiment>(examples.length)
  for (let f = 0; f < k; f++) {
    const trainSet = examples.filter((_, i) => fold[i] !== f)
    if (trainSet.length === 0) continue
    const model = train(trainSet)
    examples.forEach((e, i) => {
      if (fold[i] === f) predicted[i] = model.classify(e.text, e.target).label
    })
  }
  const kept = examples.map((_, i) => i).filter((i) => predicted[i] !== undefined)
  return score(
    kept.map((i) => examples[i]!.label),
    kept.map((i) => predicted[i]!)
  )
}

/** Training-set sizes of the learning curve (Settings): those below the number of labels are measured. */
export const CURVE_SIZES = [100, 250, 500, 1000, 2500, 5000, 10_000, 25_000, 50_000]

export interface CurvePoint {
  labels: number
  f1pn: number
  accuracy: number
  /** held-out examples the point was measured on */
  n: number
}
