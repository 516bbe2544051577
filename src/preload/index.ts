import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { buildBridge, type Result } from '../shared/api'

/**
 * `window.otklik`, generated from the API table: one function per channel plus `on(event, cb)`.
 * The renderer never sees ipcRenderer.
 */
const bridge = buildBridge(
  (channel, input) => ipcRenderer.invoke(channel, input) as Promise<Result<unknown>>,
  (event, cb) => {
    const listener = (_e: IpcRendererEvent, payload: unknown): void => cb(payload)
    ipcRenderer.on(event, listener)
    return () => ipcRenderer.removeListener(event, listener)
  }
)

contextBridge.exposeInMainWorld('otklik', bridge)
