import type { Db } from '../db/open'
import type { Sentiment } from '../../../shared/types'
import { sentimentFromInt } from '../../../shared/types'
import {
  crossValidate,
  learnedModel,
  loadBuiltinModel,
  trainLearnedModel,
  type LearnedModelData,
  type SentimentModel
} from './sentiment'
import { clock } from '../../../shared/clock'

/** Fewest office labels (of at least two classes) before a learned model is trained. */
export const MIN_OFFICE_LABELS = 30

export interface ModelInfo {
  kind: 'builtin' | 'learned'
  labels: number
  trainedAt: number | null
  quality: {
    f1pn: number
    accuracy: number
    perClass: Record<Sentiment, { precision: number; recall: number; f1: number }>
    n: number
  } | null
}

/** The model the workspace uses: the office's learned one when there is one, else the built-in. */
export function currentSentimentModel(db: Db): SentimentModel {
  const row = db
    .prepare("SELECT data FROM learned_models WHERE kind = 'sentiment' ORDER BY id DESC LIMIT 1")
    .get() as { data: string } | undefined
  if (!row) return loadBuiltinModel()
  try {
    return learnedModel(JSON.parse(row.data) as LearnedModelData, loadBuiltinModel())
  } catch {
    return loadBuiltinModel()
  }
}

export function modelInfo(db: Db): ModelInfo {
  const row = db
    .prepare(
      "SELECT labels, trained_at, quality FROM learned_models WHERE kind = 'sentiment' ORDER BY id DESC LIMIT 1"
    )
    .get() as { labels: number; trained_at: number; quality: string | null } | undefined
  if (!row) return { kind: 'builtin', labels: officeLabels(db).length, trainedAt: null, quality: null }
  return {
    kind: 'learned',
    labels: row.labels,
    trainedAt: row.trained_at,
    quality: row.quality ? (JSON.parse(row.quality) as ModelInfo['quality']) : null
  }
}

/** The office's own labels: staff corrections and labels from imported exports, relevant mentions only. */
export function officeLabels(db: Db, limit = 100_000): { text: string; label: Sentiment }[] {
  const rows = db
    .prepare(
      `SELECT title, text, coalesce(manual_sentiment, import_sentiment) AS s FROM mentions
       WHERE irrelevant = 0 AND (manual_sentiment IS NOT NULL OR import_sentiment IS NOT NULL)
       ORDER BY manual_sentiment IS NULL, id DESC LIMIT ?`
    )
    .all(limit) as { title: string | null; text: string; s: number }[]
  return rows.map((r) => ({
    text: r.title ? `${r.title}. ${r.text}` : r.text,
    label: sentimentFromInt(r.s)!
  }))
}

/**
 * Trains the office's model from its own labels, measures it by 5-fold cross-validation on those labels,
 * and stores both. Returns null when there are too few labels to learn from.
 */
export function trainOfficeModel(db: Db, opts: { seed?: number; now?: number } = {}): ModelInfo | null {
  const examples = officeLabels(db)
  const classes = new Set(examples.map((e) => e.label))
  if (examples.length < MIN_OFFICE_LABELS || classes.size < 2) return null
  const seed = opts.seed ?? 42
  const quality = crossValidate(examples, { folds: 5, seed })
  const data = trainLearnedModel(examples, { seed })
  const now = opts.now ?? clock.now()
  db.prepare(
    "INSERT INTO learned_models (kind, data, quality, labels, trained_at) VALUES ('sentiment', ?, ?, ?, ?)"
  ).run(JSON.stringify(data), JSON.stringify(quality), examples.length, now)
  db.prepare(
    "DELETE FROM learned_models WHERE kind = 'sentiment' AND id NOT IN (SELECT id FROM learned_models WHERE kind = 'sentiment' ORDER BY id DESC LIMIT 3)"
  ).run()
  return { kind: 'learned', labels: examples.length, trainedAt: now, quality }
}
