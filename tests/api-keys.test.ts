// Tenant API keys (supabase/migrations/*_extensions.sql, functions/api-token): a key acts as a
// service account of ONE company with one role of the matrix, through the same REST API and RLS as a
// person; revoked, rotated and expired keys stop working at once. Everything goes through supabase-js
// and the api-token edge function; superuserDb() only looks behind RLS or moves an expiry into the past.
import type { RealtimeChannel, SupabaseClient } from '@supabase/supabase-js'
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { troikaClient } from '../docs/examples/troika-integration.ts'
import { apiReferenceMarkdown } from '../stack/api-docs.ts'
import { colleague, newCompany } from './helpers/company.ts'
import { client, clientWith, stackInfo, superuserDb } from './helpers/stack.ts'

type Company = Awaited<ReturnType<typeof newCompany>>
type Failure = { code: string; message: string; hint: string | null } | null
type Untyped = { rpc(fn: string, args?: object): PromiseLike<{ data: unknown; error: Failure }> }
type NewKey = { api_key_id: string; api_key: string; prefix: string; expires_at: string | null }

let db: pg.Client
let a: Company
let b: Company
let partyOfA: string
let partyOfB: string

async function rpc<T = unknown>(c: SupabaseClient, fn: string, args: object = {}) {
  const { data, error } = await (c as unknown as Untyped).rpc(fn, args)
  return { data: data as T, error }
}

async function createKey(
  c: SupabaseClient,
  role: string,
  name = 'ERP sync',
  expiresAt: string | null = null,
) {
  const { data, error } = await rpc<NewKey[]>(c, 'create_api_key', {
    p_name: name,
    p_role_key: role,
    p_expires_at: expiresAt,
  })
  if (error) throw new Error(`create_api_key: ${error.code} ${error.message}`)
  return data[0]
}

/** POST /functions/v1/api-token as an integration would (no user, just the anon key). */
async function exchange(apiKey: string) {
  const res = await fetch(`${stackInfo().apiUrl}/functions/v1/api-token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', apikey: stackInfo().anonKey },
    body: JSON.stringify({ api_key: apiKey }),
  })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

async function tokenFor(apiKey: string): Promise<string> {
  const { status, body } = await exchange(apiKey)
  expect(status, JSON.stringify(body)).toBe(200)
  return body.access_token as string
}

async function newParty(c: SupabaseClient, tenantId: string, code: string) {
  const { data, error } = await c
    .from('parties')
    .insert({ tenant_id: tenantId, code, name: `Party ${code}` } as never)
    .select('id')
    .single()
  if (error) throw new Error(`party: ${error.message}`)
  return (data as { id: string }).id
}

beforeAll(async () => {
  db = await superuserDb()
  a = await newCompany('keys-a')
  b = await newCompany('keys-b')
  partyOfA = await newParty(a.ownerClient, a.tenantId, `KA${Date.now() % 100000}`)
  partyOfB = await newParty(b.ownerClient, b.tenantId, `KB${Date.now() % 100000}`)
}, 60_000)
afterAll(async () => {
  await db?.end()
})

describe('API keys: creating and listing', () => {
  it('returns the key once, lists it by prefix only, and keeps just a hash', async () => {
    const key = await createKey(a.ownerClient, 'sales', 'Shop sync')
    expect(key.api_key).toMatch(/^trk_[0-9a-f]{10}_[0-9a-f]{64}$/)
    expect(key.api_key.startsWith(`trk_${key.prefix}_`)).toBe(true)
    const secret = key.api_key.slice(15)

    const { data: list, error } = await rpc<Array<Record<string, unknown>>>(a.ownerClient, 'list_api_keys')
    expect(error).toBeNull()
    const row = list.find((k) => k.id === key.api_key_id)
    expect(row).toMatchObject({
      name: 'Shop sync',
      prefix: key.prefix,
      role_keys: ['sales'],
      status: 'active',
    })
    const table = await a.ownerClient.from('api_keys' as never).select('*')
    expect(table.error).toBeNull()
    const everything = JSON.stringify([list, table.data])
    expect(everything).not.toContain(secret)
    expect(everything).not.toMatch(/hash/)
    // Behind RLS: only a SHA-256 of the key is stored, nowhere the key.
    const { rows } = await db.query(
      `select encode(secret_hash, 'hex') = encode(sha256(convert_to($2, 'UTF8')), 'hex') as matches
       from app_private.api_key_hashes where api_key_id = $1`,
      [key.api_key_id, key.api_key],
    )
    expect(rows).toEqual([{ matches: true }])
  })

  it('is for those with api_keys rights, never gives the owner role or an expiry in the past', async () => {
    const sales = await colleague(db, a.tenantId, 'sales', 'keys-sales')
    const refused = await rpc(sales.db, 'create_api_key', { p_name: 'mine', p_role_key: 'sales' })
    expect(refused.error?.code).toBe('TR104')
    const listRefused = await rpc(sales.db, 'list_api_keys')
    expect(listRefused.error?.code).toBe('TR104')

    const owner = await rpc(a.ownerClient, 'create_api_key', { p_name: 'boss', p_role_key: 'owner' })
    expect(owner.error).toMatchObject({ code: 'TR802', hint: 'role_key' })
    const past = await rpc(a.ownerClient, 'create_api_key', {
      p_name: 'old',
      p_role_key: 'sales',
      p_expires_at: new Date(Date.now() - 60_000).toISOString(),
    })
    expect(past.error).toMatchObject({ code: 'TR801', hint: 'expires_at' })
    const noName = await rpc(a.ownerClient, 'create_api_key', { p_name: '  ', p_role_key: 'sales' })
    expect(noName.error).toMatchObject({ code: 'TR800', hint: 'name' })
    const unknown = await rpc(a.ownerClient, 'create_api_key', { p_name: 'x', p_role_key: 'nobody' })
    expect(unknown.error?.code).toBe('TR106')
    const { rows } = await db.query(
      `select count(*)::int as n from public.api_keys where tenant_id = $1 and name in ('old', '  ', 'x', 'boss')`,
      [a.tenantId],
    )
    expect(rows[0].n).toBe(0)
  })

  it('another company cannot see, rotate or revoke the key', async () => {
    const key = await createKey(a.ownerClient, 'sales', 'Not yours')
    const seen = await b.ownerClient
      .from('api_keys' as never)
      .select('id')
      .eq('id', key.api_key_id)
    expect(seen.data).toEqual([])
    const revoke = await rpc(b.ownerClient, 'revoke_api_key', { p_api_key: key.api_key_id })
    expect(revoke.error).toMatchObject({ code: 'TR803', hint: 'api_key_id' })
    const rotate = await rpc(b.ownerClient, 'rotate_api_key', { p_api_key: key.api_key_id })
    expect(rotate.error?.code).toBe('TR803')
    expect((await exchange(key.api_key)).status).toBe(200)
  })
})

describe('API keys: through the key, the API behaves as a member with that role', () => {
  let key: NewKey
  let asKey: SupabaseClient

  beforeAll(async () => {
    key = await createKey(a.ownerClient, 'sales', 'CRM sync', new Date(Date.now() + 86_400_000).toISOString())
    asKey = clientWith(await tokenFor(key.api_key)) as unknown as SupabaseClient
  })

  it('exchanges only valid keys for a short-lived token of the service account', async () => {
    const { status, body } = await exchange(key.api_key)
    expect(status).toBe(200)
    expect(body).toMatchObject({ token_type: 'bearer', tenant_id: a.tenantId, api_key_id: key.api_key_id })
    expect(body.expires_in).toBeGreaterThan(0)
    expect(body.expires_in).toBeLessThanOrEqual(600)
    // The key may also come as the bearer token (no body), as HTTP clients of other tools send it.
    const viaHeader = await fetch(`${stackInfo().apiUrl}/functions/v1/api-token`, {
      method: 'POST',
      headers: { apikey: stackInfo().anonKey, Authorization: `Bearer ${key.api_key}` },
    })
    expect(viaHeader.status).toBe(200)
    expect((await viaHeader.json()).api_key_id).toBe(key.api_key_id)
    const wrong = await exchange(`trk_${key.prefix}_${'0'.repeat(64)}`)
    expect(wrong).toMatchObject({ status: 401, body: { code: 'TR805' } })
    expect((await exchange('not a key')).status).toBe(400)
    // The project-wide keys are not API keys.
    expect((await exchange(stackInfo().serviceRoleKey)).status).toBe(400)
  })

  it('reads its own company and nothing of another', async () => {
    const mine = await asKey.from('parties').select('id')
    expect(mine.error).toBeNull()
    const ids = (mine.data ?? []).map((p: { id: string }) => p.id)
    expect(ids).toContain(partyOfA)
    expect(ids).not.toContain(partyOfB)
    const direct = await asKey.from('parties').select('id').eq('id', partyOfB)
    expect(direct.data).toEqual([])
    // Pointing at the other company does not help: the service account is no member there.
    const other = clientWith((await exchange(key.api_key)).body.access_token as string, {
      'x-tenant-id': b.tenantId,
    })
    const there = await other.from('parties').select('id')
    expect(there.data ?? []).toEqual([])
    const tenants = await asKey.from('tenants').select('id')
    expect((tenants.data ?? []).map((t: { id: string }) => t.id)).toEqual([a.tenantId])
  })

  it('writes what the role may, refused what it may not, and the audit log names the service account', async () => {
    const code = `KEY${Date.now() % 100000}`
    const created = await asKey
      .from('parties')
      .insert({ tenant_id: a.tenantId, code, name: 'Made by a key' } as never)
      .select('id')
      .single()
    expect(created.error).toBeNull()
    const partyId = (created.data as { id: string }).id
    const { rows } = await db.query(
      `select l.actor_id = k.service_user_id as by_key from public.audit_log l, public.api_keys k
       where l.table_name = 'parties' and l.row_id = $1 and l.action = 'insert' and k.id = $2`,
      [partyId, key.api_key_id],
    )
    expect(rows).toEqual([{ by_key: true }])

    // sales may not add items, delete parties, manage keys or webhooks.
    const item = await asKey
      .from('items')
      .insert({ tenant_id: a.tenantId, sku: 'NOPE-1', name: 'No' } as never)
    expect(item.error?.code).toBe('42501')
    await asKey.from('parties').delete().eq('id', partyOfA)
    const still = await db.query('select 1 from public.parties where id = $1', [partyOfA])
    expect(still.rowCount).toBe(1)
    const anotherKey = await rpc(asKey, 'create_api_key', { p_name: 'escalate', p_role_key: 'admin' })
    expect(anotherKey.error?.code).toBe('TR104')
    const keys = await asKey.from('api_keys' as never).select('id')
    expect(keys.data).toEqual([])
    // Nor write into the other company.
    const intoB = await asKey
      .from('parties')
      .insert({ tenant_id: b.tenantId, code: 'X1', name: 'x' } as never)
    expect(intoB.error?.code).toBe('42501')
  })
})

describe('API keys: revoked, rotated and expired keys stop working at once', () => {
  it('revoking refuses the tokens already handed out, on the next request', async () => {
    const key = await createKey(a.ownerClient, 'sales', 'To revoke')
    const asKey = clientWith(await tokenFor(key.api_key))
    expect((await asKey.from('parties').select('id')).data?.length).toBeGreaterThan(0)

    const { error } = await rpc(a.ownerClient, 'revoke_api_key', { p_api_key: key.api_key_id })
    expect(error).toBeNull()
    const after = await asKey.from('parties').select('id')
    expect(after.status).toBe(401)
    expect(after.error?.code).toBe('TR805')
    const rpcAfter = await asKey.rpc('my_permissions')
    expect(rpcAfter.error?.code).toBe('TR805')
    expect((await exchange(key.api_key)).status).toBe(401)
    // Even without the pre-request check, RLS sees no member any more.
    const { rows } = await db.query(
      'select count(*)::int as n from public.memberships m join public.api_keys k on k.service_user_id = m.user_id where k.id = $1',
      [key.api_key_id],
    )
    expect(rows[0].n).toBe(0)
    const listed = await rpc<Array<{ id: string; status: string }>>(a.ownerClient, 'list_api_keys')
    expect(listed.data.find((k) => k.id === key.api_key_id)?.status).toBe('revoked')
    const again = await rpc(a.ownerClient, 'revoke_api_key', { p_api_key: key.api_key_id })
    expect(again.error?.code).toBe('TR804')
  })

  it('rotating gives a new key; the old key and its tokens are refused', async () => {
    const key = await createKey(a.ownerClient, 'sales', 'To rotate')
    const oldToken = await tokenFor(key.api_key)
    const { data, error } = await rpc<Array<{ api_key: string; prefix: string }>>(
      a.ownerClient,
      'rotate_api_key',
      {
        p_api_key: key.api_key_id,
      },
    )
    expect(error).toBeNull()
    const fresh = data[0]
    expect(fresh.api_key).not.toBe(key.api_key)
    expect(fresh.prefix).not.toBe(key.prefix)
    expect((await exchange(key.api_key)).status).toBe(401)
    const old = await clientWith(oldToken).from('parties').select('id')
    expect(old.status).toBe(401)
    const renewed = await clientWith(await tokenFor(fresh.api_key))
      .from('parties')
      .select('id')
    expect(renewed.error).toBeNull()
    expect(renewed.data?.length).toBeGreaterThan(0)
  })

  it('an expired key and its tokens are refused', async () => {
    const key = await createKey(
      a.ownerClient,
      'sales',
      'Short-lived',
      new Date(Date.now() + 3_600_000).toISOString(),
    )
    const token = await tokenFor(key.api_key)
    expect((await clientWith(token).from('parties').select('id')).error).toBeNull()
    await db.query(`update public.api_keys set expires_at = now() - interval '1 second' where id = $1`, [
      key.api_key_id,
    ])
    const after = await clientWith(token).from('parties').select('id')
    expect(after.status).toBe(401)
    expect(after.error?.code).toBe('TR805')
    expect((await exchange(key.api_key)).status).toBe(401)
    const listed = await rpc<Array<{ id: string; status: string }>>(a.ownerClient, 'list_api_keys')
    expect(listed.data.find((k) => k.id === key.api_key_id)?.status).toBe('expired')
  })

  it('removing the service account from the company, or making it an owner, is covered too', async () => {
    const key = await createKey(a.ownerClient, 'sales', 'Removed')
    const account = (
      await db.query('select service_user_id from public.api_keys where id = $1', [key.api_key_id])
    ).rows[0].service_user_id
    const owner = await rpc(a.ownerClient, 'change_member_roles', { p_user: account, p_role_keys: ['owner'] })
    expect(owner.error).toMatchObject({ code: 'TR802' })
    expect((await rpc(a.ownerClient, 'remove_member', { p_user: account })).error).toBeNull()
    expect((await exchange(key.api_key)).status).toBe(401)
    const listed = await rpc<Array<{ id: string; status: string }>>(a.ownerClient, 'list_api_keys')
    expect(listed.data.find((k) => k.id === key.api_key_id)?.status).toBe('revoked')
  })

  it('people and anon are not affected by the pre-request check', async () => {
    expect((await a.ownerClient.from('parties').select('id')).error).toBeNull()
    // anon runs the check too (PostgREST calls it for every request): it must be allowed to.
    const anon = await client().rpc('is_valid_credit_code', { p_code: '91350100M000100Y43' })
    expect(anon.error).toBeNull()
    expect(anon.data).toBe(true)
  })
})

describe('API keys: the worked example of docs/API.md', () => {
  it('a supabase-js client with the key reads, writes and calls RPCs with its role', async () => {
    const key = await createKey(a.ownerClient, 'purchasing', 'Example')
    const troika = troikaClient(
      { url: stackInfo().apiUrl, anonKey: stackInfo().anonKey, apiKey: key.api_key },
      { realtime: { transport: WebSocket as never } },
    )
    const parties = await troika.from('parties').select('id, name')
    expect(parties.error).toBeNull()
    expect(parties.data?.map((p) => p.id)).toContain(partyOfA)
    const rights = await troika.rpc('my_permissions')
    expect(rights.data).toContainEqual({ resource: 'items', action: 'create' })
    expect(rights.data).not.toContainEqual({ resource: 'parties', action: 'delete' })
    expect((await rpc(a.ownerClient, 'revoke_api_key', { p_api_key: key.api_key_id })).error).toBeNull()
    const after = await troika.from('parties').select('id')
    expect(after.error?.code).toBe('TR805')
  })
})

describe('API keys: realtime', () => {
  const channels: RealtimeChannel[] = []
  afterAll(async () => {
    for (const c of channels) await c.unsubscribe()
  })

  async function watch(token: string, name: string) {
    const c = clientWith(token)
    await c.realtime.setAuth(token)
    const got: Array<Record<string, unknown>> = []
    const channel = c
      .channel(`${name}-${process.pid}-${Date.now()}`)
      .on(
        'postgres_changes' as never,
        { event: 'INSERT', schema: 'public', table: 'webhook_deliveries' },
        (p: { new: Record<string, unknown> }) => got.push(p.new),
      )
    channels.push(channel)
    return {
      got,
      ready: new Promise<void>((resolve, reject) =>
        channel.subscribe((status: string, err?: Error) =>
          status === 'SUBSCRIBED' ? resolve() : reject(new Error(`${status} ${err?.message ?? ''}`)),
        ),
      ),
    }
  }

  async function waitFor(what: string, ok: () => boolean, ms = 10_000) {
    const until = Date.now() + ms
    while (!ok()) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
      await new Promise((r) => setTimeout(r, 50))
    }
  }

  it('a key sees the changes its role may read in its company only, and nothing once revoked', async () => {
    const keyA = await createKey(a.ownerClient, 'admin', 'Live A')
    const keyB = await createKey(b.ownerClient, 'admin', 'Live B')
    const asA = await watch(await tokenFor(keyA.api_key), 'key-a')
    const asB = await watch(await tokenFor(keyB.api_key), 'key-b')
    const control = await watch(a.owner.session.access_token, 'owner-a')
    await Promise.all([asA.ready, asB.ready, control.ready])

    const hook = await a.ownerClient
      .from('webhook_endpoints' as never)
      .insert({
        tenant_id: a.tenantId,
        name: 'rt',
        url: 'http://127.0.0.1:9/none',
        event_types: ['party.created'],
      } as never)
      .select('id')
      .single()
    expect(hook.error).toBeNull()
    await newParty(a.ownerClient, a.tenantId, `RT${Date.now() % 100000}`)
    await waitFor('the owner to see the delivery', () => control.got.length === 1).catch((e) => {
      throw new Error(`${e.message}; key saw ${asA.got.length}`)
    })
    await waitFor('the key to see the delivery', () => asA.got.length === 1)
    expect(asA.got[0].tenant_id).toBe(a.tenantId)

    expect((await rpc(a.ownerClient, 'revoke_api_key', { p_api_key: keyA.api_key_id })).error).toBeNull()
    await newParty(a.ownerClient, a.tenantId, `RU${Date.now() % 100000}`)
    await waitFor('the owner to see the second delivery', () => control.got.length === 2)
    await new Promise((r) => setTimeout(r, 300))
    expect(asA.got).toHaveLength(1)
    expect(asB.got).toEqual([])
  })
})

describe('API documentation data', () => {
  it('api_reference() gives the admin page the events, signature and token exchange', async () => {
    const { data, error } = await rpc<Record<string, unknown>>(a.ownerClient, 'api_reference')
    expect(error).toBeNull()
    expect(String(data.signature)).toContain('HMAC-SHA256')
    const events = data.events as Array<{ type: string }>
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['party.created', 'stock.below_reorder_point']),
    )
  })

  it('the reference generator lists tables, RPCs and events from the catalog', async () => {
    const md = await apiReferenceMarkdown(stackInfo().dbUrl)
    expect(md).toContain('### `webhook_endpoints`')
    expect(md).toMatch(/\| `create_api_key\(p_name text, p_role_key text/)
    expect(md).toContain('| `member.joined` | `members` |')
    expect(md).not.toContain('SECURITY DEFINER because')
    expect(md).not.toContain('api_key_hashes')
  })
})
