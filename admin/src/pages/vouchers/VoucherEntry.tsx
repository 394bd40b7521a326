// Voucher entry (记账凭证): header (word, date, summary, attachments) and lines with an account picker
// (leaf accounts in use, searched by code or name), the dimension pickers the account requires, live
// debit/credit totals and the balance check. Saved as a draft (the API writes drafts only), then posted
// with post_voucher, which checks everything again and numbers it. A posted voucher is read-only: it is
// reversed (reverse_voucher; a document's voucher by reversing its document, reverse_document) and shows
// the business document that produced it.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
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
  InputNumber,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd'
import dayjs from 'dayjs'
import { useEffect, useMemo, useState } from 'react'
import { Link, useParams } from 'react-router'
import { money } from '../../components/Money.tsx'
import { shanghaiToday } from '../../lib/dates.ts'
import type { DbError } from '../../lib/db-error.ts'
import { compareDecimal } from '../../lib/decimal.ts'
import { newIdempotencyKey } from '../../lib/useDbError.ts'
import { useSupabase } from '../../providers/supabaseContext.tsx'
import { useMyPermissions } from '../../tenancy/useMyPermissions.ts'
import { useFinanceError } from './financeError.ts'
import { type Account, filterByLabel, useAccounts, useOptions } from './lookups.ts'
import { useVoucher, VOUCHERS_KEY, type VoucherLine, voucherNo } from './useVoucher.ts'
import {
  balancingAmount,
  type Dimension,
  type DraftLine,
  dimensionField,
  lineRows,
  MONEY_INPUT,
  problemsOf,
  totalsOf,
  withAccount,
} from './voucherMath.ts'

export const WORDS = ['记', '收', '付', '转'] as const
export const STATUS_COLORS: Record<string, string> = { draft: 'default', posted: 'green', reversed: 'red' }

let keySeq = 0
const newLine = (): DraftLine => ({ key: `n${++keySeq}`, summary: '', debit: '', credit: '' })
const trimAmount = (v: string) => (/^0*\.?0*$/.test(v) ? '' : v)

function fromSaved(l: VoucherLine): DraftLine {
  const line: DraftLine = {
    key: l.id,
    summary: l.summary,
    account_id: l.account_id,
    debit: trimAmount(l.debit),
    credit: trimAmount(l.credit),
  }
  for (const f of ['party_id', 'item_id', 'department_id', 'project_id', 'employee_id'] as const)
    if (l[f]) line[f] = l[f] as string
  return line
}

function DimensionPicker(props: {
  dim: Dimension
  value: string | undefined
  onChange: (v: string | undefined) => void
  disabled?: boolean
  testId: string
  missing: boolean
}) {
  const translate = useTranslate()
  const options = useOptions(props.dim)
  return (
    <Select
      size="small"
      allowClear
      showSearch
      disabled={props.disabled}
      status={props.missing ? 'warning' : undefined}
      style={{ minWidth: 150 }}
      placeholder={translate(`vouchers.dimensions.${props.dim}`)}
      value={props.value}
      onChange={props.onChange}
      loading={options.isLoading}
      options={options.data ?? []}
      filterOption={filterByLabel}
      data-testid={props.testId}
    />
  )
}

export function VoucherEntry() {
  const translate = useTranslate()
  const supabase = useSupabase()
  const queryClient = useQueryClient()
  const go = useGo()
  const { open } = useNotification()
  const showError = useFinanceError()
  const { id } = useParams<{ id: string }>()
  const isNew = !id || id === 'new'
  const voucher = useVoucher(isNew ? undefined : id)
  const accounts = useAccounts()
  const { can } = useMyPermissions()
  const header = voucher.data?.header
  const editable = isNew || header?.status === 'draft'

  const [word, setWord] = useState<string>('记')
  const [date, setDate] = useState<string>(shanghaiToday())
  const [summary, setSummary] = useState('')
  const [attachments, setAttachments] = useState(0)
  const [lines, setLines] = useState<DraftLine[]>(() => [newLine(), newLine()])
  const [busy, setBusy] = useState<string | null>(null)
  const [attempted, setAttempted] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const [reverseDate, setReverseDate] = useState<string>(shanghaiToday())

  useEffect(() => {
    if (!voucher.data?.header) return
    const h = voucher.data.header
    setWord(h.word)
    setDate(h.voucher_date)
    setSummary(h.summary)
    setAttachments(h.attachment_count)
    const saved = voucher.data.lines.map(fromSaved)
    setLines(saved.length >= 2 ? saved : [...saved, ...[newLine(), newLine()].slice(saved.length)])
  }, [voucher.data])

  const byId = useMemo(() => new Map((accounts.data ?? []).map((a) => [a.id, a])), [accounts.data])
  const leafOptions = useMemo(
    () =>
      (accounts.data ?? [])
        .filter((a) => a.is_leaf && a.active)
        .map((a) => ({ value: a.id, label: `${a.code} ${a.name}` })),
    [accounts.data],
  )
  const totals = totalsOf(lines)
  const problems = problemsOf(lines, byId, true)
  const lineProblem = (i: number, field: string) => problems.find((p) => p.line === i && p.field === field)

  const setLine = (i: number, next: DraftLine) => setLines((ls) => ls.map((l, j) => (j === i ? next : l)))
  const refresh = () => queryClient.invalidateQueries({ queryKey: VOUCHERS_KEY })

  const fail = (error: DbError) => setFailure(showError(error))

  /** Writes the draft, header and lines in one call (save_voucher); returns its id, or null when refused. */
  const save = async (): Promise<string | null> => {
    setFailure(null)
    const draftProblems = problemsOf(lines, byId, false)
    if (draftProblems.length > 0) {
      setAttempted(true)
      return null
    }
    const headerRow = { word, voucher_date: date, summary: summary.trim(), attachment_count: attachments }
    const target = isNew ? undefined : id
    const { data, error } = await supabase.rpc('save_voucher', {
      p_voucher: target ? { id: target, ...headerRow } : headerRow,
      p_lines: lineRows(lines, summary),
    })
    if (error) {
      fail(error)
      if (target) await refresh()
      return null
    }
    return (data as { id: string }).id
  }

  const onSave = async () => {
    setBusy('save')
    const saved = await save()
    setBusy(null)
    if (!saved) return
    await refresh()
    open?.({ type: 'success', message: translate('vouchers.saved'), key: 'voucher-saved' })
    if (isNew) go({ to: `/vouchers/${saved}` })
  }

  const onPost = async () => {
    setAttempted(true)
    if (problems.length > 0) return
    setBusy('post')
    const saved = await save()
    if (!saved) {
      setBusy(null)
      return
    }
    const { data, error } = await supabase.rpc('post_voucher', { p_voucher: saved })
    setBusy(null)
    await refresh()
    if (error) {
      fail(error)
      if (isNew) go({ to: `/vouchers/${saved}` })
      return
    }
    open?.({
      type: 'success',
      message: translate('vouchers.posted', { number: `${word}-${data}` }),
      key: 'voucher-posted',
    })
    if (isNew) go({ to: `/vouchers/${saved}` })
  }

  const onDelete = async () => {
    if (!id || isNew) return
    const { error } = await supabase.from('vouchers').delete().eq('id', id)
    if (error) return fail(error)
    await refresh()
    go({ to: '/vouchers' })
  }

  const onReverse = async () => {
    if (!header) return
    setBusy('reverse')
    setFailure(null)
    const source = voucher.data?.source
    const r = source
      ? await supabase.rpc('reverse_document', {
          p_idempotency_key: newIdempotencyKey(),
          p_document_id: source.id,
          p_date: reverseDate,
        })
      : await supabase.rpc('reverse_voucher', { p_voucher: header.id, p_date: reverseDate })
    setBusy(null)
    await refresh()
    if (r.error) return fail(r.error)
    const reversal = source ? (r.data as { voucher_id?: string } | null)?.voucher_id : (r.data as string)
    open?.({ type: 'success', message: translate('vouchers.reversedDone'), key: 'voucher-reversed' })
    if (reversal) go({ to: `/vouchers/${reversal}` })
  }

  const onReview = async (undo: boolean) => {
    if (!header) return
    const { error } = await supabase.rpc('review_voucher', { p_voucher: header.id, p_undo: undo })
    await refresh()
    if (error) fail(error)
  }

  const accountOf = (l: DraftLine): Account | undefined => (l.account_id ? byId.get(l.account_id) : undefined)

  const amountInput = (i: number, l: DraftLine, side: 'debit' | 'credit') => (
    <Input
      size="small"
      inputMode="decimal"
      disabled={!editable}
      value={l[side]}
      status={attempted && lineProblem(i, side) ? 'error' : undefined}
      style={{ textAlign: 'right', width: 130 }}
      data-testid={`line-${i}-${side}`}
      onChange={(e) => {
        const v = e.target.value.replace(/[,，\s]/g, '')
        if (!MONEY_INPUT.test(v)) return
        const other = side === 'debit' ? 'credit' : 'debit'
        setLine(i, { ...l, [side]: v, ...(compareDecimal(v, '0', 2) !== 0 ? { [other]: '' } : {}) })
      }}
      onKeyDown={(e) => {
        // "=" fills in the difference (找平), as in paper-voucher software
        if (e.key !== '=') return
        e.preventDefault()
        const fill = balancingAmount(lines, i)
        if (fill) setLine(i, { ...l, debit: '', credit: '', [fill.side]: fill.amount })
      }}
    />
  )

  const title = isNew
    ? translate('vouchers.titles.create')
    : header
      ? `${translate('vouchers.voucher')} ${voucherNo(header)}`
      : translate('vouchers.voucher')

  if (!isNew && voucher.isSuccess && !header)
    return <Alert type="warning" showIcon message={translate('vouchers.notFound')} />

  return (
    <Card
      title={
        <Space>
          {title}
          {header && (
            <Tag
              color={STATUS_COLORS[header.status]}
              data-testid="voucher-status"
              data-status={header.status}
            >
              {translate(`vouchers.statuses.${header.status}`)}
            </Tag>
          )}
          {header?.reviewed_by && <Tag color="blue">{translate('vouchers.reviewed')}</Tag>}
        </Space>
      }
      loading={!isNew && voucher.isLoading}
      extra={<Link to="/vouchers">{translate('vouchers.backToList')}</Link>}
    >
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }} data-testid="voucher-form">
        <Form.Item label={translate('vouchers.fields.word')}>
          <Select
            value={word}
            onChange={setWord}
            disabled={!editable}
            style={{ width: 80 }}
            options={WORDS.map((w) => ({ value: w, label: w }))}
            data-testid="voucher-word"
          />
        </Form.Item>
        <Form.Item label={translate('vouchers.fields.date')}>
          <DatePicker
            value={dayjs(date)}
            allowClear={false}
            disabled={!editable}
            onChange={(d) => d && setDate(d.format('YYYY-MM-DD'))}
            data-testid="voucher-date"
          />
        </Form.Item>
        <Form.Item label={translate('vouchers.fields.summary')} style={{ minWidth: 320 }}>
          <Input
            value={summary}
            maxLength={200}
            disabled={!editable}
            onChange={(e) => setSummary(e.target.value)}
            data-testid="voucher-summary"
          />
        </Form.Item>
        <Form.Item label={translate('vouchers.fields.attachments')}>
          <InputNumber
            min={0}
            max={999}
            precision={0}
            value={attachments}
            disabled={!editable}
            onChange={(v) => setAttachments(Number(v ?? 0))}
          />
        </Form.Item>
      </Form>

      <Table<DraftLine>
        data-testid="voucher-lines"
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={lines}
        scroll={{ x: 1000 }}
        onRow={(_, i) => ({ 'data-testid': `line-${i}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: '#', width: 40, render: (_: unknown, __: DraftLine, i: number) => i + 1 },
          {
            title: translate('vouchers.fields.lineSummary'),
            width: 200,
            render: (_: unknown, l: DraftLine, i: number) => (
              <Input
                size="small"
                value={l.summary}
                maxLength={200}
                disabled={!editable}
                placeholder={summary}
                data-testid={`line-${i}-summary`}
                onChange={(e) => setLine(i, { ...l, summary: e.target.value })}
              />
            ),
          },
          {
            title: translate('vouchers.fields.account'),
            render: (_: unknown, l: DraftLine, i: number) => {
              const account = accountOf(l)
              return (
                <Space direction="vertical" size={4} style={{ width: '100%' }}>
                  <Select
                    size="small"
                    showSearch
                    allowClear
                    disabled={!editable}
                    style={{ width: '100%', minWidth: 220 }}
                    placeholder={translate('vouchers.pickAccount')}
                    value={l.account_id}
                    status={attempted && lineProblem(i, 'account_id') ? 'error' : undefined}
                    options={
                      account && !(account.is_leaf && account.active)
                        ? [...leafOptions, { value: account.id, label: `${account.code} ${account.name}` }]
                        : leafOptions
                    }
                    filterOption={filterByLabel}
                    loading={accounts.isLoading}
                    data-testid={`line-${i}-account`}
                    onChange={(v) => setLine(i, withAccount(l, v ? byId.get(v) : undefined))}
                  />
                  {account && account.auxiliary.length > 0 && (
                    <Space wrap size={4}>
                      {account.auxiliary.map((dim) => {
                        const f = dimensionField(dim)
                        return (
                          <DimensionPicker
                            key={dim}
                            dim={dim}
                            value={l[f]}
                            disabled={!editable}
                            missing={attempted && !l[f]}
                            testId={`line-${i}-dim-${dim}`}
                            onChange={(v) => {
                              const next = { ...l }
                              if (v) next[f] = v
                              else delete next[f]
                              setLine(i, next)
                            }}
                          />
                        )
                      })}
                    </Space>
                  )}
                </Space>
              )
            },
          },
          {
            title: translate('vouchers.fields.debit'),
            width: 140,
            align: 'right',
            render: (_: unknown, l: DraftLine, i: number) => amountInput(i, l, 'debit'),
          },
          {
            title: translate('vouchers.fields.credit'),
            width: 140,
            align: 'right',
            render: (_: unknown, l: DraftLine, i: number) => amountInput(i, l, 'credit'),
          },
          ...(editable
            ? [
                {
                  title: '',
                  width: 40,
                  render: (_: unknown, __: DraftLine, i: number) => (
                    <Button
                      size="small"
                      type="text"
                      icon={<DeleteOutlined />}
                      aria-label={translate('vouchers.removeLine')}
                      disabled={lines.length <= 2}
                      onClick={() => setLines((ls) => ls.filter((_, j) => j !== i))}
                    />
                  ),
                },
              ]
            : []),
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={3}>
              <Space>
                <Typography.Text strong>{translate('vouchers.total')}</Typography.Text>
                <Typography.Text
                  type={totals.balanced ? 'success' : 'danger'}
                  data-testid="voucher-balance"
                  data-balanced={String(totals.balanced)}
                >
                  {totals.balanced
                    ? translate('vouchers.balanced')
                    : translate('vouchers.difference', { amount: money(totals.difference) })}
                </Typography.Text>
              </Space>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">
              <Typography.Text strong data-testid="total-debit">
                {money(totals.debit)}
              </Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={4} align="right">
              <Typography.Text strong data-testid="total-credit">
                {money(totals.credit)}
              </Typography.Text>
            </Table.Summary.Cell>
            {editable && <Table.Summary.Cell index={5} />}
          </Table.Summary.Row>
        )}
      />

      {editable && (
        <Button
          style={{ marginTop: 8 }}
          icon={<PlusOutlined />}
          onClick={() => setLines((ls) => [...ls, newLine()])}
          data-testid="add-line"
        >
          {translate('vouchers.addLine')}
        </Button>
      )}

      {attempted && problems.length > 0 && editable && (
        <Alert
          style={{ marginTop: 16 }}
          type="warning"
          showIcon
          data-testid="voucher-problems"
          message={translate('vouchers.cannotPost')}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {problems.map((p) => (
                <li key={`${p.line}-${p.field}-${p.key}`}>
                  {p.line === null ? '' : `${translate('vouchers.line', { n: p.line + 1 })}: `}
                  {translate(`vouchers.problems.${p.key}`)}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {failure && (
        <Alert
          style={{ marginTop: 16 }}
          type="error"
          showIcon
          message={failure}
          data-testid="voucher-error"
        />
      )}

      <Space style={{ marginTop: 16 }} wrap>
        {editable && (can('vouchers', isNew ? 'create' : 'update') || isNew) && (
          <Button
            onClick={onSave}
            loading={busy === 'save'}
            disabled={Boolean(busy)}
            data-testid="voucher-save"
          >
            {translate('vouchers.saveDraft')}
          </Button>
        )}
        {editable && can('vouchers', 'post') && (
          <Button
            type="primary"
            onClick={onPost}
            loading={busy === 'post'}
            disabled={Boolean(busy)}
            data-testid="voucher-post"
          >
            {translate('vouchers.post')}
          </Button>
        )}
        {header?.status === 'draft' && can('vouchers', 'approve') && (
          <Button onClick={() => onReview(Boolean(header.reviewed_by))} data-testid="voucher-review">
            {translate(header.reviewed_by ? 'vouchers.unreview' : 'vouchers.review')}
          </Button>
        )}
        {header?.status === 'draft' && can('vouchers', 'delete') && (
          <Popconfirm title={translate('vouchers.deleteConfirm')} onConfirm={onDelete}>
            <Button danger data-testid="voucher-delete">
              {translate('vouchers.deleteDraft')}
            </Button>
          </Popconfirm>
        )}
        {header?.status === 'posted' && !header.reversal_of && (
          <Space>
            <DatePicker
              value={dayjs(reverseDate)}
              allowClear={false}
              onChange={(d) => d && setReverseDate(d.format('YYYY-MM-DD'))}
              data-testid="reverse-date"
            />
            <Popconfirm
              title={translate(
                voucher.data?.source ? 'vouchers.reverseDocumentConfirm' : 'vouchers.reverseConfirm',
              )}
              onConfirm={onReverse}
              okButtonProps={{ 'data-testid': 'reverse-ok' } as Record<string, string>}
            >
              <Button danger loading={busy === 'reverse'} data-testid="voucher-reverse">
                {translate(voucher.data?.source ? 'vouchers.reverseDocument' : 'vouchers.reverse')}
              </Button>
            </Popconfirm>
          </Space>
        )}
      </Space>

      {header && !isNew && (
        <Descriptions size="small" column={2} style={{ marginTop: 24 }} bordered data-testid="voucher-links">
          {header.posted_at && (
            <Descriptions.Item label={translate('vouchers.fields.postedAt')}>
              {dayjs(header.posted_at).format('YYYY-MM-DD HH:mm')}
            </Descriptions.Item>
          )}
          {header.reversal_of && (
            <Descriptions.Item label={translate('vouchers.fields.reversalOf')}>
              <Link to={`/vouchers/${header.reversal_of}`}>{translate('vouchers.open')}</Link>
            </Descriptions.Item>
          )}
          {header.reversed_by && (
            <Descriptions.Item label={translate('vouchers.fields.reversedBy')}>
              <Link to={`/vouchers/${header.reversed_by}`} data-testid="reversed-by">
                {translate('vouchers.open')}
              </Link>
            </Descriptions.Item>
          )}
          {header.source_type && (
            <Descriptions.Item label={translate('vouchers.fields.source')}>
              <SourceLink header={header} source={voucher.data?.source ?? null} />
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
    </Card>
  )
}

function SourceLink({
  header,
  source,
}: {
  header: { source_type: string | null; source_id: string | null }
  source: import('./useVoucher.ts').SourceDocument | null
}) {
  const translate = useTranslate()
  const type = header.source_type ?? ''
  const typeName = translate(`vouchers.sourceTypes.${type}`, {}, type)
  if (type === 'bank_statement_line') return <Link to={`/bank/lines/${header.source_id}`}>{typeName}</Link>
  if (!source) return <span>{typeName}</span>
  return (
    <Space data-testid="voucher-source">
      <Link to={`/data/ledger_documents/show/${source.id}`}>
        {typeName} {source.number}
      </Link>
      <span>{source.doc_date}</span>
      {source.total && <span>{money(source.total)}</span>}
      {source.status === 'reversed' && <Tag color="red">{translate('vouchers.statuses.reversed')}</Tag>}
    </Space>
  )
}

export default VoucherEntry
