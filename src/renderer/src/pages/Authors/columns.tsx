import type { ColDef } from 'ag-grid-community'
import type { AuthorRow } from '../../../../shared/views'
import type { Lean } from '../../../../shared/lean'
import { PlatformIcon } from '../../components/cells'
import type { I18n } from '../../i18n'

/** Orange for critics, blue for supporters (styles/grid.css). */
export const LEAN_CLASS: Record<Lean, string> = { critic: 'lean-negative', supporter: 'lean-positive' }

/** The authors grid's columns: every one sortable by main (authors:list sort). */
export function authorColumns(i18n: I18n, onOpen: (row: AuthorRow) => void): ColDef<AuthorRow>[] {
  const { t, tx, num, pct, date } = i18n
  // Flexible widths over small minimums, so every column fits a 1366-pixel screen (with the filter
  // panel open) and a wider window gives the room to all of them; fitHeaders raises a minimum to the
  // header's longest word.
  const count = (colId: keyof AuthorRow, header: string, minWidth = 72, cls?: string): ColDef<AuthorRow> => ({
    colId,
    field: colId,
    headerName: header,
    flex: 1,
    minWidth,
    sortable: true,
    type: 'rightAligned',
    cellClass: cls ? ['ag-right-aligned-cell', cls] : 'ag-right-aligned-cell',
    valueFormatter: (p) => (p.data ? num(p.value as number | null) : '')
  })
  return [
    {
      colId: 'name',
      field: 'name',
      headerName: t('authors.col.name'),
      flex: 3,
      minWidth: 160,
      sortable: true,
      cellRenderer: (p: { data?: AuthorRow }) =>
        p.data ? (
          <span className="author-cell">
            <button
              className="btn link author-link"
              onClick={() => onOpen(p.data!)}
              title={t('authors.openMentions')}
              tabIndex={-1}
            >
              {p.data.name}
            </button>
            {p.data.mergedCount > 0 && (
              <span className="tag" title={t('authors.mergedTip')}>
                +{p.data.mergedCount}
              </span>
            )}
            {p.data.lean && (
              <span className={`lean-mark ${LEAN_CLASS[p.data.lean]}`}>
                {tx(`authors.lean.${p.data.lean}`)}
              </span>
            )}
          </span>
        ) : null
    },
    {
      colId: 'platform',
      field: 'platform',
      headerName: t('col.platform'),
      headerTooltip: t('col.platform'),
      headerClass: 'header-icon-only',
      width: 52,
      sortable: true,
      cellRenderer: (p: { value?: string }) => (p.value ? <PlatformIcon platform={p.value} /> : null)
    },
    {
      colId: 'type',
      field: 'type',
      headerName: t('authors.col.type'),
      flex: 1.3,
      minWidth: 96,
      sortable: true,
      valueFormatter: (p) => tx(`authorType.${String(p.value)}`, String(p.value ?? ''))
    },
    count('followers', t('authors.col.followers')),
    count('mentions', t('authors.col.mentions')),
    count('negative', t('sentiment.negative'), 64, 'num-neg'),
    count('neutral', t('sentiment.neutral'), 64),
    count('positive', t('sentiment.positive'), 64, 'num-pos'),
    {
      colId: 'negShare',
      field: 'negShare',
      headerName: t('authors.col.negShare'),
      headerTooltip: t('authors.col.negShareTip'),
      flex: 1.3,
      minWidth: 96,
      sortable: true,
      cellRenderer: (p: { value?: number | null; data?: AuthorRow }) =>
        p.value === null || p.value === undefined ? (
          <span className="muted">—</span>
        ) : (
          <span
            className="share-cell"
            data-testid="share-cell"
            title={
              p.data
                ? t('authors.share.tip', {
                    neg: num(p.data.negative),
                    n: num(p.data.labelled),
                    share: pct(p.value),
                    low: pct(p.data.negLow)
                  })
                : undefined
            }
          >
            <span className="share-bar" aria-hidden="true">
              <span style={{ width: `${Math.round(p.value * 100)}%` }} />
            </span>
            {pct(p.value)}
          </span>
        )
    },
    { ...count('reach', t('col.reach')), hide: true },
    {
      colId: 'lastAt',
      field: 'lastAt',
      headerName: t('authors.col.lastAt'),
      flex: 1,
      minWidth: 84,
      sortable: true,
      valueFormatter: (p) => (p.data ? date(p.value as number | null) : '')
    }
  ]
}
