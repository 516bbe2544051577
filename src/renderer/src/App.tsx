import { Component, lazy, Suspense, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { AppInfo } from '../../shared/api'
import type { Settings } from '../../shared/settings'
import { call } from './api'
import { FilterPanel } from './components/filters/FilterPanel'
import { HelpDialog } from './components/HelpDialog'
import { Icon } from './components/Icon'
import { Sidebar } from './components/Sidebar'
import { CatalogProvider } from './hooks/useCatalog'
import { DataVersionProvider } from './hooks/useDataVersion'
import { FilterProvider } from './hooks/useFilter'
import { LayoutContext } from './hooks/useLayout'
import { useStoredState } from './hooks/useLocalStorage'
import { NavContext, PAGES, type Page } from './hooks/useNav'
import { SettingsProvider, useSettings } from './hooks/useSettings'
import { ToastProvider } from './hooks/useToast'
import { DICTIONARIES, I18nProvider, useI18n, type Lang } from './i18n'
import { alignClock } from '../../shared/clock'

// Each page (and what only it uses: AG Grid, ECharts) is its own chunk: the shell shows first, the page
// opened loads at once and the others right after in the background (preloadPages), so navigating never
// waits and a host that stops answering still shows every page with its own error.
const PAGE_CHUNKS = {
  authors: () => import('./pages/Authors/AuthorsPage'),
  dashboard: () => import('./pages/Dashboard/DashboardPage'),
  import: () => import('./pages/Import/ImportPage'),
  mentions: () => import('./pages/Mentions/MentionsPage'),
  reports: () => import('./pages/Reports/ReportsPage'),
  settings: () => import('./pages/Settings/SettingsPage'),
  sources: () => import('./pages/Sources/SourcesPage')
}
const AuthorsPage = lazy(() => PAGE_CHUNKS.authors().then((m) => ({ default: m.AuthorsPage })))
const DashboardPage = lazy(() => PAGE_CHUNKS.dashboard().then((m) => ({ default: m.DashboardPage })))
const ImportPage = lazy(() => PAGE_CHUNKS.import().then((m) => ({ default: m.ImportPage })))
const MentionsPage = lazy(() => PAGE_CHUNKS.mentions().then((m) => ({ default: m.MentionsPage })))
const ReportsPage = lazy(() => PAGE_CHUNKS.reports().then((m) => ({ default: m.ReportsPage })))
const SettingsPage = lazy(() => PAGE_CHUNKS.settings().then((m) => ({ default: m.SettingsPage })))
const SourcesPage = lazy(() => PAGE_CHUNKS.sources().then((m) => ({ default: m.SourcesPage })))

function preloadPages(): void {
  for (const load of Object.values(PAGE_CHUNKS)) void load().catch(() => undefined)
}

/**
 * A page whose code could not be loaded (the host stopped answering before it came) still shows as that
 * page: its title, and in words what happened, with a way to try again.
 */
class PageLoadBoundary extends Component<
  { children: ReactNode; title: string; message: string; retry: string },
  { failed: boolean }
> {
  override state = { failed: false }
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true }
  }
  override render(): ReactNode {
    if (!this.state.failed) return this.props.children
    return (
      <section className="page page-scroll">
        <header className="page-head">
          <h1>{this.props.title}</h1>
        </header>
        <div className="note note-error" role="alert" data-testid="error-note">
          <div className="note-body">
            <strong>{this.props.message}</strong>
          </div>
          <button className="btn small" onClick={() => location.reload()}>
            {this.props.retry}
          </button>
        </div>
      </section>
    )
  }
}

type Boot = { info: AppInfo; settings: Settings } | { error: string } | null

export function App() {
  const [boot, setBoot] = useState<Boot>(null)
  useEffect(() => {
    Promise.all([call('app:info', {}), call('settings:get', {})])
      .then(([info, settings]) => {
        // "Today" is the host's: a pinned host clock (tests, reproducible runs) reaches every page.
        alignClock(info.now, info.clockPinned)
        setBoot({ info, settings })
      })
      .catch((e: Error) => setBoot({ error: e.message }))
  }, [])
  if (!boot) return <div className="boot" aria-busy="true" />
  if ('error' in boot) return <BootError message={boot.error} />
  return (
    <SettingsProvider info={boot.info} settings={boot.settings}>
      <Localised />
    </SettingsProvider>
  )
}

/** Before settings load there is no language yet: say it in Russian (the default) and English. */
function BootError({ message }: { message: string }) {
  const ru = DICTIONARIES.ru
  const en = DICTIONARIES.en
  return (
    <div className="fatal" role="alert">
      <h1>{ru['boot.error']}</h1>
      <p className="muted">{en['boot.error']}</p>
      <p className="note-detail">{message}</p>
      <button className="btn primary" onClick={() => location.reload()}>
        {ru['common.retry']} / {en['common.retry']}
      </button>
    </div>
  )
}

function Localised() {
  const { settings, update } = useSettings()
  const onLang = useCallback((l: Lang) => void update({ language: l }).catch(() => undefined), [update])
  useEffect(() => {
    document.documentElement.lang = settings.language
    document.documentElement.dataset.theme = settings.theme
  }, [settings.language, settings.theme])
  return (
    <I18nProvider lang={settings.language} onLang={onLang} timeZone={settings.timeZone}>
      <ToastProvider>
        <DataVersionProvider>
          <CatalogProvider>
            <FilterProvider timeZone={settings.timeZone} weekStart={settings.weekStart}>
              <Shell />
            </FilterProvider>
          </CatalogProvider>
        </DataVersionProvider>
      </ToastProvider>
    </I18nProvider>
  )
}

const WITH_FILTERS: Page[] = ['dashboard', 'mentions', 'authors']

function Shell() {
  const { t, tx } = useI18n()
  const { info } = useSettings()
  const [page, setPage] = useStoredState<Page>('otklik.page', 'mentions')
  const [help, setHelp] = useState(false)
  const [filtersOpen, setFiltersOpen] = useStoredState('otklik.filtersOpen', true)
  const [autoHidden, setAutoHidden] = useState(false)
  const nav = useMemo(() => ({ page, go: setPage }), [page, setPage])
  useEffect(() => {
    const timer = setTimeout(preloadPages, 200)
    return () => clearTimeout(timer)
  }, [])
  const layout = useMemo(
    () => ({
      filtersOpen: filtersOpen && !autoHidden,
      setFiltersOpen: (open: boolean) => {
        setAutoHidden(false)
        setFiltersOpen(open)
      },
      setAutoHidden
    }),
    [filtersOpen, autoHidden, setFiltersOpen]
  )
  const showFilters = layout.filtersOpen
  useEffect(() => {
    document.title = `${tx(`nav.${page}`)} — ${t('app.name')}`
  }, [page, t, tx])
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'F1') {
        e.preventDefault()
        setHelp(true)
      } else if (e.altKey && !e.ctrlKey && /^Digit[1-7]$/.test(e.code)) {
        e.preventDefault()
        const p = PAGES[Number(e.code.slice(5)) - 1]
        if (p) setPage(p)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [setPage])
  let body: ReactNode
  switch (page) {
    case 'dashboard':
      body = <DashboardPage />
      break
    case 'mentions':
      body = <MentionsPage />
      break
    case 'authors':
      body = <AuthorsPage />
      break
    case 'sources':
      body = <SourcesPage />
      break
    case 'import':
      body = <ImportPage />
      break
    case 'reports':
      body = <ReportsPage />
      break
    case 'settings':
      body = <SettingsPage />
      break
  }
  body = (
    <PageLoadBoundary
      key={page}
      title={t(`nav.${page}`)}
      message={t('error.code.IO')}
      retry={t('common.retry')}
    >
      <Suspense fallback={<div className="page-loading" aria-busy="true" />}>{body}</Suspense>
    </PageLoadBoundary>
  )
  return (
    <NavContext.Provider value={nav}>
      <LayoutContext.Provider value={layout}>
        <div className="shell">
          <Sidebar onHelp={() => setHelp(true)} />
          <main className="content" id="main">
            {WITH_FILTERS.includes(page) && !info.empty ? (
              <div className={`with-filters ${showFilters ? '' : 'collapsed'}`}>
                {showFilters ? (
                  <FilterPanel onClose={() => layout.setFiltersOpen(false)} />
                ) : (
                  <button
                    className="filter-rail"
                    onClick={() => layout.setFiltersOpen(true)}
                    aria-label={t('filter.show')}
                    title={t('filter.show')}
                    data-testid="filters-show"
                  >
                    <Icon name="filter" />
                    <span>{t('filter.title')}</span>
                  </button>
                )}
                <div className="page-area">{body}</div>
              </div>
            ) : (
              body
            )}
          </main>
        </div>
        <HelpDialog open={help} onClose={() => setHelp(false)} />
      </LayoutContext.Provider>
    </NavContext.Provider>
  )
}
