import type { SentimentModel } from './model'

/**
 * The `otklik classify` line protocol: JSON objects {"id", "text", "target"?} one a line in,
 * {"id", "label", "score"} one a line out; a line that cannot be read gives {"line": N, "error": "..."}
 * (N counts from 1) and the rest go on. Blank lines are skipped.
 */
export function classifyJsonLines(input: string, model: SentimentModel): string {
  const out: string[] = []
  const lines = input.split(/\r?\n/)
  lines.forEach((raw, i) => {
    const line = raw.trim()
    if (!line) return
    let o: unknown
    try {
      o = JSON.parse(line)
    } catch (e) {
      out.push(JSON.stringify({ line: i + 1, error: 'not JSON: ' + (e as Error).message }))
      return
    }
    if (!o || typeof o !== 'object' || Array.isArray(o)) {
      out.push(JSON.stringify({ line: i + 1, error: 'expected a JSON object' }))
      return
    }
    const { id, text, target } = o as Record<string, unknown>
    if (typeof text !== 'string') {
      out.push(JSON.stringify({ line: i + 1, error: 'missing "text" string' }))
      return
    }
    if (target !== undefined && target !== null && typeof target !== 'string') {
      out.push(JSON.stringify({ line: i + 1, error: '"target" must be a string' }))
      return
    }
    const r = model.classify(text, target ?? null)
    // written by hand: the same text JSON.stringify gives for these three fields, at a fraction of its cost
    const score = Math.round(r.score * 1000) / 1000
    out.push(
      `{"id":${JSON.stringify(id ?? null)},"label":"${r.label}","score":${Number.isFinite(score) ? score : 'null'}}`
    )
  })
  return out.length ? out.join('\n') + '\n' : ''
}
