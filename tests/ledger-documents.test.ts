// The posting of every other document type through its template: returns, transfers, stocktakes,
// expense claims, month-end carry-forward; a small-scale taxpayer; review; template edits; backdating.
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ledgerCompany, ledgerViolations, mustPost, post, shanghaiToday } from './helpers/ledger.ts'
import { superuserDb } from './helpers/stack.ts'

let db: pg.Client
let co: Awaited<ReturnType<typeof ledgerCompany>>
const today = shanghaiToday()
let n = 0
const key = () => `ledger-docs-${process.pid}-${n++}-${Date.now()}`

beforeAll(async () => {
  db = await superuserDb()
  co = await ledgerCompany(db, 'ldocs')
  await mustPost(co.accountant.db, 'purchase_receipt', key(), {
    date: today,
    supplier_id: co.supplierId,
    lines: [
      { item_id: co.items[0], quantity: '20', unit_cost: '10.00' },
      { item_id: co.items[1], quantity: '10', unit_cost: '3.00' },
    ],
  })
})
afterAll(async () => {
  await db?.end()
})

async function lines(voucherId: string | null) {
  const r = await db.query(
    `select a.code, l.debit::text, l.credit::text from public.voucher_lines l join public.accounts a on a.id = l.account_id
     where l.voucher_id = $1 order by l.line_no`,
    [voucherId],
  )
  return r.rows
}
const level = async (item: string, wh = co.warehouseId) =>
  (
    await db.query(
      'select quantity::text, value::text from public.stock_levels where item_id = $1 and warehouse_id = $2',
      [item, wh],
    )
  ).rows[0]
const accountId = async (code: string) =>
  (await db.query('select id from public.accounts where tenant_id = $1 and code = $2', [co.tenantId, code]))
    .rows[0].id

describe('stock documents', () => {
  it('a transfer moves quantity and value between warehouses; the GL nets out', async () => {
    const r = await mustPost(co.warehouse.db, 'stock_transfer', key(), {
      date: today,
      from_warehouse_id: co.warehouseId,
      to_warehouse_id: co.warehouse2Id,
      lines: [{ item_id: co.items[0], quantity: '5' }],
    })
    expect(await level(co.items[0])).toEqual({ quantity: '15.0000', value: '150.00' })
    expect(await level(co.items[0], co.warehouse2Id)).toEqual({ quantity: '5.0000', value: '50.00' })
    expect(await lines(r.voucher_id)).toEqual([
      { code: '1405', debit: '50.00', credit: '0.00' },
      { code: '1405', debit: '0.00', credit: '50.00' },
    ])
    const same = await post(co.warehouse.db, 'stock_transfer', key(), {
      date: today,
      from_warehouse_id: co.warehouseId,
      to_warehouse_id: co.warehouseId,
      lines: [{ item_id: co.items[0], quantity: '1' }],
    })
    expect(same.error).toMatchObject({ code: 'TR741', hint: 'to_warehouse_id' })
  })

  it('a stocktake posts gains at the average and losses to 待处理财产损溢', async () => {
    const r = await mustPost(co.warehouse.db, 'stocktake', key(), {
      date: today,
      lines: [
        { item_id: co.items[0], difference: '2' },
        { item_id: co.items[1], difference: '-1' },
      ],
    })
    expect(await level(co.items[0])).toEqual({ quantity: '17.0000', value: '170.00' })
    expect(await level(co.items[1])).toEqual({ quantity: '9.0000', value: '27.00' })
    expect(await lines(r.voucher_id)).toEqual([
      { code: '1405', debit: '20.00', credit: '0.00' },
      { code: '1901', debit: '0.00', credit: '20.00' },
      { code: '1901', debit: '3.00', credit: '0.00' },
      { code: '1405', debit: '0.00', credit: '3.00' },
    ])
  })

  it('a sales return takes goods back at the average and credits the customer', async () => {
    const r = await mustPost(co.warehouse.db, 'sales_return', key(), {
      date: today,
      customer_id: co.customerId,
      lines: [{ item_id: co.items[0], quantity: '1', unit_price: '22.60' }],
    })
    expect(await level(co.items[0])).toEqual({ quantity: '18.0000', value: '180.00' })
    expect(await lines(r.voucher_id)).toEqual([
      { code: '1405', debit: '10.00', credit: '0.00' },
      { code: '5401', debit: '0.00', credit: '10.00' },
      { code: '5001', debit: '20.00', credit: '0.00' },
      { code: '22210102', debit: '2.60', credit: '0.00' },
      { code: '1122', debit: '0.00', credit: '22.60' },
    ])
    const credit = await db.query(`select kind, amount::text from public.open_items where source_id = $1`, [
      r.document_id,
    ])
    expect(credit.rows).toEqual([{ kind: 'credit_note', amount: '-22.60' }])
  })

  it('a purchase return sends goods back at the average; the difference to the price goes to cost', async () => {
    const r = await mustPost(co.warehouse.db, 'purchase_return', key(), {
      date: today,
      supplier_id: co.supplierId,
      lines: [{ item_id: co.items[1], quantity: '2', unit_price: '3.39', tax_code: 'IN13' }],
    })
    // goods 2 × 3.00 = 6.00 at cost; price 6.78 incl. VAT = 6.00 + 0.78
    expect(await lines(r.voucher_id)).toEqual([
      { code: '220202', debit: '6.78', credit: '0.00' },
      { code: '1405', debit: '0.00', credit: '6.00' },
      { code: '22210101', debit: '0.00', credit: '0.78' },
    ])
  })

  it('a move dated before the last move of the item is refused (documented policy)', async () => {
    const r = await post(co.warehouse.db, 'delivery', key(), {
      date: '2026-01-01',
      customer_id: co.customerId,
      lines: [{ item_id: co.items[0], quantity: '1' }],
    })
    expect(['TR732', 'TR705']).toContain(r.error?.code)
  })
})

describe('expenses and month end', () => {
  it('an expense claim debits the expense and input VAT and owes the employee', async () => {
    const r = await mustPost(co.accountant.db, 'expense_claim', key(), {
      date: today,
      employee_id: co.sales.user.id,
      lines: [{ account_id: await accountId('560201'), amount: '100.00', tax: '6.00' }],
    })
    const l = await db.query(
      `select a.code, l.debit::text, l.credit::text, l.employee_id from public.voucher_lines l
       join public.accounts a on a.id = l.account_id where l.voucher_id = $1 order by l.line_no`,
      [r.voucher_id],
    )
    expect(l.rows).toEqual([
      { code: '560201', debit: '100.00', credit: '0.00', employee_id: null },
      { code: '22210101', debit: '6.00', credit: '0.00', employee_id: null },
      { code: '224101', debit: '0.00', credit: '106.00', employee_id: co.sales.user.id },
    ])
  })

  it('carrying profit and loss forward empties every P&L account of the period into 本年利润', async () => {
    await mustPost(co.accountant.db, 'sales_invoice', key(), {
      date: today,
      customer_id: co.customerId,
      lines: [{ quantity: '1', unit_price: '1130', tax_code: 'VAT13' }],
    })
    const period = (
      await db.query(
        `select id from public.fiscal_periods where tenant_id = $1 and $2::date between start_date and end_date`,
        [co.tenantId, today],
      )
    ).rows[0].id
    const r = await mustPost(co.accountant.db, 'profit_carry_forward', key(), { period_id: period })
    expect(r.voucher_id).toBeTruthy()
    const left = await db.query(
      `select a.code, sum(l.debit - l.credit)::text b from public.voucher_lines l join public.vouchers v on v.id = l.voucher_id
       join public.accounts a on a.id = l.account_id
       where v.tenant_id = $1 and v.period_id = $2 and a.type = 'profit_and_loss' group by a.code having sum(l.debit - l.credit) <> 0`,
      [co.tenantId, period],
    )
    expect(left.rows).toEqual([])
  })
})

describe('rules of the company', () => {
  it('with review required, a manual voucher posts only after someone else reviewed it', async () => {
    await db.query('update public.ledger_settings set require_review = true where tenant_id = $1', [
      co.tenantId,
    ])
    try {
      const { data } = await co.accountant.db
        .from('vouchers')
        .insert({ tenant_id: co.tenantId, voucher_date: today } as never)
        .select('id')
        .single()
      const vid = (data as { id: string }).id
      await co.accountant.db.from('voucher_lines').insert([
        {
          tenant_id: co.tenantId,
          voucher_id: vid,
          line_no: 1,
          account_id: await accountId('1001'),
          debit: '1',
          credit: '0',
        },
        {
          tenant_id: co.tenantId,
          voucher_id: vid,
          line_no: 2,
          account_id: await accountId('100201'),
          debit: '0',
          credit: '1',
        },
      ] as never)
      expect((await co.accountant.db.rpc('post_voucher', { p_voucher: vid })).error).toMatchObject({
        code: 'TR706',
      })
      expect((await co.accountant.db.rpc('review_voucher', { p_voucher: vid })).error).toMatchObject({
        code: 'TR706',
      })
      expect((await co.ownerClient.rpc('review_voucher', { p_voucher: vid })).error).toBeNull()
      expect((await co.accountant.db.rpc('post_voucher', { p_voucher: vid })).error).toBeNull()
    } finally {
      await db.query('update public.ledger_settings set require_review = false where tenant_id = $1', [
        co.tenantId,
      ])
    }
  })

  it('editing a posting template changes later postings only', async () => {
    const first = await mustPost(co.accountant.db, 'sales_invoice', key(), {
      date: today,
      customer_id: co.customerId,
      lines: [{ quantity: '1', unit_price: '113', tax_code: 'VAT13' }],
    })
    const before = await lines(first.voucher_id)
    const other = await accountId('5051')
    const { error } = await co.accountant.db
      .from('posting_templates')
      .update({ account_setting: null, account_field: 'revenue_override' } as never)
      .eq('doc_type', 'sales_invoice')
      .eq('line_no', 2)
    expect(error).toBeNull()
    try {
      const missing = await post(co.accountant.db, 'sales_invoice', key(), {
        date: today,
        customer_id: co.customerId,
        lines: [{ quantity: '1', unit_price: '113', tax_code: 'VAT13' }],
      })
      expect(missing.error).toMatchObject({ code: 'TR742', hint: 'revenue_override' })
      const second = await mustPost(co.accountant.db, 'sales_invoice', key(), {
        date: today,
        customer_id: co.customerId,
        revenue_override: other,
        lines: [{ quantity: '1', unit_price: '113', tax_code: 'VAT13' }],
      })
      expect((await lines(second.voucher_id)).map((l) => l.code)).toContain('5051')
      expect(await lines(first.voucher_id)).toEqual(before)
    } finally {
      await co.accountant.db
        .from('posting_templates')
        .update({ account_setting: 'revenue_account', account_field: null } as never)
        .eq('doc_type', 'sales_invoice')
        .eq('line_no', 2)
    }
  })

  it('the books hold every invariant', async () => {
    expect(await ledgerViolations(db, co.tenantId)).toEqual([])
  })
})

describe('a small-scale taxpayer', () => {
  it('invoices at the levy rate and keeps purchase VAT in cost', async () => {
    const small = await ledgerCompany(db, 'lsmall', 'small_scale')
    const inv = await mustPost(small.accountant.db, 'sales_invoice', key(), {
      date: today,
      customer_id: small.customerId,
      lines: [{ quantity: '1', unit_price: '101', tax_code: 'S3' }],
    })
    expect(await lines(inv.voucher_id)).toEqual([
      { code: '1122', debit: '101.00', credit: '0.00' },
      { code: '5001', debit: '0.00', credit: '100.00' },
      { code: '222103', debit: '0.00', credit: '1.00' },
    ])
    const rec = await mustPost(small.warehouse.db, 'purchase_receipt', key(), {
      date: today,
      supplier_id: small.supplierId,
      lines: [{ item_id: small.items[0], quantity: '1', unit_cost: '100' }],
    })
    const line = (
      await db.query('select id from public.ledger_document_lines where document_id = $1', [rec.document_id])
    ).rows[0].id
    const bill = await mustPost(small.accountant.db, 'supplier_bill', key(), {
      date: today,
      supplier_id: small.supplierId,
      lines: [{ receipt_line_id: line, unit_price: '113', tax_rate: '0.13' }],
    })
    // no input VAT account: the 13.00 of tax is part of the goods' cost
    expect(await lines(bill.voucher_id)).toEqual([
      { code: '220201', debit: '100.00', credit: '0.00' },
      { code: '1405', debit: '13.00', credit: '0.00' },
      { code: '220202', debit: '0.00', credit: '113.00' },
    ])
    expect(await ledgerViolations(db, small.tenantId)).toEqual([])
  })
})
