// Customer 360 against a fake PostgREST: one customer_archive() answer shown as figures (formatted from
// the database's decimals, never through floats), deliveries with their tracking numbers, open invoices,
// contacts and the last follow-up; a refusal in plain words.
import { fireEvent, screen, within } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import zhCN from '../../admin/src/i18n/zh-CN.json'
import Customer360 from '../../admin/src/pages/customers/Customer360.tsx'
import { fakePostgrest, requests } from './fake-postgrest.ts'
import { renderPage, tenancy } from './render.tsx'

const PARTY = '00000000-0000-4000-8000-0000000000c1'

const archive = {
  party: {
    id: PARTY,
    code: 'C001',
    name: '华东贸易有限公司',
    taxpayer_id: '91310000MA1FL0000X',
    invoice_title: null,
    credit_limit: 50000,
    payment_terms_days: 30,
    tags: ['重点客户'],
  },
  contacts: [
    {
      id: 'p1',
      name: '王经理',
      title: '采购经理',
      phone: '13800000000',
      email: null,
      wechat: 'wang',
      is_primary: true,
    },
  ],
  quotations: [{ id: 'q1', number: 'QT-0001', quote_date: '2026-11-01', status: 'accepted', total: 1130 }],
  sales_orders: [
    {
      id: 'o1',
      number: 'SO-0001',
      status: 'completed',
      total: 226,
      delivered_quantity: 2,
      invoiced_total: 226,
      unpaid: 26,
    },
  ],
  deliveries: [
    {
      sales_order_id: 'o1',
      order_number: 'SO-0001',
      delivery_number: 'DN-0001',
      shipped_on: '2026-11-20',
      carrier: '顺丰速运',
      tracking_number: 'SF1234567890',
    },
  ],
  invoices: [{ number: 'SI-0001', date: '2026-10-01', total: 226, outstanding: 26, due_date: '2026-10-31' }],
  // 0.1 + 0.2 as the database sums it: a float would print 0.30000000000000004
  receivable_balance: '1234567.3',
  overdue_amount: 26,
  lifetime_sales: 200,
  lifetime_margin: '80.005',
  last_follow_up: { happened_at: '2026-11-25T08:00:00Z', kind: 'call', content: '电话确认下月订单' },
}

describe('customer 360', () => {
  test('figures, deliveries with tracking, invoices, contacts, last follow-up', async () => {
    fakePostgrest({ ...tenancy([['parties', 'read']]), 'rpc/customer_archive': archive })
    renderPage(<Customer360 />, { path: '/customers/:id', at: `/customers/${PARTY}` })
    expect((await screen.findByTestId('customer360-name')).textContent).toBe('华东贸易有限公司')
    expect(requests.find((r) => r.path === 'rpc/customer_archive')?.body).toEqual({ p_party_id: PARTY })
    const figure = (key: string) =>
      screen.getByTestId(`c360-${key}`).querySelector('.ant-statistic-content')?.textContent
    expect(figure('receivable')).toBe('1,234,567.30')
    expect(figure('overdue')).toBe('26.00')
    expect(figure('lifetimeSales')).toBe('200.00')
    expect(figure('lifetimeMargin')).toBe('80.01')
    expect(screen.getByTestId('c360-last-follow-up').textContent).toContain('电话确认下月订单')
    expect(screen.getByText('重点客户')).toBeTruthy()

    const orders = screen.getByTestId('c360-orders')
    expect(within(orders).getByText('SO-0001').closest('a')?.getAttribute('href')).toBe('/sales-orders/o1')
    expect(within(orders).getByText('已完成')).toBeTruthy()

    fireEvent.click(screen.getByRole('tab', { name: /发货与物流/ }))
    const deliveries = await screen.findByTestId('c360-deliveries')
    expect(within(deliveries).getByText('SF1234567890')).toBeTruthy()
    expect(within(deliveries).getByText('顺丰速运')).toBeTruthy()

    fireEvent.click(screen.getByRole('tab', { name: /发票/ }))
    const invoices = await screen.findByTestId('c360-invoices')
    const row = within(invoices).getByText('SI-0001').closest('tr') as HTMLElement
    expect(within(row).getAllByText('226.00')).toHaveLength(1)
    expect(within(row).getByText('26.00')).toBeTruthy()

    fireEvent.click(screen.getByRole('tab', { name: /联系人/ }))
    const contacts = await screen.findByTestId('c360-contacts')
    expect(within(contacts).getByText('王经理')).toBeTruthy()
    expect(within(contacts).getByText('主联系人')).toBeTruthy()
  })

  test('a refusal of the database in plain words', async () => {
    fakePostgrest({
      ...tenancy([]),
      'rpc/customer_archive': () => ({
        status: 400,
        body: { code: 'TR602', message: 'no such customer in this company', hint: 'party_id' },
      }),
    })
    renderPage(<Customer360 />, { path: '/customers/:id', at: `/customers/${PARTY}` })
    const error = await screen.findByTestId('customer360-error')
    // The code's wording in the UI language, not the server's English sentence.
    expect(error.textContent).toContain(zhCN.errors.codes.TR602)
    expect(error.textContent).not.toContain('no such customer')
  })
})
