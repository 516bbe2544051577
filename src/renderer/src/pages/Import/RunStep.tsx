import { importMessageText } from './messages'
import type { Events } from '../../../../shared/api'
import type { BatchReport } from '../../../../shared/import'
import { ErrorNote } from '../../components/ErrorNote'
import { Icon } from '../../components/Icon'
import { useI18n } from '../../i18n'

export interface Progress {
  startedAt: number
  last: Events['import:progress'] | null
  /** When the first event saying the rows are committed arrived (the analysis' rate counts from it). */
  committedAt?: number
}

/** Step 3 while importing: a progress bar with rows per second and the time left. */
export function ProgressView({ progress, onCancel }: { progress: Progress; onCancel: () => void }) {
  const { t, num } = useI18n()
  const p = progress.last
  // Once the rows are committed (the grid shows them) the bar follows their analysis.
  const analysing = Boolean(p?.committed && !p.done && p.inserted > 0)
  const since = analysing ? (progress.committedAt ?? progress.startedAt) : progress.startedAt
  const elapsed = Math.max(0.001, (performance.now() - since) / 1000)
  const share = !p
    ? null
    : analysing
      ? Math.min(1, (p.analysed ?? 0) / p.inserted)
      : p.totalBytes > 0
        ? Math.min(1, p.bytes / p.totalBytes)
        : null
  const rate = !p ? 0 : analysing ? (p.analysed ?? 0) / elapsed : p.rowsRead / elapsed
  const left = p && share && share > 0.02 ? Math.round((elapsed / share) * (1 - share)) : null
  return (
    <div
      className="step-body run"
      data-testid="import-progress"
      data-stage={analysing ? 'analysing' : 'reading'}
    >
      <h2>{t(analysing ? 'import.analysing' : 'import.running')}</h2>
      <div
        className="progress"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={share === null ? undefined : Math.round(share * 100)}
      >
        <span
          className={share === null ? 'indeterminate' : ''}
          style={share === null ? undefined : { width: `${share * 100}%` }}
        />
      </div>
      <div className="progress-facts muted">
        <span>
          {analysing && p
            ? t('import.progress.analysed', { done: num(p.analysed ?? 0), total: num(p.inserted) })
            : t('import.progress.rows', { n: p?.rowsRead ?? 0 })}
        </span>
        <span>{t('import.progress.rate', { n: Math.round(rate) })}</span>
        <span>
          {left === null
            ? t('import.progress.estimating')
            : t('import.progress.left', { time: formatSeconds(left, t) })}
        </span>
        {p && (
          <span>
            {t('import.progress.sofar', {
              inserted: num(p.inserted),
              dup: num(p.duplicates),
              rej: num(p.rejected)
            })}
          </span>
        )}
      </div>
      {/* Committed rows are analysed to the end: nothing to cancel any more. */}
      {!analysing && (
        <button className="btn" onClick={onCancel} data-testid="import-cancel">
          {t('common.cancel')}
        </button>
      )}
    </div>
  )
}

function formatSeconds(s: number, t: ReturnType<typeof useI18n>['t']): string {
  if (s < 60) return t('time.seconds', { s })
  return t('time.minutes', { m: Math.floor(s / 60), s: String(s % 60).padStart(2, '0') })
}

/** Step 3 done: counts, the rejected rows with their reasons, and what to do next. */
export function ResultView({
  result,
  error,
  onRejected,
  onShow,
  onNext,
  nextLabel
}: {
  result: BatchReport | null
  error: unknown
  onRejected: () => void
  onShow: () => void
  onNext: () => void
  nextLabel: string
}) {
  const { t, tx, num } = useI18n()
  if (error || !result)
    return (
      <div className="step-body run">
        <ErrorNote error={error} />
        <button className="btn" onClick={onNext}>
          {nextLabel}
        </button>
      </div>
    )
  const figures: [string, number, string?][] = [
    [t('import.result.rows'), result.rows],
    [t('import.result.inserted'), result.inserted, 'good'],
    [t('import.result.updated'), result.updated],
    [t('import.result.duplicates'), result.duplicates],
    [t('import.result.rejected'), result.rejected, result.rejected ? 'bad' : undefined]
  ]
  return (
    <div className="step-body run" data-testid="import-result">
      <h2>
        <Icon name="check" size={20} /> {t('import.result.title')}
      </h2>
      <div className="figures">
        {figures.map(([label, n, cls]) => (
          <div key={label} className={`figure ${cls ?? ''}`}>
            <div className="figure-value">{num(n)}</div>
            <div className="figure-label">{label}</div>
          </div>
        ))}
      </div>
      <div className="row-gap">
        {result.inserted > 0 && result.batchId !== null && (
          <button className="btn primary" onClick={onShow} data-testid="import-show">
            {t('import.result.show')}
          </button>
        )}
        {result.rejected > 0 && result.batchId !== null && (
          <button className="btn" onClick={onRejected}>
            <Icon name="download" /> {t('import.result.downloadRejected')}
          </button>
        )}
        <button className="btn" onClick={onNext} data-testid="import-next">
          {nextLabel}
        </button>
      </div>
      {result.errors.length > 0 && (
        <section>
          <h3 className="sub-h">{t('import.result.rejectedRows')}</h3>
          <ul className="line-list" data-testid="rejected-list">
            {result.errors.slice(0, 50).map((e, i) => (
              <li key={i}>
                <span className="muted">
                  {t('import.preview.line')} {e.line}
                </span>{' '}
                {importMessageText(e.message, tx)}
              </li>
            ))}
          </ul>
          {result.errors.length > 50 && (
            <p className="muted small">{t('import.result.more', { n: result.errors.length - 50 })}</p>
          )}
        </section>
      )}
      {result.warnings.length > 0 && (
        <details>
          <summary>{t('import.result.warnings', { n: result.warnings.length })}</summary>
          <ul className="line-list">
            {result.warnings.slice(0, 50).map((w, i) => (
              <li key={i}>
                <span className="muted">
                  {t('import.preview.line')} {w.line}
                </span>{' '}
                {importMessageText(w.message, tx)}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  )
}
