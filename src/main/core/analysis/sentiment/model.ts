import type { Sentiment } from '../../../../shared/types'
import { analyse, clauseText, distanceToTarget, type Analysis } from './analyse'
import { extractFeatures, hashFeature, DIM, type SparseVector } from './features'
import type { Lang } from './language'
import { loadLexicon, type LexHit, type Lexicon } from './lexicon'
import { lexiconConfidence, lexiconLabel, lexiconScore } from './lexicon-score'
import {
  CLASSES,
  K,
  packWeights,
  scoreInto,
  softmaxInPlace,
  trainLinear,
  unpackWeights,
  type PackedWeights
} from './linear'
import { nowDate } from '../../../../shared/clock'

export interface SentimentResult {
  label: Sentiment
  /** confidence 0..1 in the label */
  score: number
  /** words/phrases that drove it, as they appear in the text */
  explanation: string[]
  /** the clause that holds the strongest of those words, as written (absent for neutral and weights-only verdicts) */
  clause?: string
  lang: Lang
}

export interface SentimentModel {
  readonly kind: 'builtin' | 'learned'
  classify(text: string, target?: string | null): SentimentResult
}

export interface LabelledExample {
  text: string
  target?: string | null
  label: Sentiment
}

/** A trained linear layer, JSON-serialisable (the shipped model.json has this shape too). */
export interface LearnedModelData {
  version: 1
  trainedAt: string
  n: number
  /** 'builtin': these weights are a correction added to the built-in model's; 'none': a model on its own */
  base: 'builtin' | 'none'
  classCounts: Record<Sentiment, number>
  /** added to the class scores before the decision (tuned for F1 over positive and negative) */
  decisionBias: [number, number, number]
  weights: PackedWeights
  /** how the hand-written rules weigh in (see RULES); missing fields take the defaults */
  rules?: Partial<Rules>
}

/** How much the lexicon's own verdict and the rules add to the class scores. */
export interface Rules {
  /** per unit of lexicon score, Russian texts (the weights know Russian news already) */
  lexiconRu: number
  /** per unit of lexicon score, Kazakh and other texts (the weights know little of them) */
  lexiconOther: number
  /** per unit of lexicon score, Russian texts written like social posts (Analysis.social) */
  lexiconSocial: number
  /** added to «negative» when irony turned praise into blame */
  irony: number
  /** added to «neutral» when the target only speaks and the polarity words are in its speech */
  speakerNeutral: number
  /** added to «neutral» for Kazakh and other texts: with few known words, no evidence means neutral */
  otherNeutral: number
  /** added to «neutral» when the lexicon finds no polarity word at all */
  noEvidenceNeutral: number
}

export const RULES: Rules = {
  lexiconRu: 0.5,
  lexiconOther: 1.2,
  lexiconSocial: 1.2,
  irony: 1.5,
  speakerNeutral: 0.8,
  otherNeutral: 0.8,
  noEvidenceNeutral: 0.6
}

export const HYPER = {
  epochs: 6,
  l2: 2e-4,
  lr: 0.08,
  classWeight: [2.5, 0.6, 3] as [number, number, number],
  minCount: 2,
  average: true,
  decisionBias: [0, 0, 0] as [number, number, number],
  /** a model of its own learns on top of the rules' scores (as it is used), not beside them */
  trainWithRules: false,
  /** an office's correction: trained harder on fewer examples, kept small by L2 */
  delta: { l2: 5e-4, lr: 0.15, minCount: 1 }
}

export const labelIndex = (l: Sentiment): number => CLASSES.indexOf(l)

/** One (text, target) pair made ready for the linear layers. */
export interface Prepared {
  a: Analysis
  x: SparseVector
}

export function prepare(lex: Lexicon, text: string, target?: string | null): Prepared {
  const a = analyse(lex, text, target)
  return { a, x: extractFeatures(a) }
}

/**
 * What the hand-written rules add to the class scores. The training data is Russian news: for Kazakh
 * and other texts most stems are unknown to the weights, so the lexicon speaks louder there.
 */
export function addRuleScores(a: Analysis, rules: Rules, out: Float64Array): void {
  const ls = lexiconScore(a).score
  const lw = a.lang !== 'ru' ? rules.lexiconOther : a.social ? rules.lexiconSocial : rules.lexiconRu
  out[0]! += lw * Math.max(0, -ls)
  out[2]! += lw * Math.max(0, ls)
  if (a.lang !== 'ru') out[1]! += rules.otherNeutral
  if (!a.lex.hits.some((h) => h.weight !== 0) && a.lex.emoji === 0) out[1]! += rules.noEvidenceNeutral
  if (ls < 0 && (a.lex.ironyStrong || a.lex.hits.some((h) => h.ironic))) out[0]! += rules.irony
  // the target only speaks, and the polarity words are in its speech: an opinion about others
  const aboutTarget = (h: LexHit) =>
    (!h.quoted && distanceToTarget(h, a.spans) <= 2) || a.lex.contrasts.some((c) => c < h.from)
  if (a.targetSpeaks && ls !== 0 && !a.lex.hits.some(aboutTarget)) out[1]! += rules.speakerNeutral
}

interface Layer {
  w: Float32Array
  bias: [number, number, number]
}

/** A stack of linear layers over the same features (built-in, then an office's correction). */
export class LinearSentimentModel implements SentimentModel {
  constructor(
    readonly kind: 'builtin' | 'learned',
    private readonly layers: Layer[],
    private readonly lexicon: Lexicon,
    private readonly rules: Rules
  ) {}

  /** Class scores before the softmax. */
  scores(p: Prepared, out = new Float64Array(K)): Float64Array {
    const tmp = new Float64Array(K)
    out.fill(0)
    for (const layer of this.layers) {
      scoreInto(layer.w, p.x, tmp)
      for (let c = 0; c < K; c++) out[c]! += tmp[c]! + layer.bias[c]!
    }
    addRuleScores(p.a, this.rules, out)
    return out
  }

  classifyPrepared(p: Prepared): SentimentResult {
    const z = this.scores(p)
    softmaxInPlace(z)
    let best = 1
    for (let c = 0; c < K; c++) if (z[c]! > z[best]!) best = c
    const label = CLASSES[best]!
    const clause = decidingClause(p.a, best)
    return {
      label,
      score: z[best]!,
      explanation: this.explain(p, best),
      ...(clause ? { clause } : {}),
      lang: p.a.lang
    }
  }

  classify(text: string, target?: string | null): SentimentResult {
    return this.classifyPrepared(prepare(this.lexicon, text, target))
  }

  /** This model with an office's correction added on top. */
  withLayer(d: LearnedModelData): LinearSentimentModel {
    return new LinearSentimentModel('learned', [...this.layers, layerOf(d)], this.lexicon, this.rules)
  }

  /** Lexicon words that agree with the verdict; failing those, the words the weights leaned on most. */
  private explain(p: Prepared, cls: number): string[] {
    if (cls === 1) return []
    const sign = cls === 2 ? 1 : -1
    const out: string[] = []
    for (const part of lexiconScore(p.a).parts)
      if (part.value * sign > 0 && !out.includes(part.text)) out.push(part.text)
    if (out.length >= 1) return out.slice(0, 5)
    const byWord: Array<{ text: string; v: number }> = []
    for (const w of p.a.words) {
      const f = hashFeature('u:' + w.stem) * K
      let v = 0
      for (const layer of this.layers) v += layer.w[f + cls]! - layer.w[f + 1]!
      if (v > 0.05 && w.norm.length >= 4) byWord.push({ text: p.a.text.slice(w.start, w.end), v })
    }
    byWord.sort((x, y) => y.v - x.v)
    for (const b of byWord) if (out.length < 3 && !out.includes(b.text)) out.push(b.text)
    return out
  }
}

/** The clause of the strongest lexicon word that agrees with the verdict (cls: index in CLASSES). */
export function decidingClause(a: Analysis, cls: number): string | undefined {
  if (cls === 1) return undefined
  const sign = cls === 2 ? 1 : -1
  const top = lexiconScore(a).parts.find((part) => part.value * sign > 0 && part.at !== undefined)
  return top ? clauseText(a, top.at!) : undefined
}

export function layerOf(d: LearnedModelData): Layer {
  return { w: unpackWeights(d.weights), bias: d.decisionBias }
}

export function makeModel(
  kind: 'builtin' | 'learned',
  datas: LearnedModelData[],
  lexicon = loadLexicon()
): LinearSentimentModel {
  const rules = { ...RULES, ...datas[0]?.rules }
  return new LinearSentimentModel(kind, datas.map(layerOf), lexicon, rules)
}

export interface TrainOpts {
  seed?: number
  /** the model whose scores the new weights correct; none trains a model on its own */
  base?: LinearSentimentModel | null
  epochs?: number
}

/** Trains one linear layer on prepared examples (features computed once, reused by cross-validation). */
export function trainPrepared(
  prepared: Prepared[],
  labels: Sentiment[],
  opts: TrainOpts = {}
): LearnedModelData {
  const ys = new Uint8Array(labels.map(labelIndex))
  const base = opts.base ?? null
  const n = prepared.length
  // Fewer passes over big sets keep 100k examples within seconds; small sets need more passes.
  const epochs =
    opts.epochs ?? Math.max(3, Math.min(base ? 30 : HYPER.epochs, Math.round(300_000 / Math.max(1, n))))
  const w = trainLinear(
    prepared.map((p) => p.x),
    ys,
    {
      dim: DIM,
      epochs,
      l2: base ? HYPER.delta.l2 : HYPER.l2,
      lr: base ? HYPER.delta.lr : HYPER.lr,
      seed: opts.seed ?? 1,
      classWeight: HYPER.classWeight,
      minCount: base ? HYPER.delta.minCount : HYPER.minCount,
      // a correction learns on top of the built-in model's scores (rules included)
      base: base
        ? prepared.map((p) => base.scores(p))
        : HYPER.trainWithRules
          ? prepared.map((p) => {
              const out = new Float64Array(K)
              addRuleScores(p.a, RULES, out)
              return out
            })
          : undefined,
      average: HYPER.average
    }
  )
  const classCounts = { negative: 0, neutral: 0, positive: 0 }
  for (const l of labels) classCounts[l]++
  return {
    version: 1,
    trainedAt: nowDate().toISOString(),
    n,
    base: base ? 'builtin' : 'none',
    classCounts,
    decisionBias: base ? [0, 0, 0] : HYPER.decisionBias,
    weights: packWeights(w, DIM),
    rules: { ...RULES }
  }
}

export function lexiconOnlyModel(lexicon = loadLexicon(), threshold = 0.5): SentimentModel {
  return {
    kind: 'builtin',
    classify(text, target) {
      const a = analyse(lexicon, text, target)
      const { score, parts } = lexiconScore(a)
      const label = lexiconLabel(score, threshold)
      const sign = label === 'positive' ? 1 : label === 'negative' ? -1 : 0
      const clause = decidingClause(a, sign + 1)
      return {
        ...(clause ? { clause } : {}),
        label,
        score: lexiconConfidence(score, threshold),
        explanation:
          sign === 0
            ? []
            : parts
                .filter((p) => p.value * sign > 0)
                .map((p) => p.text)
                .slice(0, 5),
        lang: a.lang
      }
    }
  }
}
