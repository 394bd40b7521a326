// Customer receipt (收款单): the customer, the amount received, the cash or bank account, and its
// allocation to the customer's open invoices (oldest due first with one click, or by hand); what is not
// allocated stays a prepayment (预收). Posted in one call: post_document('customer_receipt', …) writes the
// document, the 收 voucher and settles the open items; it refuses allocations beyond the amount.
import { useNotification, useTranslate } from '@refinedev/core'
import { useQueryClient } from '@tanstack/react-query'
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Select,
  Space,
  Table,
  Typography,
} from 'antd'
import dayjs from 'dayjs'
import { useEffect, useRef, useState } from 'react'
import { useSearchParams } from 'react-router'
import { money } from '../../components/Money.tsx'
import { trimDecimal } from '../../generated/money.ts'
import { shanghaiToday } from '../../lib/dates.ts'
import type { DbError } from '../../lib/db-error.ts'
import { compareDecimal, fromUnits, isNumber, sumDecimals, toUnits } from '../../lib/decimal.ts'
import { newIdempotencyKey, useShowDbError } from '../../lib/useDbError.ts'
import { useSupabase } from '../../providers/supabaseContext.tsx'
import { DASHBOARD_KEY } from '../dashboard/keys.ts'
import { SALES_ORDERS_KEY, useOptions } from '../sales/useOrder.ts'
import { CASH_ACCOUNTS, useLeafAccountsUnder } from '../vouchers/lookups.ts'
import { DOCUMENTS_KEY, type OpenInvoice, useOpenInvoices } from './useDocuments.ts'

/** Spreads an amount over open items in the order given (oldest due first): each gets up to what is open. */
export function autoAllocate(amount: string, items: ReadonlyArray<Pick<OpenInvoice, 'id' | 'outstanding'>>) {
  let left = toUnits(amount, 2)
  const out: Record<string, string> = {}
  for (const item of items) {
    const open = toUnits(item.outstanding, 2)
    // bigint: Math.min does not apply
    let take = open
    if (left < open) take = left
    out[item.id] = take > 0n ? trimDecimal(fromUnits(take, 2)) : ''
    left -= take > 0n ? take : 0n
  }
  return out
}

export function ReceiptEntry() {
  const translate = useTranslate()
  const t = (key: string, params?: Record<string, unknown>) => translate(`documents.${key}`, params ?? {})
  const supabase = useSupabase()
  const queryClient = useQueryClient()
  const { open } = useNotification()
  const showError = useShowDbError()
  const [search] = useSearchParams()
  const [partyId, setPartyId] = useState<string | undefined>(search.get('customer') ?? undefined)
  const [amount, setAmount] = useState('')
  const [date, setDate] = useState(shanghaiToday())
  const [bank, setBank] = useState<string | undefined>()
  const [alloc, setAlloc] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<{ type: 'success' | 'error'; text: string } | null>(null)
  const key = useRef<string | null>(null)
  const customers = useOptions('parties', 'sales')
  const accounts = useLeafAccountsUnder(CASH_ACCOUNTS)
  const openItems = useOpenInvoices(partyId)
  const items = openItems.data ?? []

  // a new customer starts with no allocations
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the customer changes
  useEffect(() => {
    setAlloc({})
  }, [partyId])

  const allocated = sumDecimals(Object.values(alloc).filter((v) => isNumber(v)))
  const unallocated = isNumber(amount) ? fromUnits(toUnits(amount, 2) - toUnits(allocated, 2), 2) : ''
  const problems: string[] = []
  if (amount && (!isNumber(amount) || compareDecimal(amount, '0', 2) <= 0))
    problems.push(t('receipt.badAmount'))
  for (const it of items) {
    const v = alloc[it.id]
    if (!v) continue
    if (!isNumber(v) || compareDecimal(v, '0', 2) < 0)
      problems.push(t('receipt.badAllocation', { number: it.number ?? '' }))
    else if (compareDecimal(v, it.outstanding, 2) > 0)
      problems.push(t('receipt.overAllocation', { number: it.number ?? '', open: money(it.outstanding) }))
  }
  if (isNumber(amount) && compareDecimal(allocated, amount, 2) > 0) problems.push(t('receipt.overAmount'))

  const fail = (error: DbError) => {
    const text = showError(error)
    const detail = error.message && error.message !== text ? ` (${error.message})` : ''
    setResult({ type: 'error', text: `${text}${detail}` })
  }

  const post = async () => {
    if (!partyId || !isNumber(amount) || problems.length > 0) return
    key.current ??= newIdempotencyKey()
    setBusy(true)
    try {
      const allocations = items
        .filter((it) => isNumber(alloc[it.id]) && compareDecimal(alloc[it.id], '0', 2) > 0)
        .map((it) => ({ open_item_id: it.id, amount: (alloc[it.id] as string).trim() }))
      const { data, error } = await supabase.rpc('post_document', {
        p_doc_type: 'customer_receipt',
        p_idempotency_key: key.current,
        p_document: {
          date,
          customer_id: partyId,
          amount: amount.trim(),
          ...(bank ? { bank_account_id: bank } : {}),
          allocations,
        },
      })
      if (error) return fail(error)
      key.current = null
      const posted = data as { number?: string; total?: string | number }
      const text = t('posted.customer_receipt', { number: posted.number ?? '', total: money(posted.total) })
      setResult({ type: 'success', text })
      open?.({ type: 'success', message: text })
      setAmount('')
      setAlloc({})
      await queryClient.invalidateQueries({ queryKey: DOCUMENTS_KEY })
      void queryClient.invalidateQueries({ queryKey: SALES_ORDERS_KEY })
      void queryClient.invalidateQueries({ queryKey: DASHBOARD_KEY })
    } finally {
      setBusy(false)
    }
  }

  return (
    <Card
      title={t('new.customer_receipt')}
      data-testid="doc-customer_receipt"
      extra={
        <Button
          type="primary"
          loading={busy}
          onClick={post}
          disabled={!partyId || !isNumber(amount) || problems.length > 0}
          data-testid="receipt-post"
        >
          {t('post.customer_receipt')}
        </Button>
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
      {problems.length > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={problems.join('；')} />
      )}
      <Form layout="vertical">
        <Space wrap size="large" align="start">
          <Form.Item label={t('customer')} required style={{ minWidth: 280 }}>
            <Select
              showSearch
              optionFilterProp="label"
              value={partyId}
              onChange={setPartyId}
              loading={customers.isLoading}
              data-testid="receipt-customer"
              options={(customers.data ?? []).map((c) => ({ value: c.id, label: `${c.code} ${c.name}` }))}
            />
          </Form.Item>
          <Form.Item label={t('receipt.amount')} required>
            <Input
              inputMode="decimal"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
              data-testid="receipt-amount"
            />
          </Form.Item>
          <Form.Item label={t('date')}>
            <DatePicker
              value={dayjs(date)}
              allowClear={false}
              onChange={(d) => d && setDate(d.format('YYYY-MM-DD'))}
            />
          </Form.Item>
          <Form.Item label={t('receipt.account')} style={{ minWidth: 240 }}>
            <Select
              allowClear
              placeholder={t('receipt.defaultAccount')}
              value={bank}
              onChange={setBank}
              loading={accounts.isLoading}
              options={(accounts.data ?? []).map((a) => ({ value: a.id, label: `${a.code} ${a.name}` }))}
            />
          </Form.Item>
        </Space>
      </Form>
      <Space style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('receipt.openInvoices')}</Typography.Text>
        <Button
          size="small"
          disabled={!isNumber(amount) || items.length === 0}
          onClick={() => setAlloc(autoAllocate(amount, items))}
          data-testid="receipt-auto"
        >
          {t('receipt.auto')}
        </Button>
      </Space>
      <Table<OpenInvoice>
        size="small"
        rowKey="id"
        pagination={false}
        loading={openItems.isLoading && Boolean(partyId)}
        dataSource={items}
        data-testid="receipt-open-items"
        columns={[
          { title: t('receipt.number'), dataIndex: 'number' },
          { title: t('receipt.docDate'), dataIndex: 'doc_date' },
          {
            title: t('receipt.dueDate'),
            dataIndex: 'due_date',
            render: (v: string) =>
              v < shanghaiToday() ? <Typography.Text type="danger">{v}</Typography.Text> : v,
          },
          { title: t('receipt.invoiceAmount'), dataIndex: 'amount', align: 'right', render: (v) => money(v) },
          {
            title: t('receipt.outstanding'),
            dataIndex: 'outstanding',
            align: 'right',
            render: (v) => money(v),
          },
          {
            title: t('receipt.allocate'),
            key: 'allocate',
            width: 160,
            render: (_: unknown, r, i) => (
              <Input
                inputMode="decimal"
                value={alloc[r.id] ?? ''}
                onChange={(e) => setAlloc((prev) => ({ ...prev, [r.id]: e.target.value }))}
                data-testid={`receipt-alloc-${i}`}
              />
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
            label: t('receipt.amount'),
            children: money(amount && isNumber(amount) ? amount : ''),
          },
          {
            key: 'allocated',
            label: t('receipt.allocated'),
            children: <span data-testid="receipt-allocated">{money(allocated)}</span>,
          },
          {
            key: 'unallocated',
            label: t('receipt.unallocated'),
            children: <span data-testid="receipt-unallocated">{money(unallocated)}</span>,
          },
        ]}
      />
    </Card>
  )
}

export default ReceiptEntry
