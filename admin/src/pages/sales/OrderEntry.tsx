// Order entry (销售订单 / 采购订单): the header (customer or supplier, warehouse, prices with or without
// VAT), the lines (item, quantity, unit price, discount) with each item's available quantity in the
// warehouse, and the order's life: confirm (approval when a chain applies; stock and credit checked in
// SQL), then deliver with a carrier and tracking number and invoice (sales), or receive and bill
// (purchases, three-way matched in SQL). Amounts and totals shown are the database's, re-read after every
// save; quantities and prices go to the API as the strings typed.
import { DeleteOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons'
import { useGo, useNotification, useTranslate } from '@refinedev/core'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Spin,
  Switch,
  Table,
  Typography,
} from 'antd'
import { useEffect, useRef, useState } from 'react'
import { useParams, useSearchParams } from 'react-router'
import { DocumentHeading } from '../../components/DocumentHeading.tsx'
import { money, quantity } from '../../components/Money.tsx'
import { formatDateTime, shanghaiToday } from '../../lib/dates.ts'
import type { DbError } from '../../lib/db-error.ts'
import { subtractDecimal } from '../../lib/decimal.ts'
import { newIdempotencyKey, useShowDbError } from '../../lib/useDbError.ts'
import { useSupabase } from '../../providers/supabaseContext.tsx'
import { allows } from '../../tenancy/permissions.ts'
import { myPermissionsQuery } from '../../tenancy/queries.ts'
import { DASHBOARD_KEY } from '../dashboard/keys.ts'
import { vatLine, vatTotals } from '../documents/vat.ts'
import {
  KINDS,
  type OrderKind,
  type OrderLine,
  rateOn,
  SALES_ORDERS_KEY,
  useAvailability,
  useOptions,
  useOrder,
  useTaxRates,
} from './useOrder.ts'

type LineValues = { id?: string; item_id?: string; quantity?: string; unit_price?: string; discount?: string }
type FormValues = {
  party_id?: string
  warehouse_id?: string
  tax_inclusive: boolean
  note?: string
  lines: LineValues[]
}

const DECIMAL_RULE = { pattern: /^\d+(\.\d+)?$/ }
const NUM = { textAlign: 'right', whiteSpace: 'nowrap', paddingLeft: 12 } as const
// Figures line up with the inputs (a form item keeps 24px below for its message).
const NUM_TD = { ...NUM, verticalAlign: 'top', paddingTop: 5 } as const
export const STATUS_COLORS: Record<string, string> = {
  draft: 'default',
  submitted: 'processing',
  confirmed: 'blue',
  partial: 'orange',
  completed: 'success',
  cancelled: 'default',
}

function usePermissions() {
  const supabase = useSupabase()
  const { data } = useQuery(myPermissionsQuery(supabase))
  return (resource: string, action: string) => (data ? allows(data, resource, action) : false)
}

export function OrderEntry({ kind }: { kind: OrderKind }) {
  const translate = useTranslate()
  const k = KINDS[kind]
  // The purchase words where they differ, else the sales ones (most labels are the same).
  const tt = (key: string, params?: Record<string, unknown>) =>
    translate(`${k.i18n}.${key}`, params ?? {}, translate(`salesOrders.${key}`, params ?? {}))
  const supabase = useSupabase()
  const queryClient = useQueryClient()
  const go = useGo()
  const { id } = useParams<{ id: string }>()
  const isNew = !id || id === 'new'
  const orderId = isNew ? undefined : id
  const can = usePermissions()
  const showError = useShowDbError()
  const { open } = useNotification()
  const [form] = Form.useForm<FormValues>()
  const [dirty, setDirty] = useState(false)
  const [busy, setBusy] = useState<string | null>(null)
  const [result, setResult] = useState<{ type: 'success' | 'info' | 'error'; text: string } | null>(null)
  const [delivering, setDelivering] = useState(false)
  const [deliverForm] = Form.useForm<{ carrier?: string; tracking_number?: string }>()
  // One idempotency key per intended action: a second click (or a retry after a lost answer) of the
  // same delivery or invoice reuses it, so the database posts it once; success starts a new one.
  const deliverKey = useRef<string | null>(null)
  const invoiceKey = useRef<string | null>(null)

  const order = useOrder(kind, orderId)
  const customers = useOptions('parties', kind)
  const warehouses = useOptions('warehouses')
  const items = useOptions('items')
  const header = order.data?.header
  const savedLines = order.data?.lines ?? []
  const savedById = new Map(savedLines.map((l) => [l.id, l]))
  const editable = isNew || header?.status === 'draft'

  const watchedLines = Form.useWatch('lines', form) ?? []
  const watchedWarehouse = Form.useWatch('warehouse_id', form)
  const availability = useAvailability(
    watchedLines.map((l) => l?.item_id ?? ''),
    watchedWarehouse,
  )
  // Live totals while typing, by the database's own line rule (public.vat_line, per-line rounding) at the
  // rate the line trigger will take: the saved line's, else the item's tax code on the order date.
  const taxRates = useTaxRates(kind)
  const watchedInclusive = Form.useWatch('tax_inclusive', form) ?? true
  const orderDate = header?.order_date ?? shanghaiToday()
  const liveVats = watchedLines.map((l) => {
    if (!l?.item_id) return null
    const saved = l.id ? savedById.get(l.id) : undefined
    const rate =
      saved && saved.item_id === l.item_id ? saved.tax_rate : rateOn(taxRates.data, l.item_id, orderDate)
    return vatLine(l.quantity, l.unit_price, rate, watchedInclusive, l.discount || '0')
  })
  const liveTotals = vatTotals(liveVats)

  // The form shows what the database holds after every read (new totals, a changed status).
  useEffect(() => {
    if (!order.data) return
    const h = order.data.header
    form.setFieldsValue({
      party_id: h.party_id,
      warehouse_id: h.warehouse_id ?? undefined,
      tax_inclusive: h.tax_inclusive,
      note: h.note ?? undefined,
      lines: order.data.lines.map((l) => ({
        id: l.id,
        item_id: l.item_id,
        quantity: trimZeros(l.quantity),
        unit_price: trimZeros(l.unit_price),
        discount: trimZeros(l.discount),
      })),
    })
    setDirty(false)
  }, [order.data, form])

  // A new order from a customer's page starts with that customer.
  const [search] = useSearchParams()
  const presetParty = isNew ? search.get('customer') : null
  useEffect(() => {
    if (presetParty && !form.getFieldValue('party_id')) form.setFieldValue('party_id', presetParty)
  }, [presetParty, form])

  // A new order ships from the first warehouse unless the person picks another.
  useEffect(() => {
    if (isNew && warehouses.data?.[0] && !form.getFieldValue('warehouse_id'))
      form.setFieldValue('warehouse_id', warehouses.data[0].id)
  }, [isNew, warehouses.data, form])

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: SALES_ORDERS_KEY })
    await queryClient.invalidateQueries({ queryKey: ['troika', 'item_availability'] })
    void queryClient.invalidateQueries({ queryKey: DASHBOARD_KEY })
  }

  const fail = (error: DbError) => {
    const text = showError(error)
    // The database's own sentence carries the particulars (which item, how many, when stock arrives).
    const detail = error.message && error.message !== text ? ` (${error.message})` : ''
    setResult({ type: 'error', text: `${text}${detail}` })
  }

  /**
   * Writes the header and all lines in one call (save_order: one transaction, the caller's rights);
   * returns the order id, or null when the database refused (then nothing was written).
   */
  const save = async (): Promise<string | null> => {
    // Invalid fields show their messages on the form; nothing is written.
    const values = await form.validateFields().catch(() => null)
    if (!values) return null
    const headerRow = {
      party_id: values.party_id,
      warehouse_id: values.warehouse_id ?? null,
      tax_inclusive: values.tax_inclusive,
      note: values.note || null,
    }
    const lineRow = (l: LineValues) => ({
      ...(l.id ? { id: l.id } : {}),
      item_id: l.item_id,
      quantity: l.quantity,
      unit_price: l.unit_price,
      discount: l.discount || '0',
    })
    const { data, error } = await supabase.rpc('save_order', {
      p_kind: kind,
      p_order: orderId ? { id: orderId, ...headerRow } : headerRow,
      p_lines: (values.lines ?? []).map(lineRow),
    })
    if (error) {
      fail(error)
      return null
    }
    setDirty(false)
    await refresh()
    return (data as { id: string }).id
  }

  const onSave = async () => {
    setBusy('save')
    try {
      const saved = await save()
      if (!saved) return
      setResult({ type: 'success', text: tt('messages.saved') })
      open?.({ type: 'success', message: tt('messages.saved') })
      if (isNew) go({ to: `${k.path}/${saved}`, type: 'replace' })
    } finally {
      setBusy(null)
    }
  }

  const onConfirm = async () => {
    if (!orderId) return
    setBusy('confirm')
    try {
      if (dirty && !(await save())) return
      const { data, error } = await supabase.rpc(k.confirm, { p_order_id: orderId })
      if (error) return fail(error)
      const status = (data as { status: string }).status
      const text = tt(`messages.${status === 'submitted' ? 'submitted' : 'confirmed'}`)
      setResult({ type: status === 'submitted' ? 'info' : 'success', text })
      open?.({ type: 'success', message: text })
      await refresh()
      void queryClient.invalidateQueries({ queryKey: ['troika', 'approvals'] })
    } finally {
      setBusy(null)
    }
  }

  const onDeliver = async () => {
    if (!orderId) return
    const values: { carrier?: string; tracking_number?: string } | null =
      kind === 'sales' ? await deliverForm.validateFields().catch(() => null) : {}
    if (!values) return
    deliverKey.current ??= newIdempotencyKey()
    setBusy('deliver')
    try {
      const shipping =
        kind === 'sales'
          ? { p_carrier: values.carrier || null, p_tracking_number: values.tracking_number || null }
          : {}
      const { data, error } = await supabase.rpc(k.fulfil.rpc, {
        p_idempotency_key: deliverKey.current,
        p_order_id: orderId,
        ...shipping,
      })
      if (error) return fail(error)
      deliverKey.current = null
      const text = tt('messages.fulfilled', {
        number: (data as { number?: string }).number ?? '',
      })
      setResult({ type: 'success', text })
      open?.({ type: 'success', message: text })
      setDelivering(false)
      deliverForm.resetFields()
      await refresh()
    } finally {
      setBusy(null)
    }
  }

  const onInvoice = async () => {
    if (!orderId) return
    invoiceKey.current ??= newIdempotencyKey()
    setBusy('invoice')
    try {
      const { data, error } = await supabase.rpc(k.bill.rpc, {
        p_idempotency_key: invoiceKey.current,
        p_order_id: orderId,
      })
      if (error) return fail(error)
      invoiceKey.current = null
      const posted = data as { number?: string; total?: number | string }
      const text = tt('messages.billed', {
        number: posted.number ?? '',
        total: money(posted.total),
      })
      setResult({ type: 'success', text })
      open?.({ type: 'success', message: text })
      await refresh()
    } finally {
      setBusy(null)
    }
  }

  if (!isNew && order.isLoading) return <Spin />
  if (!isNew && order.isError)
    return <Alert type="error" showIcon message={(order.error as Error).message} data-testid="order-error" />

  const status = header?.status
  const canWrite = isNew ? can(k.orders, 'create') : can(k.orders, 'update')
  const fulfilling = status === 'confirmed' || status === 'partial'

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="sales-order">
      <Card
        title={
          <DocumentHeading
            title={isNew ? tt('new') : tt('title')}
            number={header?.number}
            status={status}
            statusLabel={status && tt(`statuses.${status}`)}
            statusColor={status && STATUS_COLORS[status]}
            testId="order"
          />
        }
        extra={
          <Space wrap>
            {editable && canWrite && (
              <Button type="primary" onClick={onSave} loading={busy === 'save'} data-testid="order-save">
                {translate('buttons.save')}
              </Button>
            )}
            {!isNew && (status === 'draft' || status === 'submitted') && can(k.orders, 'update') && (
              <Button onClick={onConfirm} loading={busy === 'confirm'} data-testid="order-confirm">
                {tt('actions.confirm')}
              </Button>
            )}
            {fulfilling && can(k.fulfil.right, 'post') && kind === 'sales' && (
              <Button onClick={() => setDelivering(true)} data-testid="order-fulfil">
                {tt('actions.fulfil')}
              </Button>
            )}
            {fulfilling && can(k.fulfil.right, 'post') && kind === 'purchase' && (
              <Popconfirm
                title={tt('fulfilConfirm')}
                onConfirm={onDeliver}
                okText={tt('actions.fulfil')}
                cancelText={translate('buttons.cancel')}
              >
                <Button loading={busy === 'deliver'} data-testid="order-fulfil">
                  {tt('actions.fulfil')}
                </Button>
              </Popconfirm>
            )}
            {fulfilling && can(k.fulfil.right, 'post') && (
              <Button
                onClick={() => go({ to: `/documents/${k.fulfil.right}/new?order=${orderId}` })}
                data-testid="order-fulfil-lines"
              >
                {translate(`documents.new.${k.fulfil.right}`)}
              </Button>
            )}
            {fulfilling && can(k.bill.right, 'post') && (
              <Button
                onClick={() => go({ to: `/documents/${k.bill.right}/new?order=${orderId}` })}
                data-testid="order-bill-lines"
              >
                {translate(`documents.new.${k.bill.right}`)}
              </Button>
            )}
            {!isNew && (
              <Button
                icon={<PrinterOutlined />}
                onClick={() => go({ to: `/print/${kind}-order/${orderId}` })}
                data-testid="order-print"
              >
                {translate('documents.print')}
              </Button>
            )}
            {fulfilling && can(k.bill.right, 'post') && (
              <Popconfirm
                title={tt('billConfirm')}
                onConfirm={onInvoice}
                okText={tt('actions.bill')}
                cancelText={translate('buttons.cancel')}
              >
                <Button loading={busy === 'invoice'} data-testid="order-bill">
                  {tt('actions.bill')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        }
      >
        {result && (
          <Alert
            type={result.type}
            showIcon
            message={result.text}
            style={{ marginBottom: 16 }}
            data-testid="order-result"
            closable
            onClose={() => setResult(null)}
          />
        )}
        <Form<FormValues>
          form={form}
          layout="vertical"
          disabled={!editable || !canWrite}
          initialValues={{ tax_inclusive: true, lines: [{}] }}
          onValuesChange={() => setDirty(true)}
          data-testid="order-form"
        >
          <Space wrap size="large" align="start">
            <Form.Item
              name="party_id"
              label={tt('fields.customer')}
              rules={[{ required: true, message: tt('errors.customer') }]}
              style={{ minWidth: 260 }}
            >
              <Select
                showSearch
                optionFilterProp="label"
                loading={customers.isLoading}
                options={(customers.data ?? []).map((c) => ({ value: c.id, label: `${c.code} ${c.name}` }))}
              />
            </Form.Item>
            <Form.Item name="warehouse_id" label={tt('fields.warehouse')} style={{ minWidth: 200 }}>
              <Select
                loading={warehouses.isLoading}
                options={(warehouses.data ?? []).map((w) => ({ value: w.id, label: `${w.code} ${w.name}` }))}
              />
            </Form.Item>
            <Form.Item name="tax_inclusive" label={tt('fields.taxInclusive')} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name="note" label={tt('fields.note')} style={{ minWidth: 300 }}>
              <Input maxLength={1000} />
            </Form.Item>
          </Space>

          <Typography.Title level={5}>{tt('lines')}</Typography.Title>
          <Form.List name="lines">
            {(fields, { add, remove }) => (
              <>
                <table className="troika-lines" style={{ width: '100%', borderCollapse: 'collapse' }}>
                  <thead>
                    <tr style={{ textAlign: 'left' }}>
                      <th style={{ width: '26%' }}>{tt('fields.item')}</th>
                      <th>{tt('fields.quantity')}</th>
                      <th>{tt('fields.unitPrice')}</th>
                      <th>{tt('fields.discount')}</th>
                      <th style={NUM}>{tt('fields.available')}</th>
                      <th style={NUM}>{tt('fields.amount')}</th>
                      <th style={NUM}>{tt('fields.tax')}</th>
                      <th style={NUM}>{tt('fields.total')}</th>
                      <th style={NUM}>{tt('fields.done1')}</th>
                      <th style={NUM}>{tt('fields.done2')}</th>
                      <th />
                    </tr>
                  </thead>
                  <tbody>
                    {fields.map((field, index) => {
                      const lineId = watchedLines[index]?.id
                      const saved: OrderLine | undefined = lineId ? savedById.get(lineId) : undefined
                      const itemId = watchedLines[index]?.item_id
                      const a = itemId ? availability.data?.get(itemId) : undefined
                      return (
                        <tr key={field.key} data-testid={`line-${index}`}>
                          <td>
                            <Form.Item name={[field.name, 'id']} hidden>
                              <Input />
                            </Form.Item>
                            <Form.Item
                              name={[field.name, 'item_id']}
                              rules={[{ required: true, message: tt('errors.item') }]}
                            >
                              <Select
                                showSearch
                                optionFilterProp="label"
                                aria-label={tt('fields.item')}
                                data-testid={`line-${index}-item`}
                                options={(items.data ?? []).map((i) => ({
                                  value: i.id,
                                  label: `${i.code} ${i.name}`,
                                }))}
                                onChange={(value: string) => {
                                  const price = items.data?.find((i) => i.id === value)?.sale_price
                                  if (price && !form.getFieldValue(['lines', field.name, 'unit_price']))
                                    form.setFieldValue(['lines', field.name, 'unit_price'], trimZeros(price))
                                }}
                              />
                            </Form.Item>
                          </td>
                          <td>
                            <Form.Item
                              name={[field.name, 'quantity']}
                              rules={[
                                { required: true, message: tt('errors.quantity') },
                                { ...DECIMAL_RULE, message: tt('errors.quantity') },
                              ]}
                            >
                              <Input inputMode="decimal" data-testid={`line-${index}-quantity`} />
                            </Form.Item>
                          </td>
                          <td>
                            <Form.Item
                              name={[field.name, 'unit_price']}
                              rules={[
                                { required: true, message: tt('errors.unitPrice') },
                                { ...DECIMAL_RULE, message: tt('errors.unitPrice') },
                              ]}
                            >
                              <Input inputMode="decimal" data-testid={`line-${index}-price`} />
                            </Form.Item>
                          </td>
                          <td>
                            <Form.Item
                              name={[field.name, 'discount']}
                              rules={[{ ...DECIMAL_RULE, message: tt('errors.discount') }]}
                            >
                              <Input
                                inputMode="decimal"
                                placeholder="0"
                                data-testid={`line-${index}-discount`}
                              />
                            </Form.Item>
                          </td>
                          <td style={NUM_TD} data-testid={`line-${index}-available`}>
                            {a ? (
                              <span
                                title={`${tt('fields.onHand')} ${quantity(a.on_hand)} · ${tt('fields.reserved')} ${quantity(a.reserved)}`}
                              >
                                {quantity(trimZeros(subtractDecimal(a.on_hand, a.reserved)))}
                              </span>
                            ) : itemId && availability.isFetched ? (
                              '0'
                            ) : (
                              ''
                            )}
                          </td>
                          <td style={NUM_TD} data-testid={`line-${index}-amount`}>
                            {money(liveVats[index]?.amount ?? saved?.amount)}
                          </td>
                          <td style={NUM_TD} data-testid={`line-${index}-tax`}>
                            {money(liveVats[index]?.tax ?? saved?.tax)}
                          </td>
                          <td style={NUM_TD} data-testid={`line-${index}-total`}>
                            {money(liveVats[index]?.total ?? saved?.total)}
                          </td>
                          <td style={NUM_TD}>{quantity(saved?.done1)}</td>
                          <td style={NUM_TD}>{quantity(saved?.done2)}</td>
                          <td>
                            {editable && canWrite && (
                              <Button
                                type="text"
                                icon={<DeleteOutlined />}
                                aria-label={translate('buttons.delete')}
                                onClick={() => remove(field.name)}
                                style={{ marginBottom: 24 }}
                              />
                            )}
                          </td>
                        </tr>
                      )
                    })}
                  </tbody>
                </table>
                {editable && canWrite && (
                  <Button icon={<PlusOutlined />} onClick={() => add({})} data-testid="add-line">
                    {tt('addLine')}
                  </Button>
                )}
              </>
            )}
          </Form.List>
        </Form>

        {editable && canWrite && (
          <Descriptions
            style={{ marginTop: 16 }}
            size="small"
            column={3}
            title={<Typography.Text type="secondary">{translate('documents.liveTotals')}</Typography.Text>}
            items={[
              {
                key: 'amount',
                label: tt('fields.amount'),
                children: <span data-testid="live-amount">{money(liveTotals.amount)}</span>,
              },
              {
                key: 'tax',
                label: tt('fields.tax'),
                children: <span data-testid="live-tax">{money(liveTotals.tax)}</span>,
              },
              {
                key: 'total',
                label: tt('fields.total'),
                children: <span data-testid="live-total">{money(liveTotals.total)}</span>,
              },
            ]}
          />
        )}
        {header && (
          <Descriptions
            style={{ marginTop: 16 }}
            size="small"
            bordered
            column={3}
            items={[
              {
                key: 'amount',
                label: tt('fields.amount'),
                children: <span data-testid="order-amount">{money(header.amount)}</span>,
              },
              {
                key: 'tax',
                label: tt('fields.tax'),
                children: <span data-testid="order-tax">{money(header.tax)}</span>,
              },
              {
                key: 'total',
                label: tt('fields.total'),
                children: <strong data-testid="order-total">{money(header.total)}</strong>,
              },
            ]}
          />
        )}
      </Card>

      {order.data && (order.data.progress || order.data.documents.length > 0) && (
        <Card size="small" title={tt('progress')} data-testid="order-progress">
          {order.data.progress && (
            <Descriptions
              size="small"
              column={4}
              items={[
                {
                  key: 'delivered',
                  label: tt('fields.deliveredQuantity'),
                  children: (
                    <span data-testid="progress-delivered">
                      {quantity(order.data.progress.delivered_quantity)}
                    </span>
                  ),
                },
                {
                  key: 'invoiced',
                  label: tt('fields.invoicedQuantity'),
                  children: (
                    <span data-testid="progress-invoiced">
                      {quantity(order.data.progress.invoiced_quantity)}
                    </span>
                  ),
                },
                {
                  key: 'invoicedTotal',
                  label: tt('fields.invoicedTotal'),
                  children: (
                    <span data-testid="progress-invoiced-total">
                      {money(order.data.progress.invoiced_total)}
                    </span>
                  ),
                },
                {
                  key: 'unpaid',
                  label: tt('fields.unpaid'),
                  children: money(order.data.progress.unpaid),
                },
              ]}
            />
          )}
          {order.data.documents.length > 0 && (
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={order.data.documents}
              data-testid="order-documents"
              columns={[
                {
                  title: tt('fields.docType'),
                  dataIndex: 'doc_type',
                  render: (v: string) => translate(`salesOrders.docTypes.${v}`, {}, v),
                },
                // Carriers and tracking numbers belong to deliveries.
                ...(kind === 'sales'
                  ? [
                      { title: tt('fields.carrier'), dataIndex: 'carrier' },
                      { title: tt('fields.trackingNumber'), dataIndex: 'tracking_number' },
                    ]
                  : []),
                {
                  title: tt('fields.createdAt'),
                  dataIndex: 'created_at',
                  render: (v: string) => formatDateTime(v),
                },
              ]}
            />
          )}
        </Card>
      )}

      <Modal
        open={delivering}
        title={tt('actions.fulfil')}
        okText={tt('actions.fulfil')}
        cancelText={translate('buttons.cancel')}
        onOk={onDeliver}
        okButtonProps={{ loading: busy === 'deliver', 'data-testid': 'deliver-ok' } as never}
        onCancel={() => setDelivering(false)}
      >
        <Typography.Paragraph type="secondary">{tt('deliverHint')}</Typography.Paragraph>
        <Form form={deliverForm} layout="vertical" data-testid="deliver-form">
          <Form.Item name="carrier" label={tt('fields.carrier')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="tracking_number" label={tt('fields.trackingNumber')}>
            <Input maxLength={100} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  )
}

/** "12.500000" → "12.5" for the inputs (the database keeps its scale). */
function trimZeros(value: string): string {
  return value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value
}

export const SalesOrderEntry = () => <OrderEntry kind="sales" />
export const PurchaseOrderEntry = () => <OrderEntry kind="purchase" />
