import { useEffect, useState } from 'react'
import type { AppInfo, SettingsValue } from '../../shared/api'
import { call } from './api'
import { I18nProvider, useI18n, type Lang } from './i18n'
import { MentionsPage } from './pages/MentionsPage'
import { Sidebar } from './components/Sidebar'

export function App() {
  const [boot, setBoot] = useState<{ info: AppInfo; settings: SettingsValue } | { error: string } | null>(
    null
  )
  useEffect(() => {
    Promise.all([call('app:info', {}), call('settings:get', {})])
      .then(([info, settings]) => setBoot({ info, settings }))
      .catch((e: Error) => setBoot({ error: e.message }))
  }, [])
  if (!boot) return <div className="boot" aria-busy="true" />
  if ('error' in boot)
    return (
      <div className="fatal" role="alert">
        <h1>Отклик не может открыть рабочее пространство</h1>
        <p>{boot.error}</p>
      </div>
    )
  return (
    <I18nProvider initial={boot.settings.language as Lang}>
      <Shell info={boot.info} settings={boot.settings} />
    </I18nProvider>
  )
}

function Shell({ info, settings }: { info: AppInfo; settings: SettingsValue }) {
  const { t } = useI18n()
  const [page, setPage] = useState<'mentions'>('mentions')
  useEffect(() => {
    document.title = `${t('app.name')} — ${t(`nav.${page}`)}`
  }, [page, t])
  return (
    <div className="shell">
      <Sidebar page={page} onPage={setPage} orgName={settings.orgName} />
      <main className="content">
        {page === 'mentions' && <MentionsPage info={info} timeZone={settings.timeZone} />}
      </main>
    </div>
  )
}
