import { afterAll, describe, expect, it } from 'vitest'
import { compileMatcher, parseQuery } from '../../src/shared/query'
import { DOCS } from './docs'
import { buildDb, sqlIds, type TestDoc } from './fts-db'

const db = buildDb(DOCS)
afterAll(() => db.close())

function matcherIds(query: string, docs: TestDoc[] = DOCS): number[] {
  const m = compileMatcher(parseQuery(query))
  return docs
    .filter((d) => m({ title: d.title, text: d.text, url: d.url, authorName: d.author }))
    .map((d) => d.id)
}

/** Queries with the ids a reader expects: checks meaning, not only agreement. */
const EXPECTED: [string, number[]][] = [
  ['акимат', [1, 2, 13, 15, 23, 25]],
  ['акиматом', [1, 2, 13, 15, 23, 25]],
  ['АКИМАТ', [1, 2, 13, 15, 23, 25]],
  ['акимат*', [1, 2, 13, 15, 19, 23, 25]],
  // Phrases match the forms of their words: «города Алматы» (4) too.
  ['"город Алматы"', [4, 5, 6, 17]],
  ['"города Алматы"', [4, 5, 6, 17]],
  ['"город Алматы" NEAR/5 власт*', [4, 5, 6]],
  ['"город Алматы" NEAR/10 власт*', [4, 5, 6, 17]],
  ['акимат* OR аким OR "город Алматы" NEAR/5 власт*', [1, 2, 3, 4, 5, 6, 13, 15, 19, 23, 25, 28]],
  ['елка', [6, 10]],
  ['ёлка', [6, 10]],
  ['әкімдік*', [7, 8, 14, 32]],
  ['жол*', [7, 14, 32]],
  // Kazakh forms by stem, no wildcard: әкімдігі, Әкімдікке, әкімдік, әкімдіктің, Әкімдіктердің.
  ['әкімдік', [7, 8, 14, 32]],
  ['әкімдіктер', [7, 8, 14, 32]],
  ['әкім', [27]],
  ['қала', [27, 32]],
  ['көше', [32]],
  ['шұңқыр', [14, 32]],
  // Plural + case without a Kazakh-only letter (жолдарды) is Kazakh too; a bare «жолдар» is not told from Russian.
  ['жол', [7, 14]],
  // Phrases and NEAR match the forms of their words.
  ['"горячая вода"', [31]],
  ['"горячей воды"', [31]],
  ['"вода горячая"', []],
  // One word in quotes stays exact: "воду" is not «воды».
  ['"воду"', []],
  ['воду', [31]],
  ['горячая NEAR/1 вода', [31]],
  ['title:"горячая вода"', [31]],
  ['"қала әкімі"', [27]],
  ['"алматы қаласы"', [27]],
  ['әкімдік NEAR/3 өкіл', [32]],
  // Beside a wildcard a word runs on the unstemmed columns as the prefix its forms share (әкімді*: әкімдігі).
  ['әкімдік NEAR/5 жол*', [7, 14, 32]],
  ['title:акимат', [1, 2, 15]],
  ['title:"город алматы"', [4, 6]],
  ['site:tengrinews.kz', [1, 6, 7, 15, 19, 24, 27]],
  ['site:kaz.tengrinews.kz', [7, 27]],
  ['site:https://www.vk.com/abc', [4, 9, 22]],
  ['author:"Иван Петров"', [2, 5, 9, 22]],
  ['author:петров', [2, 4, 5, 9, 22]],
  ['author:"пустой_автор%"', [30]],
  ['author:"автор%"', [30]],
  ['author:"о_а"', []],
  ['ремонт NOT дорог', [2, 11]],
  ['ремонт AND NOT (дорог OR двор)', [11]],
  ['автобус 92', [9]],
  ['and', [12]],
  ['"видео"', [23]],
  ['нур-султан', [18]],
  ['нур-сул*', [18]],
  ['власть NEAR/0 город', [4, 26]],
  ['власть NEAR/1 город', [4, 16, 26]],
  // FTS5 lets one occurrence satisfy both sides of a NEAR; the matcher does the same.
  ['акимат NEAR/1 акимат', [1, 2, 13, 15, 23, 25]]
]

/** More queries, checked only for SQL/matcher agreement: operators, fields, escapes, odd input. */
const AGREEMENT_ONLY: string[] = [
  'аким OR акимат NOT коррупция',
  '(акимат OR әкімдік*) AND (ремонт* OR жөнде*)',
  'title:(акимат OR город) NOT site:tengrinews.kz',
  'site:tengrinews.kz NOT акимат',
  'site:tengrinews.kz NOT акимат NOT ремонт',
  'site:nur.kz OR author:tengri',
  '(site:nur.kz OR акимат) NOT title:коррупция',
  'author:"Иван" NOT author:"водкин"',
  'власт* NEAR город NEAR/2 алматы',
  '(власти OR власть) NEAR/3 (город OR алматы)',
  'title:власти NEAR/5 алматы',
  'город NEAR/1 алматы',
  '"город алматы" NEAR/0 "власти"',
  'алматы NEAR/3 власт*',
  'ремонт NEAR/2 ремонт',
  '"ремонт ремонт"',
  'NOT site:vk.com акимат',
  'акимат NOT (NOT аким)',
  '"a""b" OR "акимат\'" OR "{title}: x*" OR "NEAR(a b)"',
  'smog AND air',
  'OR_word or not near',
  'title:(аким* NEAR/3 отчит*)',
  'жарық NEAR/2 жоқ',
  'Ыстық NEAR/5 су* NOT "жарық"',
  'город NOT (алматы NEAR/2 власт*)',
  '(город алматы) OR (власти NOT парк)',
  'site:kzz OR site:tengrinews.kzz',
  'author:гость OR author:канал OR author:"р%"'
]

describe('SQL (FTS5) and the in-memory matcher agree', () => {
  it.each(EXPECTED)('%s', (q, ids) => {
    expect(sqlIds(db, q)).toEqual(ids)
    expect(matcherIds(q)).toEqual(ids)
  })

  it.each(AGREEMENT_ONLY.map((q) => [q]))('%s', (q) => {
    expect(matcherIds(q)).toEqual(sqlIds(db, q))
  })

  it('agrees on random NEAR, phrase and wildcard queries over random texts', () => {
    // Deterministic pseudo-random: a tiny vocabulary makes repeats, overlaps and borders common.
    let seed = 12345
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff
      return seed % n
    }
    const vocab = [
      'акимат',
      'акимата',
      'аким',
      'акиму',
      'город',
      'города',
      'алматы',
      'власти',
      'властям',
      'яма',
      'ямы',
      'жол',
      'жолдар',
      'жолдарды',
      'әкімдік',
      'әкімдігі',
      'әкімдіктердің',
      'қаласында',
      'горячей',
      'горячая',
      'су',
      'a',
      'b'
    ]
    const docs: TestDoc[] = []
    for (let id = 1; id <= 60; id++) {
      const words = (len: number): string =>
        Array.from({ length: len }, () => vocab[rnd(vocab.length)]).join(' ')
      docs.push({ id, title: rnd(3) === 0 ? null : words(1 + rnd(5)), text: words(rnd(14)) })
    }
    const rdb = buildDb(docs)
    const term = (): string => {
      const w = vocab[rnd(vocab.length)] as string
      const k = rnd(4)
      if (k === 0) return `"${w} ${vocab[rnd(vocab.length)]}"`
      if (k === 1 && w.length >= 2) return w.slice(0, 2 + rnd(w.length - 1)) + '*'
      return (rnd(5) === 0 ? 'title:' : '') + w
    }
    try {
      for (let i = 0; i < 300; i++) {
        const q = `${term()} NEAR/${rnd(4)} ${term()}` + (rnd(3) === 0 ? ` NEAR/${rnd(3)} ${term()}` : '')
        expect(matcherIds(q, docs), q).toEqual(sqlIds(rdb, q))
      }
    } finally {
      rdb.close()
    }
  })
})
