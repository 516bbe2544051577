import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import type { GridApi } from 'ag-grid-community'
import type { MentionRow } from '../../../../shared/rows'
import { call } from '../../api'
import { ColumnChooser } from '../../components/ColumnChooser'
import { EmptyState, ErrorNote } from '../../components/ErrorNote'
import { SearchBar } from '../../components/filters/SearchBar'
import { useQueryNode } from '../../components/Highlighted'
import { useDataVersion } from '../../hooks/useDataVersion'
import { useFilter } from '../../hooks/useFilter'
import { NARROW_WIDTH, useLayout } from '../../hooks/useLayout'
import { useStoredState } from '../../hooks/useLocalStorage'
import { useNav } from '../../hooks/useNav'
import { useQuery } from '../../hooks/useQuery'
import { useSettings } from '../../hooks/useSettings'
import { useI18n } from '../../i18n'
import { BulkBar } from './BulkBar'
import { dateModelRange, withDateRange, type DateFilterModel } from './dateFilter'
import { ExportMenu } from './ExportMenu'
import { MentionDetail } from './MentionDetail'
import { MENTIONS_COLUMNS_KEY, MentionsGrid } from './MentionsGrid'
import { ResponseDialog } from './ResponseDialog'
import { StatusBar } from './StatusBar'
import { useMentionActions, type ResponsePatch } from './useMentionActions'
import { WorkspaceEmpty } from './WorkspaceEmpty'
import { KEY_SENTIMENT } from './keys'
import { LabelForModel } from './LabelForModel'

/** Mentions: the grid over SQL, the detail pane, bulk edits, response workflow and export. */
export function MentionsPage() {
  const { t, day } = useI18n()
  const { info } = useSettings()
  const { filter, patch } = useFilter()
  const { version } = useDataVersion()
  const nav = useNav()
  const query = useQueryNode(filter.search)
  const gridApi = useRef<GridApi<MentionRow> | null>(null)
  const [api, setApi] = useState<GridApi<MentionRow> | null>(null)
  const [dateModel, setDateModel] = useState<DateFilterModel | null>(null)
  const fullFilter = useMemo(() => withDateRange(filter, dateModelRange(dateModel)), [filter, dateModel])
  const counts = useQuery(() => call('mentions:counts', { filter: fullFilter }), [fullFilter, version])
  const [gridError, setGridError] = useState<unknown>(null)
  const [, setTotal] = useState<number | null>(null)
  const [selected, setSelected] = useState<number[]>([])
  const [currentId, setCurrentId] = useState<number | null>(null)
  const [detailOpen, setDetailOpen] = useStoredState('otklik.detailOpen', true)
  const [response, setResponse] = useState<{ ids: number[]; initial: ResponsePatch | null } | null>(null)

  // The detail follows the focused row, a moment later so arrowing through rows stays quick.
  const [detailId, setDetailId] = useState<number | null>(null)
  useEffect(() => {
    const h = setTimeout(() => setDetailId(currentId), 120)
    return () => clearTimeout(h)
  }, [currentId])
  // Laid out a moment after the click, so the row under the pointer does not move mid-click.
  const showDetail = detailOpen && detailId !== null
  const detail = useQuery(
    () => (detailId && detailOpen ? call('mentions:get', { id: detailId }) : Promise.resolve(null)),
    [detailId, detailOpen, version]
  )

  const layout = useLayout()
  // On a small screen the open detail pane folds the filter panel away, and gives it back after.
  const { setAutoHidden } = layout
  useEffect(() => {
    setAutoHidden(showDetail && window.innerWidth < NARROW_WIDTH)
  }, [showDetail, setAutoHidden])
  useEffect(() => () => setAutoHidden(false), [setAutoHidden])

  const onApi = useCallback((a: GridApi<MentionRow> | null) => {
    gridApi.current = a
    setApi(a)
  }, [])
  const actions = useMentionActions(
    useCallback(() => gridApi.current, []),
    useCallback(() => undefined, [])
  )
  // Ticked rows are what the keys act on, wherever the focus is inside the grid; otherwise the current row.
  const targetIds = useCallback((): number[] => {
    if (selected.length) return selected
    return currentId ? [currentId] : []
  }, [selected, currentId])

  const openResponse = useCallback(
    (ids: number[]) => {
      const d = detail.data
      const initial =
        ids.length === 1 && d && d.id === ids[0]
          ? {
              status: d.responseStatus,
              assignee: d.responseAssignee,
              note: d.responseNote,
              url: d.responseUrl
            }
          : null
      setResponse({ ids, initial })
    },
    [detail.data]
  )

  const onKeyDown = (e: KeyboardEvent): void => {
    const el = e.target as HTMLElement
    // A row's checkbox is part of the grid: keys pressed right after ticking it act on the selection.
    const rowCheckbox = el.matches('input[type="checkbox"]') && !!el.closest('.ag-row')
    if (!rowCheckbox && el.closest('input, textarea, select, dialog, .popover-panel, .ag-filter, .ag-popup'))
      return
    if (e.ctrlKey || e.metaKey || e.altKey) return
    if (e.code in KEY_SENTIMENT) {
      e.preventDefault()
      void actions.setSentiment(targetIds(), KEY_SENTIMENT[e.code] ?? null)
    } else if (e.code === 'KeyI') {
      e.preventDefault()
      const ids = targetIds()
      const d = detail.data
      const restore = ids.length === 1 && d?.id === ids[0] && !!d?.irrelevant
      void actions.setIrrelevant(ids, !restore, restore ? undefined : 'other')
    } else if (e.code === 'KeyR') {
      e.preventDefault()
      const ids = targetIds()
      if (ids.length) openResponse(ids)
    } else if (e.code === 'KeyO') {
      const url = detail.data?.url
      if (url) void call('app:openExternal', { url }).catch(() => undefined)
    } else if (e.key === 'Enter' && el.closest('.ag-row, .ag-cell')) {
      setDetailOpen(true)
    } else if (e.key === 'Escape' && detailOpen) {
      setDetailOpen(false)
    }
  }

  if (info.empty) return <WorkspaceEmpty />

  const totalZero = counts.data?.total === 0
  return (
    <section className="page page-mentions" aria-labelledby="mentions-h">
      <header className="page-head">
        <h1 id="mentions-h">{t('nav.mentions')}</h1>
        <SearchBar
          actions={
            <>
              <ColumnChooser api={api} storageKey={MENTIONS_COLUMNS_KEY} />
              <LabelForModel />
              <ExportMenu filter={fullFilter} />
            </>
          }
        />
      </header>
      {dateModel && (
        <div className="filter-chips">
          <span className="fchip">
            <span className="fchip-group">{t('grid.dateFilter')}</span>
            <span className="fchip-label">
              {day(dateModelRange(dateModel).from)} – {day(dateModelRange(dateModel).to)}
            </span>
            <button
              className="fchip-x"
              onClick={() => api?.setFilterModel(null)}
              aria-label={t('filter.remove')}
            >
              ×
            </button>
          </span>
        </div>
      )}
      {selected.length > 0 && (
        <BulkBar
          count={selected.length}
          onSentiment={(s) => void actions.setSentiment(selected, s)}
          onIrrelevant={(irr, reason) => void actions.setIrrelevant(selected, irr, reason)}
          onResponse={() => openResponse(selected)}
          onClear={() => api?.deselectAll()}
        />
      )}
      <div className={`work-area ${showDetail ? 'with-detail' : ''}`} onKeyDown={onKeyDown}>
        <div className="grid-wrap" data-testid="mentions-grid">
          <MentionsGrid
            filter={filter}
            query={query}
            dateModel={dateModel}
            onApi={onApi}
            onCurrent={setCurrentId}
            onSelection={setSelected}
            onDateModel={setDateModel}
            onError={setGridError}
            onOpen={(id) => {
              setCurrentId(id)
              setDetailOpen(true)
            }}
            onTotal={setTotal}
          />
          {gridError ? (
            <div className="grid-overlay" data-testid="grid-error">
              <ErrorNote error={gridError} onRetry={() => api?.refreshInfiniteCache()} />
            </div>
          ) : null}
          {totalZero && !gridError && (
            <div className="grid-overlay" data-testid="grid-empty">
              <EmptyState
                title={t('mentions.noMatch.title')}
                body={t('mentions.noMatch.body')}
                icon="∅"
                testId="no-match"
              />
            </div>
          )}
        </div>
        {showDetail && (
          <MentionDetail
            detail={detail.data}
            loading={detail.loading}
            error={detail.error}
            query={query}
            onRetry={detail.reload}
            onClose={() => setDetailOpen(false)}
            actions={{
              setSentiment: (ids, s) => void actions.setSentiment(ids, s),
              setIrrelevant: (ids, irr, reason) => void actions.setIrrelevant(ids, irr, reason),
              openResponse,
              showStory: (storyId) => patch({ storyId, collapseStories: false }),
              showAuthor: (id, name) => {
                patch({ authorIds: [id], names: { [`authorIds:${id}`]: name } })
                nav.go('mentions')
              },
              openMention: (id) => setCurrentId(id)
            }}
          />
        )}
      </div>
      <StatusBar
        counts={counts.error ? null : counts.data}
        loading={counts.loading}
        selected={selected.length}
      />
      <ResponseDialog
        open={response !== null}
        count={response?.ids.length ?? 0}
        initial={response?.initial ?? null}
        onClose={() => setResponse(null)}
        onSave={(p) => {
          if (response) void actions.setResponse(response.ids, p)
          setResponse(null)
        }}
      />
    </section>
  )
}
