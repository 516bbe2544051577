import { describe, expect, it } from 'vitest'
import { classifyJsonLines, loadBuiltinModel } from '../../src/main/core/analysis/sentiment'

describe('classifyJsonLines', () => {
  const model = loadBuiltinModel()

  it('answers one line per input line, and reports bad lines without stopping', () => {
    const input = [
      JSON.stringify({ id: '1', text: 'Акимат опять не убрал мусор, во дворах грязь', target: 'Акимат' }),
      '',
      '{not json',
      JSON.stringify({ id: 3, text: 'Әкімдіктің жаңа саябағы керемет' }),
      JSON.stringify({ id: '4' }),
      JSON.stringify(['a']),
      JSON.stringify({ id: '6', text: 'Аким встретился с жителями', target: 7 })
    ].join('\n')
    const out = classifyJsonLines(input, model)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(out).toHaveLength(6)
    expect(out[0]).toMatchObject({ id: '1', label: 'negative' })
    expect(typeof out[0]!.score).toBe('number')
    expect(out[1]).toMatchObject({ line: 3 })
    expect(String(out[1]!.error)).toMatch(/JSON/)
    expect(out[2]).toMatchObject({ id: 3, label: 'positive' })
    expect(out[3]).toMatchObject({ line: 5, error: 'missing "text" string' })
    expect(out[4]).toMatchObject({ line: 6 })
    expect(out[5]).toMatchObject({ line: 7 })
  })

  it('gives nothing for empty input', () => {
    expect(classifyJsonLines('', model)).toBe('')
  })
})
