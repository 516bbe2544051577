import { useCatalog } from '../../hooks/useCatalog'
import { EMPTY_FILTER, useFilter, type FilterState, type ListKey } from '../../hooks/useFilter'
import { periodRange } from '../../hooks/period'
import { useSettings } from '../../hooks/useSettings'
import { useI18n } from '../../i18n'

interface Chip {
  id: string
  group: string
  label: string
  remove: (s: FilterState) => Partial<FilterState>
}

function without<K extends ListKey>(key: K, value: FilterState[K][number]) {
  return (s: FilterState): Partial<FilterState> => ({
    [key]: (s[key] as unknown[]).filter((x) => x !== value)
  })
}

/** Active filters as removable chips, plus "clear all". */
export function FilterChips() {
  const { state, patch, reset, today } = useFilter()
  const { settings } = useSettings()
  const { t, tx, day, lang } = useI18n()
  const cat = useCatalog()
  const chips: Chip[] = []
  if (state.period !== EMPTY_FILTER.period) {
    const r = periodRange(state.period, today, settings.weekStart, state)
    const label =
      state.period === 'custom'
        ? `${day(r?.from)} – ${day(r?.to)}`
        : state.period === 'all'
          ? t('period.all')
          : `${tx(`period.${state.period}`)} (${day(r?.from)}${r?.from !== r?.to ? ` – ${day(r?.to)}` : ''})`
    chips.push({
      id: 'period',
      group: t('filter.period'),
      label,
      remove: () => ({ period: EMPTY_FILTER.period })
    })
  }
  if (state.search)
    chips.push({
      id: 'search',
      group: t('filter.search'),
      label: `«${state.search}»`,
      remove: () => ({ search: '' })
    })
  for (const s of state.sentiments)
    chips.push({
      id: `s:${s}`,
      group: t('filter.sentiment'),
      label: tx(`sentiment.${s}`),
      remove: without('sentiments', s)
    })
  if (state.mediaType)
    chips.push({
      id: 'mediaType',
      group: t('filter.mediaType'),
      label: tx(`mediaType.${state.mediaType}`),
      remove: () => ({ mediaType: null })
    })
  for (const p of state.platforms)
    chips.push({
      id: `p:${p}`,
      group: t('filter.platform'),
      label: tx(`platform.${p}`),
      remove: without('platforms', p)
    })
  for (const id of state.sourceIds)
    chips.push({
      id: `src:${id}`,
      group: t('filter.source'),
      label: cat.sources.find((x) => x.id === id)?.name ?? state.names[`sourceIds:${id}`] ?? `#${id}`,
      remove: without('sourceIds', id)
    })
  for (const id of state.outletIds)
    chips.push({
      id: `o:${id}`,
      group: t('filter.outlet'),
      label: state.names[`outletIds:${id}`] ?? `#${id}`,
      remove: without('outletIds', id)
    })
  for (const id of state.authorIds)
    chips.push({
      id: `a:${id}`,
      group: t('filter.author'),
      label: state.names[`authorIds:${id}`] ?? `#${id}`,
      remove: without('authorIds', id)
    })
  for (const x of state.authorTypes)
    chips.push({
      id: `at:${x}`,
      group: t('filter.authorType'),
      label: tx(`authorType.${x}`),
      remove: without('authorTypes', x)
    })
  for (const id of state.topicIds)
    chips.push({
      id: `t:${id}`,
      group: t('filter.topic'),
      label: cat.topicName(id, lang) ?? state.names[`topicIds:${id}`] ?? `#${id}`,
      remove: without('topicIds', id)
    })
  for (const id of state.subjectIds)
    chips.push({
      id: `sub:${id}`,
      group: t('filter.subject'),
      label: cat.subjects.find((x) => x.id === id)?.name ?? `#${id}`,
      remove: without('subjectIds', id)
    })
  for (const l of state.langs)
    chips.push({
      id: `l:${l}`,
      group: t('filter.lang'),
      label: tx(`langName.${l || 'none'}`, l),
      remove: without('langs', l)
    })
  for (const r of state.response)
    chips.push({
      id: `r:${r}`,
      group: t('filter.response'),
      label: tx(`response.${r}`),
      remove: without('response', r)
    })
  if (state.irrelevant !== 'hide')
    chips.push({
      id: 'irr',
      group: t('filter.irrelevant'),
      label: tx(`irrelevant.show.${state.irrelevant}`),
      remove: () => ({ irrelevant: 'hide' })
    })
  if (state.collapseStories)
    chips.push({
      id: 'collapse',
      group: t('filter.stories'),
      label: t('filter.collapsed'),
      remove: () => ({ collapseStories: false })
    })
  if (state.storyId)
    chips.push({
      id: 'story',
      group: t('filter.story'),
      label: `#${state.storyId}`,
      remove: () => ({ storyId: null })
    })
  for (const id of state.batchIds)
    chips.push({ id: `b:${id}`, group: t('filter.batch'), label: `#${id}`, remove: without('batchIds', id) })

  if (!chips.length) return null
  return (
    <div className="filter-chips" role="list" aria-label={t('filter.active')} data-testid="filter-chips">
      {chips.map((c) => (
        <span key={c.id} className="fchip" role="listitem">
          <span className="fchip-group">{c.group}</span>
          <span className="fchip-label">{c.label}</span>
          <button
            className="fchip-x"
            onClick={() => patch(c.remove(state))}
            aria-label={t('filter.removeChip', { name: `${c.group}: ${c.label}` })}
            title={t('filter.remove')}
          >
            ×
          </button>
        </span>
      ))}
      {chips.length > 1 && (
        <button className="btn link small" onClick={reset} data-testid="filter-reset">
          {t('filter.clearAll')}
        </button>
      )}
    </div>
  )
}
