// Sales orders (销售订单), newest first, each opening its entry screen; "new" for people who may create.
import { PlusOutlined } from '@ant-design/icons'
import { useGo, useTranslate } from '@refinedev/core'
import { useQuery } from '@tanstack/react-query'
import { Button, Card, Table, Tag } from 'antd'
import { money } from '../../components/Money.tsx'
import { useSupabase } from '../../providers/supabaseContext.tsx'
import { allows } from '../../tenancy/permissions.ts'
import { myPermissionsQuery } from '../../tenancy/queries.ts'
import { STATUS_COLORS } from './SalesOrderEntry.tsx'
import { useSalesOrders } from './useSalesOrder.ts'

export function SalesOrderList() {
  const translate = useTranslate()
  const go = useGo()
  const { data: rights } = useQuery(myPermissionsQuery(useSupabase()))
  const { data, isLoading } = useSalesOrders()
  return (
    <Card
      title={translate('salesOrders.salesOrders')}
      extra={
        rights &&
        allows(rights, 'sales_orders', 'create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => go({ to: '/sales-orders/new' })}>
            {translate('salesOrders.new')}
          </Button>
        )
      }
    >
      <Table
        data-testid="sales-order-list"
        size="small"
        rowKey="id"
        loading={isLoading}
        dataSource={data ?? []}
        onRow={(r) => ({ onClick: () => go({ to: `/sales-orders/${r.id}` }), style: { cursor: 'pointer' } })}
        columns={[
          { title: translate('salesOrders.fields.number'), dataIndex: 'number' },
          {
            title: translate('salesOrders.fields.customer'),
            key: 'customer',
            render: (_: unknown, r) => r.parties?.name,
          },
          { title: translate('salesOrders.fields.orderDate'), dataIndex: 'order_date' },
          {
            title: translate('salesOrders.fields.status'),
            dataIndex: 'status',
            render: (v: string) => (
              <Tag color={STATUS_COLORS[v]}>{translate(`salesOrders.statuses.${v}`)}</Tag>
            ),
          },
          {
            title: translate('salesOrders.fields.total'),
            dataIndex: 'total',
            align: 'right',
            render: (v: string) => money(v),
          },
        ]}
      />
    </Card>
  )
}

export default SalesOrderList
