import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react'

export interface Toast {
  id: number
  text: string
  kind: 'info' | 'error'
  action?: { label: string; run: () => void }
}

interface ToastCtx {
  notify(text: string, opts?: { kind?: Toast['kind']; action?: Toast['action'] }): void
}

const Ctx = createContext<ToastCtx>({ notify: () => undefined })

/** Short confirmations at the bottom of the window, read out by screen readers (role=status). */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([])
  const next = useRef(1)
  const notify = useCallback<ToastCtx['notify']>((text, opts) => {
    const id = next.current++
    setToasts((ts) => [...ts.slice(-2), { id, text, kind: opts?.kind ?? 'info', action: opts?.action }])
    // Errors and toasts offering an undo stay long enough to be read and acted on.
    const ms = opts?.kind === 'error' ? 9000 : opts?.action ? 10_000 : 5000
    setTimeout(() => setToasts((ts) => ts.filter((x) => x.id !== id)), ms)
  }, [])
  const value = useMemo(() => ({ notify }), [notify])
  return (
    <Ctx.Provider value={value}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((x) => (
          <div key={x.id} className={`toast toast-${x.kind}`} data-testid="toast">
            <span>{x.text}</span>
            {x.action && (
              <button
                className="btn link"
                data-testid="toast-action"
                onClick={() => {
                  x.action?.run()
                  setToasts((ts) => ts.filter((y) => y.id !== x.id))
                }}
              >
                {x.action.label}
              </button>
            )}
          </div>
        ))}
      </div>
    </Ctx.Provider>
  )
}

export function useToast(): ToastCtx {
  return useContext(Ctx)
}
