// Documents (单据): deliveries, purchase receipts, sales invoices, supplier bills posted from orders, and
// customer receipts; each tab starts a new one (from a confirmed order, or a receipt from a customer).
import { PlusOutlined, PrinterOutlined } from '@ant-design/icons'
import { useGo, useTranslate } from '@refinedev/core'
import { useQuery } from '@tanstack/react-query'
import { Button, Card, Select, Space, Table, Tabs } from 'antd'
import { Link, useSearchParams } from 'react-router'
import { money } from '../../components/Money.tsx'
import { useSupabase } from '../../providers/supabaseContext.tsx'
import { allows } from '../../tenancy/permissions.ts'
import { myPermissionsQuery } from '../../tenancy/queries.ts'
import {
  FULFILMENT,
  type FulfilmentKind,
  type PostedDocument,
  useLedgerDocuments,
  usePostedDocuments,
} from './useDocuments.ts'

const TABS = ['delivery', 'sales_invoice', 'customer_receipt', 'purchase_receipt', 'supplier_bill'] as const
type Tab = (typeof TABS)[number]

function useOpenOrders(kind: FulfilmentKind) {
  const supabase = useSupabase()
  const f = FULFILMENT[kind]
  return useQuery({
    queryKey: ['troika', 'documents', 'open-orders', f.orders],
    queryFn: async () => {
      const { data, error } = await supabase
        .from(f.orders)
        .select('id, number, party:parties(name)')
        .in('status', ['confirmed', 'partial'])
        .order('created_at', { ascending: false })
        .limit(200)
      if (error) throw error
      return (data ?? []) as unknown as Array<{ id: string; number: string; party: { name: string } | null }>
    },
  })
}

function FromOrder({ kind }: { kind: FulfilmentKind }) {
  const translate = useTranslate()
  const go = useGo()
  const orders = useOpenOrders(kind)
  return (
    <Select
      showSearch
      optionFilterProp="label"
      style={{ minWidth: 320 }}
      placeholder={translate(`documents.fromOrder.${kind}`)}
      loading={orders.isLoading}
      data-testid={`from-order-${kind}`}
      options={(orders.data ?? []).map((o) => ({ value: o.id, label: `${o.number} ${o.party?.name ?? ''}` }))}
      onChange={(id: string) => go({ to: `/documents/${kind}/new?order=${id}` })}
    />
  )
}

function PostedTable({ kind }: { kind: FulfilmentKind }) {
  const translate = useTranslate()
  const t = (key: string) => translate(`documents.${key}`)
  const { data, isLoading } = usePostedDocuments(kind)
  const f = FULFILMENT[kind]
  return (
    <Table<PostedDocument>
      size="small"
      rowKey="id"
      loading={isLoading}
      dataSource={data ?? []}
      data-testid={`documents-${kind}`}
      columns={[
        { title: t('cols.number'), key: 'number', render: (_: unknown, r) => r.document?.number },
        { title: t('date'), key: 'date', render: (_: unknown, r) => r.document?.doc_date },
        {
          title: t(f.sales ? 'customer' : 'supplier'),
          key: 'party',
          render: (_: unknown, r) => r.document?.party?.name,
        },
        {
          title: t('cols.order'),
          key: 'order',
          render: (_: unknown, r) => {
            const o = r.sales_order ?? r.purchase_order
            return o ? <Link to={`${f.orderPath}/${o.id}`}>{o.number}</Link> : ''
          },
        },
        ...(kind === 'delivery'
          ? [
              { title: t('carrier'), dataIndex: 'carrier' },
              { title: t('tracking'), dataIndex: 'tracking_number' },
            ]
          : []),
        {
          title: t('cols.total'),
          key: 'total',
          align: 'right' as const,
          render: (_: unknown, r: PostedDocument) => money(r.document?.total),
        },
        ...(kind === 'delivery'
          ? [
              {
                title: '',
                key: 'print',
                render: (_: unknown, r: PostedDocument) =>
                  r.document && (
                    <Link to={`/print/delivery/${r.document.id}`} aria-label={t('print')}>
                      <PrinterOutlined /> {t('print')}
                    </Link>
                  ),
              },
            ]
          : []),
      ]}
    />
  )
}

function ReceiptsTable() {
  const translate = useTranslate()
  const t = (key: string) => translate(`documents.${key}`)
  const { data, isLoading } = useLedgerDocuments('customer_receipt')
  return (
    <Table
      size="small"
      rowKey="id"
      loading={isLoading}
      dataSource={data ?? []}
      data-testid="documents-customer_receipt"
      columns={[
        { title: t('cols.number'), dataIndex: 'number' },
        { title: t('date'), dataIndex: 'doc_date' },
        { title: t('customer'), key: 'party', render: (_: unknown, r) => r.party?.name },
        { title: t('cols.total'), dataIndex: 'total', align: 'right', render: (v) => money(v) },
      ]}
    />
  )
}

export function DocumentList() {
  const translate = useTranslate()
  const go = useGo()
  const [search, setSearch] = useSearchParams()
  const tab = (TABS as readonly string[]).includes(search.get('tab') ?? '')
    ? (search.get('tab') as Tab)
    : 'delivery'
  const { data: rights } = useQuery(myPermissionsQuery(useSupabase()))
  const canPost = (right: string) => (rights ? allows(rights, right, 'post') : false)
  return (
    <Card title={translate('documents.title')} data-testid="documents">
      <Tabs
        activeKey={tab}
        onChange={(k) => setSearch({ tab: k }, { replace: true })}
        items={TABS.map((k) => ({
          key: k,
          label: translate(`documents.tabs.${k}`),
          children: (
            <Space direction="vertical" style={{ width: '100%' }}>
              {k === 'customer_receipt'
                ? canPost('customer_receipt') && (
                    <Button
                      type="primary"
                      icon={<PlusOutlined />}
                      onClick={() => go({ to: '/documents/receipts/new' })}
                      data-testid="new-receipt"
                    >
                      {translate('documents.new.customer_receipt')}
                    </Button>
                  )
                : canPost(k) && <FromOrder kind={k} />}
              {k === 'customer_receipt' ? <ReceiptsTable /> : <PostedTable kind={k} />}
            </Space>
          ),
        }))}
      />
    </Card>
  )
}

export default DocumentList
