import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'

const ROOT = resolve(__dirname, '..')

/** Path of the Electron binary when one is installed (never on our CI: it cannot be downloaded there). */
function electronBinary(): string | null {
  const pathFile = join(ROOT, 'node_modules', 'electron', 'path.txt')
  if (!existsSync(pathFile)) return null
  const exe = join(ROOT, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(exe) ? exe : null
}

const binary = electronBinary()

test.describe('the real Electron app', () => {
  test.skip(
    !binary,
    'No Electron binary on this machine (it cannot be downloaded here); run `npm start` once on a machine with internet access, then this spec runs.'
  )

  test('opens one secure window that shows the mentions page', async () => {
    const app = await electron.launch({
      executablePath: binary!,
      args: [ROOT],
      env: { ...process.env, OTKLIK_USER_DATA: join(ROOT, 'test-results', 'electron-user-data') }
    })
    const win = await app.firstWindow()
    await expect(win.locator('h1')).toContainText(/Упоминания|Mentions|Жарияланымдар/)
    // Electron keeps the options a window was created with; the typings no longer list the getter.
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const wc = BrowserWindow.getAllWindows()[0]!.webContents as unknown as {
        getLastWebPreferences?: () => Record<string, unknown>
      }
      const p = wc.getLastWebPreferences?.() ?? {}
      return {
        contextIsolation: p.contextIsolation,
        sandbox: p.sandbox,
        nodeIntegration: p.nodeIntegration,
        webSecurity: p.webSecurity
      }
    })
    expect(prefs).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true
    })
    expect(await win.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe(
      'undefined'
    )
    expect(await win.evaluate(() => typeof (window as unknown as { otklik?: unknown }).otklik)).toBe('object')
    await app.close()
  })
})
