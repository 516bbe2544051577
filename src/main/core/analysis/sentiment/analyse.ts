import { languageOfWords, type Lang } from './language'
import { analyseLexicon, type LexAnalysis, type LexHit, type Lexicon } from './lexicon'
import type { LexiconScore } from './lexicon-score'
import { findTarget, tokenizeWithOffsets, type Token } from './tokens'

/** Everything the classifiers need to know about one (text, target) pair, computed once. */
export interface Analysis {
  text: string
  lang: Lang
  tokens: Token[]
  words: Token[]
  /** word spans of the target; empty when no target was given or it is not in the text */
  spans: Array<[number, number]>
  targetGiven: boolean
  lex: LexAnalysis
  /** per hit: how much it bears on the target (1 next to it, less far away or across sentences) */
  reach: number[]
  /** the target speaks: a speech verb next to it («X заявил», «по словам X», «X деді») */
  targetSpeaks: boolean
  /** cache of lexiconScore() */
  lexScore?: LexiconScore
}

export function analyse(lexicon: Lexicon, text: string, target?: string | null): Analysis {
  const tokens = tokenizeWithOffsets(text)
  const words = tokens.filter((t) => t.kind === 'w')
  const spans = findTarget(words, target)
  const lex = analyseLexicon(lexicon, text, tokens, words)
  const sentenceOf = sentenceIndex(tokens, words.length, false)
  const clauseOf = sentenceIndex(tokens, words.length, true)
  const targetSpeaks =
    spans.length > 0 && lex.speech.some(([a, b]) => spans.some(([s, e]) => a - e <= 3 && s - b <= 3))
  const reach = lex.hits.map((h) =>
    hitReach(h, spans, sentenceOf, clauseOf, targetSpeaks, words, lex.contrasts)
  )
  return {
    text,
    lang: languageOfWords(words),
    tokens,
    words,
    spans,
    targetGiven: !!target,
    lex,
    reach,
    targetSpeaks
  }
}

/** Sentence (or, with clauses, clause: up to , ; — : too) of each word. */
function sentenceIndex(tokens: Token[], n: number, clauses: boolean): number[] {
  const out = new Array<number>(n).fill(0)
  let s = 0
  for (const t of tokens) {
    if (t.kind === 'w') out[t.wi] = s
    else if (t.kind === '.' || t.kind === '!' || t.kind === '?') s++
    else if (clauses && (t.kind === ',' || t.kind === ':')) s++
  }
  return out
}

/** Word distance between a hit and the nearest target mention (0 when they touch or overlap). */
export function distanceToTarget(h: { from: number; to: number }, spans: Array<[number, number]>): number {
  let best = Infinity
  for (const [s, e] of spans) {
    const d = h.to <= s ? s - h.to : h.from >= e ? h.from - e : 0
    if (d < best) best = d
  }
  return best
}

export const REACH = { otherName: 0.6, otherClause: 0.7 }

function nameBetween(h: LexHit, spans: Array<[number, number]>, words: Token[]): boolean {
  let best: [number, number] | null = null
  let bestD = Infinity
  for (const sp of spans) {
    const d = h.to <= sp[0] ? sp[0] - h.to : h.from >= sp[1] ? h.from - sp[1] : 0
    if (d < bestD) {
      bestD = d
      best = sp
    }
  }
  if (!best) return false
  const [a, b] = h.to <= best[0] ? [h.to, best[0]] : [best[1], h.from]
  for (let i = a; i < b; i++) {
    if (i > 0 && words[i]?.cap) return true
  }
  return false
}

function hitReach(
  h: LexHit,
  spans: Array<[number, number]>,
  sentenceOf: number[],
  clauseOf: number[],
  targetSpeaks: boolean,
  words: Token[],
  contrasts: number[]
): number {
  if (spans.length === 0) return 1
  const d = distanceToTarget(h, spans)
  let r = d <= 3 ? 1 : d <= 8 ? 0.6 : 0.35
  const sameSentence = spans.some(([s]) => sentenceOf[s] === sentenceOf[h.from])
  if (!sameSentence) r *= 0.5
  else if (!spans.some(([s]) => clauseOf[s] === clauseOf[h.from])) r *= REACH.otherClause
  // another name stands between: the words more likely describe that one
  if (d > 0 && REACH.otherName < 1 && nameBetween(h, spans, words)) r *= REACH.otherName
  // what the target says about others is not an opinion about the target
  const targetQuoted = spans.some(([s]) => words[s]?.quoted)
  // («X заявил: ...» ; but «X обещал ..., но ничего не сделано» is about X again)
  const afterContrast = contrasts.some((c) => spans.some(([s]) => s < c) && c < h.from)
  if (targetSpeaks && d > 1 && (h.quoted || d > 3) && !targetQuoted && !afterContrast) r *= 0.4
  return r
}
