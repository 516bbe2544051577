import type { HandlerContext, Impl } from '../context'
import { setSettings } from '../../db/settings'
import { SCHEMA_VERSION } from '../../db/migrations'
import { createDemo } from '../../demo'
import { workspaceStats } from '../../queries/stats'
import { modelInfo, trainOfficeModel } from '../../analysis/models'
import { reanalyse } from '../../analysis/reanalyse'
import { buildDigestModel, exportDigest, reportHistoryFile } from '../../report'
import type { Output } from '../../../../shared/api'
import type { ReportView } from '../../../../shared/views'
import { decodeView, encodeView } from '../../../../shared/views'
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
      empty: (ws.db.prepare('SELECT count(*) FROM mentions').pluck().get() as number) === 0,
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
      return { mentions: r.mentions }
    },
    'stats:get': (i) => workspaceStats(ws.db, { from: i?.from, to: i?.to, timeZone: ws.settings().timeZone }),
    'reports:list': () =>
      (
        ws.db
          .prepare(
            'SELECT id, period_from, period_to, lang, files, mentions, created_at, created_by FROM reports ORDER BY id DESC LIMIT 200'
          )
          .all() as Record<string, unknown>[]
      ).map((r): ReportView => ({
        id: r.id as number,
        periodFrom: r.period_from as string,
        periodTo: r.period_to as string,
        lang: r.lang as string,
        files: JSON.parse(r.files as string) as string[],
        mentions: (r.mentions as number | null) ?? null,
        createdAt: r.created_at as number,
        createdBy: (r.created_by as string | null) ?? null
      })),
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
    'views:list': () =>
      (
        ws.db.prepare('SELECT id, name, filter FROM saved_views ORDER BY name').all() as {
          id: number
          name: string
          filter: string
        }[]
      ).map((v) => ({ id: v.id, name: v.name, ...decodeView(v.filter) })),
    'views:save': (i) => {
      const r = ws.db
        .prepare(
          'INSERT INTO saved_views (name, filter, created_at) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET filter = excluded.filter RETURNING id'
        )
        .get(i.name, encodeView(i.filter, i.period ?? null), clock.now()) as { id: number }
      return { id: r.id }
    },
    'views:remove': (i) => ({
      removed: ws.db.prepare('DELETE FROM saved_views WHERE id = ?').run(i.id).changes
    })
  }
}
