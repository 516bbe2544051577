import { createContext, useContext, useMemo, useState, type ReactNode } from 'react'
import { ru, type Dictionary, type MessageKey } from './ru'
import { kk } from './kk'
import { en } from './en'

export type Lang = 'ru' | 'kk' | 'en'
export const DICTIONARIES: Record<Lang, Dictionary> = { ru, kk, en }
const LOCALES: Record<Lang, string> = { ru: 'ru-RU', kk: 'kk-KZ', en: 'en-GB' }

export interface I18n {
  lang: Lang
  setLang(l: Lang): void
  t(key: MessageKey, params?: Record<string, string | number>): string
  num(n: number | null | undefined): string
}

const Ctx = createContext<I18n | null>(null)

export function I18nProvider({ initial, children }: { initial: Lang; children: ReactNode }) {
  const [lang, setLang] = useState<Lang>(initial)
  const value = useMemo<I18n>(() => {
    const dict = DICTIONARIES[lang]
    const nf = new Intl.NumberFormat(LOCALES[lang])
    return {
      lang,
      setLang,
      t: (key, params) => {
        let s: string = dict[key] ?? ru[key] ?? key
        if (params)
          for (const [k, v] of Object.entries(params))
            s = s.replace(`{${k}}`, typeof v === 'number' ? nf.format(v) : v)
        return s
      },
      num: (n) => (n === null || n === undefined ? '—' : nf.format(n))
    }
  }, [lang])
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>
}

export function useI18n(): I18n {
  const v = useContext(Ctx)
  if (!v) throw new Error('useI18n outside I18nProvider')
  return v
}
