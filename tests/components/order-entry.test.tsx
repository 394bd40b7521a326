// Order entry against a fake PostgREST: the live totals follow the database's VAT line rule while typing
// (inclusive and exclusive prices, a discount), the stock available per line is on hand − reserved, and
// saving a new order sends money as strings with all lines in ONE insert; when the database refuses the
// lines, the header just created is deleted again (no half-saved order).
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import { SalesOrderEntry } from '../../admin/src/pages/sales/OrderEntry.tsx'
import { fakePostgrest, type Recorded, requests } from './fake-postgrest.ts'
import { renderPage, tenancy } from './render.tsx'

const ITEM = '00000000-0000-4000-8000-0000000000a1'
const CUSTOMER = '00000000-0000-4000-8000-0000000000c1'
const ORDER = '00000000-0000-4000-8000-0000000000d1'

function fakes(linesInsert: (req: Recorded) => { status: number; body: unknown }) {
  fakePostgrest({
    ...tenancy([
      ['sales_orders', 'read'],
      ['sales_orders', 'create'],
      ['sales_orders', 'update'],
    ]),
    parties: [{ id: CUSTOMER, code: 'C001', name: '华东贸易' }],
    warehouses: [{ id: 'w1', code: 'WH01', name: '主仓库' }],
    items: (req) =>
      (req.search.get('select') ?? '').includes('output_tax_code')
        ? [{ id: ITEM, code: 'VAT13' }]
        : [{ id: ITEM, code: 'WB-1', name: '演示商品', sale_price: '113.000000' }],
    tax_codes: [{ code: 'VAT13', rate: '0.1300', valid_from: '2019-04-01', valid_to: null }],
    item_availability: [{ item_id: ITEM, on_hand: '10.0000', reserved: '2.0000', on_order: '0.0000' }],
    'POST sales_orders': [{ id: ORDER }],
    'DELETE sales_orders': [{ id: ORDER }],
    'POST sales_order_lines': linesInsert,
  })
}

async function enterLine(quantity: string) {
  renderPage(<SalesOrderEntry />, { path: '/sales-orders/new', at: '/sales-orders/new' })
  const line = await screen.findByTestId('line-0')
  await waitFor(() => expect(screen.queryAllByText('C001 华东贸易').length + 1).toBeGreaterThan(0))
  // the customer
  const party = screen.getByTestId('order-form').querySelector('.ant-select') as HTMLElement
  fireEvent.mouseDown(party.querySelector('.ant-select-selector') as HTMLElement)
  fireEvent.click(await screen.findByTitle('C001 华东贸易'))
  // the item: its sale price fills the price
  fireEvent.mouseDown(line.querySelector('.ant-select-selector') as HTMLElement)
  fireEvent.click(await screen.findByTitle('WB-1 演示商品'))
  await waitFor(() => expect((screen.getByTestId('line-0-price') as HTMLInputElement).value).toBe('113'))
  fireEvent.change(screen.getByTestId('line-0-quantity'), { target: { value: quantity } })
}

describe('sales order entry', () => {
  test('live totals by the VAT line rule, available stock per line', async () => {
    fakes(() => ({ status: 201, body: [] }))
    await enterLine('3')
    // 3 × 113 incl. 13 % = 339.00: 金额 300.00, 税额 39.00
    await waitFor(() => expect(screen.getByTestId('live-total').textContent).toBe('339.00'))
    expect(screen.getByTestId('live-amount').textContent).toBe('300.00')
    expect(screen.getByTestId('live-tax').textContent).toBe('39.00')
    expect(screen.getByTestId('line-0-total').textContent).toBe('339.00')
    // on hand 10 − reserved 2
    await waitFor(() => expect(screen.getByTestId('line-0-available').textContent).toBe('8'))

    // a discount of 1.00 off the line: gross 338.00, 金额 round(338 / 1.13) = 299.12, 税额 38.88
    fireEvent.change(screen.getByTestId('line-0-discount'), { target: { value: '1' } })
    await waitFor(() => expect(screen.getByTestId('live-amount').textContent).toBe('299.12'))
    expect(screen.getByTestId('live-tax').textContent).toBe('38.88')
    expect(screen.getByTestId('live-total').textContent).toBe('338.00')

    // prices without VAT: 金额 338.00, 税额 round(338 × 0.13) = 43.94
    fireEvent.click(within(screen.getByTestId('order-form')).getByRole('switch'))
    await waitFor(() => expect(screen.getByTestId('live-tax').textContent).toBe('43.94'))
    expect(screen.getByTestId('live-total').textContent).toBe('381.94')

    // exact where floats are not: 0.1 × 3 lines would drift; 3 × 0.1 at 13 % inclusive
    fireEvent.change(screen.getByTestId('line-0-discount'), { target: { value: '' } })
    fireEvent.change(screen.getByTestId('line-0-price'), { target: { value: '0.1' } })
    fireEvent.change(screen.getByTestId('line-0-quantity'), { target: { value: '3' } })
    await waitFor(() => expect(screen.getByTestId('live-amount').textContent).toBe('0.30'))
    expect(screen.getByTestId('live-tax').textContent).toBe('0.04')
  })

  test('saves header and all lines in one insert, money as strings', async () => {
    fakes(() => ({ status: 201, body: [] }))
    await enterLine('2.5')
    fireEvent.click(screen.getByTestId('order-save'))
    await waitFor(() =>
      expect(requests.some((r) => r.method === 'POST' && r.path === 'sales_order_lines')).toBe(true),
    )
    const header = requests.find((r) => r.method === 'POST' && r.path === 'sales_orders')
    expect(header?.body).toMatchObject({ party_id: CUSTOMER, tax_inclusive: true })
    const lines = requests.filter((r) => r.method === 'POST' && r.path === 'sales_order_lines')
    expect(lines).toHaveLength(1)
    expect(lines[0]?.body).toEqual([
      {
        item_id: ITEM,
        quantity: '2.5',
        unit_price: '113',
        discount: '0',
        tenant_id: '00000000-0000-4000-8000-000000000001',
        order_id: ORDER,
        line_no: 1,
      },
    ])
    expect(requests.some((r) => r.method === 'DELETE')).toBe(false)
  })

  test('lines refused: the header just created is deleted again and the error is shown', async () => {
    fakes(() => ({
      status: 400,
      body: {
        code: 'TR653',
        message: 'line 1: the item has no tax code: give the tax rate',
        hint: 'tax_rate',
      },
    }))
    await enterLine('1')
    fireEvent.click(screen.getByTestId('order-save'))
    await screen.findByTestId('order-result')
    const del = requests.find((r) => r.method === 'DELETE' && r.path === 'sales_orders')
    expect(del?.search.get('id')).toBe(`eq.${ORDER}`)
    expect(screen.getByTestId('order-result').textContent).toContain('line 1: the item has no tax code')
  })
})

describe('editing a saved draft', () => {
  const LINE1 = '00000000-0000-4000-8000-0000000000b1'
  const NEW_LINE = '00000000-0000-4000-8000-0000000000b2'

  test('a refused header update puts back what was already written (new line deleted, changed line restored)', async () => {
    fakePostgrest({
      ...tenancy([
        ['sales_orders', 'read'],
        ['sales_orders', 'update'],
      ]),
      parties: [{ id: CUSTOMER, code: 'C001', name: '华东贸易' }],
      warehouses: [{ id: 'w1', code: 'WH01', name: '主仓库' }],
      items: (req) =>
        (req.search.get('select') ?? '').includes('output_tax_code')
          ? [{ id: ITEM, code: 'VAT13' }]
          : [{ id: ITEM, code: 'WB-1', name: '演示商品', sale_price: '113.000000' }],
      tax_codes: [{ code: 'VAT13', rate: '0.1300', valid_from: '2019-04-01', valid_to: null }],
      item_availability: [],
      'GET sales_orders': [
        {
          id: ORDER,
          number: 'SO-0001',
          party_id: CUSTOMER,
          order_date: '2026-11-01',
          warehouse_id: 'w1',
          tax_inclusive: true,
          note: null,
          status: 'draft',
          amount: '200.00',
          tax: '26.00',
          total: '226.00',
        },
      ],
      'GET sales_order_lines': [
        {
          id: LINE1,
          line_no: 1,
          item_id: ITEM,
          quantity: '2.0000',
          unit_price: '113.000000',
          discount: '0.00',
          tax_rate: '0.1300',
          amount: '200.00',
          tax: '26.00',
          total: '226.00',
          done1: '0',
          done2: '0',
        },
      ],
      sales_order_progress: [],
      order_documents: [],
      'POST sales_order_lines': { status: 201, body: [{ id: NEW_LINE }] },
      'PATCH sales_order_lines': { status: 204, body: null },
      'DELETE sales_order_lines': { status: 204, body: null },
      'PATCH sales_orders': {
        status: 400,
        body: { code: 'TR650', message: 'order SO-0001 is submitted and cannot be edited', hint: 'status' },
      },
    })
    renderPage(<SalesOrderEntry />, { path: '/sales-orders/:id', at: `/sales-orders/${ORDER}` })
    await waitFor(() => expect((screen.getByTestId('line-0-quantity') as HTMLInputElement).value).toBe('2'))
    // change the saved line, add a second one
    fireEvent.change(screen.getByTestId('line-0-quantity'), { target: { value: '4' } })
    fireEvent.click(screen.getByTestId('add-line'))
    const line2 = await screen.findByTestId('line-1')
    fireEvent.mouseDown(line2.querySelector('.ant-select-selector') as HTMLElement)
    const options = await screen.findAllByTitle('WB-1 演示商品')
    fireEvent.click(options.at(-1) as HTMLElement)
    fireEvent.change(screen.getByTestId('line-1-quantity'), { target: { value: '1' } })
    fireEvent.change(screen.getByTestId('line-1-price'), { target: { value: '50' } })
    await waitFor(() => expect(screen.getByTestId('live-total').textContent).toBe('502.00'))

    fireEvent.click(screen.getByTestId('order-save'))
    await screen.findByTestId('order-result')
    const writes = requests.filter((r) => r.method !== 'GET' && !r.path.startsWith('rpc/'))
    expect(writes.map((w) => `${w.method} ${w.path}`)).toEqual([
      'POST sales_order_lines', // the new line, in one insert
      'PATCH sales_order_lines', // the changed line
      'PATCH sales_orders', // the header: refused
      'PATCH sales_order_lines', // undo: the changed line back
      'DELETE sales_order_lines', // undo: the new line removed
    ])
    expect(writes[1]?.body).toMatchObject({ quantity: '4' })
    expect(writes[3]?.body).toMatchObject({ quantity: '2.0000', unit_price: '113.000000' })
    expect(writes[4]?.search.get('id')).toBe(`in.(${NEW_LINE})`)
    expect(screen.getByTestId('order-result').textContent).toContain('订单在当前状态下不能修改')
  })
})
