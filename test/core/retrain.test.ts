import { describe, expect, it } from 'vitest'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  modelInfo,
  retrainDue,
  trainOfficeModel,
  MIN_OFFICE_LABELS,
  RETRAIN_EVERY_CORRECTIONS
} from '../../src/main/core/analysis/models'
import { importFile } from '../../src/main/core/import'
import { setManualSentiment } from '../../src/main/core/mentions/labels'
import { tempDb } from '../helpers/db'

function csv(dir: string, name: string, n: number, withSentiment: boolean): string {
  const tones = ['негатив', 'позитив', 'нейтрал']
  const lines = [withSentiment ? 'Дата,Текст,URL,Тональность' : 'Дата,Текст,URL']
  for (let i = 0; i < n; i++) {
    const d = `2026-10-0${1 + (i % 9)} 1${i % 10}:00`
    const text = `Жители ${name} пишут о дворе номер ${i}: ${i % 3 ? 'спасибо за ремонт' : 'снова яма'}`
    lines.push(`${d},${text},https://vk.com/wall-2_${name}${i}${withSentiment ? ',' + tones[i % 3] : ''}`)
  }
  const file = join(dir, `${name}.csv`)
  writeFileSync(file, lines.join('\n') + '\n')
  return file
}

describe('when the office model retrains (retrainDue)', () => {
  it('an import retrains when it brings labels, not when it brings none', async () => {
    const { db, dir } = tempDb('retrain-import')
    const plain = await importFile(db, csv(dir, 'plain', 10, false))
    expect(retrainDue(db, { kind: 'import', batchId: plain.batchId! })).toBe(false)
    const labelled = await importFile(db, csv(dir, 'labelled', 10, true))
    expect(retrainDue(db, { kind: 'import', batchId: labelled.batchId! })).toBe(true)
    // the same export again: its rows are duplicates, and still bring their labels
    const again = await importFile(db, csv(dir, 'labelled', 10, true))
    expect(again.inserted).toBe(0)
    expect(retrainDue(db, { kind: 'import', batchId: again.batchId! })).toBe(true)
  })

  it('corrections: the first model once there are enough labels, then every N corrections', async () => {
    const { db, dir } = tempDb('retrain-manual')
    await importFile(db, csv(dir, 'unlabelled', 80, false))
    const ids = db.prepare('SELECT id FROM mentions ORDER BY id').pluck().all() as number[]
    const t = Date.UTC(2026, 10, 1)
    setManualSentiment(db, ids.slice(0, 20), 'negative', 'staff', t)
    expect(retrainDue(db, { kind: 'manual', count: 20 })).toBe(false) // 20 < MIN_OFFICE_LABELS
    setManualSentiment(db, ids.slice(20, MIN_OFFICE_LABELS), 'positive', 'staff', t)
    expect(retrainDue(db, { kind: 'manual', count: 10 })).toBe(true)
    expect(trainOfficeModel(db, { now: t + 1000 }).kind).toBe('learned')
    expect(modelInfo(db).trainedAt).toBe(t + 1000)
    const more = ids.slice(MIN_OFFICE_LABELS, MIN_OFFICE_LABELS + RETRAIN_EVERY_CORRECTIONS)
    setManualSentiment(db, more.slice(0, -1), 'neutral', 'staff', t + 2000)
    expect(retrainDue(db, { kind: 'manual', count: more.length - 1 })).toBe(false)
    setManualSentiment(db, more.slice(-1), 'neutral', 'staff', t + 3000)
    expect(retrainDue(db, { kind: 'manual', count: 1 })).toBe(true)
    expect(retrainDue(db, { kind: 'manual', count: 0 })).toBe(false)
  })
})
