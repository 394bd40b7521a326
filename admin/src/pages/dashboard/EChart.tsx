// One ECharts chart: echarts/core with only the charts and components the dashboards use (this module
// is imported by the dashboard routes only, so ECharts stays out of the first download). SVG renderer:
// crisp when printed, smaller than canvas, and it renders under jsdom in the component tests.
import { BarChart, LineChart, PieChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { useEffect, useRef } from 'react'

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer])

export type ChartOption = echarts.EChartsCoreOption

export function EChart({
  option,
  height = 280,
  testId,
}: {
  option: ChartOption
  height?: number
  testId?: string
}) {
  const el = useRef<HTMLDivElement>(null)
  const chart = useRef<echarts.ECharts | null>(null)

  useEffect(() => {
    const node = el.current
    if (!node) return
    // jsdom has no layout: give the chart a size of its own when the box reports none
    const width = node.clientWidth || 600
    chart.current = echarts.init(node, null, {
      renderer: 'svg',
      width: node.clientWidth ? undefined : width,
      height: node.clientHeight ? undefined : height,
    })
    const observer =
      typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => chart.current?.resize())
    observer?.observe(node)
    return () => {
      observer?.disconnect()
      chart.current?.dispose()
      chart.current = null
    }
  }, [height])

  useEffect(() => {
    chart.current?.setOption(option, true)
  }, [option])

  return <div ref={el} style={{ width: '100%', height }} data-testid={testId} />
}
