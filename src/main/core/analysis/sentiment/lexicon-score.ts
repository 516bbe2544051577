import type { Sentiment } from '../../../../shared/types'
import { TARGET_WEIGHT, targetScopes, type Analysis } from './analyse'

/** Words of the text between two word indices, as written. */
export function surface(a: Analysis, from: number, to: number): string {
  const s = a.words[from]
  const e = a.words[to - 1]
  return s && e ? a.text.slice(s.start, e.end) : ''
}

export function inTarget(a: Analysis, from: number, to: number): boolean {
  return a.spans.some(([s, e]) => from < e && to > s)
}

export interface LexiconScore {
  /** signed: below zero leans negative */
  score: number
  /** contributions, biggest first, with the words as written */
  parts: Array<{
    text: string
    value: number
    /** first word of the hit (none for emoji and irony marks) */ at?: number
  }>
}

/**
 * The lexicon's verdict about the target: polarity words weighed by how close they are to it.
 * Words inside the target's own name do not count («отдел благоустройства» is no praise).
 */
export function lexiconScore(a: Analysis): LexiconScore {
  return (a.lexScore ??= computeLexiconScore(a))
}

function computeLexiconScore(a: Analysis): LexiconScore {
  const parts: LexiconScore['parts'] = []
  let score = 0
  const scope = TARGET_WEIGHT.on ? targetScopes(a) : null
  a.lex.hits.forEach((h, i) => {
    if (inTarget(a, h.from, h.to)) return
    const v = h.weight * (a.reach[i] ?? 1) * (scope ? TARGET_WEIGHT.byScope[scope[i]!]! : 1)
    score += v
    parts.push({ text: surface(a, h.showFrom, h.showTo), value: v, at: h.from })
  })
  if (a.lex.emoji !== 0) {
    score += 0.5 * Math.max(-3, Math.min(3, a.lex.emoji))
    parts.push({ text: a.lex.emoji > 0 ? ':)' : ':(', value: 0.5 * a.lex.emoji })
  }
  for (const [f, t] of a.lex.ironyMarks)
    parts.push({ text: surface(a, f, t), value: a.lex.ironyStrong ? -0.5 : -0.1 })
  if (a.lex.ironyStrong) score -= 0.5
  parts.sort((x, y) => Math.abs(y.value) - Math.abs(x.value))
  return { score, parts }
}

export function lexiconLabel(score: number, threshold = 0.5): Sentiment {
  return score >= threshold ? 'positive' : score <= -threshold ? 'negative' : 'neutral'
}

/** Confidence of a lexicon verdict: grows with the size of the score. */
export function lexiconConfidence(score: number, threshold = 0.5): number {
  const margin = Math.abs(score) >= threshold ? Math.abs(score) - threshold : threshold - Math.abs(score)
  return 0.5 + 0.45 * Math.tanh(margin)
}
