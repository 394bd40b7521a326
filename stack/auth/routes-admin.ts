// Admin API (service_role key) for users: /admin/users and /admin/users/:id (and its MFA factors).
import { createHash, randomUUID } from 'node:crypto'
import { type Actor, audit } from './audit.ts'
import { parseDuration } from './config.ts'
import { type RequestContext, requireAdmin } from './context.ts'
import { transaction } from './db.ts'
import { badRequest, notFound, unprocessable } from './errors.ts'
import { bool, type Json, json, obj, type Reply, str } from './http.ts'
import { assertStrongPassword, hashPassword } from './passwords.ts'
import { logout } from './sessions.ts'
import {
  emailTaken,
  findUserById,
  type IdentityRow,
  identitiesOf,
  insertEmailIdentity,
  insertUser,
  isConfirmed,
  isUuid,
  mergeMetadata,
  renderUser,
  type UserRow,
  validateEmail,
} from './users.ts'

export const emailExists = () =>
  unprocessable('email_exists', 'A user with this email address has already been registered')

export async function adminActor(ctx: RequestContext): Promise<Actor> {
  const claims = await requireAdmin(ctx)
  const role = String(claims.role)
  return {
    id: typeof claims.sub === 'string' ? claims.sub : '00000000-0000-0000-0000-000000000000',
    name: role,
    email: role,
  }
}

function validatePhone(phone: string): string {
  const digits = phone.replace(/[\s+()-]/g, '')
  if (!/^[1-9]\d{4,14}$/.test(digits)) {
    throw badRequest('validation_failed', 'Invalid phone number format (E.164 required)')
  }
  return digits
}

/** ban_duration: "none" lifts a ban, otherwise a Go duration ("24h", "876000h"). */
function banUntil(value: string): Date | null {
  if (value === 'none') return null
  const ms = parseDuration(value, Number.NaN)
  if (!Number.isFinite(ms)) throw badRequest('validation_failed', `invalid format for ban duration: ${value}`)
  return new Date(Date.now() + ms)
}

async function userParam(ctx: RequestContext, id: string): Promise<UserRow> {
  if (!isUuid(id)) throw notFound('validation_failed', 'user_id must be an UUID')
  const user = await findUserById(ctx.deps.pool, id)
  if (!user) throw notFound('user_not_found', 'User not found')
  return user
}

export async function listUsers(ctx: RequestContext): Promise<Reply> {
  await adminActor(ctx)
  const { pool } = ctx.deps
  const page = Math.max(1, Number.parseInt(ctx.query.get('page') || '1', 10) || 1)
  const perPage = Math.min(1000, Math.max(1, Number.parseInt(ctx.query.get('per_page') || '50', 10) || 50))
  const filter = ctx.query.get('filter') ?? ''
  const where = `aud = 'authenticated' and ($1 = '' or email ilike '%' || $1 || '%'
      or raw_user_meta_data ->> 'full_name' ilike '%' || $1 || '%')`
  const total = Number(
    (await pool.query(`select count(*) as n from auth.users where ${where}`, [filter])).rows[0].n,
  )
  const { rows } = await pool.query<UserRow>(
    `select * from auth.users where ${where} order by created_at desc, id limit $2 offset $3`,
    [filter, perPage, (page - 1) * perPage],
  )
  const identities = rows.length
    ? (
        await pool.query<IdentityRow>(
          'select * from auth.identities where user_id = any($1) order by created_at, id',
          [rows.map((r) => r.id)],
        )
      ).rows
    : []
  const users = rows.map((u) =>
    renderUser(
      u,
      identities.filter((i) => i.user_id === u.id),
    ),
  )
  const lastPage = Math.ceil(total / perPage)
  const links: string[] = []
  if (page < lastPage) links.push(`</admin/users?page=${page + 1}&per_page=${perPage}>; rel="next"`)
  links.push(`</admin/users?page=${lastPage}&per_page=${perPage}>; rel="last"`)
  return json({ users, aud: 'authenticated' }, 200, {
    'x-total-count': String(total),
    link: links.join(', '),
  })
}

export async function getUserById(ctx: RequestContext, params: Record<string, string>): Promise<Reply> {
  await adminActor(ctx)
  const user = await userParam(ctx, params.id)
  return json(renderUser(user, await identitiesOf(ctx.deps.pool, user.id)))
}

export async function createUser(ctx: RequestContext): Promise<Reply> {
  const actor = await adminActor(ctx)
  const { config, pool } = ctx.deps
  const body = await ctx.body()
  const email = str(body, 'email')
  const phone = str(body, 'phone')
  const password = str(body, 'password')
  const passwordHash = str(body, 'password_hash')
  const role = str(body, 'role')
  const id = str(body, 'id')
  const banDuration = str(body, 'ban_duration')
  const userMetadata = obj(body, 'user_metadata') ?? {}
  const appMetadata = obj(body, 'app_metadata') ?? {}
  const emailConfirm = bool(body, 'email_confirm')
  const phoneConfirm = bool(body, 'phone_confirm')
  if (!email && !phone)
    throw badRequest('validation_failed', 'Cannot create a user without either an email or phone')
  if (id && !isUuid(id)) throw badRequest('validation_failed', 'ID must conform to the uuid v4 format')
  const address = email ? validateEmail(email) : undefined
  const number = phone ? validatePhone(phone) : undefined
  if (password && passwordHash) {
    throw badRequest('validation_failed', 'Only a password or a password hash should be provided')
  }
  if (passwordHash && !/^\$2[aby]\$\d{2}\$/.test(passwordHash)) {
    throw badRequest('validation_failed', 'Invalid password hash format')
  }
  if (password) assertStrongPassword(config, password)
  const bannedUntil = banDuration ? banUntil(banDuration) : null
  const encrypted = password ? await hashPassword(password) : passwordHash
  const provider = address ? 'email' : 'phone'

  const created = await transaction(pool, async (tx) => {
    if (address && (await emailTaken(tx, address))) throw emailExists()
    if (number) {
      const { rowCount } = await tx.query('select 1 from auth.users where phone = $1', [number])
      if (rowCount) throw unprocessable('phone_exists', 'Phone number already registered by another user')
    }
    if (id && (await findUserById(tx, id)))
      throw unprocessable('user_already_exists', 'User already registered')
    const user = await insertUser(tx, {
      id: id || undefined,
      email: address,
      phone: number,
      encryptedPassword: encrypted,
      role: role || undefined,
      appMetadata: mergeMetadata({ provider, providers: [provider] }, appMetadata),
      userMetadata,
      emailConfirmed: Boolean(address) && emailConfirm,
    })
    if (number && phoneConfirm)
      await tx.query('update auth.users set phone_confirmed_at = now() where id = $1', [user.id])
    if (bannedUntil)
      await tx.query('update auth.users set banned_until = $2 where id = $1', [user.id, bannedUntil])
    if (address) {
      await insertEmailIdentity(tx, user, emailConfirm)
    } else if (number) {
      await tx.query(
        `insert into auth.identities (id, provider_id, user_id, identity_data, provider, created_at, updated_at)
          values ($1, $2::text, $2::uuid, $3, 'phone', now(), now())`,
        [
          randomUUID(),
          user.id,
          JSON.stringify({
            sub: user.id,
            phone: number,
            email_verified: false,
            phone_verified: phoneConfirm,
          }),
        ],
      )
    }
    await audit(tx, ctx.ip, actor, 'user_signedup', {
      user_id: user.id,
      user_email: address ?? '',
      user_phone: number ?? '',
    })
    return user.id
  })
  const user = await findUserById(pool, created)
  if (!user) throw new Error('created user vanished')
  return json(renderUser(user, await identitiesOf(pool, created)))
}

export async function updateUserById(ctx: RequestContext, params: Record<string, string>): Promise<Reply> {
  const actor = await adminActor(ctx)
  const { config, pool } = ctx.deps
  const target = await userParam(ctx, params.id)
  const body = await ctx.body()
  const email = str(body, 'email')
  const phone = str(body, 'phone')
  const password = body.password === undefined || body.password === null ? undefined : str(body, 'password')
  const role = str(body, 'role')
  const banDuration = str(body, 'ban_duration')
  const userMetadata = obj(body, 'user_metadata')
  const appMetadata = obj(body, 'app_metadata')
  const emailConfirm = bool(body, 'email_confirm')
  const phoneConfirm = bool(body, 'phone_confirm')
  const address = email ? validateEmail(email) : undefined
  const number = phone ? validatePhone(phone) : undefined
  if (password !== undefined) assertStrongPassword(config, password)
  const encrypted = password !== undefined ? await hashPassword(password) : undefined
  const bannedUntil = banDuration ? banUntil(banDuration) : undefined

  await transaction(pool, async (tx) => {
    const user = await findUserById(tx, target.id, true)
    if (!user) throw notFound('user_not_found', 'User not found')
    if (role) await tx.query('update auth.users set role = $2 where id = $1', [user.id, role])
    if (address && address !== (user.email ?? '').toLowerCase()) {
      if (await emailTaken(tx, address, user.id)) throw emailExists()
      await tx.query('update auth.users set email = $2 where id = $1', [user.id, address])
      const { rowCount } = await tx.query(
        `update auth.identities set identity_data = identity_data || jsonb_build_object('email', $2::text), updated_at = now()
          where user_id = $1 and provider = 'email'`,
        [user.id, address],
      )
      if (!rowCount) {
        const moved = await findUserById(tx, user.id)
        if (moved) await insertEmailIdentity(tx, moved, emailConfirm || isConfirmed(moved))
      }
    }
    if (number && number !== user.phone) {
      const { rowCount } = await tx.query('select 1 from auth.users where phone = $1 and id <> $2', [
        number,
        user.id,
      ])
      if (rowCount) throw unprocessable('phone_exists', 'Phone number already registered by another user')
      await tx.query('update auth.users set phone = $2 where id = $1', [user.id, number])
    }
    if (encrypted !== undefined) {
      await tx.query('update auth.users set encrypted_password = $2 where id = $1', [user.id, encrypted])
    }
    if (emailConfirm) {
      await tx.query(
        `update auth.users set email_confirmed_at = coalesce(email_confirmed_at, now()), confirmation_token = '' where id = $1`,
        [user.id],
      )
      await tx.query(
        `update auth.identities set identity_data = identity_data || '{"email_verified": true}'::jsonb
          where user_id = $1 and provider = 'email'`,
        [user.id],
      )
    }
    if (phoneConfirm) {
      await tx.query(
        'update auth.users set phone_confirmed_at = coalesce(phone_confirmed_at, now()) where id = $1',
        [user.id],
      )
    }
    if (bannedUntil !== undefined) {
      await tx.query('update auth.users set banned_until = $2 where id = $1', [user.id, bannedUntil])
      if (bannedUntil) await logout(tx, user.id, undefined, 'global')
    }
    if (userMetadata) {
      await tx.query('update auth.users set raw_user_meta_data = $2 where id = $1', [
        user.id,
        JSON.stringify(mergeMetadata(user.raw_user_meta_data, userMetadata)),
      ])
    }
    if (appMetadata) {
      await tx.query('update auth.users set raw_app_meta_data = $2 where id = $1', [
        user.id,
        JSON.stringify(mergeMetadata(user.raw_app_meta_data, appMetadata)),
      ])
    }
    await tx.query('update auth.users set updated_at = now() where id = $1', [user.id])
    await audit(tx, ctx.ip, actor, 'user_modified', { user_id: user.id, user_email: user.email ?? '' })
  })
  const user = await findUserById(pool, target.id)
  if (!user) throw notFound('user_not_found', 'User not found')
  return json(renderUser(user, await identitiesOf(pool, user.id)))
}

export async function deleteUser(ctx: RequestContext, params: Record<string, string>): Promise<Reply> {
  const actor = await adminActor(ctx)
  const target = await userParam(ctx, params.id)
  const text = await ctx.body().catch(() => ({}) as Json)
  const soft = text.should_soft_delete === true
  await transaction(ctx.deps.pool, async (tx) => {
    await audit(tx, ctx.ip, actor, 'user_deleted', { user_id: target.id, user_email: target.email ?? '' })
    await tx.query('delete from auth.refresh_tokens where user_id = $1', [target.id])
    if (!soft) {
      await tx.query('delete from auth.users where id = $1', [target.id])
      return
    }
    const obfuscate = (value: string | null) =>
      value ? createHash('sha256').update(`${target.id}${value}`).digest('hex') : null
    await tx.query('delete from auth.sessions where user_id = $1', [target.id])
    await tx.query('delete from auth.identities where user_id = $1', [target.id])
    await tx.query('delete from auth.one_time_tokens where user_id = $1', [target.id])
    await tx.query(
      `update auth.users set email = $2, phone = $3, encrypted_password = '', email_change = '', phone_change = '',
          confirmation_token = '', recovery_token = '', email_change_token_new = '', email_change_token_current = '',
          deleted_at = now(), updated_at = now()
        where id = $1`,
      [target.id, obfuscate(target.email), obfuscate(target.phone)],
    )
  })
  return json({})
}

export async function listFactors(ctx: RequestContext, params: Record<string, string>): Promise<Reply> {
  await adminActor(ctx)
  await userParam(ctx, params.id)
  return json([])
}
