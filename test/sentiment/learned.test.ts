import { describe, expect, it } from 'vitest'
import {
  crossValidate,
  learnedModel,
  loadBuiltinModel,
  trainLearnedModel,
  type LabelledExample,
  type LearnedModelData
} from '../../src/main/core/analysis/sentiment'

const builtin = loadBuiltinModel()

// An office's own labels: residents keep writing about «отсыпка щебнем» (gravel instead of asphalt),
// which the built-in model sees as neutral news; the office knows it is a complaint.
const streets = [
  'Абая',
  'Сейфуллина',
  'Гагарина',
  'Жандосова',
  'Розыбакиева',
  'Тимирязева',
  'Момышулы',
  'Саина'
]
const office: LabelledExample[] = [
  ...streets.map((s) => ({
    text: `На улице ${s} снова провели отсыпку щебнем вместо асфальта`,
    target: 'акимат',
    label: 'negative' as const
  })),
  ...streets.map((s) => ({
    text: `Акимат обещает отсыпку щебнем во дворе на ${s}`,
    target: 'акимат',
    label: 'negative' as const
  })),
  ...streets.map((s) => ({
    text: `Акимат опубликовал график приёма граждан на ${s}`,
    target: 'акимат',
    label: 'neutral' as const
  })),
  ...streets.map((s) => ({
    text: `На ${s} открыли новую спортивную площадку, дети рады`,
    target: 'акимат',
    label: 'positive' as const
  }))
]
const unseen = 'Во дворе на улице Толе би провели отсыпку щебнем вместо асфальта'

describe('an office model over the built-in one', () => {
  it('learns the office labels: a recurring phrase flips from neutral to negative', () => {
    expect(builtin.classify(unseen, 'акимат').label).toBe('neutral')
    const data = trainLearnedModel(office, { seed: 7 })
    const m = learnedModel(data, builtin)
    expect(m.kind).toBe('learned')
    expect(m.classify(unseen, 'акимат').label).toBe('negative')
    // what the office did not teach is still answered by the built-in model
    expect(m.classify('Әкімдіктің жаңа саябағы керемет', 'Әкімдік').label).toBe('positive')
    expect(m.classify('Суд признал мэра виновным в получении взятки', 'мэра').label).toBe('negative')
  })

  it('is plain JSON, survives a round trip, and is deterministic for a seed', () => {
    const a = trainLearnedModel(office, { seed: 3 })
    const b = trainLearnedModel(office, { seed: 3 })
    expect(a.weights).toEqual(b.weights)
    expect(a.version).toBe(1)
    expect(a.n).toBe(office.length)
    const copy = JSON.parse(JSON.stringify(a)) as LearnedModelData
    const m1 = learnedModel(a)
    const m2 = learnedModel(copy)
    for (const e of office) expect(m2.classify(e.text, e.target)).toEqual(m1.classify(e.text, e.target))
  })

  it('trains a standalone model too', () => {
    const data = trainLearnedModel(office, { seed: 1, standalone: true })
    expect(data.base).toBe('none')
    const m = learnedModel(data)
    expect(m.classify(unseen, 'акимат').label).toBe('negative')
  })

  it('rejects an unknown format version', () => {
    const data = { ...trainLearnedModel(office.slice(0, 4)), version: 2 } as unknown as LearnedModelData
    expect(() => learnedModel(data)).toThrow(/version/)
  })
})

describe('crossValidate', () => {
  // a synthetic set where the answer is in the words: positive, negative and neutral templates
  const synthetic: LabelledExample[] = []
  const places = [
    'парке',
    'школе',
    'больнице',
    'дворе',
    'сквере',
    'библиотеке',
    'поликлинике',
    'стадионе',
    'рынке',
    'остановке'
  ]
  for (const p of places) {
    synthetic.push({
      text: `Спасибо акимату за отличный ремонт в ${p}`,
      target: 'акимату',
      label: 'positive'
    })
    synthetic.push({ text: `В ${p} всё прекрасно, акимат молодцы`, target: 'акимат', label: 'positive' })
    synthetic.push({ text: `Акимат развалил всё в ${p}, ужас и позор`, target: 'Акимат', label: 'negative' })
    synthetic.push({ text: `В ${p} грязь и мусор, акимат бездействует`, target: 'акимат', label: 'negative' })
    synthetic.push({
      text: `Акимат опубликовал расписание работы в ${p}`,
      target: 'Акимат',
      label: 'neutral'
    })
    synthetic.push({ text: `В ${p} акимат провёл плановое собрание`, target: 'акимат', label: 'neutral' })
  }

  it('returns sane numbers on a synthetic set', () => {
    const r = crossValidate(synthetic, { folds: 5, seed: 1 })
    expect(r.n).toBe(synthetic.length)
    expect(r.f1pn).toBeGreaterThan(0.8)
    expect(r.accuracy).toBeGreaterThan(0.7)
    for (const c of ['negative', 'neutral', 'positive'] as const) {
      expect(r.perClass[c].precision).toBeGreaterThanOrEqual(0)
      expect(r.perClass[c].recall).toBeLessThanOrEqual(1)
    }
  })

  it('scores a model that always says neutral at F1_PN 0, and never trains on the test fold', () => {
    const seen: string[][] = []
    const r = crossValidate(synthetic, {
      folds: 3,
      seed: 2,
      train: (ex) => {
        seen.push(ex.map((e) => e.text))
        return {
          kind: 'learned',
          classify: () => ({ label: 'neutral', score: 1, explanation: [], lang: 'ru' })
        }
      }
    })
    expect(r.f1pn).toBe(0)
    expect(r.accuracy).toBeCloseTo(1 / 3, 5)
    expect(seen).toHaveLength(3)
    // each example is left out of exactly one training set
    for (const e of synthetic) expect(seen.filter((s) => s.includes(e.text))).toHaveLength(2)
  })
})
