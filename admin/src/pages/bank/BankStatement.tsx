// One bank statement: what is reconciled and what is left (bank_reconciliation), its lines with the
// suggestions of bank-match (kind, score, reasons), confirmed one by one or many at once through
// confirm_bank_line (each posts a receipt, payment or voucher through the ledger; confirming twice
// posts once). A reconciled line links to the voucher that books it.
import { useNotification, useTranslate } from '@refinedev/core'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import {
  Alert,
  Button,
  Card,
  Descriptions,
  List,
  Popover,
  Segmented,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd'
import { useMemo, useState } from 'react'
import { Link, Navigate, useParams } from 'react-router'
import { money } from '../../components/Money.tsx'
import { useSupabase } from '../../providers/supabaseContext.tsx'
import { useMyPermissions } from '../../tenancy/useMyPermissions.ts'
import { useFinanceError } from '../vouchers/financeError.ts'
import { FINANCE_KEY, useAccounts, useOptions } from '../vouchers/lookups.ts'
import { BANK_KEY, confirmArgs, reconciliation, type Suggestion, useSuggestions } from './api.ts'
import { reconciliationTag } from './BankPage.tsx'

type Line = {
  id: string
  line_no: number
  txn_date: string
  amount: string
  counterparty_name: string | null
  counterparty_account: string | null
  reference: string | null
  memo: string | null
  status: 'unmatched' | 'reconciled'
  matched_voucher_id: string | null
  result: { kind?: string; voucher_number?: string; number?: string } | null
}

const KIND_COLORS: Record<string, string> = {
  receipt: 'green',
  payment: 'volcano',
  voucher: 'blue',
  transfer: 'purple',
}

export function BankStatement() {
  const translate = useTranslate()
  const supabase = useSupabase()
  const queryClient = useQueryClient()
  const { open } = useNotification()
  const showError = useFinanceError()
  const { can } = useMyPermissions()
  const { id } = useParams<{ id: string }>()
  const [show, setShow] = useState<'open' | 'all'>('open')
  const [selected, setSelected] = useState<string[]>([])
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<{ ok: number; failed: string[] } | null>(null)
  const parties = useOptions('party')
  const accounts = useAccounts()
  const partyName = useMemo(
    () => new Map((parties.data ?? []).map((o) => [o.value, o.label])),
    [parties.data],
  )
  const accountName = useMemo(
    () => new Map((accounts.data ?? []).map((a) => [a.id, `${a.code} ${a.name}`])),
    [accounts.data],
  )

  const statement = useQuery({
    queryKey: [...BANK_KEY, 'statement', id],
    queryFn: async () => {
      const [s, rec] = await Promise.all([
        supabase
          .from('bank_statements')
          .select(
            'id, file_name, format, period_start, period_end, bank_account_id, bank_accounts(name, account_number)',
          )
          .eq('id', id as string)
          .maybeSingle(),
        reconciliation(supabase, id as string),
      ])
      if (s.error) throw s.error
      return {
        statement: s.data as unknown as {
          file_name: string
          period_start: string | null
          period_end: string | null
          bank_accounts: { name: string; account_number: string } | null
        } | null,
        rec,
      }
    },
  })
  const lines = useQuery({
    queryKey: [...BANK_KEY, 'lines', id],
    queryFn: async (): Promise<Line[]> => {
      const { data, error } = await supabase
        .from('bank_statement_lines')
        .select(
          'id, line_no, txn_date, amount:amount::text, counterparty_name, counterparty_account, reference, memo, status, matched_voucher_id, result',
        )
        .eq('statement_id', id as string)
        .order('line_no')
        .limit(5000)
      if (error) throw error
      return (data ?? []) as unknown as Line[]
    },
  })
  const suggestions = useSuggestions(id)
  const best = (lineId: string): Suggestion | undefined => suggestions.data?.get(lineId)?.[0]

  const rows = (lines.data ?? []).filter((l) => show === 'all' || l.status === 'unmatched')

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: BANK_KEY })
    await queryClient.invalidateQueries({ queryKey: [...FINANCE_KEY, 'vouchers'] })
  }

  /** Confirms the best suggestion of each line, one after the other; counts what went through. */
  const confirm = async (ids: string[]) => {
    setBusy(true)
    setOutcome(null)
    let ok = 0
    const failed: string[] = []
    for (const lineId of ids) {
      const s = best(lineId)
      if (!s) continue
      const { error } = await supabase.rpc('confirm_bank_line', confirmArgs(lineId, s))
      if (error) {
        const line = lines.data?.find((l) => l.id === lineId)
        failed.push(`${translate('bank.lineNo', { n: line?.line_no ?? '?' })}: ${showError(error)}`)
      } else ok++
    }
    setBusy(false)
    setSelected([])
    setOutcome({ ok, failed })
    if (ok > 0)
      open?.({ type: 'success', message: translate('bank.confirmed', { n: ok }), key: 'bank-confirmed' })
    await refresh()
  }

  const describe = (s: Suggestion) => {
    const who =
      s.kind === 'voucher'
        ? accountName.get(s.account_id ?? '')
        : s.kind === 'transfer'
          ? translate('bank.kinds.transfer')
          : partyName.get(s.party_id ?? '')
    return (
      <Space size={4} wrap>
        <Tag color={KIND_COLORS[s.kind]}>{translate(`bank.kinds.${s.kind}`)}</Tag>
        <span>{who}</span>
        <Popover
          title={translate('bank.reasons')}
          content={
            <List size="small" dataSource={s.reasons} renderItem={(r) => <List.Item>{r}</List.Item>} />
          }
        >
          <Tag
            color={s.score >= 80 ? 'green' : s.score >= 50 ? 'gold' : 'default'}
            data-testid="suggestion-score"
          >
            {translate('bank.score', { score: s.score })}
          </Tag>
        </Popover>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {s.reasons[0]}
        </Typography.Text>
      </Space>
    )
  }

  const rec = statement.data?.rec
  const st = statement.data?.statement
  const mayConfirm = can('bank_statements', 'post')

  return (
    <Card
      title={
        <Space>
          {translate('bank.statement')} {st?.file_name}
          {rec && reconciliationTag(rec, translate)}
        </Space>
      }
      extra={<Link to="/bank">{translate('bank.backToList')}</Link>}
      loading={statement.isLoading}
    >
      {rec && (
        <Descriptions
          size="small"
          bordered
          column={4}
          style={{ marginBottom: 16 }}
          data-testid="bank-reconciliation"
        >
          <Descriptions.Item label={translate('bank.account')}>
            {st?.bank_accounts?.name} {st?.bank_accounts?.account_number}
          </Descriptions.Item>
          <Descriptions.Item label={translate('bank.fields.period')}>
            {st?.period_start} ~ {st?.period_end}
          </Descriptions.Item>
          <Descriptions.Item label={translate('bank.fields.opening')}>
            {money(rec.opening_balance)}
          </Descriptions.Item>
          <Descriptions.Item label={translate('bank.fields.closing')}>
            {money(rec.closing_balance)}
          </Descriptions.Item>
          <Descriptions.Item label={translate('bank.fields.reconciled')}>
            <span data-testid="reconciled-count">{rec.reconciled_count}</span> / {rec.lines} ·{' '}
            {money(rec.reconciled_sum)}
          </Descriptions.Item>
          <Descriptions.Item label={translate('bank.fields.unreconciled')}>
            <span data-testid="unreconciled-count">{rec.unreconciled_count}</span> ·{' '}
            {money(rec.unreconciled_sum)}
          </Descriptions.Item>
          <Descriptions.Item label={translate('bank.fields.bookBalance')} span={2}>
            {money(rec.book_balance)}
          </Descriptions.Item>
        </Descriptions>
      )}
      <Space style={{ marginBottom: 12 }} wrap>
        <Segmented
          value={show}
          onChange={(v) => setShow(v as 'open' | 'all')}
          options={[
            { value: 'open', label: translate('bank.showOpen') },
            { value: 'all', label: translate('bank.showAll') },
          ]}
          data-testid="bank-show"
        />
        {mayConfirm && (
          <Button
            type="primary"
            disabled={selected.length === 0 || busy}
            loading={busy}
            onClick={() => confirm(selected)}
            data-testid="confirm-selected"
          >
            {translate('bank.confirmSelected', { n: selected.length })}
          </Button>
        )}
        {suggestions.isError && (
          <Typography.Text type="danger">{(suggestions.error as Error).message}</Typography.Text>
        )}
      </Space>
      {outcome && outcome.failed.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={translate('bank.partlyConfirmed', { ok: outcome.ok, failed: outcome.failed.length })}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {outcome.failed.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
          }
        />
      )}
      <Table<Line>
        data-testid="bank-lines"
        size="small"
        rowKey="id"
        loading={lines.isLoading}
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        onRow={(r) => ({ 'data-testid': `bank-line-${r.line_no}` }) as React.HTMLAttributes<HTMLElement>}
        rowSelection={
          mayConfirm
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys as string[]),
                getCheckboxProps: (r) => ({ disabled: r.status !== 'unmatched' || !best(r.id) }),
              }
            : undefined
        }
        columns={[
          { title: '#', dataIndex: 'line_no', width: 50 },
          { title: translate('bank.fields.date'), dataIndex: 'txn_date', width: 110 },
          {
            title: translate('bank.fields.amount'),
            dataIndex: 'amount',
            align: 'right',
            width: 120,
            render: (v: string) => (
              <Typography.Text type={v.startsWith('-') ? 'danger' : undefined}>{money(v)}</Typography.Text>
            ),
          },
          { title: translate('bank.fields.counterparty'), dataIndex: 'counterparty_name' },
          { title: translate('bank.fields.memo'), dataIndex: 'memo', ellipsis: true },
          {
            title: translate('bank.fields.suggestion'),
            key: 'suggestion',
            render: (_: unknown, r) => {
              if (r.status === 'reconciled')
                return (
                  <Space>
                    <Tag color="green">{translate('bank.status.reconciled')}</Tag>
                    {r.result?.kind && translate(`bank.kinds.${r.result.kind}`)}
                    {r.matched_voucher_id && (
                      <Link to={`/vouchers/${r.matched_voucher_id}`} data-testid="line-voucher">
                        {r.result?.voucher_number ?? translate('vouchers.open')}
                      </Link>
                    )}
                  </Space>
                )
              const s = best(r.id)
              if (suggestions.isLoading) return <Typography.Text type="secondary">…</Typography.Text>
              return s ? (
                describe(s)
              ) : (
                <Typography.Text type="secondary">{translate('bank.noSuggestion')}</Typography.Text>
              )
            },
          },
          ...(mayConfirm
            ? [
                {
                  title: '',
                  key: 'action',
                  width: 80,
                  render: (_: unknown, r: Line) =>
                    r.status === 'unmatched' && best(r.id) ? (
                      <Button
                        size="small"
                        disabled={busy}
                        onClick={() => confirm([r.id])}
                        data-testid="confirm-line"
                      >
                        {translate('bank.confirm')}
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
    </Card>
  )
}

/** /bank/lines/:id (a voucher's source): the statement holding the line. */
export function BankLineRedirect() {
  const supabase = useSupabase()
  const { id } = useParams<{ id: string }>()
  const line = useQuery({
    queryKey: [...BANK_KEY, 'line', id],
    queryFn: async () => {
      const { data, error } = await supabase
        .from('bank_statement_lines')
        .select('statement_id')
        .eq('id', id as string)
        .maybeSingle()
      if (error) throw error
      return data as { statement_id: string } | null
    },
  })
  if (line.data) return <Navigate to={`/bank/statements/${line.data.statement_id}`} replace />
  if (line.isSuccess) return <Navigate to="/bank" replace />
  return null
}

export default BankStatement
