import { useEffect, useState } from 'react'
import { SOURCE_TYPES, type KeepMode, type SourceView } from '../../../../shared/views'
import { call, type Input } from '../../api'
import { Dialog } from '../../components/Dialog'
import { ErrorNote } from '../../components/ErrorNote'
import { useI18n } from '../../i18n'

type Kind = SourceView['type']

/** Adds a collection source or edits one (the type and target of an existing source stay fixed). */
export function SourceDialog({
  source,
  open,
  onClose,
  onSaved
}: {
  source: SourceView | null
  open: boolean
  onClose: () => void
  onSaved: () => void
}) {
  const { t, tx } = useI18n()
  const [type, setType] = useState<Kind>('rss')
  const [target, setTarget] = useState('')
  const [name, setName] = useState('')
  const [every, setEvery] = useState('1h')
  const [keep, setKeep] = useState<KeepMode>('all')
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    if (!open) return
    setType(source?.type ?? 'rss')
    setTarget(source?.target ?? '')
    setName(source?.name ?? '')
    setEvery(source?.schedule && /^\d+[mhd]$/.test(source.schedule) ? source.schedule : '1h')
    setKeep(source?.keep ?? 'all')
    setError(null)
  }, [open, source])
  const everyBad = !/^\d+[mhd]$/.test(every.trim())
  const save = async (): Promise<void> => {
    if (everyBad || (!source && !target.trim())) return
    setBusy(true)
    setError(null)
    try {
      if (source) {
        const patch: Input<'sources:update'> = { id: source.id, every: every.trim(), keep }
        if (name.trim()) patch.name = name.trim()
        await call('sources:update', patch)
      } else {
        await call('sources:add', {
          type,
          target: target.trim(),
          every: every.trim(),
          keep,
          ...(name.trim() ? { name: name.trim() } : {})
        })
      }
      onSaved()
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Dialog
      open={open}
      title={source ? t('sources.edit') : t('sources.add')}
      onClose={onClose}
      testId="source-dialog"
      footer={
        <>
          <button className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button
            className="btn primary"
            onClick={() => void save()}
            disabled={busy || everyBad || (!source && !target.trim())}
          >
            {t('common.save')}
          </button>
        </>
      }
    >
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        {!source && (
          <fieldset className="radio-row">
            <legend>{t('sources.type')}</legend>
            {SOURCE_TYPES.map((k) => (
              <label key={k} className={`radio-pill ${type === k ? 'on' : ''}`}>
                <input type="radio" name="kind" checked={type === k} onChange={() => setType(k)} />
                {tx(`sources.kind.${k}`)}
              </label>
            ))}
          </fieldset>
        )}
        <label className="field">
          <span>{tx(`sources.target.${source?.type ?? type}`)}</span>
          <input
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            disabled={!!source}
            placeholder={tx(`sources.targetHint.${source?.type ?? type}`)}
            maxLength={4096}
          />
        </label>
        <label className="field">
          <span>{t('sources.name')}</span>
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={200}
            placeholder={t('sources.nameHint')}
          />
        </label>
        <div className="field-row">
          <label className="field">
            <span>{t('sources.every')}</span>
            <input
              value={every}
              onChange={(e) => setEvery(e.target.value)}
              maxLength={20}
              aria-invalid={everyBad}
            />
            <span className={everyBad ? 'field-error' : 'field-hint'}>{t('sources.everyHint')}</span>
          </label>
          <label className="field">
            <span>{t('sources.keep')}</span>
            <select value={keep} onChange={(e) => setKeep(e.target.value as KeepMode)}>
              <option value="all">{t('sources.keep.all')}</option>
              <option value="matching">{t('sources.keep.matching')}</option>
            </select>
          </label>
        </div>
        {error ? <ErrorNote error={error} /> : null}
      </form>
    </Dialog>
  )
}
