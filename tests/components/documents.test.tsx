// Document entry against a fake PostgREST: a sales invoice from an order is prefilled with what is left
// to invoice (delivered − invoiced), carries its share of the line's discount, shows live totals by the
// VAT line rule and the 数电发票 data; more than is left is refused before any request; posting sends
// the lines as strings. A customer receipt spreads its amount over open invoices, oldest due first.
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import FulfilmentEntry from '../../admin/src/pages/documents/FulfilmentEntry.tsx'
import { autoAllocate } from '../../admin/src/pages/documents/ReceiptEntry.tsx'
import { vatLine } from '../../admin/src/pages/documents/vat.ts'
import { fakePostgrest, requests } from './fake-postgrest.ts'
import { renderPage, tenancy } from './render.tsx'

const ORDER = '00000000-0000-4000-8000-0000000000d1'
const LINE = '00000000-0000-4000-8000-0000000000e1'

function fakes() {
  fakePostgrest({
    ...tenancy([['sales_invoice', 'post']]),
    sales_orders: [
      {
        id: ORDER,
        number: 'SO-0007',
        status: 'partial',
        order_date: '2026-11-01',
        tax_inclusive: true,
        warehouse_id: 'w1',
        party: {
          id: 'c1',
          code: 'C001',
          name: '华东贸易',
          invoice_title: '华东贸易有限公司',
          taxpayer_id: null,
        },
        warehouse: { code: 'WH01', name: '主仓库' },
      },
    ],
    sales_order_lines: [
      {
        id: LINE,
        line_no: 1,
        item_id: 'i1',
        quantity: '5.0000',
        unit_price: '113.000000',
        discount: '10.00',
        tax_rate: '0.1300',
        done: '1.0000',
        upto: '3.0000',
        item: {
          sku: 'WB-1',
          name: '演示商品',
          spec: 'A4',
          unit: '箱',
          tax_classification_code: '1090511990000000000',
        },
      },
    ],
    tenants: [{ name: '测试贸易有限公司', credit_code: '91330106MA2B00000X' }],
    'rpc/invoice_sales_order': { document_id: 'doc1', number: 'SI-0001', total: 222 },
  })
}

describe('document entry', () => {
  test('a sales invoice: what is left, the discount share, live totals, the 数电 preview, the post', async () => {
    fakes()
    renderPage(<FulfilmentEntry />, {
      path: '/documents/:kind/new',
      at: `/documents/sales_invoice/new?order=${ORDER}`,
    })
    // delivered 3 − invoiced 1 = 2 left
    await waitFor(() => expect((screen.getByTestId('doc-qty-1') as HTMLInputElement).value).toBe('2'))
    expect(screen.getByTestId('doc-left-1').textContent).toBe('2')
    // 2 × 113 = 226.00 − 4.00 (2/5 of the 10.00 discount) = 222.00: 金额 196.46, 税额 25.54
    expect(screen.getByTestId('doc-amount').textContent).toBe('196.46')
    expect(screen.getByTestId('doc-tax').textContent).toBe('25.54')
    expect(screen.getByTestId('doc-total').textContent).toBe('222.00')
    const preview = screen.getByTestId('einvoice-preview')
    await within(preview).findByText('测试贸易有限公司')
    expect(within(preview).getByText('华东贸易有限公司')).toBeTruthy()
    expect(within(preview).getByText('1090511990000000000')).toBeTruthy()
    // unit price excluding tax on the 数电发票: 196.46 / 2
    expect(within(preview).getByText('98.23')).toBeTruthy()
    expect(within(preview).getByText('13%')).toBeTruthy()

    // more than is left: said before any request, the post button is off
    fireEvent.change(screen.getByTestId('doc-qty-1'), { target: { value: '3' } })
    await screen.findByText('第 1 行：最多还可执行 2')
    expect((screen.getByTestId('doc-post') as HTMLButtonElement).disabled).toBe(true)

    fireEvent.change(screen.getByTestId('doc-qty-1'), { target: { value: '1.5' } })
    await waitFor(() => expect((screen.getByTestId('doc-post') as HTMLButtonElement).disabled).toBe(false))
    fireEvent.click(screen.getByTestId('doc-post'))
    expect((await screen.findByTestId('doc-result')).textContent).toBe('已开票（SI-0001，价税合计 222.00）')
    const post = requests.find((r) => r.path === 'rpc/invoice_sales_order')
    expect(post?.body).toMatchObject({
      p_order_id: ORDER,
      p_lines: [{ order_line_id: LINE, quantity: '1.5' }],
    })
    expect(post?.body).toHaveProperty('p_idempotency_key', expect.any(String))
  })

  test('the VAT line rule matches the database on awkward figures', () => {
    // 3 × 10.005 = 30.015 → 30.02 (half away from zero) − 1.00; exclusive 13 %: 3.7726 → 3.77
    expect(vatLine('3', '10.005', '0.13', false, '1')).toEqual({
      amount: '29.02',
      tax: '3.77',
      total: '32.79',
    })
    // inclusive: 100.00 / 1.06 = 94.3396… → 94.34, tax 5.66
    expect(vatLine('1', '100', '0.06', true)).toEqual({ amount: '94.34', tax: '5.66', total: '100.00' })
    expect(vatLine('', '1', '0.13', true)).toBeNull()
  })

  test('a receipt spreads its amount oldest due first', () => {
    const items = [
      { id: 'a', outstanding: '100.00' },
      { id: 'b', outstanding: '50.10' },
      { id: 'c', outstanding: '30.00' },
    ]
    expect(autoAllocate('120.3', items)).toEqual({ a: '100', b: '20.3', c: '' })
    expect(autoAllocate('500', items)).toEqual({ a: '100', b: '50.1', c: '30' })
  })
})
