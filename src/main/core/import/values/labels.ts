import type { AgeGroup, AuthorType, Gender, MentionKind, Sentiment } from '../../../../shared/types'
import type { CellValue } from './dates'

/** How a preset writes sentiment: labels, Medialogia's 1–5 grade, or a signed score (Talkwalker −5…5). */
export type SentimentScale = 'labels' | 'grade5' | 'signed'

export type SentimentResult =
  { ok: true; sentiment: Sentiment | null; raw: string | null } | { ok: false; raw: string }

const LABELS: Record<string, Sentiment> = {}
const put = (s: Sentiment, ...names: string[]): void => names.forEach((n) => (LABELS[n] = s))
put(
  'positive',
  'позитив',
  'позитивная',
  'позитивный',
  'позитивное',
  'положительная',
  'положительный',
  'положительное',
  'позитивно',
  'positive',
  'pos',
  '+1',
  '1'
)
put(
  'negative',
  'негатив',
  'негативная',
  'негативный',
  'негативное',
  'отрицательная',
  'отрицательный',
  'отрицательное',
  'негативно',
  'negative',
  'neg',
  '-1',
  '−1'
)
put('neutral', 'нейтрал', 'нейтральная', 'нейтральный', 'нейтральное', 'нейтрально', 'neutral', 'neu', '0')
/** Mixed has no place on our three-point scale: stored as neutral, with the original label kept. */
const MIXED = new Set([
  'mixed',
  'смешанная',
  'смешанный',
  'смешанное',
  'смешанно',
  'смешанная тональность',
  'противоречивая',
  'амбивалентная'
])
/** Written by exports for "no label": no sentiment, no warning. */
const NONE = new Set([
  '',
  'не определена',
  'не определено',
  'неопределена',
  'без оценки',
  'не задана',
  'нет',
  'n/a',
  'na',
  'none',
  'unknown',
  'not rated',
  'unrated',
  'undefined',
  '-',
  '—',
  '–'
])

/**
 * Maps an export's sentiment label; unknown labels come back `ok: false` so the row gets a warning.
 * parseSentiment('Негатив') → negative; parseSentiment('mixed') → neutral with raw 'mixed';
 * parseSentiment('4', 'grade5') → positive; parseSentiment('-3', 'signed') → negative.
 */
export function parseSentiment(v: CellValue, scale: SentimentScale = 'labels'): SentimentResult {
  if (v === null || v === undefined) return { ok: true, sentiment: null, raw: null }
  const raw = String(v).trim()
  const key = raw.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ')
  if (NONE.has(key)) return { ok: true, sentiment: null, raw: null }
  if (scale === 'grade5' && /^[1-5]([.,]0+)?$/.test(key)) {
    const n = Number(key[0])
    return { ok: true, sentiment: n <= 2 ? 'negative' : n === 3 ? 'neutral' : 'positive', raw }
  }
  if (scale === 'signed' && /^[+\-−]?\d+([.,]\d+)?$/.test(key)) {
    const n = Number(key.replace('−', '-').replace(',', '.'))
    return { ok: true, sentiment: n < 0 ? 'negative' : n > 0 ? 'positive' : 'neutral', raw }
  }
  const s = LABELS[key]
  if (s) return { ok: true, sentiment: s, raw: null }
  if (MIXED.has(key)) return { ok: true, sentiment: 'neutral', raw }
  return { ok: false, raw }
}

/** 'М', 'муж.', 'Мужской', 'Мужчина', 'male', 'MALE', 'm' → male; likewise female; else null. */
export function parseGender(v: CellValue): Gender | null {
  if (v === null || v === undefined) return null
  const k = String(v).trim().toLowerCase()
  if (!k) return null
  if (/^(m|м|муж.*|male|man|men|ер|ер адам)$/.test(k)) return 'male'
  if (/^(f|ж|жен.*|female|woman|women|әйел)$/.test(k)) return 'female'
  return null
}

/**
 * An age or age range into the audience groups: '34' → '25-34', '18-24' → '18-24', '25–34 лет' → '25-34',
 * 'до 18' → '<18', '65+' / 'старше 65' → '65+'. Ranges that cross groups take their midpoint.
 */
export function parseAge(v: CellValue): AgeGroup | null {
  if (v === null || v === undefined) return null
  const k = String(v).trim().toLowerCase()
  if (!k) return null
  if (/^(<|до|младше|under|менее)\s*18/.test(k)) return '<18'
  let m =
    /^(\d{1,3})\s*(\+|и старше|лет и старше|and older|or older)/.exec(k) ??
    /^(?:старше|от|over|>)\s*(\d{1,3})/.exec(k)
  if (m) return group(Number(m[1]))
  m = /^(\d{1,3})\s*[-–—]\s*(\d{1,3})/.exec(k)
  if (m) {
    const a = Number(m[1])
    const b = Number(m[2])
    return b >= a ? group(Math.floor((a + b) / 2)) : null
  }
  m = /^(\d{1,3})(\s*(лет|год|года|y|years?))?$/.exec(k)
  return m ? group(Number(m[1])) : null
}

function group(age: number): AgeGroup | null {
  if (!(age > 0 && age < 120)) return null
  return age < 18
    ? '<18'
    : age < 25
      ? '18-24'
      : age < 35
        ? '25-34'
        : age < 45
          ? '35-44'
          : age < 55
            ? '45-54'
            : age < 65
              ? '55-64'
              : '65+'
}

/** Тип автора / Account Type → media, official, blogger, private; anything else unknown. */
export function parseAuthorType(v: CellValue): AuthorType | null {
  if (v === null || v === undefined) return null
  const k = String(v).trim().toLowerCase()
  if (!k) return null
  if (/сми|media|news|press|издани|редакц|журналист/.test(k)) return 'media'
  if (
    /официальн|государств|госорган|ведомств|official|government|organi[sz]ational|организац|компани|бренд|brand/.test(
      k
    )
  )
    return 'official'
  if (/блог|blogger|influencer|инфлюенс|лидер мнени/.test(k)) return 'blogger'
  if (/частн|individual|private|personal|person|пользовател|физ/.test(k)) return 'private'
  return 'unknown'
}

/** Тип сообщения / Post type → article, post, comment, repost, message. */
export function parseKind(v: CellValue): MentionKind | null {
  if (v === null || v === undefined) return null
  const k = String(v).trim().toLowerCase()
  if (!k) return null
  if (/коммент|comment|reply|ответ/.test(k)) return 'comment'
  if (/репост|repost|retweet|ретвит|share|forward|пересл/.test(k)) return 'repost'
  if (/стать|article|news|новост|публикац/.test(k)) return 'article'
  if (/сообщени|message|chat/.test(k)) return 'message'
  if (/пост|post|tweet|твит|видео|video|stor/.test(k)) return 'post'
  return null
}

/** Language names (ru, en, fr, de, es, the language itself) and ISO 639-2/3 codes → ISO 639-1. */
const LANGS: Record<string, string> = {
  русский: 'ru',
  russian: 'ru',
  рус: 'ru',
  russe: 'ru',
  russisch: 'ru',
  ruso: 'ru',
  russo: 'ru',
  орыс: 'ru',
  орысша: 'ru',
  'орыс тілі': 'ru',
  'русский язык': 'ru',
  rus: 'ru',
  казахский: 'kk',
  kazakh: 'kk',
  қазақ: 'kk',
  қазақша: 'kk',
  каз: 'kk',
  'казахский язык': 'kk',
  'қазақ тілі': 'kk',
  'kazakh language': 'kk',
  kazakhe: 'kk',
  kasachisch: 'kk',
  kazajo: 'kk',
  kaz: 'kk',
  qazaq: 'kk',
  kazak: 'kk',
  английский: 'en',
  english: 'en',
  англ: 'en',
  anglais: 'en',
  englisch: 'en',
  inglés: 'en',
  ingles: 'en',
  inglese: 'en',
  ағылшын: 'en',
  eng: 'en',
  'английский язык': 'en',
  французский: 'fr',
  french: 'fr',
  français: 'fr',
  francais: 'fr',
  französisch: 'fr',
  francés: 'fr',
  frances: 'fr',
  francese: 'fr',
  француз: 'fr',
  fra: 'fr',
  fre: 'fr',
  немецкий: 'de',
  german: 'de',
  allemand: 'de',
  deutsch: 'de',
  alemán: 'de',
  aleman: 'de',
  tedesco: 'de',
  неміс: 'de',
  deu: 'de',
  ger: 'de',
  испанский: 'es',
  spanish: 'es',
  espagnol: 'es',
  spanisch: 'es',
  español: 'es',
  espanol: 'es',
  spagnolo: 'es',
  spa: 'es',
  итальянский: 'it',
  italian: 'it',
  italien: 'it',
  italienisch: 'it',
  italiano: 'it',
  ita: 'it',
  украинский: 'uk',
  ukrainian: 'uk',
  ukrainien: 'uk',
  українська: 'uk',
  ukr: 'uk',
  узбекский: 'uz',
  uzbek: 'uz',
  ouzbek: 'uz',
  oʻzbek: 'uz',
  'o‘zbek': 'uz',
  ozbek: 'uz',
  uzb: 'uz',
  кыргызский: 'ky',
  киргизский: 'ky',
  kyrgyz: 'ky',
  kirghiz: 'ky',
  кыргызча: 'ky',
  kir: 'ky',
  турецкий: 'tr',
  turkish: 'tr',
  turc: 'tr',
  türkisch: 'tr',
  türkçe: 'tr',
  turkce: 'tr',
  tur: 'tr',
  китайский: 'zh',
  chinese: 'zh',
  chinois: 'zh',
  chinesisch: 'zh',
  中文: 'zh',
  zho: 'zh',
  chi: 'zh',
  арабский: 'ar',
  arabic: 'ar',
  arabe: 'ar',
  arabisch: 'ar',
  العربية: 'ar',
  ara: 'ar',
  польский: 'pl',
  polish: 'pl',
  polonais: 'pl',
  polski: 'pl',
  pol: 'pl',
  португальский: 'pt',
  portuguese: 'pt',
  portugais: 'pt',
  português: 'pt',
  portugues: 'pt',
  por: 'pt',
  таджикский: 'tg',
  tajik: 'tg',
  тоҷикӣ: 'tg',
  tgk: 'tg',
  азербайджанский: 'az',
  azerbaijani: 'az',
  azərbaycan: 'az',
  aze: 'az',
  белорусский: 'be',
  belarusian: 'be',
  беларуская: 'be',
  bel: 'be',
  японский: 'ja',
  japanese: 'ja',
  japonais: 'ja',
  日本語: 'ja',
  jpn: 'ja',
  корейский: 'ko',
  korean: 'ko',
  coréen: 'ko',
  한국어: 'ko',
  kor: 'ko',
  хинди: 'hi',
  hindi: 'hi',
  hin: 'hi',
  персидский: 'fa',
  persian: 'fa',
  farsi: 'fa',
  fas: 'fa',
  per: 'fa',
  нидерландский: 'nl',
  голландский: 'nl',
  dutch: 'nl',
  néerlandais: 'nl',
  nederlands: 'nl',
  nld: 'nl',
  dut: 'nl'
}

/** Language names or codes → ISO 639-1 ('Русский' → 'ru', 'kz' → 'kk', 'ru-RU' → 'ru'). */
export function parseLang(v: CellValue): string | null {
  if (v === null || v === undefined) return null
  const k = String(v)
    .trim()
    .toLowerCase()
    .replace(/\s*\(.*\)$/, '')
    .replace(/\s+/g, ' ')
  if (!k) return null
  if (LANGS[k]) return LANGS[k]!
  const m = /^([a-z]{2})([-_][a-z0-9]{2,4})?$/.exec(k)
  if (!m) return null
  return m[1] === 'kz' ? 'kk' : m[1]!
}
