// Financial statements on real postings: the balance sheet balances (before and after the profit
// carry-forward), the income statement ignores the carry-forward, cash lines are tagged at posting and
// the cash-flow statement ends on the cash balance; trial balance by dimension, ledger detail, journal,
// stock valuation and sales margin; who may read them; formulas as data with company overrides.
import type { SupabaseClient } from '@supabase/supabase-js'
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newCompany } from './helpers/company.ts'
import { ledgerCompany, ledgerViolations, mustPost, shanghaiToday } from './helpers/ledger.ts'
import { superuserDb } from './helpers/stack.ts'

type Err = { code: string; message: string; hint: string | null } | null
type Untyped = { rpc(fn: string, args?: object): PromiseLike<{ data: unknown; error: Err }> }
async function call<T>(client: SupabaseClient, fn: string, args: object = {}) {
  const r = await (client as unknown as Untyped).rpc(fn, args)
  return { data: r.data as T, error: r.error }
}
async function must<T>(client: SupabaseClient, fn: string, args: object = {}) {
  const r = await call<T>(client, fn, args)
  if (r.error) throw new Error(`${fn}: ${r.error.code} ${r.error.message} (${r.error.hint})`)
  return r.data
}

interface Line {
  line_no: number
  name: string
  [k: string]: unknown
}
const amounts = (rows: Line[], col: string) =>
  Object.fromEntries(rows.map((r) => [r.line_no, Number(r[col])])) as Record<number, number>

let db: pg.Client
let co: Awaited<ReturnType<typeof ledgerCompany>>
let period: string
const today = shanghaiToday()
let n = 0
const key = () => `stmt-${process.pid}-${n++}-${Date.now()}`

async function account(tenant: string, code: string) {
  const r = await db.query('select id from public.accounts where tenant_id = $1 and code = $2', [
    tenant,
    code,
  ])
  return r.rows[0].id as string
}

/** A manual voucher written and posted through the API by the given client. */
async function manualVoucher(
  client: SupabaseClient,
  tenant: string,
  date: string,
  lines: Array<[string, string, string]>,
) {
  const v = await client
    .from('vouchers')
    .insert({ tenant_id: tenant, voucher_date: date, summary: '手工凭证' } as never)
    .select('id')
    .single()
  if (v.error) throw new Error(v.error.message)
  const id = (v.data as { id: string }).id
  let i = 1
  for (const [code, debit, credit] of lines) {
    const r = await client.from('voucher_lines').insert({
      tenant_id: tenant,
      voucher_id: id,
      line_no: i++,
      account_id: await account(tenant, code),
      debit,
      credit,
    } as never)
    if (r.error) throw new Error(r.error.message)
  }
  await must(client, 'post_voucher', { p_voucher: id })
  return id
}

beforeAll(async () => {
  db = await superuserDb()
  co = await ledgerCompany(db, 'stmt')
  period = (
    await db.query(
      'select id from public.fiscal_periods where tenant_id = $1 and $2::date between start_date and end_date',
      [co.tenantId, today],
    )
  ).rows[0].id
  const [a] = co.items
  await mustPost(co.warehouse.db, 'purchase_receipt', key(), {
    date: today,
    supplier_id: co.supplierId,
    lines: [{ item_id: a, quantity: '10', unit_cost: '10.00' }],
  })
  await mustPost(co.accountant.db, 'sales_invoice', key(), {
    date: today,
    customer_id: co.customerId,
    lines: [{ item_id: a, quantity: '2', unit_price: '113.00' }],
  })
  await mustPost(co.warehouse.db, 'delivery', key(), {
    date: today,
    customer_id: co.customerId,
    lines: [{ item_id: a, quantity: '2' }],
  })
  await mustPost(co.cashier.db, 'customer_receipt', key(), {
    date: today,
    customer_id: co.customerId,
    amount: '100.00',
  })
  await mustPost(co.cashier.db, 'supplier_payment', key(), {
    date: today,
    supplier_id: co.supplierId,
    amount: '50.00',
  })
  await mustPost(co.accountant.db, 'expense_claim', key(), {
    date: today,
    employee_id: co.accountant.user.id,
    lines: [{ account_id: await account(co.tenantId, '560202'), amount: '30.00' }],
  })
})
afterAll(async () => {
  await db?.end()
})

describe('balance sheet and income statement (小企业会计准则)', () => {
  it('the balance sheet balances and each line reads its accounts', async () => {
    const rows = await must<Line[]>(co.accountant.db, 'balance_sheet', { p_period_id: period })
    expect(rows).toHaveLength(53)
    expect(rows[0]).toMatchObject({ line_no: 1, name: '货币资金' })
    const bs = amounts(rows, 'closing_balance')
    // cash 100 in − 50 out; AR 226 (the receipt was not allocated: 预收 100); prepaid 50; stock 100 − 20
    expect([bs[1], bs[4], bs[5], bs[9], bs[12]]).toEqual([50, 226, 50, 80, 80])
    // GRNI 100 (应付账款), 预收 100, output VAT 26, employee payable 30, profit 200 − 20 − 30 not carried forward
    expect([bs[33], bs[34], bs[36], bs[39], bs[51]]).toEqual([100, 100, 26, 30, 150])
    expect(bs[30]).toBe(406)
    expect(bs[53]).toBe(bs[30])
  })

  it('the income statement: month and year to date', async () => {
    const is = await must<Line[]>(co.accountant.db, 'income_statement', { p_period_id: period })
    expect(is).toHaveLength(32)
    const m = amounts(is, 'period_amount')
    const y = amounts(is, 'year_to_date_amount')
    expect([m[1], m[2], m[14], m[21], m[30], m[32]]).toEqual([200, 20, 30, 150, 150, 150])
    expect(y[32]).toBe(150)
  })

  it('after the profit carry-forward the sheet still balances and the income statement is unchanged', async () => {
    await mustPost(co.accountant.db, 'profit_carry_forward', key(), { period_id: period })
    const bs = amounts(
      await must<Line[]>(co.accountant.db, 'balance_sheet', { p_period_id: period }),
      'closing_balance',
    )
    expect(bs[51]).toBe(150)
    expect(bs[53]).toBe(bs[30])
    const m = amounts(
      await must<Line[]>(co.accountant.db, 'income_statement', { p_period_id: period }),
      'period_amount',
    )
    expect([m[1], m[2], m[14], m[32]]).toEqual([200, 20, 30, 150])
    // the trial balance shows the P&L accounts emptied and 本年利润 holding the profit
    const tb = await must<Array<{ code: string; closing_debit: number; closing_credit: number }>>(
      co.accountant.db,
      'trial_balance',
      { p_period_id: period },
    )
    const byCode = Object.fromEntries(tb.map((r) => [r.code, r]))
    expect(Number(byCode['5001'].closing_credit)).toBe(0)
    expect(Number(byCode['3103'].closing_credit)).toBe(150)
    expect(await ledgerViolations(db, co.tenantId)).toEqual([])
  })

  it('the generic entry point, the layout with formulas, and refusals', async () => {
    const fs = await must<Line[]>(co.accountant.db, 'financial_statement', {
      p_statement: 'balance_sheet',
      p_period_id: period,
    })
    expect(fs).toHaveLength(53)
    const layout = await must<Array<{ line_no: number; formula: unknown[] }>>(
      co.accountant.db,
      'statement_layout',
      { p_statement: 'balance_sheet' },
    )
    expect(layout.find((l) => l.line_no === 4)?.formula).toEqual([
      { account: '1122', kind: 'debit_parties' },
      { account: '2203', kind: 'debit_parties' },
    ])
    const bad = await call(co.accountant.db, 'financial_statement', {
      p_statement: 'nonsense',
      p_period_id: period,
    })
    expect(bad.error).toMatchObject({ code: 'TR750', hint: 'statement' })
    const sales = await call(co.sales.db, 'balance_sheet', { p_period_id: period })
    expect(sales.error?.code).toBe('TR104')
    const other = await newCompany('stmt-other')
    const foreign = await call(other.ownerClient, 'balance_sheet', { p_period_id: period })
    expect(foreign.error).toMatchObject({ code: 'TR751', hint: 'period_id' })
  })

  it('a company overrides a line formula; a bad formula is refused naming the field', async () => {
    const bad = await co.accountant.db.from('statement_line_overrides').insert({
      tenant_id: co.tenantId,
      statement: 'balance_sheet',
      line_no: 28,
      formula: [{ account: 'x' }],
    } as never)
    expect(bad.error, bad.error?.message).toMatchObject({ code: 'TR750', hint: 'formula' })
    // move 预付账款 into 其他非流动资产 (line 28) and out of line 5: the sheet still balances
    for (const [line, formula] of [
      [28, [{ account: '1123', kind: 'debit_parties' }]],
      [5, [{ account: '2202', kind: 'debit_parties' }]],
    ] as const) {
      const r = await co.accountant.db.from('statement_line_overrides').insert({
        tenant_id: co.tenantId,
        statement: 'balance_sheet',
        line_no: line,
        formula,
      } as never)
      expect(r.error).toBeNull()
    }
    const bs = amounts(
      await must<Line[]>(co.accountant.db, 'balance_sheet', { p_period_id: period }),
      'closing_balance',
    )
    expect([bs[5], bs[28], bs[29]]).toEqual([0, 50, 50])
    expect(bs[53]).toBe(bs[30])
    const sales = await co.sales.db
      .from('statement_line_overrides')
      .insert({ tenant_id: co.tenantId, statement: 'balance_sheet', line_no: 40 } as never)
    expect(sales.error?.code).toBe('42501')
    await co.accountant.db.from('statement_line_overrides').delete().eq('tenant_id', co.tenantId)
  })
})

describe('cash flow', () => {
  it('cash lines are tagged at posting; the statement ends on the cash balance', async () => {
    const tags = await co.accountant.db.from('voucher_line_cash_flow').select('item_code, amount')
    expect(
      (tags.data as Array<{ item_code: string; amount: number }>)
        .map((t) => `${t.item_code} ${Number(t.amount)}`)
        .sort(),
    ).toEqual(['op_purchase_out -50', 'op_sales_in 100'])
    const cf = amounts(
      await must<Line[]>(co.accountant.db, 'cash_flow_statement', { p_period_id: period }),
      'period_amount',
    )
    expect([cf[1], cf[3], cf[7], cf[20], cf[22]]).toEqual([100, 50, 50, 50, 50])
  })

  it('a line no rule knows is listed for the accountant, who tags it', async () => {
    const v = await manualVoucher(co.accountant.db, co.tenantId, today, [
      ['100201', '10.00', '0'],
      ['1901', '0', '10.00'],
    ])
    const untagged = await must<Array<{ line_id: string; voucher_id: string }>>(
      co.accountant.db,
      'untagged_cash_lines',
      { p_from: today, p_to: today },
    )
    expect(untagged).toHaveLength(1)
    expect(untagged[0].voucher_id).toBe(v)
    const line = untagged[0].line_id
    expect(
      (await call(co.sales.db, 'tag_cash_line', { p_line_id: line, p_item_code: 'op_other_in' })).error?.code,
    ).toBe('TR104')
    expect(
      (await call(co.accountant.db, 'tag_cash_line', { p_line_id: line, p_item_code: 'nope' })).error,
    ).toMatchObject({ code: 'TR754', hint: 'item_code' })
    const nonCash = (
      await db.query(
        `select l.id from public.voucher_lines l join public.accounts a on a.id = l.account_id
         where l.voucher_id = $1 and a.code = '1901'`,
        [v],
      )
    ).rows[0].id
    expect(
      (await call(co.accountant.db, 'tag_cash_line', { p_line_id: nonCash, p_item_code: 'op_other_in' }))
        .error,
    ).toMatchObject({ code: 'TR753', hint: 'line_id' })
    await must(co.cashier.db, 'tag_cash_line', { p_line_id: line, p_item_code: 'op_other_in' })
    expect(
      await must<unknown[]>(co.accountant.db, 'untagged_cash_lines', { p_from: today, p_to: today }),
    ).toEqual([])
    const audit = await db.query(
      `select 1 from public.audit_log where tenant_id = $1 and table_name = 'voucher_line_cash_flow' and row_id = $2`,
      [co.tenantId, line],
    )
    expect(audit.rowCount).toBe(1)
    const cf = amounts(
      await must<Line[]>(co.accountant.db, 'cash_flow_statement', { p_period_id: period }),
      'period_amount',
    )
    expect([cf[2], cf[7], cf[22]]).toEqual([10, 60, 60])
    const bs = amounts(
      await must<Line[]>(co.accountant.db, 'balance_sheet', { p_period_id: period }),
      'closing_balance',
    )
    expect(bs[1]).toBe(60)
  })

  it('a company rule comes before the defaults; a transfer between cash accounts is internal', async () => {
    const r = await co.accountant.db.from('cash_flow_rules').insert({
      tenant_id: co.tenantId,
      account_id: await account(co.tenantId, '1901'),
      direction: 'out',
      item_code: 'op_other_out',
    } as never)
    expect(r.error).toBeNull()
    const v1 = await manualVoucher(co.accountant.db, co.tenantId, today, [
      ['1901', '4.00', '0'],
      ['100201', '0', '4.00'],
    ])
    const v2 = await manualVoucher(co.accountant.db, co.tenantId, today, [
      ['1001', '7.00', '0'],
      ['100201', '0', '7.00'],
    ])
    const tags = await db.query(
      `select voucher_id, item_code, amount::text from public.voucher_line_cash_flow
       where voucher_id = any ($1) order by voucher_id = $2 desc, amount`,
      [[v1, v2], v1],
    )
    expect(tags.rows.map((t) => [t.item_code, t.amount])).toEqual([
      ['op_other_out', '-4.00'],
      ['internal', '-7.00'],
      ['internal', '7.00'],
    ])
  })
})

describe('ledgers', () => {
  it('trial balance by dimension: the customer on the receivables account', async () => {
    const rows = await must<Array<{ code: string; dimension_id: string; closing_debit: number }>>(
      co.accountant.db,
      'trial_balance_by_dimension',
      { p_period_id: period, p_dimension: 'party' },
    )
    const ar = rows.find((r) => r.code === '1122')
    expect(ar).toMatchObject({ dimension_id: co.customerId, dimension_name: '客户乙' })
    expect(Number(ar?.closing_debit)).toBe(226)
    const bad = await call(co.accountant.db, 'trial_balance_by_dimension', {
      p_period_id: period,
      p_dimension: 'colour',
    })
    expect(bad.error).toMatchObject({ code: 'TR752', hint: 'dimension' })
  })

  it('ledger detail with a running balance, paged; general ledger; voucher journal', async () => {
    const bank = await account(co.tenantId, '1002')
    const all = await must<Array<{ row_no: number; debit: number; credit: number; balance: number }>>(
      co.accountant.db,
      'ledger_detail',
      { p_account_id: bank, p_from: today, p_to: today },
    )
    expect(all.map((r) => Number(r.balance))).toEqual([100, 50, 60, 56, 49])
    const page = await must<Array<{ row_no: number; balance: number }>>(co.accountant.db, 'ledger_detail', {
      p_account_id: bank,
      p_from: today,
      p_to: today,
      p_limit: 2,
      p_offset: 2,
    })
    expect(page.map((r) => [Number(r.row_no), Number(r.balance)])).toEqual([
      [3, 60],
      [4, 56],
    ])
    const year = Number(today.slice(0, 4))
    const gl = await must<Array<{ period_id: string; closing: number }>>(co.accountant.db, 'general_ledger', {
      p_account_id: bank,
      p_fiscal_year: year,
    })
    expect(gl).toHaveLength(12)
    expect(Number(gl.find((g) => g.period_id === period)?.closing)).toBe(49)
    const journal = await must<Array<{ word: string; number: number }>>(co.accountant.db, 'voucher_journal', {
      p_period_id: period,
    })
    expect(journal.length).toBeGreaterThan(10)
    const sales = await call(co.sales.db, 'ledger_detail', { p_account_id: bank, p_from: today, p_to: today })
    expect(sales.error?.code).toBe('TR104')
  })
})

describe('stock and sales reports', () => {
  it('stock valuation by warehouse and by category', async () => {
    await db.query(`update public.items set category = '饮料' where id = $1`, [co.items[0]])
    const byWh = await must<Array<{ warehouse_id: string; value: number; quantity: number }>>(
      co.warehouse.db,
      'stock_valuation',
      { p_group: 'warehouse' },
    )
    expect(byWh.map((r) => [r.warehouse_id, Number(r.quantity), Number(r.value)])).toEqual([
      [co.warehouseId, 8, 80],
    ])
    const byCat = await must<Array<{ category: string; value: number }>>(co.warehouse.db, 'stock_valuation', {
      p_group: 'category',
    })
    expect(byCat.map((r) => [r.category, Number(r.value)])).toEqual([['饮料', 80]])
    const bad = await call(co.warehouse.db, 'stock_valuation', { p_group: 'colour' })
    expect(bad.error).toMatchObject({ code: 'TR757', hint: 'group' })
  })

  it('sales and margin by customer and by product', async () => {
    const byCustomer = await must<Array<{ key_id: string; revenue: number; cost: number; margin: number }>>(
      co.accountant.db,
      'sales_margin',
      { p_from: today, p_to: today, p_group: 'customer' },
    )
    expect(byCustomer.map((r) => [r.key_id, Number(r.revenue), Number(r.cost), Number(r.margin)])).toEqual([
      [co.customerId, 200, 20, 180],
    ])
    const byProduct = await must<Array<{ key_id: string; quantity: number; margin_rate: number }>>(
      co.accountant.db,
      'sales_margin',
      { p_from: today, p_to: today, p_group: 'product' },
    )
    expect(byProduct.map((r) => [r.key_id, Number(r.quantity), Number(r.margin_rate)])).toEqual([
      [co.items[0], 2, 0.9],
    ])
    expect((await call(co.sales.db, 'sales_margin', { p_from: today, p_to: today })).error?.code).toBe(
      'TR104',
    )
  })
})

describe('企业会计准则', () => {
  it('the general-enterprise layout balances on manual vouchers', async () => {
    const ent = await newCompany('stmt-ent', { standard: 'enterprise' })
    const p = (
      await db.query(
        'select id from public.fiscal_periods where tenant_id = $1 and $2::date between start_date and end_date',
        [ent.tenantId, today],
      )
    ).rows[0].id
    await manualVoucher(ent.ownerClient, ent.tenantId, today, [
      ['100201', '1000.00', '0'],
      ['4001', '0', '1000.00'],
    ])
    await manualVoucher(ent.ownerClient, ent.tenantId, today, [
      ['100201', '300.00', '0'],
      ['6001', '0', '300.00'],
    ])
    await manualVoucher(ent.ownerClient, ent.tenantId, today, [
      ['660201', '120.00', '0'],
      ['100201', '0', '120.00'],
    ])
    const rows = await must<Line[]>(ent.ownerClient, 'balance_sheet', { p_period_id: p })
    expect(rows).toHaveLength(68)
    const bs = amounts(rows, 'closing_balance')
    expect([bs[1], bs[34], bs[59], bs[66], bs[68]]).toEqual([1180, 1180, 1000, 180, 1180])
    const is = amounts(
      await must<Line[]>(ent.ownerClient, 'income_statement', { p_period_id: p }),
      'period_amount',
    )
    expect([is[1], is[5], is[21]]).toEqual([300, 120, 180])
    const cf = amounts(
      await must<Line[]>(ent.ownerClient, 'cash_flow_statement', { p_period_id: p }),
      'period_amount',
    )
    expect([cf[1], cf[6], cf[23], cf[35]]).toEqual([300, 120, 1000, 1180])
  })
})
