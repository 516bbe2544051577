import { describe, expect, it } from 'vitest'
import { DICTS } from '../../src/main/core/report/i18n-labels'
import { en } from '../../src/renderer/src/i18n/en'
import { kk } from '../../src/renderer/src/i18n/kk'
import { ru } from '../../src/renderer/src/i18n/ru'

const UI = { ru, kk, en }

describe('the digest names sentiments as the pages do', () => {
  for (const lang of ['ru', 'kk', 'en'] as const) {
    it(`${lang}: the same word for negative, neutral, positive and unlabelled`, () => {
      const d = DICTS[lang]
      const ui = UI[lang]
      expect([d.negative, d.neutral, d.positive, d.unlabelled]).toEqual([
        ui['sentiment.negative'],
        ui['sentiment.neutral'],
        ui['sentiment.positive'],
        ui['sentiment.unlabelled']
      ])
      expect([d.figNegative, d.figNeutral, d.figPositive]).toEqual([d.negative, d.neutral, d.positive])
    })
  }

  it('kk: no «негатив»/«позитив» anywhere in the digest, as on the pages', () => {
    const words = Object.values(DICTS.kk).join('\n').toLowerCase()
    expect(words).not.toMatch(/негатив|позитив/)
    expect(DICTS.kk.negative).toBe('Жағымсыз')
    expect(DICTS.kk.positive).toBe('Жағымды')
  })
})
