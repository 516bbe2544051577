import { describe, expect, it } from 'vitest'
import { detectLanguage } from '../../src/main/core/analysis/sentiment'

describe('detectLanguage', () => {
  it('tells Kazakh by its letters', () => {
    expect(detectLanguage('Әкімдік жолдарды жөндемеді, халық наразы')).toBe('kk')
    expect(detectLanguage('Қалада жаңа саябақ ашылды')).toBe('kk')
  })

  it('tells Kazakh by its function words when no Kazakh letter is there', () => {
    expect(detectLanguage('Бұл жол жаман, мен наразы')).toBe('kk')
    expect(detectLanguage('жолдар жаман емес деп айтты')).toBe('kk')
  })

  it('keeps Russian prose Russian even when it names a Kazakh body', () => {
    expect(detectLanguage('Акимат Алматы сообщил, что ремонт дорог завершён')).toBe('ru')
    expect(detectLanguage('В отчёте «Әкімдік» упоминается один раз, но речь идёт о городском бюджете')).toBe(
      'ru'
    )
  })

  it('calls a mostly Kazakh mixed text Kazakh', () => {
    expect(detectLanguage('Жолдар керемет, бірақ акимат ничего не делает, халық наразы')).toBe('kk')
  })

  it('knows English and gives up on the rest', () => {
    expect(detectLanguage('The city administration repaired the roads')).toBe('en')
    expect(detectLanguage('12345 !!! ...')).toBe('other')
    expect(detectLanguage('')).toBe('other')
  })
})
