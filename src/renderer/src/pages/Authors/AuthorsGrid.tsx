import { useMemo, useRef } from 'react'
import { AgGridReact } from 'ag-grid-react'
import type { GridApi, GridReadyEvent, IDatasource, IGetRowsParams } from 'ag-grid-community'
import type { MentionFilter } from '../../../../shared/filter'
import { AUTHOR_SORT_COLUMNS, type AuthorRow, type AuthorsPage } from '../../../../shared/views'
import type { Lean } from '../../../../shared/lean'
import { call, type Input } from '../../api'
import { fitHeaders, gridColumnDefaults, gridTheme, useHeaderFontReady } from '../../components/gridTheme'
import { useColumnState } from '../../hooks/useColumnState'
import { useI18n } from '../../i18n'
import { GRID_LOCALE } from '../../i18n/gridLocale'
import { authorColumns } from './columns'

type AuthorSort = Input<'authors:list'>['sort']
const SORT_COLS: readonly string[] = AUTHOR_SORT_COLUMNS

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
  const apiRef = useRef<GridApi<AuthorRow> | null>(null)
  const columnState = useColumnState('otklik.grid.authors.v1')
  const openRef = useRef(onOpen)
  openRef.current = onOpen
  const fontReady = useHeaderFontReady()
  const columnDefs = useMemo(
    () =>
      fitHeaders(
        authorColumns(i18n, (r) => openRef.current(r)),
        fontReady
      ),
    [i18n, fontReady]
  )
  const datasource = useMemo<IDatasource>(
    () => ({
      getRows: (p: IGetRowsParams) => {
        const s = p.sortModel[0]
        const sort: AuthorSort =
          s && SORT_COLS.includes(s.colId)
            ? { col: s.colId as AuthorSort['col'], dir: s.sort }
            : { col: 'mentions', dir: 'desc' }
        call('authors:list', {
          filter,
          sort,
          ...(lean ? { lean } : {}),
          startRow: p.startRow,
          endRow: p.endRow
        })
          .then((page) => {
            p.successCallback(page.rows, page.total)
            if (p.startRow === 0) onPage({ rule: page.rule, total: page.total })
            onError(null)
          })
          .catch((e: unknown) => {
            onError(e)
            p.failCallback()
          })
      }
    }),
    [filter, lean, onPage, onError]
  )
  const onGridReady = (e: GridReadyEvent<AuthorRow>): void => {
    apiRef.current = e.api
    columnState.restore(e.api)
    onApi(e.api)
  }
  const save = (): void => {
    if (apiRef.current) columnState.save(apiRef.current)
  }
  return (
    <AgGridReact<AuthorRow>
      key={i18n.lang}
      theme={gridTheme}
      localeText={GRID_LOCALE[i18n.lang]}
      rowModelType="infinite"
      datasource={datasource}
      columnDefs={columnDefs}
      defaultColDef={gridColumnDefaults}
      cacheBlockSize={100}
      maxBlocksInCache={10}
      rowHeight={40}
      headerHeight={36}
      rowSelection={{
        mode: 'multiRow',
        checkboxes: true,
        headerCheckbox: false,
        enableClickSelection: false
      }}
      selectionColumnDef={{ width: 44, pinned: 'left' }}
      getRowId={(p) => String(p.data.id)}
      rowClassRules={{
        'lean-negative': (p) => p.data?.lean === 'critic',
        'lean-positive': (p) => p.data?.lean === 'supporter'
      }}
      onGridReady={onGridReady}
      onGridPreDestroyed={() => onApi(null)}
      onColumnResized={(e) => e.finished && save()}
      onColumnMoved={(e) => e.finished && save()}
      onColumnVisible={save}
      onSortChanged={save}
      onCellKeyDown={(e) => {
        const k = e.event as KeyboardEvent | undefined
        if (k?.key === 'Enter' && e.data) openRef.current(e.data)
      }}
      onRowDoubleClicked={(e) => e.data && openRef.current(e.data)}
      onSelectionChanged={(e) =>
        onSelection(e.api.getSelectedNodes().flatMap((n) => (n.data ? [n.data] : [])))
      }
    />
  )
}
