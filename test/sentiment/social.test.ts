import { describe, expect, it } from 'vitest'
import { lexiconOnlyModel, loadBuiltinModel } from '../../src/main/core/analysis/sentiment'
import { analyse } from '../../src/main/core/analysis/sentiment/analyse'
import { extractFeatures, hashFeature } from '../../src/main/core/analysis/sentiment/features'
import { loadLexicon } from '../../src/main/core/analysis/sentiment/lexicon'
import { lexiconScore } from '../../src/main/core/analysis/sentiment/lexicon-score'
import {
  collapseElongation,
  noiseEnd,
  setSocialNormalisation,
  tokenizeWithOffsets
} from '../../src/main/core/analysis/sentiment/tokens'

// Short posts written for these tests (no evaluation rows): the answers are obvious to a reader.
const model = loadBuiltinModel()
const label = (text: string, target?: string | null) => model.classify(text, target).label
const lexScore = (text: string, target?: string | null) =>
  lexiconScore(analyse(loadLexicon(), text, target)).score
const words = (text: string) =>
  tokenizeWithOffsets(text)
    .filter((t) => t.kind === 'w')
    .map((t) => t.norm)

describe('social-post normalisation', () => {
  it('writes stretched letters once', () => {
    expect(collapseElongation('ужааааас')).toBe('ужас')
    expect(collapseElongation('спасибоооо')).toBe('спасибо')
    expect(collapseElongation('ддддаааа')).toBe('да')
    expect(collapseElongation('классссно')).toBe('класно')
    // doubled letters are spelling, not stretching; three consonants and Latin letters stay
    expect(collapseElongation('классно')).toBe('классно')
    expect(collapseElongation('ввод')).toBe('ввод')
    expect(collapseElongation('ссср')).toBe('ссср')
    expect(collapseElongation('xiii')).toBe('xiii')
    expect(words('Ужаааас, опять нет светаааа')).toEqual(['ужас', 'опять', 'нет', 'света'])
  })

  it('reads a stretched word as the word', () => {
    expect(lexScore('ужаааасный сервис')).toBeLessThan(0)
    expect(label('Спасибоооо, МТС!', 'МТС')).toBe('positive')
  })

  it('drops links and the repost prefix, keeps mentions and hashtags as words', () => {
    expect(words('RT @bank_news: Сбербанк снизил ставки https://t.co/Ab12 www.sberbank.ru')).toEqual([
      'сбербанк',
      'снизил',
      'ставки'
    ])
    expect(words('@sberbank помогите #позор')).toEqual(['sberbank', 'помогите', 'позор'])
    // «RT» that is not a repost prefix, and «http» that is not a link, stay words
    expect(words('RT это канал')).toEqual(['rt', 'это', 'канал'])
    expect(words('протокол http устарел')).toEqual(['протокол', 'http', 'устарел'])
    expect(noiseEnd('смотри https://x.ru/a.b?c=1 тут', 7)).toBe(27)
    expect(noiseEnd('смотри https://x.ru', 3)).toBe(-1)
  })

  it('a link does not cut the sentence: the praise after it still reaches the target', () => {
    const a = analyse(loadLexicon(), 'Билайн http://t.co/x.y.z спасибо', 'Билайн')
    expect(a.reach[0]).toBe(1)
  })

  it('can be switched off (benchmarks measure both)', () => {
    setSocialNormalisation(false)
    try {
      expect(words('ужааас http://t.co')).toEqual(['ужааас', 'http', 't', 'co'])
    } finally {
      setSocialNormalisation(true)
    }
    expect(words('ужааас http://t.co')).toEqual(['ужас'])
  })
})

describe('telling a social post from news', () => {
  const social = (text: string) => analyse(loadLexicon(), text, null).social
  it('marks: mentions, hashtags, links, emoticons, emoji, stretched letters, «!!», no capital at all', () => {
    expect(social('@mts_support когда починят')).toBe(true)
    expect(social('Опять #позор')).toBe(true)
    expect(social('Смотрите https://t.co/x')).toBe(true)
    expect(social('Спасибо)))')).toBe(true)
    expect(social('Спасибо 👍')).toBe(true)
    expect(social('Ужааас')).toBe(true)
    expect(social('Сколько можно!!')).toBe(true)
    expect(social('интернет опять не работает')).toBe(true)
  })
  it('news sentences are not posts', () => {
    expect(social('Аким города провёл совещание, сообщает пресс-служба.')).toBe(false)
    expect(social('Суд (в составе трёх судей) вынес решение')).toBe(false)
  })
})

describe('emoticons and emoji', () => {
  it('counts smiles and frowns', () => {
    expect(analyse(loadLexicon(), 'Спасибо))) =) :D xD 😍🔥', null).lex.emoji).toBe(6)
    expect(analyse(loadLexicon(), 'Опять((( :( =( 😞💔🤮', null).lex.emoji).toBe(-6)
  })

  it('a lone bracket is a smile or a frown, a bracketed aside is not', () => {
    expect(analyse(loadLexicon(), 'Всё починили)', null).lex.emoji).toBe(1)
    expect(analyse(loadLexicon(), 'Опять нет воды(', null).lex.emoji).toBe(-1)
    expect(analyse(loadLexicon(), 'Глава района (в прошлом году) ушёл', null).lex.emoji).toBe(0)
  })

  it('decides a post that has nothing else', () => {
    expect(label('МТС 😡😡😡', 'МТС')).toBe('negative')
    expect(label('Билайн 👍👍', 'Билайн')).toBe('positive')
  })
})

describe('complaints and praise of social posts', () => {
  it('reads service complaints', () => {
    expect(label('МТС, верните деньги! Списали деньги непонятно за что', 'МТС')).toBe('negative')
    expect(label('Третий день нет связи, Билайн, вы издеваетесь?', 'Билайн')).toBe('negative')
    expect(label('Не могу дозвониться в Сбербанк уже час', 'Сбербанк')).toBe('negative')
    expect(label('Приложение сбербанка опять глючит и тормозит', 'сбербанка')).toBe('negative')
    expect(label('Мегафон отстой, интернет не работает', 'Мегафон')).toBe('negative')
    expect(label('Банк навязал страховку без моего согласия, это развод на деньги', 'Банк')).toBe('negative')
  })

  it('a plea for help and the support line are not praise', () => {
    expect(label('Сбербанк, помогите, заблокировали карту', 'Сбербанк')).toBe('negative')
    expect(lexScore('Служба поддержки МТС не отвечает второй день', 'МТС')).toBeLessThan(0)
    expect(lexScore('Написал в службу поддержки')).toBe(0)
    expect(label('МТС вернули деньги, спасибо', 'МТС')).toBe('positive')
  })

  it('a target spelt otherwise in the post («Сбер» for «Сбербанк») weighs like a found one', () => {
    const given = extractFeatures(analyse(loadLexicon(), 'Сбер опять списали деньги', 'Сбербанк'))
    const found = extractFeatures(analyse(loadLexicon(), 'Сбербанк опять списали деньги', 'Сбербанк'))
    const k = hashFeature('target:given')
    expect([...given.idx]).toContain(k)
    expect([...found.idx]).toContain(k)
    expect([...given.idx]).not.toContain(hashFeature('target:none'))
    expect(label('Сбер опять списали деньги', 'Сбербанк')).toBe('negative')
    expect(label('Сбер, спасибо, быстро решили вопрос', 'Сбербанк')).toBe('positive')
  })

  it('reads city-service complaints', () => {
    expect(label('Во дворе опять нет света, фонари не горят', null)).toBe('negative')
    expect(label('Снег не чистят, кругом сугробы и ямы', null)).toBe('negative')
  })

  it('reads praise', () => {
    expect(label('Сбербанк, спс, быстро решили вопрос', 'Сбербанк')).toBe('positive')
    expect(label('Теле2 просто топ, доволен', 'Теле2')).toBe('positive')
    expect(label('Акимат, спасибо! Наконец-то всё работает', 'Акимат')).toBe('positive')
  })

  it('shouting in capitals counts more, acronyms are not shouting', () => {
    expect(lexScore('Это ПОЗОР')).toBeLessThan(lexScore('Это позор'))
    expect(lexScore('Было ДТП')).toBe(lexScore('Было дтп'))
  })
})

describe('mild complaints', () => {
  it('«не очень», «так себе» alone lean negative', () => {
    expect(lexScore('Сервис не очень')).toBeLessThan(0)
    expect(lexScore('Связь у них так себе')).toBeLessThan(0)
    expect(lexiconOnlyModel().classify('Обслуживание в банке не особо', 'банке').label).toBe('negative')
  })

  it('before a polarity word, the word decides: «не очень хорошо» is counted once', () => {
    const a = analyse(loadLexicon(), 'Работают не очень хорошо', null)
    expect(a.lex.hits).toHaveLength(1)
    expect(lexScore('Работают не очень хорошо')).toBeLessThan(0)
    expect(lexScore('Не очень плохо')).toBeGreaterThan(lexScore('Очень плохо'))
  })

  it('contrast: what follows «но» decides', () => {
    expect(label('Тариф вроде нормальный, но связь постоянно пропадает и интернет тормозит', null)).toBe(
      'negative'
    )
  })
})
