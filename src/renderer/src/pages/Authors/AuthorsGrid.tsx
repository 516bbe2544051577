import { useCallback, useMemo, useRef } from 'react'
import { AgGridReact } from 'ag-grid-react'
import type { GridApi } from 'ag-grid-community'
import type { MentionFilter } from '../../../../shared/filter'
import { AUTHOR_SORT_COLUMNS, type AuthorRow, type AuthorsPage } from '../../../../shared/views'
import type { Lean } from '../../../../shared/lean'
import { call, type Input } from '../../api'
import { useInfiniteGrid, type BlockRequest, type GridBlock } from '../../hooks/useInfiniteGrid'
import { useI18n } from '../../i18n'
import { authorColumns } from './columns'

type AuthorSort = Input<'authors:list'>['sort']
const SORT_COLS: readonly string[] = AUTHOR_SORT_COLUMNS
/** Where the grid keeps its columns (v2: flexible widths; a v1 state held fixed ones). */
export const AUTHORS_COLUMNS_KEY = 'otklik.grid.authors.v2'

/** One row per author over the shared filter (infinite row model; main sorts and counts). */
export function AuthorsGrid({
  filter,
  lean,
  onApi,
  onSelection,
  onOpen,
  onPage,
  onError
}: {
  filter: MentionFilter
  /** Only critics or only supporters; null: everyone. */
  lean: Lean | null
  onApi: (api: GridApi<AuthorRow> | null) => void
  onSelection: (rows: AuthorRow[]) => void
  onOpen: (row: AuthorRow) => void
  onPage: (p: Pick<AuthorsPage, 'rule' | 'total'>) => void
  onError: (e: unknown) => void
}) {
  const i18n = useI18n()
  const openRef = useRef(onOpen)
  openRef.current = onOpen
  const columns = useMemo(() => authorColumns(i18n, (r) => openRef.current(r)), [i18n])
  const getBlock = useCallback(
    async (p: BlockRequest): Promise<GridBlock<AuthorRow>> => {
      const s = p.sortModel[0]
      const sort: AuthorSort =
        s && SORT_COLS.includes(s.colId)
          ? { col: s.colId as AuthorSort['col'], dir: s.sort }
          : { col: 'mentions', dir: 'desc' }
      const page = await call('authors:list', {
        filter,
        sort,
        ...(lean ? { lean } : {}),
        startRow: p.startRow,
        endRow: p.endRow
      })
      if (p.startRow === 0) onPage({ rule: page.rule, total: page.total })
      return { rows: page.rows, lastRow: page.total }
    },
    [filter, lean, onPage]
  )
  const grid = useInfiniteGrid<AuthorRow>({
    storageKey: AUTHORS_COLUMNS_KEY,
    columns,
    getBlock,
    onApi,
    onSelection,
    onError
  })
  return (
    <AgGridReact<AuthorRow>
      key={grid.key}
      {...grid.props}
      rowHeight={40}
      rowClassRules={{
        'lean-negative': (p) => p.data?.lean === 'critic',
        'lean-positive': (p) => p.data?.lean === 'supporter'
      }}
      onCellKeyDown={(e) => {
        const k = e.event as KeyboardEvent | undefined
        if (k?.key === 'Enter' && e.data) openRef.current(e.data)
      }}
      onRowDoubleClicked={(e) => e.data && openRef.current(e.data)}
    />
  )
}
