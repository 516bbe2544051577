import { describe, expect, it } from 'vitest'
import { AG_GRID_LOCALE_EN } from '@ag-grid-community/locale'
import { AG_GRID_LOCALE_RU } from '../../src/renderer/src/i18n/ag-grid/ru'
import { AG_GRID_LOCALE_KK } from '../../src/renderer/src/i18n/ag-grid/kk'

const en: Record<string, string> = AG_GRID_LOCALE_EN

// AG Grid fills `${name}` placeholders (positional `${variable}` and named ones such as `${chartType}`).
const PLACEHOLDER = /\$\{[A-Za-z]+\}/g

/**
 * Keys whose translation may stay byte-identical to the English text. Nothing else may.
 * - comparison operators: universal maths symbols; the advanced filter also parses them as typed;
 * - filterSummaryInRangeValues: only placeholders and punctuation, «(1, 5)» reads the same in any language;
 * - list/error separators and the "?" shown while the row count is unknown: punctuation;
 * - ctrl/shift shortcuts: printed like that on Russian and Kazakh keyboards.
 */
const SAME_AS_ENGLISH_ALLOWED = new Set([
  'filterSummaryEquals',
  'filterSummaryNotEqual',
  'filterSummaryGreaterThan',
  'filterSummaryGreaterThanOrEqual',
  'filterSummaryLessThan',
  'filterSummaryLessThanOrEqual',
  'advancedFilterEquals',
  'advancedFilterNotEqual',
  'advancedFilterGreaterThan',
  'advancedFilterGreaterThanOrEqual',
  'advancedFilterLessThan',
  'advancedFilterLessThanOrEqual',
  'filterSummaryInRangeValues',
  'filterSummaryListSeparator',
  'tooltipValidationErrorSeparator',
  'pageLastRowUnknown',
  'statusBarLastRowUnknown',
  'ctrlC',
  'ctrlX',
  'ctrlV',
  'shiftF2'
])

const placeholdersOf = (text: string): string[] => text.match(PLACEHOLDER) ?? []

const locales: Array<[string, Record<string, string>]> = [
  ['ru', AG_GRID_LOCALE_RU],
  ['kk', AG_GRID_LOCALE_KK]
]

describe('AG Grid English reference', () => {
  it('uses only ${name} placeholders, so checking that syntax covers every interpolation', () => {
    expect(Object.keys(en).length).toBeGreaterThan(800)
    for (const [key, text] of Object.entries(en)) {
      const rest = text.replace(PLACEHOLDER, '')
      expect(rest.includes('${'), `${key}: ${text}`).toBe(false)
    }
  })

  it('allow-list names only real keys', () => {
    for (const key of SAME_AS_ENGLISH_ALLOWED) expect(en[key], key).toBeDefined()
  })
})

describe.each(locales)('AG Grid locale %s', (_lang, locale) => {
  it('has exactly the English keys, in the English order', () => {
    expect(Object.keys(locale)).toEqual(Object.keys(en))
  })

  it('has no empty or whitespace-only value', () => {
    const blank = Object.entries(locale)
      .filter(([key, text]) => text.trim() === '' && key !== 'thousandSeparator')
      .map(([key]) => key)
    expect(blank).toEqual([])
    // The one legitimate blank: Russian and Kazakh group thousands with a (non-breaking) space.
    expect(locale.thousandSeparator).toBe('\u00a0')
  })

  it('keeps every placeholder of the English text, byte-for-byte and in order', () => {
    const broken: string[] = []
    for (const [key, englishText] of Object.entries(en)) {
      const translated = locale[key] ?? ''
      const expected = placeholdersOf(englishText)
      const actual = placeholdersOf(translated)
      const stray = translated.replace(PLACEHOLDER, '').includes('${')
      if (JSON.stringify(actual) !== JSON.stringify(expected) || stray) {
        broken.push(`${key}: ${translated}`)
      }
    }
    expect(broken).toEqual([])
  })

  it('translates every value except the allow-listed symbols and shortcuts', () => {
    const untranslated = Object.keys(en).filter(
      (key) => locale[key] === en[key] && !SAME_AS_ENGLISH_ALLOWED.has(key)
    )
    expect(untranslated).toEqual([])
  })

  it('has no Latin-only text left outside the allow-list', () => {
    // Catches half-done entries that differ from English only by case or punctuation.
    const latinOnly = Object.entries(locale)
      .filter(([key]) => !SAME_AS_ENGLISH_ALLOWED.has(key))
      .filter(([, text]) => /[A-Za-z]/.test(text.replace(PLACEHOLDER, '')) && !/[\u0400-\u04ff]/.test(text))
      .map(([key, text]) => `${key}: ${text}`)
    expect(latinOnly).toEqual([])
  })
})

describe('Kazakh locale', () => {
  it('is written with Kazakh letters, not a copy of the Russian one', () => {
    const withKazakhLetters = Object.values(AG_GRID_LOCALE_KK).filter((text) => /[әғқңөұүһі]/i.test(text))
    expect(withKazakhLetters.length).toBeGreaterThan(Object.keys(en).length / 2)
    const sameAsRussian = Object.keys(en).filter(
      (key) =>
        /[\u0400-\u04ff]{4}/.test(AG_GRID_LOCALE_KK[key] ?? '') &&
        AG_GRID_LOCALE_KK[key] === AG_GRID_LOCALE_RU[key]
    )
    // International words shared by both languages (Гистограмма, Ромб, Курсив...) stay few.
    expect(sameAsRussian.length).toBeLessThan(40)
  })
})
