/**
 * Charts drawn in Node: echarts server-side SVG, rasterised by resvg with the shipped PT Sans
 * (system fonts off, so the picture is the same on every machine and Kazakh letters render).
 */
import * as echarts from 'echarts'
import { Resvg } from '@resvg/resvg-js'
import { formatDay, formatInt, t } from './i18n'
import type { DigestModel } from './model-types'
import { FONT_FAMILY, fontFiles } from './fonts'
import { COLORS } from './style'
import { rgbaToRgbPng } from './png'

export interface ChartImage {
  png: Buffer
  /** Pixel size of the PNG (drawn at 2× the layout size). */
  width: number
  height: number
}

export interface DigestCharts {
  daily: ChartImage | null
  problems: ChartImage | null
}

const SCALE = 2
const cache = new WeakMap<DigestModel, DigestCharts>()

/** Both charts of a model, rendered once and shared by the DOCX and PDF writers. */
export function digestCharts(model: DigestModel): DigestCharts {
  let c = cache.get(model)
  if (!c) {
    c = {
      daily: model.empty ? null : dailyChart(model),
      problems: model.problems.length ? problemsChart(model) : null
    }
    cache.set(model, c)
  }
  return c
}

function render(option: echarts.EChartsCoreOption, width: number, height: number): ChartImage {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height })
  chart.setOption({ animation: false, textStyle: { fontFamily: FONT_FAMILY, color: COLORS.text }, ...option })
  const svg = chart.renderToSVGString()
  chart.dispose()
  const img = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: SCALE },
    background: '#ffffff',
    font: { fontFiles: fontFiles(), loadSystemFonts: false, defaultFontFamily: FONT_FAMILY }
  }).render()
  return { png: rgbaToRgbPng(img.pixels, img.width, img.height), width: img.width, height: img.height }
}

const axisLabel = { color: COLORS.muted, fontSize: 11, fontFamily: FONT_FAMILY }
const splitLine = { lineStyle: { color: '#e6e8eb' } }

function dailyChart(m: DigestModel): ChartImage {
  const lang = m.lang
  // A week reads best with weekdays under the dates; longer periods get dates only.
  const dates = m.daily.map((d) =>
    m.period.days <= 14
      ? `${formatDay(d.date).slice(0, 5)}\n${weekday(lang, d.date)}`
      : formatDay(d.date).slice(0, 5)
  )
  const hasUnlabelled = m.daily.some((d) => d.unlabelled > 0)
  const series = [
    { key: 'negative' as const, name: t(lang, 'negative'), color: COLORS.negative },
    { key: 'neutral' as const, name: t(lang, 'neutral'), color: COLORS.neutral },
    { key: 'positive' as const, name: t(lang, 'positive'), color: COLORS.positive },
    ...(hasUnlabelled
      ? [{ key: 'unlabelled' as const, name: t(lang, 'unlabelled'), color: COLORS.unlabelled }]
      : [])
  ]
  return render(
    {
      grid: { left: 48, right: 16, top: 36, bottom: m.period.days <= 14 ? 40 : 28 },
      legend: {
        top: 0,
        left: 0,
        itemWidth: 12,
        itemHeight: 10,
        textStyle: { fontSize: 12, color: COLORS.text, fontFamily: FONT_FAMILY }
      },
      xAxis: {
        type: 'category',
        data: dates,
        axisTick: { show: false },
        axisLine: { lineStyle: { color: '#c9ced6' } },
        axisLabel
      },
      yAxis: {
        type: 'value',
        minInterval: 1,
        splitLine,
        axisLabel: { ...axisLabel, formatter: (v: number) => formatInt(lang, v) }
      },
      series: series.map((s) => ({
        name: s.name,
        type: 'bar',
        stack: 'all',
        barMaxWidth: 42,
        itemStyle: { color: s.color },
        data: m.daily.map((d) => d[s.key])
      }))
    },
    680,
    250
  )
}

function problemsChart(m: DigestModel): ChartImage {
  const lang = m.lang
  const items = [...m.problems].reverse()
  const height = 70 + items.length * 34
  return render(
    {
      grid: { left: 8, right: 40, top: 30, bottom: 8, containLabel: true },
      legend: {
        top: 0,
        left: 0,
        itemWidth: 12,
        itemHeight: 10,
        data: [t(lang, 'thisPeriod'), t(lang, 'prevPeriod')],
        textStyle: { fontSize: 12, color: COLORS.text, fontFamily: FONT_FAMILY }
      },
      xAxis: {
        type: 'value',
        minInterval: 1,
        splitLine,
        axisLabel: { ...axisLabel, formatter: (v: number) => formatInt(lang, v) }
      },
      yAxis: {
        type: 'category',
        data: items.map((p) => (p.name.length > 34 ? p.name.slice(0, 33) + '…' : p.name)),
        axisTick: { show: false },
        axisLine: { lineStyle: { color: '#c9ced6' } },
        axisLabel: { color: COLORS.text, fontSize: 12, fontFamily: FONT_FAMILY }
      },
      // In a horizontal bar chart echarts draws a category's first series on top: this period first.
      series: [
        {
          name: t(lang, 'thisPeriod'),
          type: 'bar',
          barGap: '15%',
          barMaxWidth: 12,
          itemStyle: { color: COLORS.negative },
          label: { show: true, position: 'right', fontSize: 11, color: COLORS.text, fontFamily: FONT_FAMILY },
          data: items.map((p) => p.negative)
        },
        {
          name: t(lang, 'prevPeriod'),
          type: 'bar',
          barMaxWidth: 12,
          itemStyle: { color: '#c9ced6' },
          label: {
            show: true,
            position: 'right',
            fontSize: 10,
            color: COLORS.faint,
            fontFamily: FONT_FAMILY
          },
          data: items.map((p) => p.prevNegative)
        }
      ]
    },
    680,
    height
  )
}

const WEEKDAYS: Record<string, string[]> = {
  ru: ['вс', 'пн', 'вт', 'ср', 'чт', 'пт', 'сб'],
  kk: ['жс', 'дс', 'сс', 'ср', 'бс', 'жм', 'сн'],
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
}
function weekday(lang: string, date: string): string {
  return (WEEKDAYS[lang] ?? WEEKDAYS.ru!)[new Date(`${date}T00:00:00Z`).getUTCDay()]!
}
