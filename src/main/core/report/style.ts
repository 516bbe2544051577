/** The digest's look, shared by the DOCX and PDF writers and the charts. Hex colours without '#' go to docx. */
export const COLORS = {
  text: '#1f2933',
  muted: '#5f6b7a',
  faint: '#8a94a3',
  rule: '#d5dae1',
  ruleLight: '#e8ebef',
  band: '#f4f6f8',
  accent: '#1d4e89',
  negative: '#d9534f',
  negativeAuthor: '#e8772e',
  positive: '#2f78c4',
  neutral: '#9aa3ad',
  unlabelled: '#d9dde2',
  link: '#1d5fa8'
} as const

export type ColorName = keyof typeof COLORS

/** COLORS without '#', as docx wants them. */
export function hex(c: ColorName): string {
  return COLORS[c].slice(1)
}
