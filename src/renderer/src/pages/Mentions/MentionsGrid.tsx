import { useMemo, useRef } from 'react'
import { AgGridReact } from 'ag-grid-react'
import type { GridApi, GridReadyEvent, IDatasource, IGetRowsParams } from 'ag-grid-community'
import { SORTABLE_COLUMNS, type MentionFilter, type Sort } from '../../../../shared/filter'
import type { MentionRow } from '../../../../shared/rows'
import type { QueryNode } from '../../../../shared/query'
import { call } from '../../api'
import { fitHeaders, gridColumnDefaults, gridTheme, useHeaderFontReady } from '../../components/gridTheme'
import { useCatalog } from '../../hooks/useCatalog'
import { useColumnState } from '../../hooks/useColumnState'
import { useI18n } from '../../i18n'
import { GRID_LOCALE } from '../../i18n/gridLocale'
import { mentionColumns } from './columns'
import { dateModelRange, withDateRange, type DateFilterModel } from './dateFilter'

const DEFAULT_SORT: Sort = { col: 'publishedAt', dir: 'desc' }
const BLOCK = 100
/** AG Grid's id of the checkbox column. */
const SELECTION_COLUMN = 'ag-Grid-SelectionColumn'

/**
 * The mentions grid: AG Grid's infinite row model over SQL. Only the visible blocks are ever in the
 * renderer; sorting and the date column's filter are done by main.
 */
export function MentionsGrid({
  filter,
  query,
  dateModel,
  onApi,
  onCurrent,
  onSelection,
  onDateModel,
  onError,
  onOpen,
  onTotal
}: {
  filter: MentionFilter
  query: QueryNode | null
  dateModel: DateFilterModel | null
  onApi: (api: GridApi<MentionRow> | null) => void
  onCurrent: (id: number | null) => void
  onSelection: (ids: number[]) => void
  onDateModel: (m: DateFilterModel | null) => void
  onError: (e: unknown) => void
  onOpen: (id: number) => void
  onTotal: (n: number | null) => void
}) {
  const i18n = useI18n()
  const columnState = useColumnState('otklik.grid.mentions.v1')
  const apiRef = useRef<GridApi<MentionRow> | null>(null)
  const cat = useCatalog()
  const fontReady = useHeaderFontReady()
  const columnDefs = useMemo(
    () =>
      fitHeaders(
        mentionColumns(i18n, query, (name) => cat.topicLabel(name, i18n.lang)),
        fontReady
      ),
    [i18n, query, cat, fontReady]
  )

  const datasource = useMemo<IDatasource>(
    () => ({
      getRows: (p: IGetRowsParams) => {
        const s = p.sortModel[0]
        const sort: Sort =
          s && (SORTABLE_COLUMNS as readonly string[]).includes(s.colId)
            ? { col: s.colId as Sort['col'], dir: s.sort }
            : DEFAULT_SORT
        const model = (p.filterModel as Record<string, DateFilterModel | undefined>).publishedAt
        const f = withDateRange(filter, dateModelRange(model))
        call('mentions:page', { filter: f, sort, startRow: p.startRow, endRow: p.endRow })
          .then((page) => {
            // Without a total, a short block means the end of the list.
            const last =
              page.total ?? (page.rows.length < p.endRow - p.startRow ? p.startRow + page.rows.length : -1)
            p.successCallback(page.rows, last)
            if (p.startRow === 0) onTotal(page.total)
            onError(null)
          })
          .catch((e: unknown) => {
            onError(e)
            p.failCallback()
          })
      }
    }),
    // A new datasource (new filter) makes the grid start again from the top.
    [filter, onError, onTotal]
  )

  // The grid is re-created on a language switch: this restores what the user had.
  const onGridReady = (e: GridReadyEvent<MentionRow>): void => {
    apiRef.current = e.api
    columnState.restore(e.api)
    if (dateModel) e.api.setFilterModel({ publishedAt: dateModel })
    onApi(e.api)
  }
  const save = (): void => {
    if (apiRef.current) columnState.save(apiRef.current)
  }

  return (
    <AgGridReact<MentionRow>
      key={i18n.lang}
      theme={gridTheme}
      localeText={GRID_LOCALE[i18n.lang]}
      rowModelType="infinite"
      datasource={datasource}
      columnDefs={columnDefs}
      defaultColDef={gridColumnDefaults}
      cacheBlockSize={BLOCK}
      maxBlocksInCache={10}
      rowHeight={50}
      headerHeight={36}
      tooltipShowDelay={600}
      rowSelection={{
        mode: 'multiRow',
        checkboxes: true,
        headerCheckbox: false,
        enableClickSelection: false
      }}
      selectionColumnDef={{ width: 40, minWidth: 40, pinned: 'left', suppressHeaderMenuButton: true }}
      getRowId={(p) => String(p.data.id)}
      rowClassRules={{ 'row-irrelevant': (p) => !!p.data?.irrelevant }}
      onGridReady={onGridReady}
      onGridPreDestroyed={() => onApi(null)}
      onColumnResized={(e) => e.finished && save()}
      onColumnMoved={(e) => e.finished && save()}
      onColumnVisible={save}
      onSortChanged={save}
      onFilterChanged={(e) => {
        const m = (e.api.getFilterModel() as Record<string, DateFilterModel | undefined>).publishedAt
        onDateModel(m ?? null)
      }}
      onCellFocused={(e) => {
        if (e.rowIndex === null || e.rowIndex === undefined) return
        // Ticking a row's checkbox selects it; it does not open the publication.
        const col = typeof e.column === 'string' ? e.column : e.column?.getColId()
        if (col === SELECTION_COLUMN) return
        const node = e.api.getDisplayedRowAtIndex(e.rowIndex)
        onCurrent(node?.data?.id ?? null)
      }}
      onCellClicked={(e) => e.data && e.column.getColId() !== SELECTION_COLUMN && onCurrent(e.data.id)}
      onRowDoubleClicked={(e) => e.data && onOpen(e.data.id)}
      onSelectionChanged={(e) =>
        onSelection(e.api.getSelectedNodes().flatMap((n) => (n.data ? [n.data.id] : [])))
      }
    />
  )
}
