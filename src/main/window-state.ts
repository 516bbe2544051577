import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export interface WindowState {
  x?: number
  y?: number
  width: number
  height: number
  maximized: boolean
}

const DEFAULT: WindowState = { width: 1366, height: 800, maximized: false }

/** The main window's last bounds, kept in the user-data folder. */
export function loadWindowState(dir: string): WindowState {
  const file = join(dir, 'window-state.json')
  if (!existsSync(file)) return DEFAULT
  try {
    const s = JSON.parse(readFileSync(file, 'utf8')) as Partial<WindowState>
    if (typeof s.width !== 'number' || typeof s.height !== 'number') return DEFAULT
    return { ...DEFAULT, ...s, width: Math.max(900, s.width), height: Math.max(600, s.height) }
  } catch {
    return DEFAULT
  }
}

export function saveWindowState(dir: string, s: WindowState): void {
  try {
    writeFileSync(join(dir, 'window-state.json'), JSON.stringify(s))
  } catch {
    /* not worth failing a quit over */
  }
}
