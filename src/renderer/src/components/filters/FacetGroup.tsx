import { useState, type ReactNode } from 'react'
import { useI18n } from '../../i18n'

export interface FacetItem<K> {
  key: K
  label: string
  count?: number | null
  /** Something drawn before the label (a sentiment dot, a platform icon). */
  icon?: ReactNode
}

/** One section of the filter panel: checkable items with counts; long lists fold after `limit`. */
export function FacetGroup<K extends string | number>({
  title,
  items,
  selected,
  onToggle,
  limit = 6,
  testId
}: {
  title: string
  items: FacetItem<K>[]
  selected: K[]
  onToggle: (key: K, label: string) => void
  limit?: number
  testId?: string
}) {
  const { t, num } = useI18n()
  const [expanded, setExpanded] = useState(false)
  const [open, setOpen] = useState(true)
  // Selected items stay visible even when folded away.
  const shown = expanded ? items : items.filter((x, i) => i < limit || selected.includes(x.key))
  return (
    <section className="facet" data-testid={testId}>
      <button className="facet-title" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        <span>{title}</span>
        {selected.length > 0 && <span className="facet-badge">{selected.length}</span>}
        <span className="facet-caret" aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>
      </button>
      {open && (
        <>
          {items.length === 0 && <div className="facet-empty">{t('filter.noValues')}</div>}
          <ul className="facet-list">
            {shown.map((x) => (
              <li key={String(x.key)}>
                <label className={`facet-item ${selected.includes(x.key) ? 'on' : ''}`}>
                  <input
                    type="checkbox"
                    checked={selected.includes(x.key)}
                    onChange={() => onToggle(x.key, x.label)}
                  />
                  {x.icon}
                  <span className="facet-label" title={x.label}>
                    {x.label}
                  </span>
                  {x.count !== undefined && <span className="facet-count">{num(x.count)}</span>}
                </label>
              </li>
            ))}
          </ul>
          {items.length > limit && (
            <button className="btn link small facet-more" onClick={() => setExpanded((e) => !e)}>
              {expanded ? t('filter.showLess') : t('filter.showAll', { n: items.length })}
            </button>
          )}
        </>
      )}
    </section>
  )
}
