import { useState } from 'react'
import type { GridApi } from 'ag-grid-community'
import { useColumnState } from '../hooks/useColumnState'
import { useI18n } from '../i18n'
import { Icon } from './Icon'
import { Popover } from './Popover'

/**
 * "Columns": show or hide each column (the choice is remembered with the rest of the grid state under
 * `storageKey`, the key the grid's useInfiniteGrid was given); "reset" forgets it.
 */
export function ColumnChooser({ api, storageKey }: { api: GridApi | null; storageKey: string }) {
  const { t } = useI18n()
  const columnState = useColumnState(storageKey)
  const [, force] = useState(0)
  return (
    <Popover
      label={
        <>
          <Icon name="columns" /> {t('grid.columns')}
        </>
      }
      align="right"
      testId="columns-button"
    >
      {() => (
        <div className="columns-panel">
          <div className="panel-title">{t('grid.columnsTitle')}</div>
          <ul>
            {(api?.getColumns() ?? [])
              .filter((c) => c.getColDef().headerName)
              .map((c) => (
                <li key={c.getColId()}>
                  <label className="check-row">
                    <input
                      type="checkbox"
                      checked={c.isVisible()}
                      onChange={(e) => {
                        api?.setColumnsVisible([c.getColId()], e.target.checked)
                        force((x) => x + 1)
                      }}
                    />
                    {c.getColDef().headerName}
                  </label>
                </li>
              ))}
          </ul>
          <button
            className="btn link small"
            onClick={() => {
              columnState.forget()
              api?.resetColumnState()
              force((x) => x + 1)
            }}
          >
            {t('grid.resetColumns')}
          </button>
        </div>
      )}
    </Popover>
  )
}
