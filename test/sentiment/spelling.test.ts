import { describe, expect, it } from 'vitest'
import { looseSame, looseSpelling } from '../../src/main/core/analysis/sentiment/spelling'

describe('loose spelling of names', () => {
  it('folds Cyrillic and the usual Latin spellings of one name together', () => {
    expect(looseSpelling('сбербанк')).toBe(looseSpelling('sberbank'))
    expect(looseSpelling('ростелеком')).toBe(looseSpelling('rostelecom'))
    expect(looseSpelling('хабаровск')).toBe(looseSpelling('khabarovsk'))
    expect(looseSpelling('ситибанк')).toBe(looseSpelling('citibank'))
    expect(looseSpelling('яндекс')).toBe(looseSpelling('yandex'))
    expect(looseSpelling('ақорда')).toBe(looseSpelling('акорда'))
    expect(looseSpelling('билайн')).not.toBe(looseSpelling('белайн'))
  })

  it('doubles letters once and keeps digits', () => {
    expect(looseSpelling('телле2')).toBe('tele2')
    expect(looseSpelling('ммм')).toBe('m')
  })

  it('takes a case ending, a number or a bank short name as the same name, and nothing else', () => {
    const same = (w: string, t: string) => looseSame(looseSpelling(w), looseSpelling(t))
    expect(same('sberbanka', 'сбербанк')).toBe(true)
    expect(same('втб24', 'втб')).toBe(true)
    expect(same('сбер', 'сбербанк')).toBe(true)
    expect(same('сбером', 'сбербанк')).toBe(true)
    expect(same('мтсом', 'мтс')).toBe(false) // 3 letters: too short for an ending
    expect(same('ивановка', 'иванов')).toBe(false)
    expect(same('сберкасса', 'сбербанк')).toBe(false)
    expect(same('втбшник', 'втб')).toBe(false)
  })
})
