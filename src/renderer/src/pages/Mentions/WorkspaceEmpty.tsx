import { useState } from 'react'
import { call } from '../../api'
import { EmptyState, ErrorNote } from '../../components/ErrorNote'
import { useNav } from '../../hooks/useNav'
import { useSettings } from '../../hooks/useSettings'
import { useI18n } from '../../i18n'

/** A workspace without mentions: import a file, or look around in the demo workspace. */
export function WorkspaceEmpty() {
  const { t } = useI18n()
  const { info, setInfo } = useSettings()
  const nav = useNav()
  const [creating, setCreating] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const createDemo = async (): Promise<void> => {
    setCreating(true)
    setError(null)
    try {
      await call('demo:create', {})
      setInfo({ ...info, empty: false })
    } catch (e) {
      setError(e)
    } finally {
      setCreating(false)
    }
  }
  return (
    <section className="page">
      <header className="page-head">
        <h1>{t('nav.mentions')}</h1>
      </header>
      <EmptyState
        title={t('empty.title')}
        body={t('empty.body')}
        action={
          <div className="empty-actions">
            <button
              className="btn primary"
              onClick={() => void createDemo()}
              disabled={creating}
              data-testid="create-demo"
            >
              {creating ? t('empty.creating') : t('empty.demo')}
            </button>
            <button className="btn" onClick={() => nav.go('import')}>
              {t('empty.import')}
            </button>
          </div>
        }
      />
      {error ? <ErrorNote error={error} /> : null}
    </section>
  )
}
