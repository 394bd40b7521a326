// The signed-in user's own endpoints: GET/PUT /user, POST /logout, GET /reauthenticate.
import { audit } from './audit.ts'
import { adminRoles, authenticate, type RequestContext } from './context.ts'
import { transaction } from './db.ts'
import { badRequest, forbidden, unprocessable } from './errors.ts'
import { readChallenge } from './flow-state.ts'
import { json, obj, type Reply, str } from './http.ts'
import { sendEmailChange, sendReauthentication } from './mailer.ts'
import { clearToken, findByHash, tokenHash } from './one-time-tokens.ts'
import { assertStrongPassword, hashPassword, verifyPassword } from './passwords.ts'
import { redirectTarget } from './redirects.ts'
import { phoneUnsupported, referrer } from './routes-signup.ts'
import { type LogoutScope, logout } from './sessions.ts'
import {
  emailIdentityData,
  emailTaken,
  findUserById,
  identitiesOf,
  insertEmailIdentity,
  mergeMetadata,
  renderUser,
  setAppMetadata,
  setUserMetadata,
  validateEmail,
} from './users.ts'

export async function getUser(ctx: RequestContext): Promise<Reply> {
  const { user } = await authenticate(ctx)
  return json(renderUser(user, await identitiesOf(ctx.deps.pool, user.id)))
}

const day = 24 * 3600 * 1000

export async function updateUser(ctx: RequestContext): Promise<Reply> {
  const { config, pool } = ctx.deps
  const { user, sessionId } = await authenticate(ctx)
  const body = await ctx.body()
  const email = str(body, 'email')
  const password = body.password === undefined || body.password === null ? undefined : str(body, 'password')
  const nonce = str(body, 'nonce')
  const data = obj(body, 'data')
  const appData = obj(body, 'app_metadata')
  if (str(body, 'phone')) throw phoneUnsupported(config, 'logins')
  if (appData && !adminRoles.includes(user.role ?? '')) {
    throw forbidden('not_admin', 'Updating app_metadata requires admin privileges')
  }
  const challenge = readChallenge(body)
  const redirectTo = redirectTarget(config, ctx.query.get('redirect_to'), referrer(ctx))
  const newEmail = email ? validateEmail(email) : ''

  let encrypted: string | undefined
  if (password !== undefined) {
    assertStrongPassword(config, password)
    if (await verifyPassword(password, user.encrypted_password)) {
      throw unprocessable('same_password', 'New password should be different from the old password.')
    }
    if (config.email.securePasswordChange && user.email && !(await recentlySignedIn(ctx, sessionId))) {
      if (!nonce) throw badRequest('reauthentication_needed', 'Password update requires reauthentication')
    }
    encrypted = await hashPassword(password)
  }

  await transaction(pool, async (tx) => {
    const current = await findUserById(tx, user.id, true)
    if (!current) throw forbidden('user_not_found', 'User from sub claim in JWT does not exist')
    const actor = { id: current.id, email: current.email }
    if (encrypted !== undefined) {
      if (nonce) {
        const found = await findByHash(
          tx,
          ['reauthentication_token'],
          tokenHash(current.email ?? '', nonce),
          config.email.otpExpiry,
        )
        if (found?.user.id !== current.id)
          throw badRequest('reauthentication_not_valid', 'Requires reauthentication')
        await clearToken(tx, current.id, 'reauthentication_token')
      }
      await tx.query('update auth.users set encrypted_password = $2, updated_at = now() where id = $1', [
        current.id,
        encrypted,
      ])
      // As GoTrue: a new password ends every other session of the user.
      await logout(tx, current.id, sessionId, sessionId ? 'others' : 'global')
      await audit(tx, ctx.ip, actor, 'user_updated_password')
    }
    if (data) await setUserMetadata(tx, current.id, mergeMetadata(current.raw_user_meta_data, data))
    if (appData) await setAppMetadata(tx, current.id, mergeMetadata(current.raw_app_meta_data, appData))
    if (newEmail && newEmail !== (current.email ?? '').toLowerCase()) {
      if (await emailTaken(tx, newEmail, current.id)) {
        throw unprocessable('email_exists', 'A user with this email address has already been registered')
      }
      if (current.is_anonymous && !config.email.enableConfirmations) {
        // Anonymous users may add an e-mail address without confirming it when confirmations are off.
        await tx.query(
          `update auth.users set email = $2, email_confirmed_at = now(), is_anonymous = false,
              raw_app_meta_data = coalesce(raw_app_meta_data, '{}'::jsonb) || '{"provider": "email", "providers": ["email"]}'::jsonb,
              raw_user_meta_data = coalesce(raw_user_meta_data, '{}'::jsonb) || $3::jsonb, updated_at = now()
            where id = $1`,
          [current.id, newEmail, JSON.stringify(emailIdentityData(current.id, newEmail, true))],
        )
        const upgraded = await findUserById(tx, current.id)
        if (upgraded) await insertEmailIdentity(tx, upgraded, true)
      } else {
        await sendEmailChange(tx, ctx.deps, current, newEmail, redirectTo, challenge)
      }
    }
    await audit(tx, ctx.ip, actor, 'user_modified')
  })
  const updated = await findUserById(pool, user.id)
  if (!updated) throw forbidden('user_not_found', 'User from sub claim in JWT does not exist')
  return json(renderUser(updated, await identitiesOf(pool, user.id)))
}

async function recentlySignedIn(ctx: RequestContext, sessionId: string | undefined): Promise<boolean> {
  if (!sessionId) return false
  const { rows } = await ctx.deps.pool.query<{ at: Date }>(
    `select greatest(created_at, refreshed_at at time zone 'UTC') as at from auth.sessions where id = $1`,
    [sessionId],
  )
  return rows[0] ? Date.now() - rows[0].at.getTime() < day : false
}

const scopes = new Set<LogoutScope>(['global', 'local', 'others'])

export async function logoutRoute(ctx: RequestContext): Promise<Reply> {
  const scope = (ctx.query.get('scope') || 'global') as LogoutScope
  if (!scopes.has(scope)) throw badRequest('validation_failed', `Unsupported logout scope "${scope}"`)
  const { user, sessionId } = await authenticate(ctx)
  await transaction(ctx.deps.pool, async (tx) => {
    await audit(tx, ctx.ip, { id: user.id, email: user.email }, 'logout')
    await logout(tx, user.id, sessionId, scope)
  })
  return { status: 204 }
}

export async function reauthenticate(ctx: RequestContext): Promise<Reply> {
  const { user } = await authenticate(ctx)
  if (!user.email)
    throw unprocessable('validation_failed', 'Reauthentication requires the user to have an email')
  await transaction(ctx.deps.pool, async (tx) => {
    const current = await findUserById(tx, user.id, true)
    if (!current) return
    await sendReauthentication(tx, ctx.deps, current)
    await audit(tx, ctx.ip, { id: user.id, email: user.email }, 'user_reauthenticate_requested')
  })
  return json({})
}
