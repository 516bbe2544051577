import { useEffect, useMemo, useRef } from 'react'
import type { AgGridReactProps } from 'ag-grid-react'
import type { ColDef, GridApi, GridReadyEvent, IDatasource, IGetRowsParams } from 'ag-grid-community'
import { fitHeaders, gridColumnDefaults, gridTheme, useHeaderFontReady } from '../components/gridTheme'
import { useI18n } from '../i18n'
import { GRID_LOCALE } from '../i18n/gridLocale'
import { useColumnState } from './useColumnState'
import { useDataVersion } from './useDataVersion'

/** Rows per block the grid asks main for; ten blocks stay in the renderer. */
export const GRID_BLOCK = 100

/** One block of rows from main, and the list's length when it is known (-1: not yet). */
export interface GridBlock<Row> {
  rows: Row[]
  lastRow: number
}

/** The grid's request for one block: rows startRow..endRow in the grid's sort and column filters. */
export type BlockRequest = Pick<IGetRowsParams, 'startRow' | 'endRow' | 'sortModel' | 'filterModel'>

export interface InfiniteGridOptions<Row extends { id: number }> {
  /** localStorage key of the column choice, order, widths and sort. */
  storageKey: string
  columns: ColDef<Row>[]
  /**
   * Asks main for one block. A new function (new filter) makes the grid start again from the top,
   * so keep it stable (`useCallback`) between filter changes.
   */
  getBlock(req: BlockRequest): Promise<GridBlock<Row>>
  onApi(api: GridApi<Row> | null): void
  onSelection(rows: Row[]): void
  /** null after a block arrived, the error when one failed. */
  onError(e: unknown): void
  /** Called once the grid exists (after the saved columns were restored). */
  onReady?(api: GridApi<Row>): void
}

/**
 * An AG Grid over SQL with the infinite row model: only the visible blocks are ever in the renderer;
 * main sorts, filters and counts. The grid remembers its columns (`storageKey`), reloads the visible
 * blocks in place when main says mentions changed, selects with checkboxes, and is re-created on a
 * language switch (spread `props` and put `key` on `<AgGridReact>`). Used by the Mentions and Authors
 * grids, which add only their columns, row classes and clicks.
 */
export function useInfiniteGrid<Row extends { id: number }>(o: InfiniteGridOptions<Row>) {
  const i18n = useI18n()
  const columnState = useColumnState(o.storageKey)
  const apiRef = useRef<GridApi<Row> | null>(null)
  const fontReady = useHeaderFontReady()
  const columnDefs = useMemo(() => fitHeaders(o.columns, fontReady), [o.columns, fontReady])
  const { getBlock, onError, onApi, onReady } = o
  const datasource = useMemo<IDatasource>(
    () => ({
      getRows: (p: IGetRowsParams) => {
        getBlock(p)
          .then((b) => {
            p.successCallback(b.rows, b.lastRow)
            onError(null)
          })
          .catch((e: unknown) => {
            onError(e)
            p.failCallback()
          })
      }
    }),
    [getBlock, onError]
  )

  // Imports, collection and edits in other windows change rows: reload the visible blocks in place.
  const { version } = useDataVersion()
  const firstVersion = useRef(version)
  useEffect(() => {
    if (version !== firstVersion.current) apiRef.current?.refreshInfiniteCache()
  }, [version])

  const save = (): void => {
    if (apiRef.current) columnState.save(apiRef.current)
  }
  const props: AgGridReactProps<Row> = {
    theme: gridTheme,
    localeText: GRID_LOCALE[i18n.lang],
    rowModelType: 'infinite',
    datasource,
    columnDefs,
    defaultColDef: gridColumnDefaults,
    cacheBlockSize: GRID_BLOCK,
    maxBlocksInCache: 10,
    headerHeight: 36,
    rowSelection: { mode: 'multiRow', checkboxes: true, headerCheckbox: false, enableClickSelection: false },
    selectionColumnDef: { width: 40, minWidth: 40, pinned: 'left', suppressHeaderMenuButton: true },
    getRowId: (p) => String(p.data.id),
    // The grid is re-created on a language switch: this restores what the user had.
    onGridReady: (e: GridReadyEvent<Row>) => {
      apiRef.current = e.api
      columnState.restore(e.api)
      onReady?.(e.api)
      onApi(e.api)
    },
    onGridPreDestroyed: () => {
      apiRef.current = null
      onApi(null)
    },
    onColumnResized: (e) => e.finished && save(),
    onColumnMoved: (e) => e.finished && save(),
    onColumnVisible: save,
    onSortChanged: save,
    onSelectionChanged: (e) => o.onSelection(e.api.getSelectedNodes().flatMap((n) => (n.data ? [n.data] : [])))
  }
  return { key: i18n.lang, props }
}
