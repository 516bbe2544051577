import { join } from 'node:path'

export interface NativeBindingContext {
  /** process.versions.electron, or undefined under plain Node. */
  electronVersion: string | undefined
  isPackaged: boolean
  /** The app folder (app.getAppPath()): the repo root in development. */
  appPath: string
  /** process.resourcesPath in the packaged app. */
  resourcesPath: string
  platform: NodeJS.Platform
  arch: string
  exists: (path: string) => boolean
}

export type NativeBindingChoice =
  | { kind: 'default' }
  | { kind: 'path'; path: string }
  | { kind: 'missing'; expected: string; message: string }

/**
 * Which better_sqlite3.node the process loads. Under Node (CLI, tests) the one in node_modules, built
 * for Node. In Electron during development a second copy built for Electron's ABI in
 * .electron-native/<platform>-<arch>/ (scripts/start.mjs prepares it), so tests and the app can share
 * one checkout. In the packaged app electron-builder has rebuilt node_modules for Electron: default.
 */
export function chooseNativeBinding(c: NativeBindingContext): NativeBindingChoice {
  if (!c.electronVersion) return { kind: 'default' }
  if (c.isPackaged) return { kind: 'default' }
  const path = join(
    c.appPath,
    '.electron-native',
    `${c.platform}-${c.arch}`,
    `electron-${c.electronVersion}`,
    'better_sqlite3.node'
  )
  if (c.exists(path)) return { kind: 'path', path }
  return {
    kind: 'missing',
    expected: path,
    message:
      `better-sqlite3 is not built for Electron ${c.electronVersion} yet (expected ${path}). ` +
      'Run "npm start" on a machine with internet access: it downloads or compiles the Electron build once.'
  }
}
