/**
 * Generates a Brand Analytics-style CSV export for the import benchmark: realistic Russian text
 * (~300 bytes a message), the real BA header, `;`, a UTF-8 (with BOM) and/or a Windows-1251 variant.
 *
 *   npx tsx bench/import-generate.ts --rows 200000 [--encoding utf-8|windows-1251|both] [--out bench/data]
 *
 * Output: bench/data/ba-<rows>-<encoding>.csv (git-ignored). Deterministic for a given row count.
 */
import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs'
import { once } from 'node:events'
import { join } from 'node:path'
import iconv from 'iconv-lite'

export const BA_HEADER = [
  'Дата',
  'Время',
  'Hash сообщения',
  'ID сообщения',
  'Заголовок',
  'Текст',
  'Источник',
  'Url',
  'Тип источника',
  'Тип сообщения',
  'Сюжет',
  'Автор',
  'Url автора',
  'Тип автора',
  'Место публикации',
  'Url места публикации',
  'Пол',
  'Возраст',
  'Аудитория',
  'Комментариев',
  'Цитируемость СМИ',
  'Репостов',
  'Лайков',
  'Вовлеченность',
  'Просмотров',
  'Оценка',
  'Дублей',
  'Аудитория СМИ',
  'Тональность',
  'Роль объекта',
  'Агрессия',
  'Страна',
  'Регион',
  'Город',
  'Место',
  'Адрес',
  'Язык',
  'WOM',
  'Обработано',
  'Тег 1'
]

const STEMS = [
  'акимат',
  'город',
  'улиц',
  'дорог',
  'ремонт',
  'жител',
  'район',
  'автобус',
  'маршрут',
  'остановк',
  'парк',
  'сквер',
  'дерев',
  'вод',
  'свет',
  'отоплен',
  'мусор',
  'двор',
  'площадк',
  'школ',
  'больниц',
  'поликлиник',
  'пробк',
  'светофор',
  'перекрёстк',
  'тротуар',
  'велодорожк',
  'метро',
  'станци',
  'трамва',
  'троллейбус',
  'такси',
  'парковк',
  'стоянк',
  'снег',
  'гололёд',
  'смог',
  'воздух',
  'выброс',
  'завод',
  'стройк',
  'застройщик',
  'дом',
  'подъезд',
  'лифт',
  'крыш',
  'подвал',
  'труб',
  'канализаци',
  'арык',
  'фонтан',
  'памятник',
  'праздник',
  'концерт',
  'фестивал',
  'ярмарк',
  'рынок',
  'магазин',
  'цен',
  'тариф',
  'налог',
  'бюджет',
  'маслихат',
  'депутат',
  'чиновник',
  'аким',
  'заместител',
  'управлени',
  'департамент',
  'полици',
  'авари',
  'пожар',
  'спасател',
  'скор',
  'врач',
  'учител',
  'ребён',
  'студент',
  'пенсионер',
  'водител',
  'пешеход',
  'сосед',
  'собак',
  'кошк',
  'дерев',
  'газон',
  'клумб'
]
const ENDINGS = ['', 'а', 'у', 'ом', 'е', 'ы', 'ов', 'ам', 'ами', 'ах', 'и', 'ей', 'ю', 'ой']
const WORDS = [
  'в',
  'на',
  'по',
  'с',
  'и',
  'не',
  'что',
  'как',
  'уже',
  'снова',
  'опять',
  'наконец',
  'сегодня',
  'вчера',
  'утром',
  'вечером',
  'очень',
  'совсем',
  'никто',
  'все',
  'когда',
  'почему',
  'где',
  'спасибо',
  'ужасно',
  'отлично',
  'плохо',
  'хорошо',
  'новый',
  'старый',
  'большой',
  'сломали',
  'починили',
  'открыли',
  'закрыли',
  'перекрыли',
  'обещали',
  'сделали',
  'жалуются',
  'благодарят',
  'просят',
  'требуют',
  'сообщили',
  'заявил',
  'отметил',
  'Алматы',
  'Абая',
  'Достык',
  'Аль-Фараби',
  'Сатпаева',
  'Толе би',
  'Медеуском',
  'Бостандыкском',
  'Ауэзовском',
  'Алмалинском',
  'Наурызбайском',
  'Жетысуском',
  'Турксибском'
]
const SITES = [
  'tengrinews.kz',
  'nur.kz',
  'zakon.kz',
  'informburo.kz',
  'vlast.kz',
  'orda.kz',
  'kursiv.media',
  'kapital.kz',
  'total.kz',
  'inbusiness.kz',
  'time.kz',
  'ktk.kz',
  'almaty.tv',
  'khabar.kz',
  'el.kz'
]
const TONES = ['позитив', 'негатив', 'нейтрал', 'нейтрал', 'нейтрал', 'негатив']
const AGES = ['18-24', '25-34', '35-44', '45-54', '', '']

/** xorshift32: the same file for the same row count. */
class Rng {
  private x: number
  constructor(seed: number) {
    this.x = seed >>> 0 || 1
  }
  next(): number {
    let x = this.x
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    this.x = x >>> 0
    return this.x / 0x100000000
  }
  int(n: number): number {
    return Math.floor(this.next() * n)
  }
  pick<T>(a: readonly T[]): T {
    return a[this.int(a.length)]!
  }
}

/** With a small vocabulary (bot floods, copy-paste campaigns) every text is drawn from these words only. */
let vocabulary: string[] | null = null

function sentence(r: Rng, bytes: number): string {
  const parts: string[] = []
  let len = 0
  while (len < bytes) {
    const w = vocabulary
      ? r.pick(vocabulary)
      : r.next() < 0.55
        ? r.pick(STEMS) + r.pick(ENDINGS)
        : r.next() < 0.1
          ? String(r.int(300))
          : r.pick(WORDS)
    parts.push(w)
    len += Buffer.byteLength(w) + 1
  }
  const s = parts.join(' ')
  return s[0]!.toUpperCase() + s.slice(1) + (r.next() < 0.7 ? '.' : '!')
}

function hex32(r: Rng): string {
  let s = ''
  for (let i = 0; i < 4; i++)
    s += Math.floor(r.next() * 0x100000000)
      .toString(16)
      .padStart(8, '0')
  return s
}

function csvCell(s: string): string {
  return /[;"\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s
}

/** One data row; `i` is the row number. */
export function baRow(r: Rng, i: number): string {
  const day = 1 + (i % 28)
  const dd = String(day).padStart(2, '0')
  const hh = String(r.int(24)).padStart(2, '0')
  const mi = String(r.int(60)).padStart(2, '0')
  const kind = r.next()
  let source: string,
    url: string,
    sourceType: string,
    authorUrl: string,
    place: string,
    placeUrl: string,
    title = ''
  const author = `Автор ${r.int(50_000)}`
  if (kind < 0.4) {
    source = 'vk.com'
    url = `https://vk.com/wall-${r.int(90_000)}_${i}`
    sourceType = 'Социальная сеть'
    authorUrl = `https://vk.com/id${r.int(50_000)}`
    const g = r.int(5000)
    place = `Подслушано ${g}`
    placeUrl = `https://vk.com/club${g}`
  } else if (kind < 0.6) {
    const ch = r.int(3000)
    source = 't.me'
    url = `https://t.me/channel_${ch}/${i}`
    sourceType = 'Мессенджер'
    authorUrl = `https://t.me/channel_${ch}`
    place = `Канал ${ch}`
    placeUrl = authorUrl
  } else if (kind < 0.7) {
    source = 'instagram.com'
    url = `https://www.instagram.com/p/B${i.toString(36)}x/`
    sourceType = 'Социальная сеть'
    authorUrl = `https://www.instagram.com/user_${r.int(50_000)}/`
    place = ''
    placeUrl = ''
  } else {
    const site = r.pick(SITES)
    source = site
    url = `https://${site}/news/${2026}/${i}-${r.int(1000)}`
    sourceType = 'СМИ'
    authorUrl = ''
    place = site
    placeUrl = `https://${site}`
    title = sentence(r, 60)
  }
  const text = sentence(r, 300)
  const cells = [
    `${dd}.08.2026`,
    `${hh}:${mi}`,
    hex32(r),
    String(i),
    title,
    text,
    source,
    url,
    sourceType,
    title ? 'Статья' : 'Пост',
    '',
    author,
    authorUrl,
    title ? 'СМИ' : 'Частное лицо',
    place,
    placeUrl,
    r.next() < 0.5 ? 'Ж' : 'М',
    r.pick(AGES),
    String(r.int(200_000)),
    String(r.int(100)),
    '',
    String(r.int(50)),
    String(r.int(3000)),
    '',
    String(r.int(100_000)),
    '',
    '',
    '',
    r.pick(TONES),
    '',
    '',
    ...(r.next() < 0.3 ? ['Казахстан', 'Алматы', 'Алматы'] : ['', '', '']),
    '',
    '',
    'Русский',
    '',
    'Нет',
    r.next() < 0.1 ? 'ЖКХ' : ''
  ]
  return cells.map(csvCell).join(';') + '\r\n'
}

/** The file name for a row count, encoding and vocabulary size (0: the realistic vocabulary). */
function fileName(rows: number, encoding: string, vocab: number): string {
  return `ba-${rows}-${encoding}${vocab ? `-v${vocab}` : ''}.csv`
}

export async function generate(
  rows: number,
  encoding: 'utf-8' | 'windows-1251',
  outDir: string,
  vocab = 0
): Promise<string> {
  mkdirSync(outDir, { recursive: true })
  const path = join(outDir, fileName(rows, encoding, vocab))
  vocabulary = vocab
    ? [...STEMS.slice(0, vocab >> 1).map((s) => s + 'а'), ...WORDS.slice(0, vocab - (vocab >> 1))]
    : null
  const out = createWriteStream(path)
  const enc = (s: string): Buffer =>
    encoding === 'utf-8' ? Buffer.from(s, 'utf8') : iconv.encode(s, 'win1251')
  if (encoding === 'utf-8') out.write(Buffer.from([0xef, 0xbb, 0xbf]))
  out.write(enc(BA_HEADER.join(';') + '\r\n'))
  const r = new Rng(rows)
  let buf = ''
  for (let i = 1; i <= rows; i++) {
    buf += baRow(r, i)
    if (buf.length > 1 << 20) {
      if (!out.write(enc(buf))) await once(out, 'drain')
      buf = ''
    }
  }
  out.write(enc(buf))
  out.end()
  await once(out, 'close')
  return path
}

function arg(name: string, def: string): string {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : def
}

/** The file for `rows` and `encoding`, generated when missing. */
export async function ensureData(
  rows: number,
  encoding: 'utf-8' | 'windows-1251',
  outDir = join(__dirname, 'data'),
  vocab = 0
): Promise<string> {
  const path = join(outDir, fileName(rows, encoding, vocab))
  return existsSync(path) ? path : generate(rows, encoding, outDir, vocab)
}

if (process.argv[1] && /import-generate\.ts$/.test(process.argv[1])) {
  const rows = Number(arg('rows', '1000000'))
  const which = arg('encoding', 'both')
  const outDir = arg('out', join(__dirname, 'data'))
  ;(async () => {
    for (const e of (which === 'both' ? ['utf-8', 'windows-1251'] : [which]) as (
      'utf-8' | 'windows-1251'
    )[]) {
      const t = Date.now()
      const p = await generate(rows, e, outDir)
      console.log(
        `${p}: ${rows} rows, ${(statSync(p).size / 1e6).toFixed(1)} MB in ${((Date.now() - t) / 1000).toFixed(1)} s`
      )
    }
  })().catch((e) => {
    console.error(e)
    process.exit(1)
  })
}
