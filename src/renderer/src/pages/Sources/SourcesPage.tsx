import { useState } from 'react'
import { QueryInput } from '../../components/QueryInput'
import { QueryTester } from '../../components/QueryTester'
import { useStoredState } from '../../hooks/useLocalStorage'
import { useI18n } from '../../i18n'
import { SourcesList } from './SourcesList'
import { SubjectsPanel } from './SubjectsPanel'

type Tab = 'sources' | 'subjects' | 'test'

/** Sources: collection sources, monitoring subjects and a query test box. */
export function SourcesPage() {
  const { t } = useI18n()
  const [tab, setTab] = useStoredState<Tab>('otklik.sources.tab', 'sources')
  const [query, setQuery] = useState('')
  return (
    <section className="page page-scroll" aria-labelledby="sources-page-h">
      <header className="page-head">
        <h1 id="sources-page-h">{t('nav.sources')}</h1>
      </header>
      <div className="tabs" role="tablist">
        {(['sources', 'subjects', 'test'] as Tab[]).map((x) => (
          <button
            key={x}
            role="tab"
            aria-selected={tab === x}
            className={tab === x ? 'on' : ''}
            onClick={() => setTab(x)}
            data-testid={`tab-${x}`}
          >
            {t(`sources.tab.${x}`)}
          </button>
        ))}
      </div>
      <div className="tab-body" role="tabpanel">
        {tab === 'sources' && <SourcesList />}
        {tab === 'subjects' && <SubjectsPanel />}
        {tab === 'test' && (
          <section className="panel">
            <h2>{t('query.test.title')}</h2>
            <p className="muted small">{t('query.test.about')}</p>
            <QueryInput
              value={query}
              onChange={setQuery}
              label={t('query.test.title')}
              testId="test-query"
              placeholder={t('search.placeholder')}
            />
            <QueryTester query={query} />
          </section>
        )}
      </div>
    </section>
  )
}
