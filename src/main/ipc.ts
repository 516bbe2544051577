import { ipcMain, type WebContents } from 'electron'
import { CHANNELS, EVENT_NAMES } from '../shared/api'
import { dispatch, type Handlers } from './core/api/dispatch'
import type { Workspace } from './core/workspace'

/** Registers every channel of the API table with one generic handler; forwards events to windows. */
export function registerIpc(handlers: Handlers, ws: Workspace, targets: () => WebContents[]): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, input: unknown) => {
      // Only the main frame of the app's own windows may call: never an iframe or another webContents.
      const own = targets().includes(event.sender) && event.senderFrame === event.sender.mainFrame
      if (!own)
        return {
          ok: false,
          error: { code: 'VALIDATION', message: 'The request did not come from the app window.' }
        }
      return dispatch(handlers, channel, input, { dbPath: ws.dbPath })
    })
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
