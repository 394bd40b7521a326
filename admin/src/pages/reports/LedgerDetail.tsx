// Ledger detail (明细账): the posted lines of an account and its sub-accounts between two dates, with the
// running balance (ledger_detail), paged on the server; each line opens its voucher. Reached from every
// report figure (?account=&from=&to=[&party=]); exportable to Excel.
import { DownloadOutlined } from '@ant-design/icons'
import { useTranslate } from '@refinedev/core'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { Alert, Button, Card, DatePicker, Select, Space, Table, Typography } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { Link, useSearchParams } from 'react-router'
import { money } from '../../components/Money.tsx'
import { shanghaiToday } from '../../lib/dates.ts'
import { downloadExcel } from '../../lib/excel.ts'
import { useSupabase } from '../../providers/supabaseContext.tsx'
import { financeErrorText } from '../vouchers/financeError.ts'
import { FINANCE_KEY, filterByLabel, useAccounts, useOptions } from '../vouchers/lookups.ts'
import { openingOf } from './drill.ts'

export type LedgerRow = {
  row_no: number
  voucher_id: string
  voucher_date: string
  word: string
  number: number
  line_no: number
  summary: string
  account_code: string
  party_id: string | null
  debit: string
  credit: string
  balance: string
}
const PAGE = 100
const COLUMNS =
  'row_no, voucher_id, voucher_date, word, number, line_no, summary, account_code, party_id, debit:debit::text, credit:credit::text, balance:balance::text'

export const ledgerLink = (account: string, from: string, to: string, party?: string | null) =>
  `/reports/ledger?${new URLSearchParams({ account, from, to, ...(party ? { party } : {}) })}`

export function LedgerDetail() {
  const translate = useTranslate()
  const supabase = useSupabase()
  const accounts = useAccounts()
  const parties = useOptions('party')
  const [params, setParams] = useSearchParams()
  const accountId = params.get('account') ?? undefined
  const today = shanghaiToday()
  const from = params.get('from') ?? `${today.slice(0, 8)}01`
  const to = params.get('to') ?? today
  const party = params.get('party') ?? undefined
  const [page, setPage] = useState(1)
  const set = (next: Record<string, string | undefined>) => {
    const p = new URLSearchParams(params)
    for (const [k, v] of Object.entries(next))
      if (v) p.set(k, v)
      else p.delete(k)
    setParams(p, { replace: true })
    setPage(1)
  }
  const account = accounts.data?.find((a) => a.id === accountId)
  const partyName = new Map((parties.data ?? []).map((o) => [o.value, o.label]))

  const detail = useQuery({
    queryKey: [...FINANCE_KEY, 'ledger_detail', accountId, from, to, party, page],
    enabled: Boolean(accountId),
    placeholderData: keepPreviousData,
    queryFn: async (): Promise<LedgerRow[]> => {
      const { data, error } = await supabase
        .rpc('ledger_detail', {
          p_account_id: accountId,
          p_from: from,
          p_to: to,
          p_party_id: party ?? null,
          p_limit: PAGE + 1,
          p_offset: (page - 1) * PAGE,
        })
        .select(COLUMNS)
      if (error) throw error
      return (data ?? []) as unknown as LedgerRow[]
    },
  })
  const rows = (detail.data ?? []).slice(0, PAGE)
  const hasMore = (detail.data ?? []).length > PAGE

  const exportExcel = async () => {
    if (!accountId) return
    const { data, error } = await supabase
      .rpc('ledger_detail', {
        p_account_id: accountId,
        p_from: from,
        p_to: to,
        p_party_id: party ?? null,
        p_limit: 5000,
        p_offset: 0,
      })
      .select(COLUMNS)
    if (error) return
    const all = (data ?? []) as unknown as LedgerRow[]
    await downloadExcel(`ledger-${account?.code ?? ''}-${from}-${to}`, [
      {
        name: translate('reports.ledger.title'),
        title: `${translate('reports.ledger.title')} ${account?.code ?? ''} ${account?.name ?? ''} ${from} ~ ${to}`,
        columns: [
          { header: translate('reports.ledger.date'), key: 'voucher_date', width: 12 },
          { header: translate('reports.ledger.voucher'), key: 'no', width: 10 },
          { header: translate('reports.ledger.summary'), key: 'summary', width: 30 },
          { header: translate('reports.ledger.account'), key: 'account_code', width: 12 },
          { header: translate('reports.ledger.debit'), key: 'debit', kind: 'money' },
          { header: translate('reports.ledger.credit'), key: 'credit', kind: 'money' },
          { header: translate('reports.ledger.balance'), key: 'balance', kind: 'money' },
        ],
        rows: all.map((r) => ({ ...r, no: `${r.word}-${r.number}` })),
      },
    ])
  }

  return (
    <Card
      title={translate('reports.ledger.title')}
      extra={
        <Space wrap>
          <Select
            showSearch
            style={{ minWidth: 240 }}
            value={accountId}
            placeholder={translate('reports.ledger.account')}
            loading={accounts.isLoading}
            filterOption={filterByLabel}
            onChange={(v) => set({ account: v })}
            options={(accounts.data ?? []).map((a) => ({ value: a.id, label: `${a.code} ${a.name}` }))}
            data-testid="ledger-account"
          />
          <DatePicker.RangePicker
            value={[dayjs(from), dayjs(to)]}
            allowClear={false}
            onChange={(v) =>
              v?.[0] && v[1] && set({ from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') })
            }
          />
          {party && (
            <Typography.Text>
              {partyName.get(party)}{' '}
              <Button size="small" type="link" onClick={() => set({ party: undefined })}>
                ×
              </Button>
            </Typography.Text>
          )}
          <Button
            icon={<DownloadOutlined />}
            disabled={!accountId}
            onClick={exportExcel}
            data-testid="export-excel"
          >
            {translate('reports.exportExcel')}
          </Button>
        </Space>
      }
    >
      {detail.isError && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={financeErrorText(detail.error as never, (k, p, f) => translate(k, p ?? {}, f ?? k))}
        />
      )}
      {!accountId && <Alert type="info" showIcon message={translate('reports.ledger.pickAccount')} />}
      {rows.length > 0 && (
        <Typography.Paragraph type="secondary" data-testid="ledger-opening">
          {translate('reports.ledger.opening', {
            amount: money(openingOf(rows[0])),
          })}
        </Typography.Paragraph>
      )}
      <Table<LedgerRow>
        data-testid="ledger-detail"
        size="small"
        rowKey={(r) => `${r.voucher_id}-${r.line_no}`}
        loading={detail.isLoading}
        dataSource={rows}
        pagination={false}
        columns={[
          { title: translate('reports.ledger.date'), dataIndex: 'voucher_date', width: 110 },
          {
            title: translate('reports.ledger.voucher'),
            key: 'voucher',
            width: 90,
            render: (_: unknown, r) => (
              <Link to={`/vouchers/${r.voucher_id}`} data-testid="ledger-voucher">
                {r.word}-{r.number}
              </Link>
            ),
          },
          { title: translate('reports.ledger.summary'), dataIndex: 'summary' },
          { title: translate('reports.ledger.account'), dataIndex: 'account_code', width: 100 },
          {
            title: translate('reports.ledger.party'),
            dataIndex: 'party_id',
            render: (v: string | null) => (v ? partyName.get(v) : ''),
          },
          {
            title: translate('reports.ledger.debit'),
            dataIndex: 'debit',
            align: 'right',
            render: (v) => money(v),
          },
          {
            title: translate('reports.ledger.credit'),
            dataIndex: 'credit',
            align: 'right',
            render: (v) => money(v),
          },
          {
            title: translate('reports.ledger.balance'),
            dataIndex: 'balance',
            align: 'right',
            render: (v) => money(v),
          },
        ]}
      />
      {(page > 1 || hasMore) && (
        <Space style={{ marginTop: 12 }}>
          <Button disabled={page === 1} onClick={() => setPage((p) => p - 1)}>
            {translate('reports.previous')}
          </Button>
          <Button disabled={!hasMore} onClick={() => setPage((p) => p + 1)}>
            {translate('reports.next')}
          </Button>
        </Space>
      )}
    </Card>
  )
}

export default LedgerDetail
