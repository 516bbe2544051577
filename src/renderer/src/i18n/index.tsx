import { UI_LANGS, type UiLang } from '../../../shared/types'
import { createContext, useContext, useMemo, type ReactNode } from 'react'
import { formatDate, formatDateTime } from '../../../shared/time'
import { ru, type Dictionary, type MessageKey } from './ru'
import { kk } from './kk'
import { en } from './en'

export type Lang = UiLang
export type { MessageKey }
export const DICTIONARIES: Record<Lang, Dictionary> = { ru, kk, en }
export const LANGS: readonly Lang[] = UI_LANGS
/**
 * Number formats. Kazakhstan writes numbers like Russia (1 770, 42,3 %), and browsers often lack
 * Kazakh number data (falling back to 1,770), so Kazakh uses Russian-in-Kazakhstan rules.
 */
const LOCALES: Record<Lang, string> = { ru: 'ru-RU', kk: 'ru-KZ', en: 'en-GB' }

export interface I18n {
  lang: Lang
  setLang(l: Lang): void
  /** A message with {params} substituted; numbers are formatted for the language. */
  t(key: MessageKey, params?: Record<string, string | number>): string
  /** A key built at run time (`sentiment.${s}`); falls back to `fallback` or the key itself. */
  tx(key: string, fallback?: string, params?: Record<string, string | number>): string
  num(n: number | null | undefined): string
  /** A share 0..1 as a percentage: 0.153 → «15 %» (ru) / «15%» (en). */
  pct(share: number | null | undefined, digits?: number): string
  /** Epoch ms → dd.mm.yyyy in the workspace time zone. */
  date(t: number | null | undefined): string
  dateTime(t: number | null | undefined): string
  /** 'YYYY-MM-DD' → dd.mm.yyyy */
  day(d: string | null | undefined): string
  timeZone: string
}

const Ctx = createContext<I18n | null>(null)

/** Language and formatting for the whole UI. The language itself lives in settings (main). */
export function I18nProvider({
  lang,
  onLang,
  timeZone,
  children
}: {
  lang: Lang
  onLang: (l: Lang) => void
  timeZone: string
  children: ReactNode
}) {
  const value = useMemo<I18n>(() => {
    const dict = DICTIONARIES[lang]
    const nf = new Intl.NumberFormat(LOCALES[lang])
    const format = (s: string, params?: Record<string, string | number>): string => {
      if (!params) return s
      return s.replace(/\{(\w+)\}/g, (whole, k: string) => {
        const v = params[k]
        if (v === undefined) return whole
        return typeof v === 'number' ? nf.format(v) : v
      })
    }
    return {
      lang,
      setLang: onLang,
      timeZone,
      t: (key, params) => format(dict[key] ?? ru[key] ?? key, params),
      tx: (key, fallback, params) => {
        const d = dict as Record<string, string>
        return format(d[key] ?? (ru as Record<string, string>)[key] ?? fallback ?? key, params)
      },
      num: (n) => (n === null || n === undefined ? '—' : nf.format(n)),
      pct: (share, digits = 0) => {
        if (share === null || share === undefined || !Number.isFinite(share)) return '—'
        return new Intl.NumberFormat(LOCALES[lang], {
          style: 'percent',
          maximumFractionDigits: digits,
          minimumFractionDigits: digits
        }).format(share)
      },
      date: (t) => (t === null || t === undefined ? '—' : formatDate(t, timeZone)),
      dateTime: (t) => (t === null || t === undefined ? '—' : formatDateTime(t, timeZone)),
      day: (d) => {
        if (!d) return '—'
        const [y, m, dd] = d.split('-')
        return `${dd}.${m}.${y}`
      }
    }
  }, [lang, onLang, timeZone])
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>
}

export function useI18n(): I18n {
  const v = useContext(Ctx)
  if (!v) throw new Error('useI18n outside I18nProvider')
  return v
}
