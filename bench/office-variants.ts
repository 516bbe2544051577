/**
 * Variants of the office's learned layer, measured held out. RuSentNE-2023 train split by sentence in
 * five parts (per split seed): part 0 trains a stand-in built-in model (the shipped one has seen every
 * row), parts 1–2 are the office's labels (imported: no target), parts 3–4 are held out and asked with
 * their targets, as `classify --db` is. Prints F1_PN on the held-out parts per split and the mean.
 *   npx tsx bench/office-variants.ts [--seeds 1,2,3] [--only name,name]
 */
import { resolve } from 'node:path'
import { loadavg } from 'node:os'
import { assignFolds, score } from '../src/main/core/analysis/sentiment/evaluate'
import { findTrainingFile, readRuSentNE } from '../src/main/core/analysis/sentiment/rusentne'
import { fitOfficeModel, OFFICE, type DeltaHyper } from '../src/main/core/analysis/sentiment/office'
import { DIM, type SparseVector } from '../src/main/core/analysis/sentiment/features'
import type { Analysis } from '../src/main/core/analysis/sentiment/analyse'
import { loadLexicon } from '../src/main/core/analysis/sentiment/lexicon'
import { CLASSES, K, scoreInto, trainLinear } from '../src/main/core/analysis/sentiment/linear'
import {
  HYPER,
  labelIndex,
  prepare,
  trainPrepared,
  type LinearSentimentModel,
  type Prepared
} from '../src/main/core/analysis/sentiment/model'
import { learnedModel, trainLearnedModel, type LabelledExample } from '../src/main/core/analysis/sentiment'
import type { Sentiment } from '../src/shared/types'

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : undefined
}
const seeds = (arg('--seeds') ?? '1,2,3').split(',').map(Number)
const only = arg('--only')?.split(',')
const lex = loadLexicon()
const rows = readRuSentNE(findTrainingFile(resolve(__dirname, '..')))
/**
 * --consistent: one row per sentence, only sentences whose every entity has the same label (2,997 of
 * 3,716): a text with one verdict, as a post toward one company mostly is; labels then lose nothing
 * by coming without a target.
 */
const consistent = process.argv.includes('--consistent')
function oneVerdict(ex: LabelledExample[]): LabelledExample[] {
  const labels = new Map<string, Set<string>>()
  for (const e of ex) labels.set(e.text, (labels.get(e.text) ?? new Set()).add(e.label))
  const seen = new Set<string>()
  return ex.filter((e) => labels.get(e.text)!.size === 1 && !seen.has(e.text) && seen.add(e.text))
}
const all = consistent ? oneVerdict(rows) : rows
/**
 * --weak N: the stand-in built-in model trained on only N rows of part 0, and the office's labels keep
 * their targets: labels that teach much more than the built-in model knows (as the tweets do,
 * 0.36 → 0.607), with nothing lost to a missing target.
 */
const weak = arg('--weak') ? Number(arg('--weak')) : 0

/*
 * Character n-grams for the office's layer only (tried, not kept): pieces of words, lower case, ё as е,
 * elongations squeezed («ооочень» → «оочень»), hashed into a space of their own past the built-in one.
 */
const OFFICE_BITS = 18
const OFFICE_DIM = 1 << OFFICE_BITS
const MASK = OFFICE_DIM - 1

/** Which n-grams: lengths `min`..`max` inside «^word$» (the marks tell a prefix or an ending). */
const CHAR_GRAMS = { min: 3, max: 5 }

function fnv(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return (h >>> 0) & MASK
}

/** «ооочень» → «оочень»: a letter repeated three times or more counts twice (elongation in posts). */
function squeeze(word: string): string {
  return word.replace(/(.)\1{2,}/gu, '$1$1')
}

/**
 * The office layer's own features of one text: character n-grams of its words (lower case, ё as е,
 * elongations squeezed), each counted once, the vector scaled to unit length.
 */
function officeFeatures(a: Analysis): SparseVector {
  const seen = new Set<number>()
  for (const w of a.words) {
    const word = '^' + squeeze(w.norm) + '$'
    if (word.length < 4) continue
    for (let n = CHAR_GRAMS.min; n <= CHAR_GRAMS.max; n++)
      for (let i = 0; i + n <= word.length; i++) seen.add(fnv(word.slice(i, i + n)))
  }
  const idx = Int32Array.from(seen).sort()
  const v = seen.size ? 1 / Math.sqrt(seen.size) : 0
  return { idx, val: new Float32Array(idx.length).fill(v) }
}

interface Data {
  base: LinearSentimentModel
  A: LabelledExample[]
  pa: Prepared[]
  xa: SparseVector[]
  za: Float64Array[]
  ya: Uint8Array
  B: LabelledExample[]
  pb: Prepared[]
  xb: SparseVector[]
  zb: Float64Array[]
}

/** x of the built-in features, then the office's own (shifted past DIM), the latter scaled by `m`. */
function joined(p: Prepared, m: number): SparseVector {
  if (m === 0) return p.x
  const o = officeFeatures(p.a)
  const idx = new Int32Array(p.x.idx.length + o.idx.length)
  const val = new Float32Array(idx.length)
  idx.set(p.x.idx)
  val.set(p.x.val)
  o.idx.forEach((f, j) => {
    idx[p.x.idx.length + j] = DIM + f
    val[p.x.idx.length + j] = o.val[j]! * m
  })
  return { idx, val }
}

interface Cfg {
  epochs?: number
  l2?: number
  lr?: number
  minCount?: number
  classWeight?: [number, number, number]
  chars?: number
  standalone?: boolean
  strength?: number
  bias?: [number, number, number]
}

function run(d: Data, c: Cfg): number {
  const m = c.chars ?? 0
  const xa = d.pa.map((p) => joined(p, m))
  const xb = d.pb.map((p) => joined(p, m))
  const w = trainLinear(xa, d.ya, {
    dim: DIM + (m ? OFFICE_DIM : 0),
    epochs: c.epochs ?? 30,
    l2: c.l2 ?? HYPER.delta.l2,
    lr: c.lr ?? HYPER.delta.lr,
    seed: 42,
    classWeight: c.classWeight ?? HYPER.classWeight,
    minCount: c.minCount ?? HYPER.delta.minCount,
    base: c.standalone ? undefined : d.za,
    average: true
  })
  const s = c.strength ?? 1
  const bias = c.bias ?? [0, 0, 0]
  const z = new Float64Array(K)
  const pred = xb.map((x, i) => {
    scoreInto(w, x, z)
    const v = (k: number): number => (c.standalone ? 0 : d.zb[i]![k]!) + s * z[k]! + bias[k]!
    // a tie goes to neutral, as the classifier decides
    let best = 1
    for (let k = 0; k < K; k++) if (v(k) > v(best)) best = k
    return CLASSES[best]! as Sentiment
  })
  return score(
    d.B.map((e) => e.label),
    pred
  ).f1pn
}

type Variant = [string, (d: Data) => number]
/** The office's model as `train` fits it (CV strength, with or without the two choices), on B. */
function fitted(
  d: Data,
  balancedWeights: boolean,
  tuneBias: boolean,
  delta: Partial<DeltaHyper> = {},
  maxEpochs = 30,
  extra: DeltaHyper[] = [],
  adaptWithoutTargets = true
): number {
  const hard = { ...HYPER.delta, maxEpochs: 30 }
  Object.assign(OFFICE, {
    balancedWeights,
    tuneBias,
    adaptWithoutTargets,
    deltas: [{ ...hard, maxEpochs, ...delta }, ...extra]
  })
  const fit = fitOfficeModel(d.A, d.base, { sizes: [] })
  const m = d.base.withLayer(fit.data)
  const f = score(
    d.B.map((e) => e.label),
    d.pb.map((p) => m.classifyPrepared(p).label)
  ).f1pn
  notes.push(
    `strength ${fit.strength}, bias ${fit.bias}, delta ${JSON.stringify(fit.hyper)}, CV ${fit.quality.f1pn.toFixed(3)}`
  )
  return f
}
const notes: string[] = []
const G1: DeltaHyper = { lr: 0.05, l2: 2e-3, minCount: 2, maxEpochs: 10 }
const G2: DeltaHyper = { lr: 0.05, l2: 2e-4, minCount: 2, maxEpochs: 3 }
const cw = HYPER.classWeight
const gentle: Cfg = { lr: 0.08, epochs: 6, minCount: 2, l2: 2e-4 }
const variants: Variant[] = [
  [
    'stand-in built-in alone (baseline)',
    (d) =>
      score(
        d.B.map((e) => e.label),
        d.pb.map((p) => d.base.classifyPrepared(p).label)
      ).f1pn
  ],
  ['fitOfficeModel as now (OFFICE defaults)', (d) => fitted(d, true, true, {}, 30, [], false)],
  ['fitOfficeModel before (CV strength)', (d) => fitted(d, false, false)],
  ['fitOfficeModel + balanced class weights', (d) => fitted(d, true, false)],
  ['fitOfficeModel + CV neutral bias', (d) => fitted(d, false, true)],
  ['fitOfficeModel + both', (d) => fitted(d, true, true)],
  ['fitOfficeModel, CV picks hard or G1', (d) => fitted(d, false, false, {}, 30, [G1])],
  ['fitOfficeModel, CV picks hard or G2', (d) => fitted(d, false, false, {}, 30, [G2])],
  ['fitOfficeModel, CV picks hard, G1 or G2', (d) => fitted(d, false, false, {}, 30, [G1, G2])],
  ['fitOfficeModel, G1 only', (d) => fitted(d, false, false, G1, G1.maxEpochs)],
  ['fitOfficeModel, G2 only', (d) => fitted(d, false, false, G2, G2.maxEpochs)],
  [
    'fitOfficeModel, CV picks hard, G1 or G2, + balanced + bias',
    (d) => fitted(d, true, true, {}, 30, [G1, G2])
  ],
  ['fitOfficeModel, delta lr 0.05', (d) => fitted(d, false, false, { lr: 0.05 })],
  ['fitOfficeModel, delta lr 0.05 minCount 2', (d) => fitted(d, false, false, { lr: 0.05, minCount: 2 })],
  ['fitOfficeModel, delta at most 10 epochs', (d) => fitted(d, false, false, {}, 10)],
  ['fitOfficeModel, delta L2 2e-3', (d) => fitted(d, false, false, { l2: 2e-3 })],
  [
    'fitOfficeModel, delta lr 0.05 L2 2e-3 minCount 2, 10 epochs',
    (d) => fitted(d, false, false, { lr: 0.05, l2: 2e-3, minCount: 2 }, 10)
  ],
  ['correction, strength 1', (d) => run(d, {})],
  ['correction, strength 0.5', (d) => run(d, { strength: 0.5 })],
  ['correction, strength 1.5', (d) => run(d, { strength: 1.5 })],
  ['correction, strength 2', (d) => run(d, { strength: 2 })],
  ['correction, 10 epochs', (d) => run(d, { epochs: 10 })],
  ['correction, 60 epochs', (d) => run(d, { epochs: 60 })],
  ['correction, L2 1e-4', (d) => run(d, { l2: 1e-4 })],
  ['correction, L2 2e-3', (d) => run(d, { l2: 2e-3 })],
  ['correction, lr 0.05', (d) => run(d, { lr: 0.05 })],
  ['correction, lr 0.4', (d) => run(d, { lr: 0.4 })],
  ['correction, minCount 2', (d) => run(d, { minCount: 2 })],
  ['correction, class weights 1/1/1', (d) => run(d, { classWeight: [1, 1, 1] })],
  [
    'correction, class weights x1.5 on P/N',
    (d) => run(d, { classWeight: [cw[0] * 1.5, cw[1], cw[2] * 1.5] })
  ],
  ['standalone (no built-in)', (d) => run(d, { standalone: true })],
  ['correction + char n-grams x1', (d) => run(d, { chars: 1 })],
  ['correction + char n-grams x2', (d) => run(d, { chars: 2 })],
  ['correction + char n-grams x0.5', (d) => run(d, { chars: 0.5 })],
  ['standalone + char n-grams x1', (d) => run(d, { standalone: true, chars: 1 })],
  ['correction, gentle (lr .08, 6 ep, minCount 2, L2 2e-4)', (d) => run(d, gentle)],
  ['correction, gentle, strength 0.5', (d) => run(d, { ...gentle, strength: 0.5 })],
  ['correction, gentle + char n-grams x0.5', (d) => run(d, { ...gentle, chars: 0.5 })],
  ['correction, gentle + char n-grams x1', (d) => run(d, { ...gentle, chars: 1 })],
  ['correction, 3 ep lr .05 minCount 2', (d) => run(d, { epochs: 3, lr: 0.05, minCount: 2, l2: 2e-4 })],
  ['standalone, gentle', (d) => run(d, { ...gentle, standalone: true })],
  ['standalone, gentle + char n-grams x1', (d) => run(d, { ...gentle, standalone: true, chars: 1 })],
  [
    'B asked without targets: built-in alone',
    (d) => {
      const pb = d.B.map((e) => prepare(lex, e.text, null))
      return score(
        d.B.map((e) => e.label),
        pb.map((p) => d.base.classifyPrepared(p).label)
      ).f1pn
    }
  ],
  [
    'B asked without targets: correction strength 1',
    (d) => {
      const pb = d.B.map((e) => prepare(lex, e.text, null))
      return run({ ...d, pb, zb: pb.map((p) => d.base.scores(p)) }, {})
    }
  ],
  [
    'B asked without targets: correction gentle',
    (d) => {
      const pb = d.B.map((e) => prepare(lex, e.text, null))
      return run({ ...d, pb, zb: pb.map((p) => d.base.scores(p)) }, gentle)
    }
  ],
  [
    'B asked without targets: standalone gentle',
    (d) => {
      const pb = d.B.map((e) => prepare(lex, e.text, null))
      return run({ ...d, pb, zb: pb.map((p) => d.base.scores(p)) }, { ...gentle, standalone: true })
    }
  ],
  [
    'labels with their targets: correction, strength 1',
    (d) => {
      const pa = d.A.map((e, i) => prepare(lex, e.text, all[aIdx[i]!]!.target))
      const za = pa.map((p) => d.base.scores(p))
      return run({ ...d, pa, za }, {})
    }
  ]
]
let aIdx: number[] = []

console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`
)
const results = new Map<string, number[]>()
for (const seed of seeds) {
  const part = assignFolds(
    all.map((e) => e.text),
    5,
    seed
  )
  const baseRows = all.filter((_, i) => part[i] === 0)
  const base = learnedModel(
    trainLearnedModel(weak ? baseRows.slice(0, weak) : baseRows, { seed: 1, standalone: true })
  ) as LinearSentimentModel
  aIdx = all.map((_, i) => i).filter((i) => part[i] === 1 || part[i] === 2)
  const A = aIdx.map((i) => ({ ...all[i]!, target: weak ? all[i]!.target : null }))
  const B = all.filter((_, i) => part[i]! >= 3)
  const pa = A.map((e) => prepare(lex, e.text, e.target))
  const pb = B.map((e) => prepare(lex, e.text, e.target))
  const d: Data = {
    base,
    A,
    pa,
    xa: pa.map((p) => p.x),
    za: pa.map((p) => base.scores(p)),
    ya: new Uint8Array(A.map((e) => labelIndex(e.label))),
    B,
    pb,
    xb: pb.map((p) => p.x),
    zb: pb.map((p) => base.scores(p))
  }
  for (const [name, f] of variants) {
    if (only && !only.some((o) => name.includes(o)) && !name.includes('baseline')) continue
    const t0 = process.cpuUsage()
    const v = f(d)
    const cpu = process.cpuUsage(t0)
    const r = results.get(name) ?? []
    r.push(v)
    results.set(name, r)
    console.log(
      `seed ${seed} ${name.padEnd(50)} ${v.toFixed(3)}  (${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU) ${notes.splice(0).join('; ')}`
    )
  }
}
console.log('\nF1_PN on the held-out parts, mean over splits (range):')
for (const [name, r] of results) {
  const mean = r.reduce((a, b) => a + b, 0) / r.length
  console.log(
    `  ${name.padEnd(50)} ${mean.toFixed(3)} (${Math.min(...r).toFixed(3)}–${Math.max(...r).toFixed(3)})`
  )
}
void trainPrepared
