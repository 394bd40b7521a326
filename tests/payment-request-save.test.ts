// save_payment_request: a payment request with the bills it settles in one call, as the buyer calls
// it from the entry screen. A new draft with its bills; an edit that replaces them; a refused line (more
// than is open on the bill, a bill of another supplier) that names itself and leaves the request as it
// was; bills above the amount; a submitted request; and people without the right.
import type { SupabaseClient } from '@supabase/supabase-js'
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { colleague } from './helpers/company.ts'
import { ledgerCompany, mustPost, shanghaiToday } from './helpers/ledger.ts'
import { superuserDb } from './helpers/stack.ts'

type Any = SupabaseClient
type Saved = { id: string; number: string; status: string; amount: string; allocated: string }
let db: pg.Client
let co: Awaited<ReturnType<typeof ledgerCompany>>
let buyer: Any
let otherSupplier: string
const today = shanghaiToday()
let n = 0
const key = () => `prq-save-${process.pid}-${n++}-${Date.now()}`

const save = (c: Any, request: object, lines: unknown) =>
  c.rpc('save_payment_request', { p_request: request, p_lines: lines })

/** Receives goods and posts the supplier's bill; returns the bill's open payable. */
async function bill(supplierId: string, quantity: string, price: string): Promise<string> {
  const rec = await mustPost(co.warehouse.db, 'purchase_receipt', key(), {
    date: today,
    supplier_id: supplierId,
    lines: [{ item_id: co.items[0], quantity, unit_cost: price }],
  })
  const receiptLine = (
    await db.query('select id from public.ledger_document_lines where document_id = $1', [rec.document_id])
  ).rows[0].id
  const posted = await mustPost(co.accountant.db, 'supplier_bill', key(), {
    date: today,
    supplier_id: supplierId,
    tax_inclusive: true,
    lines: [{ receipt_line_id: receiptLine, quantity, unit_price: price }],
  })
  return (await db.query('select id from public.open_items where source_id = $1', [posted.document_id]))
    .rows[0].id
}

async function state(id: string) {
  const head = await db.query(
    'select amount::text, note, status::text, party_id from public.payment_requests where id = $1',
    [id],
  )
  const lines = await db.query(
    `select id, line_no, open_item_id, amount::text from public.payment_request_lines
     where request_id = $1 order by line_no`,
    [id],
  )
  return { head: head.rows[0], lines: lines.rows }
}

let billA: string // 113.00 open
let billB: string // 226.00 open
let billOther: string // of the other supplier

beforeAll(async () => {
  db = await superuserDb()
  co = await ledgerCompany(db, 'prqsave')
  buyer = (await colleague(db, co.tenantId, 'purchasing', 'prqsave-buyer')).db as Any
  otherSupplier = (
    await db.query(
      `insert into public.parties (tenant_id, code, name, is_supplier) values ($1, 'S002', '供应商丙', true)
       returning id`,
      [co.tenantId],
    )
  ).rows[0].id
  billA = await bill(co.supplierId, '1', '113.00')
  billB = await bill(co.supplierId, '2', '113.00')
  billOther = await bill(otherSupplier, '1', '50.00')
})
afterAll(async () => {
  await db?.end()
})

describe('save_payment_request', () => {
  it('saves a draft with its bills in one call; money comes back as text', async () => {
    const { data, error } = await save(
      buyer,
      { party_id: co.supplierId, amount: '339.00', pay_by: '2026-12-31', note: '货款' },
      [
        { open_item_id: billA, amount: '113.00' },
        { open_item_id: billB, amount: '226.00' },
      ],
    )
    expect(error).toBeNull()
    const saved = data as Saved
    expect(saved).toMatchObject({ status: 'draft', amount: '339.00', allocated: '339.00' })
    expect(saved.number).toMatch(/^PRQ-\d{6}-\d{4}$/)
    const s = await state(saved.id)
    expect(s.lines.map((l) => [l.line_no, l.open_item_id, l.amount])).toEqual([
      [1, billA, '113.00'],
      [2, billB, '226.00'],
    ])
  })

  it('an edit replaces the lines: kept, changed, new and dropped', async () => {
    const first = (
      await save(buyer, { party_id: co.supplierId, amount: '200.00' }, [
        { open_item_id: billA, amount: '100.00' },
      ])
    ).data as Saved
    const [a] = (await state(first.id)).lines
    const { data, error } = await save(buyer, { id: first.id, amount: '250.00', note: '改过' }, [
      { open_item_id: billB, amount: '200.00' },
      { id: a.id, open_item_id: billA, amount: '50.00' },
    ])
    expect(error).toBeNull()
    expect(data).toMatchObject({ id: first.id, amount: '250.00', allocated: '250.00' })
    const after = await state(first.id)
    expect(after.head).toMatchObject({ amount: '250.00', note: '改过' })
    expect(after.lines.map((l) => [l.line_no, l.open_item_id, l.amount])).toEqual([
      [1, billB, '200.00'],
      [2, billA, '50.00'],
    ])
    expect(after.lines[1].id).toBe(a.id)
    // an empty list drops every bill: the whole amount becomes a prepayment
    expect((await save(buyer, { id: first.id }, [])).error).toBeNull()
    expect((await state(first.id)).lines).toEqual([])
  })

  it('a refused line names itself and leaves the request as it was; a new one leaves nothing', async () => {
    const first = (
      await save(buyer, { party_id: co.supplierId, amount: '120.00', note: '原样' }, [
        { open_item_id: billA, amount: '100.00' },
      ])
    ).data as Saved
    const before = await state(first.id)

    // more than is open on the bill
    const tooMuch = await save(buyer, { id: first.id, amount: '500.00', note: '不该保存' }, [
      { id: before.lines[0].id, open_item_id: billA, amount: '10.00' },
      { open_item_id: billB, amount: '300.00' },
    ])
    expect(tooMuch.error).toMatchObject({ code: 'TR664', hint: 'amount' })
    expect(tooMuch.error?.message).toMatch(/^lines\[1\]: 300\.00 is more than the 226\.00 still open/)
    expect(await state(first.id)).toEqual(before)

    // a bill of another supplier
    const foreign = await save(buyer, { id: first.id }, [{ open_item_id: billOther, amount: '1.00' }])
    expect(foreign.error).toMatchObject({ code: 'TR664', hint: 'open_item_id' })
    expect(foreign.error?.message).toMatch(/^lines\[0\]: not an open payable/)
    expect(await state(first.id)).toEqual(before)

    // the same bill twice
    const twice = await save(buyer, { id: first.id }, [
      { open_item_id: billA, amount: '1.00' },
      { open_item_id: billA, amount: '2.00' },
    ])
    expect(twice.error?.message).toMatch(/^lines\[1\]: /)
    expect(await state(first.id)).toEqual(before)

    // bills above the amount
    const over = await save(buyer, { id: first.id, amount: '50.00' }, [
      { open_item_id: billA, amount: '100.00' },
    ])
    expect(over.error).toMatchObject({ code: 'TR664', hint: 'amount' })
    expect(await state(first.id)).toEqual(before)

    // fields people may not write
    const status = await save(buyer, { id: first.id, status: 'approved' }, [])
    expect(status.error).toMatchObject({ code: 'TR675', hint: 'status' })
    expect(await state(first.id)).toEqual(before)

    const count = async () =>
      Number(
        (await db.query('select count(*) from public.payment_requests where tenant_id = $1', [co.tenantId]))
          .rows[0].count,
      )
    const k = await count()
    const refused = await save(buyer, { party_id: co.supplierId, amount: '10.00' }, [
      { open_item_id: billOther, amount: '10.00' },
    ])
    expect(refused.error?.message).toMatch(/^lines\[0\]: /)
    expect(await count()).toBe(k)
  })

  it('a submitted request cannot be saved, nor a cancelled one', async () => {
    await db.query(
      `update public.approval_chains set active = false where tenant_id = $1 and doc_type = 'supplier_payment'`,
      [co.tenantId],
    )
    const first = (
      await save(buyer, { party_id: co.supplierId, amount: '30.00' }, [
        { open_item_id: billA, amount: '30.00' },
      ])
    ).data as Saved
    const submitted = await buyer.rpc('submit_payment_request', { p_request_id: first.id })
    expect(submitted.error).toBeNull()
    const before = await state(first.id)
    expect(before.head.status).not.toBe('draft')
    const same = await save(buyer, { id: first.id }, [
      { id: before.lines[0].id, open_item_id: billA, amount: '30.00' },
    ])
    expect(same.error).toMatchObject({ code: 'TR665', hint: 'status' })
    const changed = await save(buyer, { id: first.id, note: '晚了' }, [])
    expect(changed.error).toMatchObject({ code: 'TR665', hint: 'status' })
    expect(await state(first.id)).toEqual(before)

    const second = (await save(buyer, { party_id: co.supplierId, amount: '5.00' }, [])).data as Saved
    expect((await buyer.rpc('cancel_payment_request', { p_request_id: second.id })).error).toBeNull()
    expect((await save(buyer, { id: second.id, note: 'x' }, [])).error).toMatchObject({ code: 'TR665' })
  })

  it('people without the right cannot save: not the salesperson, and the cashier only reads', async () => {
    const sales = co.sales.db as Any
    const k = (
      await db.query('select count(*) from public.payment_requests where tenant_id = $1', [co.tenantId])
    ).rows[0].count
    const bySales = await save(sales, { party_id: co.supplierId, amount: '10.00' }, [])
    expect(bySales.error).not.toBeNull()
    const byCashier = await save(co.cashier.db as Any, { party_id: co.supplierId, amount: '10.00' }, [
      { open_item_id: billA, amount: '10.00' },
    ])
    expect(byCashier.error).not.toBeNull()
    // a draft of the buyer, changed by the cashier: refused, unchanged
    const mine = (
      await save(buyer, { party_id: co.supplierId, amount: '10.00', note: '买手的' }, [
        { open_item_id: billA, amount: '10.00' },
      ])
    ).data as Saved
    const before = await state(mine.id)
    const change = await save(co.cashier.db as Any, { id: mine.id, note: '出纳改' }, [])
    expect(change.error).not.toBeNull()
    expect(await state(mine.id)).toEqual(before)
    expect(
      Number(
        (await db.query('select count(*) from public.payment_requests where tenant_id = $1', [co.tenantId]))
          .rows[0].count,
      ),
    ).toBe(Number(k) + 1)
  })

  it('the entry screen’s reads work through PostgREST: open bills, claims of other requests, the list', async () => {
    const claimed = (
      await save(buyer, { party_id: co.supplierId, amount: '7.00' }, [
        { open_item_id: billB, amount: '7.00' },
      ])
    ).data as Saved
    expect((await buyer.rpc('submit_payment_request', { p_request_id: claimed.id })).error).toBeNull()
    // open bills of the supplier (as usePaymentRequest.ts asks), plus a bill a request names
    const bills = await buyer
      .from('open_items')
      .select('id, kind, outstanding:outstanding::text')
      .eq('party_id', co.supplierId)
      .or(`and(outstanding.lt.0,kind.neq.prepayment),id.in.(${billOther})`)
    expect(bills.error).toBeNull()
    expect((bills.data ?? []).map((b) => b.id).sort()).toEqual([billA, billB].sort())
    // what requests under approval or approved claim, other than the one on screen
    const claims = await buyer
      .from('payment_request_lines')
      .select('open_item_id, request_id, amount:amount::text, payment_requests!inner(number, status)')
      .in('open_item_id', [billA, billB])
      .in('payment_requests.status', ['pending', 'approved'])
      .neq('request_id', '00000000-0000-4000-8000-000000000000')
    expect(claims.error).toBeNull()
    expect(claims.data?.find((c) => c.request_id === claimed.id)).toMatchObject({
      open_item_id: billB,
      amount: '7.00',
      payment_requests: { number: claimed.number },
    })
    // one request per line: PostgREST embeds an object (the generated types say an array)
    const rows = (claims.data ?? []) as unknown as Array<{ payment_requests: { status: string } }>
    expect(rows.every((c) => ['pending', 'approved'].includes(c.payment_requests.status))).toBe(true)
    // the list: paged, filtered by status and supplier, with the supplier's name
    const list = await buyer
      .from('payment_requests')
      .select('id, number, amount:amount::text, status, parties(name)', { count: 'exact' })
      .eq('party_id', co.supplierId)
      .eq('status', 'draft')
      .order('request_date', { ascending: false })
      .range(0, 1)
    expect(list.error).toBeNull()
    expect(list.data).toHaveLength(2)
    expect(list.count).toBeGreaterThan(2)
    expect(list.data?.[0]).toMatchObject({ status: 'draft', parties: { name: '供应商甲' } })
  })

  it('a bill is not asked for twice: submission counts the requests under approval or approved', async () => {
    await db.query(
      `update public.approval_chains set active = false where tenant_id = $1 and doc_type = 'supplier_payment'`,
      [co.tenantId],
    )
    const billC = await bill(co.supplierId, '1', '113.00')
    const draft = async (amount: string) =>
      (await save(buyer, { party_id: co.supplierId, amount }, [{ open_item_id: billC, amount }]))
        .data as Saved
    const submit = (r: Saved) => buyer.rpc('submit_payment_request', { p_request_id: r.id })
    const first = await draft('100.00')
    const second = await draft('20.00') // drafts may overlap
    const third = await draft('13.00')
    expect((await submit(first)).error).toBeNull()
    const refused = await submit(second)
    expect(refused.error).toMatchObject({ code: 'TR664', hint: 'lines[0].amount' })
    expect(refused.error?.message).toContain(first.number)
    expect(refused.error?.message).toContain('113.00')
    expect((await state(second.id)).head.status).toBe('draft')
    // what is left (13.00) may still be asked for
    expect((await submit(third)).error).toBeNull()
    expect((await state(third.id)).head.status).not.toBe('draft')
  })
})
