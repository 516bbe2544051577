import { useEffect, useState } from 'react'
import { call, onEvent } from '../../api'
import { ErrorNote, errorText, Spinner } from '../../components/ErrorNote'
import { useQuery } from '../../hooks/useQuery'
import { useToast } from '../../hooks/useToast'
import { useI18n } from '../../i18n'
import { LearningCurve } from './LearningCurve'

/** The sentiment model: which one works, on how many labels, how well; train and re-run. */
export function ModelSettings() {
  const { t, tx, num, pct, dateTime } = useI18n()
  const { notify } = useToast()
  const model = useQuery(() => call('analysis:model', {}), [])
  const [busy, setBusy] = useState<'train' | 'rerun' | null>(null)
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)
  useEffect(() => onEvent('analysis:progress', setProgress), [])
  const run = async (what: 'train' | 'rerun'): Promise<void> => {
    setBusy(what)
    setProgress(null)
    try {
      if (what === 'train') {
        const m = await call('analysis:train', {})
        const learned = m.kind === 'learned'
        notify(
          learned ? t('model.trained', { n: m.labels }) : t('model.notEnough', { n: m.needed }),
          learned ? undefined : { kind: 'error' }
        )
        model.reload()
      } else {
        const r = await call('analysis:rerun', {})
        notify(t('model.rerun.done', { n: r.analysed }))
      }
    } catch (e) {
      notify(errorText(e, tx).title, { kind: 'error' })
    } finally {
      setBusy(null)
      setProgress(null)
    }
  }
  const m = model.data
  return (
    <section className="panel" data-testid="settings-model">
      <h2>{t('model.title')}</h2>
      {model.error ? <ErrorNote error={model.error} onRetry={model.reload} /> : null}
      {model.loading && !m && <Spinner />}
      {m && (
        <>
          <dl className="meta">
            <div>
              <dt>{t('model.kind')}</dt>
              <dd data-testid="model-kind">{tx(`model.kind.${m.kind}`)}</dd>
            </div>
            <div>
              <dt>{t('model.labels')}</dt>
              <dd>{num(m.labels)}</dd>
            </div>
            <div>
              <dt>{t('model.trainedAt')}</dt>
              <dd>{m.trainedAt ? dateTime(m.trainedAt) : '—'}</dd>
            </div>
            {m.quality && (
              <>
                <div>
                  <dt>{t('model.f1pn')}</dt>
                  <dd>{pct(m.quality.f1pn, 1)}</dd>
                </div>
                <div>
                  <dt>{t('model.accuracy')}</dt>
                  <dd>{pct(m.quality.accuracy, 1)}</dd>
                </div>
              </>
            )}
          </dl>
          {m.quality && (
            <table className="table compact narrow">
              <thead>
                <tr>
                  <th>{t('model.class')}</th>
                  <th className="num">{t('model.precision')}</th>
                  <th className="num">{t('model.recall')}</th>
                  <th className="num">F1</th>
                </tr>
              </thead>
              <tbody>
                {(['negative', 'neutral', 'positive'] as const).map((c) => (
                  <tr key={c}>
                    <td>{tx(`sentiment.${c}`)}</td>
                    <td className="num">{pct(m.quality!.perClass[c].precision, 1)}</td>
                    <td className="num">{pct(m.quality!.perClass[c].recall, 1)}</td>
                    <td className="num strong">{pct(m.quality!.perClass[c].f1, 1)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {m.quality && <p className="muted small">{t('model.qualityNote', { n: m.quality.n })}</p>}
          {m.kind === 'learned' && m.strength !== null && m.strength < 1 && (
            <p className="muted small" data-testid="model-strength">
              {t('model.strength', { pct: pct(m.strength, 0) })}
            </p>
          )}
          <LearningCurve points={m.curve} />
          {m.kind === 'builtin' && m.needed > 0 && (
            <p className="muted small" data-testid="model-needed">
              {t('model.needed', { n: m.needed })}
            </p>
          )}
          <p className="muted small">
            {t(m.kind === 'builtin' ? 'model.about.builtin' : 'model.about.learned')}
          </p>
        </>
      )}
      <div className="row-gap">
        <button className="btn primary" onClick={() => void run('train')} disabled={busy !== null}>
          {busy === 'train' ? t('model.training') : t('model.train')}
        </button>
        <button className="btn" onClick={() => void run('rerun')} disabled={busy !== null}>
          {busy === 'rerun' ? t('model.rerunning') : t('model.rerun')}
        </button>
      </div>
      {busy && progress && progress.total > 0 && (
        <div
          className="progress"
          role="progressbar"
          aria-valuenow={Math.round((progress.done / progress.total) * 100)}
        >
          <span style={{ width: `${(progress.done / progress.total) * 100}%` }} />
        </div>
      )}
    </section>
  )
}
