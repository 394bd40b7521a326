// Trial balance (科目余额表): a period, trial_balance(p_period_id) — account-level rows with parents rolled
// up by the database — indented by level, a totals row over the top-level accounts (summed exactly as
// decimal strings, never floats), a CSV download (UTF-8 with BOM) and an .xlsx export (lib/excel.ts);
// each account opens its ledger detail for the period.
import { DownloadOutlined } from '@ant-design/icons'
import { useTranslate } from '@refinedev/core'
import { useQuery } from '@tanstack/react-query'
import { Alert, Button, Card, Select, Space, Table, Typography } from 'antd'
import { useEffect, useMemo, useState } from 'react'
import { Link } from 'react-router'
import { money } from '../../components/Money.tsx'
import { shanghaiToday } from '../../lib/dates.ts'
import { readableDbError } from '../../lib/db-error.ts'
import { sumDecimals } from '../../lib/decimal.ts'
import { downloadExcel } from '../../lib/excel.ts'
import { useSupabase } from '../../providers/supabaseContext.tsx'
import { periodLabel, periodOf, usePeriods } from '../vouchers/lookups.ts'
import { ledgerLink } from './LedgerDetail.tsx'

export type TrialRow = {
  account_id: string
  code: string
  name: string
  level: number
  is_leaf: boolean
  direction: string
  opening_debit: string
  opening_credit: string
  period_debit: string
  period_credit: string
  closing_debit: string
  closing_credit: string
}
export const AMOUNTS = [
  'opening_debit',
  'opening_credit',
  'period_debit',
  'period_credit',
  'closing_debit',
  'closing_credit',
] as const

const COLUMNS = AMOUNTS.map((c) => `${c}:${c}::text`).join(', ')

/** The totals of the top-level rows (parents already include their children). */
export function totalsOf(rows: readonly TrialRow[]): Record<(typeof AMOUNTS)[number], string> {
  const top = rows.filter((r) => r.level === 1)
  return Object.fromEntries(AMOUNTS.map((a) => [a, sumDecimals(top.map((r) => r[a]))])) as Record<
    (typeof AMOUNTS)[number],
    string
  >
}

const csvCell = (v: string | number) => {
  const s = String(v)
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export function TrialBalance() {
  const translate = useTranslate()
  const supabase = useSupabase()
  const periods = usePeriods()
  const [periodId, setPeriodId] = useState<string>()
  useEffect(() => {
    if (periodId || !periods.data?.length) return
    // The period containing today (in the books' calendar), else the latest.
    const current = periodOf(periods.data, shanghaiToday()) ?? periods.data[0]
    setPeriodId(current.id)
  }, [periods.data, periodId])

  const report = useQuery({
    queryKey: ['troika', 'trial_balance', periodId],
    enabled: Boolean(periodId),
    queryFn: async (): Promise<TrialRow[]> => {
      const { data, error } = await supabase
        .rpc('trial_balance', { p_period_id: periodId })
        .select(`account_id, code, name, level, is_leaf, direction, ${COLUMNS}`)
      if (error) throw error
      return (data ?? []) as unknown as TrialRow[]
    },
  })
  const rows = report.data ?? []
  const totals = useMemo(() => totalsOf(rows), [rows])
  const period = periods.data?.find((p) => p.id === periodId)

  const download = () => {
    const head = [
      translate('trialBalance.columns.code'),
      translate('trialBalance.columns.name'),
      ...AMOUNTS.map((a) => translate(`trialBalance.columns.${a}`)),
    ]
    const lines = [
      head,
      ...rows.map((r) => [r.code, `${'  '.repeat(r.level - 1)}${r.name}`, ...AMOUNTS.map((a) => r[a])]),
      ['', translate('trialBalance.total'), ...AMOUNTS.map((a) => totals[a])],
    ]
    const csv = `\uFEFF${lines.map((l) => l.map(csvCell).join(',')).join('\r\n')}\r\n`
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }))
    const a = document.createElement('a')
    a.href = url
    a.download = `trial-balance-${period ? periodLabel(period) : ''}.csv`
    a.click()
    URL.revokeObjectURL(url)
  }

  const exportExcel = () =>
    downloadExcel(`trial-balance-${period ? periodLabel(period) : ''}`, [
      {
        name: translate('trialBalance.title'),
        title: `${translate('trialBalance.title')} ${period ? periodLabel(period) : ''}`,
        columns: [
          { header: translate('trialBalance.columns.code'), key: 'code', width: 12 },
          { header: translate('trialBalance.columns.name'), key: 'label', width: 30 },
          ...AMOUNTS.map((a) => ({
            header: translate(`trialBalance.columns.${a}`),
            key: a,
            kind: 'money' as const,
          })),
        ],
        rows: [
          ...rows.map((r) => ({ ...r, label: `${'  '.repeat(r.level - 1)}${r.name}` })),
          { code: '', label: translate('trialBalance.total'), ...totals },
        ],
      },
    ])

  const amountColumn = (a: (typeof AMOUNTS)[number]) => ({
    title: translate(`trialBalance.columns.${a}`),
    dataIndex: a,
    align: 'right' as const,
    render: (v: string) => money(v),
  })

  const balanced =
    totals.closing_debit === totals.closing_credit && totals.period_debit === totals.period_credit

  return (
    <Card
      title={translate('trialBalance.title')}
      extra={
        <Space>
          <Select
            style={{ minWidth: 140 }}
            value={periodId}
            onChange={setPeriodId}
            loading={periods.isLoading}
            aria-label={translate('trialBalance.period')}
            data-testid="period-select"
            options={(periods.data ?? []).map((p) => ({ value: p.id, label: periodLabel(p) }))}
          />
          <Button
            icon={<DownloadOutlined />}
            onClick={download}
            disabled={rows.length === 0}
            data-testid="export-csv"
          >
            {translate('trialBalance.export')}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            onClick={exportExcel}
            disabled={rows.length === 0}
            data-testid="export-excel"
          >
            {translate('reports.exportExcel')}
          </Button>
        </Space>
      }
    >
      {report.isError && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={readableDbError(report.error as never, (k, p) => translate(k, p)).message}
        />
      )}
      <Table<TrialRow>
        data-testid="trial-balance"
        size="small"
        rowKey="account_id"
        loading={report.isLoading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1000 }}
        columns={[
          { title: translate('trialBalance.columns.code'), dataIndex: 'code', width: 110 },
          {
            title: translate('trialBalance.columns.name'),
            dataIndex: 'name',
            render: (v: string, r) => (
              <span style={{ paddingLeft: (r.level - 1) * 16, fontWeight: r.level === 1 ? 500 : undefined }}>
                {period ? (
                  <Link to={ledgerLink(r.account_id, period.start_date, period.end_date)}>{v}</Link>
                ) : (
                  v
                )}
              </span>
            ),
          },
          ...AMOUNTS.map(amountColumn),
        ]}
        summary={() =>
          rows.length > 0 ? (
            <Table.Summary fixed>
              <Table.Summary.Row data-testid="trial-balance-totals">
                <Table.Summary.Cell index={0} colSpan={2}>
                  <Typography.Text strong>{translate('trialBalance.total')}</Typography.Text>{' '}
                  <Typography.Text type={balanced ? 'success' : 'danger'}>
                    {translate(balanced ? 'trialBalance.balanced' : 'trialBalance.unbalanced')}
                  </Typography.Text>
                </Table.Summary.Cell>
                {AMOUNTS.map((a, i) => (
                  <Table.Summary.Cell key={a} index={i + 2} align="right">
                    <Typography.Text strong data-testid={`total-${a}`}>
                      {money(totals[a])}
                    </Typography.Text>
                  </Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            </Table.Summary>
          ) : null
        }
      />
    </Card>
  )
}

export default TrialBalance
