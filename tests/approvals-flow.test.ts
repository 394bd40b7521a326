// The approval state machine as people use it: submit, approve through the steps, reject and resubmit,
// return, transfer, add a signer, comment, withdraw; the one-decision-each and current-step rules, and
// self-approval. Each rule from both sides.
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  approvalCompany,
  chain,
  leave,
  ok,
  person,
  refused,
  request,
  statusOf,
  submit,
  taskOf,
} from './helpers/approvals.ts'
import { superuserDb } from './helpers/stack.ts'

let db: pg.Client
let co: Awaited<ReturnType<typeof approvalCompany>>

beforeAll(async () => {
  db = await superuserDb()
  co = await approvalCompany('apflow', db, ['ann', 'bob', 'cat', 'dan', 'eve'])
  const { ann, bob, cat, dan } = co.members
  // Leave: bob, then cat (two one-of steps). Generic requests: a 会签 step and a vote step.
  await chain(co.ownerClient, co.tenantId, {
    doc_type: 'leave_request',
    steps: [
      { name: 'Team lead', approvers: [person(bob.user.id)] },
      { name: 'HR', approvers: [person(cat.user.id)] },
    ],
    copies: [dan.user.id],
  })
  await chain(co.ownerClient, co.tenantId, {
    doc_type: 'general_request',
    conditions: [{ field: 'kind', op: 'eq', value: 'all' }],
    steps: [{ name: 'Everyone', mode: 'all', approvers: [person(bob.user.id), person(cat.user.id)] }],
  })
  await chain(co.ownerClient, co.tenantId, {
    doc_type: 'general_request',
    conditions: [{ field: 'kind', op: 'eq', value: 'vote' }],
    steps: [
      {
        name: 'Board',
        mode: 'vote',
        vote_threshold: 2,
        approvers: [person(bob.user.id), person(cat.user.id), person(dan.user.id)],
      },
    ],
  })
  await chain(co.ownerClient, co.tenantId, {
    doc_type: 'general_request',
    conditions: [{ field: 'kind', op: 'eq', value: 'self' }],
    steps: [{ name: 'Ann or bob', approvers: [person(ann.user.id), person(bob.user.id)] }],
  })
}, 60_000)

afterAll(async () => {
  await db?.end()
})

describe('submitting and approving', () => {
  it('walks a two-step chain to approved, the document following, with history and copies', async () => {
    const { ann, bob, cat, dan } = co.members
    const lv = await leave(ann, co.tenantId)
    expect(lv.days).toBe(2)
    expect(lv.status).toBe('draft')
    const inst = await submit(ann, 'leave_request', lv.id)
    expect(await statusOf(db, inst)).toEqual({ status: 'pending', current_step: 1 })
    const doc = ok(await ann.db.from('leave_requests').select('status').eq('id', lv.id).single())
    expect(doc.status).toBe('pending')

    // Only the current step's approver acts: cat (step 2) has nothing yet, bob has one task.
    const catTasks = ok(await cat.db.from('approval_tasks').select('id').eq('instance_id', inst))
    expect(catTasks).toHaveLength(0)
    const bobTask = await taskOf(bob, inst)
    // Someone else cannot act on bob's task.
    refused(await cat.db.rpc('approve_task', { p_task_id: bobTask }), 'TR508')
    refused(await ann.db.rpc('approve_task', { p_task_id: bobTask }), 'TR508')
    expect(ok(await bob.db.rpc('approve_task', { p_task_id: bobTask, p_comment: 'ok' }))).toBe('pending')
    // Once each: the same task cannot be decided twice.
    refused(await bob.db.rpc('approve_task', { p_task_id: bobTask }), 'TR509')
    refused(await bob.db.rpc('reject_task', { p_task_id: bobTask }), 'TR509')
    expect(await statusOf(db, inst)).toEqual({ status: 'pending', current_step: 2 })

    const catTask = await taskOf(cat, inst)
    expect(ok(await cat.db.rpc('approve_task', { p_task_id: catTask }))).toBe('approved')
    expect(await statusOf(db, inst)).toEqual({ status: 'approved', current_step: null })
    expect(ok(await ann.db.from('leave_requests').select('status').eq('id', lv.id).single()).status).toBe(
      'approved',
    )

    const history = ok(
      await ann.db
        .from('approval_actions')
        .select('action, actor_id, comment')
        .eq('instance_id', inst)
        .order('id'),
    )
    expect(history.map((h) => h.action)).toEqual(['submitted', 'approved', 'approved'])
    expect(history[1]).toMatchObject({ actor_id: bob.user.id, comment: 'ok' })
    // The person copied sees the request and its copy task, and has nothing to decide.
    const copies = ok(await dan.db.rpc('approval_inbox', { p_box: 'copied' }))
    expect(copies.map((c) => c.instance_id)).toContain(inst)
    const copyTask = ok(
      await dan.db.from('approval_tasks').select('id, kind, status').eq('instance_id', inst).single(),
    )
    expect(copyTask).toMatchObject({ kind: 'copy', status: 'copied' })
    refused(await dan.db.rpc('approve_task', { p_task_id: copyTask.id }), 'TR508')
    expect(ok(await dan.db.from('leave_requests').select('id').eq('id', lv.id))).toHaveLength(1)
  })

  it('refuses to submit twice, someone else’s request, or an unknown one', async () => {
    const { ann, bob } = co.members
    const lv = await leave(ann, co.tenantId)
    refused(await bob.db.rpc('submit_request', { p_doc_type: 'leave_request', p_id: lv.id }), 'TR516')
    await submit(ann, 'leave_request', lv.id)
    refused(await ann.db.rpc('submit_request', { p_doc_type: 'leave_request', p_id: lv.id }), 'TR504')
    refused(await ann.db.rpc('submit_request', { p_doc_type: 'no_such_type', p_id: lv.id }), 'TR518')
  })

  it('freezes a request under approval, and sends an approved one that changes back to draft', async () => {
    const { ann, bob, cat } = co.members
    const lv = await leave(ann, co.tenantId)
    const inst = await submit(ann, 'leave_request', lv.id)
    refused(await ann.db.from('leave_requests').update({ reason: 'changed' }).eq('id', lv.id), 'TR507')
    refused(await ann.db.from('leave_requests').delete().eq('id', lv.id), 'TR507')
    // The status is the engine's: nobody writes it through the API.
    refused(
      await ann.db
        .from('leave_requests')
        .update({ status: 'approved' } as never)
        .eq('id', lv.id),
      '42501',
    )
    await bob.db.rpc('approve_task', { p_task_id: await taskOf(bob, inst) })
    await cat.db.rpc('approve_task', { p_task_id: await taskOf(cat, inst) })
    ok(await ann.db.from('leave_requests').update({ ends_on: '2026-12-09' }).eq('id', lv.id))
    const after = ok(await ann.db.from('leave_requests').select('status, days').eq('id', lv.id).single())
    expect(after).toEqual({ status: 'draft', days: 3 })
    // … and goes through approval again.
    const again = await submit(ann, 'leave_request', lv.id)
    expect(again).not.toBe(inst)
  })
})

describe('rejecting, returning, withdrawing', () => {
  it('a rejection ends the approval; the requester edits and resubmits', async () => {
    const { ann, bob, cat } = co.members
    const lv = await leave(ann, co.tenantId)
    const inst = await submit(ann, 'leave_request', lv.id)
    expect(
      ok(await bob.db.rpc('reject_task', { p_task_id: await taskOf(bob, inst), p_comment: 'busy week' })),
    ).toBe('rejected')
    expect(ok(await ann.db.from('leave_requests').select('status').eq('id', lv.id).single()).status).toBe(
      'rejected',
    )
    // Nobody acts on a decided approval; the rejected request can be changed again.
    refused(await ann.db.rpc('withdraw_approval', { p_instance_id: inst }), 'TR509')
    ok(await ann.db.from('leave_requests').update({ starts_on: '2026-12-08' }).eq('id', lv.id))
    const second = await submit(ann, 'leave_request', lv.id)
    await bob.db.rpc('approve_task', { p_task_id: await taskOf(bob, second) })
    await cat.db.rpc('approve_task', { p_task_id: await taskOf(cat, second) })
    expect((await statusOf(db, second)).status).toBe('approved')
  })

  it('returns to an earlier step, whose approver decides again; not to the current or a later one', async () => {
    const { ann, bob, cat } = co.members
    const lv = await leave(ann, co.tenantId)
    const inst = await submit(ann, 'leave_request', lv.id)
    await bob.db.rpc('approve_task', { p_task_id: await taskOf(bob, inst) })
    const catTask = await taskOf(cat, inst)
    refused(await cat.db.rpc('return_task', { p_task_id: catTask, p_to_position: 2 }), 'TR512')
    refused(await cat.db.rpc('return_task', { p_task_id: catTask, p_to_position: 0 }), 'TR512')
    expect(
      ok(await cat.db.rpc('return_task', { p_task_id: catTask, p_to_position: 1, p_comment: 'check dates' })),
    ).toBe('pending')
    expect(await statusOf(db, inst)).toEqual({ status: 'pending', current_step: 1 })
    const bobAgain = await taskOf(bob, inst)
    await bob.db.rpc('approve_task', { p_task_id: bobAgain })
    await cat.db.rpc('approve_task', { p_task_id: await taskOf(cat, inst) })
    expect((await statusOf(db, inst)).status).toBe('approved')
  })

  it('the requester withdraws before the first decision, not after', async () => {
    const { ann, bob } = co.members
    const first = await leave(ann, co.tenantId)
    const inst = await submit(ann, 'leave_request', first.id)
    refused(await bob.db.rpc('withdraw_approval', { p_instance_id: inst }), 'TR516')
    // A comment is no decision.
    ok(await bob.db.rpc('comment_approval', { p_instance_id: inst, p_comment: 'looking at it' }))
    ok(await ann.db.rpc('withdraw_approval', { p_instance_id: inst }))
    expect(ok(await ann.db.from('leave_requests').select('status').eq('id', first.id).single()).status).toBe(
      'withdrawn',
    )
    const { rows } = await db.query(
      `select count(*)::int as n from public.approval_tasks
      where instance_id = $1 and status = 'pending'`,
      [inst],
    )
    expect(rows[0].n).toBe(0)

    const second = await leave(ann, co.tenantId)
    const inst2 = await submit(ann, 'leave_request', second.id)
    await bob.db.rpc('approve_task', { p_task_id: await taskOf(bob, inst2) })
    refused(await ann.db.rpc('withdraw_approval', { p_instance_id: inst2 }), 'TR511')
  })

  it('comments come from participants only', async () => {
    const { ann, eve } = co.members
    const lv = await leave(ann, co.tenantId)
    const inst = await submit(ann, 'leave_request', lv.id)
    ok(await ann.db.rpc('comment_approval', { p_instance_id: inst, p_comment: 'urgent, thanks' }))
    refused(await eve.db.rpc('comment_approval', { p_instance_id: inst, p_comment: 'me too' }), 'TR508')
    refused(await ann.db.rpc('comment_approval', { p_instance_id: inst, p_comment: ' ' }), 'TR515')
  })
})

describe('transfer and added signers', () => {
  it('transfers a task: the new approver decides, the old one no longer can', async () => {
    const { ann, bob, cat, eve } = co.members
    const lv = await leave(ann, co.tenantId)
    const inst = await submit(ann, 'leave_request', lv.id)
    const bobTask = await taskOf(bob, inst)
    refused(await bob.db.rpc('transfer_task', { p_task_id: bobTask, p_to_user_id: ann.user.id }), 'TR510')
    refused(await bob.db.rpc('transfer_task', { p_task_id: bobTask, p_to_user_id: co.tenantId }), 'TR513')
    ok(
      await bob.db.rpc('transfer_task', {
        p_task_id: bobTask,
        p_to_user_id: eve.user.id,
        p_comment: 'on holiday',
      }),
    )
    refused(await bob.db.rpc('approve_task', { p_task_id: bobTask }), 'TR509')
    await eve.db.rpc('approve_task', { p_task_id: await taskOf(eve, inst) })
    await cat.db.rpc('approve_task', { p_task_id: await taskOf(cat, inst) })
    expect((await statusOf(db, inst)).status).toBe('approved')
  })

  it('an administrator reassigns a waiting task (its approver left); colleagues cannot', async () => {
    const { ann, bob, cat, eve } = co.members
    const lv = await leave(ann, co.tenantId)
    const inst = await submit(ann, 'leave_request', lv.id)
    const bobTask = await taskOf(bob, inst)
    refused(await cat.db.rpc('reassign_task', { p_task_id: bobTask, p_to_user_id: eve.user.id }), 'TR508')
    ok(await co.ownerClient.rpc('reassign_task', { p_task_id: bobTask, p_to_user_id: eve.user.id }))
    // Reassigning is not deciding: the owner still cannot approve someone else's task.
    const eveTask = await taskOf(eve, inst)
    refused(await co.ownerClient.rpc('approve_task', { p_task_id: eveTask }), 'TR508')
    expect(ok(await eve.db.rpc('approve_task', { p_task_id: eveTask }))).toBe('pending')
    const { rows } = await db.query(
      `select action, actor_id, target_user_id from public.approval_actions where instance_id = $1 order by id`,
      [inst],
    )
    expect(rows[1]).toEqual({
      action: 'transferred',
      actor_id: co.owner.user.id,
      target_user_id: eve.user.id,
    })
  })

  it('adds a signer: a step after the current one, which must approve too', async () => {
    const { ann, bob, cat, eve } = co.members
    const lv = await leave(ann, co.tenantId)
    const inst = await submit(ann, 'leave_request', lv.id)
    const bobTask = await taskOf(bob, inst)
    refused(await bob.db.rpc('add_approval_signer', { p_task_id: bobTask, p_user_id: ann.user.id }), 'TR510')
    refused(await bob.db.rpc('add_approval_signer', { p_task_id: bobTask, p_user_id: bob.user.id }), 'TR513')
    refused(await eve.db.rpc('add_approval_signer', { p_task_id: bobTask, p_user_id: eve.user.id }), 'TR508')
    ok(await bob.db.rpc('add_approval_signer', { p_task_id: bobTask, p_user_id: eve.user.id }))
    await bob.db.rpc('approve_task', { p_task_id: bobTask })
    expect(await statusOf(db, inst)).toEqual({ status: 'pending', current_step: 2 })
    const { rows } = await db.query(
      'select position, assignees from public.approval_instance_steps where instance_id = $1 order by position',
      [inst],
    )
    expect(rows.map((r) => r.assignees)).toEqual([[bob.user.id], [eve.user.id], [cat.user.id]])
    refused(await cat.db.rpc('approve_task', { p_task_id: bobTask }), 'TR508')
    await eve.db.rpc('approve_task', { p_task_id: await taskOf(eve, inst) })
    await cat.db.rpc('approve_task', { p_task_id: await taskOf(cat, inst) })
    expect((await statusOf(db, inst)).status).toBe('approved')
  })
})

describe('step modes', () => {
  it('会签 (all): needs every approver; one rejection rejects', async () => {
    const { ann, bob, cat } = co.members
    const r1 = await request(ann, co.tenantId, { form: { kind: 'all' } })
    const i1 = await submit(ann, 'general_request', r1.id)
    expect(ok(await bob.db.rpc('approve_task', { p_task_id: await taskOf(bob, i1) }))).toBe('pending')
    expect(ok(await cat.db.rpc('approve_task', { p_task_id: await taskOf(cat, i1) }))).toBe('approved')

    const r2 = await request(ann, co.tenantId, { form: { kind: 'all' } })
    const i2 = await submit(ann, 'general_request', r2.id)
    await bob.db.rpc('approve_task', { p_task_id: await taskOf(bob, i2) })
    expect(ok(await cat.db.rpc('reject_task', { p_task_id: await taskOf(cat, i2) }))).toBe('rejected')
  })

  it('vote: passes at the threshold, fails once it cannot be reached', async () => {
    const { ann, bob, cat, dan } = co.members
    const r1 = await request(ann, co.tenantId, { form: { kind: 'vote' } })
    const i1 = await submit(ann, 'general_request', r1.id)
    await bob.db.rpc('reject_task', { p_task_id: await taskOf(bob, i1) })
    expect((await statusOf(db, i1)).status).toBe('pending')
    await cat.db.rpc('approve_task', { p_task_id: await taskOf(cat, i1) })
    expect(ok(await dan.db.rpc('approve_task', { p_task_id: await taskOf(dan, i1) }))).toBe('approved')

    const r2 = await request(ann, co.tenantId, { form: { kind: 'vote' } })
    const i2 = await submit(ann, 'general_request', r2.id)
    await bob.db.rpc('reject_task', { p_task_id: await taskOf(bob, i2) })
    expect(ok(await cat.db.rpc('reject_task', { p_task_id: await taskOf(cat, i2) }))).toBe('rejected')
    const { rows } = await db.query(
      `select status::text from public.approval_tasks where instance_id = $1
      and assignee_id = $2`,
      [i2, dan.user.id],
    )
    expect(rows[0].status).toBe('cancelled')
  })
})

describe('self-approval', () => {
  it('leaves the requester out of a step unless the company allows it', async () => {
    const { ann, bob } = co.members
    const r1 = await request(ann, co.tenantId, { form: { kind: 'self' } })
    const i1 = await submit(ann, 'general_request', r1.id)
    const { rows } = await db.query(
      'select assignees from public.approval_instance_steps where instance_id = $1',
      [i1],
    )
    expect(rows[0].assignees).toEqual([bob.user.id])

    // Allowed: the requester is an approver and may decide.
    ok(
      await co.ownerClient
        .from('approval_settings')
        .update({ allow_self_approval: true })
        .eq('tenant_id', co.tenantId),
    )
    try {
      const r2 = await request(ann, co.tenantId, { form: { kind: 'self' } })
      const i2 = await submit(ann, 'general_request', r2.id)
      expect(ok(await ann.db.rpc('approve_task', { p_task_id: await taskOf(ann, i2) }))).toBe('approved')
      // Switched off again while a request of ann's waits on her: she can no longer decide it.
      const r3 = await request(ann, co.tenantId, { form: { kind: 'self' } })
      const i3 = await submit(ann, 'general_request', r3.id)
      const annTask = await taskOf(ann, i3)
      await db.query('update public.approval_settings set allow_self_approval = false where tenant_id = $1', [
        co.tenantId,
      ])
      refused(await ann.db.rpc('approve_task', { p_task_id: annTask }), 'TR510')
    } finally {
      await db.query('update public.approval_settings set allow_self_approval = false where tenant_id = $1', [
        co.tenantId,
      ])
    }
  })

  it('an employee cannot change the approval settings', async () => {
    const { ann } = co.members
    const r = await ann.db
      .from('approval_settings')
      .update({ allow_self_approval: true })
      .eq('tenant_id', co.tenantId)
      .select()
    expect(r.data ?? []).toHaveLength(0)
    const { rows } = await db.query(
      'select allow_self_approval from public.approval_settings where tenant_id = $1',
      [co.tenantId],
    )
    expect(rows[0].allow_self_approval).toBe(false)
  })
})
