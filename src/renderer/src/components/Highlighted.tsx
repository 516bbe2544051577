import { useMemo } from 'react'
import { highlightRanges, parseQuery, type QueryNode } from '../../../shared/query'

/** The parsed search query for highlighting, or null when there is none or it does not parse. */
export function useQueryNode(search: string | undefined): QueryNode | null {
  return useMemo(() => {
    if (!search?.trim()) return null
    try {
      return parseQuery(search)
    } catch {
      return null
    }
  }, [search])
}

/**
 * Text with the query's words marked. Plain text only: the text is split into React spans, never
 * parsed as HTML, so whatever a mention contains is shown as written.
 */
export function Highlighted({ text, query }: { text: string; query: QueryNode | null }) {
  const parts = useMemo(() => {
    if (!query || !text) return [text]
    const ranges = highlightRanges(text, query)
    if (!ranges.length) return [text]
    const out: (string | { mark: string; at: number })[] = []
    let pos = 0
    for (const [a, b] of ranges) {
      if (a > pos) out.push(text.slice(pos, a))
      out.push({ mark: text.slice(a, b), at: a })
      pos = b
    }
    if (pos < text.length) out.push(text.slice(pos))
    return out
  }, [text, query])
  return (
    <>
      {parts.map((p, i) =>
        typeof p === 'string' ? (
          <span key={i}>{p}</span>
        ) : (
          <mark key={i} className="hl">
            {p.mark}
          </mark>
        )
      )}
    </>
  )
}
