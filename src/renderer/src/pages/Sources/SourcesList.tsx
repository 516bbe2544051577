import { useEffect, useState } from 'react'
import type { SourceView } from '../../../../shared/views'
import { call, onEvent } from '../../api'
import { ConfirmDialog } from '../../components/Dialog'
import { EmptyState, ErrorNote, errorText, Spinner } from '../../components/ErrorNote'
import { Icon } from '../../components/Icon'
import { useCatalogVersion } from '../../hooks/useCatalog'
import { useQuery } from '../../hooks/useQuery'
import { useToast } from '../../hooks/useToast'
import { useI18n } from '../../i18n'
import { SourceDialog } from './SourceDialog'

/** Collection sources: status, next run, last error; enable, run now, edit, remove. */
export function SourcesList() {
  const { t, tx, num } = useI18n()
  const { notify } = useToast()
  const changes = useCatalogVersion('sources')
  const list = useQuery(() => call('sources:list', {}), [changes])
  const [edit, setEdit] = useState<{ source: SourceView | null } | null>(null)
  const [remove, setRemove] = useState<SourceView | null>(null)
  const [running, setRunning] = useState<number | 'all' | null>(null)
  useEffect(() => onEvent('collect:status', () => list.reload()), [list.reload])
  const fail = (e: unknown): void => notify(errorText(e, tx).title, { kind: 'error' })
  const runNow = async (id?: number): Promise<void> => {
    setRunning(id ?? 'all')
    try {
      const r = await call('sources:runNow', id ? { id } : {})
      const fresh = r.sources.reduce((a, s) => a + s.new, 0)
      const failed = r.sources.filter((s) => s.error).length
      notify(t('sources.ran', { n: r.sources.length, fresh, failed }), failed ? { kind: 'error' } : undefined)
    } catch (e) {
      fail(e)
    } finally {
      setRunning(null)
      list.reload()
    }
  }
  const sources = list.data ?? []
  const schedule = (x: string): string => {
    const m = /^(\d+)([mhd])$/.exec(x)
    return m ? tx(`schedule.${m[2]}`, x, { n: Number(m[1]) }) : x
  }
  return (
    <section className="panel" aria-labelledby="sources-h">
      <header className="panel-head">
        <h2 id="sources-h">{t('sources.title')}</h2>
        <span className="grow" />
        <button
          className="btn"
          onClick={() => void runNow()}
          disabled={running !== null || !sources.some((s) => s.enabled)}
        >
          <Icon name="play" /> {running === 'all' ? t('sources.running') : t('sources.runAll')}
        </button>
        <button className="btn primary" onClick={() => setEdit({ source: null })} data-testid="source-add">
          <Icon name="plus" /> {t('sources.add')}
        </button>
      </header>
      {list.error ? <ErrorNote error={list.error} onRetry={list.reload} /> : null}
      {list.loading && !list.data && <Spinner label={t('common.loading')} />}
      {list.data && sources.length === 0 && (
        <EmptyState
          title={t('sources.empty.title')}
          body={t('sources.empty.body')}
          icon="⌁"
          testId="sources-empty"
        />
      )}
      {sources.length > 0 && (
        <table className="table" data-testid="sources-table">
          <thead>
            <tr>
              <th>{t('sources.col.source')}</th>
              <th>{t('sources.col.schedule')}</th>
              <th>{t('sources.col.status')}</th>
              <th>{t('sources.col.next')}</th>
              <th>{t('sources.col.enabled')}</th>
              <th aria-label={t('common.actions')} />
            </tr>
          </thead>
          <tbody>
            {sources.map((s) => (
              <tr key={s.id} className={s.enabled ? '' : 'row-off'}>
                <td>
                  <div className="strong">{s.name}</div>
                  <div className="muted small ellipsis" title={s.url || s.target}>
                    {tx(`sources.kind.${s.type}`)} · {s.url || s.target}
                  </div>
                </td>
                <td>{schedule(s.schedule)}</td>
                <td>
                  {s.lastRun ? (
                    <>
                      <span className={`status status-${s.lastError ? 'error' : 'ok'}`}>
                        {s.lastError
                          ? t('sources.status.error')
                          : tx(`sources.status.${s.lastStatus ?? 'ok'}`, s.lastStatus ?? '')}
                      </span>
                      <div className="muted small">{s.lastRun}</div>
                      {s.lastError && (
                        <div className="error-line small" title={s.lastError}>
                          {s.lastError}
                        </div>
                      )}
                    </>
                  ) : (
                    <span className="muted">{t('sources.neverRun')}</span>
                  )}
                </td>
                <td>
                  {s.enabled ? (s.nextRun ?? '—') : <span className="muted">{t('sources.paused')}</span>}
                </td>
                <td>
                  <label className="switch">
                    <input
                      type="checkbox"
                      checked={s.enabled}
                      aria-label={t('sources.enable', { name: s.name })}
                      onChange={(e) =>
                        void call('sources:setEnabled', { id: s.id, enabled: e.target.checked }).catch(fail)
                      }
                    />
                    <span aria-hidden="true" />
                  </label>
                </td>
                <td className="row-actions">
                  <button className="btn small" onClick={() => void runNow(s.id)} disabled={running !== null}>
                    {running === s.id ? t('sources.running') : t('sources.runNow')}
                  </button>
                  <button className="btn small" onClick={() => setEdit({ source: s })}>
                    {t('common.edit')}
                  </button>
                  <button
                    className="icon-btn"
                    onClick={() => setRemove(s)}
                    aria-label={t('sources.remove', { name: s.name })}
                    title={t('common.remove')}
                  >
                    <Icon name="close" />
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {sources.length > 0 && <p className="muted small">{t('sources.count', { n: num(sources.length) })}</p>}
      <SourceDialog
        open={edit !== null}
        source={edit?.source ?? null}
        onClose={() => setEdit(null)}
        onSaved={() => {
          setEdit(null)
          notify(t('common.saved'))
        }}
      />
      <ConfirmDialog
        open={remove !== null}
        title={t('sources.removeTitle')}
        body={<p>{t('sources.removeBody', { name: remove?.name ?? '' })}</p>}
        confirmLabel={t('common.remove')}
        danger
        onClose={() => setRemove(null)}
        onConfirm={() => {
          const s = remove
          setRemove(null)
          if (s)
            void call('sources:remove', { id: s.id }).catch(fail)
        }}
      />
    </section>
  )
}
