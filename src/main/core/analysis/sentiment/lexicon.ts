import { readFileSync } from 'node:fs'
import { resourcePath } from '../../paths'
import { PatternSet, type PatternMatch } from './patterns'
import { scanMarks } from './social-marks'
import type { Token } from './tokens'
import {
  isConcordNegator,
  isKazakhNegativeVerb,
  isNegativeProgressive,
  KK_PLAIN_CONTRAST,
  NEGATIVE_PROGRESSIVE_WEIGHT
} from './kazakh'

/** One lexicon file as shipped in resources/sentiment (see lexicon-ru.json for the pattern syntax). */
export interface LexiconFile {
  negative: Record<string, string[]>
  positive: Record<string, string[]>
  negators: string[]
  postNegators: string[]
  intensifiers: string[]
  irony: string[]
  ironyStrong: string[]
  speechVerbs: string[]
}

export interface Lexicon {
  terms: PatternSet<number>
  negators: PatternSet<true>
  postNegators: PatternSet<true>
  /** phrases starting with «не» that do not negate («не только», «не менее») */
  falseNegators: PatternSet<true>
  intensifiers: PatternSet<true>
  irony: PatternSet<'weak' | 'strong'>
  speech: PatternSet<true>
}

/** «X, но Y»: what follows the contrast is what the writer means. */
const CONTRAST = [
  'но',
  'однако',
  'зато',
  'а вот',
  'тем не менее',
  'бірақ',
  'алайда',
  'дегенмен',
  'әйтсе де',
  ...KK_PLAIN_CONTRAST,
  'but',
  'however'
]
const contrastSet = new PatternSet(CONTRAST.map((t) => [t, true as const]))

/**
 * A negated intensifier that stands alone is a mild complaint («сервис не очень», «связь так себе» is in
 * the lexicon): counted only when no polarity word follows it in the clause («не очень хорошо» is
 * «хорошо» negated already).
 */
const MILD_COMPLAINTS = ['не очень', 'не особо', 'не особенно', 'не ахти', 'не фонтан']
const mildSet = new PatternSet(MILD_COMPLAINTS.map((t) => [t, true as const]))

const FALSE_NEGATORS = [
  'не только',
  'не менее',
  'не раз',
  'не зря',
  'не так давно',
  'чуть не',
  'едва не',
  'не смотря',
  'не иначе'
]

export function compileLexicon(files: LexiconFile[]): Lexicon {
  const terms: Array<[string, number]> = []
  const list = (pick: (f: LexiconFile) => string[]) => files.flatMap(pick)
  for (const f of files) {
    for (const [w, items] of Object.entries(f.negative)) for (const t of items) terms.push([t, -Number(w)])
    for (const [w, items] of Object.entries(f.positive)) for (const t of items) terms.push([t, Number(w)])
  }
  const strong = new Set(list((f) => f.ironyStrong))
  return {
    terms: new PatternSet(terms),
    negators: new PatternSet(list((f) => f.negators).map((t) => [t, true as const])),
    postNegators: new PatternSet(list((f) => f.postNegators).map((t) => [t, true as const])),
    falseNegators: new PatternSet(FALSE_NEGATORS.map((t) => [t, true as const])),
    intensifiers: new PatternSet(list((f) => f.intensifiers).map((t) => [t, true as const])),
    irony: new PatternSet(
      list((f) => f.irony).map((t) => [t, strong.has(t) ? ('strong' as const) : ('weak' as const)])
    ),
    speech: new PatternSet(list((f) => f.speechVerbs).map((t) => [t, true as const]))
  }
}

let cached: Lexicon | null = null

/** The shipped Russian + Kazakh lexicons, compiled once. */
export function loadLexicon(): Lexicon {
  if (cached) return cached
  const read = (name: string) =>
    JSON.parse(readFileSync(resourcePath('sentiment', name), 'utf8')) as LexiconFile
  cached = compileLexicon([read('lexicon-ru.json'), read('lexicon-kk.json')])
  return cached
}

/** One polarity word or phrase found in a text, with what happened to it. */
export interface LexHit {
  from: number
  to: number
  /** weight from the lexicon, signed */
  base: number
  /** after negation, intensifiers and irony */
  weight: number
  negated: boolean
  intensified: boolean
  ironic: boolean
  quoted: boolean
  /** word range to show in explanations: the hit with its negator («не помогло», «жақсы емес») */
  showFrom: number
  showTo: number
}

export interface LexAnalysis {
  hits: LexHit[]
  /** word ranges of irony markers, and whether any of them is unambiguous («ну конечно») */
  ironyMarks: Array<[number, number]>
  ironyStrong: boolean
  speech: Array<[number, number]>
  /** emoticons and emoji: positive minus negative count (social-marks.ts) */
  emoji: number
  /** the text has a mark of a social post (social-marks.ts) */
  socialMarks: boolean
  /** word indices of contrast words («но», «однако», «бірақ») */
  contrasts: number[]
}


const isClauseBreak = (t: Token) => t.kind === '.' || t.kind === '!' || t.kind === '?'

export function analyseLexicon(lex: Lexicon, text: string, tokens: Token[], words: Token[]): LexAnalysis {
  const negatorAt = new Set<number>()
  const falseNeg = new Set<number>()
  for (const m of lex.falseNegators.matchAll(words)) for (let i = m.from; i < m.to; i++) falseNeg.add(i)
  for (const m of lex.negators.matchAll(words)) if (!falseNeg.has(m.from)) negatorAt.add(m.to - 1)
  const postNegAt = new Set<number>()
  for (const m of lex.postNegators.matchAll(words)) postNegAt.add(m.from)
  // a Kazakh finite verb in its negative form (бермеді, істемейді) negates the word before it
  words.forEach((w, i) => {
    if (isKazakhNegativeVerb(w)) postNegAt.add(i)
  })
  const intensAt = new Set<number>()
  for (const m of lex.intensifiers.matchAll(words)) intensAt.add(m.to - 1)
  const ironyMatches = lex.irony.matchAll(words)
  const speech = lex.speech.matchAll(words).map((m) => [m.from, m.to] as [number, number])

  // Sentence breaks between words: negation and intensifiers do not cross them.
  const breakBefore = new Array<boolean>(words.length).fill(false)
  let pending = false
  let clause = false
  const clauseBefore = new Array<boolean>(words.length).fill(false)
  for (const t of tokens) {
    if (t.kind === 'w') {
      breakBefore[t.wi] = pending
      clauseBefore[t.wi] = clause
      pending = false
      clause = false
    } else if (isClauseBreak(t)) pending = clause = true
    else if (t.kind === ',' || t.kind === ':') clause = true
  }

  const matches = withKazakhProgressive(lex.terms.matchAll(words), words)
  keepPraisingNegativeVerbs(matches, words, postNegAt)
  const hits: LexHit[] = []
  for (const m of matches) {
    let weight = m.payload
    let negated = m.verbNegated
    let showFrom = m.from
    let showTo = m.to
    // a negator up to three words before, within the clause («не очень хорошо», «не был успешным»)
    for (let k = m.from - 1; k >= Math.max(0, m.from - 3) && !negated; k--) {
      if (clauseBefore[k + 1] || breakBefore[k + 1]) break
      if (negatorAt.has(k) && !kazakhConcord(words[k]!, m.from, m.to, postNegAt)) {
        negated = true
        showFrom = k
      }
    }
    // a postposed negator right after (Kazakh «жақсы емес», «көмек көрсетпеді»; Russian «проблем нет»)
    for (let k = m.to; k < Math.min(words.length, m.to + 2) && !negated; k++) {
      if (clauseBefore[k]) break
      if (postNegAt.has(k)) {
        negated = true
        showTo = k + 1
      }
    }
    let intensified = false
    for (let k = m.from - 1; k >= Math.max(0, m.from - 2); k--) if (intensAt.has(k)) intensified = true
    if (intensified) weight *= 1.5
    // «не плохо» is not praise, only not-bad; «не помогло» is a complaint in full
    if (negated) weight = weight < 0 ? -weight * 0.5 : -weight
    const w0 = words[m.from]!
    hits.push({
      from: m.from,
      to: m.to,
      base: m.payload,
      weight,
      negated,
      intensified,
      ironic: false,
      quoted: w0.quoted,
      showFrom,
      showTo
    })
  }

  if (negatorAt.size > 0) addMildComplaints(words, hits, clauseBefore)
  shoutedHits(text, words, hits)

  // After a contrast the verdict counts more, before it less (same sentence only).
  const contrastMatches = contrastSet.matchAll(words)
  for (const c of contrastMatches) {
    for (const h of hits) {
      let sameSentence = true
      const [a, b] = h.from < c.from ? [h.to, c.from] : [c.to, h.from]
      for (let k = a; k <= b && k < words.length; k++) if (breakBefore[k]) sameSentence = false
      if (sameSentence) h.weight *= h.from < c.from ? 0.5 : 1.5
    }
  }

  // Irony: an unambiguous marker («ну конечно») turns praise into blame; a praise-like marker
  // («браво», «спасибо, что», «молодцы») does so only next to blame; a lone praised word in quotes
  // («забота») next to blame is mockery.
  const ironyMarks = ironyMatches.map((m) => [m.from, m.to] as [number, number])
  const ironyStrong = ironyMatches.some((m) => m.payload === 'strong')
  const inMark = (h: LexHit) => ironyMarks.some(([a, b]) => h.from < b && h.to > a)
  const blame = hits.filter((h) => h.weight < 0 && !inMark(h)).reduce((s, h) => s - h.weight, 0)
  const ironic = ironyStrong || (ironyMarks.length > 0 && blame > 0)
  const quoteLen = quotedRunLengths(tokens)
  for (const h of hits) {
    if (h.weight <= 0) continue
    const mockQuote = h.quoted && (quoteLen.get(h.from) ?? 99) <= 2 && blame > 0
    if (ironic || mockQuote) {
      h.ironic = true
      h.weight = -Math.abs(h.weight)
    }
  }

  const { emoji, social } = scanMarks(text)
  return {
    hits,
    ironyMarks,
    ironyStrong,
    speech,
    emoji: ironic ? -Math.abs(emoji) : emoji,
    socialMarks: social,
    contrasts: contrastMatches.map((c) => c.from)
  }
}

/**
 * The lexicon's matches plus Kazakh negative progressives (ашылмай жатыр, түспей тұр: «it keeps not
 * working») where no entry matched either word (kazakh.ts), in word order.
 */
function withKazakhProgressive(matches: PatternMatch<number>[], words: Token[]): PatternMatch<number>[] {
  let out: PatternMatch<number>[] | null = null
  let j = 0
  for (let i = 0; i + 1 < words.length; i++) {
    if (!isNegativeProgressive(words[i]!, words[i + 1]!)) continue
    while (j < matches.length && matches[j]!.to <= i) j++
    const next = matches[j]
    if (next && next.from <= i + 1) continue
    out ??= matches.slice()
    out.push({ from: i, to: i + 2, payload: NEGATIVE_PROGRESSIVE_WEIGHT, verbNegated: false })
  }
  return out ? out.sort((a, b) => a.from - b.from) : matches
}

/**
 * A Kazakh negative verb that is praise by itself («өкінбейсіз», you will not regret it; «кешікпей») does not
 * negate the word before it: «тамаша жер өкінбейсіз» is praise twice.
 */
function keepPraisingNegativeVerbs(
  matches: PatternMatch<number>[],
  words: Token[],
  postNegAt: Set<number>
): void {
  for (const m of matches) {
    if (m.to - m.from !== 1 || !postNegAt.has(m.from) || !isKazakhNegativeVerb(words[m.from]!)) continue
    if ((m.verbNegated ? -m.payload : m.payload) > 0) postNegAt.delete(m.from)
  }
}

/**
 * A Kazakh negative pronoun before a hit that carries its own negation («ешқандай көмек көрсетпеді»,
 * «еш су жоқ»): the same negation agreeing, not a second one (kazakh.ts).
 */
function kazakhConcord(negator: Token, from: number, to: number, postNegAt: Set<number>): boolean {
  if (!isConcordNegator(negator.norm)) return false
  for (let i = from; i < to; i++) if (postNegAt.has(i)) return true
  return false
}

/** «сервис не очень»: a mild complaint when no polarity word follows within the clause (see MILD_COMPLAINTS). */
function addMildComplaints(words: Token[], hits: LexHit[], clauseBefore: boolean[]): void {
  const mild = mildSet.matchAll(words)
  if (mild.length === 0) return
  for (const m of mild) {
    let followed = false
    for (let k = m.to; k < Math.min(words.length, m.to + 2) && !followed; k++) {
      if (clauseBefore[k]) break
      followed = hits.some((h) => h.from === k)
    }
    if (followed || hits.some((h) => h.from < m.to && h.to > m.from)) continue
    hits.push({
      from: m.from,
      to: m.to,
      base: -1,
      weight: -1,
      negated: false,
      intensified: false,
      ironic: false,
      quoted: words[m.from]!.quoted,
      showFrom: m.from,
      showTo: m.to
    })
  }
  hits.sort((a, b) => a.from - b.from)
}

/**
 * A polarity word written in capitals («ПОЗОР», «ВЕРНИТЕ ДЕНЬГИ») is shouted: it counts as an intensified
 * one. Four letters or more, so that acronyms («ДТП») are not shouting.
 */
function shoutedHits(text: string, words: Token[], hits: LexHit[]): void {
  for (const h of hits) {
    const w = words[h.from]!
    if (h.intensified || !w.cap || w.end - w.start < 4) continue
    const raw = text.slice(w.start, w.end)
    if (raw !== raw.toUpperCase()) continue
    h.intensified = true
    h.weight *= 1.5
  }
}

/** For each quoted word: how many words its quotation holds. */
function quotedRunLengths(tokens: Token[]): Map<number, number> {
  const out = new Map<number, number>()
  let run: number[] = []
  const flush = () => {
    for (const i of run) out.set(i, run.length)
    run = []
  }
  for (const t of tokens) {
    if (t.kind === 'w' && t.quoted) run.push(t.wi)
    else if (t.kind === 'q' || (t.kind === 'w' && !t.quoted)) flush()
  }
  flush()
  return out
}
