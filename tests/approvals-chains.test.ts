// Chains as data: which chain a document gets (amount ranges, department subtree, party, conditions,
// the most specific wins), who its approvers are (people, roles, managers N levels up), the snapshot
// taken at submission, companies that require a chain, and who may configure chains.
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  approvalCompany,
  chain,
  department,
  leave,
  money,
  ok,
  person,
  refused,
  request,
  statusOf,
  submit,
} from './helpers/approvals.ts'
import { superuserDb } from './helpers/stack.ts'

let db: pg.Client
let co: Awaited<ReturnType<typeof approvalCompany>>
let sales: string
let salesEast: string

/** Name of the chain a submission took, and its resolved approvers per step. */
async function took(instanceId: string) {
  const { rows } = await db.query(
    `select c.name, array(select s.assignees from public.approval_instance_steps s
       where s.instance_id = i.id order by s.position) as steps
     from public.approval_instances i left join public.approval_chains c on c.id = i.chain_id where i.id = $1`,
    [instanceId],
  )
  return rows[0] as { name: string | null; steps: string[][] }
}

beforeAll(async () => {
  db = await superuserDb()
  co = await approvalCompany('apchain', db, ['ann', 'boss', 'vp', 'hr', 'fin', 'eve'])
  const { ann, boss, vp, eve } = co.members
  // vp manages Sales; boss manages Sales East (under Sales); ann and eve work in Sales East.
  sales = await department(co.ownerClient, co.tenantId, 'Sales', { manager: vp.user.id })
  salesEast = await department(
    co.ownerClient,
    co.tenantId,
    'Sales East',
    { parent: sales, manager: boss.user.id, members: [ann.user.id, eve.user.id] },
    db,
  )
  await db.query('update public.memberships set department_id = $3 where tenant_id = $1 and user_id = $2', [
    co.tenantId,
    boss.user.id,
    salesEast,
  ])
}, 60_000)

afterAll(async () => {
  await db?.end()
})

describe('choosing the chain', () => {
  it('picks by amount range, department subtree, conditions; the most specific wins; none: approved at once', async () => {
    const { ann, hr, fin, vp } = co.members
    await chain(co.ownerClient, co.tenantId, {
      doc_type: 'general_request',
      name: 'small',
      max_amount: '1000.00',
      steps: [{ name: 'HR', approvers: [person(hr.user.id)] }],
    })
    await chain(co.ownerClient, co.tenantId, {
      doc_type: 'general_request',
      name: 'large',
      min_amount: '1000.00',
      steps: [{ name: 'Finance', approvers: [person(fin.user.id)] }],
    })
    await chain(co.ownerClient, co.tenantId, {
      doc_type: 'general_request',
      name: 'large sales',
      min_amount: '1000.00',
      department_id: sales,
      steps: [{ name: 'VP', approvers: [person(vp.user.id)] }],
    })
    await chain(co.ownerClient, co.tenantId, {
      doc_type: 'general_request',
      name: 'large sales laptops',
      min_amount: '1000.00',
      department_id: sales,
      conditions: [{ field: 'item', op: 'in', value: ['laptop', 'phone'] }],
      steps: [{ name: 'Finance', approvers: [person(fin.user.id)] }],
    })
    // Amount below 1000: small; exactly 1000 is in [1000, ∞); ann is in a sub-department of Sales.
    const small = await request(ann, co.tenantId, { amount: '999.99' })
    expect((await took(await submit(ann, 'general_request', small.id))).name).toBe('small')
    const large = await request(ann, co.tenantId, { amount: '1000.00' })
    expect((await took(await submit(ann, 'general_request', large.id))).name).toBe('large sales')
    const laptop = await request(ann, co.tenantId, { amount: '5000', form: { item: 'laptop' } })
    expect((await took(await submit(ann, 'general_request', laptop.id))).name).toBe('large sales laptops')
    // hr is in no department: the department chain does not apply.
    const hrs = await request(hr, co.tenantId, { amount: '5000' })
    expect((await took(await submit(hr, 'general_request', hrs.id))).name).toBe('large')
    // No amount at all: no chain with bounds applies, and nothing else matches: approved at once.
    const none = await request(ann, co.tenantId, {})
    const inst = await submit(ann, 'general_request', none.id)
    expect(await took(inst)).toEqual({ name: null, steps: [] })
    expect((await statusOf(db, inst)).status).toBe('approved')
    expect(ok(await ann.db.from('general_requests').select('status').eq('id', none.id).single()).status).toBe(
      'approved',
    )
  })

  it('previews the route before submitting', async () => {
    const { ann, fin } = co.members
    const route = ok(
      await ann.db.rpc('approval_preview', {
        p_doc_type: 'general_request',
        p_facts: { amount: 5000, item: 'laptop' } as never,
      }),
    )
    expect(route).toHaveLength(1)
    expect(route[0]).toMatchObject({
      chain_name: 'large sales laptops',
      step_no: 1,
      step_name: 'Finance',
      approvers: [fin.user.id],
      approver_names: ['fin'],
    })
    // The department in the facts is the caller's own, whatever they send.
    const other = ok(
      await co.members.hr.db.rpc('approval_preview', {
        p_doc_type: 'general_request',
        p_facts: { amount: 5000, item: 'laptop', department_id: sales } as never,
      }),
    )
    expect(other[0].chain_name).toBe('large')
    expect(ok(await ann.db.rpc('approval_preview', { p_doc_type: 'general_request' }))).toEqual([])
  })

  it('the department a request is judged by is the requester’s, not one they pick', async () => {
    const { ann, hr } = co.members
    const r = await request(ann, co.tenantId, {})
    expect(r.department_id).toBe(salesEast)
    refused(
      await hr.db
        .from('general_requests')
        .insert({ tenant_id: co.tenantId, title: 'x', department_id: sales } as never),
      '42501',
    )
    refused(
      await ann.db
        .from('general_requests')
        .update({ department_id: null } as never)
        .eq('id', r.id),
      '42501',
    )
  })

  it('a company that requires approval refuses documents no chain matches', async () => {
    const { ann } = co.members
    ok(
      await co.ownerClient
        .from('approval_settings')
        .update({ require_approval_without_chain: true })
        .eq('tenant_id', co.tenantId),
    )
    try {
      const r = await request(ann, co.tenantId, {})
      refused(await ann.db.rpc('submit_request', { p_doc_type: 'general_request', p_id: r.id }), 'TR503')
      expect(ok(await ann.db.from('general_requests').select('status').eq('id', r.id).single()).status).toBe(
        'draft',
      )
    } finally {
      await db.query(
        'update public.approval_settings set require_approval_without_chain = false where tenant_id = $1',
        [co.tenantId],
      )
    }
  })

  it('conditions are validated data, never code', async () => {
    const bad = [
      { field: 'x; drop table', op: 'eq', value: 1 },
      { field: 'x', op: 'matches', value: 'a' },
      { field: 'x', op: 'in', value: 'a' },
      { field: 'x', op: 'eq', value: { nested: true } },
      { field: 'x', op: 'eq', value: 1, sql: 'select 1' },
    ]
    for (const c of bad) {
      const r = await co.ownerClient.from('approval_chains').insert({
        tenant_id: co.tenantId,
        doc_type: 'general_request',
        name: 'bad',
        conditions: [c] as never,
      })
      refused(r, 'TR500')
      expect(r.error?.hint).toBe('conditions')
    }
  })
})

describe('resolving approvers', () => {
  it('department manager, manager two levels up, a role; the requester managing their own department skips to the next', async () => {
    const { ann, boss, vp, fin } = co.members
    const { rows } = await db.query(
      `select id from public.roles where tenant_id = $1 and key = 'accountant'`,
      [co.tenantId],
    )
    await db.query(`insert into public.membership_roles (tenant_id, user_id, role_id) values ($1, $2, $3)`, [
      co.tenantId,
      fin.user.id,
      rows[0].id,
    ])
    await chain(co.ownerClient, co.tenantId, {
      doc_type: 'leave_request',
      steps: [
        { name: 'Manager', approvers: [{ kind: 'department_manager' }] },
        { name: 'Manager 2 up', approvers: [{ kind: 'manager_up', levels: 2 }] },
        { name: 'Accounting', approvers: [{ kind: 'role', role_id: rows[0].id }] },
      ],
    })
    const lv = await leave(ann, co.tenantId)
    expect((await took(await submit(ann, 'leave_request', lv.id))).steps).toEqual([
      [boss.user.id],
      [vp.user.id],
      [fin.user.id],
    ])
    // boss manages Sales East himself: his manager is vp, and nobody is above vp.
    const own = await leave(boss, co.tenantId)
    refused(await boss.db.rpc('submit_request', { p_doc_type: 'leave_request', p_id: own.id }), 'TR502')
  })

  it('snapshots the chain: editing it later does not change a running approval', async () => {
    const { eve, hr, fin } = co.members
    const id = await chain(co.ownerClient, co.tenantId, {
      doc_type: 'seal_request',
      steps: [{ name: 'HR', approvers: [person(hr.user.id)] }],
    })
    const seal = ok(
      await eve.db
        .from('seal_requests')
        .insert({
          tenant_id: co.tenantId,
          title: 'NDA with ACME',
          seal_type: 'contract',
          contract_amount: money('0.00'),
        })
        .select('id')
        .single(),
    )
    const inst = await submit(eve, 'seal_request', seal.id)
    const { rows } = await db.query('select id from public.approval_chain_steps where chain_id = $1', [id])
    ok(
      await co.ownerClient
        .from('approval_step_approvers')
        .update({ user_id: fin.user.id })
        .eq('step_id', rows[0].id),
    )
    ok(await co.ownerClient.from('approval_chain_steps').update({ name: 'Renamed' }).eq('id', rows[0].id))
    const t = await took(inst)
    expect(t.steps).toEqual([[hr.user.id]])
    const snap = await db.query('select chain_snapshot from public.approval_instances where id = $1', [inst])
    expect(snap.rows[0].chain_snapshot.steps[0]).toMatchObject({ name: 'HR', resolved: [hr.user.id] })
  })
})

describe('who configures', () => {
  it('members read chains; only those with approval_chains rights write them; companies add their own types', async () => {
    const { ann } = co.members
    const mine = await ann.db.from('approval_chains').select('id')
    expect(ok(mine).length).toBeGreaterThan(0)
    refused(
      await ann.db
        .from('approval_chains')
        .insert({ tenant_id: co.tenantId, doc_type: 'general_request', name: 'x' }),
      '42501',
    )
    // A company's own type: generic requests of that type get their own chain.
    ok(
      await co.ownerClient
        .from('approval_doc_types')
        .insert({ tenant_id: co.tenantId, doc_type: 'business_trip', name: '出差申请' }),
    )
    await chain(co.ownerClient, co.tenantId, {
      doc_type: 'business_trip',
      name: 'trips',
      steps: [{ name: 'HR', approvers: [person(co.members.hr.user.id)] }],
    })
    const trip = await request(ann, co.tenantId, { doc_type: 'business_trip', title: 'Shanghai' })
    const inst = await submit(ann, 'business_trip', trip.id)
    expect((await took(inst)).name).toBe('trips')
    expect(ok(await ann.db.from('general_requests').select('status').eq('id', trip.id).single()).status).toBe(
      'pending',
    )
    // Built-in types stay.
    refused(
      await co.ownerClient
        .from('approval_doc_types')
        .delete()
        .eq('tenant_id', co.tenantId)
        .eq('doc_type', 'leave_request'),
      'TR501',
    )
  })
})

describe('templates', () => {
  it('a new company comes with inactive chain templates that an administrator switches on', async () => {
    const { eve, boss } = co.members
    const { rows } = await db.query(
      `select doc_type, active from public.approval_chains where tenant_id = $1 and name like '%(模板)' order by doc_type`,
      [co.tenantId],
    )
    expect(rows.map((r) => r.doc_type)).toEqual([
      'expense_claim',
      'general_request',
      'leave_request',
      'purchase_order',
      'sales_order',
      'seal_request',
      'supplier_payment',
    ])
    expect(rows.every((r) => r.active === false)).toBe(true)
    // Switched on, the expense template sends eve's claim to her department manager, then to accounting.
    const claim = ok(
      await eve.db
        .from('expense_claims')
        .insert({ tenant_id: co.tenantId, title: 'Taxi' })
        .select('id')
        .single(),
    )
    ok(
      await eve.db.from('expense_claim_lines').insert({
        tenant_id: co.tenantId,
        claim_id: claim.id,
        category: '交通费',
        amount: money('35.00'),
        tax_amount: money('0.00'),
      }),
    )
    ok(
      await co.ownerClient
        .from('approval_chains')
        .update({ active: true })
        .eq('tenant_id', co.tenantId)
        .eq('name', '费用报销审批 (模板)'),
    )
    try {
      const inst = await submit(eve, 'expense_claim', claim.id)
      const t = await took(inst)
      expect(t.name).toBe('费用报销审批 (模板)')
      expect(t.steps[0]).toEqual([boss.user.id])
      expect(t.steps[1]).toContain(co.members.fin.user.id)
    } finally {
      await db.query(
        `update public.approval_chains set active = false where tenant_id = $1 and name like '%(模板)'`,
        [co.tenantId],
      )
    }
  })
})
