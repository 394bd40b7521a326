// Financial reports (财务报表): balance sheet, income statement and cash-flow statement of a period
// (financial_statement: the official line layout with each line's formula), receivables and payables
// aging on a date (aging), stock valuation now or at the end of a day (stock_valuation, its items:
// stock_on_hand). Every figure drills down: a statement line → the accounts (or lines, or cash-flow
// items) of its formula → the ledger detail over the dates of the column → the voucher → its source
// document. Each report exports to Excel (exceljs, loaded on click); money goes from the database's
// decimal strings to number cells, totals summed as strings.
import { DownloadOutlined } from '@ant-design/icons'
import { useTranslate } from '@refinedev/core'
import { useQuery } from '@tanstack/react-query'
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Drawer,
  List,
  Segmented,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd'
import dayjs from 'dayjs'
import { type ReactNode, useEffect, useMemo, useState } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { money } from '../../components/Money.tsx'
import { shanghaiToday } from '../../lib/dates.ts'
import { sumDecimals } from '../../lib/decimal.ts'
import { downloadExcel, type ExcelColumn } from '../../lib/excel.ts'
import { useSupabase } from '../../providers/supabaseContext.tsx'
import { financeErrorText } from '../vouchers/financeError.ts'
import {
  FINANCE_KEY,
  type Period,
  periodLabel,
  periodOf,
  useAccounts,
  usePeriods,
} from '../vouchers/lookups.ts'
import { AGING_BUCKETS, drillRange, drillTargets, type StatementKind } from './drill.ts'
import { ledgerLink } from './LedgerDetail.tsx'

const REPORTS = ['balance-sheet', 'income-statement', 'cash-flow', 'aging', 'stock'] as const
type ReportSlug = (typeof REPORTS)[number]
const STATEMENT_OF: Partial<Record<ReportSlug, StatementKind>> = {
  'balance-sheet': 'balance_sheet',
  'income-statement': 'income_statement',
  'cash-flow': 'cash_flow',
}

type T = ReturnType<typeof useTranslate>
const errorText = (error: unknown, translate: T) =>
  financeErrorText(error as never, (k, p, f) => translate(k, p ?? {}, f ?? k))

function ExportButton({ onClick, disabled }: { onClick: () => Promise<void>; disabled?: boolean }) {
  const translate = useTranslate()
  const [busy, setBusy] = useState(false)
  return (
    <Button
      icon={<DownloadOutlined />}
      disabled={disabled}
      loading={busy}
      data-testid="export-excel"
      onClick={async () => {
        setBusy(true)
        try {
          await onClick()
        } finally {
          setBusy(false)
        }
      }}
    >
      {translate('reports.exportExcel')}
    </Button>
  )
}

function usePeriodChoice() {
  const periods = usePeriods()
  const [periodId, setPeriodId] = useState<string>()
  useEffect(() => {
    if (!periodId && periods.data?.length) setPeriodId(periodOf(periods.data, shanghaiToday())?.id)
  }, [periods.data, periodId])
  const picker = (
    <Select
      style={{ minWidth: 130 }}
      value={periodId}
      onChange={setPeriodId}
      loading={periods.isLoading}
      data-testid="report-period"
      options={(periods.data ?? []).map((p) => ({ value: p.id, label: periodLabel(p) }))}
    />
  )
  return { periods: periods.data ?? [], period: periods.data?.find((p) => p.id === periodId), picker }
}

// ───────────────────────────── statements ─────────────────────────────
type StatementLine = {
  line_no: number
  name: string
  indent: number
  amount: string
  compare_amount: string
  formula: unknown
}

function StatementReport({ kind }: { kind: StatementKind }) {
  const translate = useTranslate()
  const supabase = useSupabase()
  const { periods, period, picker } = usePeriodChoice()
  const [drill, setDrill] = useState<{ line: StatementLine; column: 'amount' | 'compare' } | null>(null)
  const report = useQuery({
    queryKey: [...FINANCE_KEY, 'statement', kind, period?.id],
    enabled: Boolean(period),
    queryFn: async (): Promise<StatementLine[]> => {
      const { data, error } = await supabase
        .rpc('financial_statement', { p_statement: kind, p_period_id: period?.id })
        .select('line_no, name, indent, amount:amount::text, compare_amount:compare_amount::text, formula')
      if (error) throw error
      return (data ?? []) as unknown as StatementLine[]
    },
  })
  const rows = report.data ?? []
  const [colA, colB] = [
    translate(`reports.columns.${kind}.amount`),
    translate(`reports.columns.${kind}.compare`),
  ]
  const title = translate(`reports.titles.${kind}`)

  const exportExcel = () =>
    downloadExcel(`${kind}-${period ? periodLabel(period) : ''}`, [
      {
        name: title,
        title: `${title} ${period ? periodLabel(period) : ''}`,
        columns: [
          { header: translate('reports.columns.lineNo'), key: 'line_no', width: 8 },
          { header: translate('reports.columns.item'), key: 'label', width: 40 },
          { header: colA, key: 'amount', kind: 'money' },
          { header: colB, key: 'compare_amount', kind: 'money' },
        ],
        rows: rows.map((r) => ({ ...r, label: `${'  '.repeat(r.indent)}${r.name}` })),
      },
    ])

  const figure = (line: StatementLine, column: 'amount' | 'compare') => {
    const v = column === 'amount' ? line.amount : line.compare_amount
    const drillable = Array.isArray(line.formula) && line.formula.length > 0
    return drillable ? (
      <Typography.Link
        onClick={() => setDrill({ line, column })}
        data-testid={`figure-${line.line_no}-${column}`}
      >
        {money(v)}
      </Typography.Link>
    ) : (
      money(v)
    )
  }

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        {translate('reports.period')}
        {picker}
        <ExportButton onClick={exportExcel} disabled={rows.length === 0} />
      </Space>
      {report.isError && <Alert type="error" showIcon message={errorText(report.error, translate)} />}
      <Table<StatementLine>
        data-testid="statement"
        size="small"
        rowKey="line_no"
        loading={report.isLoading}
        dataSource={rows}
        pagination={false}
        onRow={(r) => ({ 'data-testid': `line-${r.line_no}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: translate('reports.columns.item'),
            dataIndex: 'name',
            render: (v: string, r) => (
              <span style={{ paddingLeft: r.indent * 16, fontWeight: r.indent === 0 ? 500 : undefined }}>
                {v}
              </span>
            ),
          },
          { title: translate('reports.columns.lineNo'), dataIndex: 'line_no', width: 70, align: 'center' },
          { title: colA, key: 'amount', align: 'right', render: (_: unknown, r) => figure(r, 'amount') },
          { title: colB, key: 'compare', align: 'right', render: (_: unknown, r) => figure(r, 'compare') },
        ]}
      />
      <Drawer
        open={Boolean(drill)}
        width={560}
        title={drill ? `${drill.line.line_no} ${drill.line.name}` : ''}
        onClose={() => setDrill(null)}
        destroyOnHidden
      >
        {drill && period && (
          <StatementDrill
            kind={kind}
            line={drill.line}
            column={drill.column}
            columnName={drill.column === 'amount' ? colA : colB}
            period={period}
            periods={periods}
            lines={rows}
            onLine={(n) => {
              const target = rows.find((r) => r.line_no === n)
              if (target) setDrill({ line: target, column: drill.column })
            }}
          />
        )}
      </Drawer>
    </>
  )
}

function StatementDrill(props: {
  kind: StatementKind
  line: StatementLine
  column: 'amount' | 'compare'
  columnName: string
  period: Period
  periods: Period[]
  lines: StatementLine[]
  onLine: (n: number) => void
}) {
  const translate = useTranslate()
  const accounts = useAccounts()
  const targets = useMemo(
    () => drillTargets(props.line.formula, accounts.data ?? []),
    [props.line, accounts.data],
  )
  const range = drillRange(props.kind, props.column, props.period, props.periods)
  const sign = (s: number) => (s < 0 ? '−' : '+')
  const value = props.column === 'amount' ? props.line.amount : props.line.compare_amount
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="drill">
      <Typography.Text>
        {props.columnName}: <Typography.Text strong>{money(value)}</Typography.Text>
      </Typography.Text>
      <Typography.Text type="secondary">
        {translate('reports.drill.range', { from: range.from, to: range.to })}
      </Typography.Text>
      <List
        size="small"
        bordered
        loading={accounts.isLoading}
        dataSource={targets}
        renderItem={(t) => {
          let body: ReactNode
          if (t.type === 'account')
            body = (
              <Space>
                <Link
                  to={ledgerLink(t.account.id, range.from, range.to)}
                  data-testid={`drill-account-${t.account.code}`}
                >
                  {t.account.code} {t.account.name}
                </Link>
                <Tag>{translate(`reports.drill.kinds.${t.kind}`, {}, t.kind)}</Tag>
              </Space>
            )
          else if (t.type === 'missing_account')
            body = (
              <Typography.Text type="secondary">
                {t.code} {translate('reports.drill.noAccount')}
              </Typography.Text>
            )
          else if (t.type === 'line') {
            const l = props.lines.find((x) => x.line_no === t.line)
            body = (
              <Typography.Link onClick={() => props.onLine(t.line)}>
                {translate('reports.drill.line', { n: t.line })} {l?.name}{' '}
                {l && money(props.column === 'amount' ? l.amount : l.compare_amount)}
              </Typography.Link>
            )
          } else body = <CashFlowItem item={t.item} from={range.from} to={range.to} />
          return (
            <List.Item>
              <Space align="start">
                <Typography.Text strong>{sign(t.sign)}</Typography.Text>
                {body}
              </Space>
            </List.Item>
          )
        }}
      />
    </Space>
  )
}

/** A cash-flow item of the statement: the tagged cash lines of the dates, each opening its voucher. */
function CashFlowItem({ item, from, to }: { item: string; from: string; to: string }) {
  const supabase = useSupabase()
  const rows = useQuery({
    queryKey: [...FINANCE_KEY, 'cash_flow_item', item, from, to],
    queryFn: async () => {
      const [name, tagged] = await Promise.all([
        supabase.from('cash_flow_items').select('name').eq('code', item).maybeSingle(),
        supabase
          .from('voucher_line_cash_flow')
          .select('line_id, amount:amount::text, vouchers!inner(id, word, number, voucher_date)')
          .eq('item_code', item)
          .gte('vouchers.voucher_date', from)
          .lte('vouchers.voucher_date', to)
          .limit(200),
      ])
      return {
        name: (name.data as { name: string } | null)?.name ?? item,
        lines: (tagged.data ?? []) as unknown as {
          line_id: string
          amount: string
          vouchers: { id: string; word: string; number: number; voucher_date: string }
        }[],
      }
    },
  })
  return (
    <Space direction="vertical" size={2}>
      <span>{rows.data?.name ?? item}</span>
      {(rows.data?.lines ?? []).map((l) => (
        <Link key={l.line_id} to={`/vouchers/${l.vouchers.id}`}>
          {l.vouchers.voucher_date} {l.vouchers.word}-{l.vouchers.number} {money(l.amount)}
        </Link>
      ))}
    </Space>
  )
}

// ───────────────────────────── aging ─────────────────────────────
type AgingRow = { party_id: string; party_name: string } & Record<
  (typeof AGING_BUCKETS)[number],
  string | null
>

function AgingReport() {
  const translate = useTranslate()
  const supabase = useSupabase()
  const [kind, setKind] = useState<'receivable' | 'payable'>('receivable')
  const [asOf, setAsOf] = useState(shanghaiToday())
  const [party, setParty] = useState<AgingRow | null>(null)
  const report = useQuery({
    queryKey: [...FINANCE_KEY, 'aging', kind, asOf],
    queryFn: async (): Promise<AgingRow[]> => {
      const { data, error } = await supabase
        .rpc('aging', { p_kind: kind, p_as_of: asOf })
        .select(`party_id, party_name, ${AGING_BUCKETS.map((b) => `${b}:${b}::text`).join(', ')}`)
      if (error) throw error
      return (data ?? []) as unknown as AgingRow[]
    },
  })
  const rows = report.data ?? []
  const totals = Object.fromEntries(AGING_BUCKETS.map((b) => [b, sumDecimals(rows.map((r) => r[b]))]))
  const columns: ExcelColumn[] = [
    { header: translate(`reports.aging.party.${kind}`), key: 'party_name', width: 30 },
    ...AGING_BUCKETS.map((b) => ({
      header: translate(`reports.aging.${b}`),
      key: b,
      kind: 'money' as const,
    })),
  ]
  const title = translate(`reports.aging.title.${kind}`)
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Segmented
          value={kind}
          onChange={(v) => setKind(v as 'receivable' | 'payable')}
          options={[
            { value: 'receivable', label: translate('reports.aging.receivable') },
            { value: 'payable', label: translate('reports.aging.payable') },
          ]}
          data-testid="aging-kind"
        />
        {translate('reports.asOf')}
        <DatePicker
          value={dayjs(asOf)}
          allowClear={false}
          onChange={(d) => d && setAsOf(d.format('YYYY-MM-DD'))}
        />
        <ExportButton
          disabled={rows.length === 0}
          onClick={() =>
            downloadExcel(`aging-${kind}-${asOf}`, [
              {
                name: title,
                title: `${title} ${asOf}`,
                columns,
                rows: [...rows, { party_name: translate('reports.total'), ...totals }],
              },
            ])
          }
        />
      </Space>
      {report.isError && <Alert type="error" showIcon message={errorText(report.error, translate)} />}
      <Table<AgingRow>
        data-testid="aging"
        size="small"
        rowKey="party_id"
        loading={report.isLoading}
        dataSource={rows}
        pagination={false}
        columns={[
          {
            title: translate(`reports.aging.party.${kind}`),
            dataIndex: 'party_name',
            render: (v: string, r) => <Typography.Link onClick={() => setParty(r)}>{v}</Typography.Link>,
          },
          ...AGING_BUCKETS.map((b) => ({
            title: translate(`reports.aging.${b}`),
            dataIndex: b,
            align: 'right' as const,
            render: (v: string | null) => money(v),
          })),
        ]}
        summary={() =>
          rows.length > 0 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>{translate('reports.total')}</Typography.Text>
              </Table.Summary.Cell>
              {AGING_BUCKETS.map((b, i) => (
                <Table.Summary.Cell key={b} index={i + 1} align="right">
                  <Typography.Text strong>{money(totals[b])}</Typography.Text>
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          ) : null
        }
      />
      <Drawer
        open={Boolean(party)}
        width={720}
        title={party?.party_name}
        onClose={() => setParty(null)}
        destroyOnHidden
      >
        {party && <OpenItems partyId={party.party_id} asOf={asOf} />}
      </Drawer>
    </>
  )
}

type OpenItem = {
  id: string
  kind: string
  doc_date: string
  due_date: string
  amount: string
  outstanding: string
  voucher_id: string
  account_id: string
  source_type: string | null
}

/** The open receivables/payables of a party on a date, each opening its voucher and the ledger. */
function OpenItems({ partyId, asOf }: { partyId: string; asOf: string }) {
  const translate = useTranslate()
  const supabase = useSupabase()
  const accounts = useAccounts()
  const byId = new Map((accounts.data ?? []).map((a) => [a.id, a]))
  const items = useQuery({
    queryKey: [...FINANCE_KEY, 'open_items', partyId, asOf],
    queryFn: async (): Promise<OpenItem[]> => {
      const { data, error } = await supabase
        .from('open_items')
        .select(
          'id, kind, doc_date, due_date, amount:amount::text, outstanding:outstanding::text, voucher_id, account_id, source_type',
        )
        .eq('party_id', partyId)
        .neq('outstanding', 0)
        .lte('doc_date', asOf)
        .order('due_date')
      if (error) throw error
      return (data ?? []) as unknown as OpenItem[]
    },
  })
  return (
    <Table<OpenItem>
      data-testid="open-items"
      size="small"
      rowKey="id"
      loading={items.isLoading}
      dataSource={items.data ?? []}
      pagination={false}
      columns={[
        { title: translate('reports.openItems.docDate'), dataIndex: 'doc_date' },
        { title: translate('reports.openItems.dueDate'), dataIndex: 'due_date' },
        {
          title: translate('reports.openItems.source'),
          dataIndex: 'source_type',
          render: (v: string | null, r) => (
            <Link to={`/vouchers/${r.voucher_id}`}>
              {v
                ? translate(`vouchers.sourceTypes.${v}`, {}, v)
                : translate(`reports.openItems.kinds.${r.kind}`, {}, r.kind)}
            </Link>
          ),
        },
        {
          title: translate('reports.openItems.account'),
          dataIndex: 'account_id',
          render: (v: string, r) => {
            const a = byId.get(v)
            return a ? (
              <Link to={ledgerLink(a.id, `${r.doc_date.slice(0, 4)}-01-01`, asOf, partyId)}>
                {a.code} {a.name}
              </Link>
            ) : null
          },
        },
        {
          title: translate('reports.openItems.amount'),
          dataIndex: 'amount',
          align: 'right',
          render: (v) => money(v),
        },
        {
          title: translate('reports.openItems.outstanding'),
          dataIndex: 'outstanding',
          align: 'right',
          render: (v) => money(v),
        },
      ]}
    />
  )
}

// ───────────────────────────── stock ─────────────────────────────
type StockRow = {
  warehouse_id: string | null
  warehouse_name: string | null
  category: string | null
  items: number
  quantity: string
  value: string
}
type StockLevel = {
  item_id: string
  sku: string
  name: string
  warehouse_id: string
  warehouse_name: string
  quantity: string
  value: string
}

function StockReport() {
  const translate = useTranslate()
  const supabase = useSupabase()
  const accounts = useAccounts()
  const { periods } = usePeriodChoice()
  const [group, setGroup] = useState<'warehouse' | 'category' | 'warehouse_category'>('warehouse')
  // no date: on hand now; a date: at the end of that day (e.g. a month end, to check against 1405)
  const [asOf, setAsOf] = useState<string | null>(null)
  const [row, setRow] = useState<StockRow | null>(null)
  const report = useQuery({
    queryKey: [...FINANCE_KEY, 'stock_valuation', group, asOf],
    queryFn: async (): Promise<StockRow[]> => {
      const { data, error } = await supabase
        .rpc('stock_valuation', { p_group: group, ...(asOf ? { p_as_of: asOf } : {}) })
        .select('warehouse_id, warehouse_name, category, items, quantity:quantity::text, value:value::text')
      if (error) throw error
      return (data ?? []) as unknown as StockRow[]
    },
  })
  const rows = report.data ?? []
  const total = sumDecimals(rows.map((r) => r.value))
  const inventory = accounts.data?.find((a) => a.code === '1405')
  const today = shanghaiToday()
  const day = asOf ?? today
  const year = periodOf(periods, day)
  const title = translate('reports.titles.stock')
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Segmented
          value={group}
          onChange={(v) => setGroup(v as typeof group)}
          options={(['warehouse', 'category', 'warehouse_category'] as const).map((g) => ({
            value: g,
            label: translate(`reports.stock.groups.${g}`),
          }))}
        />
        <DatePicker
          value={asOf ? dayjs(asOf) : null}
          placeholder={translate('reports.stock.now')}
          onChange={(d) => setAsOf(d ? d.format('YYYY-MM-DD') : null)}
          data-testid="stock-as-of"
        />
        <Typography.Text type="secondary">
          {translate(asOf ? 'reports.stock.asOfDay' : 'reports.stock.asOfNow', { date: asOf })}
        </Typography.Text>
        {inventory && year && (
          <Link to={ledgerLink(inventory.id, `${year.fiscal_year}-01-01`, day)}>
            {translate('reports.stock.ledger', { account: `${inventory.code} ${inventory.name}` })}
          </Link>
        )}
        <ExportButton
          disabled={rows.length === 0}
          onClick={() =>
            downloadExcel(`stock-${group}-${day}`, [
              {
                name: title,
                title: `${title} ${day}`,
                columns: [
                  { header: translate('reports.stock.warehouse'), key: 'warehouse_name' },
                  { header: translate('reports.stock.category'), key: 'category' },
                  { header: translate('reports.stock.items'), key: 'items', width: 10 },
                  { header: translate('reports.stock.quantity'), key: 'quantity', kind: 'quantity' },
                  { header: translate('reports.stock.value'), key: 'value', kind: 'money' },
                ],
                rows: [...rows, { warehouse_name: translate('reports.total'), value: total }],
              },
            ])
          }
        />
      </Space>
      {report.isError && <Alert type="error" showIcon message={errorText(report.error, translate)} />}
      <Table<StockRow>
        data-testid="stock"
        size="small"
        rowKey={(r) => `${r.warehouse_id}-${r.category}`}
        loading={report.isLoading}
        dataSource={rows}
        pagination={false}
        onRow={(r) => ({ onClick: () => setRow(r), style: { cursor: 'pointer' } })}
        columns={[
          ...(group !== 'category'
            ? [{ title: translate('reports.stock.warehouse'), dataIndex: 'warehouse_name' }]
            : []),
          ...(group !== 'warehouse'
            ? [
                {
                  title: translate('reports.stock.category'),
                  dataIndex: 'category',
                  render: (v: string) => v || translate('reports.stock.noCategory'),
                },
              ]
            : []),
          { title: translate('reports.stock.items'), dataIndex: 'items', align: 'right' as const },
          {
            title: translate('reports.stock.quantity'),
            dataIndex: 'quantity',
            align: 'right' as const,
            render: (v: string) => v.replace(/\.?0+$/, ''),
          },
          {
            title: translate('reports.stock.value'),
            dataIndex: 'value',
            align: 'right' as const,
            render: (v: string) => money(v),
          },
        ]}
        summary={() =>
          rows.length > 0 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={group === 'warehouse_category' ? 4 : 3}>
                <Typography.Text strong>{translate('reports.total')}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">
                <Typography.Text strong data-testid="stock-total">
                  {money(total)}
                </Typography.Text>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
      <Drawer
        open={Boolean(row)}
        width={600}
        title={[row?.warehouse_name, row?.category, asOf].filter(Boolean).join(' · ')}
        onClose={() => setRow(null)}
        destroyOnHidden
      >
        {row && <StockLevels row={row} asOf={asOf} />}
      </Drawer>
    </>
  )
}

function StockLevels({ row, asOf }: { row: StockRow; asOf: string | null }) {
  const translate = useTranslate()
  const supabase = useSupabase()
  const levels = useQuery({
    queryKey: [...FINANCE_KEY, 'stock_on_hand', row.warehouse_id, row.category, asOf],
    queryFn: async (): Promise<StockLevel[]> => {
      const { data, error } = await supabase
        .rpc('stock_on_hand', {
          ...(asOf ? { p_as_of: asOf } : {}),
          ...(row.warehouse_id ? { p_warehouse: row.warehouse_id } : {}),
          ...(row.category !== null ? { p_category: row.category } : {}),
        })
        .select(
          'item_id, sku, name, warehouse_id, warehouse_name, quantity:quantity::text, value:value::text',
        )
      if (error) throw error
      return (data ?? []) as unknown as StockLevel[]
    },
  })
  return (
    <Table<StockLevel>
      size="small"
      rowKey={(r) => `${r.item_id}-${r.warehouse_id}`}
      loading={levels.isLoading}
      dataSource={levels.data ?? []}
      pagination={false}
      data-testid="stock-items"
      columns={[
        { title: 'SKU', dataIndex: 'sku' },
        { title: translate('reports.stock.item'), dataIndex: 'name' },
        ...(row.warehouse_id
          ? []
          : [{ title: translate('reports.stock.warehouse'), dataIndex: 'warehouse_name' }]),
        {
          title: translate('reports.stock.quantity'),
          dataIndex: 'quantity',
          align: 'right',
          render: (v: string) => v.replace(/\.?0+$/, ''),
        },
        {
          title: translate('reports.stock.value'),
          dataIndex: 'value',
          align: 'right',
          render: (v) => money(v),
        },
      ]}
    />
  )
}

// ───────────────────────────── the page ─────────────────────────────
export function ReportsPage() {
  const translate = useTranslate()
  const navigate = useNavigate()
  const { report } = useParams<{ report: string }>()
  const slug: ReportSlug = REPORTS.includes(report as ReportSlug) ? (report as ReportSlug) : 'balance-sheet'
  const statement = STATEMENT_OF[slug]
  return (
    <Card
      title={translate('reports.reports')}
      extra={<Link to="/reports/trial-balance">{translate('trialBalance.title')}</Link>}
    >
      <Tabs
        activeKey={slug}
        onChange={(k) => navigate(`/reports/${k}`)}
        items={REPORTS.map((r) => ({ key: r, label: translate(`reports.tabs.${r}`) }))}
      />
      {statement && <StatementReport key={statement} kind={statement} />}
      {slug === 'aging' && <AgingReport />}
      {slug === 'stock' && <StockReport />}
    </Card>
  )
}

export default ReportsPage
