// The boss dashboard (老板看板): boss_dashboard() figures as statistic cards (sales, receivables and
// overdue, payables, cash and bank, stock value, pending approvals), charts of the sales trend, the
// receivables split into current and overdue, the top 10 products and the margin by customer, and the
// low-stock list. Every figure comes from SQL; the trend sums posted sales lines per day or month in
// exact decimals. Charts turn figures into numbers for their pixels only; the figures shown as text are
// the database's strings.
import { useGo, useTranslate } from '@refinedev/core'
import { useQuery } from '@tanstack/react-query'
import { Alert, Card, Col, Empty, Row, Segmented, Spin, Statistic, Table, Typography } from 'antd'
import { useCallback, useMemo, useState } from 'react'
import { money, moneyColumn, quantity, quantityColumn } from '../../components/Money.tsx'
import { shanghaiToday } from '../../lib/dates.ts'
import { readableDbError } from '../../lib/db-error.ts'
import { fromUnits, subtractDecimal, toUnits } from '../../lib/decimal.ts'
import { useSupabase } from '../../providers/supabaseContext.tsx'
import { type ChartOption, EChart } from './EChart.tsx'
import { DASHBOARD_KEY } from './keys.ts'

export { DASHBOARD_KEY }

type Num = number | string
export type Dashboard = {
  today_sales: Num
  month_sales: Num
  receivables: Num
  overdue_receivables: Num
  payables: Num
  cash_and_bank: Num
  stock_value: Num
  pending_approvals: number
  top_products_by_sales: Array<{ sku: string; name: string; sales: Num }>
  top_products_by_stock_value: Array<{ sku: string; name: string; value: Num }>
  low_stock: Array<{ sku: string; name: string; on_hand: Num; reorder_point: Num }>
  margin_by_customer: Array<{ party_id: string; name: string; sales: Num; cost: Num; margin: Num }>
}

const FIGURES = [
  'today_sales',
  'month_sales',
  'receivables',
  'overdue_receivables',
  'payables',
  'cash_and_bank',
  'stock_value',
] as const

/** Pixels only: a chart's bar length (never used for a figure shown as text). */
const px = (v: Num | null | undefined) => Number(v ?? 0)

export type TrendPoint = { bucket: string; sales: string }
type Grain = 'day' | 'month'

/** The buckets of a trend: the last 30 days or the last 12 months up to today (Asia/Shanghai). */
export function trendBuckets(today: string, grain: Grain): string[] {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number]
  const out: string[] = []
  if (grain === 'month') {
    for (let i = 11; i >= 0; i--) {
      const date = new Date(Date.UTC(y, m - 1 - i, 1))
      out.push(date.toISOString().slice(0, 7))
    }
  } else {
    for (let i = 29; i >= 0; i--) out.push(new Date(Date.UTC(y, m - 1, d - i)).toISOString().slice(0, 10))
  }
  return out
}

/** Sums sales lines (returns negative) per bucket, exactly. */
export function sumTrend(
  rows: ReadonlyArray<{ amount: string; doc_date: string; doc_type: string }>,
  buckets: string[],
  grain: Grain,
): TrendPoint[] {
  const sums = new Map(buckets.map((b) => [b, 0n]))
  for (const r of rows) {
    const b = grain === 'month' ? r.doc_date.slice(0, 7) : r.doc_date
    const now = sums.get(b)
    if (now === undefined) continue
    const units = toUnits(r.amount, 2)
    sums.set(b, r.doc_type === 'sales_return' ? now - units : now + units)
  }
  return buckets.map((b) => ({ bucket: b, sales: fromUnits(sums.get(b) ?? 0n, 2) }))
}

function useSalesTrend(grain: Grain) {
  const supabase = useSupabase()
  return useQuery({
    queryKey: [...DASHBOARD_KEY, 'trend', grain],
    queryFn: async () => {
      const buckets = trendBuckets(shanghaiToday(), grain)
      const from = grain === 'month' ? `${buckets[0]}-01` : (buckets[0] as string)
      // posted sales lines excluding VAT (as month_sales of boss_dashboard), read under RLS
      const { data, error } = await supabase
        .from('ledger_document_lines')
        .select('amount:amount::text, doc:ledger_documents!inner(doc_date, doc_type, status, reversal_of)')
        .in('doc.doc_type', ['sales_invoice', 'sales_return'])
        .eq('doc.status', 'posted')
        .is('doc.reversal_of', null)
        .gte('doc.doc_date', from)
        .limit(50_000)
      if (error) throw error
      const rows = (
        (data ?? []) as unknown as Array<{ amount: string; doc: { doc_date: string; doc_type: string } }>
      ).map((r) => ({ amount: r.amount, doc_date: r.doc.doc_date, doc_type: r.doc.doc_type }))
      return sumTrend(rows, buckets, grain)
    },
    refetchInterval: 60_000,
  })
}

export function DashboardPage() {
  const translate = useTranslate()
  const t = useCallback(
    (key: string, params?: Record<string, unknown>) => translate(`dashboard2.${key}`, params ?? {}),
    [translate],
  )
  const supabase = useSupabase()
  const go = useGo()
  const [grain, setGrain] = useState<Grain>('day')
  const query = useQuery({
    queryKey: DASHBOARD_KEY,
    queryFn: async (): Promise<Dashboard> => {
      const { data, error } = await supabase.rpc('boss_dashboard')
      if (error) throw error
      return data as Dashboard
    },
    refetchInterval: 60_000,
  })
  const trend = useSalesTrend(grain)
  const d = query.data

  const trendOption = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => money(v) },
      grid: { left: 64, right: 16, top: 16, bottom: 32 },
      xAxis: {
        type: 'category',
        data: (trend.data ?? []).map((p) => p.bucket.slice(grain === 'day' ? 5 : 0)),
      },
      yAxis: { type: 'value' },
      series: [
        {
          name: t('sales'),
          type: grain === 'day' ? 'bar' : 'line',
          data: (trend.data ?? []).map((p) => px(p.sales)),
          itemStyle: { color: '#1677ff' },
          smooth: true,
        },
      ],
    }),
    [trend.data, grain, t],
  )
  const receivableOption = useMemo<ChartOption | null>(() => {
    if (!d) return null
    const current = subtractDecimal(String(d.receivables), String(d.overdue_receivables), 2)
    return {
      tooltip: { trigger: 'item', valueFormatter: (v: unknown) => money(v) },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['45%', '70%'],
          label: { formatter: '{b}' },
          data: [
            { name: t('current'), value: px(current), itemStyle: { color: '#52c41a' } },
            { name: t('overdue'), value: px(d.overdue_receivables), itemStyle: { color: '#ff4d4f' } },
          ],
        },
      ],
    }
  }, [d, t])
  const topOption = useMemo<ChartOption | null>(() => {
    if (!d) return null
    const rows = [...d.top_products_by_sales].reverse()
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => money(v) },
      grid: { left: 140, right: 24, top: 8, bottom: 24 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: rows.map((r) => `${r.sku} ${r.name}`) },
      series: [
        { type: 'bar', barMaxWidth: 24, data: rows.map((r) => px(r.sales)), itemStyle: { color: '#1677ff' } },
      ],
    }
  }, [d])
  const marginOption = useMemo<ChartOption | null>(() => {
    if (!d) return null
    const rows = d.margin_by_customer.slice(0, 10)
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => money(v) },
      legend: { top: 0 },
      grid: { left: 64, right: 16, top: 32, bottom: 56 },
      xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { interval: 0, rotate: 20 } },
      yAxis: { type: 'value' },
      series: [
        {
          name: t('sales'),
          type: 'bar',
          data: rows.map((r) => px(r.sales)),
          itemStyle: { color: '#91caff' },
        },
        {
          name: t('margin'),
          type: 'bar',
          data: rows.map((r) => px(r.margin)),
          itemStyle: { color: '#52c41a' },
        },
      ],
    }
  }, [d, t])

  if (query.isError)
    return (
      <Alert
        type="error"
        showIcon
        message={translate('dashboard.title')}
        description={readableDbError(query.error as never, (k, p) => translate(k, p)).message}
      />
    )
  if (!d) return <Spin />

  return (
    <div data-testid="dashboard">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {translate('dashboard.title')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        {FIGURES.map((f) => (
          <Col key={f} xs={24} sm={12} lg={6}>
            <Card size="small" data-testid={`figure-${f}`}>
              <Statistic
                title={translate(`dashboard.figures.${f}`)}
                value={money(d[f])}
                formatter={() => money(d[f])}
                valueStyle={f === 'overdue_receivables' && px(d[f]) > 0 ? { color: '#cf1322' } : undefined}
              />
            </Card>
          </Col>
        ))}
        <Col xs={24} sm={12} lg={6}>
          <Card
            size="small"
            data-testid="figure-pending_approvals"
            hoverable
            onClick={() => go({ to: '/approvals' })}
          >
            <Statistic title={translate('dashboard.figures.pending_approvals')} value={d.pending_approvals} />
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={16}>
          <Card
            size="small"
            title={t('trend')}
            extra={
              <Segmented<Grain>
                size="small"
                value={grain}
                onChange={setGrain}
                options={[
                  { value: 'day', label: t('days30') },
                  { value: 'month', label: t('months12') },
                ]}
              />
            }
          >
            {trend.isError ? (
              <Alert
                type="info"
                showIcon
                message={t('trendNoAccess')}
                description={readableDbError(trend.error as never, (k, p) => translate(k, p)).message}
              />
            ) : (
              <EChart option={trendOption} testId="chart-trend" />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('receivables')}>
            {receivableOption && px(d.receivables) !== 0 ? (
              <EChart option={receivableOption} testId="chart-receivables" />
            ) : (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                style={{ height: 248 }}
                description={t('noReceivables')}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={translate('dashboard.topBySales')}>
            {topOption && d.top_products_by_sales.length > 0 ? (
              <EChart option={topOption} testId="chart-top" />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noData')} />
            )}
            <Table
              size="small"
              rowKey="sku"
              pagination={false}
              data-testid="top-by-sales"
              dataSource={d.top_products_by_sales}
              columns={[
                { title: '#', key: 'rank', width: 40, render: (_: unknown, _r, i) => i + 1 },
                {
                  title: translate('dashboard.columns.name'),
                  key: 'name',
                  render: (_: unknown, r) => `${r.sku} ${r.name}`,
                },
                { title: translate('dashboard.columns.sales'), dataIndex: 'sales', ...moneyColumn },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={translate('dashboard.marginByCustomer')}>
            {marginOption && d.margin_by_customer.length > 0 ? (
              <EChart option={marginOption} testId="chart-margin" />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noData')} />
            )}
            <Table
              size="small"
              rowKey="party_id"
              pagination={false}
              data-testid="margin-by-customer"
              dataSource={d.margin_by_customer}
              columns={[
                { title: translate('dashboard.columns.customer'), dataIndex: 'name' },
                { title: translate('dashboard.columns.sales'), dataIndex: 'sales', ...moneyColumn },
                { title: translate('dashboard.columns.cost'), dataIndex: 'cost', ...moneyColumn },
                { title: translate('dashboard.columns.margin'), dataIndex: 'margin', ...moneyColumn },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={translate('dashboard.lowStock')}>
            <Table
              size="small"
              rowKey="sku"
              pagination={false}
              data-testid="low-stock"
              dataSource={d.low_stock}
              columns={[
                { title: translate('dashboard.columns.sku'), dataIndex: 'sku' },
                { title: translate('dashboard.columns.name'), dataIndex: 'name' },
                { title: translate('dashboard.columns.onHand'), dataIndex: 'on_hand', ...quantityColumn },
                {
                  title: translate('dashboard.columns.reorderPoint'),
                  dataIndex: 'reorder_point',
                  align: 'right',
                  render: (v: unknown) => quantity(v),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={translate('dashboard.topByStockValue')}>
            <Table
              size="small"
              rowKey="sku"
              pagination={false}
              data-testid="top-by-stock"
              dataSource={d.top_products_by_stock_value}
              columns={[
                {
                  title: translate('dashboard.columns.name'),
                  key: 'name',
                  render: (_: unknown, r) => `${r.sku} ${r.name}`,
                },
                { title: t('stockValue'), dataIndex: 'value', ...moneyColumn },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </div>
  )
}

export default DashboardPage
