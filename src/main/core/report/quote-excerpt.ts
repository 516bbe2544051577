/**
 * Which words of a publication the digest quotes: the sentence that carries the section's
 * sentiment and the subject or problem, not the opening line; never one sentence twice.
 * Pure: the sentence scorer comes from the caller (the sentiment lexicon in the app).
 */
import { normalizeText, tokenize } from '../../../shared/text'
import { termKey } from '../analysis/spikes'

/** Sentences of a text, each as written: splitSentences('Холодно! Где аким?') → ['Холодно!', 'Где аким?'] */
export function splitSentences(text: string): string[] {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (!flat) return []
  return (flat.match(/[^.!?…]+(?:[.!?…]+["»)]*|$)/gu) ?? [flat]).map((s) => s.trim()).filter(Boolean)
}

/** A key under which two texts count as the same words: letters and digits only, lower case, ё→е. */
export function textKey(s: string): string {
  return tokenize(s).join(' ')
}

/** The grouping keys of a query's words: queryKeys('ЖКХ OR отоплен* OR "горячая вода"') → {жкх, отоплен, горяч, вод}. */
export function queryKeys(query: string | null | undefined): Set<string> {
  const out = new Set<string>()
  if (!query) return out
  const words = normalizeText(query)
    .replace(/\b(?:title|site|author):/gu, ' ')
    .match(/[\p{L}\p{N}\p{M}]+/gu)
  for (const w of words ?? []) {
    if (/^(?:or|and|not|near)$/u.test(w) || w.length < 3) continue
    out.add(termKey(w))
  }
  return out
}

export interface ExcerptOptions {
  /** −1: the section quotes criticism; 1: praise. */
  polarity: -1 | 1
  /** Signed sentiment of one sentence (below zero: negative). */
  score: (sentence: string) => number
  /** Grouping keys (termKey) of the subject's and the problem's words. */
  keys: Set<string>
  /** The publication's title: a sentence repeating it is not quoted again. */
  title?: string | null
  /** At most this many characters (one longer sentence is cut at a word). */
  max: number
  /**
   * A person or the monitoring service labelled it: quote the sentence naming the subject even when
   * no sentence carries the sentiment words. Otherwise such a publication earns no quote (null).
   */
  trusted: boolean
}

/**
 * The excerpt to quote, or null when no sentence of the text bears the section's sentiment (and the
 * label is the model's): the best sentence by sentiment in the section's direction plus a bonus for
 * the subject's or problem's words, widened by neighbouring sentences of the same sentiment while it fits.
 */
export function chooseExcerpt(text: string, o: ExcerptOptions): string | null {
  const titleKey = o.title ? textKey(o.title) : ''
  const seen = new Set<string>()
  const sentences: { s: string; pol: number; key: number }[] = []
  for (const s of splitSentences(text)) {
    const k = textKey(s)
    if (!k || seen.has(k) || k === titleKey) continue
    seen.add(k)
    const keyHits = new Set(tokenize(s).filter((w) => w.length >= 3 && o.keys.has(termKey(w)))).size
    sentences.push({ s, pol: o.score(s) * o.polarity, key: keyHits })
  }
  if (!sentences.length) return null
  let best = -1
  let bestValue = -Infinity
  sentences.forEach((x, i) => {
    if (x.pol <= 0) return
    const v = x.pol + 0.5 * Math.min(x.key, 2)
    if (v > bestValue) [best, bestValue] = [i, v]
  })
  if (best < 0) {
    if (!o.trusted) return null
    // Labelled by a person or the service: the sentence naming the subject or problem, else the first.
    best = Math.max(
      0,
      sentences.findIndex((x) => x.key > 0 && x.pol >= 0)
    )
  }
  let from = best
  let to = best
  const length = (a: number, b: number): number =>
    sentences.slice(a, b + 1).reduce((n, x) => n + x.s.length + 1, -1)
  for (;;) {
    const next = to + 1 < sentences.length && sentences[to + 1]!.pol > 0 ? to + 1 : -1
    const prev = from > 0 && sentences[from - 1]!.pol > 0 ? from - 1 : -1
    if (next >= 0 && length(from, next) <= o.max) to = next
    else if (prev >= 0 && length(prev, to) <= o.max) from = prev
    else break
  }
  const out = sentences
    .slice(from, to + 1)
    .map((x) => x.s)
    .join(' ')
  return cutAt(out, o.max)
}

/** Cuts text at a word boundary and adds an ellipsis: cutAt('один два три', 8) → 'один два…' */
export function cutAt(s: string, max: number): string {
  const flat = s.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  const cut = flat.slice(0, max)
  const sp = cut.lastIndexOf(' ')
  return (sp > max * 0.6 ? cut.slice(0, sp) : cut).replace(/[\s,;:.\-–—(«"]+$/u, '') + '…'
}
