// OA requests and what other modules get from the engine: leave days, expense claims (lines, totals,
// final once approved), who reads a request (own, approvers waiting on it, finance, not colleagues),
// and assert_approved / assert_editable / is_pending_approver for documents of other modules.
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  approvalCompany,
  chain,
  leave,
  money,
  ok,
  person,
  refused,
  submit,
  taskOf,
} from './helpers/approvals.ts'
import { colleague } from './helpers/company.ts'
import { superuserDb } from './helpers/stack.ts'

let db: pg.Client
let co: Awaited<ReturnType<typeof approvalCompany>>
let accountant: Awaited<ReturnType<typeof colleague>>

beforeAll(async () => {
  db = await superuserDb()
  co = await approvalCompany('apoa', db, ['ann', 'bob', 'eve'])
  accountant = await colleague(db, co.tenantId, 'accountant', 'apoa-acct')
  const { bob } = co.members
  await chain(co.ownerClient, co.tenantId, {
    doc_type: 'expense_claim',
    steps: [{ name: 'Manager', approvers: [person(bob.user.id)] }],
  })
  await chain(co.ownerClient, co.tenantId, {
    doc_type: 'leave_request',
    steps: [{ name: 'Manager', approvers: [person(bob.user.id)] }],
  })
  await chain(co.ownerClient, co.tenantId, {
    doc_type: 'purchase_order',
    min_amount: '10000.00',
    steps: [{ name: 'Manager', approvers: [person(bob.user.id)] }],
  })
}, 60_000)

afterAll(async () => {
  await db?.end()
})

describe('leave requests', () => {
  it('counts working days, weekends excluded, half days allowed', async () => {
    const { ann } = co.members
    // 2026-12-04 is a Friday, 12-07 the Monday after.
    expect((await leave(ann, co.tenantId, { from: '2026-12-04', to: '2026-12-07' })).days).toBe(2)
    expect((await leave(ann, co.tenantId, { from: '2026-12-07', to: '2026-12-11' })).days).toBe(5)
    const half = ok(
      await ann.db
        .from('leave_requests')
        .insert({
          tenant_id: co.tenantId,
          leave_type: 'sick',
          starts_on: '2026-12-07',
          ends_on: '2026-12-08',
          start_half: true,
        })
        .select('days')
        .single(),
    )
    expect(half.days).toBe(1.5)
    const weekend = await ann.db.from('leave_requests').insert({
      tenant_id: co.tenantId,
      leave_type: 'annual',
      starts_on: '2026-12-05',
      ends_on: '2026-12-06',
    })
    refused(weekend, 'TR515')
    expect(weekend.error?.hint).toBe('starts_on')
    const backwards = await ann.db.from('leave_requests').insert({
      tenant_id: co.tenantId,
      leave_type: 'annual',
      starts_on: '2026-12-08',
      ends_on: '2026-12-07',
    })
    refused(backwards, 'TR515')
    expect(backwards.error?.hint).toBe('ends_on')
  })
})

describe('expense claims', () => {
  it('totals the lines, needs a line to submit, freezes under approval, stays final once approved', async () => {
    const { ann, bob } = co.members
    const claim = ok(
      await ann.db
        .from('expense_claims')
        .insert({ tenant_id: co.tenantId, title: 'Trip to Shenzhen' })
        .select('id, number')
        .single(),
    )
    expect(claim.number).toMatch(/^EXP-\d{6}-\d{4}$/)
    refused(await ann.db.rpc('submit_request', { p_doc_type: 'expense_claim', p_id: claim.id }), 'TR515')
    ok(
      await ann.db.from('expense_claim_lines').insert([
        {
          tenant_id: co.tenantId,
          claim_id: claim.id,
          category: '差旅费',
          amount: money('1090.00'),
          invoice_type: 'special',
          tax_amount: money('90.00'),
        },
        {
          tenant_id: co.tenantId,
          claim_id: claim.id,
          category: '餐费',
          amount: money('120.50'),
          invoice_type: 'ordinary',
          tax_amount: money('0.00'),
        },
      ]),
    )
    // Tax without an invoice is refused.
    refused(
      await ann.db.from('expense_claim_lines').insert({
        tenant_id: co.tenantId,
        claim_id: claim.id,
        category: '交通费',
        amount: money('10.00'),
        invoice_type: 'none',
        tax_amount: money('1.00'),
      }),
      '23514',
    )
    const before = ok(
      await ann.db.from('expense_claims').select('total_amount, total_tax').eq('id', claim.id).single(),
    )
    expect(before).toEqual({ total_amount: 1210.5, total_tax: 90 })

    const inst = await submit(ann, 'expense_claim', claim.id)
    refused(
      await ann.db
        .from('expense_claim_lines')
        .insert({ tenant_id: co.tenantId, claim_id: claim.id, category: '餐费', amount: money('1.00') }),
      'TR507',
    )
    refused(await ann.db.from('expense_claim_lines').delete().eq('claim_id', claim.id), 'TR507')
    const { rows } = await db.query('select facts from public.approval_instances where id = $1', [inst])
    expect(rows[0].facts).toMatchObject({ amount: 1210.5, title: 'Trip to Shenzhen' })
    expect(rows[0].facts.lines).toHaveLength(2)

    // The approver reads the claim and its lines though employees cannot read others' claims.
    expect(ok(await bob.db.from('expense_claims').select('id').eq('id', claim.id))).toHaveLength(1)
    expect(ok(await bob.db.from('expense_claim_lines').select('id').eq('claim_id', claim.id))).toHaveLength(2)
    expect(ok(await co.members.eve.db.from('expense_claims').select('id').eq('id', claim.id))).toHaveLength(0)
    expect(
      ok(await co.members.eve.db.from('expense_claim_lines').select('id').eq('claim_id', claim.id)),
    ).toHaveLength(0)

    await bob.db.rpc('approve_task', { p_task_id: await taskOf(bob, inst) })
    expect(ok(await ann.db.from('expense_claims').select('status').eq('id', claim.id).single()).status).toBe(
      'approved',
    )
    // Approval posted the claim (expense_claim template): 差旅费 without its special-invoice VAT, the VAT as
    // input tax, the ordinary-invoice meal under 管理费用-其他, all owed to the employee.
    const posted = await db.query(
      `select a.code, l.debit::text, l.credit::text from public.ledger_documents d
       join public.voucher_lines l on l.voucher_id = d.voucher_id join public.accounts a on a.id = l.account_id
       where d.tenant_id = $1 and d.doc_type = 'expense_claim' and d.payload ->> 'expense_claim_id' = $2
       order by l.line_no`,
      [co.tenantId, claim.id],
    )
    expect(posted.rows).toEqual([
      { code: '560203', debit: '1000.00', credit: '0.00' },
      { code: '560211', debit: '120.50', credit: '0.00' },
      { code: '22210101', debit: '90.00', credit: '0.00' },
      { code: '224101', debit: '0.00', credit: '1210.50' },
    ])
    refused(await ann.db.from('expense_claims').update({ title: 'changed' }).eq('id', claim.id), 'TR517')
    refused(
      await ann.db
        .from('expense_claim_lines')
        .update({ amount: money('1.00') })
        .eq('claim_id', claim.id),
      'TR517',
    )
    // Finance reads every claim.
    expect(ok(await accountant.db.from('expense_claims').select('id').eq('id', claim.id))).toHaveLength(1)
  })

  it('an approver who acted still reads the request; one who was never asked does not', async () => {
    const { ann, bob, eve } = co.members
    const lv = await leave(ann, co.tenantId)
    const inst = await submit(ann, 'leave_request', lv.id)
    expect(ok(await eve.db.from('leave_requests').select('id').eq('id', lv.id))).toHaveLength(0)
    expect(ok(await eve.db.from('approval_instances').select('id').eq('id', inst))).toHaveLength(0)
    await bob.db.rpc('approve_task', { p_task_id: await taskOf(bob, inst) })
    expect(ok(await bob.db.from('leave_requests').select('id').eq('id', lv.id))).toHaveLength(1)
    expect(ok(await bob.db.from('approval_instances').select('status').eq('id', inst).single()).status).toBe(
      'approved',
    )
  })
})

describe('for other modules: assert_approved, assert_editable, is_pending_approver', () => {
  /** Runs the app_private helpers as superuser, with a caller's claims where needed. */
  async function call(sql: string, params: unknown[], asUser?: string) {
    await db.query('begin')
    try {
      if (asUser)
        await db.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify({ sub: asUser })])
      const r = await db.query(sql, params)
      await db.query('commit')
      return { rows: r.rows, error: null as null | { code: string; message: string } }
    } catch (e) {
      await db.query('rollback')
      return { rows: [], error: e as { code: string; message: string } }
    }
  }

  it('a purchase order above the threshold needs approval, then again once its facts change', async () => {
    const { ann, bob, eve } = co.members
    const po = crypto.randomUUID()
    const facts = { amount: 25000.0, party_id: null, title: 'PO 1' }
    const assertApproved = (f: unknown) =>
      call('select app_private.assert_approved($1, $2, $3, $4)', [
        co.tenantId,
        'purchase_order',
        po,
        JSON.stringify(f),
      ])
    // Below the threshold nothing is needed; above it, approval is.
    expect((await assertApproved({ ...facts, amount: 500 })).error).toBeNull()
    expect((await assertApproved(facts)).error?.code).toBe('TR505')

    const submitted = await call('select app_private.submit_approval($1, $2, $3, $4, $5) as id', [
      co.tenantId,
      'purchase_order',
      po,
      JSON.stringify(facts),
      ann.user.id,
    ])
    const inst = submitted.rows[0].id as string
    expect(
      (await call('select app_private.assert_editable($1, $2, $3)', [co.tenantId, 'purchase_order', po]))
        .error?.code,
    ).toBe('TR507')
    expect((await assertApproved(facts)).error?.code).toBe('TR505')
    const pending = (who: string) =>
      call(
        'select app_private.is_pending_approver($1, $2, $3) as yes',
        [co.tenantId, 'purchase_order', po],
        who,
      )
    expect((await pending(bob.user.id)).rows[0].yes).toBe(true)
    expect((await pending(eve.user.id)).rows[0].yes).toBe(false)

    await bob.db.rpc('approve_task', { p_task_id: await taskOf(bob, inst) })
    expect((await pending(bob.user.id)).rows[0].yes).toBe(false)
    expect((await assertApproved(facts)).error).toBeNull()
    // The same facts written with another scale (as a numeric(18,2) column gives them) are the same facts.
    const scaled = await call('select app_private.assert_approved($1, $2, $3, $4::jsonb)', [
      co.tenantId,
      'purchase_order',
      po,
      '{"title": "PO 1", "amount": 25000.00, "party_id": null}',
    ])
    expect(scaled.error).toBeNull()
    expect(
      (await call('select app_private.assert_editable($1, $2, $3)', [co.tenantId, 'purchase_order', po]))
        .error,
    ).toBeNull()
    const changed = await assertApproved({ ...facts, amount: 26000 })
    expect(changed.error?.code).toBe('TR506')
    expect((await assertApproved({ ...facts, title: 'PO 1 (edited)' })).error?.code).toBe('TR506')
    // A company that requires approval without a chain: the small order needs one too.
    await db.query(
      'update public.approval_settings set require_approval_without_chain = true where tenant_id = $1',
      [co.tenantId],
    )
    try {
      expect((await assertApproved({ ...facts, amount: 500 })).error?.code).toBe('TR506')
      const fresh = crypto.randomUUID()
      const small = await call('select app_private.assert_approved($1, $2, $3, $4)', [
        co.tenantId,
        'purchase_order',
        fresh,
        JSON.stringify({ amount: 500 }),
      ])
      expect(small.error?.code).toBe('TR505')
    } finally {
      await db.query(
        'update public.approval_settings set require_approval_without_chain = false where tenant_id = $1',
        [co.tenantId],
      )
    }
    // Unknown types are refused.
    expect(
      (await call('select app_private.assert_approved($1, $2, $3, $4)', [co.tenantId, 'nope', po, '{}']))
        .error?.code,
    ).toBe('TR501')
  })
})
