import { type ResponseStatus } from '../../../shared/types'
import type { Db } from '../db/open'
import type { Sentiment } from '../../../shared/types'
import { SENTIMENT_TO_INT, sentimentFromInt } from '../../../shared/types'
import { userName } from '../ingest/batches'
import { clock } from '../../../shared/clock'
import type { LabelUndo } from '../../../shared/rows'

/** Groups rows by a key made of their values (the key is JSON of the values, so equal values share a group). */
function groupRows<R extends { id: number }, G>(rows: R[], value: (r: R) => G): (G & { ids: number[] })[] {
  const groups = new Map<string, G & { ids: number[] }>()
  for (const r of rows) {
    const v = value(r)
    const k = JSON.stringify(v)
    const g = groups.get(k) ?? { ...v, ids: [] }
    g.ids.push(r.id)
    groups.set(k, g)
  }
  return [...groups.values()]
}

/**
 * The current values of one editable field of mentions, taken before an edit so it can be undone by
 * the same edit with the old values (manual sentiment, not the effective one: undoing a manual label
 * falls back to the imported or model label, as clearing does).
 */
export function labelSnapshot(db: Db, ids: number[], field: LabelUndo['field']): LabelUndo {
  const rows: Record<string, unknown>[] = []
  const get = db.prepare(
    `SELECT id, manual_sentiment, irrelevant, irrelevant_reason, response_status, response_assignee,
            response_note, response_url FROM mentions WHERE id = ?`
  )
  for (const id of ids) {
    const r = get.get(id) as Record<string, unknown> | undefined
    if (r) rows.push(r)
  }
  type Row = Record<string, unknown> & { id: number }
  const all = rows as Row[]
  const str = (v: unknown) => (typeof v === 'string' ? v : null)
  switch (field) {
    case 'sentiment':
      return {
        field,
        groups: groupRows(all, (r) => ({ sentiment: sentimentFromInt(r.manual_sentiment as number | null) }))
      }
    case 'irrelevant':
      return {
        field,
        groups: groupRows(all, (r) => ({ irrelevant: r.irrelevant === 1, reason: str(r.irrelevant_reason) }))
      }
    case 'response':
      return {
        field,
        groups: groupRows(all, (r) => ({
          status: str(r.response_status) as ResponseStatus | null,
          assignee: str(r.response_assignee),
          note: str(r.response_note),
          url: str(r.response_url)
        }))
      }
  }
}

/**
 * Sets (or clears, with null) the manual sentiment of mentions. The manual label wins over imported and
 * model labels; clearing it falls back to them. Every change is written to label_events (who, when, old, new).
 */
export function setManualSentiment(
  db: Db,
  ids: number[],
  sentiment: Sentiment | null,
  user = userName(),
  now = clock.now()
): number {
  const get = db.prepare(
    'SELECT id, sentiment, sentiment_origin, manual_sentiment, import_sentiment, model_sentiment, model_score FROM mentions WHERE id = ?'
  )
  const upd = db.prepare(
    'UPDATE mentions SET manual_sentiment = @manual, sentiment = @eff, sentiment_origin = @origin, sentiment_score = @score, updated_at = @now WHERE id = @id'
  )
  const audit = db.prepare(
    "INSERT INTO label_events (mention_id, field, old_value, new_value, user_name, at) VALUES (?, 'sentiment', ?, ?, ?, ?)"
  )
  const manual = sentiment ? SENTIMENT_TO_INT[sentiment] : null
  let changed = 0
  db.transaction(() => {
    for (const id of ids) {
      const row = get.get(id) as
        | {
            id: number
            sentiment: number | null
            sentiment_origin: string | null
            manual_sentiment: number | null
            import_sentiment: number | null
            model_sentiment: number | null
            model_score: number | null
          }
        | undefined
      if (!row || row.manual_sentiment === manual) continue
      const eff = manual ?? row.import_sentiment ?? row.model_sentiment
      const origin =
        manual !== null
          ? 'manual'
          : row.import_sentiment !== null
            ? 'import'
            : row.model_sentiment !== null
              ? 'model'
              : null
      const score = manual !== null || row.import_sentiment !== null ? 1 : row.model_score
      upd.run({ manual, eff, origin, score, now, id })
      // The old value names where the label came from unless staff set it: "import:negative", "model:neutral", "positive".
      const before = sentimentFromInt(row.sentiment)
      const oldValue =
        before === null
          ? null
          : row.sentiment_origin === 'manual'
            ? before
            : `${row.sentiment_origin}:${before}`
      audit.run(id, oldValue, sentiment ?? 'cleared', user, now)
      changed++
    }
  })()
  return changed
}

/** Marks mentions irrelevant (namesake, spam, advertising) or relevant again; audited. */
export function setIrrelevant(
  db: Db,
  ids: number[],
  irrelevant: boolean,
  reason: string | null,
  user = userName(),
  now = clock.now()
): number {
  const upd = db.prepare(
    'UPDATE mentions SET irrelevant = ?, irrelevant_reason = ?, updated_at = ? WHERE id = ? AND irrelevant != ?'
  )
  const audit = db.prepare(
    "INSERT INTO label_events (mention_id, field, old_value, new_value, user_name, at) VALUES (?, 'irrelevant', ?, ?, ?, ?)"
  )
  let n = 0
  db.transaction(() => {
    for (const id of ids) {
      if (upd.run(irrelevant ? 1 : 0, irrelevant ? reason : null, now, id, irrelevant ? 1 : 0).changes) {
        audit.run(
          id,
          irrelevant ? 'relevant' : 'irrelevant',
          irrelevant ? `irrelevant${reason ? ':' + reason : ''}` : 'relevant',
          user,
          now
        )
        n++
      }
    }
  })()
  return n
}

export interface ResponsePatch {
  status: ResponseStatus | null
  assignee?: string | null
  note?: string | null
  url?: string | null
}

/** The response workflow: needs a response → assigned to a colleague → answered (with a note and a link). */
export function setResponse(
  db: Db,
  ids: number[],
  p: ResponsePatch,
  user = userName(),
  now = clock.now()
): number {
  const get = db.prepare('SELECT response_status FROM mentions WHERE id = ?').pluck()
  const upd = db.prepare(
    'UPDATE mentions SET response_status = ?, response_assignee = ?, response_note = ?, response_url = ?, updated_at = ? WHERE id = ?'
  )
  const audit = db.prepare(
    "INSERT INTO label_events (mention_id, field, old_value, new_value, user_name, at) VALUES (?, 'response', ?, ?, ?, ?)"
  )
  let n = 0
  db.transaction(() => {
    for (const id of ids) {
      const old = get.get(id) as string | null | undefined
      if (old === undefined) continue
      upd.run(p.status, p.assignee ?? null, p.note ?? null, p.url ?? null, now, id)
      audit.run(id, old ?? null, p.status, user, now)
      n++
    }
  })()
  return n
}
