import type { Api, Channel, Input, Output } from '../../../shared/api'
import { setSettings } from '../db/settings'
import { SCHEMA_VERSION } from '../db/migrations'
import { createDemo } from '../demo'
import { workspaceStats } from '../queries/stats'
import { setIrrelevant, setManualSentiment, setResponse } from '../mentions/labels'
import type { Workspace } from '../workspace'
import type { Handlers } from './dispatch'

type Impl = {
  [C in Channel]: (
    input: Exclude<Input<C>, undefined> & Api[C]['input']['_output']
  ) => Output<C> | Promise<Output<C>>
}

export const APP_VERSION = '0.1.0'

/** Every channel's implementation over one workspace. */
export function createHandlers(ws: Workspace, host: 'electron' | 'browser'): Handlers {
  const impl: Impl = {
    'app:info': () => ({
      version: APP_VERSION,
      dbPath: ws.dbPath,
      schemaVersion: SCHEMA_VERSION,
      host,
      empty: (ws.db.prepare('SELECT count(*) FROM mentions').pluck().get() as number) === 0
    }),
    'settings:get': () => pickSettings(ws),
    'settings:set': (patch) => {
      setSettings(ws.db, patch)
      ws.changed('label')
      return pickSettings(ws)
    },
    'demo:create': (input) => {
      const r = createDemo(ws.db, { seed: input?.seed ?? 1, timeZone: ws.settings().timeZone })
      ws.changed('demo', r.mentions)
      return { mentions: r.mentions }
    },
    'stats:get': (input) =>
      workspaceStats(ws.db, { from: input?.from, to: input?.to, timeZone: ws.settings().timeZone }),
    'mentions:page': (input) => ws.mentions.page(input.filter, input.sort, input.startRow, input.endRow),
    'mentions:counts': (input) => ws.mentions.counts(input.filter),
    'mentions:get': (input) => ws.mentions.detail(input.id),
    'mentions:setSentiment': (input) => {
      const changed = setManualSentiment(ws.db, input.ids, input.sentiment)
      ws.changed('label', changed)
      return { changed }
    },
    'mentions:setIrrelevant': (input) => {
      const changed = setIrrelevant(ws.db, input.ids, input.irrelevant, input.reason ?? null)
      ws.changed('label', changed)
      return { changed }
    },
    'mentions:setResponse': (input) => {
      const changed = setResponse(ws.db, input.ids, {
        status: input.status,
        assignee: input.assignee,
        note: input.note,
        url: input.url
      })
      ws.changed('label', changed)
      return { changed }
    }
  }
  return impl as unknown as Handlers
}

function pickSettings(ws: Workspace): Output<'settings:get'> {
  const s = ws.settings()
  return {
    orgName: s.orgName,
    orgLogo: s.orgLogo,
    language: s.language,
    timeZone: s.timeZone,
    weekStart: s.weekStart,
    authorMinLabelled: s.authorMinLabelled,
    authorShare: s.authorShare,
    maskPrivateAuthors: s.maskPrivateAuthors,
    reportsFolder: s.reportsFolder,
    theme: s.theme
  }
}
