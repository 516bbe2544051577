import { normalizeText } from '../../../../shared/text'
import { stemOf, type Token } from './tokens'
import { isKazakhNegativeVerb, KK_NEG_AFTER_STEM, negatesAfterPrefix } from './kazakh'

/**
 * Word patterns of the hand-written lexicons:
 *   'word'    every form with the same stem,   '=word' that exact form,
 *   'prefix*' words that start so,              'stem+' a Kazakh verb stem (its negative form is told apart),
 *   'a b*'    a phrase of such parts over consecutive words (punctuation between is skipped).
 */
type Part = { kind: 'stem' | 'exact' | 'prefix'; value: string; verb: boolean }

export interface PatternMatch<T> {
  /** word indices [from, to) */
  from: number
  to: number
  payload: T
  /** a Kazakh verb stem matched in its negative form (жөнде+ → жөндемеді) */
  verbNegated: boolean
}

function parsePart(raw: string): Part {
  let s = normalizeText(raw.trim())
  if (s.startsWith('=')) return { kind: 'exact', value: s.slice(1), verb: false }
  if (s.endsWith('+')) return { kind: 'prefix', value: s.slice(0, -1), verb: true }
  if (s.endsWith('*')) return { kind: 'prefix', value: s.slice(0, -1), verb: false }
  s = s.replace(/[^\p{L}\p{N}\p{M}-]/gu, '')
  return { kind: 'stem', value: stemOf(s), verb: false }
}

interface Compiled<T> {
  parts: Part[]
  payload: T
}

const NONE: never[] = []
let nextSlot = 0

interface TrieNode<T> {
  next: Map<string, TrieNode<T>>
  list: Compiled<T>[] | null
}

export class PatternSet<T> {
  private exact = new Map<string, Compiled<T>[]>()
  private stems = new Map<string, Compiled<T>[]>()
  /** patterns whose first part is a prefix, by that prefix, walked letter by letter */
  private trie: TrieNode<T> = { next: new Map(), list: null }

  constructor(entries: Iterable<[string, T]>) {
    for (const [text, payload] of entries) {
      const parts = text
        .trim()
        .split(/[\s,]+/)
        .filter(Boolean)
        .map(parsePart)
        .filter((p) => p.value.length > 0)
      const first = parts[0]
      if (!first) continue
      if (first.kind === 'prefix') {
        let node = this.trie
        for (const ch of first.value) {
          let nx = node.next.get(ch)
          if (!nx) node.next.set(ch, (nx = { next: new Map(), list: null }))
          node = nx
        }
        ;(node.list ??= []).push({ parts, payload })
        continue
      }
      const map = first.kind === 'exact' ? this.exact : this.stems
      const list = map.get(first.value) ?? []
      list.push({ parts, payload })
      map.set(first.value, list)
    }
    // Longest pattern first, so a phrase wins over its first word.
    const byLength = (a: Compiled<T>, b: Compiled<T>) => b.parts.length - a.parts.length
    for (const list of [...this.exact.values(), ...this.stems.values()]) list.sort(byLength)
    const sortTrie = (n: TrieNode<T>) => {
      n.list?.sort(byLength)
      for (const c of n.next.values()) sortTrie(c)
    }
    sortTrie(this.trie)
  }

  /** 0: no match, 1: match, 2: match of a verb stem in its negative form */
  private static partMatch(p: Part, w: Token): 0 | 1 | 2 {
    if (p.kind === 'exact') return w.norm === p.value ? 1 : 0
    if (p.kind === 'stem') return w.stem === p.value ? 1 : 0
    if (!w.norm.startsWith(p.value)) return 0
    if (p.verb) return KK_NEG_AFTER_STEM.test(w.norm.slice(p.value.length)) ? 2 : 1
    // a plain Kazakh prefix in a negative verb form (ашыл* → ашылмайды) is negated too
    return w.norm.length >= p.value.length + 2 &&
      isKazakhNegativeVerb(w) &&
      negatesAfterPrefix(w, w.norm.slice(p.value.length))
      ? 2
      : 1
  }

  /** this set's slot in WordForm.slots */
  private readonly slot = nextSlot++

  /**
   * Candidate lists whose first part can match this word: exact, prefixes (longest first), stem.
   * They depend on the word's form alone, so they are kept on its shared WordForm: the same forms
   * recur in every text, and a lookup there is an array read instead of a trie walk.
   */
  private candidates(w: Token): Compiled<T>[][] {
    const slots = w.form?.slots
    const kept = slots?.[this.slot] as Compiled<T>[][] | undefined
    if (kept) return kept
    const found: Compiled<T>[][] = []
    this.collect(w, found)
    const out = found.length ? found : (NONE as Compiled<T>[][])
    if (slots) slots[this.slot] = out
    return out
  }

  private collect(w: Token, out: Compiled<T>[][]): void {
    const e = this.exact.get(w.norm)
    if (e) out.push(e)
    const mark = out.length
    let node: TrieNode<T> | undefined = this.trie
    for (let i = 0; i < w.norm.length && node; i++) {
      node = node.next.get(w.norm[i]!)
      if (node?.list && i >= 1) out.push(node.list)
    }
    // longest prefix first
    for (let a = mark, b = out.length - 1; a < b; a++, b--) {
      const t = out[a]!
      out[a] = out[b]!
      out[b] = t
    }
    const s = this.stems.get(w.stem)
    if (s) out.push(s)
  }

  /** Left-to-right, longest match at each word, non-overlapping. */
  matchAll(words: Token[]): PatternMatch<T>[] {
    const out: PatternMatch<T>[] = []
    for (let i = 0; i < words.length;) {
      const w = words[i]!
      const lists = this.candidates(w)
      if (lists.length === 0) {
        i++
        continue
      }
      let best: PatternMatch<T> | null = null
      for (let l = 0; l < lists.length; l++) {
        const list = lists[l]!
        for (let ci = 0; ci < list.length; ci++) {
          const c = list[ci]!
          if (best && c.parts.length <= best.to - best.from) continue
          let neg = false
          let ok = c.parts.length <= words.length - i
          for (let j = 0; j < c.parts.length && ok; j++) {
            const m = PatternSet.partMatch(c.parts[j]!, words[i + j]!)
            ok = m !== 0
            neg = neg || m === 2
          }
          if (ok) best = { from: i, to: i + c.parts.length, payload: c.payload, verbNegated: neg }
        }
      }
      if (best) {
        out.push(best)
        i = best.to
      } else i++
    }
    return out
  }
}
