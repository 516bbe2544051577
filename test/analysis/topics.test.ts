import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  assignTopics,
  compileTopics,
  loadDefaultTopics,
  OTHER_TOPIC_KEY,
  removeTopic
} from '../../src/main/core/analysis/topics'
import { openDatabase, type Db } from '../../src/main/core/db/open'
import { openWorkspaceDatabase } from '../../src/main/core/workspace'
import { buildDb, sqlIds } from '../query/fts-db'

const defs = loadDefaultTopics()
const keyById = new Map(defs.map((d, i) => [i + 1, d.key]))
const compiled = compileTopics(defs.map((d, i) => ({ id: i + 1, query: d.query })))
const topicsOf = (text: string, title?: string): string[] =>
  assignTopics({ text, title }, compiled).map((id) => keyById.get(id) as string)

/** [sentence, the topic it is about]. Hand-written, the way residents and media write. */
const CASES: [string, string][] = [
  ['На Абая опять яма на дороге', 'roads'],
  ['Вчера на Аль-Фараби была жуткая пробка, стояли час', 'roads'],
  ['Светофор на перекрёстке Сейфуллина и Райымбека не работает неделю', 'roads'],
  ['Асфальт положили в дождь, через месяц всё в ямах', 'roads'],
  ['Абай даңғылындағы жолда үлкен шұңқыр пайда болды', 'roads'],
  ['Таңертең қалада қатты кептеліс болды', 'roads'],
  ['Автобус 92 не ходит с утра', 'transport'],
  ['На остановке ждали маршрутку 40 минут', 'transport'],
  ['Проезд в метро подорожал, а поезда ходят редко', 'transport'],
  ['Аялдамада бір сағат автобус күттік', 'transport'],
  ['Қоғамдық көлік кешке мүлдем жүрмейді', 'transport'],
  ['Смог над городом такой, что нечем дышать', 'ecology'],
  ['Во дворе неделю не вывозят мусор, всё воняет', 'ecology'],
  ['Вырубка деревьев на Кок-Тобе возмутила жителей', 'ecology'],
  ['Алматының ауасы тағы ластанды, түтін көп', 'ecology'],
  ['Аулада қоқыс жиналып қалды, ешкім шығармайды', 'ecology'],
  ['Ыстық су жоқ, үш күн болды', 'utilities'],
  ['Горячей воды нет уже неделю, в квартирах холодно', 'utilities'],
  ['В нашем доме отключили свет без предупреждения', 'utilities'],
  ['Отопление дали, но батареи еле тёплые', 'utilities'],
  ['Тарифы на газ снова выросли', 'utilities'],
  ['Үйде жылу жоқ, балалар тоңып отыр', 'utilities'],
  ['Кеше кешке жарық өшіп қалды', 'utilities'],
  ['Застройщик обманул дольщиков, дом не сдан', 'housing'],
  ['В подъезде третий месяц не работает лифт', 'housing'],
  ['Точечная застройка в нашем микрорайоне: строят многоэтажку во дворе', 'housing'],
  ['Жаңа тұрғын үй кезегі жылжымайды', 'housing'],
  ['Құрылыс компаниясы пәтерді уақытында бермеді', 'housing'],
  ['В парке Горького сломаны скамейки и не работает фонтан', 'landscaping'],
  ['Детская площадка во дворе разбита, дети играют на стройке', 'landscaping'],
  ['Снег не убирают, тротуары во льду', 'landscaping'],
  ['Саябақта орындықтар сынған, ешкім жөндемейді', 'landscaping'],
  ['Ауладағы балалар алаңы қашан жөнделеді?', 'landscaping'],
  ['Скорую помощь ждали полтора часа', 'healthcare'],
  ['В поликлинике невозможно записаться к врачу', 'healthcare'],
  ['В аптеках нет лекарства от давления', 'healthcare'],
  ['Емханада дәрігерге жазылу мүмкін емес', 'healthcare'],
  ['Жедел жәрдем екі сағаттан кейін келді', 'healthcare'],
  ['В школе не хватает учителей математики', 'education'],
  ['Очередь в детский сад — три года', 'education'],
  ['Мектепте оқушылар үш ауысымда оқиды', 'education'],
  ['Балабақшаға кезек әлі келмеді', 'education'],
  ['Пенсию опять задержали, пожилые люди без денег', 'social'],
  ['Многодетным семьям обещали адресную помощь', 'social'],
  ['Зейнетақы уақытында түспеді', 'social'],
  ['Мүгедектігі бар адамдарға пандус жоқ', 'social'],
  ['Ночью на улице была драка, полиция приехала через час', 'safety'],
  ['В Алмалинском районе участились кражи', 'safety'],
  ['Бродячие собаки нападают на детей', 'safety'],
  ['Түнде көшеде төбелес болды, полиция келмеді', 'safety'],
  ['Ауылда өрт шықты', 'safety'],
  ['Заместитель акима задержан за взятку', 'corruption'],
  ['Чиновники не отвечают на обращения жителей', 'corruption'],
  ['Антикор выявил хищения при госзакупках', 'corruption'],
  ['Шенеунік пара алған кезде ұсталды', 'corruption'],
  ['Сыбайлас жемқорлық бойынша іс қозғалды', 'corruption'],
  ['Цены на продукты выросли за месяц на 20 процентов', 'prices'],
  ['Бензин снова подорожал', 'prices'],
  ['Малому бизнесу подняли аренду на рынке', 'prices'],
  ['Базарда ет бағасы қымбаттады', 'prices'],
  ['Кәсіпкерлерге салық көбейді', 'prices']
]

/** Sentences that are about no city problem: they must land in "other" only. */
const OTHER: string[] = [
  'Поздравляем всех с праздником Наурыз!',
  'Сегодня в Алматы солнечно, до +25',
  'Концерт на площади Республики прошёл отлично',
  'Барлығыңызды мерекемен құттықтаймыз!',
  'Бүгін күн ашық, жылы',
  'Спасибо за интересную статью, жду продолжения',
  'Она сказала, что придёт вечером',
  'Дворец Республики отметил юбилей'
]

describe('default topics', () => {
  it('has the twelve city problems and the fallback', () => {
    expect(defs.map((d) => d.key)).toEqual([
      'roads',
      'transport',
      'ecology',
      'utilities',
      'housing',
      'landscaping',
      'healthcare',
      'education',
      'social',
      'safety',
      'corruption',
      'prices',
      OTHER_TOPIC_KEY
    ])
    expect(defs.filter((d) => d.query === null).map((d) => d.key)).toEqual([OTHER_TOPIC_KEY])
    for (const d of defs) expect(d.name.kk.length).toBeGreaterThan(0)
  })

  it.each(CASES)('%s → %s', (text, key) => {
    expect(topicsOf(text)).toContain(key)
  })

  it.each(OTHER.map((s) => [s]))('%s → other', (text) => {
    expect(topicsOf(text)).toEqual([OTHER_TOPIC_KEY])
  })

  it('gives a mention every topic it is about, not just one', () => {
    expect(topicsOf('Из-за ремонта дороги автобусы ходят в объезд').sort()).toEqual(['roads', 'transport'])
  })

  it('reads the headline too', () => {
    expect(topicsOf('Жители возмущены', 'Пробки на Саина')).toEqual(['roads'])
  })

  it('keeps topic precision: few topics per sentence on average', () => {
    const counts = CASES.map(([text]) => topicsOf(text).length)
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length
    expect(mean).toBeLessThan(1.6)
  })

  it('returns no fallback when the list has none', () => {
    expect(
      assignTopics(
        { text: 'Концерт' },
        compiled.filter((t) => t.matcher !== null)
      )
    ).toEqual([])
  })

  it('finds the same mentions through SQL (FTS5) as through the matcher', () => {
    const texts = [...CASES.map(([t]) => t), ...OTHER]
    const db = buildDb(texts.map((text, i) => ({ id: i + 1, text })))
    try {
      for (const d of defs) {
        if (!d.query) continue
        const viaMatcher = texts.flatMap((text, i) => (topicsOf(text).includes(d.key) ? [i + 1] : []))
        expect(sqlIds(db, d.query), d.key).toEqual(viaMatcher)
      }
    } finally {
      db.close()
    }
  })
})

describe('a new workspace starts with the default topics', () => {
  it('seeded by the workspace opener, not by the database layer, and only once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'otklik-seed-'))
    try {
      const keys = (db: Db): string[] =>
        db.prepare('SELECT key FROM topics ORDER BY sort, id').pluck().all() as string[]
      const bare = openDatabase(join(dir, 'bare.db'), { create: true })
      expect(keys(bare)).toEqual([])
      bare.close()

      const path = join(dir, 'ws.db')
      const ws = openWorkspaceDatabase(path, { create: true })
      expect(keys(ws)).toEqual(defs.map((d) => d.key))
      const roads = ws.prepare("SELECT id FROM topics WHERE key = 'roads'").pluck().get() as number
      removeTopic(ws, roads)
      ws.close()
      // Opening an existing workspace again does not bring back a topic the office removed.
      const again = openWorkspaceDatabase(path)
      expect(keys(again)).toEqual(defs.map((d) => d.key).filter((k) => k !== 'roads'))
      again.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
