import { app, BrowserWindow, dialog, Menu, Notification, session, shell } from 'electron'
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { runCli, CLI_COMMAND_NAMES } from './cli/main'
import { setDefaultNativeBinding } from './core/db/open'
import { getSettings } from './core/db/settings'
import { Workspace } from './core/workspace'
import { createHandlers, APP_VERSION } from './core/api/handlers'
import { OtklikError } from '../shared/errors'
import { pinClockFromEnv } from '../shared/clock'
import { registerIpc } from './ipc'
import { electronPlatform } from './platform'
import { openWorkspaceWithRecovery } from './recovery'
import { startBackgroundServices } from './background'
import { buildMenu } from './menu'
import { chooseNativeBinding } from './native'
import {
  isAllowedNavigation,
  isSafeExternalUrl,
  permissionDecision,
  RENDERER_CSP,
  secureWebPreferences
} from './security'
import { loadWindowState, saveWindowState } from './window-state'

// Installed app: shipped data (fonts, models, topics) is in resources/resources (extraResources).
if (app.isPackaged) process.env.OTKLIK_RESOURCES = join(process.resourcesPath, 'resources')
const cliArgs = process.argv.slice(app.isPackaged ? 1 : 2).filter((a) => a !== '.')

/** Started with a CLI command as its arguments: run it headless (no window) and exit. */
if (cliArgs[0] && CLI_COMMAND_NAMES().includes(cliArgs[0])) {
  process.env.OTKLIK_USER_DATA ??= app.getPath('userData')
  configureNative()
  runCli(cliArgs, undefined, { exclude: ['serve'] }).then(
    (code) => app.exit(code ?? 0),
    () => app.exit(1)
  )
} else {
  startApp()
}

function configureNative(): void {
  const choice = chooseNativeBinding({
    electronVersion: process.versions.electron,
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
    platform: process.platform,
    arch: process.arch,
    exists: existsSync
  })
  if (choice.kind === 'path') setDefaultNativeBinding(choice.path)
  if (choice.kind === 'missing') throw new OtklikError('IO', choice.message)
}

function startApp(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }
  let win: BrowserWindow | null = null
  let ws: Workspace | null = null
  const userData = app.getPath('userData')

  app.on('second-instance', () => {
    if (!win) return
    if (win.isMinimized()) win.restore()
    win.focus()
  })

  app.on('web-contents-created', (_e, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      if (isSafeExternalUrl(url)) void shell.openExternal(url)
      return { action: 'deny' }
    })
    contents.on('will-navigate', (event, url) => {
      if (!isAllowedNavigation(url, contents.getURL())) {
        event.preventDefault()
        if (isSafeExternalUrl(url)) void shell.openExternal(url)
      }
    })
    contents.on('will-attach-webview', (event) => event.preventDefault())
  })

  app.whenReady().then(async () => {
    // OTKLIK_NOW runs the whole app at a fixed date (reproducible demos and checks; see README).
    pinClockFromEnv(process.env)
    session.defaultSession.setPermissionRequestHandler((_wc, permission, cb) =>
      cb(permissionDecision(permission))
    )
    session.defaultSession.setPermissionCheckHandler((_wc, permission) => permissionDecision(permission))
    session.defaultSession.webRequest.onHeadersReceived((details, cb) => {
      cb({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [RENDERER_CSP] } })
    })
    if (!existsSync(userData)) mkdirSync(userData, { recursive: true })
    try {
      configureNative()
    } catch (e) {
      dialog.showErrorBox('Отклик не может открыть базу данных', (e as Error).message)
      app.exit(1)
      return
    }
    ws = await openWorkspaceWithRecovery(userData)
    if (!ws) {
      app.exit(0)
      return
    }
    const workspace = ws
    registerIpc(createHandlers(workspace, electronPlatform()), workspace, () =>
      BrowserWindow.getAllWindows().map((w) => w.webContents)
    )
    const lang = getSettings(workspace.db).language
    Menu.setApplicationMenu(
      buildMenu(lang, {
        dataDir: userData,
        onAbout: () =>
          void dialog.showMessageBox({
            type: 'info',
            title: 'Отклик',
            message: `Отклик ${APP_VERSION}`,
            detail: `Electron ${process.versions.electron}\n${workspace.dbPath}`
          })
      })
    )
    win = createWindow(userData)
    stopBackground = startBackgroundServices(workspace, {
      resolveProxy: (url) => session.defaultSession.resolveProxy(url),
      reportsDir: () => workspace.settings().reportsFolder || electronPlatform().defaultReportsDir(),
      notify: (title, body) => {
        if (Notification.isSupported()) new Notification({ title, body }).show()
      }
    })
  })

  app.on('window-all-closed', () => app.quit())
  let stopBackground: (() => Promise<void>) | null = null
  app.on('before-quit', (e) => {
    if (!stopBackground) return ws?.close()
    e.preventDefault()
    const stop = stopBackground
    stopBackground = null
    void stop().finally(() => {
      ws?.close()
      app.quit()
    })
  })
}

function createWindow(userData: string): BrowserWindow {
  const state = loadWindowState(userData)
  const win = new BrowserWindow({
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Отклик',
    backgroundColor: '#f5f6f8',
    webPreferences: secureWebPreferences(join(__dirname, '../preload/index.js'))
  })
  if (state.maximized) win.maximize()
  win.once('ready-to-show', () => win.show())
  win.on('close', () => {
    const b = win.getNormalBounds()
    saveWindowState(userData, { ...b, maximized: win.isMaximized() })
  })
  if (process.env.ELECTRON_RENDERER_URL) void win.loadURL(process.env.ELECTRON_RENDERER_URL)
  else void win.loadFile(join(__dirname, '../renderer/index.html'))
  return win
}
