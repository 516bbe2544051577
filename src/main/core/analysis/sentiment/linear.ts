import type { SparseVector } from './features'

/** Classes in weight order. */
export const CLASSES = ['negative', 'neutral', 'positive'] as const
export const K = 3

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function shuffled(n: number, rnd: () => number): Int32Array {
  const order = new Int32Array(n)
  for (let i = 0; i < n; i++) order[i] = i
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1))
    const t = order[i]!
    order[i] = order[j]!
    order[j] = t
  }
  return order
}

/** Class scores (log-odds up to a constant) of one example: w·x per class. */
export function scoreInto(w: Float32Array, x: SparseVector, out: Float64Array): void {
  out[0] = out[1] = out[2] = 0
  for (let j = 0; j < x.idx.length; j++) {
    const o = x.idx[j]! * K
    const v = x.val[j]!
    out[0]! += w[o]! * v
    out[1]! += w[o + 1]! * v
    out[2]! += w[o + 2]! * v
  }
}

export function softmaxInPlace(z: Float64Array): void {
  const m = Math.max(z[0]!, z[1]!, z[2]!)
  let s = 0
  for (let c = 0; c < K; c++) s += z[c] = Math.exp(z[c]! - m)
  for (let c = 0; c < K; c++) z[c]! /= s
}

export interface TrainOptions {
  dim: number
  epochs: number
  /** L2 strength per update of a feature */
  l2: number
  lr: number
  seed: number
  /** weight of an example of each class in the loss (F1_PN rewards recall of the rare classes) */
  classWeight: [number, number, number]
  /** a feature seen in fewer examples than this is not learned (rare words memorise) */
  minCount: number
  /** per-example fixed scores added before the softmax: the built-in model, when training an office's delta */
  base?: Float64Array[]
  /** return the mean of the weights after each of the later epochs (steadier on noisy labels) */
  average?: boolean
}

/**
 * Multinomial logistic regression by AdaGrad over sparse hashed features, deterministic for a seed.
 * Returns dim×3 weights.
 */
export function trainLinear(xs: SparseVector[], ys: Uint8Array, o: TrainOptions): Float32Array {
  const w = new Float32Array(o.dim * K)
  const g2 = new Float32Array(o.dim * K)
  const count = new Uint32Array(o.dim)
  for (const x of xs) for (let j = 0; j < x.idx.length; j++) count[x.idx[j]!]!++
  const rnd = mulberry32(o.seed)
  const z = new Float64Array(K)
  const avg = o.average ? new Float32Array(o.dim * K) : null
  let averaged = 0
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    const order = shuffled(xs.length, rnd)
    for (let t = 0; t < order.length; t++) {
      const i = order[t]!
      const x = xs[i]!
      const y = ys[i]!
      scoreInto(w, x, z)
      const b = o.base?.[i]
      if (b) for (let c = 0; c < K; c++) z[c]! += b[c]!
      softmaxInPlace(z)
      const cw = o.classWeight[y]!
      for (let j = 0; j < x.idx.length; j++) {
        const f = x.idx[j]!
        if (count[f]! < o.minCount) continue
        const v = x.val[j]!
        const base = f * K
        for (let c = 0; c < K; c++) {
          const k = base + c
          const grad = cw * (z[c]! - (c === y ? 1 : 0)) * v + o.l2 * w[k]!
          g2[k]! += grad * grad
          w[k]! -= (o.lr * grad) / Math.sqrt(g2[k]! + 1e-8)
        }
      }
    }
    if (avg && epoch >= Math.floor(o.epochs / 2)) {
      for (let k = 0; k < avg.length; k++) avg[k]! += w[k]!
      averaged++
    }
  }
  if (avg && averaged > 0) {
    for (let k = 0; k < avg.length; k++) avg[k]! /= averaged
    return avg
  }
  return w
}

/** Weights as JSON-friendly text: the non-zero rows, indices and float32 values in base64. */
export interface PackedWeights {
  dim: number
  rows: number
  index: string
  values: string
}

export function packWeights(w: Float32Array, dim: number, epsilon = 1e-4): PackedWeights {
  const keep: number[] = []
  for (let f = 0; f < dim; f++) {
    const o = f * K
    if (Math.abs(w[o]!) > epsilon || Math.abs(w[o + 1]!) > epsilon || Math.abs(w[o + 2]!) > epsilon)
      keep.push(f)
  }
  const index = new Int32Array(keep)
  const values = new Float32Array(keep.length * K)
  keep.forEach((f, r) => values.set(w.subarray(f * K, f * K + K), r * K))
  return {
    dim,
    rows: keep.length,
    index: Buffer.from(index.buffer).toString('base64'),
    values: Buffer.from(values.buffer).toString('base64')
  }
}

export function unpackWeights(p: PackedWeights): Float32Array {
  const w = new Float32Array(p.dim * K)
  const ib = Buffer.from(p.index, 'base64')
  const vb = Buffer.from(p.values, 'base64')
  const index = new Int32Array(ib.buffer.slice(ib.byteOffset, ib.byteOffset + ib.byteLength))
  const values = new Float32Array(vb.buffer.slice(vb.byteOffset, vb.byteOffset + vb.byteLength))
  if (index.length !== p.rows || values.length !== p.rows * K)
    throw new Error('sentiment weights are damaged')
  index.forEach((f, r) => w.set(values.subarray(r * K, r * K + K), f * K))
  return w
}
