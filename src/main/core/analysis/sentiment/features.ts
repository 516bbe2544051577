import type { Analysis } from './analyse'
import { distanceToTarget, targetScopes } from './analyse'
import { targetStems } from './tokens'
import { inTarget, lexiconScore } from './lexicon-score'

/**
 * Features of one (text, target) pair for the linear model, hashed into a fixed space:
 * - stems of the whole text (what it is about) and stem bigrams, scaled down in long texts;
 * - stems around the target by side and distance («против T», «T победил»), which tell
 *   sentiment toward this entity from sentiment toward the others in the same sentence;
 * - the target itself and its spelling (a named person is praised or blamed far more often than
 *   «жители» or «россиянин»), and its case ending;
 * - lexicon scores near and far from the target (these carry over to Kazakh and to social posts,
 *   where the Russian news vocabulary of the training data does not);
 * - shape: the target speaks, is quoted, opens the sentence; irony; negation.
 */
export const HASH_BITS = 19
export const DIM = 1 << HASH_BITS
const MASK = DIM - 1

export interface SparseVector {
  idx: Int32Array
  val: Float32Array
}

const FNV_OFFSET = 0x811c9dc5
function fnv(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h
}

/** FNV-1a of the concatenated parts: stable across runs and machines, so shipped weights stay valid. */
export function hashFeature(...parts: string[]): number {
  let h = FNV_OFFSET
  for (const p of parts) h = fnv(h, p)
  return (h >>> 0) & MASK
}

const U_STATE = fnv(FNV_OFFSET, 'u:')
const B_STATE = fnv(FNV_OFFSET, 'b:')
const isDigit = (c: number) => c >= 48 && c <= 57

/** Feature groups that can be switched off (ablations in the bench). */
export const FEATURE_GROUPS = {
  bag: true,
  bigrams: true,
  window: true,
  target: true,
  lexicon: true,
  shape: true,
  /**
   * lexicon evidence by clause (the target's clauses, clauses about someone else, the rest): off, no
   * gain measured on RuSentNE-2023 (README, Analysis)
   */
  clause: false
}
const WINDOW = 4

/**
 * Which spelling of a found target its features take. givenWhenLoose: when only the loose spelling found
 * it and the given target is Cyrillic, its stems are the given target's (the text's «sberbank» or
 * «#банкмосквы» says nothing the model learned; a target given as «sberbank» keeps the text's «Сбербанк»).
 * capitalOverLower: a target the text writes in lower case («сбербанк», a hashtag) takes the given
 * target's shape when that has capitals (a name is a name however a post types it).
 * Measured in bench/sentiment-target-spelling.ts.
 */
export const TARGET_FEATURES = { givenWhenLoose: true, capitalOverLower: true }

const CYRILLIC = /[а-яёәғқңөұүһі]/i

function givenStems(a: Analysis): boolean {
  return a.targetLoose && TARGET_FEATURES.givenWhenLoose && !!a.target && CYRILLIC.test(a.target)
}

/** The target's shape as found in the text, or as given when the text writes it in lower case (TARGET_FEATURES). */
function shapeOfTarget(a: Analysis): string {
  const [s0, e0] = a.spans[0]!
  const inText = targetShape(a.text.slice(a.words[s0]!.start, a.words[e0 - 1]!.end))
  if (inText === 'lower' && a.target && TARGET_FEATURES.capitalOverLower) return targetShape(a.target)
  return inText
}

/** Kind of target by its spelling: a lower-case noun (profession, nationality), an acronym, a name. */
export function targetShape(raw: string): string {
  const words = raw.match(/[\p{L}\p{N}]+/gu) ?? []
  if (words.length === 0) return 'none'
  if (/^[\p{Lu}\d]{2,}$/u.test(words[0]!)) return 'acronym'
  const capital = words.filter((w) => /^\p{Lu}/u.test(w)).length
  if (capital === 0) return 'lower'
  if (capital === words.length) return words.length >= 2 ? 'name2' : 'name1'
  return 'mixed'
}

/**
 * The features of one text as they are added: a dense scratch over the hashed space, reused for every
 * text (a Map per text cost more than the rest of the featuriser). Keeps insertion order, and keys
 * added with a zero value, exactly as a Map would: training counts a feature's presence.
 */
class FeatureBag {
  private static readonly value = new Float64Array(DIM)
  private static readonly present = new Uint8Array(DIM)
  private static keys = new Int32Array(1024)
  private static n = 0
  constructor() {
    // a text whose featurising threw midway must not leak into this one
    FeatureBag.clear()
  }
  private static clear(): void {
    for (let j = 0; j < FeatureBag.n; j++) {
      const k = FeatureBag.keys[j]!
      FeatureBag.present[k] = 0
      FeatureBag.value[k] = 0
    }
    FeatureBag.n = 0
  }
  private static push(k: number, v: number): void {
    if (FeatureBag.n === FeatureBag.keys.length) {
      const grown = new Int32Array(FeatureBag.n * 2)
      grown.set(FeatureBag.keys)
      FeatureBag.keys = grown
    }
    FeatureBag.keys[FeatureBag.n++] = k
    FeatureBag.present[k] = 1
    FeatureBag.value[k] = v
  }
  add(v: number, ...parts: string[]): void {
    const k = hashFeature(...parts)
    if (FeatureBag.present[k]) FeatureBag.value[k]! += v
    else FeatureBag.push(k, v)
  }
  /** add once per text however often it occurs, by its hash */
  addOnceHashed(v: number, k: number): void {
    if (!FeatureBag.present[k]) FeatureBag.push(k, v)
  }
  /** The vector, and the scratch cleared for the next text. */
  vector(): SparseVector {
    const n = FeatureBag.n
    const idx = FeatureBag.keys.slice(0, n)
    const val = new Float32Array(n)
    for (let j = 0; j < n; j++) val[j] = FeatureBag.value[idx[j]!]!
    FeatureBag.clear()
    return { idx, val }
  }
}

export function extractFeatures(a: Analysis): SparseVector {
  const f = new FeatureBag()
  const n = a.words.length
  const inT = new Uint8Array(n)
  for (const [s, e] of a.spans) for (let i = s; i < e; i++) inT[i] = 1
  const stems = a.words.map((w, i) => (inT[i] ? '<T>' : isDigit(w.norm.charCodeAt(0)) ? '<N>' : w.stem))
  const stemAt = (i: number) => stems[i] ?? ''

  // Bag of stems, scaled down in long texts so that length does not decide the class.
  // (The hashes of 'u:' + stem and 'b:' + stem + '_' + next, from the prefixes' states: the same values
  // hashFeature gives, without hashing the prefixes again for every word.)
  const bagScale = 1 / Math.sqrt(Math.max(4, n))
  for (let i = 0; i < n; i++) {
    const stem = stemAt(i)
    // A word's own stem hashes the same in every text: its states are kept on its shared form.
    const form = a.words[i]!.form
    let u: number
    let b: number
    if (form && stem === form.stem) {
      u = form.uHash ??= fnv(U_STATE, stem)
      b = form.bState ??= fnv(fnv(B_STATE, stem), '_')
    } else {
      u = fnv(U_STATE, stem)
      b = fnv(fnv(B_STATE, stem), '_')
    }
    if (FEATURE_GROUPS.bag) f.addOnceHashed(bagScale, (u >>> 0) & MASK)
    if (FEATURE_GROUPS.bigrams) {
      const next = i + 1 < n ? stemAt(i + 1) : '</s>'
      f.addOnceHashed(bagScale, (fnv(b, next) >>> 0) & MASK)
    }
  }

  f.add(1, 'bias')
  const found = a.spans.length > 0
  // A target given but not found in the text (a post spells the company otherwise: «Сбер», «@sberbank»)
  // weighs like a found one: the training data has 5 such rows of 6,637, too few to learn a class
  // bias from (learned from them, it pushed every such post toward neutral).
  f.add(1, a.targetGiven ? 'target:given' : 'target:none')
  if (found) {
    const [s0, e0] = a.spans[0]!
    if (FEATURE_GROUPS.window)
      for (const [s, e] of a.spans) {
        for (let k = 1; k <= WINDOW; k++) {
          const pos = k <= 2 ? String(k) : 'w'
          const v = k <= 2 ? 0.7 : 0.5
          if (s - k >= 0) f.add(v, 'L', pos, ':', stemAt(s - k))
          if (e - 1 + k < n) f.add(v, 'R', pos, ':', stemAt(e - 1 + k))
        }
        if (s > 0 && e < n) f.add(0.5, 'LR:', stemAt(s - 1), '_', stemAt(e))
      }
    if (FEATURE_GROUPS.target) {
      // a target the text spells otherwise («Sberbank», «#банкмосквы») is known by its given words
      const stems = givenStems(a) ? targetStems(a.target!) : a.words.slice(s0, e0).map((w) => w.stem)
      for (const stem of stems) f.add(0.5, 'T:', stem)
      if (stems.length > 1) f.add(0.5, 'TT:', stems.join('_'))
    }
    if (FEATURE_GROUPS.shape) {
      f.add(1, 'tshape:', shapeOfTarget(a))
      const last = a.words[e0 - 1]!
      f.add(1, 'tend:', givenStems(a) ? '' : last.norm.slice(last.stem.length).slice(-3))
      if (s0 <= 1) f.add(1, 'shape:target-first')
      if (a.words[s0]!.quoted) f.add(1, 'shape:target-quoted')
      if (a.spans.length > 1) f.add(1, 'shape:target-repeated')
      if (a.targetSpeaks) f.add(1, 'shape:target-speaks')
    }
  }
  if (a.lang !== 'ru') f.add(1, 'lang:', a.lang)
  if (FEATURE_GROUPS.lexicon) addLexicon(a, found, f)
  return f.vector()
}

/** Lexicon evidence, by distance to the target and by kind. */
function addLexicon(a: Analysis, found: boolean, f: FeatureBag): void {
  const lex = lexiconScore(a)
  const near = [0, 0]
  const mid = [0, 0]
  const far = [0, 0]
  const own = [0, 0]
  a.lex.hits.forEach((h, i) => {
    const pol = h.weight > 0 ? 0 : 1
    const v = Math.abs(h.weight)
    if (inTarget(a, h.from, h.to)) own[pol]! += v
    else if (!found) mid[pol]! += v
    else {
      const d = distanceToTarget(h, a.spans)
      const r = a.reach[i] ?? 1
      if (d <= 3) near[pol]! += v * r
      else if (d <= 8) mid[pol]! += v * r
      else far[pol]! += v * r
      const side = h.to <= (a.spans[0]?.[0] ?? 0) ? 'L' : 'R'
      if (d <= 3) f.add(1, 'lexdir:', side, pol ? '-' : '+')
    }
    if (h.negated) f.add(1, 'lex:negated', pol ? '-' : '+')
    if (h.ironic) f.add(1, 'lex:ironic')
  })
  const squash = (x: number) => Math.log1p(x)
  f.add(squash(near[0]!), 'lex:near+')
  f.add(squash(near[1]!), 'lex:near-')
  f.add(squash(mid[0]!), 'lex:mid+')
  f.add(squash(mid[1]!), 'lex:mid-')
  f.add(squash(far[0]!), 'lex:far+')
  f.add(squash(far[1]!), 'lex:far-')
  f.add(squash(own[0]!), 'lex:own+')
  f.add(squash(own[1]!), 'lex:own-')
  f.add(Math.tanh(lex.score / 2), 'lex:score')
  if (FEATURE_GROUPS.clause && found) addClauseLexicon(a, f)
  if (a.lex.ironyMarks.length > 0) f.add(1, a.lex.ironyStrong ? 'irony:strong' : 'irony:weak')
  if (a.lex.emoji !== 0) f.add(Math.max(-2, Math.min(2, a.lex.emoji)), 'emoji')
  if (found && FEATURE_GROUPS.shape) {
    // the same evidence means more for a named person than for «жители» or «россиянин»
    const shape = shapeOfTarget(a)
    f.add(Math.log1p(Math.max(0, lex.score)), 'lexshape+:', shape)
    f.add(Math.log1p(Math.max(0, -lex.score)), 'lexshape-:', shape)
  }
}

/** Lexicon evidence summed by TargetScope (target's clause, someone else's clause, the rest) and polarity. */
function addClauseLexicon(a: Analysis, f: FeatureBag): void {
  const scope = targetScopes(a)
  const sums = [0, 0, 0, 0, 0, 0, 0, 0]
  a.lex.hits.forEach((h, i) => {
    if (!inTarget(a, h.from, h.to)) sums[scope[i]! * 2 + (h.weight > 0 ? 0 : 1)]! += Math.abs(h.weight)
  })
  for (let sc = 1; sc <= 3; sc++)
    for (let pol = 0; pol < 2; pol++) {
      const v = sums[sc * 2 + pol]!
      if (v > 0) f.add(Math.log1p(v), 'lexclause:', String(sc), pol ? '-' : '+')
    }
}
