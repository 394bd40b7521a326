// save_order: an order with its lines in one call, as the salesperson and buyer of a company call it.
// A new draft with lines; an edit that changes, adds, reorders and removes lines; a refused line that
// names itself and leaves the order exactly as it was; fields people may not write; another company's
// line id; a confirmed order; the buyer's purchase order; and someone without the right.
import type { SupabaseClient } from '@supabase/supabase-js'
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chain, person } from './helpers/approvals.ts'
import { colleague } from './helpers/company.ts'
import { ledgerCompany } from './helpers/ledger.ts'
import { superuserDb } from './helpers/stack.ts'

type Any = SupabaseClient
type Saved = { id: string; number: string; amount: string; tax: string; total: string }
let db: pg.Client
let co: Awaited<ReturnType<typeof ledgerCompany>>
let other: Awaited<ReturnType<typeof ledgerCompany>>
let sales: Any
let buyer: Any

const save = (c: Any, kind: string, order: object, lines: unknown) =>
  c.rpc('save_order', { p_kind: kind, p_order: order, p_lines: lines })

async function linesOf(orderId: string, table = 'sales_order_lines') {
  const { rows } = await db.query(
    `select id, line_no, item_id, quantity::text, unit_price::text, total::text from public.${table}
     where order_id = $1 order by line_no`,
    [orderId],
  )
  return rows as Array<{
    id: string
    line_no: number
    item_id: string
    quantity: string
    unit_price: string
    total: string
  }>
}

beforeAll(async () => {
  db = await superuserDb()
  co = await ledgerCompany(db, 'saveord')
  other = await ledgerCompany(db, 'saveord2')
  sales = co.sales.db as Any
  buyer = (await colleague(db, co.tenantId, 'purchasing', 'saveord-buyer')).db as Any
})
afterAll(async () => {
  await db?.end()
})

describe('save_order', () => {
  it('creates a draft with its lines, priced by the database', async () => {
    const { data, error } = await save(sales, 'sales', { party_id: co.customerId, note: '一次保存' }, [
      { item_id: co.items[0], quantity: '2', unit_price: '113' },
      { item_id: co.items[1], quantity: '1.5', unit_price: '10', discount: '1' },
    ])
    expect(error).toBeNull()
    const saved = data as Saved
    expect(saved.number).toMatch(/^SO-\d{6}-\d{4}$/)
    const lines = await linesOf(saved.id)
    expect(lines.map((l) => [l.line_no, l.quantity])).toEqual([
      [1, '2.0000'],
      [2, '1.5000'],
    ])
    // header totals = sum of the lines, as the trigger keeps them; money arrives as text
    const { rows } = await db.query(
      'select sum(total)::text as total from public.sales_order_lines where order_id = $1',
      [saved.id],
    )
    expect(saved.total).toBe(rows[0].total)
  })

  it('changes, adds, reorders and removes lines in one call', async () => {
    const first = (
      await save(sales, 'sales', { party_id: co.customerId }, [
        { item_id: co.items[0], quantity: '1', unit_price: '100' },
        { item_id: co.items[1], quantity: '2', unit_price: '50' },
        { item_id: co.items[2], quantity: '3', unit_price: '10' },
      ])
    ).data as Saved
    const [a, , c] = await linesOf(first.id)
    const { error } = await save(sales, 'sales', { id: first.id, note: '改过' }, [
      { id: c.id, item_id: co.items[2], quantity: '4', unit_price: '10' },
      { item_id: co.items[1], quantity: '7', unit_price: '5' },
      { id: a.id, item_id: co.items[0], quantity: '1', unit_price: '90' },
    ])
    expect(error).toBeNull()
    const after = await linesOf(first.id)
    expect(after.map((l) => [l.line_no, l.quantity, l.unit_price])).toEqual([
      [1, '4.0000', '10.000000'],
      [2, '7.0000', '5.000000'],
      [3, '1.0000', '90.000000'],
    ])
    expect(after[0].id).toBe(c.id) // kept lines keep their ids
    expect(after[2].id).toBe(a.id)
    const { rows } = await db.query('select note from public.sales_orders where id = $1', [first.id])
    expect(rows[0].note).toBe('改过')
  })

  it('a refused line names itself and leaves the order as it was', async () => {
    const first = (
      await save(sales, 'sales', { party_id: co.customerId, note: '原样' }, [
        { item_id: co.items[0], quantity: '1', unit_price: '100' },
      ])
    ).data as Saved
    const before = await linesOf(first.id)
    const { error } = await save(sales, 'sales', { id: first.id, note: '不该保存' }, [
      { id: before[0].id, item_id: co.items[0], quantity: '5', unit_price: '100' },
      { item_id: co.items[1], quantity: '-1', unit_price: '10' },
    ])
    expect(error?.message).toMatch(/^lines\[1\]: /)
    expect(error?.hint).toMatch(/quantity/)
    expect(await linesOf(first.id)).toEqual(before)
    const { rows } = await db.query('select note, total::text from public.sales_orders where id = $1', [
      first.id,
    ])
    expect(rows[0]).toEqual({ note: '原样', total: first.total })

    // a new order whose line is refused leaves no header behind
    const count = async () =>
      Number(
        (await db.query('select count(*) from public.sales_orders where tenant_id = $1', [co.tenantId]))
          .rows[0].count,
      )
    const n = await count()
    const refused = await save(sales, 'sales', { party_id: co.customerId }, [
      { item_id: co.items[0], quantity: '1' },
    ])
    expect(refused.error?.message).toMatch(/^lines\[0\]: unit price/)
    expect(await count()).toBe(n)
  })

  it('refuses fields people may not write, unknown kinds, another order’s line and a confirmed order', async () => {
    const bad = await save(sales, 'sales', { party_id: co.customerId, status: 'confirmed' }, [])
    expect(bad.error).toMatchObject({ code: 'TR675', hint: 'status' })
    expect((await save(sales, 'rental', {}, [])).error).toMatchObject({ code: 'TR675', hint: 'kind' })
    expect((await save(sales, 'sales', { party_id: co.customerId }, {})).error).toMatchObject({
      hint: 'lines',
    })

    const mine = (
      await save(sales, 'sales', { party_id: co.customerId }, [
        { item_id: co.items[0], quantity: '1', unit_price: '1' },
      ])
    ).data as Saved
    const theirs = (
      await save(other.sales.db as Any, 'sales', { party_id: other.customerId }, [
        { item_id: other.items[0], quantity: '1', unit_price: '1' },
      ])
    ).data as Saved
    const [theirLine] = await linesOf(theirs.id)
    const stolen = await save(sales, 'sales', { id: mine.id }, [
      { id: theirLine.id, item_id: co.items[0], quantity: '9', unit_price: '1' },
    ])
    expect(stolen.error).toMatchObject({ code: 'TR675', hint: 'id' })
    expect((await linesOf(theirs.id))[0].quantity).toBe('1.0000')
    // the other company's order is invisible (RLS): not found
    expect((await save(sales, 'sales', { id: theirs.id, note: 'x' }, [])).error).toMatchObject({ hint: 'id' })
    expect((await linesOf(theirs.id)).length).toBe(1)

    await db.query(`update public.sales_orders set status = 'confirmed' where id = $1`, [mine.id])
    const late = await save(sales, 'sales', { id: mine.id }, [
      { item_id: co.items[0], quantity: '2', unit_price: '1' },
    ])
    expect(late.error?.code).toBe('TR650')
    expect((await linesOf(mine.id))[0].quantity).toBe('1.0000')
  })

  it('saves purchase orders for the buyer; the salesperson may not', async () => {
    const po = await save(buyer, 'purchase', { party_id: co.supplierId, expected_date: '2026-12-31' }, [
      { item_id: co.items[0], quantity: '10', unit_price: '8', tax_rate: '0.13' },
    ])
    expect(po.error).toBeNull()
    expect((await linesOf((po.data as Saved).id, 'purchase_order_lines')).length).toBe(1)
    const refused = await save(sales, 'purchase', { party_id: co.supplierId }, [])
    expect(refused.error).not.toBeNull()
  })
})

describe('save_voucher', () => {
  const accountant = () => co.accountant.db as Any
  async function plainAccounts(): Promise<string[]> {
    const { rows } = await db.query(
      `select id from public.accounts where tenant_id = $1 and is_leaf and active
         and coalesce(cardinality(auxiliary), 0) = 0 order by code limit 2`,
      [co.tenantId],
    )
    return rows.map((r) => r.id as string)
  }
  const voucherLines = async (id: string) =>
    (
      await db.query(
        'select line_no, debit::text, credit::text from public.voucher_lines where voucher_id = $1 order by line_no',
        [id],
      )
    ).rows

  it('saves a draft with its lines, edits it, and a refused line leaves it as it was; then posts', async () => {
    const [a, b] = await plainAccounts()
    const created = await save_voucher({ voucher_date: '2026-11-20', summary: '手工凭证' }, [
      { account_id: a, debit: '100.00' },
      { account_id: b, credit: '100.00' },
    ])
    expect(created.error).toBeNull()
    const v = created.data as { id: string; status: string; debit: string; credit: string }
    expect(v).toMatchObject({ status: 'draft', debit: '100.00', credit: '100.00' })

    const edited = await save_voucher({ id: v.id }, [
      { account_id: a, debit: '80.00' },
      { account_id: a, debit: '20.00' },
      { account_id: b, credit: '100.00' },
    ])
    expect(edited.error).toBeNull()
    const before = await voucherLines(v.id)
    expect(before).toHaveLength(3)

    const refused = await save_voucher({ id: v.id, summary: '不该保存' }, [
      { account_id: a, debit: '50.00' },
      { account_id: b, debit: '1.00', credit: '1.00' },
    ])
    expect(refused.error?.message).toMatch(/^lines\[1\]: /)
    expect(refused.error?.hint).toMatch(/debit/)
    expect(await voucherLines(v.id)).toEqual(before)
    const { rows } = await db.query('select summary from public.vouchers where id = $1', [v.id])
    expect(rows[0].summary).toBe('手工凭证')
    expect((await save_voucher({ id: v.id, status: 'posted' }, [])).error).toMatchObject({
      code: 'TR675',
      hint: 'status',
    })

    const posted = await accountant().rpc('post_voucher', { p_voucher: v.id })
    expect(posted.error).toBeNull()
    const late = await save_voucher({ id: v.id }, [{ account_id: a, debit: '1.00' }])
    expect(late.error).not.toBeNull()
    expect(await voucherLines(v.id)).toEqual(before)
  })

  function save_voucher(voucher: object, lines: unknown) {
    return accountant().rpc('save_voucher', { p_voucher: voucher, p_lines: lines })
  }
})

describe('approval requests of orders', () => {
  it('carry the order number and the customer as their title', async () => {
    const boss = await colleague(db, co.tenantId, 'admin', 'saveord-boss')
    await chain(co.ownerClient as never, co.tenantId, {
      doc_type: 'sales_order',
      name: '大额订单',
      min_amount: '50000',
      steps: [{ name: '老板审批', approvers: [person(boss.user.id)] }],
    })
    const saved = (
      await save(sales, 'sales', { party_id: co.customerId }, [
        { item_id: co.items[0], quantity: '1000', unit_price: '100' },
      ])
    ).data as Saved
    const confirmed = await sales.rpc('confirm_sales_order', { p_order_id: saved.id })
    expect(confirmed.error).toBeNull()
    expect(confirmed.data).toMatchObject({ status: 'submitted' })
    const inbox = await (boss.db as Any).rpc('approval_inbox', { p_box: 'pending' })
    expect(inbox.error).toBeNull()
    const task = (inbox.data as Array<{ doc_id: string; title: string }>).find((t) => t.doc_id === saved.id)
    expect(task?.title).toBe(`${saved.number} 客户乙`)
  })
})
