import { describe, expect, it } from 'vitest'
import { loadBuiltinModel, lexiconOnlyModel } from '../../src/main/core/analysis/sentiment'
import { analyse, TargetScope, targetScopes } from '../../src/main/core/analysis/sentiment/analyse'
import { loadLexicon } from '../../src/main/core/analysis/sentiment/lexicon'
import { findTarget, tokenizeWithOffsets } from '../../src/main/core/analysis/sentiment/tokens'
import { WorkspaceAnalyzer } from '../../src/main/core/analysis/analyzer'
import { officeLabels } from '../../src/main/core/analysis/models'
import { explanationJson, readExplanation } from '../../src/main/core/analysis/explanation'
import { reanalyse } from '../../src/main/core/analysis/reanalyse'
import { MentionQueries } from '../../src/main/core/queries/mentions'
import { targetOfQuery } from '../../src/main/core/analysis/subject-target'
import { createBatch, Ingestor } from '../../src/main/core/ingest'
import { addSubject } from '../../src/main/core/subjects'
import { tempDb } from '../helpers/db'

const model = loadBuiltinModel()
const words = (text: string) => tokenizeWithOffsets(text).filter((t) => t.kind === 'w')

// Two organisations in one text, one praised and one blamed: the label is for the one asked about.
const parkAndWaste = 'Жители благодарят акимат за новый парк, а компанию «Тазалык» критикуют за горы мусора.'
const roadAndContractor =
  'Акимат отремонтировал дорогу за неделю, а подрядчика «СтройМир» жители обвиняют в срыве сроков и воровстве.'
const courtCase = 'Суд полностью оправдал Иванова, а прокурора Петрова обвинили в подлоге и коррупции.'

describe('sentiment toward the target', () => {
  it('labels each organisation of the same text by what is said about it', () => {
    expect(model.classify(parkAndWaste, 'акимат').label).toBe('positive')
    expect(model.classify(parkAndWaste, 'Тазалык').label).toBe('negative')
    expect(model.classify(roadAndContractor, 'акимат').label).toBe('positive')
    expect(model.classify(roadAndContractor, 'СтройМир').label).toBe('negative')
  })

  it('explains with the words and the clause that decided it, the clause of the target', () => {
    const toward = model.classify(parkAndWaste, 'акимат')
    expect(toward.explanation).toContain('благодарят')
    expect(toward.clause).toBe('Жители благодарят акимат за новый парк')
    const other = model.classify(parkAndWaste, 'Тазалык')
    expect(other.explanation).toContain('критикуют')
    expect(other.clause).toBe('а компанию «Тазалык» критикуют за горы мусора')
    expect(lexiconOnlyModel().classify(parkAndWaste, 'акимат').clause).toBe(
      'Жители благодарят акимат за новый парк'
    )
    // a neutral verdict names no clause
    expect(model.classify('Акимат опубликовал график приёма граждан', 'акимат').clause).toBeUndefined()
  })

  it('finds a name given in its dictionary form in its case forms («Иванов» in «Иванова»)', () => {
    expect(findTarget(words(courtCase), 'Иванов')).toEqual([[3, 4]])
    expect(findTarget(words(courtCase), 'Петров')).toEqual([[6, 7]])
    expect(findTarget(words('Встреча с Ивановым прошла спокойно'), 'Иванов')).toEqual([[2, 3]])
    // an ending is not any letters: «Ивановка» (a village) is not «Иванов»
    expect(findTarget(words('В селе Ивановка открыли школу'), 'Иванов')).toEqual([])
    // short targets stay exact-by-stem (ЕС is not «есть»)
    expect(findTarget(words('Есть вопросы к ЕС'), 'ЕС')).toEqual([[3, 4]])
    expect(model.classify(courtCase, 'Иванов').label).toBe('positive')
    expect(model.classify(courtCase, 'Петров').label).toBe('negative')
  })

  it('finds a target its post spells otherwise: Latin, a handle, a number, a short name, a hashtag', () => {
    const at = (text: string, target: string) =>
      findTarget(words(text), target).map(([a, b]) => text.split(/\s+/).slice(a, b).join(' '))
    expect(at('Опять @sberbank завис', 'Сбербанк')).toEqual(['@sberbank'])
    expect(at('Sberbank снова поднял ставки', 'Сбербанк')).toEqual(['Sberbank'])
    expect(at('Сбер опять завис, в Сбера не дозвониться', 'Сбербанк')).toEqual(['Сбер', 'Сбера'])
    expect(at('ВТБ24 снова списал комиссию', 'ВТБ')).toEqual(['ВТБ24'])
    expect(at('Очередь в отделении #банкмосквы', 'Банк Москвы')).toEqual(['#банкмосквы'])
    expect(at('Договор с Ростелекомом расторгнут', 'Rostelecom')).toEqual(['Ростелекомом'])
    expect(at('Связь Tele2 пропала', 'Теле2')).toEqual(['Tele2'])
    expect(at('у мтс опять сбой', 'МТС')).toEqual(['мтс'])
    // loose spelling is a fallback: a text that names the target as written keeps the exact spans
    expect(at('Сбербанк и Sberbank', 'Сбербанк')).toEqual(['Сбербанк'])
    // and not any word that starts alike: a village is not a surname, a bank's short name needs 4 letters
    expect(at('В селе Ивановка открыли школу', 'Иванов')).toEqual([])
    expect(at('Альфонс пришёл', 'Альфабанк')).toEqual([])
    expect(at('Альфа снова подняла ставки', 'Альфабанк')).toEqual(['Альфа'])
    expect(at('Телевизор сломался', 'Теле2')).toEqual([])
  })

  it('labels a target spelt in Latin or in lower case by its own clause, as when it is written as given', () => {
    const praisedAndBlamed = 'Спасибо Сбербанку за быстрый перевод, а ВТБ опять завис, позор и безобразие.'
    expect(model.classify(praisedAndBlamed, 'Сбербанк').label).toBe('positive')
    expect(model.classify(praisedAndBlamed, 'ВТБ').label).toBe('negative')
    const spelt = 'Спасибо @sberbank за быстрый перевод, а ВТБ24 опять завис, позор и безобразие.'
    expect(model.classify(spelt, 'Сбербанк').label).toBe('positive')
    expect(model.classify(spelt, 'ВТБ').label).toBe('negative')
    expect(model.classify(praisedAndBlamed.toLowerCase(), 'Сбербанк').label).toBe('positive')
  })

  it('tells the clause of the target from a clause about someone else', () => {
    const a = analyse(loadLexicon(), courtCase, 'Петров')
    const scope = targetScopes(a)
    const byWord = Object.fromEntries(
      a.lex.hits.map((h, i) => [a.text.slice(a.words[h.from]!.start, a.words[h.to - 1]!.end), scope[i]])
    )
    expect(byWord['обвинили']).toBe(TargetScope.targetClause)
    expect(byWord['оправдал']).toBe(TargetScope.otherClause)
    expect(
      targetScopes(analyse(loadLexicon(), courtCase, null)).every((s) => s === TargetScope.noTarget)
    ).toBe(true)
  })
})

describe('the monitoring subject as the target', () => {
  it('takes the positive words of a subject query', () => {
    expect(targetOfQuery('акимат* OR аким OR "город Алматы" NEAR/5 власт* NOT спорт')).toBe(
      'акимат аким город алматы власт'
    )
    expect(targetOfQuery('site:example.kz')).toBeNull()
    expect(targetOfQuery('акимат OR (')).toBeNull()
    expect(targetOfQuery('')).toBeNull()
  })

  it('classifies a mention toward the first subject it matches, and trains with the same target', () => {
    const { db } = tempDb('subject-target')
    addSubject(db, 'Акимат', 'акимат OR аким')
    addSubject(db, 'Тазалык', 'Тазалык OR СтройМир')
    const ing = new Ingestor(db, {
      batchId: createBatch(db, { kind: 'import' }),
      analyzer: new WorkspaceAnalyzer(db)
    })
    const at = Date.UTC(2026, 10, 16, 4, 0)
    db.transaction(() => {
      ing.add({ publishedAt: at, platform: 'news', text: roadAndContractor, url: 'https://beltau.kz/1' })
      ing.add({ publishedAt: at + 60_000, platform: 'news', text: parkAndWaste, url: 'https://beltau.kz/2' })
      ing.add({
        publishedAt: at + 120_000,
        platform: 'vk',
        text: 'Опять отключили свет, ужасно',
        url: 'https://vk.com/wall1_3',
        sentiment: 'negative'
      })
    })()
    const rows = db
      .prepare('SELECT url, model_sentiment, model_explanation FROM mentions ORDER BY id')
      .all() as { url: string; model_sentiment: number; model_explanation: string }[]
    // both texts match both subjects; the administration's came first, and it is praised in both
    // (read without a target, both are negative: the criticism of the company decides)
    expect(model.classify(roadAndContractor).label).toBe('negative')
    expect(model.classify(parkAndWaste).label).toBe('negative')
    expect(rows[0]!.model_sentiment).toBe(1)
    expect(rows[1]!.model_sentiment).toBe(1)
    expect(readExplanation(rows[1]!.model_explanation)).toEqual({
      words: ['благодарят'],
      clause: 'Жители благодарят акимат за новый парк'
    })
    // the detail pane gets the words and the clause; re-analysis keeps both
    const detail = () => new MentionQueries(db, () => 'Asia/Almaty').detail(2)!
    expect([detail().explanation, detail().explanationClause]).toEqual([
      ['благодарят'],
      'Жители благодарят акимат за новый парк'
    ])
    reanalyse(db)
    expect(detail().explanationClause).toBe('Жители благодарят акимат за новый парк')

    db.prepare("UPDATE mentions SET manual_sentiment = 1 WHERE url = 'https://beltau.kz/1'").run()
    const labels = officeLabels(db)
    expect(labels.map((l) => [l.label, l.target])).toEqual([
      ['positive', 'акимат аким'],
      ['negative', null]
    ])
  })
})

describe('the stored explanation', () => {
  it('reads both forms: words alone (rows stored before clauses were kept) and words with a clause', () => {
    expect(readExplanation('["плохо"]')).toEqual({ words: ['плохо'], clause: null })
    expect(readExplanation(explanationJson(['плохо'], 'дороги плохо убраны'))).toEqual({
      words: ['плохо'],
      clause: 'дороги плохо убраны'
    })
    expect(explanationJson(['плохо'], null)).toBe('["плохо"]')
    expect(readExplanation(null)).toEqual({ words: [], clause: null })
    expect(readExplanation('not json')).toEqual({ words: [], clause: null })
  })
})
