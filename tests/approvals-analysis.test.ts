// Where the organisation waits: time to decide per step, approver and department, tasks past the
// company's overdue threshold, and the inbox boxes with their counts.
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  approvalCompany,
  chain,
  department,
  ok,
  person,
  refused,
  request,
  submit,
  taskOf,
} from './helpers/approvals.ts'
import { superuserDb } from './helpers/stack.ts'

let db: pg.Client
let co: Awaited<ReturnType<typeof approvalCompany>>
const instances: string[] = []

/** Moves a task's assignment back in time, as if it had been waiting that many hours. */
async function aged(instanceId: string, assignee: string, hours: number) {
  await db.query(
    `update public.approval_tasks set created_at = now() - make_interval(hours => $3)
     where instance_id = $1 and assignee_id = $2 and status = 'pending'`,
    [instanceId, assignee, hours],
  )
}

beforeAll(async () => {
  db = await superuserDb()
  co = await approvalCompany('apstat', db, ['ann', 'bob', 'cat', 'eve'])
  const { ann, bob, cat } = co.members
  await department(co.ownerClient, co.tenantId, 'Finance', { members: [cat.user.id] }, db)
  await chain(co.ownerClient, co.tenantId, {
    doc_type: 'general_request',
    steps: [
      { name: 'Lead', approvers: [person(bob.user.id)] },
      { name: 'Finance', approvers: [person(cat.user.id)] },
    ],
  })
  // Three requests: bob decided after 10 h and 30 h; cat waits 50 h on one, the third waits on bob for 2 h.
  for (const title of ['one', 'two', 'three']) {
    const r = await request(ann, co.tenantId, { title })
    instances.push(await submit(ann, 'general_request', r.id))
  }
  await aged(instances[0], bob.user.id, 10)
  await aged(instances[1], bob.user.id, 30)
  await aged(instances[2], bob.user.id, 2)
  for (const i of instances.slice(0, 2)) await bob.db.rpc('approve_task', { p_task_id: await taskOf(bob, i) })
  await aged(instances[0], cat.user.id, 50)
  ok(
    await co.ownerClient.from('approval_settings').update({ overdue_hours: 24 }).eq('tenant_id', co.tenantId),
  )
}, 60_000)

afterAll(async () => {
  await db?.end()
})

describe('waiting times', () => {
  it('per approver, step and department, for those who monitor approvals', async () => {
    const { bob, cat } = co.members
    const byApprover = ok(await co.ownerClient.rpc('approval_wait_stats', { p_group: 'approver' }))
    const b = byApprover.find((r) => r.group_key === bob.user.id)
    expect(b).toMatchObject({ label: 'bob', decided: 2, waiting: 1 })
    expect(Number(b?.avg_hours)).toBeCloseTo(20, 0)
    const c = byApprover.find((r) => r.group_key === cat.user.id)
    expect(c).toMatchObject({ decided: 0, waiting: 2 })
    expect(Number(c?.max_hours)).toBeGreaterThanOrEqual(50)

    const bySteps = ok(await co.ownerClient.rpc('approval_wait_stats', { p_group: 'step' }))
    expect(bySteps.map((r) => r.label).sort()).toEqual(['Finance', 'Lead'])
    const byDept = ok(await co.ownerClient.rpc('approval_wait_stats', { p_group: 'department' }))
    expect(byDept.find((r) => r.label === 'Finance')).toMatchObject({ waiting: 2 })
    refused(await co.ownerClient.rpc('approval_wait_stats', { p_group: 'mood' }), 'TR519')
  })

  it('a colleague without the monitor right sees none of it', async () => {
    const rows = ok(await co.members.eve.db.rpc('approval_wait_stats', { p_group: 'approver' }))
    expect(rows).toEqual([])
  })

  it('lists tasks waiting past the company threshold, oldest first', async () => {
    const { cat, bob } = co.members
    const overdue = ok(await co.ownerClient.rpc('overdue_approval_tasks'))
    expect(overdue.map((t) => t.instance_id)).toEqual([instances[0]])
    expect(overdue[0]).toMatchObject({ assignee_id: cat.user.id, step_name: 'Finance' })
    expect(Number(overdue[0].waiting_hours)).toBeGreaterThanOrEqual(50)
    // Only a waiting task counts: once cat decides, it is gone.
    await cat.db.rpc('approve_task', { p_task_id: await taskOf(cat, instances[0]) })
    expect(ok(await co.ownerClient.rpc('overdue_approval_tasks'))).toEqual([])
    // A tighter threshold catches bob's 2-hour-old task.
    ok(
      await co.ownerClient
        .from('approval_settings')
        .update({ overdue_hours: 1 })
        .eq('tenant_id', co.tenantId),
    )
    const tight = ok(await co.ownerClient.rpc('overdue_approval_tasks'))
    expect(tight.map((t) => t.assignee_id)).toContain(bob.user.id)
    refused(
      await co.ownerClient
        .from('approval_settings')
        .update({ overdue_hours: 0 })
        .eq('tenant_id', co.tenantId),
      '23514',
    )
  })
})

describe('inbox', () => {
  it('pending, done, submitted and copied boxes with their counts', async () => {
    const { ann, bob, eve } = co.members
    const counts = ok(await bob.db.rpc('approval_inbox_counts'))
    expect(counts[0]).toMatchObject({ pending: 1, done: 2, submitted: 0, copied: 0 })
    expect(ok(await ann.db.rpc('approval_inbox_counts'))[0]).toMatchObject({ pending: 0, submitted: 3 })
    expect(ok(await eve.db.rpc('approval_inbox_counts'))[0]).toMatchObject({
      pending: 0,
      done: 0,
      submitted: 0,
      copied: 0,
    })
    const pending = ok(await bob.db.rpc('approval_inbox', { p_box: 'pending' }))
    expect(pending).toHaveLength(1)
    expect(pending[0]).toMatchObject({ instance_id: instances[2], title: 'three', step_name: 'Lead' })
    refused(await bob.db.rpc('approval_inbox', { p_box: 'spam' }), 'TR519')
  })
})
