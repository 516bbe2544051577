import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadBuiltinModel } from '../../src/main/core/analysis/sentiment'
import { findTrainingFile, readRuSentNE } from '../../src/main/core/analysis/sentiment/rusentne'

/**
 * Speed work on the classifier must not change a single answer: every RuSentNE text (with and without
 * its target) is classified and the answers (label, score, explanation, language) are compared, as one
 * digest per 500 texts, with the digests recorded before the work (test/sentiment/fixtures/golden-labels.json,
 * regenerate only for a deliberate model change with OTKLIK_WRITE_GOLDEN=1).
 */
const GOLDEN = join(__dirname, 'fixtures', 'golden-labels.json')

function digests(): string[] {
  const model = loadBuiltinModel()
  const examples = readRuSentNE(findTrainingFile(resolve(__dirname, '..', '..')))
  const out: string[] = []
  let h = createHash('sha256')
  examples.forEach((e, i) => {
    for (const target of [e.target, null]) {
      const r = model.classify(e.text, target)
      h.update(JSON.stringify([r.label, r.score, r.explanation, r.lang]) + '\n')
    }
    if ((i + 1) % 500 === 0 || i === examples.length - 1) {
      out.push(`${i + 1}:${h.digest('hex')}`)
      h = createHash('sha256')
    }
  })
  return out
}

describe('built-in classifier answers', () => {
  it('stay byte-identical on the RuSentNE texts', () => {
    const now = digests()
    if (process.env.OTKLIK_WRITE_GOLDEN === '1') writeFileSync(GOLDEN, JSON.stringify(now, null, 1) + '\n')
    const before = JSON.parse(readFileSync(GOLDEN, 'utf8')) as string[]
    expect(now.length).toBeGreaterThan(10)
    expect(now).toEqual(before)
  }, 120_000)
})
