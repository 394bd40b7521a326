// Two approvers deciding a one-of (或签) step at the same moment: exactly one wins, the other is told
// it is already decided. Companies never see or act on each other's approvals. New tasks reach the
// inbox live (realtime), and only the person they are for.
import type { RealtimeChannel } from '@supabase/supabase-js'
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
  submit,
  taskOf,
} from './helpers/approvals.ts'
import { superuserDb } from './helpers/stack.ts'

let db: pg.Client
let co: Awaited<ReturnType<typeof approvalCompany>>
let other: Awaited<ReturnType<typeof approvalCompany>>

beforeAll(async () => {
  db = await superuserDb()
  co = await approvalCompany('aprace', db, ['ann', 'bob', 'cat', 'dan'])
  other = await approvalCompany('apother', db, ['zed'])
  const { bob, cat, dan } = co.members
  await chain(co.ownerClient, co.tenantId, {
    doc_type: 'general_request',
    steps: [
      { name: 'Either', mode: 'any', approvers: [person(bob.user.id), person(cat.user.id)] },
      { name: 'Dan', approvers: [person(dan.user.id)] },
    ],
  })
}, 60_000)

afterAll(async () => {
  await db?.end()
})

describe('the one-of race', () => {
  it('two approvers approve at once: one succeeds, the other gets TR509, the step moves on once', async () => {
    const { ann, bob, cat } = co.members
    for (let round = 0; round < 5; round++) {
      const r = await request(ann, co.tenantId, { title: `race ${round}` })
      const inst = await submit(ann, 'general_request', r.id)
      const [bobTask, catTask] = await Promise.all([taskOf(bob, inst), taskOf(cat, inst)])
      const results = await Promise.all([
        bob.db.rpc('approve_task', { p_task_id: bobTask }),
        round % 2 === 0
          ? cat.db.rpc('approve_task', { p_task_id: catTask })
          : cat.db.rpc('reject_task', { p_task_id: catTask }),
      ])
      const wins = results.filter((x) => !x.error)
      const losses = results.filter((x) => x.error)
      expect(wins).toHaveLength(1)
      expect(losses).toHaveLength(1)
      expect(losses[0].error?.code).toBe('TR509')
      expect(losses[0].error?.message).toMatch(/already decided/)
      const { rows } = await db.query(
        `select s.position, s.status::text, s.round,
           (select count(*)::int from public.approval_tasks t where t.step_id = s.id and t.status in ('approved', 'rejected')) as decided
         from public.approval_instance_steps s where s.instance_id = $1 order by s.position`,
        [inst],
      )
      expect(rows[0].decided).toBe(1)
      expect(rows[0].round).toBe(1)
      const { rows: dan } = await db.query(
        `select count(*)::int as n from public.approval_tasks where instance_id = $1 and assignee_id = $2`,
        [inst, co.members.dan.user.id],
      )
      // Dan's step started at most once (exactly once when the winner approved).
      expect(dan[0].n).toBe(rows[0].status === 'approved' ? 1 : 0)
    }
  })
})

describe('isolation between companies', () => {
  it('another company sees nothing of these approvals and cannot act on them', async () => {
    const { ann, bob } = co.members
    const { zed } = other.members
    const lv = await request(ann, co.tenantId, { title: 'secret' })
    const inst = await submit(ann, 'general_request', lv.id)
    const task = await taskOf(bob, inst)
    for (const c of [zed.db, other.ownerClient]) {
      expect(ok(await c.from('approval_instances').select('id').eq('id', inst))).toHaveLength(0)
      expect(ok(await c.from('approval_tasks').select('id').eq('instance_id', inst))).toHaveLength(0)
      expect(ok(await c.from('approval_actions').select('id').eq('instance_id', inst))).toHaveLength(0)
      expect(ok(await c.from('general_requests').select('id').eq('id', lv.id))).toHaveLength(0)
      expect(ok(await c.from('approval_chains').select('id').eq('tenant_id', co.tenantId))).toHaveLength(0)
      refused(await c.rpc('approve_task', { p_task_id: task }), 'TR508')
      refused(await c.rpc('withdraw_approval', { p_instance_id: inst }), 'TR516')
      refused(await c.rpc('comment_approval', { p_instance_id: inst, p_comment: 'hi' }), 'TR508')
      refused(await c.rpc('submit_request', { p_doc_type: 'general_request', p_id: lv.id }), 'TR518')
      const inbox = ok(await c.rpc('approval_inbox', { p_box: 'submitted' }))
      expect(inbox.map((x) => x.instance_id)).not.toContain(inst)
    }
    // Asking for company A with x-tenant-id as an outsider is refused outright.
    const { clientWith } = await import('./helpers/stack.ts')
    const sneaky = clientWith(zed.session.access_token, { 'x-tenant-id': co.tenantId })
    refused(await sneaky.rpc('approve_task', { p_task_id: task }), 'TR103')
    expect(ok(await sneaky.from('approval_tasks').select('id').eq('instance_id', inst))).toHaveLength(0)
    // A chain of company B cannot point at company A's people.
    refused(
      await other.ownerClient.from('approval_chains').insert({
        tenant_id: co.tenantId,
        doc_type: 'general_request',
        name: 'foreign',
      }),
      '42501',
    )
    const b = ok(
      await other.ownerClient
        .from('approval_chains')
        .insert({ tenant_id: other.tenantId, doc_type: 'general_request', name: 'mine' })
        .select('id')
        .single(),
    )
    const step = ok(
      await other.ownerClient
        .from('approval_chain_steps')
        .insert({ tenant_id: other.tenantId, chain_id: b.id, position: 1, name: 's' })
        .select('id')
        .single(),
    )
    refused(
      await other.ownerClient
        .from('approval_step_approvers')
        .insert({ tenant_id: other.tenantId, step_id: step.id, kind: 'person', user_id: bob.user.id }),
      '23503',
    )
  })
})

describe('live inbox', () => {
  it('a new task reaches its approver over realtime, and not a colleague', async () => {
    const { ann, bob, dan } = co.members
    const seen: Array<Record<string, unknown>> = []
    const leaked: Array<Record<string, unknown>> = []
    const subscribe = (ch: RealtimeChannel) =>
      new Promise<void>((resolve, reject) =>
        ch.subscribe((status, err) =>
          status === 'SUBSCRIBED' ? resolve() : status !== 'CLOSED' && reject(err ?? new Error(status)),
        ),
      )
    // The signed-in clients: realtime authenticates with the session's token (the company is their active one).
    const mine = bob.client
      .channel(`inbox-bob-${Date.now()}`)
      .on('postgres_changes', { event: 'INSERT', schema: 'public', table: 'approval_tasks' }, (p) =>
        seen.push(p.new),
      )
    const theirs = dan.client
      .channel(`inbox-dan-${Date.now()}`)
      .on('postgres_changes', { event: 'INSERT', schema: 'public', table: 'approval_tasks' }, (p) =>
        leaked.push(p.new),
      )
    try {
      await Promise.all([subscribe(mine), subscribe(theirs)])
      const lv = await leave(ann, co.tenantId)
      const r = await request(ann, co.tenantId, { title: 'live' })
      const inst = await submit(ann, 'general_request', r.id)
      const started = Date.now()
      while (!seen.some((t) => t.instance_id === inst) && Date.now() - started < 10_000)
        await new Promise((res) => setTimeout(res, 50))
      expect(seen.find((t) => t.instance_id === inst)).toMatchObject({
        assignee_id: bob.user.id,
        status: 'pending',
      })
      await new Promise((res) => setTimeout(res, 300))
      expect(leaked.filter((t) => t.instance_id === inst)).toEqual([])
      expect(lv.status).toBe('draft')
    } finally {
      await bob.client.removeAllChannels()
      await dan.client.removeAllChannels()
    }
  })
})
