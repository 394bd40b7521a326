// Order entry against a fake PostgREST: the live totals follow the database's VAT line rule while typing
// (inclusive and exclusive prices, a discount), the stock available per line is on hand − reserved, and
// saving sends the header and all lines in ONE call (save_order, one transaction in the database) with
// money as strings; a refusal shows the database's message and nothing else is written.
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import { SalesOrderEntry } from '../../admin/src/pages/sales/OrderEntry.tsx'
import { fakePostgrest, type Recorded, requests } from './fake-postgrest.ts'
import { renderPage, tenancy } from './render.tsx'

const ITEM = '00000000-0000-4000-8000-0000000000a1'
const CUSTOMER = '00000000-0000-4000-8000-0000000000c1'
const ORDER = '00000000-0000-4000-8000-0000000000d1'

function fakes(saveOrder: (req: Recorded) => { status: number; body: unknown }) {
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
    'POST rpc/save_order': saveOrder,
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

  test('saves header and all lines in one call, money as strings', async () => {
    fakes(() => ({ status: 200, body: { id: ORDER, number: 'SO-202611-0001', total: '282.50' } }))
    await enterLine('2.5')
    fireEvent.click(screen.getByTestId('order-save'))
    await waitFor(() => expect(requests.some((r) => r.path === 'rpc/save_order')).toBe(true))
    const writes = requests.filter((r) => r.method !== 'GET' && r.path !== 'rpc/my_permissions')
    expect(writes.map((w) => `${w.method} ${w.path}`)).toEqual(['POST rpc/save_order'])
    expect(writes[0]?.body).toEqual({
      p_kind: 'sales',
      p_order: { party_id: CUSTOMER, warehouse_id: 'w1', tax_inclusive: true, note: null },
      p_lines: [{ item_id: ITEM, quantity: '2.5', unit_price: '113', discount: '0' }],
    })
  })

  test('refused: the database names the line, nothing else is written', async () => {
    fakes(() => ({
      status: 400,
      body: {
        code: 'TR653',
        message: 'lines[0]: line 1: the item has no tax code: give the tax rate',
        hint: 'tax_rate',
      },
    }))
    await enterLine('1')
    fireEvent.click(screen.getByTestId('order-save'))
    await screen.findByTestId('order-result')
    const writes = requests.filter((r) => r.method !== 'GET' && r.path !== 'rpc/my_permissions')
    expect(writes.map((w) => `${w.method} ${w.path}`)).toEqual(['POST rpc/save_order'])
    expect(screen.getByTestId('order-result').textContent).toContain('the item has no tax code')
  })
})

describe('editing a saved draft', () => {
  const LINE1 = '00000000-0000-4000-8000-0000000000b1'

  test('an edit goes in one call: changed line by id, new line without; a refusal is shown as it is', async () => {
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
      'POST rpc/save_order': {
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
    const writes = requests.filter((r) => r.method !== 'GET' && r.path !== 'rpc/my_permissions')
    expect(writes.map((w) => `${w.method} ${w.path}`)).toEqual(['POST rpc/save_order'])
    expect(writes[0]?.body).toMatchObject({
      p_kind: 'sales',
      p_order: { id: ORDER, party_id: CUSTOMER },
      p_lines: [
        { id: LINE1, item_id: ITEM, quantity: '4' },
        { item_id: ITEM, quantity: '1', unit_price: '50' },
      ],
    })
    expect((writes[0]?.body as { p_lines: object[] } | undefined)?.p_lines[1]).not.toHaveProperty('id')
    expect(screen.getByTestId('order-result').textContent).toContain('订单在当前状态下不能修改')
  })
})
