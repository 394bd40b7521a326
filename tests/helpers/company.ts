// A company to test in: an owner who created it through create_company(), and colleagues with one
// built-in role each (added as an accepted invitation would add them; members.test.ts tests that path).
import { createClient, type SupabaseClient } from '@supabase/supabase-js'
import type pg from 'pg'
import WebSocket from 'ws'
import type { Database } from '../../supabase/types.ts'
import { newCreditCode } from './credit-code.ts'
import { signedInUser, stackInfo } from './stack.ts'

export type Person = Awaited<ReturnType<typeof signedInUser>>

export interface CompanyOptions {
  name?: string
  taxpayer?: 'general' | 'small_scale'
  standard?: 'small_enterprise' | 'enterprise'
}

/** Signs up an owner and creates their company; returns both and a client pinned to the company. */
export async function newCompany(prefix: string, opts: CompanyOptions = {}) {
  const owner = await signedInUser(`${prefix}-owner`)
  const { data, error } = await owner.client.rpc('create_company', {
    p_name: opts.name ?? `${prefix} Co ${Date.now()}`,
    p_credit_code: newCreditCode(),
    p_taxpayer_type: opts.taxpayer ?? 'general',
    p_accounting_standard: opts.standard ?? 'small_enterprise',
  })
  if (error) throw new Error(`create_company: ${error.code} ${error.message}`)
  const tenantId = data as string
  return { tenantId, owner, ownerClient: pinned(owner, tenantId) }
}

/** A colleague with one built-in role (owner, admin, sales, purchasing, warehouse, accountant, cashier, employee). */
export async function colleague(db: pg.Client, tenantId: string, roleKey: string, prefix = roleKey) {
  return enrol(db, tenantId, roleKey, await signedInUser(prefix))
}

/** Makes a signed-in person a member of the company with one built-in role. */
export async function enrol(db: pg.Client, tenantId: string, roleKey: string, person: Person) {
  await db.query('insert into public.memberships (tenant_id, user_id, email) values ($1, $2, $3)', [
    tenantId,
    person.user.id,
    person.email,
  ])
  const added = await db.query(
    `insert into public.membership_roles (tenant_id, user_id, role_id)
     select $1, $2, id from public.roles where tenant_id = $1 and key = $3`,
    [tenantId, person.user.id, roleKey],
  )
  if (added.rowCount !== 1) throw new Error(`no role "${roleKey}" in company ${tenantId}`)
  await db.query('update public.profiles set active_tenant_id = $1 where id = $2', [tenantId, person.user.id])
  return { ...person, db: pinned(person, tenantId) }
}

/** The person's client with the x-tenant-id header, so every request works in that company. */
export function pinned(person: Person, tenantId: string): SupabaseClient<Database> {
  return createClient<Database>(stackInfo().apiUrl, stackInfo().anonKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: WebSocket as never },
    global: { headers: { 'x-tenant-id': tenantId, Authorization: `Bearer ${person.session.access_token}` } },
  })
}
