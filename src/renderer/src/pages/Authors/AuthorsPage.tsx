import { useCallback, useState } from 'react'
import type { GridApi } from 'ag-grid-community'
import { AUTHOR_TYPES, type AuthorType } from '../../../../shared/types'
import type { AuthorRow, AuthorsPage as Page } from '../../../../shared/views'
import type { Lean } from '../../../../shared/lean'
import { call } from '../../api'
import { ColumnChooser } from '../../components/ColumnChooser'
import { ErrorNote, errorText } from '../../components/ErrorNote'
import { SearchBar } from '../../components/filters/SearchBar'
import { Icon } from '../../components/Icon'
import { useFilter } from '../../hooks/useFilter'
import { useNav } from '../../hooks/useNav'
import { useSettings } from '../../hooks/useSettings'
import { useToast } from '../../hooks/useToast'
import { useI18n } from '../../i18n'
import { ExportMenu } from '../Mentions/ExportMenu'
import { WorkspaceEmpty } from '../Mentions/WorkspaceEmpty'
import { AUTHORS_COLUMNS_KEY, AuthorsGrid } from './AuthorsGrid'
import { MergeDialog } from './MergeDialog'

/** Authors: who writes, how much and how critically; staff set types and merge accounts. */
export function AuthorsPage() {
  const { t, tx, pct } = useI18n()
  const { info } = useSettings()
  const { filter, patch } = useFilter()
  const { notify } = useToast()
  const nav = useNav()
  const [api, setApi] = useState<GridApi<AuthorRow> | null>(null)
  const [selected, setSelected] = useState<AuthorRow[]>([])
  const [page, setPage] = useState<Pick<Page, 'rule' | 'total'> | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [merge, setMerge] = useState<AuthorRow[] | null>(null)
  const [type, setType] = useState<AuthorType>('private')
  const [lean, setLean] = useState<Lean | null>(null)

  const onApi = useCallback((a: GridApi<AuthorRow> | null) => setApi(a), [])
  const open = useCallback(
    (row: AuthorRow) => {
      patch({ authorIds: [row.id], names: { [`authorIds:${row.id}`]: row.name } })
      nav.go('mentions')
    },
    [patch, nav]
  )
  const run = async (fn: () => Promise<string>): Promise<void> => {
    try {
      notify(await fn())
      // The rows reload when main announces the change (useInfiniteGrid).
      api?.deselectAll()
    } catch (e) {
      notify(errorText(e, tx).title, { kind: 'error' })
    }
  }
  const ids = selected.map((r) => r.id)

  if (info.empty) return <WorkspaceEmpty />
  return (
    <section className="page page-authors" aria-labelledby="authors-h">
      <header className="page-head">
        <h1 id="authors-h">{t('nav.authors')}</h1>
        <SearchBar
          actions={
            <>
              <ColumnChooser api={api} storageKey={AUTHORS_COLUMNS_KEY} />
              <ExportMenu filter={filter} channel="authors:exportTable" lean={lean} />
            </>
          }
        />
      </header>
      <div className="legend" data-testid="authors-legend">
        <div
          className="segmented small"
          role="group"
          aria-label={t('authors.lean.switch')}
          data-testid="lean-switch"
        >
          {([null, 'critic', 'supporter'] as const).map((v) => (
            <button
              key={v ?? 'all'}
              className={lean === v ? 'on' : ''}
              aria-pressed={lean === v}
              onClick={() => setLean(v)}
            >
              {t(
                v === 'critic'
                  ? 'authors.lean.critics'
                  : v === 'supporter'
                    ? 'authors.lean.supporters'
                    : 'authors.lean.all'
              )}
            </button>
          ))}
        </div>
        {page ? (
          <>
            <span className="legend-item">
              <span className="swatch swatch-orange" aria-hidden="true" />
              {t('authors.legend.negative', {
                min: page.rule.minLabelled,
                share: pct(page.rule.percent / 100)
              })}
            </span>
            <span className="legend-item">
              <span className="swatch swatch-blue" aria-hidden="true" />
              {t('authors.legend.positive', {
                min: page.rule.minLabelled,
                share: pct(page.rule.percent / 100)
              })}
            </span>
            <span className="muted" data-testid="lean-basis">
              {t('authors.lean.basis')}
            </span>
            <span className="grow" />
            <span className="muted" data-testid="authors-total">
              {t('authors.total', { n: page.total })}
            </span>
          </>
        ) : (
          <span className="muted">{t('common.loading')}</span>
        )}
      </div>
      {selected.length > 0 && (
        <div className="bulk-bar" role="toolbar" aria-label={t('bulk.label')}>
          <strong>{t('bulk.selected', { n: selected.length })}</strong>
          <span className="bulk-sep" />
          <label className="inline-field">
            <span>{t('authors.setType')}</span>
            <select
              value={type}
              onChange={(e) => setType(e.target.value as AuthorType)}
              data-testid="author-type-select"
            >
              {AUTHOR_TYPES.map((x) => (
                <option key={x} value={x}>
                  {tx(`authorType.${x}`)}
                </option>
              ))}
            </select>
          </label>
          <button
            className="btn small"
            data-testid="author-type-apply"
            onClick={() =>
              void run(async () => {
                const r = await call('authors:setType', { ids, type })
                return t('authors.typeSet', { n: r.changed, type: tx(`authorType.${type}`) })
              })
            }
          >
            {t('common.apply')}
          </button>
          <span className="bulk-sep" />
          <button
            className="btn small"
            disabled={selected.length < 2}
            onClick={() => setMerge(selected)}
            title={t('authors.merge.tip')}
          >
            <Icon name="merge" /> {t('authors.merge.button')}
          </button>
          {selected.some((r) => r.mergedCount > 0) && (
            <button
              className="btn small"
              onClick={() =>
                void run(async () => {
                  const r = await call('authors:unmerge', {
                    ids: selected.filter((x) => x.mergedCount > 0).map((x) => x.id)
                  })
                  return t('authors.unmerged', { n: r.changed })
                })
              }
            >
              {t('authors.unmerge')}
            </button>
          )}
          <span className="grow" />
          <button className="btn link small" onClick={() => api?.deselectAll()}>
            {t('bulk.clear')}
          </button>
        </div>
      )}
      <div className="grid-wrap" data-testid="authors-grid">
        <AuthorsGrid
          filter={filter}
          lean={lean}
          onApi={onApi}
          onSelection={setSelected}
          onOpen={open}
          onPage={setPage}
          onError={setError}
        />
        {error ? (
          <div className="grid-overlay">
            <ErrorNote error={error} onRetry={() => api?.refreshInfiniteCache()} />
          </div>
        ) : null}
        {page?.total === 0 && !error && (
          <div className="grid-overlay">
            <div className="empty-state small">
              <h2>{t('authors.empty.title')}</h2>
              <p>{t('mentions.noMatch.body')}</p>
            </div>
          </div>
        )}
      </div>
      <footer className="statusbar">
        <span className="muted">{t('authors.hint')}</span>
      </footer>
      <MergeDialog
        rows={merge}
        onClose={() => setMerge(null)}
        onMerge={(mergeIds, into) => {
          setMerge(null)
          void run(async () => {
            const r = await call('authors:merge', { ids: mergeIds, into })
            return t('authors.merged', { n: r.merged })
          })
        }}
      />
    </section>
  )
}
