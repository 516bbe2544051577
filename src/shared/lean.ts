/**
 * Who is a critic and who a supporter: the ONE rule behind the Authors page (orange / blue rows),
 * the table export, the digest and `otklik authors`. The SQL side (src/main/core/queries/lean.ts)
 * calls these same functions from SQLite, so the pages, the digest and the CLI cannot drift apart.
 *
 * What the counts are: an author's labelled, relevant (not irrelevant) mentions in the period under
 * every filter except sentiment: a «Негатив» filter narrows the list of authors, never the evidence.
 */
import type { AuthorType } from './types'

export const LEANS = ['critic', 'supporter'] as const
export type Lean = (typeof LEANS)[number]

/** The highlight rule: at least `minLabelled` labelled mentions and at least `percent` % of them one way. */
export interface LeanRule {
  minLabelled: number
  /** A whole percent, 50..100. */
  percent: number
}

/**
 * The rule from the workspace settings, which keep the share as a fraction. Rounded to a whole percent,
 * so that 0.55 means exactly 55 (0.55 * 100 is 55.00000000000001).
 * leanRule({ authorMinLabelled: 3, authorShare: 0.55 }) → { minLabelled: 3, percent: 55 }
 */
export function leanRule(s: { authorMinLabelled: number; authorShare: number }): LeanRule {
  const min = Math.round(Number(s.authorMinLabelled))
  const percent = Math.round(Number(s.authorShare) * 100)
  return {
    minLabelled: Number.isFinite(min) ? Math.max(1, min) : 3,
    percent: Number.isFinite(percent) ? Math.min(100, Math.max(50, percent)) : 60
  }
}

export interface LeanCounts {
  labelled: number
  negative: number
  positive: number
}

/**
 * The lean of one author, in integers (`negative * 100 >= percent * labelled`). The administration's own
 * accounts (type official) never lean: they are not critics or supporters of themselves.
 * leanOf({ labelled: 100, negative: 55, positive: 5 }, 'private', { minLabelled: 3, percent: 55 }) → 'critic'
 */
export function leanOf(c: LeanCounts, type: AuthorType | string | null, rule: LeanRule): Lean | null {
  if (type === 'official') return null
  if (c.labelled < Math.max(1, rule.minLabelled)) return null
  if (c.negative * 100 >= rule.percent * c.labelled) return 'critic'
  if (c.positive * 100 >= rule.percent * c.labelled) return 'supporter'
  return null
}

/** z for a two-sided 95 % interval. */
export const WILSON_Z = 1.96

/**
 * The lower bound of the 95 % Wilson score interval of k successes in n: a share that ranks by evidence,
 * so 14 negative of 15 (≈ 0.70) ranks above 1 of 1 (≈ 0.21). null when n is 0.
 * wilsonLower(1, 1) → 0.2065…; wilsonLower(14, 15) → 0.7018…
 */
export function wilsonLower(k: number, n: number, z = WILSON_Z): number | null {
  if (!(n > 0)) return null
  const p = k / n
  const z2 = z * z
  const centre = p + z2 / (2 * n)
  const margin = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))
  return Math.max(0, (centre - margin) / (1 + z2 / n))
}
