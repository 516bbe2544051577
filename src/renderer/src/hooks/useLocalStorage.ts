import { useCallback, useState } from 'react'

/** Reads a JSON value kept in localStorage; bad or missing values give `fallback`. */
export function readStored<T>(key: string, fallback: T): T {
  try {
    const raw = localStorage.getItem(key)
    return raw === null ? fallback : (JSON.parse(raw) as T)
  } catch {
    return fallback
  }
}

export function writeStored(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value))
  } catch {
    // Storage full or disabled: the UI keeps working, it just forgets.
  }
}

/** useState that survives reloads: `const [open, setOpen] = useStoredState('filters.open', true)`. */
export function useStoredState<T>(key: string, fallback: T): [T, (v: T | ((prev: T) => T)) => void] {
  const [value, setValue] = useState<T>(() => readStored(key, fallback))
  const set = useCallback(
    (v: T | ((prev: T) => T)) =>
      setValue((prev) => {
        const next = typeof v === 'function' ? (v as (p: T) => T)(prev) : v
        writeStored(key, next)
        return next
      }),
    [key]
  )
  return [value, set]
}
