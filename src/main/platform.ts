import { app, dialog, shell, BrowserWindow } from 'electron'
import { join } from 'node:path'
import type { HostPlatform } from './core/api/handlers'
import { isSafeExternalUrl } from './security'

/** What the Electron host adds to the core: native dialogs and the desktop shell. */
export function electronPlatform(): HostPlatform {
  return {
    kind: 'electron',
    pickFiles: async () => {
      const win = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0]
      const opts = {
        properties: ['openFile', 'multiSelections'] as ('openFile' | 'multiSelections')[],
        filters: [
          { name: 'Выгрузки мониторинга', extensions: ['csv', 'tsv', 'txt', 'xlsx', 'json', 'xml', 'rss', 'atom', 'rdf'] },
          { name: '*', extensions: ['*'] }
        ]
      }
      const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts)
      return r.canceled ? [] : r.filePaths
    },
    openPath: async (path, folder) => {
      if (folder) {
        shell.showItemInFolder(path)
        return true
      }
      const err = await shell.openPath(path)
      return err === ''
    },
    openExternal: async (url) => {
      if (!isSafeExternalUrl(url)) return false
      await shell.openExternal(url)
      return true
    },
    defaultReportsDir: () => join(app.getPath('documents'), 'Otklik'),
    uploadsDir: () => join(app.getPath('temp'), 'otklik-uploads')
  }
}
