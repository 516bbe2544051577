import type { ColDef, ValueFormatterParams } from 'ag-grid-community'
import type { MentionRow } from '../../../../shared/rows'
import type { QueryNode } from '../../../../shared/query'
import { PlatformIcon, ResponseBadge, SentimentBadge, TextCell } from '../../components/cells'
import type { I18n } from '../../i18n'

/** Columns hidden until the user picks them in "Columns". */
export const HIDDEN_BY_DEFAULT = new Set([
  'author',
  'subjects',
  'views',
  'likes',
  'reposts',
  'comments',
  'engagement',
  'response',
  'kind'
])

/** The mentions grid's columns; sortable exactly where main can sort (SORTABLE_COLUMNS). */
export function mentionColumns(
  i18n: I18n,
  query: QueryNode | null,
  topicLabel: (name: string) => string
): ColDef<MentionRow>[] {
  const { t, tx, num, dateTime } = i18n
  const numCol = (colId: keyof MentionRow, header: string, width = 96): ColDef<MentionRow> => ({
    colId,
    field: colId,
    headerName: header,
    width,
    sortable: true,
    type: 'rightAligned',
    hide: HIDDEN_BY_DEFAULT.has(colId),
    valueFormatter: (p: ValueFormatterParams<MentionRow>) => (p.data ? num(p.value as number | null) : '')
  })
  return [
    {
      colId: 'publishedAt',
      field: 'publishedAt',
      headerName: t('col.publishedAt'),
      width: 110,
      sortable: true,
      sort: 'desc',
      filter: 'agDateColumnFilter',
      filterParams: {
        filterOptions: ['inRange', 'equals', 'greaterThan', 'lessThan'],
        maxNumConditions: 1,
        buttons: ['reset', 'apply'],
        closeOnApply: true
      },
      valueFormatter: (p) => (p.data ? dateTime(p.value as number) : '')
    },
    {
      colId: 'platform',
      field: 'platform',
      headerName: t('col.platform'),
      headerTooltip: t('col.platform'),
      headerClass: 'header-icon-only',
      width: 58,
      sortable: true,
      cellRenderer: (p: { value?: string }) => (p.value ? <PlatformIcon platform={p.value} /> : null)
    },
    {
      colId: 'outlet',
      field: 'outlet',
      headerName: t('col.outlet'),
      width: 152,
      sortable: false,
      tooltipValueGetter: (p) => [p.data?.outlet, p.data?.author].filter(Boolean).join(' · '),
      // The source, and under it the author when that is someone else (a commenter, a channel's writer).
      cellRenderer: (p: { data?: MentionRow }) =>
        p.data ? (
          <span className="two-lines">
            <span className="line-1">{p.data.outlet ?? p.data.author ?? '—'}</span>
            {p.data.author && p.data.outlet && p.data.author !== p.data.outlet && (
              <span className="line-2">{p.data.author}</span>
            )}
          </span>
        ) : null
    },
    {
      colId: 'author',
      field: 'author',
      headerName: t('col.author'),
      width: 140,
      sortable: false,
      hide: true,
      tooltipField: 'author'
    },
    {
      colId: 'sentiment',
      field: 'sentiment',
      headerName: t('col.sentiment'),
      width: 122,
      sortable: true,
      cellRenderer: (p: { data?: MentionRow }) =>
        p.data ? <SentimentBadge value={p.data.sentiment} origin={p.data.sentimentOrigin} /> : null
    },
    {
      colId: 'text',
      field: 'snippet',
      headerName: t('col.text'),
      flex: 1,
      minWidth: 220,
      sortable: false,
      cellRenderer: (p: { data?: MentionRow }) =>
        p.data ? (
          <div className="text-wrap">
            {p.data.irrelevant && <span className="tag tag-muted">{t('mention.irrelevantTag')}</span>}
            {p.data.responseStatus && <ResponseBadge status={p.data.responseStatus} />}
            <TextCell row={p.data} query={query} />
          </div>
        ) : null
    },
    {
      colId: 'topics',
      field: 'topics',
      headerName: t('col.topics'),
      width: 124,
      sortable: false,
      cellRenderer: (p: { value?: string[] }) => <TopicLines items={(p.value ?? []).map(topicLabel)} />,
      tooltipValueGetter: (p) => ((p.value as string[] | undefined) ?? []).map(topicLabel).join(', ')
    },
    {
      colId: 'subjects',
      field: 'subjects',
      headerName: t('col.subjects'),
      width: 140,
      sortable: false,
      hide: true,
      valueFormatter: (p) => ((p.value as string[] | undefined) ?? []).join(', ')
    },
    {
      colId: 'response',
      field: 'responseStatus',
      headerName: t('col.response'),
      width: 120,
      sortable: false,
      hide: true,
      cellRenderer: (p: { data?: MentionRow }) =>
        p.data ? <ResponseBadge status={p.data.responseStatus} /> : null
    },
    {
      colId: 'kind',
      field: 'kind',
      headerName: t('col.kind'),
      width: 110,
      sortable: false,
      hide: true,
      valueFormatter: (p) => (p.value ? tx(`kind.${String(p.value)}`, String(p.value)) : '')
    },
    numCol('reach', t('col.reach'), 78),
    numCol('views', t('col.views'), 96),
    numCol('likes', t('col.likes'), 86),
    numCol('reposts', t('col.reposts'), 90),
    numCol('comments', t('col.comments'), 100),
    numCol('engagement', t('col.engagement'), 108),
    {
      colId: 'storySize',
      field: 'storySize',
      headerName: t('col.storySize'),
      headerTooltip: t('col.storySize.tip'),
      width: 66,
      sortable: true,
      type: 'rightAligned',
      valueFormatter: (p) => ((p.value as number) > 1 ? `×${num(p.value as number)}` : '')
    }
  ]
}

/** Up to two topics, one per line, and how many more there are. */
function TopicLines({ items }: { items: string[] }) {
  if (!items.length) return null
  return (
    <span className="two-lines topic-lines">
      <span className="line-1">{items[0]}</span>
      {items[1] && (
        <span className="line-2">
          {items[1]}
          {items.length > 2 ? ` +${items.length - 2}` : ''}
        </span>
      )}
    </span>
  )
}
