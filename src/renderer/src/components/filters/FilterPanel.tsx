import { RESPONSE_STATUSES } from '../../../../shared/types'
import { useMemo } from 'react'
import type { MentionFilter } from '../../../../shared/filter'
import { call } from '../../api'
import { useCatalog } from '../../hooks/useCatalog'
import { useDataVersion } from '../../hooks/useDataVersion'
import { useFilter, type FilterState } from '../../hooks/useFilter'
import { useQuery } from '../../hooks/useQuery'
import { useI18n } from '../../i18n'
import { PlatformIcon } from '../cells'
import { ErrorNote } from '../ErrorNote'
import { FacetGroup } from './FacetGroup'
import { PeriodPicker } from './PeriodPicker'

const SENTS = ['negative', 'neutral', 'positive', 'unlabelled'] as const
const RESPONSES = RESPONSE_STATUSES

/** The filter panel shared by Mentions, Authors and Dashboard: every change reaches all of them. */
export function FilterPanel({ onClose }: { onClose: () => void }) {
  const { state, filter, patch, toggle } = useFilter()
  const { t, tx, lang } = useI18n()
  const cat = useCatalog()
  const { version } = useDataVersion()
  const facets = useQuery(() => call('facets:get', { filter }), [filter, version])
  // Sentiment counts under every filter except the sentiment one, like the other facets.
  const sentFilter = useMemo<MentionFilter>(() => {
    const { sentiments: _s, ...rest } = filter
    return rest
  }, [filter])
  const counts = useQuery(() => call('mentions:counts', { filter: sentFilter }), [sentFilter, version])
  const f = facets.data
  const segmented = <K extends keyof FilterState>(key: K, values: FilterState[K][], labelKey: string) => (
    <div className="segmented small" role="group">
      {values.map((v) => (
        <button
          key={String(v)}
          className={state[key] === v ? 'on' : ''}
          aria-pressed={state[key] === v}
          onClick={() => patch({ [key]: v } as Partial<FilterState>)}
        >
          {tx(`${labelKey}.${String(v)}`)}
        </button>
      ))}
    </div>
  )
  return (
    <aside className="filter-panel" aria-label={t('filter.title')} data-testid="filter-panel">
      <div className="filter-panel-head">
        <h2>{t('filter.title')}</h2>
        <button className="icon-btn" onClick={onClose} aria-label={t('filter.hide')} title={t('filter.hide')}>
          «
        </button>
      </div>
      <div className="filter-panel-body">
        <section className="facet">
          <div className="facet-title static">{t('filter.period')}</div>
          <PeriodPicker />
        </section>
        {facets.error ? <ErrorNote error={facets.error} onRetry={facets.reload} /> : null}
        <FacetGroup
          title={t('filter.sentiment')}
          testId="facet-sentiment"
          items={SENTS.map((s) => ({
            key: s,
            label: tx(`sentiment.${s}`),
            count: counts.data ? counts.data[s] : undefined,
            icon: <span className={`dot dot-${s}`} aria-hidden="true" />
          }))}
          selected={state.sentiments}
          onToggle={(k) => toggle('sentiments', k)}
        />
        <section className="facet">
          <div className="facet-title static">{t('filter.mediaType')}</div>
          {segmented('mediaType', [null, 'media', 'social'], 'mediaType')}
        </section>
        <FacetGroup
          title={t('filter.platform')}
          testId="facet-platform"
          items={(f?.platforms ?? []).map((x) => ({
            key: x.key,
            label: tx(`platform.${x.key}`, x.label),
            count: x.count,
            icon: <PlatformIcon platform={x.key} decorative />
          }))}
          selected={state.platforms}
          onToggle={(k) => toggle('platforms', k)}
        />
        <FacetGroup
          title={t('filter.topic')}
          testId="facet-topic"
          items={(f?.topics ?? []).map((x) => ({
            key: x.key,
            label: cat.topicName(x.key, lang) ?? x.label,
            count: x.count
          }))}
          selected={state.topicIds}
          onToggle={(k, label) => toggle('topicIds', k, label)}
        />
        {(f?.subjects.length ?? 0) > 0 && (
          <FacetGroup
            title={t('filter.subject')}
            items={(f?.subjects ?? []).map((x) => ({ key: x.key, label: x.label, count: x.count }))}
            selected={state.subjectIds}
            onToggle={(k, label) => toggle('subjectIds', k, label)}
          />
        )}
        <FacetGroup
          title={t('filter.authorType')}
          items={(f?.authorTypes ?? []).map((x) => ({
            key: x.key,
            label: tx(`authorType.${x.key}`, x.label),
            count: x.count
          }))}
          selected={state.authorTypes}
          onToggle={(k) => toggle('authorTypes', k)}
        />
        <FacetGroup
          title={t('filter.outlet')}
          testId="facet-outlet"
          items={(f?.outlets ?? []).map((x) => ({ key: x.key, label: x.label, count: x.count }))}
          selected={state.outletIds}
          onToggle={(k, label) => toggle('outletIds', k, label)}
        />
        {(f?.sources.length ?? 0) > 0 && (
          <FacetGroup
            title={t('filter.source')}
            items={(f?.sources ?? []).map((x) => ({ key: x.key, label: x.label, count: x.count }))}
            selected={state.sourceIds}
            onToggle={(k, label) => toggle('sourceIds', k, label)}
          />
        )}
        <FacetGroup
          title={t('filter.lang')}
          items={(f?.langs ?? []).map((x) => ({
            key: x.key,
            label: tx(`langName.${x.key || 'none'}`, x.key),
            count: x.count
          }))}
          selected={state.langs}
          onToggle={(k) => toggle('langs', k)}
        />
        <FacetGroup
          title={t('filter.response')}
          items={RESPONSES.map((r) => ({ key: r, label: tx(`response.${r}`) }))}
          selected={state.response}
          onToggle={(k) => toggle('response', k)}
        />
        <section className="facet">
          <div className="facet-title static">{t('filter.irrelevant')}</div>
          {segmented('irrelevant', ['hide', 'all', 'only'], 'irrelevant.mode')}
        </section>
        <section className="facet">
          <label className="check-row">
            <input
              type="checkbox"
              checked={state.collapseStories}
              onChange={(e) => patch({ collapseStories: e.target.checked })}
              data-testid="collapse-stories"
            />
            {t('filter.collapseStories')}
          </label>
        </section>
      </div>
    </aside>
  )
}
