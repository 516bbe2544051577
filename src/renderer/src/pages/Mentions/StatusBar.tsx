import { useI18n } from '../../i18n'
import type { MentionCounts } from '../../../../shared/rows'


/** Counts for the current filter, under the grid. */
export function StatusBar({
  counts,
  loading,
  selected
}: {
  counts: MentionCounts | null
  loading: boolean
  selected: number
}) {
  const { t, num, pct } = useI18n()
  const labelled = counts ? counts.negative + counts.neutral + counts.positive : 0
  return (
    <footer className="statusbar" data-testid="statusbar" aria-live="polite">
      {counts ? (
        <>
          <span data-testid="total-count" className={loading ? 'stale' : ''}>
            {t('status.total', { n: counts.total })}
          </span>
          <span className="sep" />
          <span className="s-neg">
            <span className="dot dot-negative" aria-hidden="true" /> {t('sentiment.negative')}:{' '}
            {num(counts.negative)}
            {labelled > 0 && <span className="muted"> ({pct(counts.negative / labelled)})</span>}
          </span>
          <span className="s-neu">
            <span className="dot dot-neutral" aria-hidden="true" /> {t('sentiment.neutral')}:{' '}
            {num(counts.neutral)}
          </span>
          <span className="s-pos">
            <span className="dot dot-positive" aria-hidden="true" /> {t('sentiment.positive')}:{' '}
            {num(counts.positive)}
          </span>
          {counts.unlabelled > 0 && (
            <span>
              {t('sentiment.unlabelled')}: {num(counts.unlabelled)}
            </span>
          )}
        </>
      ) : (
        <span data-testid="total-count">{loading ? t('common.loading') : t('status.total', { n: '—' })}</span>
      )}
      <span className="grow" />
      {selected > 0 && <span>{t('bulk.selected', { n: selected })}</span>}
      <span className="muted">{t('status.keysHint')}</span>
    </footer>
  )
}
