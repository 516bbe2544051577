import { useEffect, useMemo, useState } from 'react'
import type { Settings } from '../../../../shared/settings'
import { ErrorNote } from '../../components/ErrorNote'
import { useSettings } from '../../hooks/useSettings'
import { useToast } from '../../hooks/useToast'
import { LANGS, useI18n } from '../../i18n'

const WEEKDAYS = [1, 0, 6] as const

/** Organisation, language, time zone, week, theme, author highlighting and privacy. */
export function GeneralSettings({ part }: { part: 'general' | 'authors' }) {
  const { t } = useI18n()
  const { settings, update } = useSettings()
  const { notify } = useToast()
  const [draft, setDraft] = useState<Settings>(settings)
  const [error, setError] = useState<unknown>(null)
  useEffect(() => setDraft(settings), [settings])
  const zones = useMemo(() => {
    try {
      return Intl.supportedValuesOf('timeZone')
    } catch {
      return ['Asia/Almaty', 'Asia/Aqtobe', 'Asia/Oral', 'Europe/Moscow', 'UTC']
    }
  }, [])
  const set = <K extends keyof Settings>(k: K, v: Settings[K]): void =>
    setDraft((d) => ({ ...d, [k]: v }))
  const changed = (Object.keys(draft) as (keyof Settings)[]).filter((k) => draft[k] !== settings[k])
  const zoneBad = !zones.includes(draft.timeZone)
  const save = async (): Promise<void> => {
    setError(null)
    try {
      await update(Object.fromEntries(changed.map((k) => [k, draft[k]])) as Partial<Settings>)
      notify(t('common.saved'))
    } catch (e) {
      setError(e)
    }
  }
  return (
    <form
      className="panel form settings-form"
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
      data-testid={`settings-${part}`}
    >
      {part === 'general' ? (
        <>
          <h2>{t('settings.general')}</h2>
          <label className="field">
            <span>{t('settings.orgName')}</span>
            <input
              value={draft.orgName}
              onChange={(e) => set('orgName', e.target.value)}
              maxLength={200}
              required
            />
            <span className="field-hint">{t('settings.orgNameHint')}</span>
          </label>
          <label className="field">
            <span>{t('settings.orgLogo')}</span>
            <input
              value={draft.orgLogo ?? ''}
              onChange={(e) => set('orgLogo', e.target.value || null)}
              placeholder={'C:\\…\\logo.png'}
              maxLength={4000}
            />
            <span className="field-hint">{t('settings.orgLogoHint')}</span>
          </label>
          <div className="field-row">
            <label className="field">
              <span>{t('lang.label')}</span>
              <select
                value={draft.language}
                onChange={(e) => set('language', e.target.value as Settings['language'])}
              >
                {LANGS.map((l) => (
                  <option key={l} value={l}>
                    {t(`langName.${l}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>{t('settings.theme')}</span>
              <select
                value={draft.theme}
                onChange={(e) => set('theme', e.target.value as Settings['theme'])}
                data-testid="theme-select"
              >
                <option value="light">{t('theme.light')}</option>
                <option value="dark">{t('theme.dark')}</option>
              </select>
            </label>
          </div>
          <div className="field-row">
            <label className="field">
              <span>{t('settings.timeZone')}</span>
              <input
                value={draft.timeZone}
                onChange={(e) => set('timeZone', e.target.value)}
                list="tz-list"
                aria-invalid={zoneBad}
              />
              <datalist id="tz-list">
                {zones.map((z) => (
                  <option key={z} value={z} />
                ))}
              </datalist>
              <span className={zoneBad ? 'field-error' : 'field-hint'}>
                {zoneBad ? t('settings.timeZoneBad') : t('settings.timeZoneHint')}
              </span>
            </label>
            <label className="field">
              <span>{t('settings.weekStart')}</span>
              <select value={draft.weekStart} onChange={(e) => set('weekStart', Number(e.target.value))}>
                {WEEKDAYS.map((d) => (
                  <option key={d} value={d}>
                    {t(`weekday.${d}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
        </>
      ) : (
        <>
          <h2>{t('settings.authors')}</h2>
          <p className="muted small">{t('settings.authorsAbout')}</p>
          <div className="field-row">
            <label className="field">
              <span>{t('settings.minLabelled')}</span>
              <input
                type="number"
                min={1}
                max={1000}
                value={draft.authorMinLabelled}
                onChange={(e) =>
                  set('authorMinLabelled', Math.max(1, Math.round(Number(e.target.value) || 1)))
                }
              />
            </label>
            <label className="field">
              <span>{t('settings.share')}</span>
              <input
                type="number"
                min={50}
                max={100}
                step={5}
                value={Math.round(draft.authorShare * 100)}
                onChange={(e) =>
                  set('authorShare', Math.min(1, Math.max(0.5, (Number(e.target.value) || 50) / 100)))
                }
              />
            </label>
          </div>
          <h2>{t('settings.privacy')}</h2>
          <label className="check-row">
            <input
              type="checkbox"
              checked={draft.maskPrivateAuthors}
              onChange={(e) => set('maskPrivateAuthors', e.target.checked)}
            />
            {t('settings.mask')}
          </label>
          <p className="muted small">{t('settings.maskHint')}</p>
        </>
      )}
      {error ? <ErrorNote error={error} /> : null}
      <div className="row-gap">
        <button
          className="btn primary"
          type="submit"
          disabled={!changed.length || zoneBad}
          data-testid="settings-save"
        >
          {t('common.save')}
        </button>
        {changed.length > 0 && (
          <button className="btn" type="button" onClick={() => setDraft(settings)}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  )
}
