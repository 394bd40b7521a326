// Order to cash and procure to pay through supabase-js, one person per role — the product's chain:
// a salesperson enters a customer's order → the manager approves the contract → the warehouse delivers
// with a tracking number → the salesperson sees the shipment on the customer → the accountant issues
// the invoice → the cashier records the receipt → the customer shows paid → the boss's dashboard shows
// the sale, the margin and the stock change; the trial balance balances and every figure drills down
// to its document. Then the rules around it: available to promise, credit limit, three-way match,
// replenishment.
import type { SupabaseClient } from '@supabase/supabase-js'
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chain, person } from './helpers/approvals.ts'
import { colleague } from './helpers/company.ts'
import { ledgerCompany, ledgerViolations, mustPost, shanghaiToday } from './helpers/ledger.ts'
import { superuserDb } from './helpers/stack.ts'

let db: pg.Client
let co: Awaited<ReturnType<typeof ledgerCompany>>
let manager: Awaited<ReturnType<typeof colleague>>
let buyer: Awaited<ReturnType<typeof colleague>>
const today = shanghaiToday()
let n = 0
const key = () => `trade-${process.pid}-${n++}-${Date.now()}`
type Any = SupabaseClient

function ok<T>(r: { data: T; error: { code?: string; message: string } | null }, what = 'call'): T {
  if (r.error) throw new Error(`${what}: ${r.error.code} ${r.error.message}`)
  return r.data
}
const rpc = (c: unknown, fn: string, args: object) => (c as Any).rpc(fn, args)

beforeAll(async () => {
  db = await superuserDb()
  co = await ledgerCompany(db, 'trade')
  manager = await colleague(db, co.tenantId, 'admin', 'trade-manager')
  buyer = await colleague(db, co.tenantId, 'purchasing', 'trade-buyer')
  // stock to sell: 10 pieces at 60.00
  await mustPost(co.accountant.db, 'purchase_receipt', key(), {
    date: today,
    supplier_id: co.supplierId,
    lines: [{ item_id: co.items[0], quantity: '10', unit_cost: '60.00' }],
  })
})
afterAll(async () => {
  await db?.end()
})

async function salesOrder(
  who: Any,
  lines: Array<{ item: string; quantity: string; price: string }>,
  party = co.customerId,
) {
  const order = ok(
    await who
      .from('sales_orders')
      .insert({ tenant_id: co.tenantId, party_id: party })
      .select('id, number')
      .single(),
    'order',
  ) as { id: string; number: string }
  ok(
    await who.from('sales_order_lines').insert(
      lines.map((l, i) => ({
        tenant_id: co.tenantId,
        order_id: order.id,
        line_no: i + 1,
        item_id: l.item,
        quantity: l.quantity,
        unit_price: l.price,
      })),
    ),
    'lines',
  )
  return order
}

describe('the acceptance scenario', () => {
  it('runs from the order to the dashboard, and the books agree', async () => {
    await chain(co.ownerClient as Any, co.tenantId, {
      doc_type: 'sales_order',
      name: '合同审批',
      min_amount: '1000',
      steps: [{ name: '经理审批', approvers: [person(manager.user.id)] }],
    })
    const sales = co.sales.db as Any
    // the salesperson enters the order: 3 × 113.00 + 8 × 113.00 = 1243.00 incl. VAT
    const order = await salesOrder(sales, [{ item: co.items[0], quantity: '8', price: '113.00' }])
    expect(order.number).toMatch(/^SO-\d{6}-\d{4}$/)
    const head = ok(await sales.from('sales_orders').select('total, status').eq('id', order.id).single()) as {
      total: number
      status: string
    }
    expect(head).toEqual({ total: 904, status: 'draft' })
    // confirming submits it to the manager (904 < 1000 would pass: make it a contract worth approving)
    ok(await sales.from('sales_order_lines').update({ quantity: '9' }).eq('order_id', order.id))
    const submitted = ok(await rpc(sales, 'confirm_sales_order', { p_order_id: order.id })) as {
      status: string
    }
    expect(submitted.status).toBe('submitted')
    // under approval the order cannot change
    const frozen = await sales.from('sales_order_lines').update({ quantity: '1' }).eq('order_id', order.id)
    expect(frozen.error?.code).toBe('TR650')
    // the manager approves the contract (and could read it while it waited)
    const task = ok(
      await (manager.db as Any)
        .from('approval_tasks')
        .select('id')
        .eq('assignee_id', manager.user.id)
        .eq('status', 'pending'),
    ) as Array<{ id: string }>
    expect(task).toHaveLength(1)
    ok(await rpc(manager.db, 'approve_task', { p_task_id: task[0].id }))
    const confirmed = ok(await rpc(sales, 'confirm_sales_order', { p_order_id: order.id })) as {
      status: string
    }
    expect(confirmed.status).toBe('confirmed')

    // the warehouse delivers with a tracking number; a retry changes nothing
    const dKey = key()
    const delivery = ok(
      await rpc(co.warehouse.db, 'deliver_sales_order', {
        p_idempotency_key: dKey,
        p_order_id: order.id,
        p_carrier: '顺丰速运',
        p_tracking_number: 'SF1234567890',
      }),
    ) as { document_id: string; voucher_id: string }
    const again = ok(
      await rpc(co.warehouse.db, 'deliver_sales_order', { p_idempotency_key: dKey, p_order_id: order.id }),
    )
    expect(again).toEqual(delivery)
    // the salesperson sees the shipment on the customer
    const archive = ok(await rpc(sales, 'customer_archive', { p_party_id: co.customerId })) as {
      deliveries: Array<{ tracking_number: string; carrier: string }>
    }
    expect(archive.deliveries).toEqual([
      expect.objectContaining({ carrier: '顺丰速运', tracking_number: 'SF1234567890' }),
    ])

    // the accountant issues the invoice: 9 × 113.00 = 1017.00 = 900.00 + 117.00
    const invoice = ok(
      await rpc(co.accountant.db, 'invoice_sales_order', { p_idempotency_key: key(), p_order_id: order.id }),
    ) as { document_id: string; total: number }
    expect(invoice.total).toBe(1017)
    const item = (
      await db.query('select id from public.open_items where source_id = $1', [invoice.document_id])
    ).rows[0].id
    // the cashier records the receipt against it
    await mustPost(co.cashier.db as Any, 'customer_receipt', key(), {
      date: today,
      customer_id: co.customerId,
      amount: '1017.00',
      allocations: [{ open_item_id: item, amount: '1017.00' }],
    })
    // the customer shows paid and the order completed
    const progress = ok(
      await sales
        .from('sales_order_progress')
        .select('status, unpaid, invoiced_total')
        .eq('id', order.id)
        .single(),
    )
    expect(progress).toEqual({ status: 'completed', unpaid: 0, invoiced_total: 1017 })
    const after = ok(await rpc(sales, 'customer_archive', { p_party_id: co.customerId })) as {
      receivable_balance: number
      lifetime_sales: number
      lifetime_margin: number
    }
    expect(after.receivable_balance).toBe(0)
    expect(after.lifetime_sales).toBe(900)
    // 9 × 60.00 = 540.00 at cost
    expect(after.lifetime_margin).toBe(360)

    // the boss's dashboard
    const board = ok(await rpc(co.ownerClient, 'boss_dashboard', {})) as Record<string, unknown>
    expect(board.today_sales).toBe(900)
    expect(board.stock_value).toBe(60)
    expect(board.margin_by_customer).toEqual([
      expect.objectContaining({ party_id: co.customerId, sales: 900, cost: 540, margin: 360 }),
    ])
    expect(board.pending_approvals).toBe(0)

    // every figure drills down: the invoice's voucher names its document, the document its order
    const drill = await db.query(
      `select d.doc_type, od.sales_order_id from public.vouchers v join public.ledger_documents d on d.id = v.source_id
       join public.order_documents od on od.document_id = d.id where v.id = (select voucher_id from public.ledger_documents where id = $1)`,
      [invoice.document_id],
    )
    expect(drill.rows).toEqual([{ doc_type: 'sales_invoice', sales_order_id: order.id }])
    expect(await ledgerViolations(db, co.tenantId)).toEqual([])
    const period = (
      await db.query(
        `select id from public.fiscal_periods where tenant_id = $1 and $2::date between start_date and end_date`,
        [co.tenantId, today],
      )
    ).rows[0].id
    const tb = ok(await rpc(co.accountant.db, 'trial_balance', { p_period_id: period })) as Array<{
      level: number
      closing_debit: number
      closing_credit: number
    }>
    const cents = (k: 'closing_debit' | 'closing_credit') =>
      tb.filter((r) => r.level === 1).reduce((s, r) => s + Math.round(r[k] * 100), 0)
    expect(cents('closing_debit')).toBe(cents('closing_credit'))
  })
})

describe('the rules of orders', () => {
  it('promises only what is available, and says when purchase orders bring more', async () => {
    // 1 piece of item 0 is left; item 1 has none
    const po = ok(
      await (buyer.db as Any)
        .from('purchase_orders')
        .insert({ tenant_id: co.tenantId, party_id: co.supplierId, expected_date: '2027-01-15' })
        .select('id')
        .single(),
    ) as { id: string }
    ok(
      await (buyer.db as Any).from('purchase_order_lines').insert({
        tenant_id: co.tenantId,
        order_id: po.id,
        line_no: 1,
        item_id: co.items[1],
        quantity: '5',
        unit_price: '11.30',
      }),
    )
    expect(
      (ok(await rpc(buyer.db, 'confirm_purchase_order', { p_order_id: po.id })) as { status: string }).status,
    ).toBe('confirmed')
    const order = await salesOrder(co.sales.db as Any, [
      { item: co.items[0], quantity: '2', price: '10' },
      { item: co.items[1], quantity: '1', price: '10' },
    ])
    const r = await rpc(co.sales.db, 'confirm_sales_order', { p_order_id: order.id })
    expect(r.error?.code).toBe('TR651')
    expect(r.error?.message).toContain('SKU-1: 2 ordered, 1 available')
    expect(r.error?.message).toContain(
      'SKU-2: 1 ordered, 0 available (open purchase orders arrive from 2027-01-15)',
    )

    // the one piece left is promised to the first order that confirms it, not to a second
    const one = await salesOrder(co.sales.db as Any, [{ item: co.items[0], quantity: '1', price: '10' }])
    const two = await salesOrder(co.sales.db as Any, [{ item: co.items[0], quantity: '1', price: '10' }])
    const [a, b] = await Promise.all([
      rpc(co.sales.db, 'confirm_sales_order', { p_order_id: one.id }),
      rpc(co.sales.db, 'confirm_sales_order', { p_order_id: two.id }),
    ])
    expect([a.error?.code ?? 'ok', b.error?.code ?? 'ok'].sort()).toEqual(['TR651', 'ok'])
    const avail = ok(
      await (co.sales.db as Any)
        .from('item_availability')
        .select('on_hand, reserved')
        .eq('item_id', co.items[0])
        .eq('warehouse_id', co.warehouseId)
        .single(),
    )
    expect(avail).toEqual({ on_hand: 1, reserved: 1 })
  })

  it('refuses an order beyond the customer credit limit', async () => {
    const p = (
      await db.query(
        `insert into public.parties (tenant_id, code, name, credit_limit) values ($1, 'CL1', '限额客户', 500) returning id`,
        [co.tenantId],
      )
    ).rows[0].id
    await mustPost(co.accountant.db, 'sales_invoice', key(), {
      date: today,
      customer_id: p,
      lines: [{ quantity: '1', unit_price: '400', tax_code: 'VAT13' }],
    })
    const order = await salesOrder(
      co.sales.db as Any,
      [{ item: co.items[2], quantity: '1', price: '200' }],
      p,
    )
    await db.query(`update public.items set is_stock = false where id = $1`, [co.items[2]])
    try {
      const r = await rpc(co.sales.db, 'confirm_sales_order', { p_order_id: order.id })
      expect(r.error).toMatchObject({ code: 'TR652', hint: 'credit_limit' })
    } finally {
      await db.query(`update public.items set is_stock = true where id = $1`, [co.items[2]])
    }
  })

  it('a purchase order is received at its price and billed within the tolerance (three-way match)', async () => {
    const po = ok(
      await (buyer.db as Any)
        .from('purchase_orders')
        .insert({ tenant_id: co.tenantId, party_id: co.supplierId })
        .select('id')
        .single(),
    ) as { id: string }
    const line = ok(
      await (buyer.db as Any)
        .from('purchase_order_lines')
        .insert({
          tenant_id: co.tenantId,
          order_id: po.id,
          line_no: 1,
          item_id: co.items[3],
          quantity: '4',
          unit_price: '22.60',
        })
        .select('id')
        .single(),
    ) as { id: string }
    ok(await rpc(buyer.db, 'confirm_purchase_order', { p_order_id: po.id }))
    const rec = ok(
      await rpc(co.warehouse.db, 'receive_purchase_order', {
        p_idempotency_key: key(),
        p_order_id: po.id,
        p_lines: [{ order_line_id: line.id, quantity: '3' }],
      }),
    ) as { document_id: string }
    // 22.60 incl. 13 % = 20.00 a piece
    const moved = await db.query('select value::text from public.stock_moves where source_id = $1', [
      rec.document_id,
    ])
    expect(moved.rows).toEqual([{ value: '60.00' }])
    const tooDear = await rpc(co.accountant.db, 'bill_purchase_order', {
      p_idempotency_key: key(),
      p_order_id: po.id,
      p_lines: [{ order_line_id: line.id, quantity: '3', unit_price: '25.00' }],
    })
    expect(tooDear.error).toMatchObject({ code: 'TR656', hint: 'lines[1].unit_price' })
    const tooMany = await rpc(co.accountant.db, 'bill_purchase_order', {
      p_idempotency_key: key(),
      p_order_id: po.id,
      p_lines: [{ order_line_id: line.id, quantity: '4' }],
    })
    expect(tooMany.error?.code).toBe('TR653')
    const bill = ok(
      await rpc(co.accountant.db, 'bill_purchase_order', {
        p_idempotency_key: key(),
        p_order_id: po.id,
        p_lines: [{ order_line_id: line.id, quantity: '3', unit_price: '23.00' }],
      }),
    ) as { total: number }
    expect(bill.total).toBe(69)
    const status = ok(
      await (buyer.db as Any)
        .from('purchase_order_lines')
        .select('received_quantity, billed_quantity')
        .eq('id', line.id)
        .single(),
    )
    expect(status).toEqual({ received_quantity: 3, billed_quantity: 3 })
  })

  it('suggests replenishment below the reorder point and drafts purchase orders per supplier', async () => {
    await db.query(
      `update public.items set reorder_point = 20, reorder_quantity = 50, preferred_supplier_id = $2, purchase_price = 11.3 where id = $1`,
      [co.items[4], co.supplierId],
    )
    const suggestions = ok(await rpc(buyer.db, 'replenishment_suggestions', {})) as Array<{
      sku: string
      suggested_quantity: number
    }>
    expect(suggestions).toEqual([expect.objectContaining({ sku: 'SKU-5', suggested_quantity: 50 })])
    const made = ok(await rpc(buyer.db, 'create_replenishment_orders', {})) as Array<{
      purchase_order_id: string
    }>
    expect(made).toHaveLength(1)
    const lines = ok(
      await (buyer.db as Any)
        .from('purchase_order_lines')
        .select('item_id, quantity')
        .eq('order_id', made[0].purchase_order_id),
    )
    expect(lines).toEqual([{ item_id: co.items[4], quantity: 50 }])
    expect(await ledgerViolations(db, co.tenantId)).toEqual([])
  })
})

describe('stocktakes and restock reminders', () => {
  it('counts against the frozen sheet while stock moves, and posts only the difference', async () => {
    const item = co.items[3]
    await mustPost(co.warehouse.db, 'purchase_receipt', key(), {
      date: today,
      supplier_id: co.supplierId,
      lines: [{ item_id: item, quantity: '10', unit_cost: '5.00' }],
    })
    const before = (
      await db.query(
        'select quantity::text from public.stock_levels where item_id = $1 and warehouse_id = $2',
        [item, co.warehouseId],
      )
    ).rows[0].quantity
    const sheet = ok(
      await rpc(co.warehouse.db, 'start_stocktake', { p_warehouse_id: co.warehouseId, p_item_ids: [item] }),
    ) as string
    // goods keep moving: 2 leave after the freeze
    await mustPost(co.warehouse.db, 'delivery', key(), {
      date: today,
      customer_id: co.customerId,
      lines: [{ item_id: item, quantity: '2' }],
    })
    // the count at the freeze found one piece less than the books
    const frozen = ok(
      await (co.warehouse.db as Any)
        .from('stocktake_lines')
        .select('id, frozen_quantity')
        .eq('stocktake_id', sheet)
        .single(),
    ) as {
      id: string
      frozen_quantity: number
    }
    expect(String(frozen.frozen_quantity)).toBe(String(Number(before)))
    ok(
      await (co.warehouse.db as Any)
        .from('stocktake_lines')
        .update({ counted_quantity: String(frozen.frozen_quantity - 1) })
        .eq('id', frozen.id),
    )
    const posted = ok(
      await rpc(co.warehouse.db, 'post_stocktake', { p_idempotency_key: key(), p_stocktake_id: sheet }),
    ) as { document_id: string }
    const moved = await db.query('select quantity::text from public.stock_moves where source_id = $1', [
      posted.document_id,
    ])
    expect(moved.rows).toEqual([{ quantity: '-1.0000' }])
    const late = await (co.warehouse.db as Any)
      .from('stocktake_lines')
      .update({ counted_quantity: '0' })
      .eq('id', frozen.id)
    expect(late.error?.code).toBe('TR660')
  })

  it('reminds the salesperson when an item a customer waits for arrives', async () => {
    const item = co.items[2]
    ok(
      await (co.sales.db as Any)
        .from('item_wishes')
        .insert({ tenant_id: co.tenantId, party_id: co.customerId, item_id: item }),
    )
    await mustPost(co.warehouse.db, 'purchase_receipt', key(), {
      date: today,
      supplier_id: co.supplierId,
      lines: [{ item_id: item, quantity: '7', unit_cost: '5.00' }],
    })
    const due = ok(await rpc(co.ownerClient, 'my_follow_ups_due', {})) as unknown[]
    const reminders = await db.query(
      `select content from public.follow_ups where tenant_id = $1 and party_id = $2 and content like '到货提醒: SKU-3 %'`,
      [co.tenantId, co.customerId],
    )
    expect(reminders.rows).toEqual([{ content: '到货提醒: SKU-3 商品3 到货 7 个' }])
    expect(Array.isArray(due)).toBe(true)
  })
})

describe('business events for webhooks', () => {
  it('a posting, a receipt, a confirmed order and a stock drop below the reorder point are events; a refused posting is none', async () => {
    const { data, error } = await (co.ownerClient as Any)
      .from('webhook_endpoints')
      .insert({
        tenant_id: co.tenantId,
        name: 'events',
        url: 'http://127.0.0.1:9/hook',
        event_types: [
          'document.posted',
          'payment.received',
          'document.confirmed',
          'stock.below_reorder_point',
        ],
      })
      .select('id')
      .single()
    expect(error).toBeNull()
    const since = new Date().toISOString()
    const events = async () =>
      (
        await db.query(
          `select type, payload from public.webhook_events where tenant_id = $1 and created_at >= $2 order by created_at`,
          [co.tenantId, since],
        )
      ).rows as Array<{ type: string; payload: Record<string, unknown> }>
    await db.query('update public.items set reorder_point = 2 where id = $1', [co.items[1]])
    await mustPost(co.accountant.db, 'purchase_receipt', key(), {
      date: today,
      supplier_id: co.supplierId,
      lines: [{ item_id: co.items[1], quantity: '4', unit_cost: '1.00' }],
    })
    const refused = await rpc(co.warehouse.db, 'post_document', {
      p_doc_type: 'delivery',
      p_idempotency_key: key(),
      p_document: {
        date: today,
        customer_id: co.customerId,
        lines: [{ item_id: co.items[1], quantity: '999' }],
      },
    })
    expect(refused.error?.code).toBe('TR730')
    await mustPost(co.warehouse.db, 'delivery', key(), {
      date: today,
      customer_id: co.customerId,
      lines: [{ item_id: co.items[1], quantity: '3' }],
    })
    await mustPost(co.cashier.db, 'customer_receipt', key(), {
      date: today,
      customer_id: co.customerId,
      amount: '5.00',
    })
    const order = await salesOrder(co.sales.db as Any, [{ item: co.items[1], quantity: '1', price: '3' }])
    ok(await rpc(co.sales.db, 'confirm_sales_order', { p_order_id: order.id }))
    const got = await events()
    // events of one transaction share their time: compare the set, then each payload by type
    expect(got.map((e) => e.type).sort()).toEqual(
      [
        'document.posted',
        'stock.below_reorder_point',
        'document.posted',
        'document.posted',
        'payment.received',
        'document.confirmed',
      ].sort(),
    )
    const of = (type: string) => got.find((e) => e.type === type)?.payload
    expect(of('stock.below_reorder_point')).toMatchObject({ sku: 'SKU-2', reorder_point: '2.0000' })
    expect(of('payment.received')).toMatchObject({ party_id: co.customerId, amount: '5.00' })
    expect(of('document.confirmed')).toMatchObject({ doc_type: 'sales_order', document_id: order.id })
    expect((data as { id: string }).id).toBeTruthy()
  })
})
