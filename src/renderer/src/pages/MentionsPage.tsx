import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { AgGridReact } from 'ag-grid-react'
import {
  AllCommunityModule,
  ModuleRegistry,
  themeQuartz,
  type ColDef,
  type GridReadyEvent,
  type IDatasource,
  type IGetRowsParams,
  type GridApi
} from 'ag-grid-community'
import type { AppInfo } from '../../../shared/api'
import type { MentionFilter, Sort } from '../../../shared/filter'
import type { MentionRow } from '../../../shared/rows'
import { addDays, dateInZone, formatDateTime } from '../../../shared/time'
import { call, onEvent } from '../api'
import { useI18n } from '../i18n'
import { PlatformBadge, SentimentBadge, TextCell } from '../components/cells'

ModuleRegistry.registerModules([AllCommunityModule])

const gridTheme = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 13,
  headerFontWeight: 600,
  borderColor: 'var(--line)',
  headerBackgroundColor: 'var(--surface-2)',
  rowHoverColor: 'var(--hover)',
  selectedRowBackgroundColor: 'var(--selected)',
  accentColor: 'var(--accent)',
  wrapperBorderRadius: 8,
  spacing: 6
})

type Period = 'all' | '7d' | '30d'
type Counts = { total: number; negative: number; neutral: number; positive: number; unlabelled: number }

export function MentionsPage({ info, timeZone }: { info: AppInfo; timeZone: string }) {
  const { t, num } = useI18n()
  const [empty, setEmpty] = useState(info.empty)
  const [creating, setCreating] = useState(false)
  const [period, setPeriod] = useState<Period>('all')
  const [sentiments, setSentiments] = useState<MentionFilter['sentiments']>([])
  const [searchText, setSearchText] = useState('')
  const [search, setSearch] = useState('')
  const [counts, setCounts] = useState<Counts | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [version, setVersion] = useState(0)
  const gridApi = useRef<GridApi<MentionRow> | null>(null)

  const filter = useMemo<MentionFilter>(() => {
    const f: MentionFilter = {}
    if (period !== 'all') {
      const today = dateInZone(Date.now(), timeZone)
      f.from = addDays(today, period === '7d' ? -6 : -29)
      f.to = today
    }
    if (sentiments?.length) f.sentiments = sentiments
    if (search.trim()) f.search = search.trim()
    return f
  }, [period, sentiments, search, timeZone])

  useEffect(() => {
    let live = true
    setCounts(null)
    call('mentions:counts', { filter })
      .then((c) => {
        if (live) {
          setCounts(c)
          setError(null)
        }
      })
      .catch((e: Error) => live && setError(e.message))
    return () => {
      live = false
    }
  }, [filter, version])

  useEffect(
    () =>
      onEvent('mentions:changed', () => {
        setEmpty(false)
        setVersion((v) => v + 1)
      }),
    []
  )

  const datasource = useMemo<IDatasource>(
    () => ({
      getRows: (params: IGetRowsParams) => {
        const s = params.sortModel[0]
        const sort: Sort = s
          ? { col: s.colId as Sort['col'], dir: s.sort }
          : { col: 'publishedAt', dir: 'desc' }
        call('mentions:page', { filter, sort, startRow: params.startRow, endRow: params.endRow })
          .then((page) => params.successCallback(page.rows, page.total ?? -1))
          .catch((e: Error) => {
            setError(e.message)
            params.failCallback()
          })
      }
    }),
    // `version` changes when new rows arrive: a fresh datasource reloads the visible blocks
    [filter, version]
  )

  const columnDefs = useMemo<ColDef<MentionRow>[]>(
    () => [
      {
        colId: 'publishedAt',
        field: 'publishedAt',
        headerName: t('col.publishedAt'),
        width: 138,
        sortable: true,
        sort: 'desc',
        valueFormatter: (p) => (p.value ? formatDateTime(p.value as number, timeZone) : '')
      },
      {
        colId: 'platform',
        field: 'platform',
        headerName: t('col.platform'),
        width: 128,
        sortable: true,
        cellRenderer: (p: { value: string }) => (p.value ? <PlatformBadge platform={p.value} /> : null)
      },
      { colId: 'outlet', field: 'outlet', headerName: t('col.outlet'), width: 160, sortable: false },
      { colId: 'author', field: 'author', headerName: t('col.author'), width: 150, sortable: false },
      {
        colId: 'text',
        field: 'snippet',
        headerName: t('col.text'),
        flex: 1,
        minWidth: 260,
        sortable: false,
        cellRenderer: (p: { data?: MentionRow }) => (p.data ? <TextCell row={p.data} /> : null)
      },
      {
        colId: 'sentiment',
        field: 'sentiment',
        headerName: t('col.sentiment'),
        width: 140,
        sortable: true,
        cellRenderer: (p: { data?: MentionRow }) =>
          p.data ? <SentimentBadge value={p.data.sentiment} origin={p.data.sentimentOrigin} /> : null
      },
      {
        colId: 'topics',
        field: 'topics',
        headerName: t('col.topics'),
        width: 150,
        sortable: false,
        valueFormatter: (p) => ((p.value as string[] | undefined) ?? []).join(', ')
      },
      {
        colId: 'reach',
        field: 'reach',
        headerName: t('col.reach'),
        width: 96,
        sortable: true,
        type: 'rightAligned',
        valueFormatter: (p) => num(p.value as number | null)
      },
      {
        colId: 'engagement',
        field: 'engagement',
        headerName: t('col.engagement'),
        width: 112,
        sortable: true,
        type: 'rightAligned',
        valueFormatter: (p) => num(p.value as number | null)
      },
      {
        colId: 'storySize',
        field: 'storySize',
        headerName: t('col.storySize'),
        width: 80,
        sortable: true,
        type: 'rightAligned',
        valueFormatter: (p) => ((p.value as number) > 1 ? `×${p.value as number}` : '')
      }
    ],
    [t, num, timeZone]
  )

  const onGridReady = useCallback((e: GridReadyEvent<MentionRow>) => {
    gridApi.current = e.api
  }, [])

  const createDemo = async (): Promise<void> => {
    setCreating(true)
    try {
      await call('demo:create', {})
      setEmpty(false)
      setVersion((v) => v + 1)
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setCreating(false)
    }
  }

  if (empty)
    return (
      <section className="page">
        <header className="page-head">
          <h1>{t('mentions.title')}</h1>
        </header>
        <div className="empty-state" data-testid="empty-state">
          <div className="empty-illustration" aria-hidden="true">
            ◎
          </div>
          <h2>{t('empty.title')}</h2>
          <p>{t('empty.body')}</p>
          <button className="btn primary" onClick={createDemo} disabled={creating} data-testid="create-demo">
            {creating ? t('empty.creating') : t('empty.demo')}
          </button>
          {error && <p className="error-text">{t('error.generic', { message: error })}</p>}
        </div>
      </section>
    )

  const toggleSentiment = (s: 'negative' | 'neutral' | 'positive'): void =>
    setSentiments((cur) => (cur?.includes(s) ? cur.filter((x) => x !== s) : [...(cur ?? []), s]))

  return (
    <section className="page">
      <header className="page-head">
        <h1>{t('mentions.title')}</h1>
        <form
          className="search"
          role="search"
          onSubmit={(e) => {
            e.preventDefault()
            setSearch(searchText)
          }}
        >
          <input
            type="search"
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
            placeholder={t('mentions.search.placeholder')}
            aria-label={t('mentions.search.apply')}
            data-testid="search-input"
          />
          <button className="btn" type="submit">
            {t('mentions.search.apply')}
          </button>
        </form>
      </header>
      <div className="toolbar">
        <div className="segmented" role="group" aria-label={t('period.label')}>
          {(['all', '30d', '7d'] as Period[]).map((p) => (
            <button
              key={p}
              className={period === p ? 'on' : ''}
              onClick={() => setPeriod(p)}
              aria-pressed={period === p}
            >
              {t(`period.${p}`)}
            </button>
          ))}
        </div>
        <div className="chips" role="group" aria-label={t('col.sentiment')}>
          {(['negative', 'neutral', 'positive'] as const).map((s) => (
            <button
              key={s}
              className={`chip chip-${s} ${sentiments?.includes(s) ? 'on' : ''}`}
              onClick={() => toggleSentiment(s)}
              aria-pressed={sentiments?.includes(s) ?? false}
              data-testid={`filter-${s}`}
            >
              <span className="dot" aria-hidden="true" />
              {t(`sentiment.${s}`)}
              {counts && <span className="chip-count">{num(counts[s])}</span>}
            </button>
          ))}
        </div>
      </div>
      {error && (
        <div className="banner error" role="alert">
          {t('error.generic', { message: error })}
        </div>
      )}
      <div className="grid-wrap" data-testid="mentions-grid">
        <AgGridReact<MentionRow>
          theme={gridTheme}
          rowModelType="infinite"
          datasource={datasource}
          columnDefs={columnDefs}
          cacheBlockSize={100}
          maxBlocksInCache={20}
          rowHeight={40}
          headerHeight={38}
          getRowId={(p) => String(p.data.id)}
          onGridReady={onGridReady}
          overlayNoRowsTemplate={`<span class="grid-empty">${t('empty.noMatch')}</span>`}
        />
      </div>
      <footer className="statusbar" data-testid="statusbar">
        {counts ? (
          <>
            <span data-testid="total-count">{t('status.total', { n: counts.total })}</span>
            <span className="sep" />
            <span className="s-neg">
              {t('sentiment.negative')}: {num(counts.negative)}
            </span>
            <span className="s-neu">
              {t('sentiment.neutral')}: {num(counts.neutral)}
            </span>
            <span className="s-pos">
              {t('sentiment.positive')}: {num(counts.positive)}
            </span>
            {counts.unlabelled > 0 && (
              <span>
                {t('sentiment.unlabelled')}: {num(counts.unlabelled)}
              </span>
            )}
          </>
        ) : (
          <span>{t('status.loading')}</span>
        )}
      </footer>
    </section>
  )
}
