/**
 * The office's model: a correction learned from its own labels on top of the built-in weights, with
 * its strength chosen by cross-validation. Labels from one office are few and often noisy (a vendor's
 * sentiment column, labels toward a subject the text does not name); on texts the built-in model
 * already handles, a full-strength correction can do worse than none. So every fold scores the
 * built-in model plus the correction scaled by each of STRENGTHS, and the strength that does best
 * over the folds is the one kept (0 leaves the built-in model as it is).
 *
 * When the labels carry their targets (a mention that matches a monitoring subject), two choices
 * follow the office's labels rather than RuSentNE's: the correction's class weights come from the
 * labels' own class shares, and a decision bias (neutral against the two polar classes) is chosen with
 * the strength on the same out-of-fold scores; cross-validation then asks as `classify` will. Labels
 * without a target are cross-validated without one while `classify` is asked with it, and what was
 * tuned there did not carry over (README, Analysis; bench/office-variants.ts, whose switches are OFFICE).
 */
import type { Sentiment } from '../../../../shared/types'
import { assignFolds, CURVE_SIZES, score, type CurvePoint, type Scores } from './evaluate'
import { DIM, hashFeature } from './features'
import { loadLexicon } from './lexicon'
import {
  CLASSES,
  K,
  mulberry32,
  packWeights,
  scoreInto,
  shuffled,
  trainLinear,
  unpackWeights
} from './linear'
import { nowDate } from '../../../../shared/clock'
import {
  HYPER,
  labelIndex,
  makeModel,
  RULES,
  prepare,
  trainPrepared,
  type LabelledExample,
  type LearnedModelData,
  type LinearSentimentModel,
  type Prepared
} from './model'

/** Scales of the office's correction tried in cross-validation (1: as trained). */
export const STRENGTHS = [0, 0.1, 0.25, 0.5, 0.75, 1]

/** Offsets added to «neutral» (against both polar classes) tried with each strength (0: none). */
export const NEUTRAL_BIASES = [0, -0.25, 0.25, -0.5, 0.5, -1, 1]

/** How the office's correction is trained and chosen (switches for the benches). */
export const OFFICE = {
  /** class weights of the correction from the labels' class shares (else HYPER.classWeight, RuSentNE's) */
  balancedWeights: true,
  /** choose a neutral decision bias with the strength by cross-validation */
  tuneBias: true,
  /**
   * …also for labels without targets (off: both choices lowered the held-out figure there, since
   * cross-validation without the target does not ask as `classify` with it does)
   */
  adaptWithoutTargets: false,
  /**
   * How hard the correction is trained: each of these is cross-validated, the best kept (the first on
   * a tie). HYPER.delta with up to 30 passes; gentler settings tried beside it gained nothing beyond noise.
   */
  deltas: [{ ...HYPER.delta, maxEpochs: 30 }] as DeltaHyper[]
}

/** Training settings of the office's correction. */
export interface DeltaHyper {
  l2: number
  lr: number
  minCount: number
  /** most passes over the labels (fewer for big sets, as trainPrepared) */
  maxEpochs: number
}

/**
 * Weights of the classes in the correction's loss: each class weighs as if the classes were equally
 * common (n / (3·n_c)), neutral scaled like the shipped weights (HYPER.classWeight: polar classes
 * about 4–5 times neutral on RuSentNE's 72 % neutral, which these shares give too). A class missing
 * from the labels keeps the shipped weight.
 */
export function classWeightsOf(labels: Sentiment[], adapt = true): [number, number, number] {
  if (!OFFICE.balancedWeights || !adapt) return HYPER.classWeight
  const n = [0, 0, 0]
  for (const l of labels) n[labelIndex(l)]!++
  return [0, 1, 2].map((c) => (n[c]! ? labels.length / (K * n[c]!) : HYPER.classWeight[c]!)) as [
    number,
    number,
    number
  ]
}

/** The correction on top of the built-in model's scores (theirs given, computed once). */
function trainCorrection(
  prepared: Prepared[],
  labels: Sentiment[],
  baseScores: Float64Array[],
  seed: number,
  h: DeltaHyper,
  classWeight: [number, number, number]
): LearnedModelData {
  const n = prepared.length
  const w = trainLinear(
    prepared.map((p) => p.x),
    new Uint8Array(labels.map(labelIndex)),
    {
      dim: DIM,
      // as trainPrepared: small sets get more passes
      epochs: Math.max(3, Math.min(h.maxEpochs, Math.round(300_000 / Math.max(1, n)))),
      l2: h.l2,
      lr: h.lr,
      seed,
      classWeight,
      minCount: h.minCount,
      base: baseScores,
      average: HYPER.average
    }
  )
  const classCounts = { negative: 0, neutral: 0, positive: 0 }
  for (const l of labels) classCounts[l]++
  return {
    version: 1,
    trainedAt: nowDate().toISOString(),
    n,
    base: 'builtin',
    classCounts,
    decisionBias: [0, 0, 0],
    weights: packWeights(w, DIM),
    rules: { ...RULES }
  }
}

export interface OfficeFit {
  /** the correction, scaled by `strength`, to add to the built-in model */
  data: LearnedModelData
  /** 5-fold cross-validated quality at the chosen strength and bias */
  quality: Scores
  strength: number
  /** added to the neutral score (chosen with the strength; stored in the correction's decisionBias) */
  bias: number
  /** how the correction was trained (the best of OFFICE.deltas in cross-validation) */
  hyper: DeltaHyper
  /** the same at 100, 250, 500… labels (each point with its own best strength and bias), then all labels */
  curve: CurvePoint[]
}

/**
 * An office's labels come without a target (an export says how a post reads, not toward whom), so
 * every training example carries the «no target given» feature, and its weight is half the
 * correction's class bias (the other half on «bias», always on too). `classify` with a target would
 * drop that half. Moving it onto «bias» changes nothing on the training texts and keeps the whole
 * correction whether or not a target is given.
 */
function targetFree(w: Float32Array, examples: LabelledExample[]): void {
  if (examples.some((e) => e.target)) return
  const from = hashFeature('target:none') * K
  const to = hashFeature('bias') * K
  for (let c = 0; c < K; c++) {
    w[to + c]! += w[from + c]!
    w[from + c] = 0
  }
}

/** Index of the largest class score (bias: added to neutral's); a tie goes to neutral, as the classifier decides. */
function decide(zb: Float64Array, zd: Float64Array, s: number, bias: number): number {
  let best = 1
  let top = zb[1]! + s * zd[1]! + bias
  for (let c = 0; c < K; c++) {
    const v = zb[c]! + s * zd[c]! + (c === 1 ? bias : 0)
    if (v > top) {
      top = v
      best = c
    }
  }
  return best
}

/**
 * Trains the office's correction on all examples after measuring, by k-fold cross-validation over
 * whole texts, the quality of each strength at every curve size and at all labels.
 * base: the built-in model (null: no shipped weights; the correction is then a model of its own).
 */
export function fitOfficeModel(
  examples: LabelledExample[],
  base: LinearSentimentModel | null,
  opts: { seed?: number; folds?: number; sizes?: number[] } = {}
): OfficeFit {
  const seed = opts.seed ?? 42
  const k = Math.max(2, Math.min(opts.folds ?? 5, examples.length))
  const lex = loadLexicon()
  const prepared: Prepared[] = examples.map((e) => prepare(lex, e.text, e.target))
  const labels = examples.map((e) => e.label)
  const zeros = new Float64Array(K)
  // Without shipped weights the correction is the whole model: its scores carry the rules as well.
  const baseScores = prepared.map((p) => (base ? base.scores(p) : zeros))
  const strengths = base ? STRENGTHS : [1]
  const cache = new WeakMap<LearnedModelData, Float32Array>()
  const unpacked = (d: LearnedModelData): Float32Array => {
    let w = cache.get(d)
    if (!w) cache.set(d, (w = unpackWeights(d.weights)))
    return w
  }
  const deltaScores = (d: LearnedModelData, p: Prepared): Float64Array => {
    if (!base) return makeModel('learned', [d], lex).scores(p)
    const out = new Float64Array(K)
    scoreInto(unpacked(d), p.x, out)
    return out
  }

  const fold = assignFolds(
    examples.map((e) => e.text),
    k,
    seed
  )
  const order = Array.from(shuffled(examples.length, mulberry32(seed + 1)))
  const pools = Array.from({ length: k }, (_, f) => order.filter((i) => fold[i] !== f))

  // cross-validation asks as classify will only when the labels carry their targets
  const adapt = examples.some((e) => e.target) || OFFICE.adaptWithoutTargets
  const train = (idx: number[], h: DeltaHyper): LearnedModelData => {
    const ps = idx.map((i) => prepared[i]!)
    const ls = idx.map((i) => labels[i]!)
    return base
      ? trainCorrection(
          ps,
          ls,
          idx.map((i) => baseScores[i]!),
          seed,
          h,
          classWeightsOf(ls, adapt)
        )
      : trainPrepared(ps, ls, { seed, base })
  }
  const biases = base && OFFICE.tuneBias && adapt ? NEUTRAL_BIASES : [0]

  /**
   * Cross-validated scores of the best strength and neutral bias with at most `size` training labels
   * a fold: the correction of each fold scores its held-out texts once, every pair is decided on those.
   */
  const measure = (size: number, h: DeltaHyper): { strength: number; bias: number; s: Scores } | null => {
    const zdOf = new Array<Float64Array | undefined>(examples.length)
    for (let f = 0; f < k; f++) {
      const subset = pools[f]!.slice(0, size)
      if (subset.length === 0 || new Set(subset.map((i) => labels[i])).size < 2) continue
      const d = train(subset, h)
      prepared.forEach((p, i) => {
        if (fold[i] === f) zdOf[i] = deltaScores(d, p)
      })
    }
    const kept = labels.map((_, i) => i).filter((i) => zdOf[i] !== undefined)
    if (!kept.length) return null
    const gold = kept.map((i) => labels[i]!)
    let best: { strength: number; bias: number; s: Scores } | null = null
    // strongest first and the smallest bias first, and a tie keeps them: the correction as trained is
    // shrunk, and a bias added, only when that measurably helps
    for (let j = strengths.length - 1; j >= 0; j--) {
      const strength = strengths[j]!
      for (const bias of biases) {
        const s = score(
          gold,
          kept.map((i) => CLASSES[decide(baseScores[i]!, zdOf[i]!, strength, bias)]!)
        )
        if (
          !best ||
          s.f1pn > best.s.f1pn + 1e-9 ||
          (Math.abs(s.f1pn - best.s.f1pn) <= 1e-9 && s.accuracy > best.s.accuracy + 1e-9)
        )
          best = { strength, bias, s }
      }
    }
    return best
  }

  // all labels first, with each way of training the correction; the best one makes the curve too
  const deltas = base ? OFFICE.deltas : OFFICE.deltas.slice(0, 1)
  let all: ReturnType<typeof measure> = null
  let hyper = deltas[0]!
  for (const h of deltas) {
    const m = measure(Infinity, h)
    if (m && (!all || m.s.f1pn > all.s.f1pn + 1e-9)) {
      all = m
      hyper = h
    }
  }
  const curve: CurvePoint[] = []
  const smallestPool = Math.min(...pools.map((p) => p.length))
  for (const size of opts.sizes ?? CURVE_SIZES) {
    if (size >= smallestPool) break
    const m = measure(size, hyper)
    if (m) curve.push({ labels: size, f1pn: m.s.f1pn, accuracy: m.s.accuracy, n: m.s.n })
  }
  const strength = all?.strength ?? 0
  const bias = all?.bias ?? 0
  const quality = all?.s ?? score([], [])
  curve.push({ labels: examples.length, f1pn: quality.f1pn, accuracy: quality.accuracy, n: quality.n })

  const trained = train(
    labels.map((_, i) => i),
    hyper
  )
  const w = unpacked(trained)
  if (base) targetFree(w, examples)
  for (let i = 0; i < w.length; i++) w[i]! *= strength
  const data: LearnedModelData = {
    ...trained,
    weights: packWeights(w, trained.weights.dim),
    ...(base ? { decisionBias: [0, bias, 0] as [number, number, number] } : {})
  }
  return { data, quality, strength, bias, hyper, curve }
}
