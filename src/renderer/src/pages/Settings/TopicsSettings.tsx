import { UI_LANGS } from '../../../../shared/types'
import { useEffect, useState } from 'react'
import type { TopicView } from '../../../../shared/views'
import { call } from '../../api'
import { ConfirmDialog, Dialog } from '../../components/Dialog'
import { ErrorNote, errorText, Spinner } from '../../components/ErrorNote'
import { Icon } from '../../components/Icon'
import { QueryInput, useQueryCheck } from '../../components/QueryInput'
import { QueryTester } from '../../components/QueryTester'
import { useCatalog } from '../../hooks/useCatalog'
import { useQuery } from '../../hooks/useQuery'
import { useToast } from '../../hooks/useToast'
import { useI18n } from '../../i18n'

/** Problem topics: names in three languages and the query that assigns mentions to each. */
export function TopicsSettings() {
  const { t, tx, num, lang } = useI18n()
  const { notify } = useToast()
  const cat = useCatalog()
  const list = useQuery(() => call('topics:list', {}), [])
  const [edit, setEdit] = useState<TopicView | 'new' | null>(null)
  const [remove, setRemove] = useState<TopicView | null>(null)
  const changed = (): void => {
    list.reload()
    cat.reload()
  }
  return (
    <section className="panel" data-testid="settings-topics">
      <header className="panel-head">
        <h2>{t('topics.title')}</h2>
        <span className="grow" />
        <button className="btn primary" onClick={() => setEdit('new')}>
          <Icon name="plus" /> {t('topics.add')}
        </button>
      </header>
      <p className="muted small">{t('topics.about')}</p>
      {list.error ? <ErrorNote error={list.error} onRetry={list.reload} /> : null}
      {list.loading && !list.data && <Spinner />}
      <table className="table">
        <thead>
          <tr>
            <th>{t('topics.name')}</th>
            <th>{t('topics.query')}</th>
            <th className="num">{t('authors.col.mentions')}</th>
            <th>{t('topics.enabled')}</th>
            <th aria-label={t('common.actions')} />
          </tr>
        </thead>
        <tbody>
          {list.data?.map((x) => (
            <tr key={x.id} className={x.enabled ? '' : 'row-off'}>
              <td className="strong">{x.names[lang] ?? x.name}</td>
              <td>
                {x.query ? (
                  <code className="query-code">{x.query}</code>
                ) : (
                  <span className="muted">{t('topics.builtinRules')}</span>
                )}
              </td>
              <td className="num">{num(x.mentions)}</td>
              <td>
                <label className="switch">
                  <input
                    type="checkbox"
                    checked={x.enabled}
                    aria-label={t('topics.enable', { name: x.name })}
                    onChange={(e) =>
                      void call('topics:save', {
                        id: x.id,
                        names: { ...x.names, ru: x.names.ru ?? x.name },
                        query: x.query,
                        enabled: e.target.checked
                      }).then(changed, (err: unknown) => notify(errorText(err, tx).title, { kind: 'error' }))
                    }
                  />
                  <span aria-hidden="true" />
                </label>
              </td>
              <td className="row-actions">
                <button className="btn small" onClick={() => setEdit(x)}>
                  {t('common.edit')}
                </button>
                <button
                  className="icon-btn"
                  onClick={() => setRemove(x)}
                  aria-label={t('topics.remove', { name: x.name })}
                >
                  <Icon name="close" />
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <TopicDialog
        topic={edit === 'new' ? null : edit}
        open={edit !== null}
        onClose={() => setEdit(null)}
        onSaved={() => {
          setEdit(null)
          changed()
          notify(t('common.saved'))
        }}
      />
      <ConfirmDialog
        open={remove !== null}
        title={t('topics.removeTitle')}
        body={<p>{t('topics.removeBody', { name: remove?.name ?? '' })}</p>}
        confirmLabel={t('common.remove')}
        danger
        onClose={() => setRemove(null)}
        onConfirm={() => {
          const x = remove
          setRemove(null)
          if (x)
            void call('topics:remove', { id: x.id }).then(changed, (e: unknown) =>
              notify(errorText(e, tx).title, { kind: 'error' })
            )
        }}
      />
    </section>
  )
}

function TopicDialog({
  topic,
  open,
  onClose,
  onSaved
}: {
  topic: TopicView | null
  open: boolean
  onClose: () => void
  onSaved: () => void
}) {
  const { t } = useI18n()
  const [names, setNames] = useState({ ru: '', kk: '', en: '' })
  const [query, setQuery] = useState('')
  const [error, setError] = useState<unknown>(null)
  const check = useQueryCheck(query)
  useEffect(() => {
    if (!open) return
    setNames({
      ru: topic?.names.ru ?? topic?.name ?? '',
      kk: topic?.names.kk ?? '',
      en: topic?.names.en ?? ''
    })
    setQuery(topic?.query ?? '')
    setError(null)
  }, [open, topic])
  const ok = names.ru.trim() !== '' && check.ok
  const save = async (): Promise<void> => {
    try {
      await call('topics:save', {
        ...(topic ? { id: topic.id } : {}),
        names: {
          ru: names.ru.trim(),
          ...(names.kk.trim() ? { kk: names.kk.trim() } : {}),
          ...(names.en.trim() ? { en: names.en.trim() } : {})
        },
        query: query.trim() || null
      })
      onSaved()
    } catch (e) {
      setError(e)
    }
  }
  return (
    <Dialog
      open={open}
      wide
      title={topic ? t('topics.edit') : t('topics.add')}
      onClose={onClose}
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
        <div className="field-row three">
          {UI_LANGS.map((l) => (
            <label key={l} className="field">
              <span>
                {t('topics.name')} ({l.toUpperCase()}){l === 'ru' ? ' *' : ''}
              </span>
              <input
                value={names[l]}
                onChange={(e) => setNames((n) => ({ ...n, [l]: e.target.value }))}
                maxLength={200}
              />
            </label>
          ))}
        </div>
        <div className="field">
          <span>{t('topics.query')}</span>
          <QueryInput
            value={query}
            onChange={setQuery}
            label={t('topics.query')}
            multiline
            testId="topic-query"
            placeholder={t('search.placeholder')}
          />
          <span className="field-hint">{t('topics.queryHint')}</span>
        </div>
        <QueryTester query={query} />
        {error ? <ErrorNote error={error} /> : null}
      </div>
    </Dialog>
  )
}
