import { useState } from 'react'
import { RELATIVE_PERIODS, type RelativePeriod } from '../../../../shared/views'
import { call } from '../../api'
import { useCatalogVersion } from '../../hooks/useCatalog'
import { fromMentionFilter, useFilter } from '../../hooks/useFilter'
import { useQuery } from '../../hooks/useQuery'
import { useToast } from '../../hooks/useToast'
import { useI18n } from '../../i18n'
import { errorText } from '../ErrorNote'
import { Popover } from '../Popover'

/** Named filter sets kept in the workspace (views:list/save/remove). */
export function SavedViews() {
  const { t, tx } = useI18n()
  const { filter, state, replace } = useFilter()
  const { notify } = useToast()
  const changes = useCatalogVersion('views')
  const views = useQuery(() => call('views:list', {}), [changes])
  const [name, setName] = useState('')
  const save = async (close: () => void): Promise<void> => {
    if (!name.trim()) return
    try {
      // «Прошлая неделя» stays «Прошлая неделя»: a relative period is saved as itself, not as its dates.
      const period = (RELATIVE_PERIODS as readonly string[]).includes(state.period)
        ? (state.period as RelativePeriod)
        : null
      await call('views:save', { name: name.trim(), filter, period })
      notify(t('views.saved', { name: name.trim() }))
      setName('')
      close()
    } catch (e) {
      notify(errorText(e, tx).title, { kind: 'error' })
    }
  }
  const remove = async (id: number): Promise<void> => {
    try {
      await call('views:remove', { id })
    } catch (e) {
      notify(errorText(e, tx).title, { kind: 'error' })
    }
  }
  return (
    <Popover label={<>☆ {t('views.button')}</>} align="right" testId="views-button">
      {(close) => (
        <div className="views-panel">
          <div className="panel-title">{t('views.title')}</div>
          {views.error ? (
            <p className="muted small">{errorText(views.error, tx).title}</p>
          ) : views.data?.length ? (
            <ul className="views-list">
              {views.data.map((v) => (
                <li key={v.id}>
                  <button
                    className="views-apply"
                    onClick={() => {
                      const s = fromMentionFilter(v.filter)
                      replace(v.period ? { ...s, period: v.period, from: null, to: null } : s)
                      close()
                    }}
                  >
                    {v.name}
                  </button>
                  {v.period && <span className="muted small nowrap">{tx(`period.${v.period}`)}</span>}
                  <button
                    className="icon-btn"
                    onClick={() => remove(v.id)}
                    aria-label={t('views.remove', { name: v.name })}
                    title={t('views.remove', { name: v.name })}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted small">{t('views.empty')}</p>
          )}
          <form
            className="views-save"
            onSubmit={(e) => {
              e.preventDefault()
              void save(close)
            }}
          >
            <input
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder={t('views.namePlaceholder')}
              aria-label={t('views.namePlaceholder')}
              maxLength={100}
            />
            <button className="btn primary small" type="submit" disabled={!name.trim()}>
              {t('views.save')}
            </button>
          </form>
          <p className="muted small">{t('views.note')}</p>
        </div>
      )}
    </Popover>
  )
}
