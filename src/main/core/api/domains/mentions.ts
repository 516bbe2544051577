import type { HandlerContext, Impl } from '../context'
import { labelSnapshot, setIrrelevant, setManualSentiment, setResponse } from '../../mentions/labels'
import { facets } from '../../queries/facets'
import { dashboard } from '../../queries/dashboard'
import { authorsPage, mergeAuthors, setAuthorType, unmergeAuthors } from '../../queries/authors'
import { authorsTable, mentionsTable, tableToCsv, tableToXlsx, type Table } from '../../queries/table-export'
import { userName } from '../../ingest'
import { mentionsToLabel } from '../../analysis/label-queue'
import { isSafeExternalUrl } from '../../../security'
import { dateInZone } from '../../../../shared/time'
import { clock } from '../../../../shared/clock'
import { leanRule } from '../../../../shared/lean'

type K =
  | 'mentions:page'
  | 'mentions:counts'
  | 'mentions:get'
  | 'mentions:toLabel'
  | 'mentions:setSentiment'
  | 'mentions:setIrrelevant'
  | 'mentions:setResponse'
  | 'mentions:exportTable'
  | 'facets:get'
  | 'dashboard:get'
  | 'authors:list'
  | 'authors:setType'
  | 'authors:merge'
  | 'authors:unmerge'
  | 'authors:exportTable'
  | 'app:openExternal'

async function download(t: Table, format: 'xlsx' | 'csv', base: string, tz: string) {
  const stamp = dateInZone(clock.now(), tz)
  const buf = format === 'xlsx' ? await tableToXlsx(t) : tableToCsv(t)
  return {
    fileName: `${base}-${stamp}.${format}`,
    mime:
      format === 'xlsx'
        ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
        : 'text/csv;charset=utf-8',
    base64: buf.toString('base64')
  }
}

export function mentionHandlers({ ws, host }: HandlerContext): Impl<K> {
  const tz = () => ws.settings().timeZone
  const rule = () => leanRule(ws.settings())
  return {
    'mentions:page': (i) => {
      const page = ws.mentions.page(i.filter, i.sort, i.startRow, i.endRow)
      // After the first block, anchor the rest of the list in idle slices (scrollbar jumps then take ms).
      if (i.startRow === 0) {
        const step = () => {
          try {
            if (!ws.mentions.warmAnchors(i.filter, i.sort)) setImmediate(step)
          } catch {
            // The workspace closed meanwhile: nothing to warm.
          }
        }
        setImmediate(step)
      }
      return page
    },
    'mentions:counts': (i) => ws.mentions.counts(i.filter),
    'mentions:get': (i) => ws.mentions.detail(i.id),
    'mentions:toLabel': () => mentionsToLabel(ws.db),
    'mentions:setSentiment': (i) => {
      const undo = labelSnapshot(ws.db, i.ids, 'sentiment')
      const changed = setManualSentiment(ws.db, i.ids, i.sentiment)
      ws.changed('label', changed)
      ws.labelsChanged({ kind: 'manual', count: changed })
      return { changed, undo }
    },
    'mentions:setIrrelevant': (i) => {
      const undo = labelSnapshot(ws.db, i.ids, 'irrelevant')
      const changed = setIrrelevant(ws.db, i.ids, i.irrelevant, i.reason ?? null)
      ws.changed('label', changed)
      return { changed, undo }
    },
    'mentions:setResponse': (i) => {
      const undo = labelSnapshot(ws.db, i.ids, 'response')
      const changed = setResponse(ws.db, i.ids, {
        status: i.status,
        assignee: i.assignee,
        note: i.note,
        url: i.url
      })
      ws.changed('label', changed)
      return { changed, undo }
    },
    'mentions:exportTable': (i) =>
      download(mentionsTable(ws.db, i.filter, tz()), i.format, 'otklik-mentions', tz()),
    'facets:get': (i) => facets(ws.db, i.filter, tz()),
    'dashboard:get': (i) => dashboard(ws.db, ws.mentions, i.filter, tz(), ws.settings().language),
    'authors:list': (i) =>
      authorsPage(ws.db, i.filter, i.sort, i.startRow, i.endRow, rule(), tz(), i.lean ?? null),
    'authors:setType': (i) => {
      const changed = setAuthorType(ws.db, i.ids, i.type, userName())
      ws.changed('label', changed)
      ws.catalogChanged('authors')
      return { changed }
    },
    'authors:merge': (i) => {
      const merged = mergeAuthors(ws.db, i.ids, i.into, userName())
      ws.changed('label', merged)
      ws.catalogChanged('authors')
      return { merged }
    },
    'authors:unmerge': (i) => {
      const changed = unmergeAuthors(ws.db, i.ids)
      ws.changed('label', changed)
      ws.catalogChanged('authors')
      return { changed }
    },
    'authors:exportTable': (i) =>
      download(authorsTable(ws.db, i.filter, rule(), tz(), i.lean ?? null), i.format, 'otklik-authors', tz()),
    'app:openExternal': async (i) => ({
      opened: isSafeExternalUrl(i.url) && host.openExternal ? await host.openExternal(i.url) : false
    })
  }
}
