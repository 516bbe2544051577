import { ipcMain, type WebContents } from 'electron'
import { CHANNELS, EVENT_NAMES } from '../shared/api'
import { dispatch, type Handlers } from './core/api/dispatch'
import type { Workspace } from './core/workspace'

/** Registers every channel of the API table with one generic handler; forwards events to windows. */
export function registerIpc(handlers: Handlers, ws: Workspace, targets: () => WebContents[]): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (_event, input: unknown) => dispatch(handlers, channel, input, { dbPath: ws.dbPath }))
  }
  const offs = EVENT_NAMES.map((name) =>
    ws.events.on(name, (payload) => {
      for (const wc of targets()) if (!wc.isDestroyed()) wc.send(name, payload)
    })
  )
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel)
    offs.forEach((off) => off())
  }
}
