/**
 * How a model verdict's explanation is stored (mentions.model_explanation): the words that decided it
 * and the clause they stand in. Stored as a JSON array of the words when there is no clause (as before
 * clauses were kept, so older rows read the same), else as {"words": [...], "clause": "..."}.
 */
export interface Explanation {
  words: string[]
  clause: string | null
}

export function explanationJson(words: string[], clause?: string | null): string {
  return JSON.stringify(clause ? { words, clause } : words)
}

/** The stored explanation, either form; nothing (or text that is not one) reads as no words, no clause. */
export function readExplanation(json: string | null | undefined): Explanation {
  if (!json) return { words: [], clause: null }
  let v: unknown
  try {
    v = JSON.parse(json)
  } catch {
    return { words: [], clause: null }
  }
  const strings = (x: unknown): string[] =>
    Array.isArray(x) ? x.filter((w): w is string => typeof w === 'string') : []
  if (Array.isArray(v)) return { words: strings(v), clause: null }
  if (v && typeof v === 'object') {
    const o = v as { words?: unknown; clause?: unknown }
    return { words: strings(o.words), clause: typeof o.clause === 'string' && o.clause ? o.clause : null }
  }
  return { words: [], clause: null }
}
