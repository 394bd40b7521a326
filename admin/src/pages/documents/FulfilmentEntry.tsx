// Document entry from an order (发货单, 销售发票, 采购入库, 采购发票): the order's lines prefilled with what
// is left (ordered − delivered, delivered − invoiced, ordered − received, received − billed), quantities
// editable (a bill's prices too), the stock available per line where goods leave or arrive, live totals by
// the database's own VAT rule (vat.ts = public.vat_line), and for a sales invoice the 数电发票 data as it
// will be prepared. Posting is one RPC call (one transaction: the ledger document, stock, voucher,
// the order's progress); its refusal is shown in plain words and nothing is written.
import { PrinterOutlined } from '@ant-design/icons'
import { useGo, useNotification, useTranslate } from '@refinedev/core'
import { useQueryClient } from '@tanstack/react-query'
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd'
import dayjs from 'dayjs'
import { useEffect, useMemo, useRef, useState } from 'react'
import { Link, useParams, useSearchParams } from 'react-router'
import { money, quantity } from '../../components/Money.tsx'
import { trimDecimal } from '../../generated/money.ts'
import { shanghaiToday } from '../../lib/dates.ts'
import type { DbError } from '../../lib/db-error.ts'
import { compareDecimal, isNumber, subtractDecimal } from '../../lib/decimal.ts'
import { newIdempotencyKey, useShowDbError } from '../../lib/useDbError.ts'
import { useSupabase } from '../../providers/supabaseContext.tsx'
import { useMyTenants } from '../../tenancy/useMyTenants.ts'
import { DASHBOARD_KEY } from '../dashboard/keys.ts'
import { SALES_ORDERS_KEY, useAvailability } from '../sales/useOrder.ts'
import {
  DOCUMENTS_KEY,
  FULFILMENT,
  type FulfilmentKind,
  isFulfilmentKind,
  type SourceLine,
  useSeller,
  useSourceOrder,
} from './useDocuments.ts'
import { proportionalDiscount, unitPriceExcludingTax, vatLine, vatTotals } from './vat.ts'

const NUM = { textAlign: 'right', whiteSpace: 'nowrap' } as const

type Entry = { quantity: string; unit_price: string }

/** What is left on a line for this step: upto − done, never below zero. */
export function leftOf(line: Pick<SourceLine, 'upto' | 'done'>): string {
  const left = subtractDecimal(line.upto, line.done)
  return left.startsWith('-') ? '0' : trimDecimal(left)
}

/**
 * The VAT of one line as the posting will compute it: a delivery, receipt or invoice carries its share
 * of the order line's discount at the order price; a bill posts the price entered, without a discount.
 */
export function lineVat(line: SourceLine, entry: Entry, taxInclusive: boolean, bill: boolean) {
  if (!isNumber(entry.quantity) || compareDecimal(entry.quantity, '0', 4) <= 0) return null
  return vatLine(
    entry.quantity,
    bill ? entry.unit_price : line.unit_price,
    line.tax_rate,
    taxInclusive,
    bill ? '0' : proportionalDiscount(line.discount, entry.quantity, line.quantity),
  )
}

export function FulfilmentEntry() {
  const translate = useTranslate()
  const t = (key: string, params?: Record<string, unknown>) => translate(`documents.${key}`, params ?? {})
  const { kind: kindParam } = useParams<{ kind: string }>()
  const [search] = useSearchParams()
  const orderId = search.get('order') ?? undefined
  if (!isFulfilmentKind(kindParam)) return <Alert type="error" message={t('unknownKind')} />
  if (!orderId) return <Alert type="warning" showIcon message={t('pickOrder')} data-testid="doc-no-order" />
  return <FulfilmentForm kind={kindParam} orderId={orderId} t={t} translate={translate} />
}

function FulfilmentForm({
  kind,
  orderId,
  t,
  translate,
}: {
  kind: FulfilmentKind
  orderId: string
  t: (key: string, params?: Record<string, unknown>) => string
  translate: ReturnType<typeof useTranslate>
}) {
  const f = FULFILMENT[kind]
  const supabase = useSupabase()
  const queryClient = useQueryClient()
  const go = useGo()
  const { open } = useNotification()
  const showError = useShowDbError()
  const { active } = useMyTenants()
  const source = useSourceOrder(kind, orderId)
  const seller = useSeller(kind === 'sales_invoice' ? active?.tenant_id : undefined)
  const [entries, setEntries] = useState<Record<string, Entry>>({})
  const [date, setDate] = useState(shanghaiToday())
  const [carrier, setCarrier] = useState('')
  const [tracking, setTracking] = useState('')
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<{
    type: 'success' | 'error'
    text: string
    documentId?: string
  } | null>(null)
  const key = useRef<string | null>(null)

  const order = source.data?.order
  const lines = useMemo(() => source.data?.lines ?? [], [source.data])

  // Prefilled with what is left on each line; re-prefilled after every read (a post changes what is left).
  useEffect(() => {
    if (!source.data) return
    setEntries(
      Object.fromEntries(
        source.data.lines.map((l) => [
          l.id,
          { quantity: leftOf(l), unit_price: trimDecimal(l.unit_price) } satisfies Entry,
        ]),
      ),
    )
  }, [source.data])

  const availability = useAvailability(
    f.stock ? lines.map((l) => l.item_id) : [],
    order?.warehouse_id ?? undefined,
  )

  const vats = lines.map((l) =>
    entries[l.id]
      ? lineVat(l, entries[l.id] as Entry, order?.tax_inclusive ?? true, kind === 'supplier_bill')
      : null,
  )
  const totals = vatTotals(vats)

  const problems = lines.flatMap((l) => {
    const e = entries[l.id]
    if (!e || e.quantity.trim() === '' || e.quantity.trim() === '0') return []
    if (!isNumber(e.quantity) || compareDecimal(e.quantity, '0', 4) < 0)
      return [t('errors.quantity', { line: l.line_no })]
    if (compareDecimal(e.quantity, leftOf(l), 4) > 0)
      return [t('errors.tooMuch', { line: l.line_no, left: leftOf(l) })]
    if (f.priced && !isNumber(e.unit_price)) return [t('errors.price', { line: l.line_no })]
    return []
  })
  const chosen = lines.filter((l) => {
    const e = entries[l.id]
    return e && isNumber(e.quantity) && compareDecimal(e.quantity, '0', 4) > 0
  })

  const fail = (error: DbError) => {
    const text = showError(error)
    const detail = error.message && error.message !== text ? ` (${error.message})` : ''
    setResult({ type: 'error', text: `${text}${detail}` })
  }

  const post = async () => {
    if (problems.length > 0 || chosen.length === 0) return
    key.current ??= newIdempotencyKey()
    setBusy(true)
    try {
      const pLines = chosen.map((l) => {
        const e = entries[l.id] as Entry
        return {
          order_line_id: l.id,
          quantity: e.quantity.trim(),
          ...(kind === 'supplier_bill' ? { unit_price: e.unit_price.trim() } : {}),
        }
      })
      const args: Record<string, unknown> = {
        p_idempotency_key: key.current,
        p_order_id: orderId,
        p_lines: pLines,
        p_date: date,
      }
      if (kind === 'delivery') {
        args.p_carrier = carrier.trim() || null
        args.p_tracking_number = tracking.trim() || null
      }
      const { data, error } = await supabase.rpc(f.rpc, args)
      if (error) return fail(error)
      key.current = null
      const posted = data as { document_id?: string; number?: string; total?: string | number }
      const text = t(`posted.${kind}`, { number: posted.number ?? '', total: money(posted.total) })
      setResult({ type: 'success', text, documentId: posted.document_id })
      open?.({ type: 'success', message: text })
      setCarrier('')
      setTracking('')
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: DOCUMENTS_KEY }),
        queryClient.invalidateQueries({ queryKey: SALES_ORDERS_KEY }),
        queryClient.invalidateQueries({ queryKey: ['troika', 'item_availability'] }),
      ])
      void queryClient.invalidateQueries({ queryKey: DASHBOARD_KEY })
    } finally {
      setBusy(false)
    }
  }

  if (source.isLoading) return <Spin />
  if (source.isError || !order)
    return (
      <Alert
        type="error"
        showIcon
        message={t('orderMissing')}
        description={(source.error as Error | null)?.message}
        data-testid="doc-error"
      />
    )

  const fulfillable = order.status === 'confirmed' || order.status === 'partial'
  const setEntry = (id: string, patch: Partial<Entry>) =>
    setEntries((prev) => ({ ...prev, [id]: { ...(prev[id] as Entry), ...patch } }))

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid={`doc-${kind}`}>
      <Card
        title={
          <Space>
            <span>{t(`new.${kind}`)}</span>
            <Link to={`${f.orderPath}/${order.id}`} data-testid="doc-order-link">
              {order.number}
            </Link>
            <Tag>{translate(`salesOrders.statuses.${order.status}`, order.status)}</Tag>
          </Space>
        }
        extra={
          <Space>
            {result?.type === 'success' && result.documentId && kind === 'delivery' && (
              <Button
                icon={<PrinterOutlined />}
                onClick={() => go({ to: `/print/delivery/${result.documentId}` })}
                data-testid="doc-print"
              >
                {t('print')}
              </Button>
            )}
            <Button
              type="primary"
              onClick={post}
              loading={busy}
              disabled={!fulfillable || problems.length > 0 || chosen.length === 0}
              data-testid="doc-post"
            >
              {t(`post.${kind}`)}
            </Button>
          </Space>
        }
      >
        {result && (
          <Alert
            type={result.type}
            showIcon
            message={result.text}
            style={{ marginBottom: 16 }}
            data-testid="doc-result"
            closable
            onClose={() => setResult(null)}
          />
        )}
        {!fulfillable && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            message={t('notFulfillable', {
              status: translate(`salesOrders.statuses.${order.status}`, order.status),
            })}
          />
        )}
        {problems.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            message={problems.join('；')}
            data-testid="doc-problems"
          />
        )}
        <Descriptions
          size="small"
          column={3}
          items={[
            { key: 'party', label: t(f.sales ? 'customer' : 'supplier'), children: order.party?.name },
            {
              key: 'warehouse',
              label: t('warehouse'),
              children: order.warehouse ? `${order.warehouse.code} ${order.warehouse.name}` : '',
            },
            {
              key: 'inclusive',
              label: t('prices'),
              children: order.tax_inclusive ? t('inclusive') : t('exclusive'),
            },
          ]}
        />
        <Form layout="inline" style={{ margin: '12px 0' }}>
          <Form.Item label={t('date')}>
            <DatePicker
              value={dayjs(date)}
              allowClear={false}
              onChange={(d) => d && setDate(d.format('YYYY-MM-DD'))}
              data-testid="doc-date"
            />
          </Form.Item>
          {kind === 'delivery' && (
            <>
              <Form.Item label={t('carrier')}>
                <Input
                  value={carrier}
                  maxLength={100}
                  onChange={(e) => setCarrier(e.target.value)}
                  data-testid="doc-carrier"
                />
              </Form.Item>
              <Form.Item label={t('tracking')}>
                <Input
                  value={tracking}
                  maxLength={100}
                  onChange={(e) => setTracking(e.target.value)}
                  data-testid="doc-tracking"
                />
              </Form.Item>
            </>
          )}
        </Form>
        <Table<SourceLine>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={lines}
          data-testid="doc-lines"
          locale={{ emptyText: <Empty description={t('noLines')} /> }}
          columns={[
            { title: t('cols.line'), dataIndex: 'line_no', width: 56 },
            {
              title: t('cols.item'),
              key: 'item',
              render: (_: unknown, l) => (l.item ? `${l.item.sku} ${l.item.name}` : ''),
            },
            {
              title: t('cols.ordered'),
              dataIndex: 'quantity',
              align: 'right',
              render: (v: string) => quantity(v),
            },
            {
              title: t(`cols.done.${kind}`),
              dataIndex: 'done',
              align: 'right',
              render: (v: string) => quantity(v),
            },
            {
              title: t('cols.left'),
              key: 'left',
              align: 'right',
              render: (_: unknown, l) => <span data-testid={`doc-left-${l.line_no}`}>{leftOf(l)}</span>,
            },
            ...(f.stock
              ? [
                  {
                    title: t(kind === 'delivery' ? 'cols.available' : 'cols.onHand'),
                    key: 'available',
                    align: 'right' as const,
                    render: (_: unknown, l: SourceLine) => {
                      const a = availability.data?.get(l.item_id)
                      // a delivery takes from what is on hand; this order's own reservation is part of it
                      const v = a ? trimDecimal(a.on_hand) : availability.isFetched ? '0' : ''
                      const short =
                        kind === 'delivery' &&
                        a !== undefined &&
                        compareDecimal(entries[l.id]?.quantity, a.on_hand, 4) > 0
                      return (
                        <Typography.Text
                          type={short ? 'danger' : undefined}
                          data-testid={`doc-available-${l.line_no}`}
                        >
                          {v}
                        </Typography.Text>
                      )
                    },
                  },
                ]
              : []),
            {
              title: t('cols.quantity'),
              key: 'qty',
              width: 130,
              render: (_: unknown, l) => (
                <Input
                  inputMode="decimal"
                  value={entries[l.id]?.quantity ?? ''}
                  onChange={(e) => setEntry(l.id, { quantity: e.target.value })}
                  data-testid={`doc-qty-${l.line_no}`}
                  aria-label={`${t('cols.quantity')} ${l.line_no}`}
                />
              ),
            },
            {
              title: t('cols.price'),
              key: 'price',
              width: kind === 'supplier_bill' ? 130 : undefined,
              align: kind === 'supplier_bill' ? undefined : ('right' as const),
              render: (_: unknown, l) =>
                kind === 'supplier_bill' ? (
                  <Input
                    inputMode="decimal"
                    value={entries[l.id]?.unit_price ?? ''}
                    onChange={(e) => setEntry(l.id, { unit_price: e.target.value })}
                    data-testid={`doc-price-${l.line_no}`}
                  />
                ) : (
                  trimDecimal(l.unit_price)
                ),
            },
            {
              title: t('cols.rate'),
              dataIndex: 'tax_rate',
              align: 'right',
              render: (v: string | null) => (v ? percent(v) : ''),
            },
            {
              title: t('cols.amount'),
              key: 'amount',
              align: 'right',
              render: (_: unknown, _l, i) => <span style={NUM}>{money(vats[i]?.amount)}</span>,
            },
            {
              title: t('cols.tax'),
              key: 'tax',
              align: 'right',
              render: (_: unknown, _l, i) => money(vats[i]?.tax),
            },
            {
              title: t('cols.total'),
              key: 'total',
              align: 'right',
              render: (_: unknown, l, i) => (
                <span data-testid={`doc-line-total-${l.line_no}`}>{money(vats[i]?.total)}</span>
              ),
            },
          ]}
        />
        <Descriptions
          style={{ marginTop: 16 }}
          size="small"
          bordered
          column={3}
          items={[
            {
              key: 'amount',
              label: t('cols.amount'),
              children: <span data-testid="doc-amount">{money(totals.amount)}</span>,
            },
            {
              key: 'tax',
              label: t('cols.tax'),
              children: <span data-testid="doc-tax">{money(totals.tax)}</span>,
            },
            {
              key: 'total',
              label: t('cols.total'),
              children: <strong data-testid="doc-total">{money(totals.total)}</strong>,
            },
          ]}
        />
      </Card>
      {kind === 'sales_invoice' && (
        <EInvoicePreview
          t={t}
          seller={seller.data}
          buyer={order.party}
          date={date}
          lines={chosen.map((l) => ({
            line: l,
            vat: vats[lines.indexOf(l)] ?? null,
            entry: entries[l.id] as Entry,
          }))}
          totals={totals}
          documentId={result?.type === 'success' ? result.documentId : undefined}
        />
      )}
    </Space>
  )
}

/** "0.1300" → "13%". */
export function percent(rate: string): string {
  const [int = '0', frac = ''] = rate.split('.')
  const digits = `${int}${frac.padEnd(2, '0')}`
  const whole = digits.slice(0, int.length + 2).replace(/^0+(?=\d)/, '')
  const rest = frac.slice(2).replace(/0+$/, '')
  return `${whole}${rest ? `.${rest}` : ''}%`
}

/** The 数电发票 data the posted invoice will give (prepare_tax_invoice), shown before posting. */
function EInvoicePreview({
  t,
  seller,
  buyer,
  date,
  lines,
  totals,
  documentId,
}: {
  t: (key: string, params?: Record<string, unknown>) => string
  seller: { name: string; credit_code: string } | undefined
  buyer: { name: string; invoice_title: string | null; taxpayer_id: string | null } | null
  date: string
  lines: Array<{ line: SourceLine; vat: ReturnType<typeof vatLine>; entry: Entry }>
  totals: { amount: string; tax: string; total: string }
  documentId?: string
}) {
  const supabase = useSupabase()
  const showError = useShowDbError()
  const [prepared, setPrepared] = useState<string | null>(null)
  const missingCode = lines.filter((l) => !l.line.item?.tax_classification_code)
  const prepare = async () => {
    if (!documentId) return
    const { data, error } = await supabase.rpc('prepare_tax_invoice', { p_document_id: documentId })
    if (error) return void showError(error)
    setPrepared(String(data))
  }
  return (
    <Card
      size="small"
      title={t('einvoice.title')}
      data-testid="einvoice-preview"
      extra={
        documentId && (
          <Button onClick={prepare} disabled={Boolean(prepared)} data-testid="einvoice-prepare">
            {prepared ? t('einvoice.prepared') : t('einvoice.prepare')}
          </Button>
        )
      }
    >
      {missingCode.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('einvoice.missingCode', {
            items: missingCode.map((l) => l.line.item?.sku ?? l.line.line_no).join('、'),
          })}
        />
      )}
      <Descriptions
        size="small"
        column={2}
        bordered
        items={[
          { key: 'seller', label: t('einvoice.seller'), children: seller?.name },
          { key: 'sellerId', label: t('einvoice.sellerId'), children: seller?.credit_code },
          {
            key: 'buyer',
            label: t('einvoice.buyer'),
            children: buyer ? buyer.invoice_title?.trim() || buyer.name : '',
          },
          { key: 'buyerId', label: t('einvoice.buyerId'), children: buyer?.taxpayer_id ?? '' },
          { key: 'date', label: t('einvoice.date'), children: date },
          {
            key: 'total',
            label: t('einvoice.total'),
            children: <span data-testid="einvoice-total">{money(totals.total)}</span>,
          },
        ]}
      />
      <Table
        size="small"
        style={{ marginTop: 12 }}
        pagination={false}
        rowKey={(r) => r.line.id}
        dataSource={lines}
        columns={[
          {
            title: t('einvoice.name'),
            key: 'name',
            render: (_: unknown, r) => r.line.item?.name,
          },
          {
            title: t('einvoice.code'),
            key: 'code',
            render: (_: unknown, r) => r.line.item?.tax_classification_code ?? '—',
          },
          { title: t('einvoice.spec'), key: 'spec', render: (_: unknown, r) => r.line.item?.spec },
          { title: t('einvoice.unit'), key: 'unit', render: (_: unknown, r) => r.line.item?.unit },
          {
            title: t('einvoice.quantity'),
            key: 'q',
            align: 'right',
            render: (_: unknown, r) => trimDecimal(r.entry.quantity),
          },
          {
            title: t('einvoice.unitPrice'),
            key: 'p',
            align: 'right',
            render: (_: unknown, r) =>
              r.vat ? trimDecimal(unitPriceExcludingTax(r.vat.amount, r.entry.quantity)) : '',
          },
          {
            title: t('einvoice.amount'),
            key: 'a',
            align: 'right',
            render: (_: unknown, r) => money(r.vat?.amount),
          },
          {
            title: t('einvoice.rate'),
            key: 'r',
            align: 'right',
            render: (_: unknown, r) => (r.line.tax_rate ? percent(r.line.tax_rate) : ''),
          },
          {
            title: t('einvoice.tax'),
            key: 't',
            align: 'right',
            render: (_: unknown, r) => money(r.vat?.tax),
          },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={6}>
              {t('einvoice.sum')}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={6} align="right">
              {money(totals.amount)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={7} />
            <Table.Summary.Cell index={8} align="right">
              {money(totals.tax)}
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </Card>
  )
}

export default FulfilmentEntry
