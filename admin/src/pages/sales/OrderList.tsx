// Sales or purchase orders, newest first, each opening its entry screen; "new" for people who may create.
import { PlusOutlined } from '@ant-design/icons'
import { useGo, useTranslate } from '@refinedev/core'
import { useQuery } from '@tanstack/react-query'
import { Button, Card, Table, Tag } from 'antd'
import { money } from '../../components/Money.tsx'
import { useSupabase } from '../../providers/supabaseContext.tsx'
import { allows } from '../../tenancy/permissions.ts'
import { myPermissionsQuery } from '../../tenancy/queries.ts'
import { STATUS_COLORS } from './OrderEntry.tsx'
import { KINDS, type OrderKind, useOrders } from './useOrder.ts'

export function OrderList({ kind }: { kind: OrderKind }) {
  const translate = useTranslate()
  const k = KINDS[kind]
  const tt = (key: string): string => translate(`${k.i18n}.${key}`, {}, translate(`salesOrders.${key}`))
  const go = useGo()
  const { data: rights } = useQuery(myPermissionsQuery(useSupabase()))
  const { data, isLoading } = useOrders(kind)
  return (
    <Card
      title={tt('listTitle')}
      extra={
        rights &&
        allows(rights, k.orders, 'create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => go({ to: `${k.path}/new` })}>
            {tt('new')}
          </Button>
        )
      }
    >
      <Table
        data-testid="order-list"
        size="small"
        rowKey="id"
        loading={isLoading}
        dataSource={data ?? []}
        onRow={(r) => ({ onClick: () => go({ to: `${k.path}/${r.id}` }), style: { cursor: 'pointer' } })}
        columns={[
          { title: tt('fields.number'), dataIndex: 'number' },
          {
            title: tt('fields.customer'),
            key: 'customer',
            render: (_: unknown, r) => r.parties?.name,
          },
          { title: tt('fields.orderDate'), dataIndex: 'order_date' },
          {
            title: tt('fields.status'),
            dataIndex: 'status',
            render: (v: string) => <Tag color={STATUS_COLORS[v]}>{tt(`statuses.${v}`)}</Tag>,
          },
          {
            title: tt('fields.total'),
            dataIndex: 'total',
            align: 'right',
            render: (v: string) => money(v),
          },
        ]}
      />
    </Card>
  )
}

export const SalesOrderList = () => <OrderList kind="sales" />
export const PurchaseOrderList = () => <OrderList kind="purchase" />
