// The boss dashboard against a fake PostgREST: boss_dashboard() figures formatted from the database's
// decimals, the top products and margin tables, the charts drawn (ECharts, SVG), and the sales trend
// summed exactly per day from the posted lines (a return counts negative).
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import DashboardPage, { sumTrend, trendBuckets } from '../../admin/src/pages/dashboard/DashboardPage.tsx'
import { fakePostgrest, requests } from './fake-postgrest.ts'
import { renderPage, tenancy } from './render.tsx'

const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())

const board = {
  today_sales: 200,
  month_sales: '12345.6',
  receivables: 1130,
  overdue_receivables: 330,
  payables: '282.5',
  cash_and_bank: '99999999.99',
  stock_value: 540,
  pending_approvals: 3,
  top_products_by_sales: [
    { sku: 'WB-1', name: '演示商品', sales: 200 },
    { sku: 'WB-2', name: '第二商品', sales: '0.3' },
  ],
  top_products_by_stock_value: [{ sku: 'WB-1', name: '演示商品', value: 540 }],
  low_stock: [{ sku: 'WB-2', name: '第二商品', on_hand: 1, reorder_point: 5 }],
  margin_by_customer: [{ party_id: 'c1', name: '华东贸易', sales: 200, cost: 120, margin: 80 }],
}

describe('boss dashboard', () => {
  test('figures, tables and charts from boss_dashboard()', async () => {
    fakePostgrest({
      ...tenancy([['dashboard', 'read']]),
      'rpc/boss_dashboard': board,
      ledger_document_lines: [
        { amount: '0.10', doc: { doc_date: today, doc_type: 'sales_invoice' } },
        { amount: '0.20', doc: { doc_date: today, doc_type: 'sales_invoice' } },
      ],
    })
    renderPage(<DashboardPage />, { path: '/dashboard', at: '/dashboard' })
    await screen.findByTestId('dashboard')
    const figure = (key: string) =>
      screen.getByTestId(`figure-${key}`).querySelector('.ant-statistic-content')?.textContent
    expect(figure('today_sales')).toBe('200.00')
    expect(figure('month_sales')).toBe('12,345.60')
    expect(figure('overdue_receivables')).toBe('330.00')
    expect(figure('payables')).toBe('282.50')
    expect(figure('cash_and_bank')).toBe('99,999,999.99')
    expect(figure('pending_approvals')).toBe('3')
    const top = screen.getByTestId('top-by-sales')
    expect(within(top).getByText('WB-1 演示商品')).toBeTruthy()
    expect(within(top).getByText('0.30')).toBeTruthy()
    expect(within(screen.getByTestId('margin-by-customer')).getByText('80.00')).toBeTruthy()
    expect(within(screen.getByTestId('low-stock')).getByText('第二商品')).toBeTruthy()
    // the charts are drawn (SVG)
    await waitFor(() => expect(screen.getByTestId('chart-top').querySelector('svg')).toBeTruthy())
    expect(screen.getByTestId('chart-receivables').querySelector('svg')).toBeTruthy()
    await waitFor(() => expect(screen.getByTestId('chart-trend').querySelector('svg')).toBeTruthy())
    // the trend reads posted sales lines of the last 30 days under RLS
    const trend = requests.find((r) => r.path === 'ledger_document_lines')
    expect(trend?.search.get('doc.status')).toBe('eq.posted')
    expect(trend?.search.get('doc.doc_type')).toBe('in.(sales_invoice,sales_return)')
  })

  test('the trend sums exactly per bucket; returns count negative', () => {
    const buckets = trendBuckets('2026-03-01', 'day')
    expect(buckets).toHaveLength(30)
    expect(buckets[0]).toBe('2026-01-31')
    expect(buckets.at(-1)).toBe('2026-03-01')
    expect(trendBuckets('2026-03-15', 'month')).toEqual([
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ])
    const points = sumTrend(
      [
        { amount: '0.10', doc_date: '2026-03-01', doc_type: 'sales_invoice' },
        { amount: '0.20', doc_date: '2026-03-01', doc_type: 'sales_invoice' },
        { amount: '0.05', doc_date: '2026-03-01', doc_type: 'sales_return' },
        { amount: '9', doc_date: '2025-01-01', doc_type: 'sales_invoice' },
      ],
      buckets,
      'day',
    )
    expect(points.at(-1)).toEqual({ bucket: '2026-03-01', sales: '0.25' })
    expect(points.filter((p) => p.sales !== '0.00')).toHaveLength(1)
  })

  test('a refusal in plain words', async () => {
    fakePostgrest({
      ...tenancy([]),
      'rpc/boss_dashboard': () => ({
        status: 403,
        body: { code: 'TR103', message: 'no right: dashboard read' },
      }),
      ledger_document_lines: [],
    })
    renderPage(<DashboardPage />, { path: '/dashboard', at: '/dashboard' })
    // TR103 in the UI's words, not the server's English
    await screen.findByText('您不是该公司的成员')
    expect(screen.queryByTestId('dashboard')).toBeNull()
  })
})
