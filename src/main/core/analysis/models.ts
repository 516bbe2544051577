import type { Db } from '../db/open'
import { sentimentFromInt } from '../../../shared/types'
import type { LearningCurvePoint, ModelQuality, ModelView } from '../../../shared/views'
import { now } from '../../../shared/clock'
import {
  fitOffice,
  learnedModel,
  loadBuiltinModel,
  scorePredictions,
  type LabelledExample,
  type LearnedModelData,
  type SentimentModel
} from './sentiment'
import { SUBJECT_ORDER, targetOfQuery } from './subject-target'

/** Fewest office labels (of at least two classes) before a learned model is trained. */
export const MIN_OFFICE_LABELS = 30

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

/**
 * The `quality` column holds the cross-validated scores and, beside them, the learning curve and the
 * strength of the correction: `{f1pn, accuracy, perClass, n, curve, strength}` (older rows have neither).
 */
interface StoredQuality extends ModelQuality {
  curve?: LearningCurvePoint[]
  strength?: number
}

export function modelInfo(db: Db): ModelView {
  const row = db
    .prepare(
      "SELECT labels, trained_at, quality FROM learned_models WHERE kind = 'sentiment' ORDER BY id DESC LIMIT 1"
    )
    .get() as { labels: number; trained_at: number; quality: string | null } | undefined
  if (!row) {
    const counts = officeLabelCounts(db)
    return {
      kind: 'builtin',
      labels: counts.total,
      trainedAt: null,
      quality: null,
      curve: [],
      strength: null,
      needed: needed(counts)
    }
  }
  const stored = row.quality ? (JSON.parse(row.quality) as StoredQuality) : null
  const { curve = [], strength = 1, ...quality } = stored ?? {}
  return {
    kind: 'learned',
    labels: row.labels,
    trainedAt: row.trained_at,
    quality: stored ? (quality as ModelQuality) : null,
    curve,
    strength,
    needed: 0
  }
}

const LABELLED = `irrelevant = 0 AND (manual_sentiment IS NOT NULL OR import_sentiment IS NOT NULL)`

/**
 * The office's own labels: staff corrections and labels from imported exports, relevant mentions only,
 * each with the target the app classifies it toward (its first subject's, subject-target.ts), so that
 * training and use agree; none when it matches no subject.
 */
export function officeLabels(db: Db, limit = 100_000): LabelledExample[] {
  const rows = db
    .prepare(
      `SELECT title, text, coalesce(manual_sentiment, import_sentiment) AS s,
         (SELECT query FROM subjects WHERE enabled = 1
            AND id IN (SELECT subject_id FROM mention_subjects WHERE mention_id = mentions.id)
          ${SUBJECT_ORDER} LIMIT 1) AS subject_query
       FROM mentions
       WHERE ${LABELLED}
       ORDER BY manual_sentiment IS NULL, id DESC LIMIT ?`
    )
    .all(limit) as { title: string | null; text: string; s: number; subject_query: string | null }[]
  const targets = new Map<string, string | null>()
  const targetOf = (q: string | null): string | null => {
    if (q === null) return null
    if (!targets.has(q)) targets.set(q, targetOfQuery(q))
    return targets.get(q)!
  }
  return rows.map((r) => ({
    text: r.title ? `${r.title}. ${r.text}` : r.text,
    target: targetOf(r.subject_query),
    label: sentimentFromInt(r.s)!
  }))
}

interface LabelCounts {
  total: number
  /** labels of each class present */
  classes: number
}

function officeLabelCounts(db: Db): LabelCounts {
  const rows = db
    .prepare(
      `SELECT coalesce(manual_sentiment, import_sentiment) AS s, count(*) AS n FROM mentions WHERE ${LABELLED} GROUP BY s`
    )
    .all() as { s: number; n: number }[]
  return { total: rows.reduce((t, r) => t + r.n, 0), classes: rows.length }
}

/**
 * More labels needed before a learned model: up to MIN_OFFICE_LABELS, and at least one of a second
 * class when all labels so far say the same (a model needs two classes to tell apart).
 */
function needed(c: LabelCounts): number {
  return Math.max(MIN_OFFICE_LABELS - c.total, c.classes < 2 ? 1 : 0)
}

/** Manual corrections after which the app retrains the office's model (imports with labels retrain at once). */
export const RETRAIN_EVERY_CORRECTIONS = 20

/** What changed the office's labels: an import batch, or staff correcting mentions by hand. */
export type LabelChange = { kind: 'import'; batchId: number } | { kind: 'manual'; count: number }

/**
 * Whether a change of labels calls for retraining the office's model: an import that brought labels;
 * every RETRAIN_EVERY_CORRECTIONS manual corrections since the last training (counted in the audit
 * log, so the count survives a restart); and the first model as soon as there are enough labels.
 */
export function retrainDue(db: Db, change: LabelChange): boolean {
  if (change.kind === 'import') return labelsInBatch(db, change.batchId) > 0
  if (change.count <= 0) return false
  const last = db
    .prepare("SELECT max(trained_at) FROM learned_models WHERE kind = 'sentiment'")
    .pluck()
    .get() as number | null
  if (last === null) return needed(officeLabelCounts(db)) === 0
  const since = db
    .prepare("SELECT count(*) FROM label_events WHERE field = 'sentiment' AND at > ?")
    .pluck()
    .get(last) as number
  return since >= RETRAIN_EVERY_CORRECTIONS
}

/** Labels an import brought (new rows and rows it saw again), for the retrain schedule. */
export function labelsInBatch(db: Db, batchId: number): number {
  return db
    .prepare(
      `SELECT count(*) FROM mentions WHERE import_sentiment IS NOT NULL AND
         (batch_id = ? OR id IN (SELECT mention_id FROM batch_duplicates WHERE batch_id = ?))`
    )
    .pluck()
    .get(batchId, batchId) as number
}

/** The built-in model scored on the office's labels: what it does on their texts before any training. */
function builtinQuality(examples: LabelledExample[]): ModelQuality | null {
  if (!examples.length) return null
  const m = loadBuiltinModel()
  return scorePredictions(
    examples.map((e) => e.label),
    examples.map((e) => m.classify(e.text, e.target).label)
  )
}

/**
 * Trains the office's model from its own labels, measures it by 5-fold cross-validation on those labels
 * and a learning curve (quality at 100, 250, 500… labels), and stores all three. With too few labels
 * nothing is stored: the answer is the built-in model, its quality on the labels there are, and how
 * many more are needed. The app's background worker and `otklik train` both run this.
 */
export function trainOfficeModel(db: Db, opts: { seed?: number; now?: number } = {}): ModelView {
  const examples = officeLabels(db)
  const counts = { total: examples.length, classes: new Set(examples.map((e) => e.label)).size }
  const more = needed(counts)
  if (more > 0)
    return {
      kind: 'builtin',
      labels: examples.length,
      trainedAt: null,
      quality: builtinQuality(examples),
      curve: [],
      strength: null,
      needed: more
    }
  const seed = opts.seed ?? 42
  const { data, quality, curve, strength } = fitOffice(examples, { seed })
  const at = opts.now ?? now()
  const stored: StoredQuality = { ...quality, curve, strength }
  db.prepare(
    "INSERT INTO learned_models (kind, data, quality, labels, trained_at) VALUES ('sentiment', ?, ?, ?, ?)"
  ).run(JSON.stringify(data), JSON.stringify(stored), examples.length, at)
  db.prepare(
    "DELETE FROM learned_models WHERE kind = 'sentiment' AND id NOT IN (SELECT id FROM learned_models WHERE kind = 'sentiment' ORDER BY id DESC LIMIT 3)"
  ).run()
  return { kind: 'learned', labels: examples.length, trainedAt: at, quality, curve, strength, needed: 0 }
}
