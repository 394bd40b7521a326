// Payment request entry against a fake PostgREST: the supplier's open bills with what is still owed and
// what other requests claim; "pay all" fills each bill with what is left and the total follows exactly;
// saving sends the header and all bills in ONE call (save_payment_request) with money as strings; a
// refusal is shown in plain words naming the bill; an approved request shows the cashier "pay" (with an
// idempotency key) and the voucher it posted, and no save.
import { fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, test } from 'vitest'
import { shanghaiToday } from '../../admin/src/lib/dates.ts'
import { PaymentRequestEntry } from '../../admin/src/pages/payments/PaymentRequestEntry.tsx'
import { fakePostgrest, type Recorded, requests } from './fake-postgrest.ts'
import { renderPage, tenancy } from './render.tsx'

const SUPPLIER = '00000000-0000-4000-8000-000000000051'
const BILL1 = '00000000-0000-4000-8000-0000000000b1'
const BILL2 = '00000000-0000-4000-8000-0000000000b2'
const DOC1 = '00000000-0000-4000-8000-0000000000d1'
const DOC2 = '00000000-0000-4000-8000-0000000000d2'
const REQUEST = '00000000-0000-4000-8000-0000000000e1'
const VOUCHER = '00000000-0000-4000-8000-0000000000f1'

const bills = [
  {
    id: BILL1,
    kind: 'bill',
    source_id: DOC1,
    doc_date: '2026-11-01',
    due_date: '2026-12-01',
    amount: '-226.00',
    outstanding: '-226.00',
  },
  {
    id: BILL2,
    kind: 'bill',
    source_id: DOC2,
    doc_date: '2026-11-05',
    due_date: '2026-12-05',
    amount: '-113.00',
    outstanding: '-50.10',
  },
]

function fakes(rights: Array<[string, string]>, extra: Record<string, unknown> = {}) {
  fakePostgrest({
    ...tenancy(rights),
    parties: [{ id: SUPPLIER, code: 'S001', name: '供应商甲' }],
    accounts: [{ id: 'bank1', code: '100201', name: '工商银行' }],
    open_items: bills,
    ledger_documents: [
      { id: DOC1, number: 'PI-001' },
      { id: DOC2, number: 'PI-002' },
    ],
    // another request under approval already asks for 20.00 of the second bill
    'GET payment_request_lines': (req: Recorded) =>
      req.search.get('request_id')?.startsWith('eq.')
        ? []
        : [
            {
              open_item_id: BILL2,
              request_id: 'other',
              amount: '20.00',
              payment_requests: { number: 'PRQ-202611-0001', status: 'pending' },
            },
          ],
    ...extra,
  } as never)
}

const WRITER: Array<[string, string]> = [
  ['payment_requests', 'read'],
  ['payment_requests', 'create'],
  ['payment_requests', 'update'],
]

async function chooseSupplier() {
  renderPage(<PaymentRequestEntry />, { path: '/payment-requests/new', at: '/payment-requests/new' })
  const card = await screen.findByTestId('payment-request')
  await screen.findByTestId('prq-save') // the form is open once the rights are known
  const select = card.querySelector('.ant-select') as HTMLElement
  fireEvent.mouseDown(select.querySelector('.ant-select-selector') as HTMLElement)
  fireEvent.click(await screen.findByTitle('S001 供应商甲'))
  await screen.findByTestId('bill-1-open')
}

const writes = () =>
  requests.filter((r) => r.method !== 'GET' && !['rpc/my_permissions', 'rpc/my_tenants'].includes(r.path))

describe('payment request entry', () => {
  test('lists the open bills with what is owed and claimed; pay all fills them; the total is exact', async () => {
    fakes(WRITER)
    await chooseSupplier()
    expect(screen.getByTestId('bill-0-open').textContent).toBe('226.00')
    expect(screen.getByTestId('bill-1-open').textContent).toBe('50.10')
    expect(screen.getByTestId('bill-1-claimed').textContent).toBe('20.00')
    expect(screen.getByText('PI-001')).toBeTruthy()
    expect(screen.getByTestId('prq-total').textContent).toBe('0.00')

    // pay all: each bill gets what is left (open − claimed by others)
    fireEvent.click(screen.getByTestId('prq-pay-all'))
    await waitFor(() => expect((screen.getByTestId('bill-0-pay') as HTMLInputElement).value).toBe('226'))
    expect((screen.getByTestId('bill-1-pay') as HTMLInputElement).value).toBe('30.1')
    expect(screen.getByTestId('prq-total').textContent).toBe('256.10')
    expect(screen.getByTestId('prq-allocated').textContent).toBe('256.10')

    // exact where floats are not: 0.1 + 0.2 on two bills
    fireEvent.change(screen.getByTestId('bill-0-pay'), { target: { value: '0.1' } })
    fireEvent.change(screen.getByTestId('bill-1-pay'), { target: { value: '0.2' } })
    await waitFor(() => expect(screen.getByTestId('prq-total').textContent).toBe('0.30'))

    // an amount above the bills: the rest is a prepayment
    fireEvent.change(screen.getByTestId('prq-amount'), { target: { value: '10' } })
    await waitFor(() => expect(screen.getByTestId('prq-prepayment').textContent).toBe('9.70'))
    expect(screen.getByTestId('prq-total').textContent).toBe('10.00')
  })

  test('saves the request and all its bills in one call, money as strings', async () => {
    fakes(WRITER, {
      'POST rpc/save_payment_request': {
        status: 200,
        body: {
          id: REQUEST,
          number: 'PRQ-202611-0002',
          status: 'draft',
          amount: '256.10',
          allocated: '256.10',
        },
      },
    })
    await chooseSupplier()
    fireEvent.click(screen.getByTestId('prq-pay-all'))
    await waitFor(() => expect(screen.getByTestId('prq-total').textContent).toBe('256.10'))
    fireEvent.click(screen.getByTestId('prq-save'))
    await waitFor(() => expect(writes().length).toBe(1))
    expect(writes().map((w) => `${w.method} ${w.path}`)).toEqual(['POST rpc/save_payment_request'])
    expect(writes()[0]?.body).toEqual({
      p_request: { party_id: SUPPLIER, amount: '256.10', bank_account_id: null, pay_by: null, note: null },
      p_lines: [
        { open_item_id: BILL1, amount: '226' },
        { open_item_id: BILL2, amount: '30.1' },
      ],
    })
  })

  test('a refusal is shown in plain words and names the bill', async () => {
    fakes(WRITER, {
      'POST rpc/save_payment_request': {
        status: 400,
        body: {
          code: 'TR664',
          message: 'lines[1]: 30.10 is more than the 20.00 still open on this bill',
          hint: 'amount',
        },
      },
    })
    await chooseSupplier()
    fireEvent.click(screen.getByTestId('prq-pay-all'))
    await waitFor(() => expect(screen.getByTestId('prq-total').textContent).toBe('256.10'))
    fireEvent.click(screen.getByTestId('prq-save'))
    const result = await screen.findByTestId('prq-result')
    expect(result.textContent).toContain('账单 PI-002')
    expect(result.textContent).toContain('付款申请有误')
    expect(result.textContent).toContain('still open on this bill')
    expect(writes().map((w) => `${w.method} ${w.path}`)).toEqual(['POST rpc/save_payment_request'])
  })

  test('the cashier pays an approved request with an idempotency key and sees its voucher', async () => {
    fakes(
      [
        ['payment_requests', 'read'],
        ['supplier_payment', 'post'],
      ],
      {
        'GET payment_requests': [
          {
            id: REQUEST,
            number: 'PRQ-202611-0002',
            party_id: SUPPLIER,
            amount: '226.00',
            bank_account_id: null,
            request_date: '2026-11-20',
            pay_by: '2026-11-30',
            note: '货款',
            status: 'approved',
            document_id: null,
            result: null,
          },
        ],
        'GET payment_request_lines': (req: Recorded) =>
          req.search.get('request_id') === `eq.${REQUEST}`
            ? [{ id: 'l1', line_no: 1, open_item_id: BILL1, amount: '226.00' }]
            : [],
        'POST rpc/pay_payment_request': {
          status: 200,
          body: {
            document_id: 'doc9',
            number: 'PAY-202611-0001',
            voucher_id: VOUCHER,
            voucher_number: '付-3',
            total: 226,
          },
        },
      },
    )
    renderPage(<PaymentRequestEntry />, { path: '/payment-requests/:id', at: `/payment-requests/${REQUEST}` })
    await waitFor(() => expect(screen.getByTestId('prq-status').textContent).toBe('已批准'))
    await waitFor(() => expect((screen.getByTestId('bill-0-pay') as HTMLInputElement).value).toBe('226'))
    expect(screen.queryByTestId('prq-save')).toBeNull()
    expect(screen.queryByTestId('prq-submit')).toBeNull()
    expect(screen.queryByTestId('prq-cancel')).toBeNull()
    fireEvent.click(screen.getByTestId('prq-pay'))
    const ok = await waitFor(() => {
      const button = document.querySelector('.ant-popconfirm .ant-btn-primary')
      expect(button).not.toBeNull()
      return button as HTMLElement
    })
    fireEvent.click(ok)
    const link = await screen.findByTestId('prq-voucher')
    expect(link.textContent).toBe('凭证 付-3')
    expect(link.getAttribute('href')).toBe(`/vouchers/${VOUCHER}`)
    const paid = writes().filter((w) => w.path === 'rpc/pay_payment_request')
    expect(paid).toHaveLength(1)
    const body = paid[0]?.body as { p_idempotency_key: string; p_request_id: string; p_date: string }
    expect(body.p_request_id).toBe(REQUEST)
    expect(body.p_date).toBe(shanghaiToday()) // the pay date offered unless the cashier picks another
    expect(body.p_idempotency_key).toMatch(/.{16,}/)
  })
})
