// Payment requests (付款申请), newest first, paged on the server, filtered by status and supplier (kept
// in the URL); each row opens its entry screen; "new" for people who may create.
import { PlusOutlined } from '@ant-design/icons'
import { useGo, useTranslate } from '@refinedev/core'
import { Button, Card, Select, Space, Table, Tag } from 'antd'
import { useState } from 'react'
import { useSearchParams } from 'react-router'
import { money } from '../../components/Money.tsx'
import { useMyPermissions } from '../../tenancy/useMyPermissions.ts'
import { useOptions } from '../sales/useOrder.ts'
import {
  PAGE_SIZE,
  type PaymentRequestStatus,
  STATUS_COLORS,
  STATUSES,
  usePaymentRequests,
} from './usePaymentRequest.ts'

export function PaymentRequestList() {
  const translate = useTranslate()
  const t = (key: string) => translate(`paymentRequests.${key}`)
  const go = useGo()
  const { can } = useMyPermissions()
  const [params, setParams] = useSearchParams()
  const status = params.get('status') ?? undefined
  const partyId = params.get('supplier') ?? undefined
  const [page, setPage] = useState(1)
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params)
    if (value) next.set(key, value)
    else next.delete(key)
    setParams(next, { replace: true })
    setPage(1)
  }
  const suppliers = useOptions('parties', 'purchase')
  const list = usePaymentRequests({ status, partyId, page })

  return (
    <Card
      title={t('listTitle')}
      extra={
        <Space wrap>
          <Select
            style={{ width: 120 }}
            value={status}
            allowClear
            placeholder={t('fields.status')}
            onChange={(v) => set('status', v)}
            options={STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
            data-testid="prq-filter-status"
          />
          <Select
            style={{ width: 220 }}
            value={partyId}
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('fields.supplier')}
            onChange={(v) => set('supplier', v)}
            options={(suppliers.data ?? []).map((s) => ({ value: s.id, label: `${s.code} ${s.name}` }))}
            data-testid="prq-filter-supplier"
          />
          {can('payment_requests', 'create') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => go({ to: '/payment-requests/new' })}
              data-testid="prq-new"
            >
              {t('new')}
            </Button>
          )}
        </Space>
      }
    >
      <Table
        data-testid="prq-list"
        size="small"
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.rows ?? []}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.count ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        onRow={(r) => ({
          onClick: () => go({ to: `/payment-requests/${r.id}` }),
          style: { cursor: 'pointer' },
        })}
        columns={[
          { title: t('fields.number'), dataIndex: 'number' },
          { title: t('fields.supplier'), key: 'supplier', render: (_: unknown, r) => r.parties?.name },
          { title: t('fields.requestDate'), dataIndex: 'request_date' },
          { title: t('fields.payBy'), dataIndex: 'pay_by' },
          {
            title: t('fields.status'),
            dataIndex: 'status',
            render: (v: PaymentRequestStatus) => <Tag color={STATUS_COLORS[v]}>{t(`statuses.${v}`)}</Tag>,
          },
          { title: t('fields.amount'), dataIndex: 'amount', align: 'right', render: (v: string) => money(v) },
        ]}
      />
    </Card>
  )
}

export default PaymentRequestList
