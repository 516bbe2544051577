import { app, dialog } from 'electron'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Workspace } from './core/workspace'
import { backupsDir, restoreDatabase } from './core/db/backup'
import { translateIoError } from './core/db/io-errors'

/** Which database the app opens: the one remembered in workspace.json, else otklik.db in the user-data folder. */
export function workspacePath(userData: string): string {
  const file = join(userData, 'workspace.json')
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { dbPath?: unknown }
    if (typeof saved.dbPath === 'string' && saved.dbPath) return saved.dbPath
  } catch {
    /* no choice made yet */
  }
  return join(userData, 'otklik.db')
}

function rememberWorkspace(userData: string, dbPath: string): void {
  writeFileSync(join(userData, 'workspace.json'), JSON.stringify({ dbPath }))
}

/**
 * Opens the workspace; when that fails (damaged, locked, newer, unreadable file) it shows what happened
 * and the ways out — try again, restore a backup, open another file, start a new workspace, quit —
 * instead of a blank window. Returns null when the user quits.
 */
export async function openWorkspaceWithRecovery(userData: string): Promise<Workspace | null> {
  let path = workspacePath(userData)
  for (;;) {
    try {
      return Workspace.open(path, { create: true })
    } catch (e) {
      const err = translateIoError(e, { path, what: 'database' }) ?? (e as Error)
      const choice = await dialog.showMessageBox({
        type: 'error',
        title: 'Отклик',
        message: 'Не удаётся открыть рабочее пространство',
        detail: `${err.message}\n\nФайл: ${path}`,
        buttons: [
          'Повторить',
          'Восстановить из резервной копии…',
          'Открыть другой файл…',
          'Новое рабочее пространство…',
          'Выход'
        ],
        defaultId: 0,
        cancelId: 4,
        noLink: true
      })
      if (choice.response === 0) continue
      if (choice.response === 1) {
        const dir = backupsDir(path)
        const pick = await dialog.showOpenDialog({
          title: 'Резервная копия',
          defaultPath: existsSync(dir) ? dir : userData,
          filters: [{ name: 'Резервные копии Отклика', extensions: ['db', 'bak', 'sqlite'] }],
          properties: ['openFile']
        })
        if (pick.canceled || !pick.filePaths[0]) continue
        try {
          restoreDatabase(pick.filePaths[0], path, { force: true })
        } catch (re) {
          await dialog.showMessageBox({
            type: 'error',
            title: 'Отклик',
            message: 'Эту копию восстановить нельзя',
            detail: (re as Error).message
          })
        }
        continue
      }
      if (choice.response === 2) {
        const pick = await dialog.showOpenDialog({
          title: 'База данных Отклика',
          defaultPath: userData,
          filters: [{ name: 'База данных Отклика', extensions: ['db', 'sqlite'] }],
          properties: ['openFile']
        })
        if (pick.canceled || !pick.filePaths[0]) continue
        path = pick.filePaths[0]
        rememberWorkspace(userData, path)
        continue
      }
      if (choice.response === 3) {
        const pick = await dialog.showSaveDialog({
          title: 'Новое рабочее пространство',
          defaultPath: join(app.getPath('documents'), 'otklik.db')
        })
        if (pick.canceled || !pick.filePath) continue
        path = pick.filePath
        rememberWorkspace(userData, path)
        continue
      }
      return null
    }
  }
}
