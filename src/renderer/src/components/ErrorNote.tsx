import type { ReactNode } from 'react'
import { ApiCallError } from '../api'
import { useI18n, type I18n } from '../i18n'
import type { QueryErrorInfo } from '../../../shared/query'
import { queryErrorText } from './QueryInput'

/** The people-facing text for a failed call: our translated line by error code, main's message as detail. */
export function errorText(e: unknown, t: I18n['tx']): { title: string; detail: string | null } {
  if (e instanceof ApiCallError) {
    // A query syntax error is said in the UI language from its code and values (main's text is English).
    const q =
      e.error.code === 'QUERY_SYNTAX' ? (e.error.details?.query as QueryErrorInfo | undefined) : undefined
    if (q) return { title: t('error.code.QUERY_SYNTAX'), detail: queryErrorText(q, t, e.error.message) }
    return {
      title: t(`error.code.${e.error.code}`, t('error.code.INTERNAL')),
      detail: e.error.message
    }
  }
  const msg = e instanceof Error ? e.message : String(e)
  return { title: t('error.code.INTERNAL'), detail: msg }
}

/** An error box: what happened in the user's language, the technical detail in small print. */
export function ErrorNote({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { tx, t } = useI18n()
  if (!error) return null
  const { title, detail } = errorText(error, tx)
  return (
    <div className="note note-error" role="alert" data-testid="error-note">
      <div className="note-body">
        <strong>{title}</strong>
        {detail && <span className="note-detail">{detail}</span>}
      </div>
      {onRetry && (
        <button className="btn small" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  )
}

/** A calm placeholder for "nothing here yet" with an optional action. */
export function EmptyState({
  title,
  body,
  action,
  icon = '◎',
  testId
}: {
  title: string
  body?: string
  action?: ReactNode
  icon?: string
  testId?: string
}) {
  return (
    <div className="empty-state" data-testid={testId ?? 'empty-state'}>
      <div className="empty-illustration" aria-hidden="true">
        {icon}
      </div>
      <h2>{title}</h2>
      {body && <p>{body}</p>}
      {action}
    </div>
  )
}

export function Spinner({ label }: { label?: string }) {
  return (
    <div className="loading" aria-busy="true" role="status">
      <span className="spinner" aria-hidden="true" />
      {label && <span>{label}</span>}
    </div>
  )
}
