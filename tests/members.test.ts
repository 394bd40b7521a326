// People and roles of a company, enforced in SQL (supabase/migrations/20261128000004_members.sql):
// invitations, role changes, removal, the last-owner rule, ownership hand-over, custom roles.
// Everything runs through supabase-js as signed-in people; superuserDb() only looks behind RLS or
// plays the attacker with direct SQL.
import { createClient, type SupabaseClient } from '@supabase/supabase-js'
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { startOutboxLog } from '../stack/outbox-log.ts'
import { client, signedInUser, stackInfo, superuserDb } from './helpers/stack.ts'

type User = Awaited<ReturnType<typeof signedInUser>>
type Invitation = { invitation_id: string; token: string; link: string }
type Failure = { code: string; message: string; hint: string | null } | null
type Untyped = { rpc(fn: string, args?: object): PromiseLike<{ data: unknown; error: Failure }> }

const creditCode = '91350100M000100Y43'
let db: pg.Client
let outbox: { close(): Promise<void> }
const printed: string[] = []

beforeAll(async () => {
  db = await superuserDb()
  outbox = await startOutboxLog({
    superuserDbUrl: stackInfo().superuserDbUrl,
    log: (line) => printed.push(line),
  })
})
afterAll(async () => {
  await outbox?.close()
  await db?.end()
})

// The generated types do not know this migration's functions and table until `npm run db:types`.
async function rpc<T = unknown>(who: User | SupabaseClient, fn: string, args: object = {}) {
  const c = ('client' in who ? who.client : who) as unknown as Untyped
  const { data, error } = await c.rpc(fn, args)
  return { data: data as T, error }
}
function table(who: User | SupabaseClient, name: string) {
  return (('client' in who ? who.client : who) as unknown as SupabaseClient).from(name)
}
/** The person's client, pinned to a company with the x-tenant-id header. */
function inTenant(who: User, tenant: string): SupabaseClient {
  return createClient(stackInfo().apiUrl, stackInfo().anonKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: WebSocket as never },
    global: { headers: { 'x-tenant-id': tenant, Authorization: `Bearer ${who.session.access_token}` } },
  })
}

async function newCompany(owner: User, name = `Members Co ${Date.now()}`): Promise<string> {
  const { data, error } = await owner.client.rpc('create_company', {
    p_name: name,
    p_credit_code: creditCode,
  })
  if (error) throw new Error(error.message)
  return data
}
async function invite(by: User, email: string, roles: string[]): Promise<Invitation> {
  const { data, error } = await rpc<Invitation[]>(by, 'invite_member', { p_email: email, p_role_keys: roles })
  if (error) throw new Error(`${error.code} ${error.message}`)
  return data[0]
}
async function join(owner: User, roles: string[], prefix: string): Promise<User> {
  const person = await signedInUser(prefix)
  const { error } = await rpc(person, 'accept_invitation', {
    p_token: (await invite(owner, person.email, roles)).token,
  })
  if (error) throw new Error(`${error.code} ${error.message}`)
  return person
}
async function rolesOf(tenant: string, user: string): Promise<string[] | null> {
  const { rows } = await db.query(
    `select (select array_agg(r.key order by r.key) from public.membership_roles mr
             join public.roles r on r.id = mr.role_id where mr.tenant_id = m.tenant_id and mr.user_id = m.user_id) as keys
     from public.memberships m where m.tenant_id = $1 and m.user_id = $2`,
    [tenant, user],
  )
  return rows.length ? (rows[0].keys ?? []) : null
}
async function openInvitations(tenant: string): Promise<number> {
  const { rows } = await db.query(
    'select count(*)::int as n from public.invitations where tenant_id = $1 and accepted_at is null and revoked_at is null',
    [tenant],
  )
  return rows[0].n
}

describe('invitations', () => {
  let owner: User
  let company: string
  const name = `邀请测试 Invitations ${Date.now()}`
  beforeAll(async () => {
    owner = await signedInUser('inv-owner')
    company = await newCompany(owner, name)
  })

  it('invite, then accept with the invited address: a member with the roles, working in the company', async () => {
    const person = await signedInUser('invitee')
    const inv = await invite(owner, `  ${person.email.toUpperCase()} `, ['warehouse', 'sales'])
    const site = await db.query(`select value from app_private.site_settings where key = 'site_url'`)
    expect(inv.link).toBe(`${site.rows[0].value}/accept-invite?token=${inv.token}`)
    expect(inv.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    // Only the hash is stored, and the local stack prints the link.
    const stored = await db.query(
      `select email, role_keys, token_hash = sha256(convert_to($2, 'UTF8')) as hashed, position($2 in i::text) as clear
       from public.invitations i where id = $1`,
      [inv.invitation_id, inv.token],
    )
    expect(stored.rows[0]).toEqual({
      email: person.email,
      role_keys: ['sales', 'warehouse'],
      hashed: true,
      clear: 0,
    })
    const line = `invitation for ${person.email} to ${name}: ${inv.link}`
    await expect.poll(() => printed.includes(line), { timeout: 5000 }).toBe(true)
    expect((await table(person, 'invitations').select('id')).data).toEqual([])

    const accepted = await rpc<string>(person, 'accept_invitation', { p_token: inv.token })
    expect(accepted.error).toBeNull()
    expect(accepted.data).toBe(company)
    const mine = await person.client.rpc('my_tenants')
    expect(mine.data).toEqual([
      expect.objectContaining({ tenant_id: company, role_keys: ['sales', 'warehouse'], active: true }),
    ])
    const row = await table(owner, 'invitations')
      .select('accepted_at, accepted_by')
      .eq('id', inv.invitation_id)
      .single()
    expect(row.data).toEqual({ accepted_at: expect.any(String), accepted_by: person.user.id })
    // The new member reads colleagues (members:read) through RLS, in the company now active for them.
    const colleagues = await person.client.from('memberships').select('user_id').eq('tenant_id', company)
    expect(colleagues.data?.map((m) => m.user_id).sort()).toEqual([owner.user.id, person.user.id].sort())
  })

  it('wrong address, used, expired, revoked and unknown invitations: each its code, nothing changes', async () => {
    const [invitee, stranger] = await Promise.all([signedInUser('right'), signedInUser('wrong')])
    const inv = await invite(owner, invitee.email, ['employee'])
    const wrong = await rpc(stranger, 'accept_invitation', { p_token: inv.token })
    expect(wrong.error).toMatchObject({ code: 'TR206', hint: 'email' })
    expect(await rolesOf(company, stranger.user.id)).toBeNull()

    expect((await rpc(invitee, 'accept_invitation', { p_token: inv.token })).error).toBeNull()
    const used = await rpc(invitee, 'accept_invitation', { p_token: inv.token })
    expect(used.error).toMatchObject({ code: 'TR204', hint: 'token' })

    const late = await signedInUser('late')
    const expired = await invite(owner, late.email, ['employee'])
    await db.query(`update public.invitations set expires_at = now() - interval '1 minute' where id = $1`, [
      expired.invitation_id,
    ])
    expect((await rpc(late, 'accept_invitation', { p_token: expired.token })).error?.code).toBe('TR203')
    expect(await rolesOf(company, late.user.id)).toBeNull()

    const revoked = await invite(owner, late.email, ['employee'])
    expect((await rpc(owner, 'revoke_invitation', { p_invitation: revoked.invitation_id })).error).toBeNull()
    expect((await rpc(late, 'accept_invitation', { p_token: revoked.token })).error?.code).toBe('TR205')
    expect((await rpc(owner, 'revoke_invitation', { p_invitation: revoked.invitation_id })).error?.code).toBe(
      'TR205',
    )
    expect((await rpc(late, 'accept_invitation', { p_token: 'no-such-token' })).error?.code).toBe('TR202')
    expect(await rolesOf(company, late.user.id)).toBeNull()

    // A new invitation supersedes the open one: the older link stops working.
    const first = await invite(owner, late.email, ['employee'])
    const second = await invite(owner, late.email, ['sales'])
    expect((await rpc(late, 'accept_invitation', { p_token: first.token })).error?.code).toBe('TR205')
    expect((await rpc(late, 'accept_invitation', { p_token: second.token })).error).toBeNull()
    expect(await rolesOf(company, late.user.id)).toEqual(['sales'])
  })

  it('refuses a bad address, an unknown role, no role and an existing member', async () => {
    const before = await openInvitations(company)
    const bad = await rpc(owner, 'invite_member', { p_email: 'not-an-address', p_role_keys: ['sales'] })
    expect(bad.error).toMatchObject({ code: 'TR200', hint: 'email' })
    const unknown = await rpc(owner, 'invite_member', {
      p_email: 'x@example.test',
      p_role_keys: ['sales', 'boss'],
    })
    expect(unknown.error).toMatchObject({ code: 'TR106', hint: 'role_keys' })
    expect(unknown.error?.message).toContain('boss')
    const none = await rpc(owner, 'invite_member', { p_email: 'x@example.test', p_role_keys: [] })
    expect(none.error).toMatchObject({ code: 'TR215', hint: 'role_keys' })
    const member = await rpc(owner, 'invite_member', {
      p_email: owner.email.toUpperCase(),
      p_role_keys: ['sales'],
    })
    expect(member.error).toMatchObject({ code: 'TR201', hint: 'email' })
    expect(await openInvitations(company)).toBe(before)
  })

  it('a sales member cannot invite, revoke or change people (TR104); anon cannot call at all', async () => {
    const sales = await join(owner, ['sales'], 'inv-sales')
    const inv = await invite(owner, `someone-${Date.now()}@example.test`, ['employee'])
    expect(
      (await rpc(sales, 'invite_member', { p_email: 'y@example.test', p_role_keys: ['sales'] })).error?.code,
    ).toBe('TR104')
    expect((await rpc(sales, 'revoke_invitation', { p_invitation: inv.invitation_id })).error?.code).toBe(
      'TR104',
    )
    const change = await rpc(sales, 'change_member_roles', { p_user: sales.user.id, p_role_keys: ['admin'] })
    expect(change.error?.code).toBe('TR104')
    expect((await rpc(sales, 'remove_member', { p_user: owner.user.id })).error?.code).toBe('TR104')
    expect(await rolesOf(company, sales.user.id)).toEqual(['sales'])
    // Invitees' addresses are for those who may invite: a colleague sees the members, not the invitations.
    expect((await table(sales, 'invitations').select('id')).data).toEqual([])
    expect((await table(owner, 'invitations').select('id').eq('id', inv.invitation_id)).data).toHaveLength(1)
    const anon = await rpc(client(), 'invite_member', { p_email: 'z@example.test', p_role_keys: ['sales'] })
    expect(anon.error?.code).toBe('42501')
  })
})

describe('members', () => {
  let owner: User
  let company: string
  beforeAll(async () => {
    owner = await signedInUser('mem-owner')
    company = await newCompany(owner)
  })
  async function newDepartment(name: string): Promise<string> {
    const dept = await owner.client
      .from('departments')
      .insert({ tenant_id: company, name })
      .select('id')
      .single()
    if (dept.error) throw new Error(dept.error.message)
    return dept.data.id
  }
  async function departmentOf(user: User): Promise<string | null | undefined> {
    const row = await owner.client
      .from('memberships')
      .select('department_id')
      .eq('user_id', user.user.id)
      .single()
    return row.data?.department_id
  }

  it('changes roles and departments, and removes people', async () => {
    const person = await join(owner, ['sales'], 'mem-person')
    expect(
      (
        await rpc(owner, 'change_member_roles', {
          p_user: person.user.id,
          p_role_keys: ['purchasing', 'employee'],
        })
      ).error,
    ).toBeNull()
    expect(await rolesOf(company, person.user.id)).toEqual(['employee', 'purchasing'])
    const unknown = await rpc(owner, 'change_member_roles', { p_user: person.user.id, p_role_keys: ['nope'] })
    expect(unknown.error?.code).toBe('TR106')
    const stranger = await rpc(owner, 'change_member_roles', {
      p_user: crypto.randomUUID(),
      p_role_keys: ['sales'],
    })
    expect(stranger.error).toMatchObject({ code: 'TR207', hint: 'user_id' })

    const dept = await newDepartment('采购部')
    const placed = await rpc(owner, 'set_member_department', { p_user: person.user.id, p_department: dept })
    expect(placed.error).toBeNull()
    expect(await departmentOf(person)).toBe(dept)
    const noDept = await rpc(owner, 'set_member_department', {
      p_user: person.user.id,
      p_department: crypto.randomUUID(),
    })
    expect(noDept.error).toMatchObject({ code: 'TR216', hint: 'department_id' })

    expect((await rpc(owner, 'remove_member', { p_user: person.user.id })).error).toBeNull()
    expect(await rolesOf(company, person.user.id)).toBeNull()
    expect((await person.client.rpc('my_tenants')).data).toEqual([])
    expect(
      (await rpc(person, 'invite_member', { p_email: 'a@example.test', p_role_keys: ['sales'] })).error?.code,
    ).toBe('TR103')
  })

  it('update_member sets roles and department in one save: a refused department keeps the roles too', async () => {
    const person = await join(owner, ['sales'], 'mem-both')
    const dept = await newDepartment('销售部')
    const refused = await rpc(owner, 'update_member', {
      p_user: person.user.id,
      p_role_keys: ['purchasing'],
      p_department: crypto.randomUUID(),
    })
    expect(refused.error).toMatchObject({ code: 'TR216', hint: 'department_id' })
    expect(await rolesOf(company, person.user.id)).toEqual(['sales'])
    expect(await departmentOf(person)).toBeNull()

    const saved = await rpc(owner, 'update_member', {
      p_user: person.user.id,
      p_role_keys: ['purchasing', 'employee'],
      p_department: dept,
    })
    expect(saved.error).toBeNull()
    expect(await rolesOf(company, person.user.id)).toEqual(['employee', 'purchasing'])
    expect(await departmentOf(person)).toBe(dept)
    // the rights are those of the functions it calls: a buyer may not change people
    const byBuyer = await rpc(person, 'update_member', {
      p_user: person.user.id,
      p_role_keys: ['owner'],
      p_department: null,
    })
    expect(byBuyer.error?.code).toBe('TR104')
  })

  it('the last owner cannot be removed, leave or lose the owner role — not even by direct SQL', async () => {
    expect((await rpc(owner, 'remove_member', { p_user: owner.user.id })).error).toMatchObject({
      code: 'TR208',
    })
    expect((await rpc(owner, 'leave_tenant')).error?.code).toBe('TR208')
    const demote = await rpc(owner, 'change_member_roles', { p_user: owner.user.id, p_role_keys: ['admin'] })
    expect(demote.error?.code).toBe('TR208')
    const ownerRow = [company, owner.user.id]
    await expect(
      db.query(
        `delete from public.membership_roles mr using public.roles r
         where r.id = mr.role_id and r.key = 'owner' and mr.tenant_id = $1 and mr.user_id = $2`,
        ownerRow,
      ),
    ).rejects.toMatchObject({ code: 'TR208' })
    await expect(
      db.query('delete from public.memberships where tenant_id = $1 and user_id = $2', ownerRow),
    ).rejects.toMatchObject({ code: 'TR208' })
    await expect(db.query('delete from auth.users where id = $1', [owner.user.id])).rejects.toMatchObject({
      code: 'TR208',
    })
    expect(await rolesOf(company, owner.user.id)).toEqual(['owner'])
  })

  it('only owners give or take the owner role, or act on owners', async () => {
    const admin = await join(owner, ['admin'], 'mem-admin')
    const sales = await join(owner, ['sales'], 'mem-sales')
    const give = await rpc(admin, 'change_member_roles', { p_user: sales.user.id, p_role_keys: ['owner'] })
    expect(give.error).toMatchObject({ code: 'TR209', hint: 'role_keys' })
    const inviteOwner = await rpc(admin, 'invite_member', {
      p_email: 'o@example.test',
      p_role_keys: ['owner'],
    })
    expect(inviteOwner.error?.code).toBe('TR209')
    expect((await rpc(admin, 'remove_member', { p_user: owner.user.id })).error?.code).toBe('TR209')
    const touch = await rpc(admin, 'change_member_roles', {
      p_user: owner.user.id,
      p_role_keys: ['owner', 'sales'],
    })
    expect(touch.error?.code).toBe('TR209')
    expect((await rpc(admin, 'transfer_ownership', { p_user: admin.user.id })).error?.code).toBe('TR209')
    // An owner may make a second owner, and then either may step down.
    expect(
      (await rpc(owner, 'change_member_roles', { p_user: sales.user.id, p_role_keys: ['owner'] })).error,
    ).toBeNull()
    expect(
      (await rpc(sales, 'change_member_roles', { p_user: sales.user.id, p_role_keys: ['sales'] })).error,
    ).toBeNull()
    expect(await rolesOf(company, sales.user.id)).toEqual(['sales'])
  })

  it('ownership is handed over: the new owner gets the owner role, the old one becomes admin', async () => {
    const boss = await signedInUser('ho-boss')
    const tenant = await newCompany(boss)
    const heir = await join(boss, ['accountant'], 'ho-heir')
    expect((await rpc(boss, 'transfer_ownership', { p_user: boss.user.id })).error?.code).toBe('TR217')
    expect((await rpc(boss, 'transfer_ownership', { p_user: crypto.randomUUID() })).error?.code).toBe('TR207')
    expect((await rpc(boss, 'transfer_ownership', { p_user: heir.user.id })).error).toBeNull()
    expect(await rolesOf(tenant, heir.user.id)).toEqual(['accountant', 'owner'])
    expect(await rolesOf(tenant, boss.user.id)).toEqual(['admin'])
    // The former owner is free to leave now; the new one is the last owner.
    expect((await rpc(boss, 'leave_tenant')).error).toBeNull()
    expect(await rolesOf(tenant, boss.user.id)).toBeNull()
    expect((await rpc(heir, 'leave_tenant')).error?.code).toBe('TR208')
  })

  it('records membership changes in the audit log with the actor', async () => {
    const person = await join(owner, ['employee'], 'audit')
    await rpc(owner, 'change_member_roles', { p_user: person.user.id, p_role_keys: ['cashier'] })
    const log = await owner.client
      .from('audit_log')
      .select('table_name, action, actor_id, row_id')
      .eq('tenant_id', company)
      .like('row_id', `%${person.user.id}%`)
      .order('id')
    expect(log.error).toBeNull()
    const seen = log.data?.map((r) => [r.table_name, r.action, r.actor_id])
    expect(seen).toEqual(
      expect.arrayContaining([
        ['memberships', 'insert', person.user.id],
        ['membership_roles', 'insert', person.user.id],
        ['membership_roles', 'delete', owner.user.id],
        ['membership_roles', 'insert', owner.user.id],
      ]),
    )
    const invitations = await owner.client
      .from('audit_log')
      .select('actor_id')
      .eq('tenant_id', company)
      .eq('table_name', 'invitations')
    expect(invitations.data?.map((r) => r.actor_id)).toContain(owner.user.id)
  })
})

describe('another company', () => {
  it('a member of another company cannot act on this one and sees none of its invitations', async () => {
    const [owner, outsider] = await Promise.all([signedInUser('iso-owner'), signedInUser('iso-outsider')])
    const company = await newCompany(owner)
    await newCompany(outsider)
    const member = await join(owner, ['sales'], 'iso-member')
    const inv = await invite(owner, `pending-${Date.now()}@example.test`, ['employee'])

    const pinned = inTenant(outsider, company)
    const viaHeader = await rpc(pinned, 'invite_member', {
      p_email: 'q@example.test',
      p_role_keys: ['admin'],
    })
    expect(viaHeader.error).toMatchObject({ code: 'TR103', hint: 'x-tenant-id' })
    expect(
      (await rpc(pinned, 'change_member_roles', { p_user: member.user.id, p_role_keys: ['admin'] })).error
        ?.code,
    ).toBe('TR103')
    expect((await table(pinned, 'invitations').select('id')).data).toEqual([])
    expect((await table(outsider, 'invitations').select('id').eq('tenant_id', company)).data).toEqual([])
    // In their own company, this company's people and invitations do not exist.
    expect(
      (await rpc(outsider, 'change_member_roles', { p_user: member.user.id, p_role_keys: ['admin'] })).error
        ?.code,
    ).toBe('TR207')
    expect((await rpc(outsider, 'remove_member', { p_user: owner.user.id })).error?.code).toBe('TR207')
    expect((await rpc(outsider, 'transfer_ownership', { p_user: owner.user.id })).error?.code).toBe('TR207')
    expect((await rpc(outsider, 'revoke_invitation', { p_invitation: inv.invitation_id })).error?.code).toBe(
      'TR202',
    )
    expect(await rolesOf(company, member.user.id)).toEqual(['sales'])
    expect(await rolesOf(company, owner.user.id)).toEqual(['owner'])
    expect(await openInvitations(company)).toBe(1)
  })
})

describe('custom roles', () => {
  let owner: User
  let admin: User
  let company: string
  const roleId = async (key: string) =>
    (await db.query('select id from public.roles where tenant_id = $1 and key = $2', [company, key])).rows[0]
      ?.id as string
  const rights = async (role: string) =>
    (
      await db.query(
        `select array_agg(resource || ':' || action order by resource, action) as r
         from public.role_permissions where role_id = $1`,
        [role],
      )
    ).rows[0].r as string[]
  beforeAll(async () => {
    owner = await signedInUser('roles-owner')
    company = await newCompany(owner)
    admin = await join(owner, ['admin'], 'roles-admin')
  })

  it('copy_role copies the matrix; an admin edits the copy through REST; the catalog bounds it', async () => {
    const copied = await rpc<string>(admin, 'copy_role', {
      p_from_key: 'sales',
      p_new_key: 'sales_lead',
      p_name: '销售主管',
    })
    expect(copied.error).toBeNull()
    const lead = copied.data
    expect(await rights(lead)).toEqual(await rights(await roleId('sales')))

    const add = await admin.client
      .from('role_permissions')
      .insert({ tenant_id: company, role_id: lead, resource: 'members', action: 'create' })
    expect(add.error).toBeNull()
    const drop = await admin.client
      .from('role_permissions')
      .delete()
      .match({ role_id: lead, resource: 'roles' })
      .select()
    expect(drop.error).toBeNull()
    expect(drop.data?.length).toBeGreaterThan(0)
    const change = await admin.client
      .from('role_permissions')
      .update({ action: 'update' })
      .match({ role_id: lead, resource: 'members', action: 'create' })
      .select('action')
    expect(change.data).toEqual([{ action: 'update' }])
    expect(await rights(lead)).toContain('members:update')
    expect(await rights(lead)).not.toContain('roles:read')
    const notInCatalog = await admin.client
      .from('role_permissions')
      .insert({ tenant_id: company, role_id: lead, resource: 'members', action: 'approve' })
    expect(notInCatalog.error?.code).toBe('23503')

    const person = await join(owner, ['employee'], 'roles-person')
    expect(
      (await rpc(admin, 'change_member_roles', { p_user: person.user.id, p_role_keys: ['sales_lead'] }))
        .error,
    ).toBeNull()
    expect(await rolesOf(company, person.user.id)).toEqual(['sales_lead'])

    const again = await rpc(admin, 'copy_role', { p_from_key: 'sales', p_new_key: 'sales_lead', p_name: 'x' })
    expect(again.error).toMatchObject({ code: 'TR214', hint: 'key' })
    const badKey = await rpc(admin, 'copy_role', {
      p_from_key: 'sales',
      p_new_key: 'Sales Lead',
      p_name: 'x',
    })
    expect(badKey.error).toMatchObject({ code: 'TR213', hint: 'key' })
    const noName = await rpc(admin, 'copy_role', { p_from_key: 'sales', p_new_key: 'x2', p_name: ' ' })
    expect(noName.error).toMatchObject({ code: 'TR213', hint: 'name' })
    expect(
      (await rpc(admin, 'copy_role', { p_from_key: 'nope', p_new_key: 'x3', p_name: 'x' })).error?.code,
    ).toBe('TR106')
    // A custom role can be deleted (its holders lose it), a built-in one cannot.
    const gone = await admin.client.from('roles').delete().eq('id', lead).select('id')
    expect(gone.data).toHaveLength(1)
    expect(await rolesOf(company, person.user.id)).toEqual([])
  })

  it("built-in roles keep their keys and the owner role's rights are immutable, for everyone", async () => {
    const owners = await roleId('owner')
    for (const who of [admin, owner]) {
      const add = await who.client
        .from('role_permissions')
        .insert({ tenant_id: company, role_id: owners, resource: 'members', action: 'read' })
      expect(add.error?.code).toBe('TR212')
      const del = await who.client.from('role_permissions').delete().eq('role_id', owners)
      expect(del.error).toMatchObject({ code: 'TR212', hint: 'role_id' })
    }
    const before = await rights(owners)
    expect(before).toContain('members:delete')
    const rekey = await admin.client.from('roles').update({ key: 'boss' }).eq('key', 'sales')
    expect(rekey.error).toMatchObject({ code: 'TR211', hint: 'key' })
    const del = await owner.client.from('roles').delete().eq('key', 'sales')
    expect(del.error?.code).toBe('TR211')
    const fake = await admin.client
      .from('roles')
      .insert({ tenant_id: company, key: 'fake', name: 'Fake', builtin: true })
    expect(fake.error?.code).toBe('TR211')
    expect(await rights(owners)).toEqual(before)
    expect(await roleId('sales')).toBeDefined()
    // The owner role can still be copied into a custom role, whose rights are then editable.
    expect(
      (await rpc(owner, 'copy_role', { p_from_key: 'owner', p_new_key: 'deputy', p_name: '副总' })).error,
    ).toBeNull()
  })

  it('nobody grants a right they do not hold, even with roles:create', async () => {
    const editor = await rpc<string>(owner, 'copy_role', {
      p_from_key: 'employee',
      p_new_key: 'role_editor',
      p_name: 'Roles',
    })
    const grants = ['read', 'create', 'update', 'delete'].map((action) => ({
      tenant_id: company,
      role_id: editor.data,
      resource: 'roles',
      action,
    }))
    const given = await owner.client.from('role_permissions').upsert(grants, { ignoreDuplicates: true })
    expect(given.error).toBeNull()
    const person = await join(owner, ['role_editor'], 'roles-editor')
    const climb = await person.client
      .from('role_permissions')
      .insert({ tenant_id: company, role_id: editor.data, resource: 'members', action: 'delete' })
    expect(climb.error).toMatchObject({ code: 'TR210', hint: 'resource' })
    expect(await rights(editor.data)).not.toContain('members:delete')
  })
})
