import { call } from '../../api'
import { QueryCrudPanel } from '../../components/QueryCrudPanel'
import { useI18n } from '../../i18n'

type Subject = { id: number; name: string; query: string; enabled: boolean }
type SubjectDraft = { name: string; query: string }

/** Monitoring subjects: what the office watches for, as queries, each with a live test. */
export function SubjectsPanel() {
  const { t } = useI18n()
  return (
    <QueryCrudPanel<Subject, SubjectDraft>
      part="subjects"
      id="subjects-h"
      load={() => call('subjects:list', {})}
      texts={{
        title: t('subjects.title'),
        about: t('subjects.about'),
        add: t('subjects.add'),
        edit: t('subjects.edit'),
        empty: t('subjects.empty'),
        query: t('subjects.query'),
        removeTitle: t('subjects.removeTitle'),
        removeBody: (name) => t('subjects.removeBody', { name }),
        remove: (name) => t('subjects.remove', { name }),
        enable: (name) => t('subjects.enable', { name })
      }}
      testIds={{ add: 'subject-add', dialog: 'subject-dialog', query: 'subject-query' }}
      list={(items, controls) => (
        <ul className="subject-list" data-testid="subject-list">
          {items.map((s) => {
            const c = controls(s)
            return (
              <li key={s.id} className={`subject ${s.enabled ? '' : 'row-off'}`}>
                <div className="grow">
                  <div className="strong">{s.name}</div>
                  <code className="query-code">{s.query}</code>
                </div>
                {c.toggle}
                {c.actions}
              </li>
            )
          })}
        </ul>
      )}
      draft={(s) => ({ name: s?.name ?? '', query: s?.query ?? '' })}
      fields={(d, set) => (
        <label className="field">
          <span>{t('subjects.name')}</span>
          <input value={d.name} onChange={(e) => set({ name: e.target.value })} maxLength={200} />
        </label>
      )}
      valid={(d) => d.name.trim() !== '' && d.query.trim() !== ''}
      save={async (d, s) => {
        if (s) {
          await call('subjects:update', { id: s.id, name: d.name.trim(), query: d.query.trim() })
          return t('common.saved')
        }
        const r = await call('subjects:add', { name: d.name.trim(), query: d.query.trim() })
        return t('subjects.savedMatched', { n: r.matched })
      }}
      setEnabled={(s, enabled) => call('subjects:update', { id: s.id, enabled })}
      remove={(s) => call('subjects:remove', { id: s.id })}
    />
  )
}
