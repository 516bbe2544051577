import type { Sentiment, UiLang } from './types'

/**
 * The words for the three sentiments (and for "no label yet") in each interface language: the pages'
 * dictionaries and the digest's labels both take them from here, so a Kazakh digest says «Жағымсыз»
 * where the screen does. Example: SENTIMENT_WORDS.kk.negative → 'Жағымсыз'.
 */
export const SENTIMENT_WORDS: Record<UiLang, Record<Sentiment | 'unlabelled', string>> = {
  ru: { negative: 'Негатив', neutral: 'Нейтрально', positive: 'Позитив', unlabelled: 'Без оценки' },
  kk: { negative: 'Жағымсыз', neutral: 'Бейтарап', positive: 'Жағымды', unlabelled: 'Бағасыз' },
  en: { negative: 'Negative', neutral: 'Neutral', positive: 'Positive', unlabelled: 'Unlabelled' }
}
