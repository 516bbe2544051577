import { useStoredState } from '../../hooks/useLocalStorage'
import { useI18n } from '../../i18n'
import { AboutSettings } from './AboutSettings'
import { GeneralSettings } from './GeneralSettings'
import { ModelSettings } from './ModelSettings'
import { TopicsSettings } from './TopicsSettings'

const TABS = ['general', 'authors', 'topics', 'model', 'about'] as const
type Tab = (typeof TABS)[number]

/** Settings: one section at a time, chosen in a side list. */
export function SettingsPage() {
  const { t } = useI18n()
  const [tab, setTab] = useStoredState<Tab>('otklik.settings.tab', 'general')
  return (
    <section className="page page-scroll" aria-labelledby="settings-h">
      <header className="page-head">
        <h1 id="settings-h">{t('nav.settings')}</h1>
      </header>
      <div className="settings">
        <nav className="settings-nav" role="tablist" aria-orientation="vertical">
          {TABS.map((x) => (
            <button
              key={x}
              role="tab"
              aria-selected={tab === x}
              className={tab === x ? 'on' : ''}
              onClick={() => setTab(x)}
              data-testid={`settings-tab-${x}`}
            >
              {t(`settings.tab.${x}`)}
            </button>
          ))}
        </nav>
        <div className="settings-body" role="tabpanel">
          {tab === 'general' && <GeneralSettings part="general" />}
          {tab === 'authors' && <GeneralSettings part="authors" />}
          {tab === 'topics' && <TopicsSettings />}
          {tab === 'model' && <ModelSettings />}
          {tab === 'about' && <AboutSettings />}
        </div>
      </div>
    </section>
  )
}
