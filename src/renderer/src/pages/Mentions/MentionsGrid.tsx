import { useCallback, useMemo } from 'react'
import { AgGridReact } from 'ag-grid-react'
import type { GridApi } from 'ag-grid-community'
import { SORTABLE_COLUMNS, type MentionFilter, type Sort } from '../../../../shared/filter'
import type { MentionRow } from '../../../../shared/rows'
import type { QueryNode } from '../../../../shared/query'
import { call } from '../../api'
import { useCatalog } from '../../hooks/useCatalog'
import { useInfiniteGrid, type BlockRequest, type GridBlock } from '../../hooks/useInfiniteGrid'
import { useI18n } from '../../i18n'
import { mentionColumns } from './columns'
import { dateModelRange, withDateRange, type DateFilterModel } from './dateFilter'

/** Where the grid keeps its columns. */
export const MENTIONS_COLUMNS_KEY = 'otklik.grid.mentions.v1'
const DEFAULT_SORT: Sort = { col: 'publishedAt', dir: 'desc' }
/** AG Grid's id of the checkbox column. */
const SELECTION_COLUMN = 'ag-Grid-SelectionColumn'

/**
 * The mentions grid: AG Grid's infinite row model over SQL (useInfiniteGrid). Sorting and the date
 * column's filter are done by main.
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
  const cat = useCatalog()
  const columns = useMemo(
    () => mentionColumns(i18n, query, (name) => cat.topicLabel(name, i18n.lang)),
    [i18n, query, cat]
  )
  // A new getBlock (new filter) makes the grid start again from the top.
  const getBlock = useCallback(
    async (p: BlockRequest): Promise<GridBlock<MentionRow>> => {
      const s = p.sortModel[0]
      const sort: Sort =
        s && (SORTABLE_COLUMNS as readonly string[]).includes(s.colId)
          ? { col: s.colId as Sort['col'], dir: s.sort }
          : DEFAULT_SORT
      const model = (p.filterModel as Record<string, DateFilterModel | undefined>).publishedAt
      const f = withDateRange(filter, dateModelRange(model))
      const page = await call('mentions:page', { filter: f, sort, startRow: p.startRow, endRow: p.endRow })
      if (p.startRow === 0) onTotal(page.total)
      // Without a total, a short block means the end of the list.
      const lastRow =
        page.total ?? (page.rows.length < p.endRow - p.startRow ? p.startRow + page.rows.length : -1)
      return { rows: page.rows, lastRow }
    },
    [filter, onTotal]
  )
  const grid = useInfiniteGrid<MentionRow>({
    storageKey: MENTIONS_COLUMNS_KEY,
    columns,
    getBlock,
    onApi,
    onSelection: (rows) => onSelection(rows.map((r) => r.id)),
    onError,
    // The date filter survives the grid's re-creation on a language switch.
    onReady: (api) => {
      if (dateModel) api.setFilterModel({ publishedAt: dateModel })
    }
  })

  return (
    <AgGridReact<MentionRow>
      key={grid.key}
      {...grid.props}
      rowHeight={50}
      tooltipShowDelay={600}
      rowClassRules={{ 'row-irrelevant': (p) => !!p.data?.irrelevant }}
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
    />
  )
}
