/**
 * A workspace with known content for the digest tests: week 2026-W47 (16–22.11.2026, Asia/Almaty)
 * and the week before, Russian and Kazakh texts, topics, stories, authors of every type,
 * a private person whose @handle is quoted, an irrelevant mention, manual/import/model labels.
 */
import { setSettings, type Db } from '../../src/main/core/db'
import { openWorkspaceDatabase } from '../../src/main/core/workspace'
import { Ingestor, type MentionAnalyzer } from '../../src/main/core/ingest'
import type { AuthorInput, MentionInput, OutletInput, Platform, Sentiment } from '../../src/shared/types'
import { zonedToUtc } from '../../src/shared/time'

const TZ = 'Asia/Almaty'
export const WEEK = '2026-W47'
export const NOW = zonedToUtc(2026, 11, 25, 11, 0, 0, TZ)

type Topic = 'zhkh' | 'roads' | 'ecology' | 'parks'
export const TOPICS: { key: Topic; name: string; names?: Record<string, string> }[] = [
  { key: 'zhkh', name: 'ЖКХ и отопление', names: { kk: 'ТКШ және жылыту', en: 'Utilities and heating' } },
  { key: 'roads', name: 'Дороги и транспорт', names: { kk: 'Жолдар және көлік', en: 'Roads and transport' } },
  { key: 'ecology', name: 'Экология и воздух', names: { kk: 'Экология және ауа', en: 'Ecology and air' } },
  {
    key: 'parks',
    name: 'Благоустройство и парки',
    names: { kk: 'Абаттандыру және саябақтар', en: 'Parks and public spaces' }
  }
]

export const A = {
  tengri: { name: 'Tengrinews.kz', type: 'media', url: 'https://tengrinews.kz' },
  vlast: { name: 'Vlast.kz', type: 'media', url: 'https://vlast.kz' },
  informburo: { name: 'Informburo.kz', type: 'media', url: 'https://informburo.kz' },
  akimat: { name: 'Акимат Алматы', type: 'official', url: 'https://t.me/akimat_almaty' },
  asel: { name: 'Асель Блогер', type: 'blogger', url: 'https://instagram.com/asel_blog' },
  almatyOnline: { name: 'Алматы Онлайн', type: 'blogger', url: 'https://t.me/almaty_online' },
  ivan: { name: 'Иван Петров', type: 'private', url: 'https://t.me/ivan_petrov_kz' },
  nurlan: { name: 'Нурлан Касымов', type: 'unknown', url: 'https://vk.com/nurlan_k' },
  marat: { name: 'Марат Ахметов', type: 'private', url: 'https://vk.com/marat_akhmetov' },
  dauren: { name: 'Дәурен Өмірзақ', type: 'private', url: 'https://t.me/dauren_om' },
  aigerim: { name: 'Айгерим Сәрсенова', type: 'private', url: 'https://instagram.com/aigerim_s' },
  guest: { name: 'Гость форума', type: 'unknown', url: null }
} satisfies Record<string, AuthorInput>

const O = {
  tengri: { name: 'Tengrinews.kz', url: 'https://tengrinews.kz' },
  vlast: { name: 'Vlast.kz', url: 'https://vlast.kz' },
  informburo: { name: 'Informburo.kz', url: 'https://informburo.kz' },
  akimat: { name: 'Акимат Алматы', url: 'https://t.me/akimat_almaty' },
  almalyChat: { name: 'Чат жителей Алмалинского района', url: 'https://t.me/almaly_chat' },
  almatyChat: { name: 'Алматы чаты', url: 'https://t.me/almaty_chaty' },
  almatyOnline: { name: 'Алматы Онлайн', url: 'https://t.me/almaty_online' },
  forum: { name: 'Форум Алматы', url: 'https://forum.almaty.kz' }
} satisfies Record<string, OutletInput>

/** Kazakh sentence with all nine Kazakh-specific letters: ә ғ қ ң ө ұ ү һ і. */
export const KAZAKH_QUOTE =
  'Шаһардағы ғимараттарда жылу жоқ, қаланың әкімдігі үндемейді, көшелер тазаланбаған — ұят!'
export const KAZAKH_ECOLOGY =
  'Түтін! Ауа ластанған, балаларды далаға шығара алмаймыз, әкімдік не істеп жатыр?'
export const LONG_TEXT =
  'Как написал в своём телеграм-канале @ivan_petrov_kz, «третий день без отопления, дети болеют». ' +
  'Редакция проверила жалобы жителей: в домах по улицам Абая, Жарокова и Розыбакиева температура в квартирах не поднимается выше пятнадцати градусов, ' +
  'управляющие компании ссылаются на аварию на теплотрассе, а энергоснабжающая организация обещает завершить ремонт не раньше конца следующей недели. ' +
  'Эксперты отмечают, что износ городских тепловых сетей превышает семьдесят процентов, и подобные аварии будут повторяться каждую зиму, пока не начнётся системная замена труб. ' +
  'ХВОСТ_ДЛИННОГО_ТЕКСТА_НЕ_ДОЛЖЕН_ПОПАСТЬ_В_ОТЧЁТ'

export interface Rec {
  n: number
  day: number
  hour?: number
  platform: Platform
  author: keyof typeof A
  outlet?: keyof typeof O
  title?: string
  text: string
  url?: string
  reach?: number
  /** Imported label; `model` labels come from the analyzer; `manual` set afterwards. */
  s?: Sentiment
  origin?: 'import' | 'model' | 'manual'
  topics?: Topic[]
  storyOf?: number
  irrelevant?: boolean
  lang?: string
}

/** The digest week, 16–22 November 2026. */
export const CURRENT: Rec[] = [
  {
    n: 1,
    day: 16,
    platform: 'news',
    author: 'tengri',
    outlet: 'tengri',
    title: 'В Алмалинском районе третьи сутки нет отопления',
    text: 'Жители домов по улице Абая жалуются на холодные батареи и отсутствие горячей воды.',
    url: 'https://tengrinews.kz/news/otoplenie-1',
    reach: 52000,
    s: 'negative',
    topics: ['zhkh']
  },
  {
    n: 2,
    day: 16,
    hour: 14,
    platform: 'news',
    author: 'informburo',
    outlet: 'informburo',
    title: 'В Алмалинском районе третьи сутки нет отопления',
    text: 'Жители домов по улице Абая жалуются на холодные батареи (перепечатка).',
    url: 'https://informburo.kz/news/otoplenie-copy',
    reach: 18000,
    s: 'negative',
    topics: ['zhkh'],
    storyOf: 1
  },
  {
    n: 3,
    day: 17,
    platform: 'telegram',
    author: 'ivan',
    outlet: 'almalyChat',
    text: 'Третий день без отопления, дети болеют. @akimat_almaty, когда это закончится? Пишите мне в личку @ivan_petrov_kz',
    url: 'https://t.me/almaly_chat/1201',
    reach: 3400,
    s: 'negative',
    topics: ['zhkh']
  },
  {
    n: 4,
    day: 17,
    platform: 'instagram',
    author: 'asel',
    text: 'Опять холодные батареи в Алмалинском районе, управляющая компания не отвечает на звонки.',
    url: 'https://instagram.com/p/asel1',
    reach: 41000,
    s: 'negative',
    topics: ['zhkh']
  },
  {
    n: 5,
    day: 18,
    platform: 'vk',
    author: 'nurlan',
    text: 'В подъезде плюс двенадцать, коммунальщики обещали прийти и пропали.',
    url: 'https://vk.com/wall-1_55',
    reach: 800,
    s: 'negative',
    origin: 'manual',
    topics: ['zhkh']
  },
  {
    n: 6,
    day: 18,
    platform: 'telegram',
    author: 'ivan',
    outlet: 'almalyChat',
    text: 'Снова пишу: отопления нет, управляющая компания игнорирует. Это позор.',
    url: 'https://t.me/almaly_chat/1305',
    reach: 2900,
    s: 'negative',
    topics: ['zhkh']
  },
  {
    n: 7,
    day: 19,
    platform: 'telegram',
    author: 'dauren',
    outlet: 'almatyChat',
    text: KAZAKH_QUOTE,
    url: 'https://t.me/almaty_chaty/77',
    reach: 5100,
    s: 'negative',
    topics: ['zhkh'],
    lang: 'kk'
  },
  {
    n: 8,
    day: 19,
    platform: 'news',
    author: 'vlast',
    outlet: 'vlast',
    title: 'Коммунальщики не справляются с отопительным сезоном',
    text: LONG_TEXT,
    url: 'https://vlast.kz/gorod/otoplenie',
    reach: 23000,
    s: 'negative',
    topics: ['zhkh']
  },
  {
    n: 9,
    day: 17,
    platform: 'news',
    author: 'tengri',
    outlet: 'tengri',
    title: 'Пробки на Аль-Фараби: ремонт развязки затянулся',
    text: 'Ремонт развязки на проспекте Аль-Фараби продлили ещё на месяц.',
    url: 'https://tengrinews.kz/news/probki-2',
    reach: 30000,
    s: 'negative',
    topics: ['roads']
  },
  {
    n: 10,
    day: 18,
    platform: 'telegram',
    author: 'ivan',
    outlet: 'almalyChat',
    text: 'На Абая опять перекопали дорогу, объехать невозможно.',
    url: 'https://t.me/almaly_chat/1311',
    reach: 2500,
    s: 'negative',
    topics: ['roads']
  },
  {
    n: 11,
    day: 20,
    platform: 'vk',
    author: 'marat',
    text: 'Автобус номер 92 не пришёл за сорок минут, на остановке толпа.',
    url: 'https://vk.com/wall-2_91',
    reach: 1200,
    s: 'negative',
    topics: ['roads']
  },
  {
    n: 12,
    day: 20,
    platform: 'telegram',
    author: 'almatyOnline',
    outlet: 'almatyOnline',
    text: 'Светофор на Розыбакиева не работает второй день, водители жалуются.',
    url: 'https://t.me/almaty_online/5120',
    reach: 15000,
    s: 'negative',
    origin: 'manual',
    topics: ['roads']
  },
  {
    n: 13,
    day: 21,
    platform: 'news',
    author: 'informburo',
    outlet: 'informburo',
    title: 'Ямы на проспекте Саина не заделывают с весны',
    text: 'Водители проспекта Саина жалуются на глубокие ямы.',
    url: 'https://informburo.kz/news/yamy-saina',
    reach: 9000,
    s: 'negative',
    topics: ['roads']
  },
  {
    n: 14,
    day: 21,
    platform: 'news',
    author: 'vlast',
    outlet: 'vlast',
    title: 'Смог над Алматы: индекс качества воздуха превысил 200',
    text: 'Индекс качества воздуха в Алматы держится на опасном уровне третий день.',
    url: 'https://vlast.kz/ecology/smog',
    reach: 27000,
    s: 'negative',
    topics: ['ecology']
  },
  {
    n: 15,
    day: 22,
    platform: 'instagram',
    author: 'asel',
    text: 'Дышать нечем, смог снова накрыл город.',
    url: 'https://instagram.com/p/asel2',
    reach: 39000,
    s: 'negative',
    topics: ['ecology']
  },
  {
    n: 16,
    day: 22,
    platform: 'telegram',
    author: 'dauren',
    outlet: 'almatyChat',
    text: KAZAKH_ECOLOGY,
    url: 'https://t.me/almaty_chaty/90',
    reach: 2100,
    s: 'negative',
    topics: ['ecology'],
    lang: 'kk'
  },
  {
    n: 17,
    day: 16,
    platform: 'telegram',
    author: 'akimat',
    outlet: 'akimat',
    text: 'В парке Первого Президента открыли новую велодорожку длиной четыре километра.',
    url: 'https://t.me/akimat_almaty/3001',
    reach: 48000,
    s: 'positive',
    topics: ['parks']
  },
  {
    n: 18,
    day: 17,
    platform: 'instagram',
    author: 'aigerim',
    text: 'Жаңа саябақ өте әдемі болды, рақмет!',
    url: 'https://instagram.com/p/aig1',
    reach: 900,
    s: 'positive',
    topics: ['parks'],
    lang: 'kk'
  },
  {
    n: 19,
    day: 19,
    platform: 'instagram',
    author: 'aigerim',
    text: 'Гуляли в обновлённом сквере, очень уютно.',
    url: 'https://instagram.com/p/aig2',
    reach: 700,
    s: 'positive',
    topics: ['parks']
  },
  {
    n: 20,
    day: 21,
    platform: 'instagram',
    author: 'aigerim',
    text: 'Спасибо за новые скамейки у фонтана!',
    url: 'https://instagram.com/p/aig3',
    reach: 650,
    s: 'positive',
    topics: ['parks']
  },
  {
    n: 21,
    day: 20,
    platform: 'news',
    author: 'tengri',
    outlet: 'tengri',
    title: 'В Алматы высадили пять тысяч деревьев',
    text: 'Осенняя акция по озеленению завершилась.',
    url: 'https://tengrinews.kz/news/derevya',
    reach: 20000,
    s: 'positive',
    topics: ['parks']
  },
  {
    n: 22,
    day: 18,
    platform: 'news',
    author: 'informburo',
    outlet: 'informburo',
    title: 'Акимат провёл брифинг по итогам недели',
    text: 'На брифинге обсудили подготовку к зиме.',
    url: 'https://informburo.kz/news/briefing',
    reach: 10000,
    s: 'neutral',
    origin: 'model'
  },
  {
    n: 23,
    day: 19,
    platform: 'telegram',
    author: 'akimat',
    outlet: 'akimat',
    text: 'График приёма граждан на следующую неделю.',
    url: 'https://t.me/akimat_almaty/3010',
    reach: 30000,
    s: 'neutral',
    origin: 'model'
  },
  {
    n: 24,
    day: 20,
    platform: 'vk',
    author: 'nurlan',
    text: 'Кто знает, где получить справку о составе семьи?',
    url: 'https://vk.com/wall-1_60',
    reach: 300,
    s: 'neutral',
    origin: 'model'
  },
  {
    n: 25,
    day: 21,
    platform: 'vk',
    author: 'nurlan',
    text: 'Мусор во дворе не вывозят уже неделю.',
    url: 'https://vk.com/wall-1_61',
    reach: 600,
    s: 'negative',
    topics: ['zhkh']
  },
  {
    n: 26,
    day: 21,
    platform: 'news',
    author: 'vlast',
    outlet: 'vlast',
    title: 'Бюджет города на 2027 год обсудят на сессии маслихата',
    text: 'Проект бюджета внесён на рассмотрение.',
    url: 'https://vlast.kz/gorod/budget',
    reach: 12000,
    s: 'neutral',
    origin: 'model'
  },
  {
    n: 27,
    day: 22,
    platform: 'telegram',
    author: 'almatyOnline',
    outlet: 'almatyOnline',
    text: 'Погода на выходные: до минус десяти, без осадков.',
    url: 'https://t.me/almaty_online/5200',
    reach: 14000,
    s: 'neutral',
    origin: 'model'
  },
  {
    n: 28,
    day: 22,
    platform: 'forum',
    author: 'guest',
    outlet: 'forum',
    text: 'Кто-нибудь знает, когда включат горячую воду на Жарокова?',
    url: 'https://forum.almaty.kz/t/123'
  },
  {
    n: 29,
    day: 20,
    platform: 'news',
    author: 'vlast',
    outlet: 'vlast',
    title: 'Землетрясение в Турции',
    text: 'Новость не о городе.',
    url: 'https://vlast.kz/world/quake',
    reach: 99999,
    s: 'negative',
    irrelevant: true,
    topics: ['zhkh']
  },
  {
    n: 31,
    day: 20,
    platform: 'telegram',
    author: 'akimat',
    outlet: 'akimat',
    text: 'Открыт новый пункт обогрева на Алтынсарина, 24 — работает круглосуточно.',
    url: 'https://t.me/akimat_almaty/3020',
    reach: 25000,
    s: 'positive',
    topics: ['zhkh']
  }
]

/** The week before, 9–15 November 2026. */
export const PREVIOUS: Rec[] = [
  ...[1, 2, 3, 4].map((i): Rec => ({
    n: 100 + i,
    day: 9 + i,
    platform: 'news',
    author: 'tengri',
    outlet: 'tengri',
    title: `Жалобы на отопление ${i}`,
    text: `Жалоба на отопление номер ${i}.`,
    url: `https://tengrinews.kz/news/prev-zhkh-${i}`,
    reach: 1000,
    s: 'negative',
    topics: ['zhkh']
  })),
  ...[1, 2, 3, 4, 5, 6].map((i): Rec => ({
    n: 110 + i,
    day: 9 + (i % 6),
    platform: 'telegram',
    author: 'almatyOnline',
    outlet: 'almatyOnline',
    text: `Пробка на дороге номер ${i}.`,
    url: `https://t.me/almaty_online/prev-${i}`,
    reach: 2000,
    s: 'negative',
    topics: ['roads']
  })),
  ...[1, 2, 3, 4, 5].map((i): Rec => ({
    n: 120 + i,
    day: 9 + i,
    platform: 'news',
    author: 'informburo',
    outlet: 'informburo',
    title: `Новость ${i}`,
    text: `Нейтральная новость ${i}.`,
    url: `https://informburo.kz/news/prev-${i}`,
    reach: 500,
    s: 'neutral'
  })),
  ...[1, 2, 3].map((i): Rec => ({
    n: 130 + i,
    day: 10 + i,
    platform: 'telegram',
    author: 'akimat',
    outlet: 'akimat',
    text: `Хорошая новость ${i}.`,
    url: `https://t.me/akimat_almaty/prev-${i}`,
    reach: 3000,
    s: 'positive'
  }))
]

export interface Workspace {
  db: Db
  ids: Map<number, number>
}

/** Creates the workspace at `path` (':memory:' works too). */
export function buildWorkspace(path: string, extra: { logo?: string | null } = {}): Workspace {
  const db = openWorkspaceDatabase(path, { create: true })
  setSettings(db, {
    orgName: 'Акимат города Алматы',
    orgLogo: extra.logo ?? null,
    timeZone: TZ,
    weekStart: 1
  })
  // A new workspace starts with the default taxonomy; this one has exactly the four topics below.
  db.exec('DELETE FROM topics')
  const topicIds = new Map<Topic, number>()
  const insTopic = db.prepare(
    'INSERT INTO topics (key, name, names, sort, created_at) VALUES (?, ?, ?, ?, ?)'
  )
  TOPICS.forEach((tp, i) =>
    topicIds.set(
      tp.key,
      Number(
        insTopic.run(tp.key, tp.name, tp.names ? JSON.stringify(tp.names) : null, i, NOW).lastInsertRowid
      )
    )
  )
  const ids = new Map<number, number>()
  const all = [...PREVIOUS, ...CURRENT]
  const byExt = new Map(all.map((r) => [`fx-${r.n}`, r]))
  const analyzer: MentionAnalyzer = {
    analyze(rec) {
      const r = byExt.get(rec.externalId!)!
      return {
        topicIds: (r.topics ?? []).map((k) => topicIds.get(k)!),
        sentiment: r.origin === 'model' && r.s ? { label: r.s, score: 0.8, explanation: [] } : null
      }
    },
    story(_id, rec) {
      const r = byExt.get(rec.externalId!)!
      return r.storyOf ? ids.get(r.storyOf)! : null
    }
  }
  db.transaction(() => {
    const ing = new Ingestor(db, { analyzer, now: NOW })
    for (const r of all) {
      const input: MentionInput = {
        externalId: `fx-${r.n}`,
        publishedAt: zonedToUtc(2026, 11, r.day, r.hour ?? 10, 0, 0, TZ),
        platform: r.platform,
        title: r.title ?? null,
        text: r.text,
        url: r.url ?? null,
        reach: r.reach ?? null,
        author: A[r.author] as AuthorInput,
        outlet: r.outlet ? O[r.outlet] : null,
        sentiment: r.origin === 'model' ? null : (r.s ?? null),
        lang: r.lang ?? 'ru'
      }
      ing.add(input)
      ids.set(r.n, ing.insertedIds[ing.insertedIds.length - 1]!)
    }
    ing.finish()
    for (const r of all) {
      const id = ids.get(r.n)!
      if (r.irrelevant) db.prepare('UPDATE mentions SET irrelevant = 1 WHERE id = ?').run(id)
      if (r.origin === 'manual')
        db.prepare(
          "UPDATE mentions SET manual_sentiment = sentiment, sentiment_origin = 'manual' WHERE id = ?"
        ).run(id)
    }
    db.prepare(
      'INSERT INTO learned_models (kind, data, quality, labels, trained_at) VALUES (?, ?, ?, ?, ?)'
    ).run(
      'sentiment',
      '{}',
      JSON.stringify({
        f1pn: 0.74,
        accuracy: 0.81,
        perClass: { negative: { precision: 0.8, recall: 0.7, f1: 0.75 } },
        n: 412
      }),
      1650,
      zonedToUtc(2026, 11, 10, 12, 0, 0, TZ)
    )
  })()
  return { db, ids }
}

/** The figures the digest must print for CURRENT, computed from the records, not from SQL. */
export function expectedFigures(): {
  mentions: number
  stories: number
  negative: number
  neutral: number
  positive: number
  reach: number
  outlets: number
  authors: number
} {
  const rel = CURRENT.filter((r) => !r.irrelevant)
  const storyKeys = new Set(rel.map((r) => r.storyOf ?? r.n))
  const outlets = new Set(rel.filter((r) => r.outlet).map((r) => r.outlet))
  const authors = new Set(rel.map((r) => r.author))
  return {
    mentions: rel.length,
    stories: storyKeys.size,
    negative: rel.filter((r) => r.s === 'negative').length,
    neutral: rel.filter((r) => r.s === 'neutral').length,
    positive: rel.filter((r) => r.s === 'positive').length,
    reach: rel.reduce((s, r) => s + (r.reach ?? 0), 0),
    outlets: outlets.size,
    authors: authors.size
  }
}
