import { useState } from 'react'
import { call, type Input, type Output } from '../../api'
import { ErrorNote, Spinner } from '../../components/ErrorNote'
import { Icon } from '../../components/Icon'
import { useQuery } from '../../hooks/useQuery'
import { useI18n } from '../../i18n'
import { DigestOptions } from './DigestOptions'
import { ReportFiles } from './ReportFiles'
import { DigestSchedulePanel } from './DigestSchedulePanel'

/** Reports: the weekly digest in one click, the same with options, and every digest made before. */
export function ReportsPage() {
  const { t, tx, day, num, dateTime } = useI18n()
  const history = useQuery(() => call('reports:list', {}), [])
  const [busy, setBusy] = useState(false)
  const [made, setMade] = useState<Output<'reports:export'> | null>(null)
  const [error, setError] = useState<unknown>(null)
  const exportDigest = async (o: Input<'reports:export'>): Promise<void> => {
    setBusy(true)
    setError(null)
    try {
      setMade(await call('reports:export', o))
      history.reload()
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }
  return (
    <section className="page page-scroll" aria-labelledby="reports-h">
      <header className="page-head">
        <h1 id="reports-h">{t('nav.reports')}</h1>
      </header>
      <section className="panel hero" data-testid="digest-panel">
        <div className="hero-text">
          <h2>{t('reports.weekly.title')}</h2>
          <p className="muted">{t('reports.weekly.body')}</p>
        </div>
        <button
          className="btn primary big"
          onClick={() => void exportDigest({})}
          disabled={busy}
          data-testid="report-export"
        >
          <Icon name="reports" /> {busy ? t('reports.busy') : t('reports.weekly.button')}
        </button>
      </section>
      {busy && <Spinner label={t('reports.busy')} />}
      {error ? <ErrorNote error={error} /> : null}
      {made && (
        <section className="panel" data-testid="report-made">
          <h2>
            {t('reports.made', { from: day(made.period.from), to: day(made.period.to), n: made.mentions })}
          </h2>
          <ReportFiles files={made.files} />
        </section>
      )}
      <DigestOptions onExport={(o) => void exportDigest(o)} busy={busy} />
      <DigestSchedulePanel onMade={history.reload} />
      <section className="panel" aria-labelledby="reports-history-h">
        <h2 id="reports-history-h">{t('reports.history')}</h2>
        {history.error ? <ErrorNote error={history.error} onRetry={history.reload} /> : null}
        {history.data?.length === 0 && <p className="muted">{t('reports.historyEmpty')}</p>}
        {!!history.data?.length && (
          <table className="table" data-testid="reports-history">
            <thead>
              <tr>
                <th>{t('reports.col.created')}</th>
                <th>{t('reports.col.period')}</th>
                <th>{t('reports.col.lang')}</th>
                <th className="num">{t('reports.col.mentions')}</th>
                <th>{t('reports.col.files')}</th>
              </tr>
            </thead>
            <tbody>
              {history.data.map((r) => (
                <tr key={r.id}>
                  <td className="nowrap">{dateTime(r.createdAt)}</td>
                  <td className="nowrap">
                    {day(r.periodFrom)} – {day(r.periodTo)}
                  </td>
                  <td>{tx(`langName.${r.lang}`, r.lang)}</td>
                  <td className="num">{num(r.mentions)}</td>
                  <td>
                    <ReportFiles files={r.files} compact />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </section>
  )
}
