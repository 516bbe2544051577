import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react'
import type { AppInfo } from '../../../shared/api'
import type { Settings } from '../../../shared/settings'
import { call } from '../api'

export interface SettingsCtx {
  info: AppInfo
  settings: Settings
  /** Saves a patch in main and keeps the answer (main is the source of truth). */
  update(patch: Partial<Settings>): Promise<Settings>
  setInfo(info: AppInfo): void
}

const Ctx = createContext<SettingsCtx | null>(null)

export function SettingsProvider({
  info: initialInfo,
  settings: initial,
  children
}: {
  info: AppInfo
  settings: Settings
  children: ReactNode
}) {
  const [settings, setSettings] = useState(initial)
  const [info, setInfo] = useState(initialInfo)
  const update = useCallback(async (patch: Partial<Settings>) => {
    // Optimistic, so a language or theme switch is immediate; main's answer then wins.
    setSettings((s) => ({ ...s, ...patch }))
    try {
      const next = await call('settings:set', patch)
      setSettings(next)
      return next
    } catch (e) {
      // Refused (e.g. a bad time zone): show what main really holds.
      call('settings:get', {}).then(setSettings, () => undefined)
      throw e
    }
  }, [])
  const value = useMemo(() => ({ info, settings, update, setInfo }), [info, settings, update])
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>
}

export function useSettings(): SettingsCtx {
  const v = useContext(Ctx)
  if (!v) throw new Error('useSettings outside SettingsProvider')
  return v
}
