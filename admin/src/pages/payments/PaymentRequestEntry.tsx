// Payment request entry (付款申请): the buyer chooses the supplier, sees its open bills with what is still
// owed and what other requests under approval already claim, enters the amount to pay on each (or fills
// them all), the bank account, the pay-by date and a note, and saves: save_payment_request writes the
// request and all its bills in one transaction. Then submit (the boss approves in the approval inbox);
// once approved the cashier pays it (pay_payment_request: the supplier payment and its voucher, once per
// idempotency key). Totals are exact decimal strings; the database has the last word on every rule.
import { useGo, useNotification, useTranslate } from '@refinedev/core'
import { useQueryClient } from '@tanstack/react-query'
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Spin,
  Table,
  Tooltip,
  Typography,
} from 'antd'
import dayjs from 'dayjs'
import { useEffect, useRef, useState } from 'react'
import { Link, useParams, useSearchParams } from 'react-router'
import { DocumentHeading } from '../../components/DocumentHeading.tsx'
import { money } from '../../components/Money.tsx'
import { trimDecimal } from '../../generated/money.ts'
import { shanghaiToday } from '../../lib/dates.ts'
import type { DbError } from '../../lib/db-error.ts'
import { compareDecimal, fromUnits, isNumber, sumDecimals, toUnits } from '../../lib/decimal.ts'
import { newIdempotencyKey, useShowDbError } from '../../lib/useDbError.ts'
import { useSupabase } from '../../providers/supabaseContext.tsx'
import { useMyPermissions } from '../../tenancy/useMyPermissions.ts'
import { DASHBOARD_KEY } from '../dashboard/keys.ts'
import { useOptions } from '../sales/useOrder.ts'
import { BANK_ACCOUNTS, useLeafAccountsUnder } from '../vouchers/lookups.ts'
import {
  available,
  EDITABLE,
  type OpenBill,
  PAYMENT_REQUESTS_KEY,
  STATUS_COLORS,
  useOpenBills,
  usePaymentRequest,
} from './usePaymentRequest.ts'

type Result = { type: 'success' | 'info' | 'error'; text: string; voucher?: { id: string; number: string } }

export function PaymentRequestEntry() {
  const translate = useTranslate()
  const t = (key: string, params?: Record<string, unknown>) =>
    translate(`paymentRequests.${key}`, params ?? {})
  const supabase = useSupabase()
  const queryClient = useQueryClient()
  const go = useGo()
  const { open } = useNotification()
  const showError = useShowDbError()
  const { can } = useMyPermissions()
  const { id } = useParams<{ id: string }>()
  const isNew = !id || id === 'new'
  const requestId = isNew ? undefined : id
  const [search] = useSearchParams()

  const request = usePaymentRequest(requestId)
  const header = request.data?.header
  const savedLines = request.data?.lines ?? []
  const [partyId, setPartyId] = useState<string | undefined>(search.get('supplier') ?? undefined)
  const [amount, setAmount] = useState('')
  const [bank, setBank] = useState<string | undefined>()
  const [payBy, setPayBy] = useState<string | undefined>()
  const [note, setNote] = useState('')
  const [alloc, setAlloc] = useState<Record<string, string>>({})
  const [dirty, setDirty] = useState(false)
  const [busy, setBusy] = useState<string | null>(null)
  const [result, setResult] = useState<Result | null>(null)
  // One key per intended payment: a second click or a retry after a lost answer pays once.
  const payKey = useRef<string | null>(null)
  // The day the money leaves the bank: the payment's and its voucher's date (today unless chosen).
  const [payDate, setPayDate] = useState(shanghaiToday)

  const suppliers = useOptions('parties', 'purchase')
  const banks = useLeafAccountsUnder(BANK_ACCOUNTS)
  const bills = useOpenBills(
    partyId,
    requestId,
    savedLines.map((l) => l.open_item_id),
  )
  const rows = bills.data ?? []

  // The screen shows what the database holds after every read.
  useEffect(() => {
    if (!request.data) return
    const h = request.data.header
    setPartyId(h.party_id)
    setAmount(trimDecimal(h.amount))
    setBank(h.bank_account_id ?? undefined)
    setPayBy(h.pay_by ?? undefined)
    setNote(h.note ?? '')
    setAlloc(Object.fromEntries(request.data.lines.map((l) => [l.open_item_id, trimDecimal(l.amount)])))
    setDirty(false)
  }, [request.data])

  const status = header?.status
  const editable = isNew || (status !== undefined && EDITABLE.includes(status))
  const canWrite = isNew ? can('payment_requests', 'create') : can('payment_requests', 'update')
  const writable = editable && canWrite
  const canPay = can('payment_requests', 'read') && can('supplier_payment', 'post')

  const change =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v)
      setDirty(true)
    }

  const allocated = sumDecimals(Object.values(alloc).filter((v) => isNumber(v)))
  // The amount paid: as typed, else the bills together; what is above the bills is a prepayment (预付).
  const total = isNumber(amount) ? fromUnits(toUnits(amount, 2), 2) : allocated
  const prepayment = fromUnits(toUnits(total, 2) - toUnits(allocated, 2), 2)

  const problems: string[] = []
  if (amount && !isNumber(amount)) problems.push(t('problems.amount'))
  for (const b of rows) {
    const v = alloc[b.id]
    if (!v) continue
    if (!isNumber(v) || compareDecimal(v, '0', 2) < 0)
      problems.push(t('problems.line', { number: b.number ?? '' }))
    else if (compareDecimal(v, b.open, 2) > 0)
      problems.push(t('problems.overOpen', { number: b.number ?? '', open: money(b.open) }))
  }
  if (compareDecimal(allocated, total, 2) > 0) problems.push(t('problems.overAmount'))

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: PAYMENT_REQUESTS_KEY })
    void queryClient.invalidateQueries({ queryKey: ['troika', 'approvals'] })
    void queryClient.invalidateQueries({ queryKey: DASHBOARD_KEY })
  }

  /** The bills sent with a save, in the order shown: the saved line's id when the bill had one. */
  const lineList = () => {
    const lineOf = new Map(savedLines.map((l) => [l.open_item_id, l.id]))
    return rows
      .filter((b) => isNumber(alloc[b.id]) && compareDecimal(alloc[b.id] as string, '0', 2) > 0)
      .map((b) => {
        const lineId = lineOf.get(b.id)
        return {
          ...(lineId ? { id: lineId } : {}),
          open_item_id: b.id,
          amount: (alloc[b.id] as string).trim(),
        }
      })
  }

  const fail = (error: DbError, sent: Array<{ open_item_id: string }> = []) => {
    const text = showError(error)
    // "lines[i]: …": the bill is named by its number, as the person sees it.
    const index = /^lines\[(\d+)\]/.exec(error.message ?? '')?.[1]
    const bill =
      index !== undefined ? rows.find((b) => b.id === sent[Number(index)]?.open_item_id) : undefined
    const where = bill ? t('onBill', { number: bill.number ?? bill.doc_date }) : ''
    const detail = error.message && !text.includes(error.message) ? ` (${error.message})` : ''
    setResult({ type: 'error', text: `${where}${text}${detail}` })
  }

  /** Saves the request with all its bills in one call; returns its id, or null when refused. */
  const save = async (): Promise<string | null> => {
    if (!partyId) {
      setResult({ type: 'error', text: t('problems.supplier') })
      return null
    }
    if (problems.length > 0 || compareDecimal(total, '0', 2) <= 0) {
      setResult({ type: 'error', text: problems[0] ?? t('problems.amount') })
      return null
    }
    const head = {
      party_id: partyId,
      amount: total,
      bank_account_id: bank ?? null,
      pay_by: payBy ?? null,
      note: note.trim() || null,
    }
    const lines = lineList()
    const { data, error } = await supabase.rpc('save_payment_request', {
      p_request: requestId ? { id: requestId, ...head } : head,
      p_lines: lines,
    })
    if (error) {
      fail(error, lines)
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
      setResult({ type: 'success', text: t('messages.saved') })
      open?.({ type: 'success', message: t('messages.saved') })
      if (isNew) go({ to: `/payment-requests/${saved}`, type: 'replace' })
    } finally {
      setBusy(null)
    }
  }

  const onSubmit = async () => {
    if (!requestId) return
    setBusy('submit')
    try {
      if (dirty && !(await save())) return
      const { data, error } = await supabase.rpc('submit_payment_request', { p_request_id: requestId })
      if (error) return fail(error)
      const next = (data as { status: string }).status
      const text = t(next === 'approved' ? 'messages.approvedAtOnce' : 'messages.submitted')
      setResult({ type: next === 'approved' ? 'success' : 'info', text })
      open?.({ type: 'success', message: text })
      await refresh()
    } finally {
      setBusy(null)
    }
  }

  const onPay = async () => {
    if (!requestId) return
    payKey.current ??= newIdempotencyKey()
    setBusy('pay')
    try {
      const { data, error } = await supabase.rpc('pay_payment_request', {
        p_idempotency_key: payKey.current,
        p_request_id: requestId,
        p_date: payDate,
      })
      if (error) return fail(error)
      payKey.current = null
      const paid = data as {
        number?: string
        total?: string | number
        voucher_id?: string
        voucher_number?: string
      }
      const text = t('messages.paid', { number: paid.number ?? '', total: money(paid.total) })
      setResult({
        type: 'success',
        text,
        ...(paid.voucher_id ? { voucher: { id: paid.voucher_id, number: paid.voucher_number ?? '' } } : {}),
      })
      open?.({ type: 'success', message: text })
      await refresh()
    } finally {
      setBusy(null)
    }
  }

  const onCancel = async () => {
    if (!requestId) return
    setBusy('cancel')
    try {
      const { error } = await supabase.rpc('cancel_payment_request', { p_request_id: requestId })
      if (error) return fail(error)
      setResult({ type: 'info', text: t('messages.cancelled') })
      await refresh()
    } finally {
      setBusy(null)
    }
  }

  const payAll = () => {
    setAlloc(Object.fromEntries(rows.map((b) => [b.id, trimDecimal(available(b))])))
    setAmount('')
    setDirty(true)
  }

  if (!isNew && request.isLoading) return <Spin />
  if (!isNew && request.isError)
    return <Alert type="error" showIcon message={(request.error as Error).message} data-testid="prq-error" />

  const paidResult = header?.status === 'paid' ? header.result : null

  return (
    <Card
      data-testid="payment-request"
      title={
        <DocumentHeading
          title={isNew ? t('new') : t('title')}
          number={header?.number}
          status={status}
          statusLabel={status && t(`statuses.${status}`)}
          statusColor={status && STATUS_COLORS[status]}
          testId="prq"
        />
      }
      extra={
        <Space wrap>
          {writable && (
            <Button type="primary" onClick={onSave} loading={busy === 'save'} data-testid="prq-save">
              {translate('buttons.save')}
            </Button>
          )}
          {!isNew && editable && can('payment_requests', 'update') && (
            <Button onClick={onSubmit} loading={busy === 'submit'} data-testid="prq-submit">
              {t('actions.submit')}
            </Button>
          )}
          {status === 'approved' && canPay && (
            <>
              <DatePicker
                prefix={t('fields.payDate')}
                value={dayjs(payDate)}
                allowClear={false}
                onChange={(d) => {
                  if (!d) return
                  setPayDate(d.format('YYYY-MM-DD'))
                  payKey.current = null // another date is another payment
                }}
                data-testid="prq-pay-date"
              />
              <Popconfirm
                title={t('payConfirm', { amount: money(header?.amount), date: payDate })}
                onConfirm={onPay}
                okText={t('actions.pay')}
                cancelText={translate('buttons.cancel')}
              >
                <Button type="primary" loading={busy === 'pay'} data-testid="prq-pay">
                  {t('actions.pay')}
                </Button>
              </Popconfirm>
            </>
          )}
          {!isNew &&
            status !== undefined &&
            ['draft', 'rejected', 'withdrawn', 'approved'].includes(status) &&
            can('payment_requests', 'update') && (
              <Popconfirm
                title={t('cancelConfirm')}
                onConfirm={onCancel}
                okText={t('actions.cancel')}
                cancelText={translate('buttons.cancel')}
              >
                <Button danger loading={busy === 'cancel'} data-testid="prq-cancel">
                  {t('actions.cancel')}
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
          style={{ marginBottom: 16 }}
          data-testid="prq-result"
          closable
          onClose={() => setResult(null)}
          message={
            <span>
              {result.text}
              {result.voucher && (
                <>
                  {' '}
                  <Link to={`/vouchers/${result.voucher.id}`} data-testid="prq-voucher">
                    {t('voucher', { number: result.voucher.number })}
                  </Link>
                </>
              )}
            </span>
          }
        />
      )}
      {paidResult && !result && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          message={
            <span>
              {t('paidAs', { number: paidResult.number ?? '' })}{' '}
              {paidResult.voucher_id && (
                <Link to={`/vouchers/${paidResult.voucher_id}`} data-testid="prq-voucher">
                  {t('voucher', { number: paidResult.voucher_number ?? '' })}
                </Link>
              )}
            </span>
          }
        />
      )}
      {writable && problems.length > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={problems.join('；')} />
      )}
      <Form layout="vertical" disabled={!writable}>
        <Space wrap size="large" align="start">
          <Form.Item label={t('fields.supplier')} required style={{ minWidth: 280 }}>
            <Select
              showSearch
              optionFilterProp="label"
              value={partyId}
              onChange={(v: string) => {
                setPartyId(v)
                setAlloc({})
                setDirty(true)
              }}
              loading={suppliers.isLoading}
              data-testid="prq-supplier"
              options={(suppliers.data ?? []).map((s) => ({ value: s.id, label: `${s.code} ${s.name}` }))}
            />
          </Form.Item>
          <Form.Item label={t('fields.amount')} tooltip={t('amountHint')}>
            <Input
              inputMode="decimal"
              value={amount}
              placeholder={money(allocated)}
              onChange={(e) => change(setAmount)(e.target.value)}
              data-testid="prq-amount"
            />
          </Form.Item>
          <Form.Item label={t('fields.bankAccount')} style={{ minWidth: 240 }}>
            <Select
              allowClear
              placeholder={t('defaultBank')}
              value={bank}
              onChange={change(setBank)}
              loading={banks.isLoading}
              data-testid="prq-bank"
              options={(banks.data ?? []).map((a) => ({ value: a.id, label: `${a.code} ${a.name}` }))}
            />
          </Form.Item>
          <Form.Item label={t('fields.payBy')}>
            <DatePicker
              value={payBy ? dayjs(payBy) : null}
              onChange={(d) => change(setPayBy)(d ? d.format('YYYY-MM-DD') : undefined)}
              data-testid="prq-pay-by"
            />
          </Form.Item>
          <Form.Item label={t('fields.note')} style={{ minWidth: 300 }}>
            <Input
              maxLength={1000}
              value={note}
              onChange={(e) => change(setNote)(e.target.value)}
              data-testid="prq-note"
            />
          </Form.Item>
        </Space>
      </Form>

      <Space style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('bills')}</Typography.Text>
        {writable && (
          <Button size="small" disabled={rows.length === 0} onClick={payAll} data-testid="prq-pay-all">
            {t('actions.payAll')}
          </Button>
        )}
      </Space>
      <Table<OpenBill>
        size="small"
        rowKey="id"
        pagination={false}
        loading={bills.isLoading && Boolean(partyId)}
        dataSource={rows}
        data-testid="prq-bills"
        locale={{ emptyText: partyId ? t('noBills') : t('chooseSupplier') }}
        columns={[
          { title: t('fields.billNumber'), dataIndex: 'number', render: (v: string | null) => v ?? '—' },
          { title: t('fields.billDate'), dataIndex: 'doc_date' },
          { title: t('fields.dueDate'), dataIndex: 'due_date' },
          { title: t('fields.billAmount'), dataIndex: 'amount', align: 'right', render: (v) => money(v) },
          {
            title: t('fields.open'),
            dataIndex: 'open',
            align: 'right',
            render: (v, _r, i) => <span data-testid={`bill-${i}-open`}>{money(v)}</span>,
          },
          {
            title: t('fields.claimed'),
            dataIndex: 'claimed',
            align: 'right',
            render: (v: string, r, i) =>
              toUnits(v, 2) > 0n ? (
                <Tooltip title={r.claimedBy.join('、')}>
                  <Typography.Text type="warning" data-testid={`bill-${i}-claimed`}>
                    {money(v)}
                  </Typography.Text>
                </Tooltip>
              ) : (
                ''
              ),
          },
          {
            title: t('fields.pay'),
            key: 'pay',
            width: 160,
            render: (_: unknown, r, i) => (
              <Input
                inputMode="decimal"
                disabled={!writable}
                value={alloc[r.id] ?? ''}
                onChange={(e) => {
                  setAlloc((prev) => ({ ...prev, [r.id]: e.target.value }))
                  setDirty(true)
                }}
                data-testid={`bill-${i}-pay`}
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
            key: 'allocated',
            label: t('fields.allocated'),
            children: <span data-testid="prq-allocated">{money(allocated)}</span>,
          },
          {
            key: 'prepayment',
            label: t('fields.prepayment'),
            children: <span data-testid="prq-prepayment">{money(prepayment)}</span>,
          },
          {
            key: 'total',
            label: t('fields.total'),
            children: <strong data-testid="prq-total">{money(total)}</strong>,
          },
        ]}
      />
    </Card>
  )
}

export default PaymentRequestEntry
