import type { Workspace } from '../workspace'
import type { Handlers } from './dispatch'
import type { HandlerContext, HostPlatform, Impl } from './context'
import type { Channel } from '../../../shared/api'
import { mentionHandlers } from './domains/mentions'
import { sourceHandlers } from './domains/sources'
import { importHandlers } from './domains/imports'
import { workspaceHandlers } from './domains/workspace'
import { tmpdir, homedir } from 'node:os'
import { join } from 'node:path'

export { APP_VERSION } from './domains/workspace'

/** The test host's route that serves files from the reports history (see reportHistoryFile). */
export const REPORT_FILE_ROUTE = '/report-file'
export type { HostPlatform } from './context'

/** The browser test host's platform: no native dialogs, nothing opened on the desktop. */
export function browserPlatform(): HostPlatform {
  return {
    kind: 'browser',
    defaultReportsDir: () => join(homedir(), 'Documents', 'Otklik'),
    downloadUrl: (path) => `${REPORT_FILE_ROUTE}?path=${encodeURIComponent(path)}`,
    uploadsDir: () => join(tmpdir(), 'otklik-uploads')
  }
}

/** Every channel's implementation over one workspace; the type checks that none is missing. */
export function createHandlers(ws: Workspace, host: HostPlatform | 'electron' | 'browser'): Handlers {
  const platform: HostPlatform = typeof host === 'string' ? { ...browserPlatform(), kind: host } : host
  const ctx: HandlerContext = { ws, host: platform }
  const all: Impl<Channel> = {
    ...workspaceHandlers(ctx),
    ...mentionHandlers(ctx),
    ...sourceHandlers(ctx),
    ...importHandlers(ctx)
  }
  return all as unknown as Handlers
}
