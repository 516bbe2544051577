import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Sentiment } from '../../src/shared/types'
import { detectLanguage, loadBuiltinModel } from '../../src/main/core/analysis/sentiment'
import { analyse } from '../../src/main/core/analysis/sentiment/analyse'
import { loadLexicon } from '../../src/main/core/analysis/sentiment/lexicon'
import { lexiconScore } from '../../src/main/core/analysis/sentiment/lexicon-score'
import {
  isConcordNegator,
  isKazakhNegativeVerb,
  isNegativeProgressive,
  negatesAfterPrefix
} from '../../src/main/core/analysis/sentiment/kazakh'
import { isPlainKazakhWord } from '../../src/main/core/analysis/sentiment/language'

/**
 * The Kazakh rules of the sentiment analysis (resources/sentiment/lexicon-kk.json, kazakh.ts and the
 * Kazakh parts of lexicon.ts, patterns.ts, language.ts), one rule per test.
 */
const model = loadBuiltinModel()
const lex = loadLexicon()
const label = (text: string, target?: string | null) => model.classify(text, target).label
/** the lexicon's signed score of a text (no target) */
const score = (text: string) => lexiconScore(analyse(lex, text)).score
/** the hits of the lexicon in a text: the words as written and their signed weight */
const hits = (text: string) => {
  const a = analyse(lex, text)
  return a.lex.hits.map((h) => [a.text.slice(a.words[h.from]!.start, a.words[h.to - 1]!.end), h.weight])
}

describe('Kazakh lexicon: review and city-life words', () => {
  const positive = [
    'жақсы',
    'керемет',
    'тамаша',
    'әдемі',
    'ұнады',
    'рахмет',
    'ұсынамын',
    'сапалы',
    'жылдам',
    'таза',
    'ыңғайлы',
    'қолайлы',
    'дәмді',
    'сыпайы',
    'мұқият',
    'қолжетімді',
    'мінсіз',
    'тұрарлық',
    'көңілім толды',
    'рақмет',
    'қанағаттандым',
    'пайдасы тиді',
    'көмегіңіз үшін',
    'өкінбейсіз'
  ]
  const negative = [
    'нашар',
    'жаман',
    'сапасыз',
    'қымбат',
    'баяу',
    'лас',
    'ұнамады',
    'өкінішті',
    'алдау',
    'бұзылған',
    'істемейді',
    'жөндемеді',
    'шағым',
    'дәмсіз',
    'ыңғайсыз',
    'дөрекі',
    'кешікті',
    'ұсынбаймын',
    'көңілім қалды',
    'сапасы төмен',
    'қанағаттанбадым',
    'пайдасы тимеді',
    'көмегі тимеді',
    'түкке тұрғысыз',
    'курьер ұзақ келмеді',
    'ақша қайтарылмады'
  ]
  it.each(positive)('«%s» is praise', (w) => expect(score(w)).toBeGreaterThan(0))
  it.each(negative)('«%s» is blame', (w) => expect(score(w)).toBeLessThan(0))

  it('tells a word with -сыз (without) from its root: сапалы / сапасыз, ыңғайлы / ыңғайсыз', () => {
    expect(score('сапалы')).toBeGreaterThan(0)
    expect(score('сапасыз')).toBeLessThan(0)
    expect(score('ыңғайлы')).toBeGreaterThan(0)
    expect(score('ыңғайсыз')).toBeLessThan(0)
    // but «қауіпсіз» (safe) is praise
    expect(score('қауіпсіз')).toBeGreaterThan(0)
  })

  it('knows Kazakh typed without its letters and in Latin letters', () => {
    for (const w of ['жаксы', 'унады', 'усынамын', 'ракмет', 'keremet', 'rahmet', 'jaksy'])
      expect(score(w), w).toBeGreaterThan(0)
    for (const w of ['унамады', 'кымбат', 'nashar', 'jaman']) expect(score(w), w).toBeLessThan(0)
  })

  it('keeps «жайлы» (about) neutral after a pronoun, praise otherwise (comfortable)', () => {
    expect(score('бұл жайлы айтты')).toBe(0)
    expect(score('бөлме жайлы')).toBeGreaterThan(0)
  })

  it('does not read «қымбатты достар» (dear friends) or «жылдамдық» (speed) as a verdict', () => {
    expect(score('қымбатты достар')).toBe(0)
    expect(score('жылдамдық')).toBe(0)
    expect(score('жылдамдығы төмен')).toBeLessThan(0)
  })

  it('does not let a Kazakh entry hit Russian words', () => {
    for (const w of ['ласковый', 'тазы', 'унаследовал', 'тезис', 'арзамас']) expect(hits(w), w).toEqual([])
  })
})

describe('Kazakh negation', () => {
  it('flips a verb stem by its negative suffix -ма/-ме/-ба/-бе/-па/-пе', () => {
    expect(score('ұнады')).toBeGreaterThan(0)
    expect(score('ұнамады')).toBeLessThan(0)
    expect(score('ұнамайды')).toBeLessThan(0)
    expect(score('жөндеді')).toBeGreaterThan(0)
    expect(score('жөндемеді')).toBeLessThan(0)
    expect(score('көмектеспеді')).toBeLessThan(0)
  })

  it('tells negative verb forms by their ending', () => {
    for (const w of [
      'келмеді',
      'бармадым',
      'алмадық',
      'істемейді',
      'келмеймін',
      'өкінбейсіз',
      'көрсетпеді',
      'бармаңыз',
      'алмаңыздар',
      'бермейміз',
      'ұнамаған'
    ])
      expect(isKazakhNegativeVerb({ norm: w }), w).toBe(true)
    for (const w of ['келді', 'істейді', 'жақсымен', 'кітаптарды', 'адамдар'])
      expect(isKazakhNegativeVerb({ norm: w }), w).toBe(false)
  })

  it('negates a plain prefix entry in its negative verb form: ашылды / ашылмайды', () => {
    expect(negatesAfterPrefix({ norm: 'ашылмайды' }, 'майды')).toBe(true)
    expect(negatesAfterPrefix({ norm: 'жақсымен' }, 'мен')).toBe(false)
    expect(score('Қосымша ашылды')).toBeGreaterThan(0)
    expect(score('Қосымша ашылмайды')).toBeLessThan(0)
    // «кешікпей» (without delay) is not a complaint
    expect(score('кешікті')).toBeLessThan(0)
    expect(score('кешікпей жеткізді')).toBeGreaterThan(0)
  })

  it('reads the negative progressive (-май/-мей + жатыр/тұр) as a complaint', () => {
    expect(isNegativeProgressive({ norm: 'түспей' }, { norm: 'жатыр' })).toBe(true)
    expect(isNegativeProgressive({ norm: 'кірмей' }, { norm: 'тұр' })).toBe(true)
    expect(isNegativeProgressive({ norm: 'істеп' }, { norm: 'тұр' })).toBe(false)
    expect(isNegativeProgressive({ norm: 'түспей' }, { norm: 'тұрақты' })).toBe(false)
    expect(score('Төлем өтпей жатыр')).toBeLessThan(0)
    expect(label('Ақшам түспей жатыр')).toBe('negative')
    expect(label('Қосымша ашылмай жатыр')).toBe('negative')
    // an entry that already matched keeps its own weight (no double count)
    expect(hits('жауап бермей жатыр')).toHaveLength(1)
    expect(score('Жақсы жұмыс істеп тұр')).toBeGreaterThan(0)
  })

  it('negates the word before a negative verb of any person: «жақсы таппадым»', () => {
    expect(score('жақсы таппадым')).toBeLessThan(0)
    expect(score('жақсы көрмеймін')).toBeLessThan(0)
    // but a negative verb that is praise itself does not: «тамаша жер, өкінбейсіз» without the comma
    expect(score('тамаша жер өкінбейсіз')).toBeGreaterThan(score('тамаша жер'))
    expect(score('жақсы жұмыс істемейді')).toBeLessThan(score('жұмыс істемейді'))
  })

  it('negates with «емес» after the word', () => {
    expect(score('жақсы емес')).toBeLessThan(0)
    expect(score('сапалы емес')).toBeLessThan(0)
    // «жаман емес» is only not-bad: mild praise
    expect(score('жаман емес')).toBeGreaterThan(0)
    expect(score('жаман емес')).toBeLessThan(score('жақсы'))
    expect(label('Тамақ жақсы емес')).toBe('negative')
  })

  it('negates with «жоқ»: «сапа жоқ», «көмек жоқ», «проблема жоқ»', () => {
    expect(score('сапа жоқ')).toBeLessThan(0)
    expect(score('сапасы жоқ')).toBeLessThan(0)
    expect(score('көмек жоқ')).toBeLessThan(0)
    expect(score('проблема жоқ')).toBeGreaterThan(0)
    expect(score('проблема жок')).toBeGreaterThan(0)
  })

  it('negates with «еш», «ешқандай» before the word', () => {
    expect(score('ешқандай көмек')).toBeLessThan(0)
    expect(score('ешқандай проблема')).toBeGreaterThan(0)
    expect(label('Ешқандай проблема болған жоқ, бәрі жақсы')).toBe('positive')
  })

  it('counts «еш-» with a negative verb as one negation (negative concord)', () => {
    expect(isConcordNegator('ешқандай')).toBe(true)
    expect(isConcordNegator('ешкім')).toBe(true)
    expect(isConcordNegator('түк')).toBe(true)
    expect(isConcordNegator('не')).toBe(false)
    expect(score('ешқандай көмек көрсетпеді')).toBeLessThan(0)
    expect(score('еш су жоқ')).toBeLessThan(0)
    expect(score('түк істемеді')).toBeLessThan(0)
    expect(label('Ешқандай көмек көрсетпеді')).toBe('negative')
    expect(label('Енді ешқашан келмеймін')).toBe('negative')
  })
})

describe('Kazakh intensifiers and contrast', () => {
  it('strengthens a word after «өте», «тым», «аса», «нағыз», «қатты»', () => {
    for (const i of ['өте', 'тым', 'аса', 'нағыз', 'қатты', 'оте']) {
      expect(score(`${i} жақсы`), i).toBeGreaterThan(score('жақсы'))
      expect(score(`${i} нашар`), i).toBeLessThan(score('нашар'))
    }
  })

  it('weighs the part after «бірақ», «алайда», «бирак» more', () => {
    for (const c of ['бірақ', 'алайда', 'дегенмен', 'бирак']) {
      expect(score(`Жақсы, ${c} қымбат`), c).toBeLessThan(0)
      expect(score(`Қымбат, ${c} жақсы`), c).toBeGreaterThan(0)
    }
    expect(label('Бағасы арзан, бірақ сапасы нашар')).toBe('negative')
    expect(label('Сәл қымбаттау, бірақ сапасы керемет')).toBe('positive')
  })
})

describe('Kazakh language detection', () => {
  it('tells Kazakh typed on a Russian keyboard (no Kazakh-only letter)', () => {
    expect(detectLanguage('Оте жаксы дукен, сатушылар сыпайы')).toBe('kk')
    expect(detectLanguage('Рахмет, бари жаксы болды, унады')).toBe('kk')
    expect(detectLanguage('Кымбат жане сапасыз')).toBe('kk')
  })

  it('tells Kazakh-only verb and noun endings without Kazakh letters', () => {
    expect(isPlainKazakhWord('алмайды')).toBe(true)
    expect(isPlainKazakhWord('бармадым')).toBe(true)
    expect(isPlainKazakhWord('жолдарды')).toBe(true)
    for (const w of ['помады', 'команды', 'принимай', 'доллары', 'работы'])
      expect(isPlainKazakhWord(w), w).toBe(false)
  })

  it('calls a mixed review with Kazakh evidence Kazakh, a Russian one with a Kazakh word Russian', () => {
    expect(detectLanguage('Доставка быстрая, үлкен рахмет!')).toBe('kk')
    expect(detectLanguage('Тез жеткізе алмайды')).toBe('kk')
    expect(detectLanguage('Очень вкусно, керемет!')).toBe('ru')
    expect(detectLanguage('Акимат сообщил, что ремонт дорог завершён')).toBe('ru')
  })
})

/**
 * A HAND-WRITTEN SANITY SET, not an evaluation: Kazakh review-style sentences written for these rules
 * (test/sentiment/fixtures/kazakh-reviews-sanity.tsv, with and without Kazakh letters, mixed with
 * Russian). It guards the rules against regressions; it says nothing about held-out quality.
 */
describe('Kazakh review-style sanity set (hand-written, not an evaluation)', () => {
  const rows = readFileSync(join(__dirname, 'fixtures', 'kazakh-reviews-sanity.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t') as [Sentiment, string])

  it('labels nearly every sentence as written, and never turns praise into blame or back', () => {
    let right = 0
    for (const [want, text] of rows) {
      const got = label(text)
      if (got === want) right++
      if (want !== 'neutral') expect(got, text).not.toBe(want === 'positive' ? 'negative' : 'positive')
    }
    expect(rows.length).toBeGreaterThanOrEqual(50)
    expect(right / rows.length).toBeGreaterThanOrEqual(0.9)
  })
})
