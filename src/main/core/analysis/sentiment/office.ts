/**
 * The office's model: a correction learned from its own labels on top of the built-in weights, with
 * its strength chosen by cross-validation. Labels from one office are few and often noisy (a vendor's
 * sentiment column, labels toward a subject the text does not name); on texts the built-in model
 * already handles, a full-strength correction can do worse than none. So every fold scores the
 * built-in model plus the correction scaled by each of STRENGTHS, and the strength that does best
 * over the folds is the one kept (0 leaves the built-in model as it is).
 */
import type { Sentiment } from '../../../../shared/types'
import { assignFolds, CURVE_SIZES, score, type CurvePoint, type Scores } from './evaluate'
import { hashFeature } from './features'
import { loadLexicon } from './lexicon'
import { CLASSES, K, mulberry32, packWeights, scoreInto, shuffled, unpackWeights } from './linear'
import {
  makeModel,
  prepare,
  trainPrepared,
  type LabelledExample,
  type LearnedModelData,
  type LinearSentimentModel,
  type Prepared
} from './model'

/** Scales of the office's correction tried in cross-validation (1: as trained). */
export const STRENGTHS = [0, 0.1, 0.25, 0.5, 0.75, 1]

export interface OfficeFit {
  /** the correction, scaled by `strength`, to add to the built-in model */
  data: LearnedModelData
  /** 5-fold cross-validated quality at the chosen strength */
  quality: Scores
  strength: number
  /** the same at 100, 250, 500… labels (each point with its own best strength), then all labels */
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

/** Index of the largest class score; a tie goes to neutral, as the classifier decides. */
function decide(zb: Float64Array, zd: Float64Array, s: number): number {
  let best = 1
  let top = zb[1]! + s * zd[1]!
  for (let c = 0; c < K; c++) {
    const v = zb[c]! + s * zd[c]!
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

  /** Cross-validated scores of every strength with at most `size` training labels a fold. */
  const measure = (size: number): { strength: number; s: Scores } | null => {
    const predicted = strengths.map(() => new Array<Sentiment | undefined>(examples.length))
    for (let f = 0; f < k; f++) {
      const subset = pools[f]!.slice(0, size)
      if (subset.length === 0 || new Set(subset.map((i) => labels[i])).size < 2) continue
      const d = trainPrepared(
        subset.map((i) => prepared[i]!),
        subset.map((i) => labels[i]!),
        { seed, base }
      )
      prepared.forEach((p, i) => {
        if (fold[i] !== f) return
        const zd = deltaScores(d, p)
        strengths.forEach((s, j) => (predicted[j]![i] = CLASSES[decide(baseScores[i]!, zd, s)]!))
      })
    }
    let best: { strength: number; s: Scores } | null = null
    for (let j = strengths.length - 1; j >= 0; j--) {
      const strength = strengths[j]!
      const kept = labels.map((_, i) => i).filter((i) => predicted[j]![i] !== undefined)
      if (!kept.length) continue
      const s = score(
        kept.map((i) => labels[i]!),
        kept.map((i) => predicted[j]![i]!)
      )
      // strongest first, and a tie keeps it: the correction as trained is shrunk only when that measurably helps
      if (
        !best ||
        s.f1pn > best.s.f1pn + 1e-9 ||
        (Math.abs(s.f1pn - best.s.f1pn) <= 1e-9 && s.accuracy > best.s.accuracy + 1e-9)
      )
        best = { strength, s }
    }
    return best
  }

  const curve: CurvePoint[] = []
  const smallestPool = Math.min(...pools.map((p) => p.length))
  for (const size of opts.sizes ?? CURVE_SIZES) {
    if (size >= smallestPool) break
    const m = measure(size)
    if (m) curve.push({ labels: size, f1pn: m.s.f1pn, accuracy: m.s.accuracy, n: m.s.n })
  }
  const all = measure(Infinity)
  const strength = all?.strength ?? 0
  const quality = all?.s ?? score([], [])
  curve.push({ labels: examples.length, f1pn: quality.f1pn, accuracy: quality.accuracy, n: quality.n })

  const trained = trainPrepared(prepared, labels, { seed, base })
  const w = unpacked(trained)
  if (base) targetFree(w, examples)
  for (let i = 0; i < w.length; i++) w[i]! *= strength
  const data = { ...trained, weights: packWeights(w, trained.weights.dim) }
  return { data, quality, strength, curve }
}
