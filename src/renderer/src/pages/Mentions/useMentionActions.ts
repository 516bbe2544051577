import { type ResponseStatus } from '../../../../shared/types'
import { useCallback } from 'react'
import type { GridApi } from 'ag-grid-community'
import type { LabelUndo, MentionRow } from '../../../../shared/rows'
import type { Sentiment } from '../../../../shared/types'
import { call } from '../../api'
import { errorText } from '../../components/ErrorNote'
import { useToast } from '../../hooks/useToast'
import { useI18n } from '../../i18n'

export const IRRELEVANT_REASONS = ['namesake', 'spam', 'advertising', 'other'] as const
export type IrrelevantReason = (typeof IRRELEVANT_REASONS)[number]

export interface ResponsePatch {
  status: ResponseStatus | null
  assignee?: string | null
  note?: string | null
  url?: string | null
}

/**
 * Edits of mentions (sentiment, irrelevant, response) for one id or a selection. Rows on screen are
 * updated at once; main then announces `mentions:changed` and the grid reloads what it shows.
 */
export function useMentionActions(grid: () => GridApi<MentionRow> | null, after: () => void) {
  const { t, tx } = useI18n()
  const { notify } = useToast()
  const patchRows = useCallback(
    (ids: number[], patch: Partial<MentionRow>) => {
      const api = grid()
      if (!api) return
      for (const id of ids) {
        const node = api.getRowNode(String(id))
        if (node?.data) node.setData({ ...node.data, ...patch })
      }
    },
    [grid]
  )
  const fail = useCallback((e: unknown) => notify(errorText(e, tx).title, { kind: 'error' }), [notify, tx])

  /** Puts back what an edit replaced: the same edit, once per earlier value. */
  const undo = useCallback(
    async (u: LabelUndo) => {
      try {
        let n = 0
        if (u.field === 'sentiment')
          for (const g of u.groups) n += (await call('mentions:setSentiment', g)).changed
        else if (u.field === 'irrelevant')
          for (const g of u.groups) {
            n += (await call('mentions:setIrrelevant', g)).changed
            patchRows(g.ids, { irrelevant: g.irrelevant })
          }
        else
          for (const g of u.groups) {
            n += (await call('mentions:setResponse', g)).changed
            patchRows(g.ids, { responseStatus: g.status })
          }
        notify(t('actions.undone', { n }))
        after()
      } catch (e) {
        fail(e)
      }
    },
    [patchRows, notify, t, after, fail]
  )
  /** A toast for an edit, with «Отменить» when something changed. */
  const done = useCallback(
    (text: string, r: { changed: number; undo: LabelUndo }) =>
      notify(
        text,
        r.changed > 0 ? { action: { label: t('actions.undo'), run: () => void undo(r.undo) } } : undefined
      ),
    [notify, t, undo]
  )

  const setSentiment = useCallback(
    async (ids: number[], sentiment: Sentiment | null) => {
      if (!ids.length) return
      try {
        const r = await call('mentions:setSentiment', { ids, sentiment })
        if (sentiment) patchRows(ids, { sentiment, sentimentOrigin: 'manual' })
        done(
          sentiment
            ? t('actions.sentimentSet', { label: tx(`sentiment.${sentiment}`), n: r.changed })
            : t('actions.sentimentCleared', { n: r.changed }),
          r
        )
        after()
      } catch (e) {
        fail(e)
      }
    },
    [patchRows, done, t, tx, after, fail]
  )

  const setIrrelevant = useCallback(
    async (ids: number[], irrelevant: boolean, reason?: IrrelevantReason) => {
      if (!ids.length) return
      try {
        const r = await call('mentions:setIrrelevant', { ids, irrelevant, reason: reason ?? null })
        patchRows(ids, { irrelevant })
        done(
          irrelevant
            ? t('actions.irrelevantSet', { n: r.changed })
            : t('actions.irrelevantCleared', { n: r.changed }),
          r
        )
        after()
      } catch (e) {
        fail(e)
      }
    },
    [patchRows, done, t, after, fail]
  )

  const setResponse = useCallback(
    async (ids: number[], p: ResponsePatch) => {
      if (!ids.length) return
      try {
        const r = await call('mentions:setResponse', { ids, ...p })
        patchRows(ids, { responseStatus: p.status })
        done(
          p.status
            ? t('actions.responseSet', { label: tx(`response.${p.status}`), n: r.changed })
            : t('actions.responseCleared', { n: r.changed }),
          r
        )
        after()
      } catch (e) {
        fail(e)
      }
    },
    [patchRows, done, t, tx, after, fail]
  )

  return { setSentiment, setIrrelevant, setResponse }
}
