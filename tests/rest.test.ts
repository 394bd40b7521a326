// PostgREST through the gateway, with RLS, as supabase-js sees it.
import { SignJWT } from 'jose'
import { beforeAll, describe, expect, it } from 'vitest'
import { client, serviceClient, signedInUser, stackInfo } from './helpers/stack.ts'

type User = Awaited<ReturnType<typeof signedInUser>>
let alice: User
let bob: User
beforeAll(async () => {
  ;[alice, bob] = await Promise.all([signedInUser('alice'), signedInUser('bob')])
})

describe('row-level security through REST', () => {
  it('each user reads only their own profile', async () => {
    const a = await alice.client.from('profiles').select('id, display_name, locale')
    expect(a.error).toBeNull()
    expect(a.data).toEqual([
      { id: alice.user.id, display_name: expect.stringMatching(/^alice-/), locale: 'zh-CN' },
    ])
    const b = await bob.client.from('profiles').select('id')
    expect(b.data).toEqual([{ id: bob.user.id }])
  })

  it("an update of someone else's row changes nothing", async () => {
    const r = await alice.client
      .from('profiles')
      .update({ display_name: 'hijack' })
      .eq('id', bob.user.id)
      .select()
    expect(r.error).toBeNull()
    expect(r.data).toEqual([])
    const check = await serviceClient().from('profiles').select('display_name').eq('id', bob.user.id).single()
    expect(check.data?.display_name).not.toBe('hijack')
  })

  it('an own update is applied and checked by the database', async () => {
    const ok = await alice.client
      .from('profiles')
      .update({ display_name: 'Alice' })
      .eq('id', alice.user.id)
      .select()
    expect(ok.data?.[0]?.display_name).toBe('Alice')
    const bad = await alice.client.from('profiles').update({ locale: 'xx' }).eq('id', alice.user.id)
    expect(bad.error?.code).toBe('23514')
  })

  it('anon sees no profiles and service_role sees everyone', async () => {
    const anon = await client().from('profiles').select('id')
    expect(anon.data ?? []).toEqual([])
    const all = await serviceClient().from('profiles').select('id').in('id', [alice.user.id, bob.user.id])
    expect(all.data).toHaveLength(2)
  })

  it('nobody creates or deletes profiles through the API', async () => {
    const ins = await alice.client.from('profiles').insert({ id: crypto.randomUUID() })
    expect(ins.error?.code).toBe('42501')
    await alice.client.from('profiles').delete().eq('id', alice.user.id)
    const still = await serviceClient().from('profiles').select('id').eq('id', alice.user.id)
    expect(still.data).toHaveLength(1)
  })
})

describe('RPC and tokens', () => {
  it('an RPC sees the caller through auth.uid()', async () => {
    const me = await alice.client.rpc('whoami')
    expect(me.data).toEqual({ id: alice.user.id, role: 'authenticated', email: alice.email })
    const anon = await client().rpc('whoami')
    expect(anon.data).toEqual({ id: null, role: 'anon', email: null })
  })

  const rest = (token: string) =>
    fetch(`${stackInfo().apiUrl}/rest/v1/profiles`, {
      headers: { apikey: stackInfo().anonKey, authorization: `Bearer ${token}` },
    })

  it('expired, forged and malformed tokens are refused with 401 JSON', async () => {
    const now = Math.floor(Date.now() / 1000)
    const claims = { sub: alice.user.id, role: 'authenticated', aud: 'authenticated' }
    const expired = await new SignJWT({ ...claims, exp: now - 60, iat: now - 3600 })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode(stackInfo().jwtSecret))
    const forged = await new SignJWT({ ...claims, exp: now + 3600 })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('another-secret-that-is-at-least-32-characters'))
    for (const token of [expired, forged, 'not-a-jwt']) {
      const res = await rest(token)
      expect(res.status, token.slice(0, 12)).toBe(401)
      expect(res.headers.get('content-type')).toMatch(/json/)
      expect(await res.json()).toHaveProperty('message')
    }
  })
})
