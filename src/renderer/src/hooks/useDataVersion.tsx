import { createContext, useContext, useEffect, useState, type ReactNode } from 'react'
import type { Events } from '../../../shared/api'
import { onEvent } from '../api'

interface DataVersion {
  version: number
  last: Events['mentions:changed'] | null
}
const Ctx = createContext<DataVersion>({ version: 0, last: null })

/** A counter that moves whenever main says mentions changed: counts, charts and lists reload on it. */
export function DataVersionProvider({ children }: { children: ReactNode }) {
  const [v, setV] = useState<DataVersion>({ version: 0, last: null })
  useEffect(() => onEvent('mentions:changed', (e) => setV((x) => ({ version: x.version + 1, last: e }))), [])
  return <Ctx.Provider value={v}>{children}</Ctx.Provider>
}

export function useDataVersion(): DataVersion {
  return useContext(Ctx)
}
