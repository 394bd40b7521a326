// Delegation (代理审批): a substitute acts on a person's tasks inside the date window (and document types)
// the person chose, "on behalf of" them in the task and the history; outside it, not at all.
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { approvalCompany, chain, leave, ok, person, refused, submit } from './helpers/approvals.ts'
import { shanghaiDay } from './helpers/ledger.ts'
import { superuserDb } from './helpers/stack.ts'

let db: pg.Client
let co: Awaited<ReturnType<typeof approvalCompany>>

beforeAll(async () => {
  db = await superuserDb()
  co = await approvalCompany('apdel', db, ['ann', 'bob', 'dan', 'eve'])
  await chain(co.ownerClient, co.tenantId, {
    doc_type: 'leave_request',
    steps: [{ name: 'Manager', approvers: [person(co.members.bob.user.id)] }],
  })
}, 60_000)

afterAll(async () => {
  await db?.end()
})

async function delegate(fields: {
  substitute_id: string
  starts_on: string
  ends_on: string
  doc_types?: string[]
}) {
  return ok(
    await co.members.bob.db
      .from('approval_delegations')
      .insert({ tenant_id: co.tenantId, ...fields })
      .select('id')
      .single(),
    'delegation',
  ).id
}

async function bobsTask(instanceId: string): Promise<string> {
  const { rows } = await db.query(
    `select id from public.approval_tasks where instance_id = $1 and assignee_id = $2 and status = 'pending'`,
    [instanceId, co.members.bob.user.id],
  )
  return rows[0].id
}

describe('delegation windows', () => {
  it('the substitute sees and decides the task on behalf of the approver, inside the window', async () => {
    const { ann, bob, dan } = co.members
    const id = await delegate({
      substitute_id: dan.user.id,
      starts_on: shanghaiDay(-1),
      ends_on: shanghaiDay(1),
    })
    try {
      const lv = await leave(ann, co.tenantId)
      const inst = await submit(ann, 'leave_request', lv.id)
      const inbox = ok(await dan.db.rpc('approval_inbox', { p_box: 'pending' }))
      const mine = inbox.find((t) => t.instance_id === inst)
      expect(mine).toMatchObject({ on_behalf_of: bob.user.id })
      // The substitute reads the request waiting for them.
      expect(ok(await dan.db.from('leave_requests').select('id').eq('id', lv.id))).toHaveLength(1)
      expect(
        ok(await dan.db.rpc('approve_task', { p_task_id: mine?.task_id as string, p_comment: 'for Bob' })),
      ).toBe('approved')
      const task = ok(
        await bob.db
          .from('approval_tasks')
          .select('status, acted_by, on_behalf_of')
          .eq('instance_id', inst)
          .single(),
      )
      expect(task).toEqual({ status: 'approved', acted_by: dan.user.id, on_behalf_of: bob.user.id })
      const history = ok(
        await ann.db
          .from('approval_actions')
          .select('action, actor_id, on_behalf_of')
          .eq('instance_id', inst)
          .order('id'),
      )
      expect(history.at(-1)).toEqual({ action: 'approved', actor_id: dan.user.id, on_behalf_of: bob.user.id })
      // Both show in the substitute's done box.
      expect(ok(await dan.db.rpc('approval_inbox', { p_box: 'done' })).map((t) => t.instance_id)).toContain(
        inst,
      )
    } finally {
      await db.query('delete from public.approval_delegations where id = $1', [id])
    }
  })

  it('before or after the window, or for other document types, the substitute cannot act', async () => {
    const { ann, dan } = co.members
    const lv = await leave(ann, co.tenantId)
    const inst = await submit(ann, 'leave_request', lv.id)
    const task = await bobsTask(inst)
    const windows = [
      { starts_on: shanghaiDay(1), ends_on: shanghaiDay(3) },
      { starts_on: shanghaiDay(-5), ends_on: shanghaiDay(-1) },
      { starts_on: shanghaiDay(-1), ends_on: shanghaiDay(1), doc_types: ['expense_claim'] },
    ]
    for (const w of windows) {
      const id = await delegate({ substitute_id: dan.user.id, ...w })
      try {
        refused(await dan.db.rpc('approve_task', { p_task_id: task }), 'TR508')
        expect(
          ok(await dan.db.rpc('approval_inbox', { p_box: 'pending' })).map((t) => t.instance_id),
        ).not.toContain(inst)
      } finally {
        await db.query('delete from public.approval_delegations where id = $1', [id])
      }
    }
    // Named for leave requests and today: allowed.
    const id = await delegate({
      substitute_id: dan.user.id,
      starts_on: shanghaiDay(0),
      ends_on: shanghaiDay(0),
      doc_types: ['leave_request'],
    })
    try {
      expect(ok(await dan.db.rpc('approve_task', { p_task_id: task }))).toBe('approved')
    } finally {
      await db.query('delete from public.approval_delegations where id = $1', [id])
    }
  })

  it('a requester standing in for their approver still cannot approve their own request', async () => {
    const { ann } = co.members
    const lv = await leave(ann, co.tenantId)
    const inst = await submit(ann, 'leave_request', lv.id)
    const id = await delegate({
      substitute_id: ann.user.id,
      starts_on: shanghaiDay(0),
      ends_on: shanghaiDay(0),
    })
    try {
      refused(await ann.db.rpc('approve_task', { p_task_id: await bobsTask(inst) }), 'TR510')
    } finally {
      await db.query('delete from public.approval_delegations where id = $1', [id])
    }
  })

  it('people name only their own substitutes, with valid dates', async () => {
    const { bob, dan, eve } = co.members
    refused(
      await eve.db.from('approval_delegations').insert({
        tenant_id: co.tenantId,
        person_id: bob.user.id,
        substitute_id: eve.user.id,
        starts_on: shanghaiDay(0),
        ends_on: shanghaiDay(1),
      } as never),
      '42501',
    )
    const backwards = await bob.db.from('approval_delegations').insert({
      tenant_id: co.tenantId,
      substitute_id: dan.user.id,
      starts_on: shanghaiDay(2),
      ends_on: shanghaiDay(1),
    })
    refused(backwards, 'TR514')
    expect(backwards.error?.hint).toBe('ends_on')
    refused(
      await bob.db.from('approval_delegations').insert({
        tenant_id: co.tenantId,
        substitute_id: bob.user.id,
        starts_on: shanghaiDay(0),
        ends_on: shanghaiDay(1),
      }),
      'TR514',
    )
    const id = await delegate({
      substitute_id: dan.user.id,
      starts_on: shanghaiDay(10),
      ends_on: shanghaiDay(12),
    })
    // The substitute sees it, a colleague does not, and nobody but bob changes it.
    expect(ok(await dan.db.from('approval_delegations').select('id').eq('id', id))).toHaveLength(1)
    expect(ok(await eve.db.from('approval_delegations').select('id').eq('id', id))).toHaveLength(0)
    const r = await dan.db
      .from('approval_delegations')
      .update({ ends_on: shanghaiDay(30) })
      .eq('id', id)
      .select()
    expect(r.data ?? []).toHaveLength(0)
    await db.query('delete from public.approval_delegations where id = $1', [id])
  })
})
