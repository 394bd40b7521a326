// Customer 360 (客户全景): customer_archive() in one page — the party, contacts, quotations, orders with
// their progress, deliveries with carrier and tracking number, invoices with what is still open, the
// receivable balance and overdue amount, the last follow-up, lifetime sales and margin. One RPC call
// read under RLS (each part as the person's rights let them see it); all figures are the database's.
import { useGo, useTranslate } from '@refinedev/core'
import { useQuery } from '@tanstack/react-query'
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Input,
  Row,
  Space,
  Spin,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd'
import { useState } from 'react'
import { Link, useParams } from 'react-router'
import { money, moneyColumn } from '../../components/Money.tsx'
import { formatDate, shanghaiToday } from '../../lib/dates.ts'
import { readableDbError } from '../../lib/db-error.ts'
import { compareDecimal } from '../../lib/decimal.ts'
import { useSupabase } from '../../providers/supabaseContext.tsx'

type Num = number | string | null
export type CustomerArchive = {
  party: {
    id: string
    code: string
    name: string
    taxpayer_id: string | null
    invoice_title: string | null
    credit_limit: Num
    payment_terms_days: number
    tags: string[]
  }
  contacts: Array<{
    id: string
    name: string
    title: string | null
    phone: string | null
    email: string | null
    wechat: string | null
    is_primary: boolean
  }>
  quotations: Array<{ id: string; number: string; quote_date: string; status: string; total: Num }>
  sales_orders: Array<{
    id: string
    number: string
    status: string
    total: Num
    delivered_quantity: Num
    invoiced_total: Num
    unpaid: Num
  }> | null
  deliveries: Array<{
    sales_order_id: string
    order_number: string
    delivery_number: string
    shipped_on: string
    carrier: string | null
    tracking_number: string | null
  }> | null
  invoices: Array<{
    number: string
    date: string
    total: Num
    outstanding: Num
    due_date: string | null
  }> | null
  receivable_balance: Num
  overdue_amount: Num
  lifetime_sales: Num
  lifetime_margin: Num
  last_follow_up: { happened_at: string | null; kind: string | null; content: string | null } | null
}

export const archiveQueryKey = (id: string | undefined) => ['troika', 'customer_archive', id] as const

export function Customer360() {
  const translate = useTranslate()
  const t = (key: string, params?: Record<string, unknown>) => translate(`customer360.${key}`, params ?? {})
  const supabase = useSupabase()
  const { id } = useParams<{ id: string }>()
  const go = useGo()
  const q = useQuery({
    queryKey: archiveQueryKey(id),
    enabled: Boolean(id),
    queryFn: async (): Promise<CustomerArchive> => {
      const { data, error } = await supabase.rpc('customer_archive', { p_party_id: id })
      if (error) throw error
      return data as CustomerArchive
    },
  })
  if (q.isLoading) return <Spin />
  if (q.isError || !q.data)
    return (
      <Alert
        type="error"
        showIcon
        data-testid="customer360-error"
        message={t('title')}
        description={q.error ? readableDbError(q.error as never, (k, p) => translate(k, p)).message : ''}
      />
    )
  const a = q.data
  const today = shanghaiToday()
  const overdue = compareDecimal(a.overdue_amount, '0', 2) > 0
  const figures: Array<[string, Num, boolean?]> = [
    ['receivable', a.receivable_balance],
    ['overdue', a.overdue_amount, overdue],
    ['lifetimeSales', a.lifetime_sales],
    ['lifetimeMargin', a.lifetime_margin],
  ]
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="customer360">
      <Card
        title={
          <Space>
            <span data-testid="customer360-name">{a.party.name}</span>
            <Typography.Text type="secondary">{a.party.code}</Typography.Text>
            {(a.party.tags ?? []).map((tag) => (
              <Tag key={tag}>{tag}</Tag>
            ))}
          </Space>
        }
        extra={
          <Space>
            <Button onClick={() => go({ to: `/documents/receipts/new?customer=${a.party.id}` })}>
              {t('newReceipt')}
            </Button>
            <Button type="primary" onClick={() => go({ to: `/sales-orders/new?customer=${a.party.id}` })}>
              {t('newOrder')}
            </Button>
          </Space>
        }
      >
        <Row gutter={[16, 16]}>
          {figures.map(([key, value, danger]) => (
            <Col key={key} xs={12} lg={6}>
              <Card size="small" data-testid={`c360-${key}`}>
                <Statistic
                  title={t(`figures.${key}`)}
                  value={money(value ?? '0')}
                  formatter={() => money(value ?? '0')}
                  valueStyle={danger ? { color: '#cf1322' } : undefined}
                />
              </Card>
            </Col>
          ))}
        </Row>
        <Descriptions
          style={{ marginTop: 16 }}
          size="small"
          column={3}
          items={[
            { key: 'taxpayer', label: t('taxpayerId'), children: a.party.taxpayer_id ?? '' },
            { key: 'title', label: t('invoiceTitle'), children: a.party.invoice_title ?? a.party.name },
            {
              key: 'credit',
              label: t('creditLimit'),
              children: a.party.credit_limit === null ? t('noLimit') : money(a.party.credit_limit),
            },
            { key: 'terms', label: t('terms'), children: t('days', { n: a.party.payment_terms_days }) },
            {
              key: 'follow',
              label: t('lastFollowUp'),
              children: a.last_follow_up?.happened_at ? (
                <span data-testid="c360-last-follow-up">
                  {formatDate(a.last_follow_up.happened_at)} · {a.last_follow_up.content}
                </span>
              ) : (
                t('never')
              ),
            },
          ]}
        />
      </Card>
      <Card size="small">
        <Tabs
          items={[
            {
              key: 'orders',
              label: `${t('tabs.orders')} (${a.sales_orders?.length ?? 0})`,
              children: (
                <Table
                  size="small"
                  rowKey="id"
                  data-testid="c360-orders"
                  dataSource={a.sales_orders ?? []}
                  columns={[
                    {
                      title: t('cols.number'),
                      dataIndex: 'number',
                      render: (v: string, r) => <Link to={`/sales-orders/${r.id}`}>{v}</Link>,
                    },
                    {
                      title: t('cols.status'),
                      dataIndex: 'status',
                      render: (v: string) => translate(`salesOrders.statuses.${v}`, v),
                    },
                    { title: t('cols.total'), dataIndex: 'total', ...moneyColumn },
                    { title: t('cols.invoiced'), dataIndex: 'invoiced_total', ...moneyColumn },
                    { title: t('cols.unpaid'), dataIndex: 'unpaid', ...moneyColumn },
                  ]}
                />
              ),
            },
            {
              key: 'deliveries',
              label: `${t('tabs.deliveries')} (${a.deliveries?.length ?? 0})`,
              children: (
                <Table
                  size="small"
                  rowKey={(r) => `${r.delivery_number}`}
                  data-testid="c360-deliveries"
                  dataSource={a.deliveries ?? []}
                  columns={[
                    { title: t('cols.delivery'), dataIndex: 'delivery_number' },
                    { title: t('cols.date'), dataIndex: 'shipped_on' },
                    { title: t('cols.order'), dataIndex: 'order_number' },
                    { title: t('cols.carrier'), dataIndex: 'carrier' },
                    { title: t('cols.tracking'), dataIndex: 'tracking_number' },
                  ]}
                />
              ),
            },
            {
              key: 'invoices',
              label: `${t('tabs.invoices')} (${a.invoices?.length ?? 0})`,
              children: (
                <Table
                  size="small"
                  rowKey="number"
                  data-testid="c360-invoices"
                  dataSource={a.invoices ?? []}
                  columns={[
                    { title: t('cols.number'), dataIndex: 'number' },
                    { title: t('cols.date'), dataIndex: 'date' },
                    {
                      title: t('cols.dueDate'),
                      dataIndex: 'due_date',
                      render: (v: string | null, r) =>
                        v && v < today && compareDecimal(r.outstanding, '0', 2) > 0 ? (
                          <Typography.Text type="danger">{v}</Typography.Text>
                        ) : (
                          v
                        ),
                    },
                    { title: t('cols.total'), dataIndex: 'total', ...moneyColumn },
                    { title: t('cols.outstanding'), dataIndex: 'outstanding', ...moneyColumn },
                  ]}
                />
              ),
            },
            {
              key: 'quotations',
              label: `${t('tabs.quotations')} (${a.quotations.length})`,
              children: (
                <Table
                  size="small"
                  rowKey="id"
                  data-testid="c360-quotations"
                  dataSource={a.quotations}
                  columns={[
                    { title: t('cols.number'), dataIndex: 'number' },
                    { title: t('cols.date'), dataIndex: 'quote_date' },
                    {
                      title: t('cols.status'),
                      dataIndex: 'status',
                      render: (v: string) => translate(`customer360.quotationStatuses.${v}`, v),
                    },
                    { title: t('cols.total'), dataIndex: 'total', ...moneyColumn },
                  ]}
                />
              ),
            },
            {
              key: 'contacts',
              label: `${t('tabs.contacts')} (${a.contacts.length})`,
              children: (
                <Table
                  size="small"
                  rowKey="id"
                  data-testid="c360-contacts"
                  dataSource={a.contacts}
                  columns={[
                    {
                      title: t('cols.name'),
                      dataIndex: 'name',
                      render: (v: string, r) => (
                        <Space>
                          {v}
                          {r.is_primary && <Tag color="blue">{t('primary')}</Tag>}
                        </Space>
                      ),
                    },
                    { title: t('cols.position'), dataIndex: 'title' },
                    { title: t('cols.phone'), dataIndex: 'phone' },
                    { title: t('cols.email'), dataIndex: 'email' },
                    { title: t('cols.wechat'), dataIndex: 'wechat' },
                  ]}
                />
              ),
            },
          ]}
        />
      </Card>
    </Space>
  )
}

/** Customers, searchable, each opening its 360 page. */
export function CustomerList() {
  const translate = useTranslate()
  const t = (key: string) => translate(`customer360.${key}`)
  const supabase = useSupabase()
  const go = useGo()
  const [search, setSearch] = useState('')
  const q = useQuery({
    queryKey: ['troika', 'customers', search],
    queryFn: async () => {
      let req = supabase
        .from('parties')
        .select('id, code, name, credit_limit:credit_limit::text, payment_terms_days')
        .eq('is_customer', true)
        .order('code')
        .limit(200)
      const s = search.trim().replace(/[%,()]/g, '')
      if (s) req = req.or(`name.ilike.%${s}%,code.ilike.%${s}%`)
      const { data, error } = await req
      if (error) throw error
      return (data ?? []) as Array<{ id: string; code: string; name: string; credit_limit: string | null }>
    },
  })
  return (
    <Card
      title={t('listTitle')}
      extra={
        <Input.Search
          allowClear
          placeholder={t('search')}
          onSearch={setSearch}
          style={{ width: 260 }}
          data-testid="customer-search"
        />
      }
    >
      <Table
        size="small"
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data ?? []}
        data-testid="customer-list"
        onRow={(r) => ({ onClick: () => go({ to: `/customers/${r.id}` }), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('cols.code'), dataIndex: 'code' },
          { title: t('cols.name'), dataIndex: 'name' },
          { title: t('creditLimit'), dataIndex: 'credit_limit', ...moneyColumn },
        ]}
      />
    </Card>
  )
}

export default Customer360
