import { PALETTE } from '../../../shared/palette'

/** The digest's look, shared by the DOCX and PDF writers and the charts. Hex colours without '#' go to docx. */
export const COLORS = {
  text: '#1f2933',
  muted: '#5f6b7a',
  faint: '#8a94a3',
  rule: '#d5dae1',
  ruleLight: '#e8ebef',
  band: '#f4f6f8',
  accent: '#1d4e89',
  // Sentiment and lean: the app's palette (one definition in src/shared/palette.ts).
  negative: PALETTE.light.negative,
  negativeAuthor: PALETTE.light.critic,
  positiveAuthor: PALETTE.light.supporter,
  positive: PALETTE.light.positive,
  neutral: PALETTE.light.neutral,
  unlabelled: PALETTE.light.unlabelled,
  link: '#1d5fa8'
} as const

export type ColorName = keyof typeof COLORS

/** COLORS without '#', as docx wants them. */
export function hex(c: ColorName): string {
  return COLORS[c].slice(1)
}
