import { useCallback, useEffect, useRef, useState } from 'react'

export interface QueryState<T> {
  data: T | null
  error: unknown
  loading: boolean
  /** Loads again, keeping the old data on screen until the new answer arrives. */
  reload(): void
}

/**
 * Runs `load` when `deps` change and keeps the latest answer; answers to superseded calls are
 * dropped, so a fast typist never sees an older result replace a newer one.
 */
export function useQuery<T>(load: () => Promise<T>, deps: unknown[]): QueryState<T> {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [loading, setLoading] = useState(true)
  const [tick, setTick] = useState(0)
  const seq = useRef(0)
  const loadRef = useRef(load)
  loadRef.current = load
  useEffect(() => {
    const my = ++seq.current
    setLoading(true)
    loadRef.current().then(
      (v) => {
        if (my !== seq.current) return
        setData(v)
        setError(null)
        setLoading(false)
      },
      (e: unknown) => {
        if (my !== seq.current) return
        setError(e)
        setLoading(false)
      }
    )
  }, [...deps, tick])
  const reload = useCallback(() => setTick((t) => t + 1), [])
  return { data, error, loading, reload }
}
