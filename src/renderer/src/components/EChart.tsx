import { useEffect, useRef } from 'react'
import * as echarts from 'echarts/core'
import { BarChart, LineChart, PieChart } from 'echarts/charts'
import {
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent
} from 'echarts/components'
import { SVGRenderer } from 'echarts/renderers'

// Only the parts the dashboard draws (the whole of ECharts is ~1 MB of the bundle).
echarts.use([
  BarChart,
  LineChart,
  PieChart,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  SVGRenderer
])

export type EChartsOption = echarts.EChartsCoreOption
export type ChartClick = {
  seriesName?: string
  seriesIndex?: number
  dataIndex: number
  name: string
  value: unknown
  data: unknown
}

/**
 * A tiny ECharts host: initialises once, replaces the option when it changes, follows the box size,
 * forwards clicks. SVG rendering keeps text crisp at any zoom and makes the chart testable.
 */
export function EChart({
  option,
  onClick,
  height = 260,
  label,
  testId
}: {
  option: EChartsOption
  onClick?: (p: ChartClick) => void
  height?: number
  label: string
  testId?: string
}) {
  const box = useRef<HTMLDivElement>(null)
  const chart = useRef<echarts.ECharts | null>(null)
  const clickRef = useRef(onClick)
  clickRef.current = onClick

  useEffect(() => {
    const el = box.current
    if (!el) return
    const c = echarts.init(el, null, { renderer: 'svg' })
    chart.current = c
    // Exposed for end-to-end tests, which click a bar by its data coordinates.
    ;(el as HTMLDivElement & { __chart?: echarts.ECharts }).__chart = c
    c.on('click', (p) => clickRef.current?.(p as unknown as ChartClick))
    const ro = new ResizeObserver(() => c.resize())
    ro.observe(el)
    return () => {
      ro.disconnect()
      c.dispose()
      chart.current = null
    }
  }, [])

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true })
  }, [option])

  return (
    <div
      ref={box}
      className={`echart ${onClick ? 'clickable' : ''}`}
      style={{ height }}
      role="img"
      aria-label={label}
      data-testid={testId}
    />
  )
}

/** Reads a CSS custom property of the current theme, for chart colours that follow light/dark. */
export function cssVar(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888'
}
