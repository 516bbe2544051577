import type { HandlerContext, Impl } from '../context'
import {
  addSource,
  collectOnce,
  listSources,
  removeSource,
  setSourceEnabled,
  updateSource
} from '../../collect'
import { addSubject, listSubjects, removeSubject, updateSubject } from '../../subjects'
import { listTopics, removeTopic, saveTopic } from '../../analysis/topics'
import { workerFolderImporter } from '../../import/worker-client'
import { subjectsMatcher } from '../../subjects'
import { parseQuery, QueryError, queryErrorInfo } from '../../../../shared/query'
import { OtklikError } from '../../../../shared/errors'
import type { SourceView } from '../../../../shared/views'

type K =
  | 'sources:list'
  | 'sources:add'
  | 'sources:update'
  | 'sources:setEnabled'
  | 'sources:remove'
  | 'sources:runNow'
  | 'subjects:list'
  | 'subjects:add'
  | 'subjects:update'
  | 'subjects:remove'
  | 'topics:list'
  | 'topics:save'
  | 'topics:remove'
  | 'query:test'

export function sourceHandlers({ ws }: HandlerContext): Impl<K> {
  const sourceView = (id: number): SourceView => {
    const s = listSources(ws.db).sources.find((x) => x.id === id)
    if (!s) throw new OtklikError('NOT_FOUND', `No source with id ${id}.`)
    return s as SourceView
  }
  return {
    'sources:list': () => listSources(ws.db).sources as SourceView[],
    'sources:add': (i) => {
      const r = addSource(ws.db, i)
      ws.changed('collect')
      ws.catalogChanged('sources')
      return r
    },
    'sources:update': (i) => {
      const { id, ...patch } = i
      updateSource(ws.db, id, patch)
      ws.catalogChanged('sources')
      return sourceView(id)
    },
    'sources:setEnabled': (i) => {
      const r = setSourceEnabled(ws.db, i.id, i.enabled)
      ws.catalogChanged('sources')
      return r
    },
    'sources:remove': (i) => {
      const r = removeSource(ws.db, i.id)
      ws.catalogChanged('sources')
      return r
    },
    'sources:runNow': async (i) => {
      const r = await collectOnce(ws.db, {
        sourceId: i.id,
        analyzer: ws.analyzer(),
        importer: workerFolderImporter(ws.dbPath),
        matcher: subjectsMatcher(ws.db),
        onEvent: (name, payload) => {
          if (name === 'collect:status') {
            const p = payload as {
              result?: { id: number; status: string; new: number; error: string | null }
            }
            if (p.result)
              ws.events.emit('collect:status', {
                sourceId: p.result.id,
                status: p.result.status,
                new: p.result.new,
                error: p.result.error
              })
          }
        }
      })
      const added = r.sources.reduce((s, x) => s + x.new, 0)
      if (added) ws.changed('collect', added)
      return r
    },
    'subjects:list': () => listSubjects(ws.db).subjects,
    'subjects:add': (i) => {
      const r = addSubject(ws.db, i.name, i.query)
      ws.changed('analysis')
      ws.catalogChanged('subjects')
      return r
    },
    'subjects:update': (i) => {
      const { id, ...patch } = i
      const r = updateSubject(ws.db, id, patch)
      ws.changed('analysis')
      ws.catalogChanged('subjects')
      return r
    },
    'subjects:remove': (i) => {
      const r = removeSubject(ws.db, i.id)
      ws.changed('analysis')
      ws.catalogChanged('subjects')
      return r
    },
    'topics:list': () => listTopics(ws.db),
    'topics:save': (i) => {
      const r = saveTopic(ws.db, i)
      ws.changed('analysis')
      ws.catalogChanged('topics')
      return r
    },
    'topics:remove': (i) => {
      const r = removeTopic(ws.db, i.id)
      ws.changed('analysis')
      ws.catalogChanged('topics')
      return r
    },
    'query:test': (i) => {
      try {
        parseQuery(i.query)
      } catch (e) {
        if (!(e instanceof QueryError)) throw e
        return {
          ok: false,
          error: e.message,
          position: e.position,
          syntax: queryErrorInfo(e),
          count: 0,
          sample: []
        }
      }
      const filter = { ...(i.filter ?? {}), search: i.query }
      const count = ws.mentions.count(filter)
      const sample = ws.mentions.page(filter, { col: 'publishedAt', dir: 'desc' }, 0, 10).rows
      return { ok: true, error: null, position: null, syntax: null, count, sample }
    }
  }
}
