import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { LabelledExample } from './model'

const LABELS: Record<string, LabelledExample['label']> = { '-1': 'negative', '0': 'neutral', '1': 'positive' }

/**
 * RuSentNE-2023 TSV (sentence, entity, entity_tag, entity_pos_start_rel, entity_pos_end_rel, label)
 * as labelled examples. Rows with an unknown label are skipped.
 */
export function readRuSentNE(path: string): LabelledExample[] {
  const out: LabelledExample[] = []
  for (const line of readFileSync(path, 'utf8').split('\n').slice(1)) {
    if (!line.trim()) continue
    const cols = line.split('\t')
    const label = LABELS[(cols[5] ?? '').trim()]
    if (!label || !cols[0]) continue
    out.push({ text: unquoteTsv(cols[0]), target: cols[1] ? unquoteTsv(cols[1]) : null, label })
  }
  return out
}

/** The file quotes a field that holds a quote mark, doubling the inner ones. */
function unquoteTsv(s: string): string {
  return s.length >= 2 && s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1).replace(/""/g, '"') : s
}

/** The shared training file: /work/shared/eval/... or ../shared/eval/... next to the repository. */
export function findTrainingFile(repoRoot = process.cwd()): string {
  const candidates = [
    process.env.OTKLIK_SENTIMENT_TRAIN ?? '',
    resolve(repoRoot, '../shared/eval/rusentne2023-train.tsv'),
    '/work/shared/eval/rusentne2023-train.tsv'
  ].filter(Boolean)
  const found = candidates.find((p) => existsSync(p))
  if (!found) throw new Error('RuSentNE training file not found; looked in ' + candidates.join(', '))
  return found
}
