// The ledger engine end to end through supabase-js, as each role would call it: stock at moving
// average, vouchers from posting templates, receivables and payables, idempotency, reversals, and the
// invariants recomputed from the rows after each scenario (tests/helpers/ledger.ts).
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ledgerCompany, ledgerViolations, mustPost, post, shanghaiToday } from './helpers/ledger.ts'
import { superuserDb } from './helpers/stack.ts'

let db: pg.Client
let co: Awaited<ReturnType<typeof ledgerCompany>>
const today = shanghaiToday()
let n = 0
const key = () => `ledger-test-${process.pid}-${n++}-${Date.now()}`

beforeAll(async () => {
  db = await superuserDb()
  co = await ledgerCompany(db, 'ledger')
})
afterAll(async () => {
  await db?.end()
})

async function level(item: string, wh = co.warehouseId) {
  const r = await db.query(
    'select quantity::text, value::text, average_cost::text from public.stock_levels where item_id = $1 and warehouse_id = $2',
    [item, wh],
  )
  return r.rows[0] as { quantity: string; value: string; average_cost: string } | undefined
}
async function lines(voucherId: string) {
  const r = await db.query(
    `select a.code, l.debit::text, l.credit::text from public.voucher_lines l join public.accounts a on a.id = l.account_id
     where l.voucher_id = $1 order by l.line_no`,
    [voucherId],
  )
  return r.rows as Array<{ code: string; debit: string; credit: string }>
}

describe('purchase to pay', () => {
  it('a receipt moves stock in at cost and books GRNI; the average follows each receipt', async () => {
    const [a] = co.items
    const r1 = await mustPost(co.warehouse.db, 'purchase_receipt', key(), {
      date: today,
      supplier_id: co.supplierId,
      lines: [{ item_id: a, quantity: '10', unit_cost: '10.00' }],
    })
    expect(r1.number).toMatch(/^GR-\d{6}-\d{4}$/)
    expect(await lines(r1.voucher_id as string)).toEqual([
      { code: '1405', debit: '100.00', credit: '0.00' },
      { code: '220201', debit: '0.00', credit: '100.00' },
    ])
    await mustPost(co.warehouse.db, 'purchase_receipt', key(), {
      date: today,
      supplier_id: co.supplierId,
      lines: [{ item_id: a, quantity: '5', unit_cost: '13.00' }],
    })
    // (100 + 65) / 15 = 11
    expect(await level(a)).toEqual({ quantity: '15.0000', value: '165.00', average_cost: '11.000000' })
  })

  it('the supplier bill clears GRNI, books input VAT and puts the price difference into stock', async () => {
    const [, b] = co.items
    const rec = await mustPost(co.warehouse.db, 'purchase_receipt', key(), {
      date: today,
      supplier_id: co.supplierId,
      lines: [{ item_id: b, quantity: '4', unit_cost: '25.00' }],
    })
    const receiptLine = (
      await db.query('select id from public.ledger_document_lines where document_id = $1', [rec.document_id])
    ).rows[0].id
    // billed at 26.00 excluding tax: 104.00 + 13.52 VAT; 4.00 more than received
    const bill = await mustPost(co.accountant.db, 'supplier_bill', key(), {
      date: today,
      supplier_id: co.supplierId,
      tax_inclusive: false,
      lines: [{ receipt_line_id: receiptLine, quantity: '4', unit_price: '26.00' }],
    })
    expect(bill.total).toBe(117.52)
    expect(await lines(bill.voucher_id as string)).toEqual([
      { code: '220201', debit: '100.00', credit: '0.00' },
      { code: '1405', debit: '4.00', credit: '0.00' },
      { code: '22210101', debit: '13.52', credit: '0.00' },
      { code: '220202', debit: '0.00', credit: '117.52' },
    ])
    expect(await level(b)).toMatchObject({ quantity: '4.0000', value: '104.00' })
    // billing the same receipt line again is more than was received
    const again = await post(co.accountant.db, 'supplier_bill', key(), {
      date: today,
      supplier_id: co.supplierId,
      lines: [{ receipt_line_id: receiptLine, quantity: '1', unit_price: '26.00' }],
    })
    expect(again.error).toMatchObject({ code: 'TR744', hint: 'lines[1].quantity' })

    // pay it: the bill is settled, nothing is left as prepayment
    const item = (
      await db.query(`select id, outstanding::text from public.open_items where source_id = $1`, [
        bill.document_id,
      ])
    ).rows[0]
    expect(item.outstanding).toBe('-117.52')
    const pay = await mustPost(co.cashier.db, 'supplier_payment', key(), {
      date: today,
      supplier_id: co.supplierId,
      amount: '117.52',
      allocations: [{ open_item_id: item.id, amount: '117.52' }],
    })
    expect(pay.voucher_number).toMatch(/^付-\d+$/)
    expect(
      (await db.query('select outstanding::text from public.open_items where id = $1', [item.id])).rows[0]
        .outstanding,
    ).toBe('0.00')
  })
})

describe('order to cash', () => {
  it('a delivery costs goods at the moving average; an invoice books receivable, revenue and VAT', async () => {
    const [a] = co.items
    const del = await mustPost(co.warehouse.db, 'delivery', key(), {
      date: today,
      customer_id: co.customerId,
      lines: [{ item_id: a, quantity: '3' }],
    })
    expect(await lines(del.voucher_id as string)).toEqual([
      { code: '5401', debit: '33.00', credit: '0.00' },
      { code: '1405', debit: '0.00', credit: '33.00' },
    ])
    const inv = await mustPost(co.accountant.db, 'sales_invoice', key(), {
      date: today,
      customer_id: co.customerId,
      lines: [
        { item_id: a, quantity: '3', unit_price: '11.30' },
        { item_id: a, quantity: '1', unit_price: '10.00' },
      ],
    })
    // 30.00 + 3.90, 8.85 + 1.15 (per-line rounding)
    expect(inv.total).toBe(43.9)
    expect(await lines(inv.voucher_id as string)).toEqual([
      { code: '1122', debit: '43.90', credit: '0.00' },
      { code: '5001', debit: '0.00', credit: '38.85' },
      { code: '22210102', debit: '0.00', credit: '5.05' },
    ])
  })

  it('a receipt settles the invoice and keeps the rest as a prepayment; aging shows what is open', async () => {
    const inv = await mustPost(co.accountant.db, 'sales_invoice', key(), {
      date: today,
      customer_id: co.customerId,
      lines: [{ quantity: '1', unit_price: '113.00', tax_code: 'VAT13' }],
    })
    const item = (await db.query('select id from public.open_items where source_id = $1', [inv.document_id]))
      .rows[0]
    const rec = await mustPost(co.cashier.db, 'customer_receipt', key(), {
      date: today,
      customer_id: co.customerId,
      amount: '150.00',
      allocations: [{ open_item_id: item.id, amount: '113.00' }],
    })
    expect(await lines(rec.voucher_id as string)).toEqual([
      { code: '100201', debit: '150.00', credit: '0.00' },
      { code: '1122', debit: '0.00', credit: '113.00' },
      { code: '2203', debit: '0.00', credit: '37.00' },
    ])
    const over = await post(co.cashier.db, 'customer_receipt', key(), {
      date: today,
      customer_id: co.customerId,
      amount: '10',
      allocations: [{ open_item_id: item.id, amount: '10' }],
    })
    expect(over.error?.code).toBe('TR720')
    const { data: aging, error } = await co.accountant.db.rpc(
      'aging' as never,
      { p_kind: 'receivable' } as never,
    )
    expect(error).toBeNull()
    // 43.90 invoiced earlier is open, 37.00 was prepaid
    expect(aging).toEqual([expect.objectContaining({ party_id: co.customerId, total: 6.9 })])
  })

  it('insufficient stock is refused naming the item, warehouse, requested and available quantity', async () => {
    const [, , c] = co.items
    const r = await post(co.warehouse.db, 'delivery', key(), {
      date: today,
      customer_id: co.customerId,
      lines: [{ item_id: c, quantity: '2' }],
    })
    expect(r.error).toMatchObject({ code: 'TR730', hint: 'lines[1].quantity' })
    expect(r.error?.message).toContain('SKU-3')
    expect(r.error?.message).toContain('WH01')
    expect(r.error?.message).toMatch(/2 requested, 0(\.0+)? available/)
    const docs = await db.query(
      `select count(*)::int n from public.ledger_documents where tenant_id = $1 and party_id = $2
      and doc_type = 'delivery'`,
      [co.tenantId, co.customerId],
    )
    expect(docs.rows[0].n).toBe(1)
  })
})

describe('idempotency and errors', () => {
  it('a retry returns the first result; the same key with another payload is refused', async () => {
    const k = key()
    const doc = {
      date: today,
      supplier_id: co.supplierId,
      lines: [{ item_id: co.items[3], quantity: '1', unit_cost: '5' }],
    }
    const first = await mustPost(co.warehouse.db, 'purchase_receipt', k, doc)
    const again = await mustPost(co.warehouse.db, 'purchase_receipt', k, doc)
    expect(again).toEqual(first)
    const other = await post(co.warehouse.db, 'purchase_receipt', k, {
      ...doc,
      date: today,
      lines: [{ ...doc.lines[0], quantity: '2' }],
    })
    expect(other.error).toMatchObject({ code: 'TR740', hint: 'idempotency_key' })
    expect(await level(co.items[3])).toMatchObject({ quantity: '1.0000' })
  })

  it('bad fields are named and leave nothing behind', async () => {
    const before = await db.query(
      'select count(*)::int n from public.ledger_documents where tenant_id = $1',
      [co.tenantId],
    )
    const cases: Array<[string, object, string]> = [
      ['delivery', { customer_id: co.customerId, lines: [] }, 'lines'],
      [
        'delivery',
        { customer_id: co.customerId, lines: [{ item_id: co.items[0], quantity: '-1' }] },
        'lines[1].quantity',
      ],
      [
        'delivery',
        { customer_id: co.supplierId, lines: [{ item_id: co.items[0], quantity: '1' }] },
        'customer_id',
      ],
      [
        'sales_invoice',
        { customer_id: co.customerId, lines: [{ quantity: '1', unit_price: '1' }] },
        'lines[1].tax_code',
      ],
      ['sales_invoice', { customer_id: co.customerId, date: '2026-02-30', lines: [] }, 'date'],
      [
        'purchase_receipt',
        { supplier_id: co.supplierId, lines: [{ item_id: 'nope', quantity: '1', unit_cost: '1' }] },
        'lines[1].item_id',
      ],
      ['customer_receipt', { customer_id: co.customerId, amount: 'abc' }, 'amount'],
    ]
    for (const [type, doc, hint] of cases) {
      const r = await post(co.accountant.db, type, key(), { date: today, ...doc })
      expect(r.error, `${type} ${hint}`).toMatchObject({ hint })
    }
    const after = await db.query('select count(*)::int n from public.ledger_documents where tenant_id = $1', [
      co.tenantId,
    ])
    expect(after.rows[0].n).toBe(before.rows[0].n)
  })

  it('rights: the warehouse cannot post invoices; a salesperson cannot post anything', async () => {
    const doc = {
      date: today,
      customer_id: co.customerId,
      lines: [{ quantity: '1', unit_price: '1', tax_code: 'VAT13' }],
    }
    expect((await post(co.warehouse.db, 'sales_invoice', key(), doc)).error?.code).toBe('TR104')
    expect((await post(co.sales.db, 'delivery', key(), doc)).error?.code).toBe('TR104')
  })
})

describe('reversals and manual vouchers', () => {
  it('reversing a delivery brings the goods back at their cost and reverses the voucher', async () => {
    const [a] = co.items
    const before = await level(a)
    const del = await mustPost(co.warehouse.db, 'delivery', key(), {
      date: today,
      customer_id: co.customerId,
      lines: [{ item_id: a, quantity: '2' }],
    })
    const { data, error } = await co.warehouse.db.rpc(
      'reverse_document' as never,
      {
        p_idempotency_key: key(),
        p_document_id: del.document_id,
      } as never,
    )
    expect(error).toBeNull()
    expect(await level(a)).toEqual(before)
    const orig = await db.query('select status from public.vouchers where id = $1', [del.voucher_id])
    expect(orig.rows[0].status).toBe('reversed')
    expect((data as unknown as { voucher_id: string }).voucher_id).toBeTruthy()
    const twice = await co.warehouse.db.rpc(
      'reverse_document' as never,
      {
        p_idempotency_key: key(),
        p_document_id: del.document_id,
      } as never,
    )
    expect(twice.error?.code).toBe('TR743')
  })

  it('a manual voucher: draft through the API, balanced and dimension checks, then final', async () => {
    const acct = async (code: string) =>
      (
        await db.query('select id from public.accounts where tenant_id = $1 and code = $2', [
          co.tenantId,
          code,
        ])
      ).rows[0].id
    const { data: v, error } = await co.accountant.db
      .from('vouchers')
      .insert({ tenant_id: co.tenantId, voucher_date: today, summary: '提现' } as never)
      .select('id')
      .single()
    expect(error).toBeNull()
    const vid = (v as { id: string }).id
    const add = (line_no: number, account_id: string, debit: string, credit: string, extra = {}) =>
      co.accountant.db.from('voucher_lines').insert({
        tenant_id: co.tenantId,
        voucher_id: vid,
        line_no,
        account_id,
        debit,
        credit,
        ...extra,
      } as never)
    expect((await add(1, await acct('1001'), '500', '0')).error).toBeNull()
    expect((await add(2, await acct('100201'), '0', '400')).error).toBeNull()
    const unbalanced = await co.accountant.db.rpc('post_voucher' as never, { p_voucher: vid } as never)
    expect(unbalanced.error).toMatchObject({ code: 'TR702' })
    await co.accountant.db
      .from('voucher_lines')
      .update({ credit: '500' } as never)
      .eq('voucher_id', vid)
      .eq('line_no', 2)
    // a status cannot be written through the API
    const sneaky = await co.accountant.db
      .from('vouchers')
      .update({ status: 'posted' } as never)
      .eq('id', vid)
    expect(sneaky.error).not.toBeNull()
    const posted = await co.accountant.db.rpc('post_voucher' as never, { p_voucher: vid } as never)
    expect(posted.error).toBeNull()
    const edit = await co.accountant.db
      .from('voucher_lines')
      .update({ debit: '1' } as never)
      .eq('voucher_id', vid)
      .eq('line_no', 1)
      .select()
    expect(edit.error?.code ?? (edit.data?.length === 0 ? 'none' : 'changed')).not.toBe('changed')
    const del = await co.accountant.db.from('vouchers').delete().eq('id', vid).select()
    expect(del.error?.code ?? (del.data?.length === 0 ? 'none' : 'deleted')).not.toBe('deleted')
    expect((await db.query('select status from public.vouchers where id = $1', [vid])).rows[0].status).toBe(
      'posted',
    )

    // the receivable account needs a customer
    const { data: v2 } = await co.accountant.db
      .from('vouchers')
      .insert({ tenant_id: co.tenantId, voucher_date: today } as never)
      .select('id')
      .single()
    const v2id = (v2 as { id: string }).id
    await co.accountant.db.from('voucher_lines').insert([
      {
        tenant_id: co.tenantId,
        voucher_id: v2id,
        line_no: 1,
        account_id: await acct('1122'),
        debit: '10',
        credit: '0',
      },
      {
        tenant_id: co.tenantId,
        voucher_id: v2id,
        line_no: 2,
        account_id: await acct('5001'),
        debit: '0',
        credit: '10',
      },
    ] as never)
    const missing = await co.accountant.db.rpc('post_voucher' as never, { p_voucher: v2id } as never)
    expect(missing.error).toMatchObject({ code: 'TR704', hint: 'party_id' })
  })

  it('the books of the company hold every invariant, before and after folding the balances', async () => {
    expect(await ledgerViolations(db, co.tenantId)).toEqual([])
    const pending = async () =>
      (
        await db.query('select count(*)::int n from app_private.gl_pending where tenant_id = $1', [
          co.tenantId,
        ])
      ).rows[0].n
    const period = (
      await db.query(
        `select id from public.fiscal_periods where tenant_id = $1 and $2::date between start_date and end_date`,
        [co.tenantId, today],
      )
    ).rows[0].id
    const before = await co.accountant.db.rpc('trial_balance', { p_period_id: period })
    await db.query('select app_private.fold_gl()')
    expect(await pending()).toBe(0)
    const after = await co.accountant.db.rpc('trial_balance', { p_period_id: period })
    expect(after.data).toEqual(before.data)
    expect(await ledgerViolations(db, co.tenantId)).toEqual([])
    const { data, error } = await co.accountant.db.rpc(
      'trial_balance' as never,
      {
        p_period_id: (
          await db.query(
            `select id from public.fiscal_periods where tenant_id = $1 and $2::date between start_date and end_date`,
            [co.tenantId, today],
          )
        ).rows[0].id,
      } as never,
    )
    expect(error).toBeNull()
    const rows = data as unknown as Array<{
      level: number
      period_debit: number
      period_credit: number
      code: string
    }>
    const first = rows.filter((r) => r.level === 1)
    const sum = (k: 'period_debit' | 'period_credit') => first.reduce((s, r) => s + Math.round(r[k] * 100), 0)
    expect(sum('period_debit')).toBe(sum('period_credit'))
    expect(rows.find((r) => r.code === '1405')).toBeTruthy()
  })
})
