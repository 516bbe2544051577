import { languageOfWords, type Lang } from './language'
import { analyseLexicon, type LexAnalysis, type LexHit, type Lexicon } from './lexicon'
import type { LexiconScore } from './lexicon-score'
import { matchTarget, tokenizeWithOffsets, type Token } from './tokens'

/** Everything the classifiers need to know about one (text, target) pair, computed once. */
export interface Analysis {
  text: string
  lang: Lang
  tokens: Token[]
  words: Token[]
  /** word spans of the target; empty when no target was given or it is not in the text */
  spans: Array<[number, number]>
  targetGiven: boolean
  /** the target as given (classify's target, the subject's words) */
  target: string | null
  /** only the loose spelling found the target («Sberbank» for «Сбербанк»: tokens.ts matchTarget) */
  targetLoose: boolean
  lex: LexAnalysis
  /** per hit: how much it bears on the target (1 next to it, less far away or across sentences) */
  reach: number[]
  /** the target speaks: a speech verb next to it («X заявил», «по словам X», «X деді») */
  targetSpeaks: boolean
  /** clause (split at . ! ? , : ; —) of each word */
  clauseOf: number[]
  /** written like a social post, not like news (see looksSocial) */
  social: boolean
  /** cache of lexiconScore() */
  lexScore?: LexiconScore
  /** cache of targetScopes() */
  scope?: Uint8Array
}

export function analyse(lexicon: Lexicon, text: string, target?: string | null): Analysis {
  const tokens = tokenizeWithOffsets(text)
  const words = tokens.filter((t) => t.kind === 'w')
  const { spans, loose: targetLoose } = matchTarget(words, target)
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
    target: target || null,
    targetLoose,
    lex,
    reach,
    targetSpeaks,
    clauseOf,
    social: looksSocial(lex, words)
  }
}

/**
 * Written like a social post: a mark of one (an emoticon, emoji, @mention, #hashtag, link…: see
 * social-marks.ts), a stretched word («ужааас»), or three words and more without a single capital letter. The news-trained
 * weights know little of such texts' words, so the lexicon speaks louder there (Rules.lexiconSocial).
 */
export function looksSocial(lex: LexAnalysis, words: Token[]): boolean {
  if (lex.socialMarks) return true
  let capital = false
  for (const w of words) {
    if (w.form?.stretched) return true
    if (w.cap) capital = true
  }
  return words.length >= 3 && !capital
}

/**
 * Where each polarity word stands for the target, by clause: in a clause that names the target, in a
 * clause that names someone else and not the target («суд оправдал X, а прокурора Y обвинили»), in
 * another clause, or no target was found. Someone else: a capitalised word that does not open its
 * clause and is not the target.
 */
export const TargetScope = { noTarget: 0, targetClause: 1, otherClause: 2, plainClause: 3 } as const

/**
 * Target-aware weighting of the lexicon score by TargetScope. Off: on RuSentNE-2023 (5-fold CV) it
 * measured no gain over the distance/sentence/clause reach above (README, Analysis); kept switchable
 * for bench/sentiment-variants.ts.
 */
export const TARGET_WEIGHT = { on: false, byScope: [1, 1, 0.5, 0.8] }

export function targetScopes(a: Analysis): Uint8Array {
  if (a.scope) return a.scope
  const hits = a.lex.hits
  const out = new Uint8Array(hits.length)
  a.scope = out
  if (a.spans.length === 0) return out
  const { clauseOf, words } = a
  const targetClauses = new Set<number>()
  const inTarget = new Uint8Array(words.length)
  for (const [s, e] of a.spans) {
    for (let i = s; i < e; i++) inTarget[i] = 1
    targetClauses.add(clauseOf[s]!)
  }
  const otherClauses = new Set<number>()
  for (let i = 1; i < words.length; i++) {
    const c = clauseOf[i]!
    if (words[i]!.cap && !inTarget[i] && clauseOf[i - 1] === c && !targetClauses.has(c)) otherClauses.add(c)
  }
  for (let i = 0; i < hits.length; i++) {
    const c = clauseOf[hits[i]!.from]!
    out[i] = targetClauses.has(c)
      ? TargetScope.targetClause
      : otherClauses.has(c)
        ? TargetScope.otherClause
        : TargetScope.plainClause
  }
  return out
}

/** The clause that holds word `wi`, as written (the explanation's «decided by» part). */
export function clauseText(a: Analysis, wi: number): string {
  const c = a.clauseOf[wi]
  if (c === undefined) return ''
  let from = wi
  let to = wi
  while (from > 0 && a.clauseOf[from - 1] === c) from--
  while (to + 1 < a.words.length && a.clauseOf[to + 1] === c) to++
  return a.text.slice(a.words[from]!.start, a.words[to]!.end)
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
