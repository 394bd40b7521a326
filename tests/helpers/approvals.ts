// Approval tests' building blocks: a company with people in departments, chains made through the API
// as an administrator would, requests filed and decided as the people themselves.
import type { SupabaseClient } from '@supabase/supabase-js'
import type pg from 'pg'
import { expect } from 'vitest'
import type { Database } from '../../supabase/types.ts'
import { colleague, newCompany } from './company.ts'

type Db = SupabaseClient<Database>
export type Member = Awaited<ReturnType<typeof colleague>>

export interface ApproverSpec {
  kind: 'person' | 'role' | 'department_manager' | 'manager_up'
  user_id?: string
  role_id?: string
  levels?: number
}
export interface StepSpec {
  name: string
  mode?: 'any' | 'all' | 'vote'
  vote_threshold?: number
  approvers: ApproverSpec[]
}
export interface ChainSpec {
  doc_type: string
  name?: string
  min_amount?: string
  max_amount?: string
  department_id?: string
  party_id?: string
  conditions?: unknown[]
  priority?: number
  steps: StepSpec[]
  copies?: string[]
}

/** Fails the test with the API error if there is one, else returns the data. */
export function ok<T>(
  r: { data: T; error: { code?: string; message: string } | null },
  what = 'call',
): NonNullable<T> {
  if (r.error) throw new Error(`${what}: ${r.error.code} ${r.error.message}`)
  // Writes without .select() answer null: callers of those ignore the value.
  return r.data as NonNullable<T>
}

/** Expects a refusal with this SQLSTATE (TR5xx and friends). */
export function refused(r: { error: { code?: string; message: string } | null }, code: string) {
  expect(r.error, `expected ${code}`).not.toBeNull()
  expect(r.error?.code, r.error?.message).toBe(code)
}

/** A company, its owner, and employees named by the caller (all with the built-in employee role). */
export async function approvalCompany(prefix: string, db: pg.Client, people: string[]) {
  const company = await newCompany(prefix)
  const members: Record<string, Member> = {}
  for (const name of people) {
    members[name] = await colleague(db, company.tenantId, 'employee', `${prefix}-${name}`)
    await db.query('update public.memberships set display_name = $3 where tenant_id = $1 and user_id = $2', [
      company.tenantId,
      members[name].user.id,
      name,
    ])
  }
  return { ...company, members }
}

/** A department, optionally under another and with a manager; members put in it. */
export async function department(
  owner: Db,
  tenantId: string,
  name: string,
  opts: { parent?: string; manager?: string; members?: string[] } = {},
  db?: pg.Client,
) {
  const d = ok(
    await owner
      .from('departments')
      .insert({ tenant_id: tenantId, name, parent_id: opts.parent ?? null, manager_id: opts.manager ?? null })
      .select('id')
      .single(),
    'department',
  )
  for (const userId of opts.members ?? [])
    await db?.query(
      'update public.memberships set department_id = $3 where tenant_id = $1 and user_id = $2',
      [tenantId, userId, d.id],
    )
  return d.id
}

/** Creates a chain with its steps, approvers and copies through the API (as the owner). */
export async function chain(owner: Db, tenantId: string, spec: ChainSpec): Promise<string> {
  const c = ok(
    await owner
      .from('approval_chains')
      .insert({
        tenant_id: tenantId,
        doc_type: spec.doc_type,
        name: spec.name ?? `${spec.doc_type} chain`,
        // money as decimal strings (the generated types say number)
        min_amount: (spec.min_amount ?? null) as never,
        max_amount: (spec.max_amount ?? null) as never,
        department_id: spec.department_id ?? null,
        party_id: spec.party_id ?? null,
        conditions: (spec.conditions ?? []) as never,
        priority: spec.priority ?? 0,
      })
      .select('id')
      .single(),
    'chain',
  )
  for (const [i, step] of spec.steps.entries()) {
    const s = ok(
      await owner
        .from('approval_chain_steps')
        .insert({
          tenant_id: tenantId,
          chain_id: c.id,
          position: i + 1,
          name: step.name,
          mode: step.mode ?? 'any',
          vote_threshold: step.vote_threshold ?? null,
        })
        .select('id')
        .single(),
      'step',
    )
    ok(
      await owner.from('approval_step_approvers').insert(
        step.approvers.map((a) => ({
          tenant_id: tenantId,
          step_id: s.id,
          kind: a.kind,
          user_id: a.user_id ?? null,
          role_id: a.role_id ?? null,
          levels: a.levels ?? 1,
        })),
      ),
      'approvers',
    )
  }
  if (spec.copies?.length)
    ok(
      await owner
        .from('approval_chain_copies')
        .insert(spec.copies.map((u) => ({ tenant_id: tenantId, chain_id: c.id, user_id: u }))),
      'copies',
    )
  return c.id
}

export const person = (userId: string): ApproverSpec => ({ kind: 'person', user_id: userId })

/** A leave request filed by a person (draft). */
export async function leave(
  who: Member,
  tenantId: string,
  opts: { from?: string; to?: string; type?: Database['public']['Enums']['leave_type'] } = {},
) {
  return ok(
    await who.db
      .from('leave_requests')
      .insert({
        tenant_id: tenantId,
        leave_type: opts.type ?? 'annual',
        starts_on: opts.from ?? '2026-12-07',
        ends_on: opts.to ?? '2026-12-08',
      })
      .select('*')
      .single(),
    'leave request',
  )
}

/** A generic request filed by a person (draft). */
export async function request(
  who: Member,
  tenantId: string,
  opts: { title?: string; amount?: string; form?: Record<string, unknown>; doc_type?: string } = {},
) {
  return ok(
    await who.db
      .from('general_requests')
      .insert({
        tenant_id: tenantId,
        title: opts.title ?? 'Request',
        amount: (opts.amount ?? null) as never,
        form: (opts.form ?? {}) as never,
        doc_type: opts.doc_type ?? 'general_request',
      })
      .select('*')
      .single(),
    'general request',
  )
}

export async function submit(who: Member, docType: string, id: string): Promise<string> {
  return ok(await who.db.rpc('submit_request', { p_doc_type: docType, p_id: id }), 'submit') as string
}

/** The open task of a person on a submission (read as that person, through RLS). */
export async function taskOf(who: Member, instanceId: string): Promise<string> {
  const rows = ok(
    await who.db
      .from('approval_tasks')
      .select('id')
      .eq('instance_id', instanceId)
      .eq('assignee_id', who.user.id)
      .eq('status', 'pending'),
    'tasks',
  )
  expect(rows, `${who.email} has one open task`).toHaveLength(1)
  return rows[0].id
}

/** Status of a submission and of its document, looked up behind RLS. */
export async function statusOf(db: pg.Client, instanceId: string) {
  const { rows } = await db.query(
    'select status::text, current_step from public.approval_instances where id = $1',
    [instanceId],
  )
  return rows[0] as { status: string; current_step: number | null }
}

/** Money goes over the wire as a decimal string (never a JS float); the generated types say number. */
export const money = (decimal: string) => decimal as unknown as number
