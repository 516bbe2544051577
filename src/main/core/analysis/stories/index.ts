import {
  DISTINCTIVE_SLOTS,
  distinctiveCount,
  distinctiveJaccard,
  estimateJaccard,
  featureCount,
  fmix32,
  minhash,
  storyFeatures
} from './minhash'

export {
  storyFeatures,
  minhash,
  estimateJaccard,
  distinctiveJaccard,
  signatureToBytes,
  signatureFromBytes,
  type StoryFeatures
} from './minhash'
export {
  pairwiseScores,
  evaluateStories,
  formatScores,
  type PairwiseScores,
  type LabelledStoryItem
} from './evaluate'

export interface StoryIndexOptions {
  /** MinHash length. 64 keeps the estimate within about ±0.06 at the threshold; 296 bytes a mention in all. */
  numHashes?: number
  /** LSH bands; rows per band = numHashes / bands. 32×2 makes pairs at Jaccard 0.3 candidates 95% of the time. */
  bands?: number
  /** Estimated Jaccard needed to join a story. */
  threshold?: number
  /** Texts with fewer features than this (short comments) join only near-identical ones. */
  minFeatures?: number
  /** Estimated Jaccard needed when either text is that short. */
  shortThreshold?: number
  /**
   * When both texts name at least minDistinctive places, people, organisations or numbers,
   * they must share this share of them: templated notices («в Орбите отключат горячую воду
   * с 10 по 17» / «в Аксае-3 … с 12 по 19») are different news in the same words.
   */
  distinctiveThreshold?: number
  minDistinctive?: number
  /** A story never spans more than this (ms between its earliest and latest member). */
  windowMs?: number
  /**
   * Newest members kept per LSH bucket. A flood of copies (one comment pasted 5,000 times) fills
   * its buckets with one story; the newest few represent it, and adding stays O(1) instead of O(n).
   */
  bucketCap?: number
  /** Candidates compared per added mention, those sharing the most bands first. */
  maxComparisons?: number
  /**
   * Mentions the index holds at most. Past it, the ones published farthest from the latest added are
   * forgotten (a quarter of the cap at a time): a million-row import, or a workspace whose every day
   * was loaded, keeps the index within a fixed memory (~1 KB a mention with its bucket entries) instead
   * of growing with the file. A file in date order, either way round, loses nothing by it: the
   * forgotten ones are days away from what comes next.
   */
  maxMembers?: number
}

const DAY = 86_400_000
export const DEFAULT_STORY_OPTIONS: Required<StoryIndexOptions> = {
  numHashes: 64,
  bands: 32,
  threshold: 0.33,
  minFeatures: 6,
  shortThreshold: 0.8,
  distinctiveThreshold: 0.35,
  minDistinctive: 2,
  windowMs: 3 * DAY,
  bucketCap: 24,
  maxComparisons: 12,
  maxMembers: 60_000
}

interface Story {
  start: number
  end: number
}

/**
 * A mention in the index. Buckets hold the members themselves (not ids to look up), and `mark`/`shared`
 * are the candidate count of the add in progress: gathering candidates allocates nothing per mention.
 */
class Member {
  /** the add that last counted this member (StoryIndex.epoch) */
  mark = 0
  /** bands shared with the signature of that add */
  shared = 0
  constructor(
    readonly id: number,
    readonly sig: Uint32Array,
    readonly publishedAt: number,
    readonly storyId: number,
    /** the story's time span, shared by its members (the same object as in StoryIndex.stories) */
    readonly story: Story,
    readonly keys: number[]
  ) {}
}

/**
 * Groups reposts, syndicated news and copy-paste comments into stories, one mention at a time.
 * MinHash over stem shingles, LSH banding to find candidates, the estimated Jaccard to confirm.
 * A new mention joins the story of its most similar candidate when that story, with it, still
 * fits in the time window; otherwise it starts a story keyed by its own id.
 */
export class StoryIndex {
  private readonly o: Required<StoryIndexOptions>
  private readonly rows: number
  private readonly sigLength: number
  private readonly members = new Map<number, Member>()
  private readonly buckets = new Map<number, Member[]>()
  private readonly stories = new Map<number, Story>()
  /** scratch of candidates(): reused by every add */
  private epoch = 0
  private readonly found: Member[] = []
  private readonly ranked: Member[] = []
  private readonly perCount: Int32Array

  constructor(opts: StoryIndexOptions = {}) {
    this.o = { ...DEFAULT_STORY_OPTIONS, ...opts }
    if (this.o.numHashes % this.o.bands !== 0) throw new Error('numHashes must be a multiple of bands')
    this.rows = this.o.numHashes / this.o.bands
    this.sigLength = this.o.numHashes + DISTINCTIVE_SLOTS + 2
    this.perCount = new Int32Array(this.o.bands + 2)
  }

  get size(): number {
    return this.members.size
  }

  /** The signature to store with a mention (see signatureToBytes) so the index can be rebuilt. */
  signature(title: string | null, text: string): Uint32Array {
    return minhash(storyFeatures(title, text), this.o.numHashes)
  }

  /** Adds a mention and returns its story key: the id of the story's first member. */
  add(id: number, title: string | null, text: string, publishedAt: number): number {
    return this.addSignature(id, this.signature(title, text), publishedAt)
  }

  /** Same as add, with a signature computed earlier (e.g. in a worker). */
  addSignature(id: number, sig: Uint32Array, publishedAt: number): number {
    if (sig.length !== this.sigLength)
      throw new Error(`signature has ${sig.length} values, expected ${this.sigLength}`)
    const existing = this.members.get(id)
    if (existing) return existing.storyId
    const keys = this.bandKeys(sig)
    const storyId = this.bestStory(sig, keys, publishedAt) ?? id
    this.insert(id, sig, publishedAt, storyId, keys)
    if (this.members.size > this.o.maxMembers) this.forgetFarthest(publishedAt)
    return storyId
  }

  /** The story a mention would join, without adding it (null: a new story). */
  findStory(sig: Uint32Array, publishedAt: number): number | null {
    return this.bestStory(sig, this.bandKeys(sig), publishedAt)
  }

  private bestStory(sig: Uint32Array, keys: number[], publishedAt: number): number | null {
    if (keys.length === 0) return null
    let best: Member | null = null
    let bestSim = 0
    let compared = 0
    const ranked = this.candidates(keys)
    for (let i = 0; i < ranked.length; i++) {
      const m = ranked[i] as Member
      const story = m.story
      if (Math.max(story.end, publishedAt) - Math.min(story.start, publishedAt) > this.o.windowMs) continue
      if (compared++ >= this.o.maxComparisons) break
      const sim = this.similarity(sig, m.sig)
      if (sim === null) continue
      if (!best || sim > bestSim || (sim === bestSim && m.id < best.id)) {
        best = m
        bestSim = sim
      }
    }
    return best?.storyId ?? null
  }

  /** Estimated similarity when the two are the same story, else null. */
  similarity(a: Uint32Array, b: Uint32Array): number | null {
    const small = Math.min(featureCount(a), featureCount(b)) < this.o.minFeatures
    const sim = estimateJaccard(a, b)
    if (sim < (small ? this.o.shortThreshold : this.o.threshold)) return null
    const named = Math.min(distinctiveCount(a), distinctiveCount(b)) >= this.o.minDistinctive
    if (named && distinctiveJaccard(a, b) < this.o.distinctiveThreshold) return null
    return sim
  }

  /** Rebuilds the index from stored rows (e.g. the last days of mentions at start-up). */
  static fromSignatures(
    rows: Iterable<{ id: number; sig: Uint32Array; publishedAt: number; storyId: number }>,
    opts: StoryIndexOptions = {}
  ): StoryIndex {
    const index = new StoryIndex(opts)
    index.load(rows)
    return index
  }

  /** Adds stored mentions whose story is already known; ones already in the index are skipped. */
  load(rows: Iterable<{ id: number; sig: Uint32Array; publishedAt: number; storyId: number }>): void {
    for (const r of rows) {
      if (r.sig.length !== this.sigLength) {
        throw new Error(`signature of mention ${r.id} has ${r.sig.length} values, expected ${this.sigLength}`)
      }
      if (!this.members.has(r.id)) this.insert(r.id, r.sig, r.publishedAt, r.storyId, this.bandKeys(r.sig))
    }
  }

  /** Forgets a mention (an undone import). Its story keeps its key. */
  remove(id: number): void {
    const m = this.members.get(id)
    if (!m) return
    this.members.delete(id)
    for (const key of m.keys) {
      const list = this.buckets.get(key)
      if (!list) continue
      const i = list.indexOf(m)
      if (i >= 0) list.splice(i, 1)
      if (list.length === 0) this.buckets.delete(key)
    }
  }

  /**
   * Keeps the three quarters of maxMembers published nearest to `pivot` (the latest added) and forgets
   * the rest, with the stories none of the kept ones belongs to.
   */
  private forgetFarthest(pivot: number): void {
    const keep = Math.floor(this.o.maxMembers * 0.75)
    const all = [...this.members.values()]
    all.sort((a, b) => Math.abs(a.publishedAt - pivot) - Math.abs(b.publishedAt - pivot) || b.id - a.id)
    for (let i = keep; i < all.length; i++) this.remove((all[i] as Member).id)
    const live = new Set<number>()
    for (const m of this.members.values()) live.add(m.storyId)
    for (const id of this.stories.keys()) if (!live.has(id)) this.stories.delete(id)
  }

  /** Forgets mentions published before `before`: they can no longer join anything new. */
  prune(before: number): number {
    let n = 0
    for (const [id, m] of this.members) {
      if (m.publishedAt < before) {
        this.remove(id)
        n++
      }
    }
    for (const [id, s] of this.stories) if (s.end < before) this.stories.delete(id)
    return n
  }

  private insert(id: number, sig: Uint32Array, publishedAt: number, storyId: number, keys: number[]): void {
    let s = this.stories.get(storyId)
    if (s) {
      s.start = Math.min(s.start, publishedAt)
      s.end = Math.max(s.end, publishedAt)
    } else {
      s = { start: publishedAt, end: publishedAt }
      this.stories.set(storyId, s)
    }
    const m = new Member(id, sig, publishedAt, storyId, s, keys)
    this.members.set(id, m)
    for (const key of keys) {
      const list = this.buckets.get(key)
      if (!list) {
        this.buckets.set(key, [m])
        continue
      }
      list.push(m)
      if (list.length > this.o.bucketCap) list.shift()
    }
  }

  /**
   * Members sharing a band with the signature, most shared bands first; ties in the order first met
   * (band by band, newest first within a bucket). At most bands × bucketCap of them, counted on the
   * members and ranked by a counting sort: no map and no allocation per add. The array is scratch,
   * valid until the next call.
   */
  private candidates(keys: number[]): Member[] {
    const epoch = ++this.epoch
    const found = this.found
    found.length = 0
    for (const key of keys) {
      const list = this.buckets.get(key)
      if (!list) continue
      for (let i = list.length - 1; i >= 0; i--) {
        const m = list[i] as Member
        if (m.mark !== epoch) {
          m.mark = epoch
          m.shared = 1
          found.push(m)
        } else m.shared++
      }
    }
    // Stable counting sort, descending: perCount[c] becomes the first slot of the members sharing c bands.
    const perCount = this.perCount.fill(0)
    const top = perCount.length - 1
    for (let i = 0; i < found.length; i++) perCount[Math.min((found[i] as Member).shared, top)]!++
    let slot = 0
    for (let c = top; c > 0; c--) {
      const n = perCount[c] as number
      perCount[c] = slot
      slot += n
    }
    const ranked = this.ranked
    ranked.length = found.length
    for (let i = 0; i < found.length; i++) {
      const m = found[i] as Member
      ranked[perCount[Math.min(m.shared, top)]!++] = m
    }
    return ranked
  }

  /** One hash per band of `rows` minima; texts without features get no keys (they never group). */
  private bandKeys(sig: Uint32Array): number[] {
    if (featureCount(sig) === 0) return []
    const keys: number[] = []
    for (let b = 0; b < this.o.bands; b++) {
      let h = fmix32(b + 1)
      for (let r = 0; r < this.rows; r++) h = fmix32(h ^ (sig[b * this.rows + r] as number))
      keys.push(h)
    }
    return keys
  }
}
