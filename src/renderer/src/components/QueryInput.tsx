import type { Ref } from 'react'
import { useId, useMemo } from 'react'
import { formatQueryError, parseQuery, QueryError } from '../../../shared/query'
import { useI18n } from '../i18n'

export interface QueryCheck {
  ok: boolean
  message: string | null
  position: number | null
}

/** Validates a query in the language of the UI: the message and the 0-based error position. */
export function useQueryCheck(value: string): QueryCheck {
  const { lang } = useI18n()
  return useMemo(() => {
    if (!value.trim()) return { ok: true, message: null, position: null }
    try {
      parseQuery(value)
      return { ok: true, message: null, position: null }
    } catch (e) {
      if (e instanceof QueryError)
        return { ok: false, message: formatQueryError(e, lang), position: e.position }
      return { ok: false, message: String(e), position: null }
    }
  }, [value, lang])
}

/**
 * A query box that checks the query language as you type and shows where the error is: the message
 * and the query itself with the offending character marked.
 */
export function QueryInput({
  value,
  onChange,
  onSubmit,
  placeholder,
  label,
  multiline,
  testId,
  inputRef
}: {
  value: string
  onChange: (v: string) => void
  onSubmit?: () => void
  placeholder?: string
  label: string
  multiline?: boolean
  testId?: string
  inputRef?: Ref<HTMLInputElement>
}) {
  const check = useQueryCheck(value)
  const errId = useId()
  const common = {
    value,
    placeholder,
    'aria-label': label,
    'aria-invalid': !check.ok,
    'aria-describedby': check.ok ? undefined : errId,
    'data-testid': testId,
    spellCheck: false
  }
  return (
    <div className={`query-input ${check.ok ? '' : 'invalid'}`}>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          ref={inputRef}
          type="search"
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault()
              onSubmit?.()
            }
          }}
        />
      )}
      {!check.ok && (
        <div
          className="query-error"
          id={errId}
          role="alert"
          data-testid={testId ? `${testId}-error` : undefined}
        >
          <span>{check.message}</span>
          {check.position !== null && <ErrorCaret text={value} position={check.position} />}
        </div>
      )}
    </div>
  )
}

function ErrorCaret({ text, position }: { text: string; position: number }) {
  // Show a window of the query around the error, the offending character marked.
  const start = Math.max(0, position - 30)
  const before = text.slice(start, position)
  const at = text.slice(position, position + 1) || ' '
  const after = text.slice(position + 1, position + 30)
  return (
    <code className="query-caret" aria-hidden="true">
      {start > 0 ? '…' : ''}
      {before}
      <mark>{at}</mark>
      {after}
    </code>
  )
}
