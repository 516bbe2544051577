import { RESPONSE_STATUSES } from '../../../../shared/types'
import { useEffect, useState } from 'react'
import { Dialog } from '../../components/Dialog'
import { useI18n } from '../../i18n'
import type { ResponsePatch } from './useMentionActions'

const STATUSES = RESPONSE_STATUSES

/** "Needs a response" → assigned to a colleague → answered with a note and a link. */
export function ResponseDialog({
  open,
  count,
  initial,
  onSave,
  onClose
}: {
  open: boolean
  count: number
  initial: ResponsePatch | null
  onSave: (p: ResponsePatch) => void
  onClose: () => void
}) {
  const { t, tx } = useI18n()
  const [status, setStatus] = useState<ResponsePatch['status']>('needed')
  const [assignee, setAssignee] = useState('')
  const [note, setNote] = useState('')
  const [url, setUrl] = useState('')
  useEffect(() => {
    if (!open) return
    setStatus(initial?.status ?? 'needed')
    setAssignee(initial?.assignee ?? '')
    setNote(initial?.note ?? '')
    setUrl(initial?.url ?? '')
  }, [open, initial])
  const urlBad = url.trim() !== '' && !/^https?:\/\/\S+$/i.test(url.trim())
  const save = (): void => {
    if (urlBad) return
    onSave({
      status,
      assignee: assignee.trim() || null,
      note: note.trim() || null,
      url: url.trim() || null
    })
  }
  return (
    <Dialog
      open={open}
      title={count > 1 ? t('response.titleMany', { n: count }) : t('response.title')}
      onClose={onClose}
      testId="response-dialog"
      footer={
        <>
          {initial?.status && (
            <button
              className="btn link danger-text"
              onClick={() => onSave({ status: null, assignee: null, note: null, url: null })}
            >
              {t('response.clear')}
            </button>
          )}
          <span className="grow" />
          <button className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button className="btn primary" onClick={save} disabled={urlBad} data-testid="response-save">
            {t('common.save')}
          </button>
        </>
      }
    >
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault()
          save()
        }}
      >
        <fieldset className="radio-row">
          <legend>{t('response.status')}</legend>
          {STATUSES.map((s) => (
            <label key={s} className={`radio-pill ${status === s ? 'on' : ''}`}>
              <input type="radio" name="status" checked={status === s} onChange={() => setStatus(s)} />
              {tx(`response.${s}`)}
            </label>
          ))}
        </fieldset>
        <label className="field">
          <span>{t('response.assignee')}</span>
          <input
            value={assignee}
            onChange={(e) => setAssignee(e.target.value)}
            maxLength={200}
            placeholder={t('response.assigneeHint')}
          />
        </label>
        <label className="field">
          <span>{t('response.note')}</span>
          <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={3} maxLength={4000} />
        </label>
        <label className="field">
          <span>{t('response.url')}</span>
          <input
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            maxLength={4000}
            placeholder="https://"
            aria-invalid={urlBad}
          />
          {urlBad && <span className="field-error">{t('response.urlBad')}</span>}
        </label>
      </form>
    </Dialog>
  )
}
