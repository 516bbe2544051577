import { UI_LANGS } from '../../../../shared/types'
import type { TopicView } from '../../../../shared/views'
import { call } from '../../api'
import { QueryCrudPanel } from '../../components/QueryCrudPanel'
import { useI18n } from '../../i18n'

type TopicDraft = { ru: string; kk: string; en: string; query: string }

/** Problem topics: names in three languages and the query that assigns mentions to each. */
export function TopicsSettings() {
  const { t, num, lang } = useI18n()
  return (
    <QueryCrudPanel<TopicView, TopicDraft>
      part="topics"
      id="topics-h"
      testId="settings-topics"
      load={() => call('topics:list', {})}
      texts={{
        title: t('topics.title'),
        about: t('topics.about'),
        add: t('topics.add'),
        edit: t('topics.edit'),
        query: t('topics.query'),
        queryHint: t('topics.queryHint'),
        removeTitle: t('topics.removeTitle'),
        removeBody: (name) => t('topics.removeBody', { name }),
        remove: (name) => t('topics.remove', { name }),
        enable: (name) => t('topics.enable', { name })
      }}
      testIds={{ query: 'topic-query' }}
      list={(items, controls) => (
        <table className="table">
          <thead>
            <tr>
              <th>{t('topics.name')}</th>
              <th>{t('topics.query')}</th>
              <th className="num">{t('authors.col.mentions')}</th>
              <th>{t('topics.enabled')}</th>
              <th aria-label={t('common.actions')} />
            </tr>
          </thead>
          <tbody>
            {items.map((x) => {
              const c = controls(x)
              return (
                <tr key={x.id} className={x.enabled ? '' : 'row-off'}>
                  <td className="strong">{x.names[lang] ?? x.name}</td>
                  <td>
                    {x.query ? (
                      <code className="query-code">{x.query}</code>
                    ) : (
                      <span className="muted">{t('topics.builtinRules')}</span>
                    )}
                  </td>
                  <td className="num">{num(x.mentions)}</td>
                  <td>{c.toggle}</td>
                  <td className="row-actions">{c.actions}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
      draft={(x) => ({
        ru: x?.names.ru ?? x?.name ?? '',
        kk: x?.names.kk ?? '',
        en: x?.names.en ?? '',
        query: x?.query ?? ''
      })}
      fields={(d, set) => (
        <div className="field-row three">
          {UI_LANGS.map((l) => (
            <label key={l} className="field">
              <span>
                {t('topics.name')} ({l.toUpperCase()}){l === 'ru' ? ' *' : ''}
              </span>
              <input value={d[l]} onChange={(e) => set({ [l]: e.target.value })} maxLength={200} />
            </label>
          ))}
        </div>
      )}
      valid={(d) => d.ru.trim() !== ''}
      save={async (d, x) => {
        await call('topics:save', {
          ...(x ? { id: x.id } : {}),
          names: {
            ru: d.ru.trim(),
            ...(d.kk.trim() ? { kk: d.kk.trim() } : {}),
            ...(d.en.trim() ? { en: d.en.trim() } : {})
          },
          query: d.query.trim() || null
        })
        return t('common.saved')
      }}
      setEnabled={(x, enabled) =>
        call('topics:save', {
          id: x.id,
          names: { ...x.names, ru: x.names.ru ?? x.name },
          query: x.query,
          enabled
        })
      }
      remove={(x) => call('topics:remove', { id: x.id })}
    />
  )
}
