// The boss dashboard (老板看板): boss_dashboard() figures as statistic cards, top products as bar lists
// (no chart library: a bar is a div whose width is its share of the largest), low stock and margin by
// customer as tables. Every figure comes from SQL; nothing is summed here.
import { useTranslate } from '@refinedev/core'
import { useQuery } from '@tanstack/react-query'
import { Alert, Card, Col, Empty, Row, Spin, Statistic, Table, Typography } from 'antd'
import { money, moneyColumn, quantity, quantityColumn } from '../../components/Money.tsx'
import { readableDbError } from '../../lib/db-error.ts'
import { useSupabase } from '../../providers/supabaseContext.tsx'

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

export const DASHBOARD_KEY = ['troika', 'boss_dashboard'] as const

function BarList({
  rows,
  testId,
}: {
  rows: Array<{ key: string; label: string; value: Num }>
  testId: string
}) {
  if (rows.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
  // Display only: the bar length is a share of the largest value (a float is fine for pixels).
  const max = Math.max(...rows.map((r) => Math.abs(Number(r.value))), 0) || 1
  return (
    <div data-testid={testId}>
      {rows.map((r) => (
        <div key={r.key} style={{ marginBottom: 8 }}>
          <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
            <Typography.Text ellipsis>{r.label}</Typography.Text>
            <Typography.Text style={{ fontVariantNumeric: 'tabular-nums' }}>{money(r.value)}</Typography.Text>
          </div>
          <div style={{ background: '#f0f0f0', height: 8, borderRadius: 4 }}>
            <div
              style={{
                width: `${(Math.abs(Number(r.value)) / max) * 100}%`,
                background: '#1677ff',
                height: 8,
                borderRadius: 4,
              }}
            />
          </div>
        </div>
      ))}
    </div>
  )
}

export function DashboardPage() {
  const translate = useTranslate()
  const supabase = useSupabase()
  const query = useQuery({
    queryKey: DASHBOARD_KEY,
    queryFn: async (): Promise<Dashboard> => {
      const { data, error } = await supabase.rpc('boss_dashboard')
      if (error) throw error
      return data as Dashboard
    },
    refetchInterval: 60_000,
  })
  if (query.isError)
    return (
      <Alert
        type="error"
        showIcon
        message={translate('dashboard.title')}
        description={readableDbError(query.error as never, (k, p) => translate(k, p)).message}
      />
    )
  const d = query.data
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
              />
            </Card>
          </Col>
        ))}
        <Col xs={24} sm={12} lg={6}>
          <Card size="small" data-testid="figure-pending_approvals">
            <Statistic title={translate('dashboard.figures.pending_approvals')} value={d.pending_approvals} />
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={12}>
          <Card size="small" title={translate('dashboard.topBySales')}>
            <BarList
              testId="top-by-sales"
              rows={d.top_products_by_sales.map((r) => ({
                key: r.sku,
                label: `${r.sku} ${r.name}`,
                value: r.sales,
              }))}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={translate('dashboard.topByStockValue')}>
            <BarList
              testId="top-by-stock"
              rows={d.top_products_by_stock_value.map((r) => ({
                key: r.sku,
                label: `${r.sku} ${r.name}`,
                value: r.value,
              }))}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={translate('dashboard.lowStock')}>
            <Table
              size="small"
              rowKey="sku"
              pagination={false}
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
          <Card size="small" title={translate('dashboard.marginByCustomer')}>
            <Table
              size="small"
              rowKey="party_id"
              pagination={false}
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
      </Row>
    </div>
  )
}

export default DashboardPage
