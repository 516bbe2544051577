import { describe, expect, it } from 'vitest'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cli, json } from '../helpers/cli'
import { mulberry32 } from '../../src/main/core/analysis/sentiment/linear'

const dir = mkdtempSync(join(tmpdir(), 'otklik-train-'))

// Slang of social posts that news-trained weights and the lexicon do not know, mixed into varied
// neutral sentences: only the office's own labels can teach it.
const POSITIVE = ['огонь', 'топчик', 'зачёт', 'годнота', 'кайфово']
const NEGATIVE = ['кринж', 'треш', 'днище', 'зашквар', 'отстойно']
const FILLER = [
  'новая остановка на Абая',
  'ремонт дороги в микрорайоне',
  'вывоз мусора во дворе',
  'освещение в парке',
  'автобус номер двенадцать',
  'детская площадка у школы',
  'отопление в нашем доме',
  'разметка на перекрёстке'
]
const pick = <T>(xs: T[], r: () => number): T => xs[Math.floor(r() * xs.length)]!

function post(label: 'позитив' | 'негатив' | 'нейтрал', r: () => number): string {
  const topic = pick(FILLER, r)
  if (label === 'нейтрал') return `Сегодня обсуждали: ${topic}, подробности позже`
  const word = pick(label === 'позитив' ? POSITIVE : NEGATIVE, r)
  return r() < 0.5 ? `${topic} — просто ${word}` : `${word}, ${topic}, ну и дела`
}

function exportFile(name: string, n: number, seed: number): string {
  const r = mulberry32(seed)
  const labels = ['позитив', 'негатив', 'нейтрал'] as const
  const lines = ['Дата,Текст,URL,Тональность,Автор']
  for (let i = 0; i < n; i++) {
    const label = labels[i % 3]!
    const d = new Date(Date.UTC(2026, 9, 1, 8) + i * 60_000).toISOString().slice(0, 16).replace('T', ' ')
    lines.push(`${d},"${post(label, r)}",https://vk.com/wall-1_${seed}_${i},${label},Автор ${i % 9}`)
  }
  const file = join(dir, name)
  writeFileSync(file, lines.join('\n') + '\n')
  return file
}

interface TrainOut {
  kind: string
  labels: number
  quality: { f1pn: number; accuracy: number; perClass: Record<string, { f1: number }>; n: number } | null
  curve: { labels: number; f1pn: number }[]
  needed: number
}

const probes = [
  ...POSITIVE.map((w, i) => ({
    id: `p${i}`,
    text: `Что скажете про ${FILLER[i]}? По-моему ${w}`,
    want: 'positive'
  })),
  ...NEGATIVE.map((w, i) => ({
    id: `n${i}`,
    text: `Что скажете про ${FILLER[i]}? По-моему ${w}`,
    want: 'negative'
  }))
]
const input = probes.map((p) => JSON.stringify({ id: p.id, text: p.text })).join('\n') + '\n'
const labelsOf = (out: string): Map<string, string> =>
  new Map(
    out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; label: string })
      .map((o) => [o.id, o.label])
  )

describe('CLI: train', () => {
  it('with too few labels keeps the built-in model and says how many more are needed', () => {
    const db = join(dir, 'few.db')
    json(cli(['import', exportFile('few.csv', 12, 1), '--db', db, '--json']))
    const r = cli(['train', '--db', db, '--json'])
    expect(r.code).toBe(0)
    const out = json<TrainOut>(r)
    expect(out.kind).toBe('builtin')
    expect(out.labels).toBe(12)
    expect(out.needed).toBe(18)
    expect(out.quality?.n).toBe(12)
    expect(r.stderr).toMatch(/18 more needed/)
    // nothing learned: classify --db answers as the built-in model does
    const builtin = cli(['classify'], { input })
    expect(cli(['classify', '--db', db], { input }).stdout).toBe(builtin.stdout)
  })

  it('an empty workspace: zero labels, quality null, 30 needed', () => {
    const db = join(dir, 'empty.db')
    json(cli(['import', exportFile('none.csv', 0, 2), '--db', db, '--json']))
    const out = json<TrainOut>(cli(['train', '--db', db, '--json']))
    expect(out).toMatchObject({ kind: 'builtin', labels: 0, quality: null, needed: 30 })
  })

  it('learns the office’s labels from an import; classify --db then uses the learned model', () => {
    const db = join(dir, 'learn.db')
    json(cli(['import', exportFile('labelled.csv', 300, 3), '--db', db, '--json']))
    const before = labelsOf(cli(['classify', '--db', db], { input }).stdout)
    const out = json<TrainOut>(cli(['train', '--db', db, '--json']))
    expect(out.kind).toBe('learned')
    expect(out.labels).toBe(300)
    expect(out.quality!.n).toBe(300)
    expect(out.quality!.f1pn).toBeGreaterThan(0.9)
    expect(out.quality!.accuracy).toBeGreaterThan(0.9)
    expect(Object.keys(out.quality!.perClass).sort()).toEqual(['negative', 'neutral', 'positive'])
    // the object: kind, labels and quality {f1pn, accuracy, perClass, n}, beside the curve and schedule fields
    expect(Object.keys(out.quality!).sort()).toEqual(['accuracy', 'f1pn', 'n', 'perClass'])
    expect(Object.keys(out)).toEqual(expect.arrayContaining(['kind', 'labels', 'quality']))
    // the learning curve: 100 labels cross-validated (250 needs more than the 240 of four folds), then all 300
    expect(out.curve.map((p) => p.labels)).toEqual([100, 300])
    expect(out.curve.at(-1)!.f1pn).toBe(out.quality!.f1pn)
    const after = labelsOf(cli(['classify', '--db', db], { input }).stdout)
    const right = (m: Map<string, string>) => probes.filter((p) => m.get(p.id) === p.want).length
    expect(right(after)).toBeGreaterThanOrEqual(probes.length - 1)
    expect(right(after)).toBeGreaterThan(right(before))
    // the text form names the figure too
    expect(cli(['train', '--db', db]).stdout).toMatch(
      /Learned model trained on 300 labels.*F1_PN [01]\.\d{3}/
    )
  })

  it('refuses a database that does not exist', () => {
    const r = cli(['train', '--db', join(dir, 'missing.db'), '--json'])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/not found/)
  })
})
