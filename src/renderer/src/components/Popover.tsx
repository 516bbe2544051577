import { useEffect, useRef, useState, type ReactNode } from 'react'

/** A button that opens a small panel below it; outside click and Esc close it, focus goes back. */
export function Popover({
  label,
  children,
  className,
  align = 'left',
  testId,
  title,
  placement = 'below'
}: {
  label: ReactNode
  children: (close: () => void) => ReactNode
  className?: string
  align?: 'left' | 'right'
  testId?: string
  title?: string
  placement?: 'below' | 'right'
}) {
  const [open, setOpen] = useState(false)
  const root = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (!open) return
    const onDown = (e: MouseEvent): void => {
      if (!root.current?.contains(e.target as Node)) setOpen(false)
    }
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') {
        setOpen(false)
        button.current?.focus()
      }
    }
    document.addEventListener('mousedown', onDown)
    document.addEventListener('keydown', onKey)
    return () => {
      document.removeEventListener('mousedown', onDown)
      document.removeEventListener('keydown', onKey)
    }
  }, [open])
  useEffect(() => {
    if (open) root.current?.querySelector<HTMLElement>('.popover-panel input, .popover-panel button')?.focus()
  }, [open])
  return (
    <div className="popover" ref={root}>
      <button
        ref={button}
        className={className ?? 'btn'}
        aria-expanded={open}
        aria-haspopup="true"
        onClick={() => setOpen((o) => !o)}
        data-testid={testId}
        title={title}
      >
        {label}
      </button>
      {open && (
        <div className={`popover-panel align-${align} place-${placement}`}>
          {children(() => setOpen(false))}
        </div>
      )}
    </div>
  )
}
