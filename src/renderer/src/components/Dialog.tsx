import { useEffect, useRef, type ReactNode } from 'react'
import { useI18n } from '../i18n'

/**
 * A modal on the native <dialog>: the browser traps focus, Esc closes, focus returns to the opener.
 */
export function Dialog({
  open,
  title,
  onClose,
  children,
  footer,
  wide,
  testId
}: {
  open: boolean
  title: string
  onClose: () => void
  children: ReactNode
  footer?: ReactNode
  wide?: boolean
  testId?: string
}) {
  const ref = useRef<HTMLDialogElement>(null)
  const { t } = useI18n()
  useEffect(() => {
    const d = ref.current
    if (!d) return
    if (open && !d.open) d.showModal()
    if (!open && d.open) d.close()
  }, [open])
  return (
    <dialog
      ref={ref}
      className={`dialog ${wide ? 'wide' : ''}`}
      onClose={onClose}
      onCancel={(e) => {
        e.preventDefault()
        onClose()
      }}
      aria-label={title}
      data-testid={testId}
    >
      {open && (
        <>
          <header className="dialog-head">
            <h2>{title}</h2>
            <button className="icon-btn" onClick={onClose} aria-label={t('common.close')}>
              ×
            </button>
          </header>
          <div className="dialog-body">{children}</div>
          {footer && <footer className="dialog-foot">{footer}</footer>}
        </>
      )}
    </dialog>
  )
}

/** Asks before something that cannot be taken back. */
export function ConfirmDialog({
  open,
  title,
  body,
  confirmLabel,
  cancelLabel,
  danger,
  onConfirm,
  onClose
}: {
  open: boolean
  title: string
  body: ReactNode
  confirmLabel: string
  /** Names what not confirming keeps («Оставить»); «Отмена» when not given. */
  cancelLabel?: string
  danger?: boolean
  onConfirm: () => void
  onClose: () => void
}) {
  const { t } = useI18n()
  return (
    <Dialog
      open={open}
      title={title}
      onClose={onClose}
      testId="confirm-dialog"
      footer={
        <>
          <button className="btn" onClick={onClose} data-testid="confirm-cancel">
            {cancelLabel ?? t('common.cancel')}
          </button>
          <button
            className={`btn ${danger ? 'danger' : 'primary'}`}
            onClick={onConfirm}
            data-testid="confirm-ok"
          >
            {confirmLabel}
          </button>
        </>
      }
    >
      {body}
    </Dialog>
  )
}
