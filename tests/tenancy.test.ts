// Companies, the active company, rights from the matrix, read-only expired trials, the audit log.
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newCreditCode, withCheckCharacter } from './helpers/credit-code.ts'
import { client, clientWith, serviceClient, signedInUser, superuserDb } from './helpers/stack.ts'

type User = Awaited<ReturnType<typeof signedInUser>>
let owner: User
let stranger: User
let tenant: string
let db: pg.Client

beforeAll(async () => {
  db = await superuserDb()
  ;[owner, stranger] = await Promise.all([signedInUser('owner'), signedInUser('stranger')])
  const created = await owner.client.rpc('create_company', {
    p_name: '测试贸易有限公司',
    p_credit_code: newCreditCode(),
    p_taxpayer_type: 'general',
  })
  expect(created.error).toBeNull()
  tenant = created.data as string
})
afterAll(async () => {
  await db.end()
})

describe('统一社会信用代码', () => {
  it('is checked with the GB 32100 check character', async () => {
    const valid = ['91350100M000100Y43', withCheckCharacter('91110000600037341'), newCreditCode()]
    for (const code of valid) {
      const { rows } = await db.query('select public.is_valid_credit_code($1) as ok', [code])
      expect(rows[0].ok, code).toBe(true)
    }
    const invalid = ['91350100M000100Y44', '91350100M000100Y4', '91350100M000100I43', '']
    for (const code of invalid) {
      const { rows } = await db.query('select public.is_valid_credit_code($1) as ok', [code])
      expect(rows[0].ok, code).toBe(false)
    }
  })

  it('a company with an invalid code is refused with TR101 and nothing is created', async () => {
    const before = await db.query('select count(*)::int as n from public.tenants')
    const r = await stranger.client.rpc('create_company', {
      p_name: 'Bad',
      p_credit_code: '91350100M000100Y44',
    })
    expect(r.error?.code).toBe('TR101')
    expect(r.error?.message).toContain('统一社会信用代码')
    const after = await db.query('select count(*)::int as n from public.tenants')
    expect(after.rows[0].n).toBe(before.rows[0].n)
  })

  it('anon cannot create a company', async () => {
    const r = await client().rpc('create_company', { p_name: 'X', p_credit_code: newCreditCode() })
    expect(r.error).not.toBeNull()
  })
})

describe('the creator of a company', () => {
  it('owns it, works in it and sees the trial days left', async () => {
    const mine = await owner.client.rpc('my_tenants')
    expect(mine.data).toEqual([
      {
        tenant_id: tenant,
        name: '测试贸易有限公司',
        status: 'trial',
        trial_days_left: 15,
        role_keys: ['owner'],
        active: true,
      },
    ])
    const company = await owner.client.from('tenants').select('id, status, taxpayer_type, base_currency')
    expect(company.data).toEqual([
      { id: tenant, status: 'trial', taxpayer_type: 'general', base_currency: 'CNY' },
    ])
  })

  it('gets the built-in roles with the default matrix', async () => {
    const roles = await owner.client.from('roles').select('key').order('key')
    expect(roles.data?.map((r) => r.key)).toEqual([
      'accountant',
      'admin',
      'cashier',
      'employee',
      'owner',
      'purchasing',
      'sales',
      'warehouse',
    ])
    const perms = await owner.client.rpc('my_permissions')
    const owned = (perms.data as { resource: string; action: string }[]).map(
      (p) => `${p.resource}:${p.action}`,
    )
    expect(owned).toEqual(
      expect.arrayContaining(['members:create', 'roles:update', 'audit_log:read', 'tenant:update']),
    )
  })

  it('may rename the company; the audit log records who did it', async () => {
    const r = await owner.client
      .from('tenants')
      .update({ name: '测试贸易（上海）有限公司' })
      .eq('id', tenant)
      .select('name')
    expect(r.data).toEqual([{ name: '测试贸易（上海）有限公司' }])
    const log = await owner.client
      .from('audit_log')
      .select('table_name, row_id, action, actor_id, before:old_values->>name, after:new_values->>name')
      .eq('table_name', 'tenants')
      .eq('action', 'update')
    expect(log.data).toEqual([
      {
        table_name: 'tenants',
        row_id: tenant,
        action: 'update',
        actor_id: owner.user.id,
        before: '测试贸易有限公司',
        after: '测试贸易（上海）有限公司',
      },
    ])
  })
})

describe('what a company may change about itself', () => {
  it('not its trial, status or the shape of its books', async () => {
    for (const change of [
      { trial_ends_at: '2099-01-01T00:00:00Z' },
      { status: 'active' },
      { accounting_standard: 'enterprise' },
    ]) {
      const r = await owner.client
        .from('tenants')
        .update(change as never)
        .eq('id', tenant)
      expect(r.error?.code, JSON.stringify(change)).toBe('42501')
    }
    const bad = await owner.client
      .from('tenants')
      .update({ credit_code: '91350100M000100Y44' })
      .eq('id', tenant)
    expect(bad.error?.code).toBe('23514')
  })
})

describe('isolation between companies', () => {
  it('a stranger sees nothing of the company and cannot switch to it', async () => {
    for (const table of [
      'tenants',
      'roles',
      'memberships',
      'role_permissions',
      'audit_log',
      'departments',
    ] as const) {
      const r = await stranger.client.from(table).select('*')
      expect(r.data, table).toEqual([])
    }
    const sw = await stranger.client.rpc('switch_tenant', { p_tenant: tenant })
    expect(sw.error?.code).toBe('TR103')
  })

  it('naming the company in x-tenant-id does not help a stranger', async () => {
    const spoof = clientWith(stranger.session.access_token, { 'x-tenant-id': tenant })
    const r = await spoof.from('tenants').select('id')
    expect(r.data).toEqual([])
    const dept = await spoof.from('departments').insert({ tenant_id: tenant, name: '潜入部' })
    expect(dept.error?.code).toBe('42501')
  })

  it('a person in two companies sees one at a time, chosen by switch_tenant or x-tenant-id', async () => {
    const second = await owner.client.rpc('create_company', {
      p_name: '第二家公司',
      p_credit_code: newCreditCode(),
    })
    expect(second.error).toBeNull()
    const now = await owner.client.from('tenants').select('id')
    expect(now.data).toEqual([{ id: second.data }])
    const perTab = clientWith(owner.session.access_token, { 'x-tenant-id': tenant })
    expect((await perTab.from('tenants').select('id')).data).toEqual([{ id: tenant }])
    await owner.client.rpc('switch_tenant', { p_tenant: tenant })
    // The choice is stored, so it survives a token refresh.
    const refreshed = await owner.client.auth.refreshSession()
    expect(refreshed.error).toBeNull()
    expect((await owner.client.from('tenants').select('id')).data).toEqual([{ id: tenant }])
    const list = await owner.client.rpc('my_tenants')
    expect((list.data as { active: boolean }[]).filter((t) => t.active)).toHaveLength(1)
  })

  it('nobody changes their active company by writing the profile directly', async () => {
    const r = await stranger.client
      .from('profiles')
      .update({ active_tenant_id: tenant } as never)
      .eq('id', stranger.user.id)
    expect(r.error?.code).toBe('42501')
  })
})

describe('departments', () => {
  it('form a tree without cycles', async () => {
    const top = await owner.client
      .from('departments')
      .insert({ tenant_id: tenant, name: '总经办' })
      .select('id')
      .single()
    const child = await owner.client
      .from('departments')
      .insert({ tenant_id: tenant, name: '销售部', parent_id: top.data?.id, manager_id: owner.user.id })
      .select('id')
      .single()
    expect(child.error).toBeNull()
    const cycle = await owner.client
      .from('departments')
      .update({ parent_id: child.data?.id })
      .eq('id', top.data?.id ?? '')
    expect(cycle.error?.code).toBe('TR102')
  })
})

describe('the audit log', () => {
  it('cannot be changed or deleted, not even by service_role or the postgres role', async () => {
    const service = serviceClient()
    const del = await service.from('audit_log').delete().eq('tenant_id', tenant)
    expect(del.error?.code).toBe('42501')
    const upd = await owner.client.from('audit_log').update({ action: 'insert' }).eq('tenant_id', tenant)
    expect(upd.error?.code).toBe('42501')
    await expect(db.query('delete from public.audit_log where tenant_id = $1', [tenant])).rejects.toThrow(
      /append-only/,
    )
  })
})

describe('an expired trial', () => {
  it('is read-only in the database', async () => {
    const late = await signedInUser('late')
    const made = await late.client.rpc('create_company', {
      p_name: '过期公司',
      p_credit_code: newCreditCode(),
    })
    await db.query("update public.tenants set trial_ends_at = now() - interval '1 day' where id = $1", [
      made.data,
    ])
    const read = await late.client.from('tenants').select('id')
    expect(read.data).toEqual([{ id: made.data }])
    const write = await late.client
      .from('departments')
      .insert({ tenant_id: made.data as string, name: '新部门' })
    expect(write.error?.code).toBe('42501')
    const mine = await late.client.rpc('my_tenants')
    expect(mine.data).toMatchObject([{ status: 'expired', trial_days_left: 0 }])
    const perms = await late.client.rpc('my_permissions')
    expect((perms.data as { action: string }[]).every((p) => ['read', 'export'].includes(p.action))).toBe(
      true,
    )
  })
})
