import { useEffect, useState } from 'react'
import type { QueryTestResult } from '../../../shared/api'
import { call } from '../api'
import { useI18n } from '../i18n'
import { PlatformIcon, SentimentBadge } from './cells'
import { ErrorNote } from './ErrorNote'
import { Highlighted, useQueryNode } from './Highlighted'
import { queryErrorText, useQueryCheck } from './QueryInput'

/** How many matching rows the box shows. */
const SAMPLE = 5

/**
 * Shows what a query matches in the database (query:test): the count and a few rows with the
 * matched words marked, or where main found the query wrong. Runs a moment after typing stops.
 */
export function QueryTester({ query }: { query: string }) {
  const { t, tx, num, dateTime, lang } = useI18n()
  const check = useQueryCheck(query)
  const node = useQueryNode(check.ok ? query : '')
  const [result, setResult] = useState<QueryTestResult | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    if (!query.trim() || !check.ok) {
      setResult(null)
      return
    }
    let live = true
    const h = setTimeout(() => {
      setBusy(true)
      call('query:test', { query })
        .then((r) => live && (setResult(r), setError(null)))
        .catch((e: unknown) => live && setError(e))
        .finally(() => live && setBusy(false))
    }, 400)
    return () => {
      live = false
      clearTimeout(h)
    }
  }, [query, check.ok, lang])
  const shown = Math.min(SAMPLE, result?.sample.length ?? 0)
  if (!query.trim()) return <p className="muted small">{t('query.test.hint')}</p>
  if (!check.ok) return null
  return (
    <div className="query-test" data-testid="query-test" aria-busy={busy}>
      {error ? <ErrorNote error={error} /> : null}
      {result && !result.ok && (
        <div className="note note-error">
          {result.syntax ? queryErrorText(result.syntax, tx, result.error ?? undefined) : result.error}
          {result.position !== null && (
            <span className="muted"> ({t('query.test.position', { n: result.position })})</span>
          )}
        </div>
      )}
      {result?.ok && (
        <>
          <div className="query-count" data-testid="query-test-count">
            {t('query.test.count', { n: result.count })}
            {busy && <span className="muted"> · {t('common.loading')}</span>}
          </div>
          {result.sample.length > 0 && (
            <ul className="sample-list">
              {result.sample.slice(0, SAMPLE).map((m) => (
                <li key={m.id}>
                  <PlatformIcon platform={m.platform} />
                  <div className="sample-body">
                    <div className="sample-text">
                      {m.title && (
                        <strong>
                          <Highlighted text={m.title} query={node} />{' '}
                        </strong>
                      )}
                      <Highlighted text={m.snippet} query={node} />
                    </div>
                    <div className="muted small">
                      {m.outlet ?? m.author ?? ''} · {dateTime(m.publishedAt)}
                    </div>
                  </div>
                  <SentimentBadge value={m.sentiment} />
                </li>
              ))}
            </ul>
          )}
          {result.count > shown && shown > 0 && (
            <p className="muted small">{t('query.test.more', { n: num(result.count - shown) })}</p>
          )}
        </>
      )}
    </div>
  )
}
