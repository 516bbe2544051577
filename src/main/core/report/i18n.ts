import { UI_LANGS, type UiLang } from '../../../shared/types'
import type { AuthorType, Platform } from '../../../shared/types'
import { DICTS, RU, type LabelKey } from './i18n-labels'

export type Lang = UiLang
export const LANGS: readonly Lang[] = UI_LANGS
export type { LabelKey }

/** t('ru', 'pageOf', { n: 2, m: 5 }) → 'Страница 2 из 5' */
export function t(lang: Lang, key: LabelKey, vars: Record<string, string | number> = {}): string {
  const s = DICTS[lang][key] ?? RU[key]
  return s
    .replace(/\{(\w+)#([^}]+)\}/g, (m, k: string, forms: string) =>
      k in vars ? pluralForm(lang, countOf(vars[k]!), forms.split('|')) : m
    )
    .replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m))
}

/** A number given to `t` already formatted ('1 234') still picks its plural form. */
function countOf(v: string | number): number {
  return typeof v === 'number' ? v : Number(String(v).replace(/[^\d]/g, '')) || 0
}

/**
 * The word form for a count. Russian: one | few | many (1 публикация, 2 публикации, 5 публикаций, 21 публикация);
 * English: one | other; Kazakh keeps one form after numbers.
 */
export function pluralForm(lang: Lang, n: number, forms: string[]): string {
  const last = forms[forms.length - 1] ?? ''
  if (lang === 'ru') {
    const m10 = n % 10
    const m100 = n % 100
    if (m10 === 1 && m100 !== 11) return forms[0] ?? last
    if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return forms[1] ?? last
    return forms[2] ?? last
  }
  if (lang === 'en') return n === 1 ? (forms[0] ?? last) : last
  return forms[0] ?? last
}

const PLATFORM_NAMES: Record<Lang, Partial<Record<Platform, string>>> = {
  ru: {
    news: 'СМИ',
    forum: 'Форумы',
    blog: 'Блоги',
    other: 'Другое',
    x: 'X (Twitter)',
    ok: 'Одноклассники',
    vk: 'ВКонтакте'
  },
  kk: {
    news: 'БАҚ',
    forum: 'Форумдар',
    blog: 'Блогтар',
    other: 'Басқа',
    x: 'X (Twitter)',
    ok: 'Одноклассники',
    vk: 'ВКонтакте'
  },
  en: {
    news: 'News media',
    forum: 'Forums',
    blog: 'Blogs',
    other: 'Other',
    x: 'X (Twitter)',
    ok: 'Odnoklassniki',
    vk: 'VK'
  }
}
const PLATFORM_BRANDS: Record<Platform, string> = {
  news: 'News',
  telegram: 'Telegram',
  vk: 'VK',
  instagram: 'Instagram',
  facebook: 'Facebook',
  youtube: 'YouTube',
  tiktok: 'TikTok',
  x: 'X',
  ok: 'OK',
  threads: 'Threads',
  forum: 'Forum',
  blog: 'Blog',
  other: 'Other'
}

/** platformName('ru', 'news') → 'СМИ'; platformName('ru', 'telegram') → 'Telegram' */
export function platformName(lang: Lang, p: Platform | string): string {
  return PLATFORM_NAMES[lang][p as Platform] ?? PLATFORM_BRANDS[p as Platform] ?? p
}

/** The platform as it reads inside "Пользователь Telegram №3": brands stay brands. */
export function platformForUser(lang: Lang, p: Platform | string): string {
  if (p === 'vk') return lang === 'en' ? 'VK' : 'ВКонтакте'
  if (p === 'news' || p === 'forum' || p === 'blog' || p === 'other') {
    const words: Record<Lang, Record<string, string>> = {
      ru: { news: 'сайта', forum: 'форума', blog: 'блога', other: 'сети' },
      kk: { news: 'сайт', forum: 'форум', blog: 'блог', other: 'желі' },
      en: { news: 'site', forum: 'forum', blog: 'blog', other: 'network' }
    }
    return words[lang][p] ?? p
  }
  return PLATFORM_BRANDS[p as Platform] ?? p
}

const AUTHOR_TYPE_NAMES: Record<Lang, Record<AuthorType, string>> = {
  ru: {
    media: 'СМИ',
    official: 'Официальный',
    blogger: 'Блогер',
    private: 'Частное лицо',
    unknown: 'Не определён'
  },
  kk: { media: 'БАҚ', official: 'Ресми', blogger: 'Блогер', private: 'Жеке тұлға', unknown: 'Белгісіз' },
  en: {
    media: 'Media',
    official: 'Official',
    blogger: 'Blogger',
    private: 'Private person',
    unknown: 'Unknown'
  }
}
export function authorTypeName(lang: Lang, type: AuthorType): string {
  return AUTHOR_TYPE_NAMES[lang][type]
}

const NBSP = '\u00a0'
/** Whole numbers grouped by thousands with a no-break space (PT Sans has no U+202F): 12 400 / 12,400. */
export function formatInt(lang: Lang, n: number): string {
  const s = String(Math.round(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'en' ? ',' : NBSP)
  return n < 0 ? `−${s}` : s
}

/** A number with up to `digits` decimals, decimal comma outside English. */
export function formatDecimal(lang: Lang, n: number, digits = 1): string {
  const fixed =
    digits > 0
      ? Math.abs(n)
          .toFixed(digits)
          .replace(/\.?0+$/, '')
      : Math.abs(n).toFixed(0)
  const [int, frac] = fixed.split('.')
  const s = formatInt(lang, Number(int)) + (frac ? (lang === 'en' ? '.' : ',') + frac : '')
  return n < 0 && Number(fixed) !== 0 ? `−${s}` : s
}

/** A share 0..1 as a percentage: 0.4166 → '41,7%'. */
export function formatPct(lang: Lang, share: number, digits = 1): string {
  return `${formatDecimal(lang, share * 100, digits)}${lang === 'en' ? '' : NBSP}%`
}

/** Big numbers compactly for cards: 1 234 567 → '1,2 млн'. */
export function formatCompact(lang: Lang, n: number): string {
  const units: Record<Lang, [string, string]> = { ru: ['тыс.', 'млн'], kk: ['мың', 'млн'], en: ['K', 'M'] }
  const [k, m] = units[lang]
  const sep = lang === 'en' ? '' : NBSP
  if (Math.abs(n) >= 1e6) return `${formatDecimal(lang, n / 1e6, 1)}${sep}${m}`
  if (Math.abs(n) >= 1e5) return `${formatDecimal(lang, n / 1e3, 0)}${sep}${k}`
  return formatInt(lang, n)
}

/** '2026-11-16' → '16.11.2026' */
export function formatDay(date: string): string {
  const [y, m, d] = date.split('-')
  return `${d}.${m}.${y}`
}
