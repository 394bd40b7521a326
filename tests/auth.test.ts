// The local auth server through @supabase/supabase-js, as an app uses it, plus the raw GoTrue
// shapes auth-js depends on (error bodies, redirects, headers).
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createClient } from '@supabase/supabase-js'
import { decodeJwt, SignJWT } from 'jose'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { createAuthHandler } from '../stack/auth/index.ts'
import { createRateLimiter } from '../stack/auth/rate-limit.ts'
import { client, serviceClient, signedInUser, stackInfo, superuserDb } from './helpers/stack.ts'

let db: pg.Client
beforeAll(async () => {
  db = await superuserDb()
})
afterAll(async () => {
  await db.end()
})

let n = 0
const uniqueEmail = (prefix: string) => `${prefix}-${process.pid}-${Date.now()}-${n++}@example.test`
const password = 'correct-horse-battery-1'

/** A raw call to the auth API, as auth-js makes it (apikey + API version header). */
async function authFetch(path: string, init: RequestInit & { token?: string; version?: boolean } = {}) {
  const { apiUrl, anonKey } = stackInfo()
  const headers = new Headers(init.headers)
  headers.set('apikey', anonKey)
  if (init.version !== false) headers.set('x-supabase-api-version', '2024-01-01')
  if (init.token) headers.set('authorization', `Bearer ${init.token}`)
  if (init.body && !headers.has('content-type')) headers.set('content-type', 'application/json')
  return fetch(`${apiUrl}/auth/v1${path}`, { ...init, headers, redirect: 'manual' })
}

/**
 * Another auth handler on the same database, with its own [auth] config, served on its own port
 * (for settings the shared stack must not change). Its log lines stand in for the e-mails.
 */
function secondHandler(config: Record<string, unknown>) {
  let server: Server
  let pool: pg.Pool
  const state = { url: '', mail: [] as string[] }
  beforeAll(async () => {
    const dbUrl = new URL(stackInfo().superuserDbUrl)
    dbUrl.username = 'supabase_auth_admin'
    pool = new pg.Pool({ connectionString: dbUrl.toString(), max: 4 })
    server = createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const handler = createAuthHandler({
      pool,
      jwtSecret: stackInfo().jwtSecret,
      config,
      apiUrl: state.url,
      log: (line) => state.mail.push(line),
    })
    server.on('request', (req, res) => handler.handle(req, res, (req.url ?? '/').replace(/^\/auth\/v1/, '')))
  })
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()))
    await pool.end()
  })
  return {
    client: () =>
      createClient(state.url, stackInfo().anonKey, {
        auth: { persistSession: false, autoRefreshToken: false },
        realtime: { transport: WebSocket as never },
      }),
    lines: () => state.mail,
    /** The link and code of the last e-mail "sent" to an address. */
    lastMail(to: string) {
      const line = state.mail.filter((l) => l.includes(` e-mail to ${to}: `)).at(-1)
      const match = line?.match(/: (\S+) \(code (\d+)\)$/)
      if (!match) throw new Error(`no e-mail to ${to}`)
      return { link: match[1], code: match[2] }
    },
  }
}

function fragmentOf(location: string | null): URLSearchParams {
  expect(location).toBeTruthy()
  return new URLSearchParams(new URL(location as string).hash.slice(1))
}

describe('sign-up and sign-in', () => {
  it('signs up with a session at once (confirmations off) and GoTrue claims in the access token', async () => {
    const email = uniqueEmail('signup')
    const { data, error } = await client().auth.signUp({
      email,
      password,
      options: { data: { full_name: 'Ann' } },
    })
    expect(error).toBeNull()
    expect(data.session).not.toBeNull()
    const user = data.user
    expect(user).toMatchObject({
      aud: 'authenticated',
      role: 'authenticated',
      email,
      phone: '',
      app_metadata: { provider: 'email', providers: ['email'] },
      user_metadata: { full_name: 'Ann', email, email_verified: true, phone_verified: false, sub: user?.id },
      is_anonymous: false,
    })
    expect(user?.email_confirmed_at).toBeTruthy()
    expect(user?.identities?.[0]).toMatchObject({ provider: 'email', id: user?.id, user_id: user?.id })

    const session = data.session
    if (!session) throw new Error('no session')
    expect(session.token_type).toBe('bearer')
    expect(session.expires_in).toBe(3600)
    expect(session.expires_at).toBeGreaterThan(Date.now() / 1000 + 3500)
    const claims = decodeJwt(session.access_token)
    expect(claims).toMatchObject({
      iss: `${stackInfo().apiUrl}/auth/v1`,
      sub: user?.id,
      aud: 'authenticated',
      email,
      phone: '',
      role: 'authenticated',
      aal: 'aal1',
      app_metadata: { provider: 'email', providers: ['email'] },
      is_anonymous: false,
    })
    expect(claims.exp).toBe(session.expires_at)
    expect(claims.amr).toEqual([{ method: 'password', timestamp: expect.any(Number) }])
    expect(typeof claims.session_id).toBe('string')

    const rows = await db.query('select email, aud, encrypted_password from auth.users where id = $1', [
      user?.id,
    ])
    expect(rows.rows[0].encrypted_password).toMatch(/^\$2[ab]\$10\$/)
  })

  it('refuses a second sign-up with the same address, and a weak password', async () => {
    const { email } = await signedInUser('dup')
    const again = await client().auth.signUp({ email, password })
    expect(again.error?.status).toBe(422)
    expect(again.error?.code).toBe('user_already_exists')

    const weak = await client().auth.signUp({ email: uniqueEmail('weak'), password: '123' })
    expect(weak.error?.status).toBe(422)
    expect(weak.error?.code).toBe('weak_password')
    expect(weak.error?.message).toMatch(/at least \d+ characters/)
  })

  it('signs in with a password, and refuses a wrong one with invalid_credentials', async () => {
    const { email, user } = await signedInUser('signin')
    const ok = await client().auth.signInWithPassword({ email: email.toUpperCase(), password })
    expect(ok.error).toBeNull()
    expect(ok.data.user?.id).toBe(user.id)
    expect(ok.data.user?.last_sign_in_at).toBeTruthy()

    const bad = await client().auth.signInWithPassword({ email, password: 'not-the-password' })
    expect(bad.error?.status).toBe(400)
    expect(bad.error?.code).toBe('invalid_credentials')
    expect(bad.error?.message).toBe('Invalid login credentials')
    expect(bad.data.session).toBeNull()

    const unknown = await client().auth.signInWithPassword({ email: uniqueEmail('nobody'), password })
    expect(unknown.error?.code).toBe('invalid_credentials')
  })

  it('answers errors in both GoTrue shapes, by the API version the client asks for', async () => {
    const body = JSON.stringify({ email: uniqueEmail('shape'), password: 'whatever-it-is' })
    const current = await authFetch('/token?grant_type=password', { method: 'POST', body })
    expect(current.status).toBe(400)
    expect(current.headers.get('x-supabase-api-version')).toBe('2024-01-01')
    expect(await current.json()).toEqual({
      code: 'invalid_credentials',
      message: 'Invalid login credentials',
    })

    const legacy = await authFetch('/token?grant_type=password', { method: 'POST', body, version: false })
    expect(legacy.status).toBe(400)
    expect(await legacy.json()).toEqual({
      code: 400,
      error_code: 'invalid_credentials',
      msg: 'Invalid login credentials',
    })
  })

  it('answers malformed JSON with 400 bad_json', async () => {
    const res = await authFetch('/token?grant_type=password', { method: 'POST', body: '{"email": ' })
    expect(res.status).toBe(400)
    expect((await res.json()).code).toBe('bad_json')
    const wrongType = await authFetch('/signup', { method: 'POST', body: JSON.stringify({ email: 42 }) })
    expect(wrongType.status).toBe(400)
    expect((await wrongType.json()).code).toBe('bad_json')
    const notObject = await authFetch('/signup', { method: 'POST', body: '[1,2]' })
    expect(notObject.status).toBe(400)
  })

  it("signs in the seeded demo users, whose hashes come from pgcrypto's crypt()", async () => {
    const { rows } = await db.query(
      "select encrypted_password from auth.users where email = 'boss@example.com'",
    )
    expect(rows[0].encrypted_password).toMatch(/^\$2a\$/)
    const { data, error } = await client().auth.signInWithPassword({
      email: 'boss@example.com',
      password: 'troika-demo-2026',
    })
    expect(error).toBeNull()
    expect(data.user?.email).toBe('boss@example.com')
  })

  it('writes a sign-up in one transaction: a failing trigger on auth.users leaves nothing behind', async () => {
    await db.query(`
      create or replace function public.troika_auth_test_refuse() returns trigger language plpgsql as $$
      begin
        if new.email like 'refused-%' then raise exception 'refused by test trigger'; end if;
        return new;
      end $$`)
    await db.query(`
      create or replace trigger troika_auth_test_refuse after insert on auth.users
        for each row execute function public.troika_auth_test_refuse()`)
    try {
      const email = uniqueEmail('refused')
      const { error } = await client().auth.signUp({ email, password })
      expect(error?.status).toBe(500)
      const left = await db.query(
        `select (select count(*) from auth.users where email = $1)::int as users,
                (select count(*) from auth.identities where identity_data->>'email' = $1)::int as identities`,
        [email],
      )
      expect(left.rows[0]).toEqual({ users: 0, identities: 0 })
    } finally {
      await db.query('drop trigger if exists troika_auth_test_refuse on auth.users')
      await db.query('drop function if exists public.troika_auth_test_refuse()')
    }
  })
})

describe('the signed-in user', () => {
  it('gets and updates the user: metadata merges, app_metadata is admin-only', async () => {
    const { client: c, user } = await signedInUser('update')
    const got = await c.auth.getUser()
    expect(got.error).toBeNull()
    expect(got.data.user?.id).toBe(user.id)

    const first = await c.auth.updateUser({ data: { theme: 'dark', lang: 'zh' } })
    expect(first.error).toBeNull()
    expect(first.data.user?.user_metadata).toMatchObject({ theme: 'dark', lang: 'zh' })
    const second = await c.auth.updateUser({ data: { theme: null, team: 'north' } })
    expect(second.data.user?.user_metadata).toMatchObject({ lang: 'zh', team: 'north' })
    expect(second.data.user?.user_metadata).not.toHaveProperty('theme')

    const { data } = await c.auth.getSession()
    const res = await authFetch('/user', {
      method: 'PUT',
      token: data.session?.access_token,
      body: JSON.stringify({ app_metadata: { role: 'admin' } }),
    })
    expect(res.status).toBe(403)
    expect((await res.json()).code).toBe('not_admin')
  })

  it('changes the password: the old one stops working, the same one is refused', async () => {
    const { client: c, email } = await signedInUser('password')
    const same = await c.auth.updateUser({ password })
    expect(same.error?.code).toBe('same_password')
    expect(same.error?.status).toBe(422)

    const changed = await c.auth.updateUser({ password: 'another-battery-staple-2' })
    expect(changed.error).toBeNull()
    const old = await client().auth.signInWithPassword({ email, password })
    expect(old.error?.code).toBe('invalid_credentials')
    const fresh = await client().auth.signInWithPassword({ email, password: 'another-battery-staple-2' })
    expect(fresh.error).toBeNull()
  })

  it('rotates refresh tokens; a reused one is answered with the current token, later it revokes the session', async () => {
    const { client: c, session } = await signedInUser('rotate')
    const first = session.refresh_token
    const refreshed = await c.auth.refreshSession()
    expect(refreshed.error).toBeNull()
    const second = refreshed.data.session?.refresh_token ?? ''
    expect(second).toBeTruthy()
    expect(second).not.toBe(first)
    expect(decodeJwt(refreshed.data.session?.access_token ?? '').session_id).toBe(
      decodeJwt(session.access_token).session_id,
    )
    const parent = await db.query('select parent, revoked from auth.refresh_tokens where token = $1', [
      second,
    ])
    expect(parent.rows[0]).toEqual({ parent: first, revoked: false })

    // Within refresh_token_reuse_interval: the client lost the answer; it gets the current token again.
    const retry = await client().auth.refreshSession({ refresh_token: first })
    expect(retry.error).toBeNull()
    expect(retry.data.session?.refresh_token).toBe(second)

    // Past the interval, the old token is treated as stolen: the whole session is revoked.
    await db.query("update auth.refresh_tokens set updated_at = now() - interval '1 hour' where token = $1", [
      first,
    ])
    const reuse = await client().auth.refreshSession({ refresh_token: first })
    expect(reuse.error?.status).toBe(400)
    expect(reuse.error?.code).toBe('refresh_token_already_used')
    const child = await client().auth.refreshSession({ refresh_token: second })
    expect(child.error?.code).toBe('refresh_token_already_used')
    const live = await db.query(
      'select count(*)::int as n from auth.refresh_tokens where session_id = $1 and not revoked',
      [decodeJwt(session.access_token).session_id],
    )
    expect(live.rows[0].n).toBe(0)
  })

  it('signs out: the refresh token and the session are gone', async () => {
    const { client: c, session } = await signedInUser('signout')
    const { error } = await c.auth.signOut()
    expect(error).toBeNull()
    const again = await client().auth.refreshSession({ refresh_token: session.refresh_token })
    expect(again.error?.code).toBe('refresh_token_not_found')
    const res = await authFetch('/user', { token: session.access_token })
    expect(res.status).toBe(403)
    expect((await res.json()).code).toBe('session_not_found')
    const viaClient = await client().auth.getUser(session.access_token)
    expect(viaClient.error?.name).toBe('AuthSessionMissingError')
  })

  it('signs out other sessions only, with scope "others"', async () => {
    const { client: c, email } = await signedInUser('others')
    const other = await client().auth.signInWithPassword({ email, password })
    const otherRefresh = other.data.session?.refresh_token ?? ''
    expect((await c.auth.signOut({ scope: 'others' })).error).toBeNull()
    expect((await c.auth.getUser()).error).toBeNull()
    const dead = await client().auth.refreshSession({ refresh_token: otherRefresh })
    expect(dead.error?.code).toBe('refresh_token_not_found')
  })

  it('refuses expired and forged access tokens on /user (403 bad_jwt, as GoTrue) and a missing one (401)', async () => {
    const { user, session } = await signedInUser('jwt')
    const claims = { ...decodeJwt(session.access_token) }
    const now = Math.floor(Date.now() / 1000)
    const expired = await new SignJWT({ ...claims, iat: now - 7200, exp: now - 3600 })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .sign(new TextEncoder().encode(stackInfo().jwtSecret))
    const forged = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .sign(new TextEncoder().encode('another-secret-that-is-at-least-32-characters'))

    for (const token of [expired, forged, 'not-a-jwt']) {
      const res = await authFetch('/user', { token })
      expect(res.status).toBe(403)
      const body = await res.json()
      expect(body.code).toBe('bad_jwt')
      expect(body.message).toMatch(/^invalid JWT: unable to parse or verify signature/)
    }
    const viaClient = await client().auth.getUser(forged)
    expect(viaClient.error?.status).toBe(403)
    expect(viaClient.data.user).toBeNull()

    const missing = await fetch(`${stackInfo().apiUrl}/auth/v1/user`, {
      headers: { apikey: stackInfo().anonKey },
    })
    expect(missing.status).toBe(401)
    expect((await missing.json()).error_code).toBe('no_authorization')

    const valid = await authFetch('/user', { token: session.access_token })
    expect(valid.status).toBe(200)
    expect((await valid.json()).id).toBe(user.id)
  })
})

describe('admin API (service_role key)', () => {
  it('creates, lists, reads, updates and deletes users', async () => {
    const admin = serviceClient().auth.admin
    const email = uniqueEmail('admin')
    const created = await admin.createUser({
      email,
      password,
      email_confirm: true,
      user_metadata: { name: 'Bo' },
      app_metadata: { tenant: 't1' },
    })
    expect(created.error).toBeNull()
    const id = created.data.user?.id ?? ''
    expect(created.data.user).toMatchObject({
      email,
      user_metadata: { name: 'Bo' },
      app_metadata: { provider: 'email', providers: ['email'], tenant: 't1' },
    })
    expect(created.data.user?.email_confirmed_at).toBeTruthy()
    expect((await client().auth.signInWithPassword({ email, password })).error).toBeNull()

    const duplicate = await admin.createUser({ email, password })
    expect(duplicate.error?.code).toBe('email_exists')

    const page = await admin.listUsers({ page: 1, perPage: 2 })
    expect(page.error).toBeNull()
    if (!('total' in page.data)) throw new Error('listUsers returned no pagination')
    expect(page.data.users).toHaveLength(2)
    expect(page.data.total).toBeGreaterThanOrEqual(4)
    expect(page.data.nextPage).toBe(2)
    // auth-js reads only the first digit of the last page from the Link header (as with GoTrue), so
    // with other tests' users around, check the header itself.
    const raw = await fetch(`${stackInfo().apiUrl}/auth/v1/admin/users?page=1&per_page=2`, {
      headers: { apikey: stackInfo().serviceRoleKey, authorization: `Bearer ${stackInfo().serviceRoleKey}` },
    })
    const total = Number(raw.headers.get('x-total-count'))
    expect(total).toBeGreaterThanOrEqual(4)
    expect(raw.headers.get('link')).toContain(`page=${Math.ceil(total / 2)}&per_page=2>; rel="last"`)

    const read = await admin.getUserById(id)
    expect(read.data.user?.email).toBe(email)
    const missing = await admin.getUserById('00000000-0000-4000-8000-000000000000')
    expect(missing.error?.status).toBe(404)
    expect(missing.error?.code).toBe('user_not_found')

    const updated = await admin.updateUserById(id, {
      user_metadata: { plan: 'pro' },
      app_metadata: { tenant: 't2' },
      password: 'admin-set-password-3',
    })
    expect(updated.error).toBeNull()
    expect(updated.data.user?.user_metadata).toMatchObject({ name: 'Bo', plan: 'pro' })
    expect(updated.data.user?.app_metadata).toMatchObject({ tenant: 't2', provider: 'email' })
    expect(
      (await client().auth.signInWithPassword({ email, password: 'admin-set-password-3' })).error,
    ).toBeNull()

    const banned = await admin.updateUserById(id, { ban_duration: '24h' })
    expect(banned.data.user?.banned_until).toBeTruthy()
    const refused = await client().auth.signInWithPassword({ email, password: 'admin-set-password-3' })
    expect(refused.error?.code).toBe('user_banned')

    expect((await admin.deleteUser(id)).error).toBeNull()
    expect((await admin.getUserById(id)).error?.status).toBe(404)
    const gone = await db.query('select count(*)::int as n from auth.identities where user_id = $1', [id])
    expect(gone.rows[0].n).toBe(0)
  })

  it('soft-deletes a user on request', async () => {
    const admin = serviceClient().auth.admin
    const email = uniqueEmail('soft')
    const created = await admin.createUser({ email, password, email_confirm: true })
    const id = created.data.user?.id ?? ''
    expect((await admin.deleteUser(id, true)).error).toBeNull()
    const { rows } = await db.query('select email, deleted_at from auth.users where id = $1', [id])
    expect(rows[0].deleted_at).not.toBeNull()
    expect(rows[0].email).not.toBe(email)
    expect((await client().auth.signInWithPassword({ email, password })).error?.code).toBe(
      'invalid_credentials',
    )
  })

  it('refuses the anon key and signed-in users with 403 not_admin', async () => {
    const anon = await client().auth.admin.listUsers()
    expect(anon.error?.status).toBe(403)
    expect(anon.error?.code).toBe('not_admin')
    const { client: c } = await signedInUser('notadmin')
    const asUser = await c.auth.admin.createUser({ email: uniqueEmail('x'), password })
    expect(asUser.error?.status).toBe(403)
    const invite = await client().auth.admin.inviteUserByEmail(uniqueEmail('inv'))
    expect(invite.error?.code).toBe('not_admin')
  })
})

describe('e-mail links (invite, magic link, recovery) and /verify', () => {
  it('invites a user; the invite link signs them in through a redirect with the session in the fragment', async () => {
    const admin = serviceClient().auth.admin
    const email = uniqueEmail('invite')
    const invited = await admin.inviteUserByEmail(email, { data: { invited_by: 'boss' } })
    expect(invited.error).toBeNull()
    expect(invited.data.user?.invited_at).toBeTruthy()
    expect(invited.data.user?.email_confirmed_at).toBeFalsy()
    const stored = await db.query(
      `select token_type::text, relates_to from auth.one_time_tokens
        where user_id = $1`,
      [invited.data.user?.id],
    )
    expect(stored.rows).toEqual([{ token_type: 'confirmation_token', relates_to: email }])

    const link = await admin.generateLink({
      type: 'invite',
      email,
      options: { redirectTo: 'http://localhost:5173' },
    })
    expect(link.error).toBeNull()
    expect(link.data.properties?.verification_type).toBe('invite')
    const actionLink = link.data.properties?.action_link ?? ''
    expect(actionLink.startsWith(`${stackInfo().apiUrl}/auth/v1/verify?`)).toBe(true)

    const res = await fetch(actionLink, { redirect: 'manual' })
    expect(res.status).toBe(303)
    const location = res.headers.get('location') ?? ''
    expect(location.startsWith('http://localhost:5173#')).toBe(true)
    const fragment = fragmentOf(location)
    expect(fragment.get('type')).toBe('invite')
    expect(fragment.get('token_type')).toBe('bearer')
    const accessToken = fragment.get('access_token') ?? ''
    const me = await client().auth.getUser(accessToken)
    expect(me.data.user?.email).toBe(email)
    expect(me.data.user?.email_confirmed_at).toBeTruthy()

    const reused = await fetch(actionLink, { redirect: 'manual' })
    const error = fragmentOf(reused.headers.get('location'))
    expect(error.get('error')).toBe('access_denied')
    expect(error.get('error_code')).toBe('otp_expired')
  })

  it('signs in with a magic link: token hash or the e-mailed code, through verifyOtp', async () => {
    const { email, user } = await signedInUser('magic')
    const admin = serviceClient().auth.admin
    const byHash = await admin.generateLink({ type: 'magiclink', email })
    expect(byHash.data.properties?.verification_type).toBe('magiclink')
    const verified = await client().auth.verifyOtp({
      token_hash: byHash.data.properties?.hashed_token ?? '',
      type: 'magiclink',
    })
    expect(verified.error).toBeNull()
    expect(verified.data.user?.id).toBe(user.id)
    expect(decodeJwt(verified.data.session?.access_token ?? '').amr).toEqual([
      { method: 'otp', timestamp: expect.any(Number) },
    ])
    const twice = await client().auth.verifyOtp({
      token_hash: byHash.data.properties?.hashed_token ?? '',
      type: 'magiclink',
    })
    expect(twice.error?.code).toBe('otp_expired')

    const byCode = await admin.generateLink({ type: 'magiclink', email })
    const code = byCode.data.properties?.email_otp ?? ''
    expect(code).toMatch(/^\d{6}$/)
    const wrong = await client().auth.verifyOtp({
      email,
      token: code === '000000' ? '111111' : '000000',
      type: 'email',
    })
    expect(wrong.error?.status).toBe(403)
    const right = await client().auth.verifyOtp({ email, token: code, type: 'email' })
    expect(right.error).toBeNull()
    expect(right.data.session?.user.id).toBe(user.id)
  })

  it('sends magic links and recovery e-mails (printed locally) and answers unknown addresses the same', async () => {
    const { email } = await signedInUser('otp')
    expect((await client().auth.signInWithOtp({ email })).error).toBeNull()
    const { rows } = await db.query(
      `select t.token_type::text from auth.one_time_tokens t join auth.users u on u.id = t.user_id where u.email = $1`,
      [email],
    )
    expect(rows.map((r) => r.token_type)).toEqual(['recovery_token'])
    const noCreate = await client().auth.signInWithOtp({
      email: uniqueEmail('nocreate'),
      options: { shouldCreateUser: false },
    })
    expect(noCreate.error?.code).toBe('otp_disabled')
    expect((await client().auth.resetPasswordForEmail(uniqueEmail('unknown'))).error).toBeNull()
  })

  it('recovers a password: the recovery link redirects with type=recovery, then updateUser sets the password', async () => {
    const { email } = await signedInUser('recover')
    const link = await serviceClient().auth.admin.generateLink({ type: 'recovery', email })
    const res = await fetch(link.data.properties?.action_link ?? '', { redirect: 'manual' })
    const fragment = fragmentOf(res.headers.get('location'))
    expect(fragment.get('type')).toBe('recovery')
    const c = client()
    const set = await c.auth.setSession({
      access_token: fragment.get('access_token') ?? '',
      refresh_token: fragment.get('refresh_token') ?? '',
    })
    expect(set.error).toBeNull()
    expect((await c.auth.updateUser({ password: 'recovered-password-4' })).error).toBeNull()
    expect(
      (await client().auth.signInWithPassword({ email, password: 'recovered-password-4' })).error,
    ).toBeNull()
  })

  it('supports the PKCE flow: the link redirects with ?code=, exchanged for a session with the verifier', async () => {
    const { email, user } = await signedInUser('pkce')
    const { apiUrl, anonKey } = stackInfo()
    const c = createClient(apiUrl, anonKey, {
      auth: { persistSession: false, autoRefreshToken: false, flowType: 'pkce' },
      realtime: { transport: WebSocket as never },
    })
    expect((await c.auth.signInWithOtp({ email })).error).toBeNull()
    const { rows } = await db.query('select recovery_token from auth.users where id = $1', [user.id])
    const hashed: string = rows[0].recovery_token
    expect(hashed.startsWith('pkce_')).toBe(true)
    const res = await fetch(
      `${apiUrl}/auth/v1/verify?token=${hashed}&type=magiclink&redirect_to=http://127.0.0.1:5173/cb`,
      {
        redirect: 'manual',
      },
    )
    const location = new URL(res.headers.get('location') ?? '')
    expect(location.pathname).toBe('/cb')
    const code = location.searchParams.get('code') ?? ''
    expect(code).toBeTruthy()
    const exchanged = await c.auth.exchangeCodeForSession(code)
    expect(exchanged.error).toBeNull()
    expect(exchanged.data.user?.id).toBe(user.id)
    expect((await c.auth.exchangeCodeForSession(code)).error).not.toBeNull()
  })

  it('sends a redirect_to that is not allowed back to site_url', async () => {
    const { email } = await signedInUser('redirect')
    const link = await serviceClient().auth.admin.generateLink({
      type: 'magiclink',
      email,
      options: { redirectTo: 'https://evil.example.com/steal' },
    })
    expect(link.data.properties?.redirect_to).not.toContain('evil.example.com')
  })
})

describe('with e-mail confirmations on (a second handler)', () => {
  const handler = secondHandler({
    email: { enable_confirmations: true, max_frequency: '0s' },
    enable_anonymous_sign_ins: true,
    additional_redirect_urls: ['http://localhost:5173/**'],
  })

  it('signs up without a session; the confirmation link confirms and signs in; sign-in before is refused', async () => {
    const c = handler.client()
    const email = uniqueEmail('confirm')
    const { data, error } = await c.auth.signUp({
      email,
      password,
      options: { emailRedirectTo: 'http://localhost:5173/done' },
    })
    expect(error).toBeNull()
    expect(data.session).toBeNull()
    expect(data.user?.email_confirmed_at).toBeFalsy()
    expect(data.user?.confirmation_sent_at).toBeTruthy()

    const early = await c.auth.signInWithPassword({ email, password })
    expect(early.error?.code).toBe('email_not_confirmed')

    const { link } = handler.lastMail(email)
    expect(new URL(link).searchParams.get('type')).toBe('signup')
    const res = await fetch(link, { redirect: 'manual' })
    const location = res.headers.get('location') ?? ''
    expect(location.startsWith('http://localhost:5173/done#')).toBe(true)
    expect(fragmentOf(location).get('type')).toBe('signup')
    expect((await c.auth.signInWithPassword({ email, password })).error).toBeNull()

    // Signing up again with a confirmed address does not reveal that the account exists.
    const again = await c.auth.signUp({ email, password })
    expect(again.error).toBeNull()
    expect(again.data.user?.id).not.toBe(data.user?.id)
  })

  it('confirms a sign-up with the e-mailed code through verifyOtp', async () => {
    const c = handler.client()
    const email = uniqueEmail('confirmcode')
    await c.auth.signUp({ email, password })
    const { code } = handler.lastMail(email)
    const verified = await c.auth.verifyOtp({ email, token: code, type: 'signup' })
    expect(verified.error).toBeNull()
    expect(verified.data.user?.email_confirmed_at).toBeTruthy()
  })

  it('changes the e-mail address only after both the old and the new address confirm', async () => {
    const { session } = await signedInUser('change')
    const c = handler.client()
    await c.auth.setSession({ access_token: session.access_token, refresh_token: session.refresh_token })
    const oldEmail = session.user.email ?? ''
    const newEmail = uniqueEmail('changed')
    const requested = await c.auth.updateUser({ email: newEmail })
    expect(requested.error).toBeNull()
    expect(requested.data.user?.email).toBe(oldEmail)
    expect(requested.data.user?.new_email).toBe(newEmail)

    const toNew = handler.lastMail(newEmail)
    const first = await fetch(toNew.link, { redirect: 'manual' })
    expect(fragmentOf(first.headers.get('location')).get('message')).toMatch(/Confirmation link accepted/)
    const halfway = await c.auth.getUser()
    expect(halfway.data.user?.email).toBe(oldEmail)

    const toOld = handler.lastMail(oldEmail)
    const second = await c.auth.verifyOtp({ email: oldEmail, token: toOld.code, type: 'email_change' })
    expect(second.error).toBeNull()
    expect(second.data.user?.email).toBe(newEmail)
    expect(second.data.user?.new_email).toBeUndefined()
  })

  it('resends the confirmation e-mail and sends a reauthentication code', async () => {
    const c = handler.client()
    const email = uniqueEmail('resend')
    await c.auth.signUp({ email, password })
    const before = handler.lastMail(email).link
    expect((await c.auth.resend({ type: 'signup', email })).error).toBeNull()
    expect(handler.lastMail(email).link).not.toBe(before)

    const { client: signedIn, email: address } = await signedInUser('reauth')
    const session = (await signedIn.auth.getSession()).data.session
    const own = handler.client()
    await own.auth.setSession({
      access_token: session?.access_token ?? '',
      refresh_token: session?.refresh_token ?? '',
    })
    expect((await own.auth.reauthenticate()).error).toBeNull()
    expect(
      handler.lines().some((l) => l.startsWith(`auth: reauthentication e-mail to ${address}: code `)),
    ).toBe(true)
  })

  it('signs in anonymously when enable_anonymous_sign_ins is on (and only then)', async () => {
    const anon = await handler.client().auth.signInAnonymously()
    expect(anon.error).toBeNull()
    expect(anon.data.user?.is_anonymous).toBe(true)
    expect(decodeJwt(anon.data.session?.access_token ?? '')).toMatchObject({
      is_anonymous: true,
      role: 'authenticated',
    })
    const off = await client().auth.signInAnonymously()
    expect(off.error?.code).toBe('anonymous_provider_disabled')
  })
})

describe('settings, health and rate limits', () => {
  it('serves /settings and /health', async () => {
    const settings = await (await authFetch('/settings')).json()
    expect(settings).toMatchObject({
      external: { email: true, phone: false, anonymous_users: false, github: false },
      disable_signup: false,
      mailer_autoconfirm: true,
      phone_autoconfirm: false,
    })
    const health = await authFetch('/health')
    expect(health.status).toBe(200)
    expect((await health.json()).name).toBe('GoTrue')
  })

  it('limits per key with a token bucket that refills over the window', () => {
    let now = 0
    const limiter = createRateLimiter(3, 300_000, () => now)
    expect([1, 2, 3, 4].map(() => limiter.take('1.2.3.4'))).toEqual([true, true, true, false])
    expect(limiter.take('5.6.7.8')).toBe(true)
    now += 100_000
    expect(limiter.take('1.2.3.4')).toBe(true)
    expect(limiter.take('1.2.3.4')).toBe(false)
  })

  describe('a second handler with [auth.rate_limit] sign_in_sign_ups = 3', () => {
    const handler = secondHandler({ rate_limit: { sign_in_sign_ups: 3 } })

    it('answers the fourth /token request within the window with 429 over_request_rate_limit', async () => {
      const c = handler.client()
      const email = uniqueEmail('limited')
      const statuses: Array<number | undefined> = []
      for (let i = 0; i < 4; i++) {
        const { error } = await c.auth.signInWithPassword({ email, password })
        statuses.push(error?.status)
        if (i === 3) expect(error?.code).toBe('over_request_rate_limit')
      }
      expect(statuses).toEqual([400, 400, 400, 429])
    })
  })
})
