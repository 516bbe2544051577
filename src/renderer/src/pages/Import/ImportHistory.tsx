import { useState } from 'react'
import type { ImportHistoryEntry } from '../../../../shared/import'
import { ApiCallError, call } from '../../api'
import { ConfirmDialog } from '../../components/Dialog'
import { saveDownload } from '../../components/download'
import { ErrorNote, errorText, Spinner } from '../../components/ErrorNote'
import { Icon } from '../../components/Icon'
import { useDataVersion } from '../../hooks/useDataVersion'
import { useQuery } from '../../hooks/useQuery'
import { useToast } from '../../hooks/useToast'
import { useI18n } from '../../i18n'

/** Past imports with undo (asking again when labels were edited since) and the rejected rows. */
export function ImportHistory({ onShow }: { onShow: (batchId: number) => void }) {
  const { t, tx, num, dateTime } = useI18n()
  const { notify } = useToast()
  const { version } = useDataVersion()
  const list = useQuery(() => call('imports:history', {}), [version])
  const [confirm, setConfirm] = useState<{
    batch: ImportHistoryEntry
    force: boolean
    message: string | null
  } | null>(null)
  const undo = async (batch: ImportHistoryEntry, force: boolean): Promise<void> => {
    try {
      const r = await call('imports:undo', { id: batch.id, force })
      notify(t('import.history.undone', { n: r.deleted }))
      list.reload()
    } catch (e) {
      if (e instanceof ApiCallError && e.error.code === 'NEEDS_FORCE')
        setConfirm({ batch, force: true, message: e.error.message })
      else notify(errorText(e, tx).title, { kind: 'error' })
    }
  }
  const rejected = async (id: number): Promise<void> => {
    try {
      saveDownload(await call('imports:rejected', { id }))
    } catch (e) {
      notify(errorText(e, tx).title, { kind: 'error' })
    }
  }
  return (
    <section className="panel" aria-labelledby="history-h" data-testid="import-history">
      <header className="panel-head">
        <h2 id="history-h">{t('import.history.title')}</h2>
      </header>
      {list.error ? <ErrorNote error={list.error} onRetry={list.reload} /> : null}
      {list.loading && !list.data && <Spinner />}
      {list.data?.length === 0 && <p className="muted">{t('import.history.empty')}</p>}
      {!!list.data?.length && (
        <table className="table">
          <thead>
            <tr>
              <th>{t('import.history.when')}</th>
              <th>{t('import.history.file')}</th>
              <th className="num">{t('import.result.rows')}</th>
              <th className="num">{t('import.result.inserted')}</th>
              <th className="num">{t('import.result.duplicates')}</th>
              <th className="num">{t('import.result.rejected')}</th>
              <th aria-label={t('common.actions')} />
            </tr>
          </thead>
          <tbody>
            {list.data.map((b) => (
              <tr key={b.id} className={b.undoneAt ? 'row-off' : ''}>
                <td className="nowrap">{dateTime(b.createdAt)}</td>
                <td>
                  <div className="ellipsis" title={b.fileName ?? ''}>
                    {b.fileName ?? tx(`import.kind.${b.kind}`, b.kind)}
                  </div>
                  <div className="muted small">
                    {b.preset
                      ? tx(`import.preset.${b.preset}`, b.preset)
                      : tx(`import.kind.${b.kind}`, b.kind)}
                    {b.undoneAt ? ` · ${t('import.history.undoneAt', { when: dateTime(b.undoneAt) })}` : ''}
                  </div>
                </td>
                <td className="num">{num(b.rows)}</td>
                <td className="num">{num(b.inserted)}</td>
                <td className="num">{num(b.duplicates)}</td>
                <td className="num">{num(b.rejected)}</td>
                <td className="row-actions">
                  {!b.undoneAt && b.inserted > 0 && (
                    <button className="btn small" onClick={() => onShow(b.id)}>
                      {t('import.history.show')}
                    </button>
                  )}
                  {b.rejected > 0 && (
                    <button
                      className="icon-btn"
                      onClick={() => void rejected(b.id)}
                      title={t('import.result.downloadRejected')}
                      aria-label={t('import.result.downloadRejected')}
                    >
                      <Icon name="download" />
                    </button>
                  )}
                  {!b.undoneAt && (
                    <button
                      className="btn small"
                      onClick={() => setConfirm({ batch: b, force: false, message: null })}
                      data-testid="import-undo"
                    >
                      <Icon name="undo" /> {t('import.history.undo')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ConfirmDialog
        open={confirm !== null}
        title={t('import.history.undoTitle')}
        body={
          <>
            <p>
              {t('import.history.undoBody', {
                name: confirm?.batch.fileName ?? '',
                n: confirm?.batch.inserted ?? 0
              })}
            </p>
            {confirm?.force && (
              <div className="note note-warn">
                <strong>{t('import.history.forceTitle')}</strong>
                <span className="note-detail">{confirm.message}</span>
              </div>
            )}
          </>
        }
        confirmLabel={confirm?.force ? t('import.history.deleteBatchForce') : t('import.history.deleteBatch')}
        cancelLabel={t('import.history.keep')}
        danger
        onClose={() => setConfirm(null)}
        onConfirm={() => {
          const c = confirm
          setConfirm(null)
          if (c) void undo(c.batch, c.force)
        }}
      />
    </section>
  )
}
