import { normalizeText } from '../../../../shared/text'
import { stemWord } from '../../../../shared/stem'
import { STOP_WORDS } from '../spikes/stopwords'

/**
 * Fingerprints for near-duplicate detection. Features are word 1-shingles of stems cut to
 * STEM_PREFIX letters (so «теплосетей»/«теплосеть»/«теплосети» agree even where Snowball does not),
 * without stop words. Names (capitalised inside a sentence, acronyms like АлТС) and numbers are
 * what tells one news item from another of the same template («горячую воду отключат в Орбите
 * с 10 по 17» vs «в Аксае-3 с 12 по 19»), so they count DISTINCTIVE_WEIGHT times (as extra copies
 * of the feature, which turns Jaccard into a weighted Jaccard). Only the first MAX_TOKENS words
 * count: a syndicated copy keeps its opening, long tails differ.
 */
export const STEM_PREFIX = 5
export const MAX_TOKENS = 400
export const DISTINCTIVE_WEIGHT = 3

const SENTENCE_END = '.!?…\n'
const WORD_OR_STOP = /[\p{L}\p{N}\p{M}]+|[.!?…\n]/gu
const ACRONYM = /^\p{Lu}{2,}|\p{Ll}\p{Lu}/u

export interface StoryFeatures {
  /** Every feature, distinctive ones with extra weighted copies (`stem#1`, `stem#2`). */
  all: Set<string>
  /** The distinctive ones alone (names, numbers). */
  distinctive: Set<string>
}

export function storyFeatures(title: string | null, text: string): StoryFeatures {
  const all = new Set<string>()
  const distinctive = new Set<string>()
  let n = 0
  for (const part of [title ?? '', text]) {
    // Lower-case once; toLowerCase keeps the length for Cyrillic and Latin, so indices agree
    // (when it does not, e.g. «İ», fall back to lower-casing each word).
    const lower = normalizeText(part)
    const aligned = lower.length === part.length
    let sentenceStart = true
    for (const m of part.matchAll(WORD_OR_STOP)) {
      const raw = m[0]
      if (raw.length === 1 && SENTENCE_END.includes(raw)) {
        sentenceStart = true
        continue
      }
      const atStart = sentenceStart
      sentenceStart = false
      if (n++ >= MAX_TOKENS) return { all, distinctive }
      const t = aligned ? lower.slice(m.index, m.index + raw.length) : normalizeText(raw)
      if (STOP_WORDS.has(t)) continue
      const hasDigit = /\d/.test(t)
      if (t.length < 2 && !hasDigit) continue
      const f = stemWord(t).slice(0, STEM_PREFIX)
      all.add(f)
      const capitalised = raw !== t && raw[0] !== t[0]
      const distinctive_ = hasDigit || (raw !== t && ACRONYM.test(raw)) || (capitalised && !atStart)
      if (distinctive_) {
        distinctive.add(f)
        for (let k = 1; k < DISTINCTIVE_WEIGHT; k++) all.add(`${f}#${k}`)
      }
    }
  }
  return { all, distinctive }
}

/** MurmurHash3's finaliser: a cheap 32-bit bijection with full avalanche. */
export function fmix32(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** FNV-1a over UTF-16 code units, finalised. */
export function hashString(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193)
  return fmix32(h >>> 0)
}

const seedCache = new Map<number, Uint32Array>()
/** Fixed seeds (not random): signatures stored in the database must stay comparable across runs. */
function seeds(n: number): Uint32Array {
  let s = seedCache.get(n)
  if (!s) {
    s = new Uint32Array(n)
    for (let i = 0; i < n; i++) s[i] = fmix32((i + 1) * 0x9e3779b9)
    seedCache.set(n, s)
  }
  return s
}

/** How many hashes of distinctive features a signature keeps (the smallest ones: a bottom-k sketch). */
export const DISTINCTIVE_SLOTS = 8

/**
 * Signature layout (numHashes + DISTINCTIVE_SLOTS + 2 values):
 *   [0, numHashes)          MinHash of all features (weighted, see storyFeatures)
 *   [numHashes, +SLOTS)     the smallest hashes of the distinctive features, ascending, 0xffffffff-padded
 *   [numHashes + SLOTS]     number of features
 *   [numHashes + SLOTS + 1] number of distinctive features
 * Empty texts give all 0xffffffff and counts 0.
 */
export function minhash(features: StoryFeatures, numHashes: number): Uint32Array {
  const sig = new Uint32Array(numHashes + DISTINCTIVE_SLOTS + 2).fill(0xffffffff)
  const sd = seeds(numHashes)
  for (const f of features.all) {
    const x = hashString(f)
    for (let i = 0; i < numHashes; i++) {
      const v = fmix32(x ^ (sd[i] as number))
      if (v < (sig[i] as number)) sig[i] = v
    }
  }
  const dist = [...features.distinctive]
    .map(hashString)
    .sort((a, b) => a - b)
    .slice(0, DISTINCTIVE_SLOTS)
  sig.set(dist, numHashes)
  sig[numHashes + DISTINCTIVE_SLOTS] = features.all.size
  sig[numHashes + DISTINCTIVE_SLOTS + 1] = features.distinctive.size
  return sig
}

/** numHashes of a signature built by minhash. */
export function hashCount(sig: Uint32Array): number {
  return sig.length - DISTINCTIVE_SLOTS - 2
}

export function featureCount(sig: Uint32Array): number {
  return sig[sig.length - 2] as number
}

export function distinctiveCount(sig: Uint32Array): number {
  return sig[sig.length - 1] as number
}

/** Share of equal minima: an unbiased estimate of the (weighted) Jaccard similarity of all features. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  const n = Math.min(hashCount(a), hashCount(b))
  if (n <= 0) return 0
  let same = 0
  for (let i = 0; i < n; i++) if (a[i] === b[i]) same++
  return same / n
}

/**
 * Jaccard similarity of the distinctive features: exact while both texts have at most
 * DISTINCTIVE_SLOTS of them, else the bottom-k estimate over the smallest hashes of the union.
 */
export function distinctiveJaccard(a: Uint32Array, b: Uint32Array): number {
  const na = Math.min(distinctiveCount(a), DISTINCTIVE_SLOTS)
  const nb = Math.min(distinctiveCount(b), DISTINCTIVE_SLOTS)
  const exact = distinctiveCount(a) <= DISTINCTIVE_SLOTS && distinctiveCount(b) <= DISTINCTIVE_SLOTS
  const oa = hashCount(a)
  const ob = hashCount(b)
  // Merge the two ascending lists: the union in order, counting values present in both.
  let i = 0
  let j = 0
  let union = 0
  let both = 0
  while ((i < na || j < nb) && (exact || union < DISTINCTIVE_SLOTS)) {
    const x = i < na ? (a[oa + i] as number) : Infinity
    const y = j < nb ? (b[ob + j] as number) : Infinity
    if (x === y) {
      both++
      i++
      j++
    } else if (x < y) i++
    else j++
    union++
  }
  return union === 0 ? 0 : both / union
}

/** Bytes for a BLOB column and back (little-endian, as Uint32Array is on every platform we ship). */
export function signatureToBytes(sig: Uint32Array): Uint8Array {
  return new Uint8Array(sig.buffer.slice(sig.byteOffset, sig.byteOffset + sig.byteLength))
}

export function signatureFromBytes(bytes: Uint8Array): Uint32Array {
  if (bytes.byteLength % 4 !== 0)
    throw new Error(`story signature of ${bytes.byteLength} bytes is not a Uint32Array`)
  const copy = new Uint8Array(bytes) // aligned copy: a Buffer from SQLite may sit at any offset
  return new Uint32Array(copy.buffer, 0, copy.byteLength / 4)
}
