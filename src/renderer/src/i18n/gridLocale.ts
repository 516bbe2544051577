import { AG_GRID_LOCALE_EN } from '@ag-grid-community/locale'
import { AG_GRID_LOCALE_RU } from './ag-grid/ru'
import { AG_GRID_LOCALE_KK } from './ag-grid/kk'
import type { Lang } from './index'

/** AG Grid's own texts (filter menus, overlays, aria labels) per interface language. */
export const GRID_LOCALE: Record<Lang, Record<string, string>> = {
  ru: AG_GRID_LOCALE_RU,
  kk: AG_GRID_LOCALE_KK,
  en: AG_GRID_LOCALE_EN
}
