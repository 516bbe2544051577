import { useCallback, useRef } from 'react'
import type { ColumnState, GridApi } from 'ag-grid-community'
import { readStored, writeStored } from './useLocalStorage'

/**
 * Remembers a grid's column choice, order, widths and sort in localStorage (`key`), and restores
 * them when the grid is created again (after a language switch, a reload or a restart).
 */
export function useColumnState(key: string) {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const restore = useCallback(
    (api: GridApi) => {
      const saved = readStored<ColumnState[] | null>(key, null)
      if (saved?.length) api.applyColumnState({ state: saved, applyOrder: true })
    },
    [key]
  )
  const save = useCallback(
    (api: GridApi) => {
      if (timer.current) clearTimeout(timer.current)
      timer.current = setTimeout(() => {
        if (!api.isDestroyed()) writeStored(key, api.getColumnState())
      }, 300)
    },
    [key]
  )
  const forget = useCallback(() => {
    try {
      localStorage.removeItem(key)
    } catch {
      /* nothing stored */
    }
  }, [key])
  return { restore, save, forget }
}
