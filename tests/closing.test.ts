// Period close (结账) end to end as the accountant and the owner would do it: periods close in order,
// blockers are listed and nothing changes, the close carries P&L to 本年利润 and locks the period, the
// period status cannot be changed around close/reopen, corrections of a closed period are booked in the
// open one, reopening needs its own right and a reason and is logged, and the last period of the year
// moves 本年利润 to 利润分配 while the balance sheet keeps balancing.
import type { SupabaseClient } from '@supabase/supabase-js'
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ledgerCompany, ledgerViolations, mustPost, post, shanghaiToday } from './helpers/ledger.ts'
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
interface Closed {
  status: string
  already?: boolean
  blockers?: Array<{ check: string; ref_id: string; label: string }>
  warnings?: Array<{ check: string }>
  carry_forward_document_id?: string | null
  year_end_voucher_id?: string | null
}
interface Period {
  id: string
  fiscal_year: number
  period_no: number
  start_date: string
  end_date: string
  status: string
}

let db: pg.Client
let co: Awaited<ReturnType<typeof ledgerCompany>>
let periods: Period[]
const today = shanghaiToday()
let n = 0
const key = () => `closing-${process.pid}-${n++}-${Date.now()}`
const jan = (day: string) => `${periods[0].start_date.slice(0, 8)}${day}`
let manualJan: string
let invoiceJan: string

async function account(code: string) {
  const r = await db.query('select id from public.accounts where tenant_id = $1 and code = $2', [
    co.tenantId,
    code,
  ])
  return r.rows[0].id as string
}
async function balance(code: string, upTo: Period) {
  const r = await db.query(
    `select coalesce(sum(l.debit - l.credit), 0)::text b from public.voucher_lines l
     join public.vouchers v on v.id = l.voucher_id join public.accounts a on a.id = l.account_id
     where v.tenant_id = $1 and v.status <> 'draft' and a.code like $2 || '%' and v.voucher_date <= $3`,
    [co.tenantId, code, upTo.end_date],
  )
  return Number(r.rows[0].b)
}
async function draft(client: SupabaseClient, date: string, lines: Array<[string, string, string]>) {
  const v = await client
    .from('vouchers')
    .insert({ tenant_id: co.tenantId, voucher_date: date, summary: '手工凭证' } as never)
    .select('id')
    .single()
  if (v.error) throw new Error(v.error.message)
  const id = (v.data as { id: string }).id
  let i = 1
  for (const [code, debit, credit] of lines) {
    const r = await client.from('voucher_lines').insert({
      tenant_id: co.tenantId,
      voucher_id: id,
      line_no: i++,
      account_id: await account(code),
      debit,
      credit,
    } as never)
    if (r.error) throw new Error(r.error.message)
  }
  return id
}
async function balanceSheet(p: Period) {
  const rows = await must<Array<{ line_no: number; closing_balance: number }>>(
    co.accountant.db,
    'balance_sheet',
    {
      p_period_id: p.id,
    },
  )
  return Object.fromEntries(rows.map((r) => [r.line_no, Number(r.closing_balance)])) as Record<number, number>
}

beforeAll(async () => {
  db = await superuserDb()
  co = await ledgerCompany(db, 'closing')
  periods = (
    await db.query(
      `select id, fiscal_year, period_no, start_date::text, end_date::text, status from public.fiscal_periods
       where tenant_id = $1 order by start_date`,
      [co.tenantId],
    )
  ).rows
  const [a] = co.items
  await mustPost(co.warehouse.db, 'purchase_receipt', key(), {
    date: jan('05'),
    supplier_id: co.supplierId,
    lines: [{ item_id: a, quantity: '10', unit_cost: '10.00' }],
  })
  invoiceJan = (
    await mustPost(co.accountant.db, 'sales_invoice', key(), {
      date: jan('10'),
      customer_id: co.customerId,
      lines: [{ item_id: a, quantity: '2', unit_price: '113.00' }],
    })
  ).document_id
  await mustPost(co.warehouse.db, 'delivery', key(), {
    date: jan('10'),
    customer_id: co.customerId,
    lines: [{ item_id: a, quantity: '2' }],
  })
  manualJan = await draft(co.accountant.db, jan('20'), [
    ['560202', '5.00', '0'],
    ['1001', '0', '5.00'],
  ])
  await must(co.accountant.db, 'post_voucher', { p_voucher: manualJan })
})
afterAll(async () => {
  await db?.end()
})

describe('closing a period', () => {
  it('periods close in order', async () => {
    const r = await call(co.accountant.db, 'close_period', { p_period_id: periods[1].id })
    expect(r.error).toMatchObject({ code: 'TR761', hint: 'period_id' })
  })

  it('blockers are listed and nothing changes', async () => {
    const d1 = await draft(co.accountant.db, jan('25'), [
      ['560202', '1.00', '0'],
      ['1001', '0', '1.00'],
    ])
    await db.query('update public.ledger_settings set require_review = true where tenant_id = $1', [
      co.tenantId,
    ])
    const preview = await must<Array<{ check_key: string; ref_id: string; blocking: boolean }>>(
      co.accountant.db,
      'closing_checks',
      { p_period_id: periods[0].id },
    )
    expect(preview.filter((c) => c.blocking).map((c) => [c.check_key, c.ref_id])).toEqual([
      ['vouchers_awaiting_review', d1],
    ])
    const r = await must<Closed>(co.accountant.db, 'close_period', { p_period_id: periods[0].id })
    expect(r.status).toBe('blocked')
    expect(r.blockers?.map((b) => [b.check, b.ref_id])).toEqual([['vouchers_awaiting_review', d1]])
    // reviewed but not posted: still in the way
    await db.query('update public.ledger_settings set require_review = false where tenant_id = $1', [
      co.tenantId,
    ])
    const again = await must<Closed>(co.accountant.db, 'close_period', { p_period_id: periods[0].id })
    expect(again.blockers?.map((b) => b.check)).toEqual(['draft_vouchers'])
    const st = await db.query('select status from public.fiscal_periods where id = $1', [periods[0].id])
    expect(st.rows[0].status).toBe('open')
    expect(
      (
        await db.query(
          `select 1 from public.ledger_documents where tenant_id = $1 and doc_type = 'profit_carry_forward'`,
          [co.tenantId],
        )
      ).rowCount,
    ).toBe(0)
    await co.accountant.db.from('vouchers').delete().eq('id', d1)
  })

  it('who may close', async () => {
    const r = await call(co.sales.db, 'close_period', { p_period_id: periods[0].id })
    expect(r.error?.code).toBe('TR104')
  })

  it('the close carries P&L to 本年利润 and locks the period', async () => {
    const r = await must<Closed>(co.accountant.db, 'close_period', { p_period_id: periods[0].id })
    expect(r.status).toBe('closed')
    expect(r.carry_forward_document_id).toBeTruthy()
    expect(r.year_end_voucher_id).toBeNull()
    // the manual voucher's cash line found its item by rule (5602 out): no warnings
    expect(r.warnings).toEqual([])
    expect(await balance('5', periods[0])).toBe(0)
    // revenue 200 − cost 20 − expense 5
    expect(await balance('3103', periods[0])).toBe(-175)
    const bs = await balanceSheet(periods[0])
    expect(bs[51]).toBe(175)
    expect(bs[53]).toBe(bs[30])
    const is = await must<Array<{ line_no: number; period_amount: number }>>(
      co.accountant.db,
      'income_statement',
      {
        p_period_id: periods[0].id,
      },
    )
    expect(Number(is.find((l) => l.line_no === 32)?.period_amount)).toBe(175)
    const again = await must<Closed>(co.accountant.db, 'close_period', { p_period_id: periods[0].id })
    expect(again).toMatchObject({ status: 'closed', already: true })
    const log = await co.accountant.db.from('period_closings').select('action, carry_forward_document_id')
    expect(log.data).toEqual([{ action: 'close', carry_forward_document_id: r.carry_forward_document_id }])
  })

  it('nothing posts into the closed period, and its status moves only through close and reopen', async () => {
    const r = await post(co.accountant.db, 'sales_invoice', key(), {
      date: jan('28'),
      customer_id: co.customerId,
      lines: [{ quantity: '1', unit_price: '10', tax_rate: '0.13' }],
    })
    expect(r.error).toMatchObject({ code: 'TR705', hint: 'date' })
    const upd = await co.accountant.db
      .from('fiscal_periods')
      .update({ status: 'open' } as never)
      .eq('id', periods[0].id)
    expect(upd.error).toMatchObject({ code: 'TR763', hint: 'status' })
    const owner = await co.ownerClient
      .from('fiscal_periods')
      .update({ status: 'closed' } as never)
      .eq('id', periods[1].id)
    expect(owner.error).toMatchObject({ code: 'TR763', hint: 'status' })
  })

  it('a correction dated in the closed period is booked in the open one with a reference', async () => {
    const rd = await must<{ document_id: string; voucher_id: string; date: string }>(
      co.accountant.db,
      'reverse_document',
      { p_idempotency_key: key(), p_document_id: invoiceJan, p_date: jan('15') },
    )
    expect(rd.date).toBe(today)
    const v = await db.query(
      'select voucher_date::text, summary, reversal_of from public.vouchers where id = $1',
      [rd.voucher_id],
    )
    expect(v.rows[0].voucher_date).toBe(today)
    expect(v.rows[0].summary).toMatch(/^调整\(.*已结账\) 冲销 sales_invoice/)
    const doc = await db.query('select payload, reversal_of from public.ledger_documents where id = $1', [
      rd.document_id,
    ])
    expect(doc.rows[0]).toMatchObject({
      reversal_of: invoiceJan,
      payload: { reversal_of: invoiceJan, requested_date: jan('15'), adjusts_closed_period: true },
    })
    const rv = await must<string>(co.accountant.db, 'reverse_voucher', {
      p_voucher: manualJan,
      p_date: jan('21'),
    })
    const mv = await db.query(
      'select voucher_date::text, summary, reversal_of from public.vouchers where id = $1',
      [rv],
    )
    expect(mv.rows[0]).toMatchObject({ voucher_date: today, reversal_of: manualJan })
    expect(mv.rows[0].summary).toMatch(/^调整/)
    // the closed period is untouched
    expect(await balance('3103', periods[0])).toBe(-175)
    expect(await ledgerViolations(db, co.tenantId)).toEqual([])
  })

  it('reopening: its own right, a reason, the latest closed period first, logged and audited', async () => {
    await must(co.accountant.db, 'close_period', { p_period_id: periods[1].id })
    expect(
      (await call(co.accountant.db, 'reopen_period', { p_period_id: periods[1].id, p_reason: 'x' })).error
        ?.code,
    ).toBe('TR104')
    expect(
      (await call(co.ownerClient, 'reopen_period', { p_period_id: periods[1].id, p_reason: ' ' })).error,
    ).toMatchObject({ code: 'TR765', hint: 'reason' })
    expect(
      (await call(co.ownerClient, 'reopen_period', { p_period_id: periods[0].id, p_reason: '补录发票' }))
        .error,
    ).toMatchObject({ code: 'TR762', hint: 'period_id' })
    await must(co.ownerClient, 'reopen_period', { p_period_id: periods[1].id, p_reason: '补录发票' })
    await must(co.ownerClient, 'reopen_period', { p_period_id: periods[0].id, p_reason: '补录发票' })
    const log = await db.query(
      `select action, reason, done_by from public.period_closings where period_id = $1 order by done_at`,
      [periods[0].id],
    )
    expect(log.rows.map((r) => [r.action, r.reason, r.done_by])).toEqual([
      ['close', null, co.accountant.user.id],
      ['reopen', '补录发票', co.owner.user.id],
    ])
    const audit = await db.query(
      `select new_values ->> 'status' s, actor_id from public.audit_log
       where tenant_id = $1 and table_name = 'fiscal_periods' and row_id = $2 and action = 'update' order by id`,
      [co.tenantId, periods[0].id],
    )
    expect(audit.rows.map((r) => [r.s, r.actor_id])).toEqual([
      ['closed', co.accountant.user.id],
      ['open', co.owner.user.id],
    ])
    // a late expense in the reopened month; closing again carries only what is new
    const late = await draft(co.accountant.db, jan('29'), [
      ['560202', '25.00', '0'],
      ['1001', '0', '25.00'],
    ])
    await must(co.accountant.db, 'post_voucher', { p_voucher: late })
    const r = await must<Closed>(co.accountant.db, 'close_period', { p_period_id: periods[0].id })
    expect(r.carry_forward_document_id).toBeTruthy()
    expect(await balance('5', periods[0])).toBe(0)
    expect(await balance('3103', periods[0])).toBe(-150)
  })

  it('the last period of the year moves 本年利润 to 利润分配; the sheet balances all along', async () => {
    const year = periods.filter((p) => p.fiscal_year === periods[0].fiscal_year)
    let last: Closed | undefined
    for (const p of year.slice(1)) {
      last = await must<Closed>(co.accountant.db, 'close_period', { p_period_id: p.id })
      expect(last.status).toBe('closed')
      const bs = await balanceSheet(p)
      expect(bs[53]).toBe(bs[30])
    }
    expect(last?.year_end_voucher_id).toBeTruthy()
    const end = year[year.length - 1]
    // 200 − 20 − 5 − 25, then the invoice reversed (−200) and the manual voucher reversed (+5): a loss of 45
    expect(await balance('3103', end)).toBe(0)
    expect(await balance('310405', end)).toBe(45)
    const bs = await balanceSheet(end)
    expect(bs[51]).toBe(-45)
    expect(bs[53]).toBe(bs[30])
    expect(await ledgerViolations(db, co.tenantId)).toEqual([])
  })
})
