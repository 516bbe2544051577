/**
 * The one palette of sentiment and author lean: the app's styles (as CSS variables), its charts and
 * the digest's DOCX, PDF and chart images all take their colours from here.
 * Sentiment: red negative, grey neutral, green positive. Lean (as the office knows it): orange for
 * critics, blue for supporters.
 */
export const THEMES = ['light', 'dark'] as const
export type Theme = (typeof THEMES)[number]

export interface Palette {
  negative: string
  /** Neutral as a fill (charts, bars, dots). */
  neutral: string
  /** Neutral as text (badges). */
  neutralText: string
  positive: string
  unlabelled: string
  negativeBg: string
  neutralBg: string
  positiveBg: string
  /** Authors leaning critical. */
  critic: string
  criticBg: string
  /** Authors leaning supportive. */
  supporter: string
  supporterBg: string
}

export const PALETTE: Record<Theme, Palette> = {
  light: {
    negative: '#c0392b',
    neutral: '#a9b2be',
    neutralText: '#5f6b7a',
    positive: '#1f7a4d',
    unlabelled: '#d5d9df',
    negativeBg: '#fbeceb',
    neutralBg: '#eef0f3',
    positiveBg: '#e6f4ec',
    critic: '#d9750b',
    criticBg: '#fff1e0',
    supporter: '#1f64b8',
    supporterBg: '#e5effb'
  },
  dark: {
    negative: '#ef7b6c',
    neutral: '#69737f',
    neutralText: '#a6b0bd',
    positive: '#5cc28d',
    unlabelled: '#3c4450',
    negativeBg: '#3b2222',
    neutralBg: '#2a313b',
    positiveBg: '#1c3329',
    critic: '#f0a04b',
    criticBg: '#3a2a17',
    supporter: '#6fa8ee',
    supporterBg: '#1c2d45'
  }
}

/** The CSS variables the renderer's styles use, per theme. */
const CSS_VARS: Record<keyof Palette, string> = {
  negative: '--neg',
  neutral: '--neu-chart',
  neutralText: '--neu',
  positive: '--pos',
  unlabelled: '--unl',
  negativeBg: '--neg-bg',
  neutralBg: '--neu-bg',
  positiveBg: '--pos-bg',
  critic: '--orange',
  criticBg: '--orange-bg',
  supporter: '--blue',
  supporterBg: '--blue-bg'
}

/** paletteCss() → ':root{--neg:#c0392b;…}:root[data-theme='dark']{…}' */
export function paletteCss(): string {
  const vars = (p: Palette): string =>
    (Object.keys(CSS_VARS) as (keyof Palette)[]).map((k) => `${CSS_VARS[k]}:${p[k]};`).join('')
  return `:root{${vars(PALETTE.light)}}:root[data-theme='dark']{${vars(PALETTE.dark)}}`
}
