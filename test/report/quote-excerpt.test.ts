import { describe, expect, it } from 'vitest'
import { chooseExcerpt, queryKeys, splitSentences, textKey } from '../../src/main/core/report/quote-excerpt'
import { QuoteLedger, sentenceScore } from '../../src/main/core/report/model-quotes'

const base = { score: sentenceScore, keys: new Set<string>(), max: 320, trusted: false }

describe('chooseExcerpt', () => {
  it('quotes the sentences carrying the criticism, not the opening notice', () => {
    const text =
      'Акимат сообщил о ходе подготовки котельных к отопительному сезону. Батареи холодные, а платёжки за отопление пришли как обычно. Коммунальщики издеваются.'
    expect(chooseExcerpt(text, { ...base, polarity: -1 })).toBe(
      'Батареи холодные, а платёжки за отопление пришли как обычно. Коммунальщики издеваются.'
    )
  })

  it('never repeats a sentence, and a neutral notice labelled negative by the model earns no quote', () => {
    const notice =
      'Акимат опубликовал данные мониторинга качества воздуха за неделю. Акимат опубликовал данные мониторинга качества воздуха за неделю.'
    expect(chooseExcerpt(notice, { ...base, polarity: -1 })).toBeNull()
    // Labelled by a person: quoted, once.
    expect(chooseExcerpt(notice, { ...base, polarity: -1, trusted: true })).toBe(
      'Акимат опубликовал данные мониторинга качества воздуха за неделю.'
    )
    const twice = 'Свалка мусора растёт, запах на весь квартал. Свалка мусора растёт, запах на весь квартал.'
    expect(chooseExcerpt(twice, { ...base, polarity: -1 })).toBe(
      'Свалка мусора растёт, запах на весь квартал.'
    )
  })

  it('prefers the sentence naming the problem and skips one repeating the title', () => {
    const text = 'Дети болеют. Третий день нет отопления, в квартире холодно.'
    const keys = queryKeys('отоплен* OR "горячая вода"')
    expect(chooseExcerpt(text, { ...base, polarity: -1, keys, max: 50 })).toBe(
      'Третий день нет отопления, в квартире холодно.'
    )
    expect(
      chooseExcerpt('Нет отопления. Батареи холодные, коммунальщики издеваются.', {
        ...base,
        polarity: -1,
        title: 'Нет отопления'
      })
    ).toBe('Батареи холодные, коммунальщики издеваются.')
  })

  it('quotes praise for the positive section and not the complaint beside it', () => {
    const text = 'Фонари не горят. Во дворе поставили новые скамейки, стало уютно.'
    expect(chooseExcerpt(text, { ...base, polarity: 1 })).toBe(
      'Во дворе поставили новые скамейки, стало уютно.'
    )
  })

  it('splits sentences and normalises keys', () => {
    expect(splitSentences('Холодно! Где аким?  Ждём…')).toEqual(['Холодно!', 'Где аким?', 'Ждём…'])
    expect(textKey('Ёлка, «АКИМАТА»!')).toBe('елка акимата')
  })
})

describe('QuoteLedger', () => {
  it('refuses the same text, the same title and near-duplicates', () => {
    const l = new QuoteLedger()
    l.add(1, {
      text: 'Парк в Алмалинском районе зарос мусором, фонари не горят, скамейки сломаны.',
      title: 'Открытие парка'
    })
    expect(l.hasStory(1)).toBe(true)
    expect(
      l.repeats({
        text: 'парк в алмалинском районе зарос мусором фонари не горят скамейки сломаны',
        title: null
      })
    ).toBe(true)
    expect(l.repeats({ text: 'Другое', title: 'Открытие парка!' })).toBe(true)
    expect(
      l.repeats({
        text: 'Парк в Алмалинском районе зарос мусором, фонари не горят, скамейки сломаны давно.',
        title: null
      })
    ).toBe(true)
    expect(
      l.repeats({ text: 'Автобус №84 опять не пришёл, стоим на остановке сорок минут.', title: null })
    ).toBe(false)
  })
})
