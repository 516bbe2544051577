import { describe, expect, it } from 'vitest'
import {
  fitOffice,
  learnedModel,
  loadBuiltinModel,
  scorePredictions,
  STRENGTHS,
  type LabelledExample
} from '../../src/main/core/analysis/sentiment'
import { NEUTRAL_BIASES } from '../../src/main/core/analysis/sentiment/office'
import { mulberry32, unpackWeights } from '../../src/main/core/analysis/sentiment/linear'
import { hashFeature } from '../../src/main/core/analysis/sentiment/features'

const builtin = loadBuiltinModel()
const PLACES = ['на Абая', 'в Самале', 'у школы', 'в парке', 'на Сейфуллина', 'во дворе', 'на остановке']
const THINGS = ['ремонт', 'освещение', 'вывоз мусора', 'разметка', 'отопление', 'автобус']

function posts(n: number, seed: number, noise: number): LabelledExample[] {
  const r = mulberry32(seed)
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)]!
  const out: LabelledExample[] = []
  for (let i = 0; i < n; i++) {
    const label = (['positive', 'negative', 'neutral'] as const)[i % 3]!
    const word =
      label === 'positive'
        ? pick(['годнота', 'топчик'])
        : label === 'negative'
          ? pick(['кринж', 'зашквар'])
          : ''
    const text = `${pick(THINGS)} ${pick(PLACES)} ${word} ${i % 5 ? '' : 'сегодня'}`.trim()
    const noisy = r() < noise
    out.push({
      text,
      label: noisy ? (['positive', 'negative', 'neutral'] as const)[Math.floor(r() * 3)]! : label
    })
  }
  return out
}

const f1pn = (m: { classify: (t: string) => { label: LabelledExample['label'] } }, ex: LabelledExample[]) =>
  scorePredictions(
    ex.map((e) => e.label),
    ex.map((e) => m.classify(e.text).label)
  ).f1pn

describe('the office model (fitOffice)', () => {
  it('keeps the full correction when the labels teach what the built-in model does not know', () => {
    const ex = posts(360, 1, 0)
    const fit = fitOffice(ex, { seed: 3 })
    expect(fit.strength).toBeGreaterThanOrEqual(0.75)
    expect(fit.quality.n).toBe(360)
    expect(fit.quality.f1pn).toBeGreaterThan(0.9)
    // the curve: 100 and 250 labels cross-validated, then all of them at the stored quality
    expect(fit.curve.map((p) => p.labels)).toEqual([100, 250, 360])
    expect(fit.curve.at(-1)!.f1pn).toBe(fit.quality.f1pn)
    expect(fit.curve[0]!.n).toBe(360)
    const fresh = posts(90, 99, 0)
    expect(f1pn(learnedModel(fit.data), fresh)).toBeGreaterThan(f1pn(builtin, fresh) + 0.3)
  })

  it('never does worse in cross-validation than the built-in model on the same labels', () => {
    // half the labels random: the correction learns noise as well as the words
    const ex = posts(240, 5, 0.5)
    const fit = fitOffice(ex, { seed: 3 })
    expect(STRENGTHS).toContain(fit.strength)
    expect(fit.quality.f1pn).toBeGreaterThanOrEqual(f1pn(builtin, ex) - 1e-9)
  })

  it('an emptied correction (strength 0) answers exactly as the built-in model', () => {
    const ex = posts(120, 7, 0)
    const fit = fitOffice(ex, { seed: 3 })
    const zero = { ...fit.data, weights: { ...fit.data.weights, rows: 0, index: '', values: '' } }
    const probe = ex.slice(0, 30)
    expect(probe.map((e) => learnedModel(zero).classify(e.text).label)).toEqual(
      probe.map((e) => builtin.classify(e.text).label)
    )
  })

  it('keeps the whole class bias of the correction when classify is given a target', () => {
    const fit = fitOffice(posts(120, 9, 0), { seed: 3 })
    const w = unpackWeights(fit.data.weights)
    const row = (name: string) => Array.from(w.subarray(hashFeature(name) * 3, hashFeature(name) * 3 + 3))
    expect(row('target:none')).toEqual([0, 0, 0])
    expect(row('bias').some((v) => v !== 0)).toBe(true)
  })

  it('chooses a neutral bias by cross-validation only for labels that carry their targets', () => {
    // labels toward «акимат»; a quarter of them flipped to neutral: a bias on neutral pays in F1_PN
    const ex = posts(240, 11, 0.25).map((e) => ({ ...e, text: `акимат: ${e.text}`, target: 'акимат' }))
    const fit = fitOffice(ex, { seed: 3 })
    expect(NEUTRAL_BIASES).toContain(fit.bias)
    expect(fit.bias).not.toBe(0)
    expect(fit.data.decisionBias).toEqual([0, fit.bias, 0])
    // the pair chosen is the best of the grid, so never worse than the built-in model on the labels
    expect(fit.quality.f1pn).toBeGreaterThanOrEqual(
      scorePredictions(
        ex.map((e) => e.label),
        ex.map((e) => builtin.classify(e.text, e.target).label)
      ).f1pn - 1e-9
    )
    // the model stored answers as cross-validation decided: the bias is on the correction's layer
    const m = learnedModel(fit.data)
    const shifted = { ...fit.data, decisionBias: [0, fit.bias + 1000, 0] as [number, number, number] }
    expect(ex.every((e) => learnedModel(shifted).classify(e.text, e.target).label === 'neutral')).toBe(true)
    expect(ex.some((e) => m.classify(e.text, e.target).label !== 'neutral')).toBe(true)
    // the same labels without their targets: no bias (it did not carry over to classify with a target)
    const free = fitOffice(
      ex.map((e) => ({ ...e, target: null })),
      { seed: 3 }
    )
    expect(free.bias).toBe(0)
    expect(free.data.decisionBias).toEqual([0, 0, 0])
  })
})
