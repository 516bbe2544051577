import { useEffect, useState } from 'react'
import type { Sentiment } from '../../../../shared/types'
import type { LabelCandidate, ModelView } from '../../../../shared/views'
import { call } from '../../api'
import { Dialog } from '../../components/Dialog'
import { errorText } from '../../components/ErrorNote'
import { useToast } from '../../hooks/useToast'
import { useI18n } from '../../i18n'
import { KEY_SENTIMENT } from './keys'

const CHOICES = [
  ['negative', '1'],
  ['neutral', '2'],
  ['positive', '3']
] as const

/**
 * «Разметить для модели»: the mentions whose labels would teach the office's model most, one at a time,
 * labelled with 1/2/3 (or skipped); at the end, the model's quality before and after retraining.
 */
export function LabelForModel() {
  const { t, tx, pct } = useI18n()
  const { notify } = useToast()
  const [open, setOpen] = useState(false)
  const [queue, setQueue] = useState<LabelCandidate[] | null>(null)
  const [at, setAt] = useState(0)
  const [labelled, setLabelled] = useState(0)
  const [before, setBefore] = useState<ModelView | null>(null)
  const [after, setAfter] = useState<ModelView | null>(null)
  const [training, setTraining] = useState(false)

  const start = async (): Promise<void> => {
    setOpen(true)
    setQueue(null)
    setAt(0)
    setLabelled(0)
    setAfter(null)
    try {
      const [q, m] = await Promise.all([call('mentions:toLabel', {}), call('analysis:model', {})])
      setQueue(q)
      setBefore(m)
    } catch (e) {
      notify(errorText(e, tx).title, { kind: 'error' })
      setOpen(false)
    }
  }
  const current = queue && at < queue.length ? queue[at]! : null
  const label = async (s: Sentiment | null): Promise<void> => {
    if (!current) return
    if (s) {
      try {
        await call('mentions:setSentiment', { ids: [current.id], sentiment: s })
        setLabelled((n) => n + 1)
      } catch (e) {
        notify(errorText(e, tx).title, { kind: 'error' })
        return
      }
    }
    setAt((i) => i + 1)
  }
  const train = async (): Promise<void> => {
    setTraining(true)
    try {
      setAfter(await call('analysis:train', {}))
    } catch (e) {
      notify(errorText(e, tx).title, { kind: 'error' })
    } finally {
      setTraining(false)
    }
  }
  useEffect(() => {
    if (!open || !current) return
    const onKey = (e: KeyboardEvent): void => {
      if (e.ctrlKey || e.metaKey || e.altKey) return
      const s = KEY_SENTIMENT[e.code]
      if (s) {
        e.preventDefault()
        void label(s)
      } else if (e.code === 'KeyS' || e.code === 'ArrowRight') {
        e.preventDefault()
        void label(null)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  })

  const f1 = (m: ModelView | null) => (m?.quality ? pct(m.quality.f1pn, 1) : '—')
  return (
    <>
      <button className="btn" onClick={() => void start()} data-testid="label-for-model">
        {t('label.open')}
      </button>
      <Dialog
        open={open}
        title={t('label.title')}
        onClose={() => setOpen(false)}
        testId="label-dialog"
        wide
        footer={
          current ? (
            <>
              <button className="btn link" onClick={() => void label(null)}>
                {t('label.skip')}
              </button>
              <span className="grow" />
              {CHOICES.map(([s, key]) => (
                <button key={s} className={`btn sent-${s}`} onClick={() => void label(s)}>
                  <kbd>{key}</kbd> {tx(`sentiment.${s}`)}
                </button>
              ))}
            </>
          ) : (
            <>
              <span className="grow" />
              <button className="btn" onClick={() => setOpen(false)}>
                {t('label.close')}
              </button>
            </>
          )
        }
      >
        {!queue && <p className="muted">{t('label.loading')}</p>}
        {queue && queue.length === 0 && <p data-testid="label-empty">{t('label.empty')}</p>}
        {current && (
          <div data-testid="label-current" data-id={current.id}>
            <p className="muted small" data-testid="label-progress">
              {t('label.progress', { n: at + 1, total: queue!.length })}
              {current.topic ? ` · ${current.topic}` : ''}
            </p>
            {current.title && <h3>{current.title}</h3>}
            <p className="label-text">{current.text}</p>
            <p className="muted small">
              {t('label.modelSays', {
                label: current.label ? tx(`sentiment.${current.label}`) : '—',
                score: current.score === null ? '—' : pct(current.score, 0)
              })}
            </p>
          </div>
        )}
        {queue && queue.length > 0 && !current && (
          <div data-testid="label-summary">
            <p>{t('label.done', { n: labelled })}</p>
            <p>
              {t('label.before')}: <strong data-testid="label-f1-before">{f1(before)}</strong>
              {after && (
                <>
                  {' → '}
                  {t('label.after')}: <strong data-testid="label-f1-after">{f1(after)}</strong>
                  {after.quality && before?.quality && (
                    <span className="muted">
                      {' '}
                      ({after.quality.f1pn >= before.quality.f1pn ? '+' : '−'}
                      {pct(Math.abs(after.quality.f1pn - before.quality.f1pn), 1)})
                    </span>
                  )}
                </>
              )}
            </p>
            {!after && labelled > 0 && (
              <button className="btn primary" onClick={() => void train()} disabled={training}>
                {training ? t('model.training') : t('label.train')}
              </button>
            )}
            {after?.kind === 'builtin' && (
              <p className="muted">{t('model.notEnough', { n: after.needed })}</p>
            )}
          </div>
        )}
      </Dialog>
    </>
  )
}
