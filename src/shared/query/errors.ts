/**
 * Query syntax errors. Every error carries a stable `code` (for translation in the UI),
 * a 0-based character `position` (to place the caret), English `message`, and the few
 * values the message needs (`details`) so the renderer can rebuild it in Russian or Kazakh.
 */
export const MAX_QUERY_LENGTH = 2000
export const MAX_NEAR_DISTANCE = 100
export const MAX_NESTING = 32
export const MIN_WILDCARD_LETTERS = 2

export type QueryErrorCode =
  | 'empty'
  | 'too_long'
  | 'too_deep'
  | 'too_complex'
  | 'unclosed_quote'
  | 'unclosed_paren'
  | 'unexpected_paren'
  | 'empty_parens'
  | 'empty_phrase'
  | 'expected_term_after'
  | 'expected_term_before'
  | 'no_letters'
  | 'bad_wildcard'
  | 'short_wildcard'
  | 'near_operand'
  | 'near_distance'
  | 'empty_field'
  | 'field_in_title'
  | 'only_not'
  | 'not_without_term'

export type QueryErrorDetails = Record<string, string | number>

type Lang = 'en' | 'ru' | 'kk'

/** Templates; {position} and keys of `details` are substituted. */
const TEMPLATES: Record<QueryErrorCode, Record<Lang, string>> = {
  empty: {
    en: 'The query is empty: type a word to search for',
    ru: 'Запрос пуст: введите слово для поиска',
    kk: 'Сұраныс бос: іздеу үшін сөз жазыңыз'
  },
  too_long: {
    en: 'The query is {length} characters long; the limit is {limit}',
    ru: 'Запрос длиной {length} символов; предел — {limit}',
    kk: 'Сұраныс ұзындығы {length} таңба; шегі — {limit}'
  },
  too_deep: {
    en: 'Too many nested parentheses at position {position} (at most {limit} levels)',
    ru: 'Слишком много вложенных скобок в позиции {position} (не более {limit} уровней)',
    kk: '{position} позициясында жақша тым көп қабатталған (ең көбі {limit} деңгей)'
  },
  too_complex: {
    en: 'NEAR at position {position} expands to too many combinations (at most {limit})',
    ru: 'NEAR в позиции {position} даёт слишком много сочетаний (не более {limit})',
    kk: '{position} позициясындағы NEAR тым көп тіркес береді (ең көбі {limit})'
  },
  unclosed_quote: {
    en: 'Unclosed quote at position {position}',
    ru: 'Незакрытая кавычка в позиции {position}',
    kk: '{position} позициясында тырнақша жабылмаған'
  },
  unclosed_paren: {
    en: 'Unclosed parenthesis at position {position}',
    ru: 'Незакрытая скобка в позиции {position}',
    kk: '{position} позициясында жақша жабылмаған'
  },
  unexpected_paren: {
    en: 'Unexpected ")" at position {position}: no parenthesis is open',
    ru: 'Лишняя «)» в позиции {position}: нет открытой скобки',
    kk: '{position} позициясында артық «)»: ашық жақша жоқ'
  },
  empty_parens: {
    en: 'Empty parentheses at position {position}',
    ru: 'Пустые скобки в позиции {position}',
    kk: '{position} позициясында бос жақша'
  },
  empty_phrase: {
    en: 'The phrase at position {position} has no words',
    ru: 'Во фразе в позиции {position} нет слов',
    kk: '{position} позициясындағы тіркесте сөз жоқ'
  },
  expected_term_after: {
    en: 'Expected a term after {operator} at position {position}',
    ru: 'После {operator} в позиции {position} нужно слово или фраза',
    kk: '{position} позициясындағы {operator} кейін сөз немесе тіркес керек'
  },
  expected_term_before: {
    en: 'Expected a term before {operator} at position {position}',
    ru: 'Перед {operator} в позиции {position} нужно слово или фраза',
    kk: '{position} позициясындағы {operator} алдында сөз немесе тіркес керек'
  },
  no_letters: {
    en: 'The term "{term}" at position {position} has no letters or digits',
    ru: 'В «{term}» (позиция {position}) нет букв или цифр',
    kk: '«{term}» ішінде ({position} позиция) әріп не сан жоқ'
  },
  bad_wildcard: {
    en: 'The wildcard * is allowed only at the end of a word (position {position})',
    ru: 'Звёздочка * допустима только в конце слова (позиция {position})',
    kk: '* белгісі тек сөз соңында болады ({position} позиция)'
  },
  short_wildcard: {
    en: 'A wildcard needs at least {limit} letters before * (position {position})',
    ru: 'Перед * нужно не меньше {limit} букв (позиция {position})',
    kk: '* алдында кемінде {limit} әріп керек ({position} позиция)'
  },
  near_operand: {
    en: 'NEAR at position {position} needs a word, a "phrase" or (a OR b) on each side',
    ru: 'NEAR в позиции {position}: с обеих сторон нужно слово, «фраза» или (a OR b)',
    kk: '{position} позициясындағы NEAR: екі жағында сөз, «тіркес» не (a OR b) керек'
  },
  near_distance: {
    en: 'NEAR/n at position {position}: n must be a whole number from 0 to {limit}',
    ru: 'NEAR/n в позиции {position}: n — целое число от 0 до {limit}',
    kk: '{position} позициясындағы NEAR/n: n — 0-ден {limit}-ге дейінгі бүтін сан'
  },
  empty_field: {
    en: 'Expected a value after {field}: at position {position}',
    ru: 'После {field}: в позиции {position} нужно значение',
    kk: '{position} позициясындағы {field}: кейін мән керек'
  },
  field_in_title: {
    en: '{field}: cannot be used inside title:(...) (position {position})',
    ru: '{field}: нельзя использовать внутри title:(...) (позиция {position})',
    kk: '{field}: белгісін title:(...) ішінде қолдануға болмайды ({position} позиция)'
  },
  only_not: {
    en: 'A query of only NOT terms matches nothing: add a term to search for',
    ru: 'Запрос только из NOT ничего не найдёт: добавьте слово для поиска',
    kk: 'Тек NOT-тан тұратын сұраныс ештеңе таппайды: іздейтін сөз қосыңыз'
  },
  not_without_term: {
    en: 'NOT at position {position} has nothing to exclude from: write it after a term, as in «a NOT b»',
    ru: 'NOT в позиции {position} не из чего исключать: пишите его после слова, как в «a NOT b»',
    kk: '{position} позициясындағы NOT: оны сөзден кейін жазыңыз, мысалы «a NOT b»'
  }
}

export class QueryError extends Error {
  readonly code: QueryErrorCode
  readonly position: number
  readonly details: QueryErrorDetails
  constructor(code: QueryErrorCode, position: number, details: QueryErrorDetails = {}) {
    super(formatTemplate(TEMPLATES[code].en, position, details))
    this.name = 'QueryError'
    this.code = code
    this.position = position
    this.details = details
  }
}

function formatTemplate(t: string, position: number, details: QueryErrorDetails): string {
  return t.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key === 'position' ? String(position) : key in details ? String(details[key]) : whole
  )
}

/** The error text in the UI language (falls back to English). */
export function formatQueryError(
  e: { code: string; position: number; details?: QueryErrorDetails; message?: string },
  lang: string
): string {
  const t = (TEMPLATES as Record<string, Record<Lang, string> | undefined>)[e.code]
  if (!t) return e.message ?? e.code
  const l: Lang = lang === 'ru' || lang === 'kk' ? lang : 'en'
  return formatTemplate(t[l], e.position, e.details ?? {})
}
