import { normalizeText } from '../text'
import type { QueryNode, TermNode } from './ast'
import { stemWord, wordStems } from './stems'
import { onStemColumns } from './sql'

/**
 * The positive text terms of a query, for highlighting: words as typed (normalised),
 * phrases as their words, wildcards with a trailing `*`. Terms under NOT, site: and author: are left out.
 */
export function queryTerms(node: QueryNode): string[] {
  const out = new Set<string>()
  for (const t of positiveTerms(node)) out.add(t.tokens.join(' ') + (t.kind === 'prefix' ? '*' : ''))
  return [...out]
}

function positiveTerms(node: QueryNode): TermNode[] {
  switch (node.type) {
    case 'term':
      return [node]
    case 'near':
      return node.operands.flat()
    case 'and':
    case 'or':
      return node.children.flatMap(positiveTerms)
    default:
      return []
  }
}

/**
 * Character ranges [start, end) of words in `text` that the query's positive terms would match
 * (stems for words and the words of phrases, one quoted word exactly, prefixes for wildcards). Matching whole phrases is
 * left to the search itself: here each word of a phrase is marked, which is what a reader needs.
 */
export function highlightRanges(text: string, node: QueryNode): [number, number][] {
  const stems = new Set<string>()
  const exact = new Set<string>()
  const prefixes: string[] = []
  for (const t of positiveTerms(node)) {
    t.tokens.forEach((tok, i) => {
      if (t.kind === 'prefix' && i === t.tokens.length - 1) prefixes.push(tok)
      else if (t.kind === 'prefix' || !onStemColumns(t)) exact.add(tok)
      else for (const s of wordStems(tok)) stems.add(s)
    })
  }
  const out: [number, number][] = []
  for (const m of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    const w = normalizeText(m[0])
    if (exact.has(w) || stems.has(stemWord(w)) || prefixes.some((p) => w.startsWith(p))) {
      out.push([m.index, m.index + m[0].length])
    }
  }
  return out
}
