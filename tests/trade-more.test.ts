// Trade additions through supabase-js, one person per role: a quotation becomes a sales order in one
// step; the purchase side of the acceptance scenario ends with a payment request that passes approval
// and is paid by the cashier; returns against orders; the refusals around each.
import type { SupabaseClient } from '@supabase/supabase-js'
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chain, person } from './helpers/approvals.ts'
import { colleague } from './helpers/company.ts'
import { ledgerCompany, ledgerViolations, mustPost, shanghaiToday } from './helpers/ledger.ts'
import { superuserDb } from './helpers/stack.ts'

let db: pg.Client
let co: Awaited<ReturnType<typeof ledgerCompany>>
let boss: Awaited<ReturnType<typeof colleague>>
let buyer: Awaited<ReturnType<typeof colleague>>
const today = shanghaiToday()
let n = 0
const key = () => `trade-more-${process.pid}-${n++}-${Date.now()}`
type Any = SupabaseClient

function ok<T>(r: { data: T; error: { code?: string; message: string } | null }, what = 'call'): T {
  if (r.error) throw new Error(`${what}: ${r.error.code} ${r.error.message}`)
  return r.data
}
const rpc = (c: unknown, fn: string, args: object) => (c as Any).rpc(fn, args)
const addDays = (d: string, k: number) => {
  const x = new Date(`${d}T00:00:00Z`)
  x.setUTCDate(x.getUTCDate() + k)
  return x.toISOString().slice(0, 10)
}

beforeAll(async () => {
  db = await superuserDb()
  co = await ledgerCompany(db, 'trmore')
  boss = await colleague(db, co.tenantId, 'admin', 'trmore-boss')
  buyer = await colleague(db, co.tenantId, 'purchasing', 'trmore-buyer')
})
afterAll(async () => {
  await db?.end()
})

describe('quotation → sales order', () => {
  async function quotation(extra: Record<string, unknown> = {}) {
    const sales = co.sales.db as Any
    const q = ok(
      await sales
        .from('quotations')
        .insert({
          tenant_id: co.tenantId,
          party_id: co.customerId,
          valid_until: addDays(today, 10),
          ...extra,
        })
        .select('id, number')
        .single(),
      'quotation',
    ) as { id: string; number: string }
    return q
  }

  it('copies the customer, contact, opportunity, prices and lines into a draft order, once', async () => {
    const sales = co.sales.db as Any
    await db.query(
      `insert into public.item_units (tenant_id, item_id, unit, factor) values ($1, $2, '箱', 12)`,
      [co.tenantId, co.items[0]],
    )
    const contact = ok(
      await sales
        .from('party_contacts')
        .insert({ tenant_id: co.tenantId, party_id: co.customerId, name: '王经理' })
        .select('id')
        .single(),
    ) as { id: string }
    const opp = ok(
      await sales
        .from('opportunities')
        .insert({ tenant_id: co.tenantId, party_id: co.customerId, name: '年度采购' })
        .select('id')
        .single(),
    ) as { id: string }
    const q = await quotation({ contact_id: contact.id, opportunity_id: opp.id, note: '含运费' })
    ok(
      await sales.from('quotation_lines').insert([
        // 2 boxes of 12 at 113.00 a box = 226.00
        {
          tenant_id: co.tenantId,
          quotation_id: q.id,
          item_id: co.items[0],
          quantity: '2',
          unit: '箱',
          unit_price: '113',
          discount: '0',
          tax_rate: '0.13',
        },
        // 3 × 9.99 − 0.97 at 6 % = 29.00
        {
          tenant_id: co.tenantId,
          quotation_id: q.id,
          item_id: co.items[1],
          quantity: '3',
          unit_price: '9.99',
          discount: '0.97',
          tax_rate: '0.06',
        },
      ]),
      'lines',
    )
    const made = ok(await rpc(sales, 'quotation_to_sales_order', { p_quotation_id: q.id })) as {
      sales_order_id: string
      number: string
      total: number
    }
    expect(made.number).toMatch(/^SO-\d{6}-\d{4}$/)
    expect(made.total).toBe(255)
    const order = ok(
      await sales
        .from('sales_orders')
        .select('party_id, contact_id, opportunity_id, quotation_id, tax_inclusive, note, status, total')
        .eq('id', made.sales_order_id)
        .single(),
    )
    expect(order).toEqual({
      party_id: co.customerId,
      contact_id: contact.id,
      opportunity_id: opp.id,
      quotation_id: q.id,
      tax_inclusive: true,
      note: '含运费',
      status: 'draft',
      total: 255,
    })
    const lines = ok(
      await sales
        .from('sales_order_lines')
        .select('line_no, item_id, quantity, unit_price, discount, tax_rate, total')
        .eq('order_id', made.sales_order_id)
        .order('line_no'),
    )
    expect(lines).toEqual([
      {
        line_no: 1,
        item_id: co.items[0],
        quantity: 24,
        unit_price: 9.416667,
        discount: 0,
        tax_rate: 0.13,
        total: 226,
      },
      {
        line_no: 2,
        item_id: co.items[1],
        quantity: 3,
        unit_price: 9.99,
        discount: 0.97,
        tax_rate: 0.06,
        total: 29,
      },
    ])
    const after = ok(await sales.from('quotations').select('status, sales_order_id').eq('id', q.id).single())
    expect(after).toEqual({ status: 'accepted', sales_order_id: made.sales_order_id })
    // a second conversion is refused, and so are two at once
    const again = await rpc(sales, 'quotation_to_sales_order', { p_quotation_id: q.id })
    expect(again.error).toMatchObject({ code: 'TR663', hint: 'sales_order_id' })
    const q2 = await quotation()
    ok(
      await sales.from('quotation_lines').insert({
        tenant_id: co.tenantId,
        quotation_id: q2.id,
        item_id: co.items[2],
        quantity: '1',
        unit_price: '5',
      }),
    )
    const both = await Promise.all([
      rpc(sales, 'quotation_to_sales_order', { p_quotation_id: q2.id }),
      rpc(sales, 'quotation_to_sales_order', { p_quotation_id: q2.id }),
    ])
    expect(both.map((r) => r.error?.code ?? 'ok').sort()).toEqual(['TR663', 'ok'])
    const orders = await db.query(
      'select count(*)::int as n from public.sales_orders where quotation_id = $1',
      [q2.id],
    )
    expect(orders.rows[0].n).toBe(1)
  })

  it('refuses rejected, expired and empty quotations and leaves nothing behind', async () => {
    const sales = co.sales.db as Any
    const before = (
      await db.query('select count(*)::int as n from public.sales_orders where tenant_id = $1', [co.tenantId])
    ).rows[0].n
    const rejected = await quotation()
    ok(
      await sales.from('quotation_lines').insert({
        tenant_id: co.tenantId,
        quotation_id: rejected.id,
        item_id: co.items[2],
        quantity: '1',
        unit_price: '5',
      }),
    )
    ok(await sales.from('quotations').update({ status: 'rejected' }).eq('id', rejected.id))
    const r1 = await rpc(sales, 'quotation_to_sales_order', { p_quotation_id: rejected.id })
    expect(r1.error).toMatchObject({ code: 'TR662', hint: 'status' })
    const stale = await quotation({ quote_date: addDays(today, -20), valid_until: addDays(today, -1) })
    ok(
      await sales.from('quotation_lines').insert({
        tenant_id: co.tenantId,
        quotation_id: stale.id,
        item_id: co.items[2],
        quantity: '1',
        unit_price: '5',
      }),
    )
    const r2 = await rpc(sales, 'quotation_to_sales_order', { p_quotation_id: stale.id })
    expect(r2.error).toMatchObject({ code: 'TR662', hint: 'valid_until' })
    const empty = await quotation()
    const r3 = await rpc(sales, 'quotation_to_sales_order', { p_quotation_id: empty.id })
    expect(r3.error).toMatchObject({ code: 'TR662', hint: 'lines' })
    // the warehouse may not make orders
    const r4 = await rpc(co.warehouse.db, 'quotation_to_sales_order', { p_quotation_id: empty.id })
    expect(r4.error?.code).toMatch(/^TR10[345]$/)
    const after = (
      await db.query('select count(*)::int as n from public.sales_orders where tenant_id = $1', [co.tenantId])
    ).rows[0].n
    expect(after).toBe(before)
  })
})

describe('procure to pay: the payment approval passes', () => {
  it('order → receipt → bill → payment request → approval → the cashier pays; the supplier shows paid', async () => {
    await chain(co.ownerClient as Any, co.tenantId, {
      doc_type: 'supplier_payment',
      name: '付款审批',
      steps: [{ name: '老板审批', approvers: [person(boss.user.id)] }],
    })
    const b = buyer.db as Any
    // the buyer orders 10 × 22.60 incl. VAT; the warehouse receives; the accountant posts the bill
    const po = ok(
      await b
        .from('purchase_orders')
        .insert({ tenant_id: co.tenantId, party_id: co.supplierId })
        .select('id')
        .single(),
    ) as { id: string }
    ok(
      await b.from('purchase_order_lines').insert({
        tenant_id: co.tenantId,
        order_id: po.id,
        line_no: 1,
        item_id: co.items[3],
        quantity: '10',
        unit_price: '22.60',
      }),
    )
    expect(
      (ok(await rpc(b, 'confirm_purchase_order', { p_order_id: po.id })) as { status: string }).status,
    ).toBe('confirmed')
    ok(await rpc(co.warehouse.db, 'receive_purchase_order', { p_idempotency_key: key(), p_order_id: po.id }))
    const bill = ok(
      await rpc(co.accountant.db, 'bill_purchase_order', { p_idempotency_key: key(), p_order_id: po.id }),
    ) as { document_id: string; total: number }
    expect(bill.total).toBe(226)
    const billItem = ok(
      await b.from('open_items').select('id, outstanding').eq('source_id', bill.document_id).single(),
    ) as { id: string; outstanding: number }
    expect(billItem.outstanding).toBe(-226)

    // the buyer asks to pay it
    const req = ok(
      await b
        .from('payment_requests')
        .insert({ tenant_id: co.tenantId, party_id: co.supplierId, amount: '226.00', note: '货款' })
        .select('id, number, status')
        .single(),
    ) as { id: string; number: string; status: string }
    expect(req.number).toMatch(/^PRQ-\d{6}-\d{4}$/)
    expect(req.status).toBe('draft')
    const tooMuch = await b
      .from('payment_request_lines')
      .insert({ tenant_id: co.tenantId, request_id: req.id, open_item_id: billItem.id, amount: '300.00' })
    expect(tooMuch.error).toMatchObject({ code: 'TR664', hint: 'amount' })
    ok(
      await b
        .from('payment_request_lines')
        .insert({ tenant_id: co.tenantId, request_id: req.id, open_item_id: billItem.id, amount: '226.00' }),
    )
    // paying before approval is refused
    const early = await rpc(co.cashier.db, 'pay_payment_request', {
      p_idempotency_key: key(),
      p_request_id: req.id,
    })
    expect(early.error).toMatchObject({ code: 'TR666', hint: 'status' })
    const submitted = ok(await rpc(b, 'submit_payment_request', { p_request_id: req.id })) as {
      status: string
    }
    expect(submitted.status).toBe('pending')
    // under approval the request cannot change, nor be paid
    const frozen = await b.from('payment_requests').update({ amount: '1.00' }).eq('id', req.id)
    expect(frozen.error).toMatchObject({ code: 'TR665', hint: 'status' })
    const pending = await rpc(co.cashier.db, 'pay_payment_request', {
      p_idempotency_key: key(),
      p_request_id: req.id,
    })
    expect(pending.error?.code).toBe('TR666')

    // the boss sees it in the inbox (and may read the request) and approves
    const tasks = ok(
      await (boss.db as Any)
        .from('approval_tasks')
        .select('id, doc_id')
        .eq('assignee_id', boss.user.id)
        .eq('doc_type', 'supplier_payment')
        .eq('status', 'pending'),
    ) as Array<{ id: string; doc_id: string }>
    expect(tasks).toEqual([expect.objectContaining({ doc_id: req.id })])
    ok(await rpc(boss.db, 'approve_task', { p_task_id: tasks[0].id }))
    const approved = ok(await b.from('payment_requests').select('status').eq('id', req.id).single())
    expect(approved).toEqual({ status: 'approved' })
    // approved: no more edits
    const late = await b.from('payment_request_lines').update({ amount: '1.00' }).eq('request_id', req.id)
    expect(late.error?.code).toBe('TR665')

    // the buyer may not pay (no post right on supplier_payment); the cashier pays, a retry changes nothing
    const notCashier = await rpc(b, 'pay_payment_request', { p_idempotency_key: key(), p_request_id: req.id })
    expect(notCashier.error?.code).toMatch(/^TR10[345]$/)
    const payKey = key()
    const paid = ok(
      await rpc(co.cashier.db, 'pay_payment_request', { p_idempotency_key: payKey, p_request_id: req.id }),
    ) as { document_id: string; number: string; voucher_number: string; total: number }
    expect(paid.number).toMatch(/^PAY-\d{6}-\d{4}$/)
    expect(paid.voucher_number).toMatch(/^付-\d+$/)
    const retry = ok(
      await rpc(co.cashier.db, 'pay_payment_request', { p_idempotency_key: payKey, p_request_id: req.id }),
    )
    expect(retry).toEqual(paid)
    const twice = await rpc(co.cashier.db, 'pay_payment_request', {
      p_idempotency_key: key(),
      p_request_id: req.id,
    })
    expect(twice.error).toMatchObject({ code: 'TR667', hint: 'status' })
    const cancel = await rpc(b, 'cancel_payment_request', { p_request_id: req.id })
    expect(cancel.error?.code).toBe('TR667')

    // the supplier shows paid; the request names its payment; the books agree
    const settled = ok(await b.from('open_items').select('outstanding').eq('id', billItem.id).single())
    expect(settled).toEqual({ outstanding: 0 })
    const done = ok(
      await (co.cashier.db as Any)
        .from('payment_requests')
        .select('status, document_id, paid_by')
        .eq('id', req.id)
        .single(),
    )
    expect(done).toEqual({ status: 'paid', document_id: paid.document_id, paid_by: co.cashier.user.id })
    const board = ok(await rpc(co.ownerClient, 'boss_dashboard', {})) as Record<string, unknown>
    expect(board.payables).toBe(0)
    expect(await ledgerViolations(db, co.tenantId)).toEqual([])
  })

  it('without a chain a request is approved at once and pays as a prepayment; only suppliers are paid', async () => {
    await db.query(
      `update public.approval_chains set active = false where tenant_id = $1 and doc_type = 'supplier_payment'`,
      [co.tenantId],
    )
    const b = buyer.db as Any
    const req = ok(
      await b
        .from('payment_requests')
        .insert({ tenant_id: co.tenantId, party_id: co.supplierId, amount: '50.00' })
        .select('id')
        .single(),
    ) as { id: string }
    const wrongParty = await b
      .from('payment_requests')
      .insert({ tenant_id: co.tenantId, party_id: co.customerId, amount: '1' })
    expect(wrongParty.error).toMatchObject({ code: 'TR664', hint: 'party_id' })
    expect(
      (ok(await rpc(b, 'submit_payment_request', { p_request_id: req.id })) as { status: string }).status,
    ).toBe('approved')
    const paid = ok(
      await rpc(co.cashier.db, 'pay_payment_request', { p_idempotency_key: key(), p_request_id: req.id }),
    ) as { document_id: string }
    // no bill named: the whole amount is a prepayment (预付账款)
    const prepaid = await db.query(
      `select oi.kind::text, oi.amount::text from public.open_items oi join public.ledger_documents d on d.voucher_id = oi.voucher_id
       where d.id = $1`,
      [paid.document_id],
    )
    expect(prepaid.rows).toEqual([{ kind: 'prepayment', amount: '50.00' }])
    expect(await ledgerViolations(db, co.tenantId)).toEqual([])
  })
})

describe('payment requests: rejected, changed, approved', () => {
  it('a rejected request is changed and submitted again, then approved and paid; approved ones stay as approved', async () => {
    const chainId = await chain(co.ownerClient as Any, co.tenantId, {
      doc_type: 'supplier_payment',
      name: '付款审批 (1 元起)',
      min_amount: '1',
      steps: [{ name: '老板审批', approvers: [person(boss.user.id)] }],
    })
    const b = buyer.db as Any
    const req = ok(
      await b
        .from('payment_requests')
        .insert({ tenant_id: co.tenantId, party_id: co.supplierId, amount: '80.00', note: '定金' })
        .select('id')
        .single(),
    ) as { id: string }
    const task = async () =>
      (
        ok(
          await (boss.db as Any)
            .from('approval_tasks')
            .select('id')
            .eq('doc_id', req.id)
            .eq('status', 'pending'),
        ) as Array<{ id: string }>
      )[0].id
    ok(await rpc(b, 'submit_payment_request', { p_request_id: req.id }))
    ok(await rpc(boss.db, 'reject_task', { p_task_id: await task(), p_comment: '金额不对' }))
    expect(ok(await b.from('payment_requests').select('status').eq('id', req.id).single())).toEqual({
      status: 'rejected',
    })
    const rejectedPay = await rpc(co.cashier.db, 'pay_payment_request', {
      p_idempotency_key: key(),
      p_request_id: req.id,
    })
    expect(rejectedPay.error?.code).toBe('TR666')
    ok(await b.from('payment_requests').update({ amount: '60.00' }).eq('id', req.id))
    ok(await rpc(b, 'submit_payment_request', { p_request_id: req.id }))
    ok(await rpc(boss.db, 'approve_task', { p_task_id: await task() }))
    // approved: not even a direct write behind the API changes it (the guard is a trigger)
    await expect(
      db.query('update public.payment_requests set amount = 600 where id = $1', [req.id]),
    ).rejects.toThrow(/approved and cannot be changed/)
    const paid = ok(
      await rpc(co.cashier.db, 'pay_payment_request', { p_idempotency_key: key(), p_request_id: req.id }),
    ) as { total: number }
    expect(paid.total).toBe(60)
    await db.query('update public.approval_chains set active = false where id = $1', [chainId])
  })
})

describe('returns against orders', () => {
  it('a sales return takes goods back at the cost they left with, not invoiced first, then credits the invoice', async () => {
    const item = co.items[4]
    await mustPost(co.warehouse.db, 'purchase_receipt', key(), {
      date: today,
      supplier_id: co.supplierId,
      lines: [{ item_id: item, quantity: '5', unit_cost: '50.00' }],
    })
    const sales = co.sales.db as Any
    const order = ok(
      await sales
        .from('sales_orders')
        .insert({ tenant_id: co.tenantId, party_id: co.customerId })
        .select('id')
        .single(),
    ) as { id: string }
    const line = ok(
      await sales
        .from('sales_order_lines')
        .insert({
          tenant_id: co.tenantId,
          order_id: order.id,
          line_no: 1,
          item_id: item,
          quantity: '5',
          unit_price: '113.00',
        })
        .select('id')
        .single(),
    ) as { id: string }
    ok(await rpc(sales, 'confirm_sales_order', { p_order_id: order.id }))
    ok(await rpc(co.warehouse.db, 'deliver_sales_order', { p_idempotency_key: key(), p_order_id: order.id }))
    const invoice = ok(
      await rpc(co.accountant.db, 'invoice_sales_order', {
        p_idempotency_key: key(),
        p_order_id: order.id,
        p_lines: [{ order_line_id: line.id, quantity: '3' }],
      }),
    ) as { document_id: string }
    // stock now costs more: the return must not take the new average
    await mustPost(co.warehouse.db, 'purchase_receipt', key(), {
      date: today,
      supplier_id: co.supplierId,
      lines: [{ item_id: item, quantity: '1', unit_cost: '80.00' }],
    })
    const tooMany = await rpc(co.warehouse.db, 'return_sales_order', {
      p_idempotency_key: key(),
      p_order_id: order.id,
      p_lines: [{ order_line_id: line.id, quantity: '6' }],
    })
    expect(tooMany.error).toMatchObject({ code: 'TR653', hint: 'lines[1].quantity' })
    const badLine = await rpc(co.warehouse.db, 'return_sales_order', {
      p_idempotency_key: key(),
      p_order_id: order.id,
      p_lines: [
        { order_line_id: line.id, quantity: '1' },
        { order_line_id: co.items[0], quantity: '1' },
      ],
    })
    expect(badLine.error).toMatchObject({ code: 'TR653', hint: 'lines[2].order_line_id' })
    const noRight = await rpc(co.cashier.db, 'return_sales_order', {
      p_idempotency_key: key(),
      p_order_id: order.id,
      p_lines: [{ order_line_id: line.id, quantity: '1' }],
    })
    expect(noRight.error?.code).toMatch(/^TR10[345]$/)
    // 3 back: the 2 not invoiced (stock and cost only), then 1 invoiced (113.00 off the receivable)
    const rKey = key()
    const ret = ok(
      await rpc(co.warehouse.db, 'return_sales_order', {
        p_idempotency_key: rKey,
        p_order_id: order.id,
        p_lines: [{ order_line_id: line.id, quantity: '3' }],
      }),
    ) as { document_id: string; number: string; total: number }
    expect(ret.number).toMatch(/^SR-\d{6}-\d{4}$/)
    expect(ret.total).toBe(113)
    const again = ok(
      await rpc(co.warehouse.db, 'return_sales_order', {
        p_idempotency_key: rKey,
        p_order_id: order.id,
        p_lines: [{ order_line_id: line.id, quantity: '3' }],
      }),
    )
    expect(again).toEqual(ret)
    const moves = await db.query(
      'select sum(quantity)::text as q, sum(value)::text as v from public.stock_moves where source_id = $1',
      [ret.document_id],
    )
    expect(moves.rows).toEqual([{ q: '3.0000', v: '150.00' }])
    const open = await db.query('select outstanding::text from public.open_items where source_id = $1', [
      invoice.document_id,
    ])
    expect(open.rows).toEqual([{ outstanding: '226.00' }])
    const progress = ok(
      await sales
        .from('sales_order_lines')
        .select('delivered_quantity, invoiced_quantity, returned_quantity')
        .eq('id', line.id)
        .single(),
    )
    expect(progress).toEqual({ delivered_quantity: 5, invoiced_quantity: 3, returned_quantity: 3 })
    // what is left was invoiced: the order is complete, nothing more to invoice
    const head = ok(await sales.from('sales_orders').select('status').eq('id', order.id).single())
    expect(head).toEqual({ status: 'completed' })
    const more = await rpc(co.accountant.db, 'invoice_sales_order', {
      p_idempotency_key: key(),
      p_order_id: order.id,
    })
    expect(more.error?.code).toBe('TR654')
    // margin of the customer: the returned invoiced piece is undone at its own cost
    expect(await ledgerViolations(db, co.tenantId)).toEqual([])
  })

  it('a purchase return sends billed goods back and reduces the bill; goods not billed are refused', async () => {
    const item = co.items[2]
    const b = buyer.db as Any
    const po = ok(
      await b
        .from('purchase_orders')
        .insert({ tenant_id: co.tenantId, party_id: co.supplierId })
        .select('id')
        .single(),
    ) as { id: string }
    const line = ok(
      await b
        .from('purchase_order_lines')
        .insert({
          tenant_id: co.tenantId,
          order_id: po.id,
          line_no: 1,
          item_id: item,
          quantity: '5',
          unit_price: '22.60',
        })
        .select('id')
        .single(),
    ) as { id: string }
    ok(await rpc(b, 'confirm_purchase_order', { p_order_id: po.id }))
    ok(await rpc(co.warehouse.db, 'receive_purchase_order', { p_idempotency_key: key(), p_order_id: po.id }))
    const bill = ok(
      await rpc(co.accountant.db, 'bill_purchase_order', {
        p_idempotency_key: key(),
        p_order_id: po.id,
        p_lines: [{ order_line_id: line.id, quantity: '3' }],
      }),
    ) as { document_id: string; total: number }
    expect(bill.total).toBe(67.8)
    const unbilled = await rpc(b, 'return_purchase_order', {
      p_idempotency_key: key(),
      p_order_id: po.id,
      p_lines: [{ order_line_id: line.id, quantity: '4' }],
    })
    expect(unbilled.error).toMatchObject({ code: 'TR653', hint: 'lines[1].quantity' })
    const zero = await rpc(b, 'return_purchase_order', {
      p_idempotency_key: key(),
      p_order_id: po.id,
      p_lines: [{ order_line_id: line.id, quantity: '0' }],
    })
    expect(zero.error).toMatchObject({ code: 'TR653', hint: 'lines[1].quantity' })
    const ret = ok(
      await rpc(b, 'return_purchase_order', {
        p_idempotency_key: key(),
        p_order_id: po.id,
        p_lines: [{ order_line_id: line.id, quantity: '2' }],
      }),
    ) as { document_id: string; total: number }
    expect(ret.total).toBe(45.2)
    const open = await db.query('select outstanding::text from public.open_items where source_id = $1', [
      bill.document_id,
    ])
    expect(open.rows).toEqual([{ outstanding: '-22.60' }])
    const progress = ok(
      await b
        .from('purchase_order_lines')
        .select('received_quantity, billed_quantity, returned_quantity')
        .eq('id', line.id)
        .single(),
    )
    expect(progress).toEqual({ received_quantity: 5, billed_quantity: 3, returned_quantity: 2 })
    const moved = await db.query(
      'select sum(quantity)::text as q from public.stock_moves where source_id = $1',
      [ret.document_id],
    )
    expect(moved.rows).toEqual([{ q: '-2.0000' }])
    expect(await ledgerViolations(db, co.tenantId)).toEqual([])
  })
})

describe('backorders and document numbers', () => {
  it('with backorders allowed, a short order is confirmed: what is there is reserved, the rest waits first come first served', async () => {
    const item = co.items[0]
    await mustPost(co.warehouse.db, 'purchase_receipt', key(), {
      date: today,
      supplier_id: co.supplierId,
      lines: [{ item_id: item, quantity: '1', unit_cost: '10.00' }],
    })
    const sales = co.sales.db as Any
    const order = async (quantity: string) => {
      const o = ok(
        await sales
          .from('sales_orders')
          .insert({ tenant_id: co.tenantId, party_id: co.customerId })
          .select('id')
          .single(),
      ) as { id: string }
      ok(
        await sales.from('sales_order_lines').insert({
          tenant_id: co.tenantId,
          order_id: o.id,
          line_no: 1,
          item_id: item,
          quantity,
          unit_price: '20',
        }),
      )
      return o.id
    }
    const first = await order('3')
    // off by default: refused as before
    const refused = await rpc(sales, 'confirm_sales_order', { p_order_id: first })
    expect(refused.error?.code).toBe('TR651')
    // the accountant switches backorders on (the salesperson may not)
    const forbidden = await sales
      .from('trade_settings')
      .insert({ tenant_id: co.tenantId, allow_backorders: true })
    expect(forbidden.error).not.toBeNull()
    ok(
      await (co.accountant.db as Any)
        .from('trade_settings')
        .upsert({ tenant_id: co.tenantId, allow_backorders: true }, { onConflict: 'tenant_id' }),
    )
    const confirmed = ok(await rpc(sales, 'confirm_sales_order', { p_order_id: first })) as {
      status: string
      backorders: Array<{ sku: string; ordered: number; available: number; backordered: number }>
    }
    expect(confirmed.status).toBe('confirmed')
    expect(confirmed.backorders).toEqual([
      expect.objectContaining({ sku: 'SKU-1', ordered: 3, available: 1, backordered: 2 }),
    ])
    const view = async (id: string) =>
      ok(
        await sales
          .from('sales_order_backorders')
          .select('covered_quantity, backordered_quantity')
          .eq('order_id', id)
          .single(),
      )
    expect(await view(first)).toEqual({ covered_quantity: 1, backordered_quantity: 2 })
    // goods arrive: the backorder is covered first; a later order waits behind it
    await mustPost(co.warehouse.db, 'purchase_receipt', key(), {
      date: today,
      supplier_id: co.supplierId,
      lines: [{ item_id: item, quantity: '4', unit_cost: '10.00' }],
    })
    expect(await view(first)).toEqual({ covered_quantity: 3, backordered_quantity: 0 })
    const second = await order('4')
    const later = ok(await rpc(sales, 'confirm_sales_order', { p_order_id: second })) as {
      backorders: Array<{ available: number; backordered: number }>
    }
    expect(later.backorders).toEqual([expect.objectContaining({ available: 2, backordered: 2 })])
    expect(await view(second)).toEqual({ covered_quantity: 2, backordered_quantity: 2 })
    ok(
      await (co.accountant.db as Any)
        .from('trade_settings')
        .update({ allow_backorders: false })
        .eq('tenant_id', co.tenantId),
    )
  })

  it('numbers orders per type and month without gaps or duplicates when many are entered at once', async () => {
    const sales = co.sales.db as Any
    const made = await Promise.all(
      Array.from({ length: 12 }, () =>
        sales
          .from('sales_orders')
          .insert({ tenant_id: co.tenantId, party_id: co.customerId })
          .select('number')
          .single(),
      ),
    )
    const numbers = made.map((r) => (ok(r) as { number: string }).number)
    expect(new Set(numbers).size).toBe(12)
    const month = today.slice(0, 7).replace('-', '')
    for (const num of numbers) expect(num).toMatch(new RegExp(`^SO-${month}-\\d{4}$`))
    const all = await db.query(
      `select number from public.sales_orders where tenant_id = $1 and number like $2 order by number`,
      [co.tenantId, `SO-${month}-%`],
    )
    const seq = all.rows.map((r: { number: string }) => Number(r.number.slice(-4)))
    expect(seq).toEqual(Array.from({ length: seq.length }, (_, i) => i + 1))
  })
})
