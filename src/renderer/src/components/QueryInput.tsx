import type { Ref } from 'react'
import { useId, useMemo } from 'react'
import {
  bilingualHints,
  formatQueryErrorMessage,
  parseQuery,
  QUERY_ERROR_MESSAGES,
  QueryError,
  withAlternative,
  type BilingualHint,
  type QueryErrorInfo
} from '../../../shared/query'
import { useI18n, type I18n } from '../i18n'
import { useOptionalCatalog } from '../hooks/useCatalog'

export interface QueryCheck {
  ok: boolean
  message: string | null
  position: number | null
}

/**
 * A query syntax error in the UI language, from its code and values (`query.error.<code>`); a code
 * this build does not know falls back to the English message main sent.
 */
export function queryErrorText(
  e: QueryErrorInfo | { code: string; position: number; details?: Record<string, string | number> },
  tx: I18n['tx'],
  message?: string
): string {
  const english = (QUERY_ERROR_MESSAGES as Record<string, string | undefined>)[e.code]
  const fallback = english ? formatQueryErrorMessage(english, e) : (message ?? e.code)
  return tx(`query.error.${e.code}`, fallback, { ...(e.details ?? {}), position: e.position })
}

/** Validates a query in the language of the UI: the message and the 0-based error position. */
export function useQueryCheck(value: string): QueryCheck {
  const { lang, tx } = useI18n()
  return useMemo(() => {
    if (!value.trim()) return { ok: true, message: null, position: null }
    try {
      parseQuery(value)
      return { ok: true, message: null, position: null }
    } catch (e) {
      if (e instanceof QueryError) return { ok: false, message: queryErrorText(e, tx), position: e.position }
      return { ok: false, message: String(e), position: null }
    }
    // tx changes with the language
  }, [value, lang, tx])
}

/**
 * Other-language forms the workspace's subjects and topics give for the words of a valid query
 * (акимат → әкімдік*), see bilingualHints.
 */
export function useBilingualHints(value: string, ok: boolean): BilingualHint[] {
  const catalog = useOptionalCatalog()
  const { lang } = useI18n()
  const known = useMemo(
    () => [
      ...(catalog?.subjects ?? []).filter((s) => s.enabled).map((s) => ({ name: s.name, query: s.query })),
      ...(catalog?.topics ?? [])
        .filter((t) => t.enabled)
        .map((t) => ({ name: t.names[lang] ?? t.name, query: t.query }))
    ],
    [catalog?.subjects, catalog?.topics, lang]
  )
  return useMemo(() => (ok && value.trim() ? bilingualHints(value, known) : []), [value, ok, known])
}

/**
 * A query box that checks the query language as you type and shows where the error is: the message
 * and the query itself with the offending character marked. For words whose other-language form the
 * workspace knows, it offers that form (a click turns «акимат» into «(акимат OR әкімдік*)»).
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
  const hints = useBilingualHints(value, check.ok)
  const { t } = useI18n()
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
      {hints.length > 0 && (
        <div className="query-hints" data-testid={testId ? `${testId}-hints` : undefined}>
          {hints.map((h) => (
            <span key={h.start} className="query-hint">
              <span>{t('query.hint.other', { term: h.term })}</span>
              {h.alternatives.map((alt) => (
                <button
                  key={alt}
                  type="button"
                  className="btn small link"
                  title={t('query.hint.add', { alt, source: h.source })}
                  onClick={() => onChange(withAlternative(value, h, alt))}
                >
                  {alt}
                </button>
              ))}
            </span>
          ))}
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
