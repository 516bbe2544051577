import type { Dashboard } from '../../../../shared/views'
import { cssVar, type EChartsOption } from '../../components/EChart'
import type { I18n } from '../../i18n'

export const VOLUME_SERIES = ['negative', 'neutral', 'positive', 'unlabelled'] as const

function base(): Partial<EChartsOption> {
  return {
    textStyle: { fontFamily: 'PT Sans, Segoe UI, sans-serif', color: cssVar('--muted') },
    animationDuration: 300,
    tooltip: {
      backgroundColor: cssVar('--surface'),
      borderColor: cssVar('--line'),
      textStyle: { color: cssVar('--text'), fontSize: 12 }
    }
  }
}

const colors = (): Record<(typeof VOLUME_SERIES)[number], string> => ({
  negative: cssVar('--neg'),
  neutral: cssVar('--neu-chart'),
  positive: cssVar('--pos'),
  unlabelled: cssVar('--unl')
})

interface TooltipParam {
  axisValue?: string
  marker?: string
  seriesName?: string
  value?: unknown
}

const escapeHtml = (x: string): string =>
  x.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

/** An axis tooltip over days: the day as dd.mm.yyyy (the axis holds 'YYYY-MM-DD'), then each series. */
export function dayTooltip(ps: TooltipParam[], i18n: Pick<I18n, 'day' | 'num'>): string {
  const head = ps[0]?.axisValue ? `<b>${escapeHtml(i18n.day(ps[0].axisValue))}</b>` : ''
  const lines = ps.map(
    (p) =>
      `${p.marker ?? ''}${escapeHtml(p.seriesName ?? '')}&nbsp;&nbsp;<b>${escapeHtml(
        typeof p.value === 'number' ? i18n.num(p.value) : String(p.value ?? '')
      )}</b>`
  )
  return [head, ...lines].filter(Boolean).join('<br/>')
}

/** Mentions per day, stacked by sentiment; a click gives the day and the sentiment. */
export function volumeOption(d: Dashboard, i18n: I18n): EChartsOption {
  const c = colors()
  const axis = cssVar('--line')
  const series = VOLUME_SERIES.filter((s) => s !== 'unlabelled' || d.volume.some((v) => v.unlabelled > 0))
  return {
    ...base(),
    grid: { left: 44, right: 12, top: 36, bottom: 28 },
    legend: { top: 0, left: 0, itemWidth: 12, itemHeight: 12, textStyle: { color: cssVar('--text') } },
    tooltip: {
      ...(base().tooltip as object),
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (ps: unknown) => dayTooltip(ps as TooltipParam[], i18n)
    },
    xAxis: {
      type: 'category',
      data: d.volume.map((v) => v.day),
      axisLine: { lineStyle: { color: axis } },
      axisTick: { show: false },
      axisLabel: { formatter: (v: string) => i18n.day(v).slice(0, 5), color: cssVar('--muted') }
    },
    yAxis: {
      type: 'value',
      splitLine: { lineStyle: { color: axis, type: 'dashed' } },
      axisLabel: { color: cssVar('--muted'), formatter: (v: number) => i18n.num(v) }
    },
    series: series.map((s) => ({
      id: s,
      name: i18n.tx(`sentiment.${s}`),
      type: 'bar',
      stack: 'v',
      barMaxWidth: 28,
      itemStyle: { color: c[s] },
      emphasis: { focus: 'series' },
      cursor: 'pointer',
      data: d.volume.map((v) => v[s])
    }))
  }
}

/** Problem topics: negative publications now and in the previous period; a click gives the topic. */
export function topicsOption(
  d: Dashboard,
  i18n: I18n,
  names: (id: number, fallback: string) => string
): EChartsOption {
  const top = [...d.topics]
    .sort((a, b) => b.negative - a.negative)
    .slice(0, 8)
    .reverse()
  return {
    ...base(),
    grid: { left: 8, right: 40, top: 28, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, itemWidth: 12, itemHeight: 12, textStyle: { color: cssVar('--text') } },
    tooltip: { ...(base().tooltip as object), trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', show: false },
    yAxis: {
      type: 'category',
      data: top.map((x) => names(x.id, x.name)),
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: { color: cssVar('--text'), width: 150, overflow: 'truncate' }
    },
    series: [
      {
        name: i18n.t('dash.prevPeriod'),
        type: 'bar',
        barGap: '-100%',
        barWidth: 14,
        itemStyle: { color: cssVar('--line'), borderRadius: 3 },
        data: top.map((x) => x.prevNegative),
        z: 1
      },
      {
        name: i18n.t('dash.negativeNow'),
        type: 'bar',
        barWidth: 8,
        itemStyle: { color: cssVar('--neg'), borderRadius: 3 },
        label: {
          show: true,
          position: 'right',
          color: cssVar('--text'),
          formatter: (p: { value: number }) => i18n.num(p.value)
        },
        cursor: 'pointer',
        data: top.map((x) => ({ value: x.negative, topicId: x.id })),
        z: 2
      }
    ]
  }
}

/** Share of each sentiment (a ring); a click gives the sentiment. */
export function sentimentOption(d: Dashboard, i18n: I18n): EChartsOption {
  const c = colors()
  const sum = { negative: 0, neutral: 0, positive: 0 }
  for (const v of d.volume) {
    sum.negative += v.negative
    sum.neutral += v.neutral
    sum.positive += v.positive
  }
  return {
    ...base(),
    tooltip: { ...(base().tooltip as object), trigger: 'item' },
    series: [
      {
        type: 'pie',
        radius: ['52%', '78%'],
        center: ['50%', '50%'],
        avoidLabelOverlap: true,
        label: { show: false },
        itemStyle: { borderColor: cssVar('--surface'), borderWidth: 2 },
        cursor: 'pointer',
        data: (['negative', 'neutral', 'positive'] as const).map((s) => ({
          name: i18n.tx(`sentiment.${s}`),
          value: sum[s],
          sentiment: s,
          itemStyle: { color: c[s] }
        }))
      }
    ]
  }
}

/** Negative share by age group (bars) — only the part of the audience whose age is known. */
export function audienceOption(
  rows: { label: string; total: number; negative: number }[],
  i18n: I18n
): EChartsOption {
  return {
    ...base(),
    grid: { left: 8, right: 36, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      ...(base().tooltip as object),
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: number) => i18n.pct(v)
    },
    xAxis: { type: 'value', max: 1, show: false },
    yAxis: {
      type: 'category',
      data: rows.map((r) => r.label),
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: { color: cssVar('--text') }
    },
    series: [
      {
        type: 'bar',
        barWidth: 10,
        name: i18n.t('dash.negShare'),
        itemStyle: { color: cssVar('--neg'), borderRadius: 3 },
        label: {
          show: true,
          position: 'right',
          color: cssVar('--text'),
          formatter: (p: { value: number }) => i18n.pct(p.value)
        },
        data: rows.map((r) => (r.total ? r.negative / r.total : 0))
      }
    ]
  }
}
