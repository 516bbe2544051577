import { PAGES, useNav, type Page } from '../hooks/useNav'
import { useSettings } from '../hooks/useSettings'
import { LANGS, useI18n, type Lang } from '../i18n'
import { Icon, type IconName } from './Icon'
import { Popover } from './Popover'

const ICONS: Record<Page, IconName> = {
  dashboard: 'dashboard',
  mentions: 'mentions',
  authors: 'authors',
  sources: 'sources',
  import: 'import',
  reports: 'reports',
  settings: 'settings'
}
const LANG_NAMES: Record<Lang, string> = { ru: 'Русский', kk: 'Қазақша', en: 'English' }

/** Navigation rail: the pages (Alt+1…7), the language and theme switches, help (F1). */
export function Sidebar({ onHelp }: { onHelp: () => void }) {
  const { t, tx, lang, setLang } = useI18n()
  const { page, go } = useNav()
  const { settings, update } = useSettings()
  return (
    <nav className="sidebar" aria-label={t('nav.label')}>
      <div className="brand" title={`${t('app.name')} — ${settings.orgName}`}>
        <div className="brand-mark" aria-hidden="true">
          О
        </div>
        <span className="sr-only">{t('app.name')}</span>
      </div>
      <div className="nav-list">
        {PAGES.map((p, i) => (
          <button
            key={p}
            className={`nav-item ${page === p ? 'active' : ''}`}
            onClick={() => go(p)}
            aria-current={page === p ? 'page' : undefined}
            title={`${tx(`nav.${p}`)} (Alt+${i + 1})`}
            data-testid={`nav-${p}`}
          >
            <Icon name={ICONS[p]} size={19} />
            <span className="nav-label">{tx(`nav.${p}`)}</span>
          </button>
        ))}
      </div>
      <div className="sidebar-foot">
        <Popover
          label={<span className="lang-code">{lang.toUpperCase()}</span>}
          className="side-btn"
          testId="lang-button"
          title={t('lang.label')}
          placement="right"
        >
          {(close) => (
            <div className="menu" role="menu" aria-label={t('lang.label')}>
              <div className="panel-title">{t('lang.label')}</div>
              {LANGS.map((l) => (
                <button
                  key={l}
                  role="menuitemradio"
                  aria-checked={l === lang}
                  className={`menu-item ${l === lang ? 'on' : ''}`}
                  onClick={() => {
                    setLang(l)
                    close()
                  }}
                  data-testid={`lang-${l}`}
                >
                  {LANG_NAMES[l]}
                </button>
              ))}
            </div>
          )}
        </Popover>
        <button
          className="side-btn"
          onClick={() => void update({ theme: settings.theme === 'dark' ? 'light' : 'dark' })}
          aria-label={t('theme.toggle')}
          title={`${t('theme.toggle')}: ${settings.theme === 'dark' ? t('theme.light') : t('theme.dark')}`}
          data-testid="theme-toggle"
        >
          {settings.theme === 'dark' ? '☀' : '☾'}
        </button>
        <button
          className="side-btn"
          onClick={onHelp}
          title={`${t('help.title')} (F1)`}
          aria-label={t('help.title')}
        >
          <Icon name="help" size={17} />
        </button>
      </div>
    </nav>
  )
}
