// Vouchers (凭证列表): filtered by period (its dates, so drafts show too), word and status, paged on the
// server, newest first; debit total per voucher summed exactly from the lines' decimal strings.
import { PlusOutlined } from '@ant-design/icons'
import { useGo, useTranslate } from '@refinedev/core'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { Button, Card, Select, Space, Table, Tag } from 'antd'
import { useEffect, useState } from 'react'
import { useSearchParams } from 'react-router'
import { money } from '../../components/Money.tsx'
import { shanghaiToday } from '../../lib/dates.ts'
import { sumDecimals } from '../../lib/decimal.ts'
import { useSupabase } from '../../providers/supabaseContext.tsx'
import { useMyPermissions } from '../../tenancy/useMyPermissions.ts'
import { periodLabel, periodOf, usePeriods } from './lookups.ts'
import { HEADER_COLUMNS, VOUCHERS_KEY, type VoucherHeader, voucherNo } from './useVoucher.ts'
import { STATUS_COLORS, WORDS } from './VoucherEntry.tsx'

type Row = VoucherHeader & { voucher_lines: { debit: string }[] }
const PAGE = 20

export function VoucherList() {
  const translate = useTranslate()
  const supabase = useSupabase()
  const go = useGo()
  const { can } = useMyPermissions()
  const periods = usePeriods()
  const [params, setParams] = useSearchParams()
  const periodId = params.get('period') ?? undefined
  const word = params.get('word') ?? undefined
  const status = params.get('status') ?? undefined
  const [page, setPage] = useState(1)
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params)
    if (value) next.set(key, value)
    else next.delete(key)
    setParams(next, { replace: true })
    setPage(1)
  }
  useEffect(() => {
    if (params.has('period') || !periods.data?.length) return
    const p = periodOf(periods.data, shanghaiToday())
    if (p) set('period', p.id)
  })
  const period = periods.data?.find((p) => p.id === periodId)

  const list = useQuery({
    queryKey: [...VOUCHERS_KEY, 'list', periodId, word, status, page],
    enabled: Boolean(period) || periods.isSuccess,
    placeholderData: keepPreviousData,
    queryFn: async () => {
      let q = supabase
        .from('vouchers')
        .select(`${HEADER_COLUMNS}, voucher_lines(debit:debit::text)`, { count: 'exact' })
        .order('voucher_date', { ascending: false })
        .order('word')
        .order('number', { ascending: false, nullsFirst: true })
        .range((page - 1) * PAGE, page * PAGE - 1)
      if (period) q = q.gte('voucher_date', period.start_date).lte('voucher_date', period.end_date)
      if (word) q = q.eq('word', word)
      if (status) q = q.eq('status', status)
      const { data, error, count } = await q
      if (error) throw error
      return { rows: (data ?? []) as unknown as Row[], count: count ?? 0 }
    },
  })

  return (
    <Card
      title={translate('vouchers.titles.list')}
      extra={
        <Space wrap>
          <Select
            style={{ width: 130 }}
            value={periodId}
            allowClear
            placeholder={translate('vouchers.filters.period')}
            onChange={(v) => set('period', v)}
            options={(periods.data ?? []).map((p) => ({ value: p.id, label: periodLabel(p) }))}
            data-testid="filter-period"
          />
          <Select
            style={{ width: 90 }}
            value={word}
            allowClear
            placeholder={translate('vouchers.filters.word')}
            onChange={(v) => set('word', v)}
            options={WORDS.map((w) => ({ value: w, label: w }))}
            data-testid="filter-word"
          />
          <Select
            style={{ width: 110 }}
            value={status}
            allowClear
            placeholder={translate('vouchers.filters.status')}
            onChange={(v) => set('status', v)}
            options={['draft', 'posted', 'reversed'].map((s) => ({
              value: s,
              label: translate(`vouchers.statuses.${s}`),
            }))}
            data-testid="filter-status"
          />
          {can('vouchers', 'create') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => go({ to: '/vouchers/new' })}
              data-testid="voucher-new"
            >
              {translate('vouchers.new')}
            </Button>
          )}
        </Space>
      }
    >
      <Table<Row>
        data-testid="voucher-list"
        size="small"
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.rows ?? []}
        pagination={{
          current: page,
          pageSize: PAGE,
          total: list.data?.count ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        onRow={(r) => ({ onClick: () => go({ to: `/vouchers/${r.id}` }), style: { cursor: 'pointer' } })}
        columns={[
          { title: translate('vouchers.fields.date'), dataIndex: 'voucher_date', width: 110 },
          {
            title: translate('vouchers.fields.number'),
            key: 'number',
            width: 90,
            render: (_: unknown, r) => voucherNo(r),
          },
          { title: translate('vouchers.fields.summary'), dataIndex: 'summary' },
          {
            title: translate('vouchers.fields.amount'),
            key: 'amount',
            align: 'right',
            render: (_: unknown, r) => money(sumDecimals(r.voucher_lines.map((l) => l.debit))),
          },
          {
            title: translate('vouchers.fields.source'),
            dataIndex: 'source_type',
            render: (v: string | null) => (v ? translate(`vouchers.sourceTypes.${v}`, {}, v) : ''),
          },
          {
            title: translate('vouchers.fields.status'),
            dataIndex: 'status',
            width: 90,
            render: (v: string) => <Tag color={STATUS_COLORS[v]}>{translate(`vouchers.statuses.${v}`)}</Tag>,
          },
        ]}
      />
    </Card>
  )
}

export default VoucherList
