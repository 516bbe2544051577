import type { HandlerContext, Impl } from '../context'
import { setSettings } from '../../db/settings'
import { SCHEMA_VERSION } from '../../db/migrations'
import { createDemo } from '../../demo'
import { isEmptyWorkspace, workspaceStats } from '../../queries/stats'
import { listViews, removeView, saveView } from '../../queries/views'
import { modelInfo, trainOfficeModel } from '../../analysis/models'
import { reanalyse } from '../../analysis/reanalyse'
import { buildDigestModel, exportDigest, listReports, reportHistoryFile } from '../../report'
import type { Output } from '../../../../shared/api'
import { clock } from '../../../../shared/clock'
import { scheduleOf } from '../../../../shared/digest-schedule'
import { OtklikError } from '../../../../shared/errors'
import { logoProblem, reportsFolderProblem } from '../../report/files'

export const APP_VERSION = '0.1.0'

type K =
  | 'app:info'
  | 'settings:get'
  | 'settings:set'
  | 'demo:create'
  | 'stats:get'
  | 'reports:list'
  | 'reports:preview'
  | 'reports:export'
  | 'reports:open'
  | 'analysis:rerun'
  | 'analysis:model'
  | 'analysis:train'
  | 'views:list'
  | 'views:save'
  | 'views:remove'

export function workspaceHandlers({ ws, host }: HandlerContext): Impl<K> {
  const settings = (): Output<'settings:get'> => {
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
      theme: s.theme,
      digestSchedule: scheduleOf(s.digestSchedule)
    }
  }
  return {
    'app:info': () => ({
      version: APP_VERSION,
      dbPath: ws.dbPath,
      schemaVersion: SCHEMA_VERSION,
      host: host.kind,
      empty: isEmptyWorkspace(ws.db),
      now: clock.now(),
      clockPinned: clock.pinned
    }),
    'settings:get': settings,
    'settings:set': (patch) => {
      // Paths from the renderer are checked here, in main: a logo of /dev/zero grew the process to 6 GB.
      const logo = patch.orgLogo ? logoProblem(patch.orgLogo) : null
      if (logo) throw new OtklikError('VALIDATION', `Cannot use ${patch.orgLogo} as the logo: ${logo}.`)
      const folder = patch.reportsFolder ? reportsFolderProblem(patch.reportsFolder) : null
      if (folder) throw new OtklikError('VALIDATION', `Cannot use ${patch.reportsFolder}: ${folder}.`)
      // Switching the schedule on starts it from now: an earlier slot of this week is not "missed".
      const wasOn = scheduleOf(ws.settings().digestSchedule).enabled
      if (patch.digestSchedule?.enabled && !wasOn) setSettings(ws.db, { digestScheduleSince: clock.now() })
      setSettings(ws.db, patch)
      ws.changed('label')
      return settings()
    },
    'demo:create': (i) => {
      const r = createDemo(ws.db, {
        seed: i?.seed ?? 1,
        timeZone: ws.settings().timeZone,
        analyzer: ws.analyzer()
      })
      ws.changed('demo', r.mentions)
      ws.catalogChanged('all')
      return { mentions: r.mentions }
    },
    'stats:get': (i) => workspaceStats(ws.db, { from: i?.from, to: i?.to, timeZone: ws.settings().timeZone }),
    'reports:list': () => listReports(ws.db),
    'reports:preview': (i) => buildDigestModel(ws.db, i),
    'reports:export': (i) =>
      exportDigest(ws.db, { ...i, outDir: ws.settings().reportsFolder || host.defaultReportsDir() }),
    // Only files the digests wrote: the renderer cannot have any other path opened.
    'reports:open': async (i) => {
      const file = reportHistoryFile(ws.db, i.path)
      if (!file)
        throw new OtklikError('VALIDATION', 'Only files from the reports history can be opened.', {
          path: i.path
        })
      if (host.openPath) return { opened: await host.openPath(file, i.folder ?? false) }
      return host.downloadUrl && !i.folder
        ? { opened: false, downloadUrl: host.downloadUrl(file) }
        : { opened: false }
    },
    'analysis:rerun': () => {
      const r = reanalyse(ws.db, {
        onProgress: (done, total) => ws.events.emit('analysis:progress', { done, total })
      })
      ws.changed('analysis', r.analysed)
      return r
    },
    'analysis:model': () => modelInfo(ws.db),
    'analysis:train': () => trainOfficeModel(ws.db),
    'views:list': () => listViews(ws.db),
    'views:save': (i) => {
      const id = saveView(ws.db, i.name, i.filter, i.period ?? null)
      ws.catalogChanged('views')
      return { id }
    },
    'views:remove': (i) => {
      const removed = removeView(ws.db, i.id)
      ws.catalogChanged('views')
      return { removed }
    }
  }
}
