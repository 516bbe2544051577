import { useEffect, useState } from 'react'
import { call } from '../../api'
import { ConfirmDialog, Dialog } from '../../components/Dialog'
import { EmptyState, ErrorNote, errorText, Spinner } from '../../components/ErrorNote'
import { Icon } from '../../components/Icon'
import { QueryInput, useQueryCheck } from '../../components/QueryInput'
import { QueryTester } from '../../components/QueryTester'
import { useCatalog } from '../../hooks/useCatalog'
import { useQuery } from '../../hooks/useQuery'
import { useToast } from '../../hooks/useToast'
import { useI18n } from '../../i18n'
import type { SubjectView } from '../../../../shared/views'

/** Monitoring subjects: what the office watches for, as queries, each with a live test. */
export function SubjectsPanel() {
  const { t, tx } = useI18n()
  const { notify } = useToast()
  const cat = useCatalog()
  const list = useQuery(() => call('subjects:list', {}), [])
  const [edit, setEdit] = useState<SubjectView | 'new' | null>(null)
  const [remove, setRemove] = useState<SubjectView | null>(null)
  const fail = (e: unknown): void => notify(errorText(e, tx).title, { kind: 'error' })
  const changed = (): void => {
    list.reload()
    cat.reload()
  }
  return (
    <section className="panel" aria-labelledby="subjects-h">
      <header className="panel-head">
        <h2 id="subjects-h">{t('subjects.title')}</h2>
        <span className="grow" />
        <button className="btn primary" onClick={() => setEdit('new')} data-testid="subject-add">
          <Icon name="plus" /> {t('subjects.add')}
        </button>
      </header>
      <p className="muted small">{t('subjects.about')}</p>
      {list.error ? <ErrorNote error={list.error} onRetry={list.reload} /> : null}
      {list.loading && !list.data && <Spinner label={t('common.loading')} />}
      {list.data?.length === 0 && <EmptyState title={t('subjects.empty')} icon="◎" />}
      <ul className="subject-list" data-testid="subject-list">
        {list.data?.map((s) => (
          <li key={s.id} className={`subject ${s.enabled ? '' : 'row-off'}`}>
            <div className="grow">
              <div className="strong">{s.name}</div>
              <code className="query-code">{s.query}</code>
            </div>
            <label className="switch">
              <input
                type="checkbox"
                checked={s.enabled}
                aria-label={t('subjects.enable', { name: s.name })}
                onChange={(e) =>
                  void call('subjects:update', { id: s.id, enabled: e.target.checked }).then(changed, fail)
                }
              />
              <span aria-hidden="true" />
            </label>
            <button className="btn small" onClick={() => setEdit(s)}>
              {t('common.edit')}
            </button>
            <button
              className="icon-btn"
              onClick={() => setRemove(s)}
              aria-label={t('subjects.remove', { name: s.name })}
            >
              <Icon name="close" />
            </button>
          </li>
        ))}
      </ul>
      <SubjectDialog
        subject={edit === 'new' ? null : edit}
        open={edit !== null}
        onClose={() => setEdit(null)}
        onSaved={(matched) => {
          setEdit(null)
          changed()
          notify(matched === null ? t('common.saved') : t('subjects.savedMatched', { n: matched }))
        }}
      />
      <ConfirmDialog
        open={remove !== null}
        title={t('subjects.removeTitle')}
        body={<p>{t('subjects.removeBody', { name: remove?.name ?? '' })}</p>}
        confirmLabel={t('common.remove')}
        danger
        onClose={() => setRemove(null)}
        onConfirm={() => {
          const s = remove
          setRemove(null)
          if (s) void call('subjects:remove', { id: s.id }).then(changed, fail)
        }}
      />
    </section>
  )
}

function SubjectDialog({
  subject,
  open,
  onClose,
  onSaved
}: {
  subject: SubjectView | null
  open: boolean
  onClose: () => void
  onSaved: (matched: number | null) => void
}) {
  const { t } = useI18n()
  const [name, setName] = useState('')
  const [query, setQuery] = useState('')
  const [error, setError] = useState<unknown>(null)
  const check = useQueryCheck(query)
  useEffect(() => {
    if (!open) return
    setName(subject?.name ?? '')
    setQuery(subject?.query ?? '')
    setError(null)
  }, [open, subject])
  const ok = name.trim() !== '' && query.trim() !== '' && check.ok
  const save = async (): Promise<void> => {
    if (!ok) return
    try {
      if (subject) {
        await call('subjects:update', { id: subject.id, name: name.trim(), query: query.trim() })
        onSaved(null)
      } else {
        const r = await call('subjects:add', { name: name.trim(), query: query.trim() })
        onSaved(r.matched)
      }
    } catch (e) {
      setError(e)
    }
  }
  return (
    <Dialog
      open={open}
      wide
      title={subject ? t('subjects.edit') : t('subjects.add')}
      onClose={onClose}
      testId="subject-dialog"
      footer={
        <>
          <button className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button className="btn primary" disabled={!ok} onClick={() => void save()}>
            {t('common.save')}
          </button>
        </>
      }
    >
      <div className="form">
        <label className="field">
          <span>{t('subjects.name')}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
        </label>
        <div className="field">
          <span>{t('subjects.query')}</span>
          <QueryInput
            value={query}
            onChange={setQuery}
            label={t('subjects.query')}
            multiline
            testId="subject-query"
            placeholder={t('search.placeholder')}
          />
        </div>
        <QueryTester query={query} />
        {error ? <ErrorNote error={error} /> : null}
      </div>
    </Dialog>
  )
}
