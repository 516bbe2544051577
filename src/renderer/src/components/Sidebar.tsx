import { useI18n, type Lang } from '../i18n'

export function Sidebar({
  page,
  onPage,
  orgName
}: {
  page: 'mentions'
  onPage: (p: 'mentions') => void
  orgName: string
}) {
  const { t, lang, setLang } = useI18n()
  return (
    <nav className="sidebar" aria-label="Навигация">
      <div className="brand">
        <div className="brand-mark" aria-hidden="true">
          О
        </div>
        <div>
          <div className="brand-name">{t('app.name')}</div>
          <div className="brand-org" title={orgName}>
            {orgName}
          </div>
        </div>
      </div>
      <div className="nav-section">{t('nav.section.work')}</div>
      <button
        className={`nav-item ${page === 'mentions' ? 'active' : ''}`}
        onClick={() => onPage('mentions')}
        aria-current={page === 'mentions'}
      >
        <span className="nav-icon" aria-hidden="true">
          ☰
        </span>
        {t('nav.mentions')}
      </button>
      <div className="sidebar-foot">
        <label className="lang-switch">
          <span>{t('lang.label')}</span>
          <select value={lang} onChange={(e) => setLang(e.target.value as Lang)} aria-label={t('lang.label')}>
            <option value="ru">Русский</option>
            <option value="kk">Қазақша</option>
            <option value="en">English</option>
          </select>
        </label>
      </div>
    </nav>
  )
}
