// The demo company of seeds/02_demo_company.sql as each demo login sees it through the API: the company
// is active (paid) and theirs, their rights are the default matrix of their role, the org chart and
// colleagues are visible. Reads only: other test files share the stack and the demo company stays intact.
import type { SupabaseClient } from '@supabase/supabase-js'
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoPassword } from '../stack/demo.ts'
import type { Database } from '../supabase/types.ts'
import { ledgerViolations } from './helpers/ledger.ts'
import { client, superuserDb } from './helpers/stack.ts'

const companyName = '上海三驾马车贸易有限公司'
const roleOf = {
  'boss@example.com': 'owner',
  'sales@example.com': 'sales',
  'sales2@example.com': 'sales',
  'purchasing@example.com': 'purchasing',
  'warehouse@example.com': 'warehouse',
  'accountant@example.com': 'accountant',
  'cashier@example.com': 'cashier',
} as const
type Email = keyof typeof roleOf
const emails = Object.keys(roleOf) as Email[]

interface Person {
  client: SupabaseClient<Database>
  id: string
}
const people = {} as Record<Email, Person>
let db: pg.Client
let companyId: string

const key = (p: { resource: string; action: string }) => `${p.resource}:${p.action}`

beforeAll(async () => {
  db = await superuserDb()
  const { rows } = await db.query<{ id: string }>('select id from public.tenants where credit_code = $1', [
    '91310115MA1K2T7B1L',
  ])
  companyId = rows[0]?.id
  for (const email of emails) {
    const c = client()
    const { data, error } = await c.auth.signInWithPassword({ email, password: demoPassword })
    if (error) throw error
    people[email] = { client: c, id: data.user.id }
  }
})

afterAll(async () => {
  await db?.end()
})

describe('demo company', () => {
  it('exists, with a valid credit code', async () => {
    expect(companyId).toBeDefined()
    const { rows } = await db.query(
      'select public.is_valid_credit_code(credit_code) as ok, status from public.tenants where id = $1',
      [companyId],
    )
    expect(rows).toEqual([{ ok: true, status: 'active' }])
  })

  it.each(emails)('%s works in it, active and paid, with the right role', async (email) => {
    const { data, error } = await people[email].client.rpc('my_tenants')
    expect(error).toBeNull()
    const demo = data?.find((t) => t.tenant_id === companyId)
    expect(demo).toMatchObject({
      name: companyName,
      status: 'active',
      trial_days_left: null,
      role_keys: [roleOf[email]],
      active: true,
    })
  })

  it.each(emails)('%s has exactly the default rights of their role', async (email) => {
    const { rows } = await db.query<{ resource: string; action: string }>(
      'select resource, action from app_private.default_permissions where role_key = $1',
      [roleOf[email]],
    )
    const { data, error } = await people[email].client.rpc('my_permissions')
    expect(error).toBeNull()
    expect((data ?? []).map(key).sort()).toEqual(rows.map(key).sort())
  })

  it('gives different rights to different roles', async () => {
    const rights = async (email: Email) =>
      new Set(((await people[email].client.rpc('my_permissions')).data ?? []).map(key))
    const [boss, accountant, sales] = await Promise.all([
      rights('boss@example.com'),
      rights('accountant@example.com'),
      rights('sales@example.com'),
    ])
    expect(accountant.has('audit_log:read')).toBe(true)
    expect(sales.has('audit_log:read')).toBe(false)
    expect(boss.has('members:create')).toBe(true)
    expect(sales.has('members:create')).toBe(false)
    expect(boss.size).toBeGreaterThan(accountant.size)
  })

  it('lets the accountant read the audit log and not sales', async () => {
    const asAccountant = await people['accountant@example.com'].client
      .from('audit_log')
      .select('table_name, actor_id')
      .eq('table_name', 'departments')
    expect(asAccountant.error).toBeNull()
    expect(asAccountant.data).toHaveLength(4)
    expect(asAccountant.data?.every((r) => r.actor_id === people['boss@example.com'].id)).toBe(true)
    const asSales = await people['sales@example.com'].client.from('audit_log').select('id')
    expect(asSales.error).toBeNull()
    expect(asSales.data).toEqual([])
  })

  it.each(emails)('%s sees the org chart', async (email) => {
    const { data, error } = await people[email].client
      .from('departments')
      .select('id, name, parent_id, manager_id')
      .eq('tenant_id', companyId)
    expect(error).toBeNull()
    const byName = new Map((data ?? []).map((d) => [d.name, d]))
    expect([...byName.keys()].sort()).toEqual(['仓储部', '总经办', '财务部', '销售部'].sort())
    const top = byName.get('总经办')
    expect(top).toMatchObject({ parent_id: null, manager_id: people['boss@example.com'].id })
    expect(byName.get('销售部')).toMatchObject({
      parent_id: top?.id,
      manager_id: people['sales@example.com'].id,
    })
    expect(byName.get('仓储部')?.manager_id).toBe(people['warehouse@example.com'].id)
    expect(byName.get('财务部')?.manager_id).toBe(people['accountant@example.com'].id)
  })

  it('shows the boss every member with their role and department', async () => {
    const { data, error } = await people['boss@example.com'].client
      .from('memberships')
      .select(
        'email, display_name, departments!memberships_tenant_id_department_id_fkey(name), membership_roles(roles(key))',
      )
      .eq('tenant_id', companyId)
    expect(error).toBeNull()
    const seen = Object.fromEntries(
      (data ?? []).map((m) => [m.email, m.membership_roles.map((mr) => mr.roles?.key).join(',')]),
    )
    expect(seen).toEqual(roleOf)
    expect(data?.every((m) => m.display_name.length > 0 && m.departments?.name)).toBe(true)
    const sales = data?.filter((m) => m.departments?.name === '销售部').map((m) => m.email)
    expect(sales?.sort()).toEqual(['sales2@example.com', 'sales@example.com'])
  })

  it('refuses a department from sales (no departments:create) and changes nothing', async () => {
    const { error } = await people['sales@example.com'].client
      .from('departments')
      .insert({ tenant_id: companyId, name: '销售二部' })
    expect(error?.code).toBe('42501')
    const { rows } = await db.query(
      'select count(*)::int as n from public.departments where tenant_id = $1',
      [companyId],
    )
    expect(rows[0].n).toBe(4)
  })

  it('has trade to show (seeds/03_demo_trade.sql): stock, a paid contract, one waiting for the boss, balanced books', async () => {
    const boss = people['boss@example.com'].client
    const board = (await boss.rpc('boss_dashboard')).data as Record<string, number>
    expect(board.stock_value).toBeGreaterThan(0)
    expect(board.today_sales).toBeGreaterThan(0)
    expect(board.pending_approvals).toBe(1)
    const inbox = await boss.rpc('approval_inbox_counts')
    expect(inbox.error).toBeNull()
    const shipments = await people['sales@example.com'].client
      .from('customer_shipments')
      .select('tracking_number')
    expect(shipments.data?.map((s) => s.tracking_number).sort()).toEqual(['SF1402398765432', 'ZT7788990011'])
    expect(await ledgerViolations(db, companyId)).toEqual([])
  })
})
