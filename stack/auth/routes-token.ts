// POST /token?grant_type=password | refresh_token | pkce
import { audit } from './audit.ts'
import { limit, type RequestContext } from './context.ts'
import { transaction } from './db.ts'
import { badRequest, invalidCredentials } from './errors.ts'
import { exchangeAuthCode } from './flow-state.ts'
import { json, type Reply, str } from './http.ts'
import { decoyPasswordCheck, passwordWeakness, verifyPassword } from './passwords.ts'
import { phoneUnsupported } from './routes-signup.ts'
import { type AuthMethod, refreshGrant, signIn } from './sessions.ts'
import { findUserByEmail, findUserById, isBanned, warnAboutLegacyRow } from './users.ts'

export async function token(ctx: RequestContext): Promise<Reply> {
  const grantType = ctx.query.get('grant_type') ?? ''
  switch (grantType) {
    case 'password':
      return passwordGrant(ctx)
    case 'refresh_token':
      return refreshTokenGrant(ctx)
    case 'pkce':
      return pkceGrant(ctx)
    default:
      throw badRequest('invalid_credentials', 'unsupported_grant_type')
  }
}

async function passwordGrant(ctx: RequestContext): Promise<Reply> {
  const { config, pool, log } = ctx.deps
  limit(ctx, ctx.deps.limiters.signIn)
  const body = await ctx.body()
  const email = str(body, 'email')
  const phone = str(body, 'phone')
  const password = str(body, 'password')
  if (email && phone) {
    throw badRequest(
      'validation_failed',
      'Only an email address or phone number should be provided on login.',
    )
  }
  if (phone) throw phoneUnsupported(config, 'logins')
  if (!email) throw badRequest('validation_failed', 'missing email or phone')
  if (!config.email.enableSignup) throw badRequest('email_provider_disabled', 'Email logins are disabled')

  const user = await findUserByEmail(pool, email)
  if (!user) {
    await decoyPasswordCheck(password)
    throw invalidCredentials()
  }
  warnAboutLegacyRow(user, log)
  if (isBanned(user)) throw badRequest('user_banned', 'User is banned')
  if (!(await verifyPassword(password, user.encrypted_password))) throw invalidCredentials()
  if (!user.email_confirmed_at) throw badRequest('email_not_confirmed', 'Email not confirmed')

  const response = await transaction(pool, async (tx) => {
    await audit(tx, ctx.ip, { id: user.id, email: user.email }, 'login', { provider: 'email' })
    return signIn(tx, ctx, user, 'password', 'email')
  })
  const weakness = passwordWeakness(config, password)
  if (weakness.reasons.length) {
    response.weak_password = { reasons: weakness.reasons, message: weakness.messages.join(' ') }
  }
  return json(response)
}

async function refreshTokenGrant(ctx: RequestContext): Promise<Reply> {
  limit(ctx, ctx.deps.limiters.refresh)
  const body = await ctx.body()
  const presented = str(body, 'refresh_token')
  return json(await transaction(ctx.deps.pool, (tx) => refreshGrant(tx, ctx, presented)))
}

async function pkceGrant(ctx: RequestContext): Promise<Reply> {
  const body = await ctx.body()
  return json(
    await transaction(ctx.deps.pool, async (tx) => {
      const flow = await exchangeAuthCode(tx, str(body, 'auth_code'), str(body, 'code_verifier'))
      const user = await findUserById(tx, flow.userId)
      if (!user) throw badRequest('user_not_found', 'User not found')
      if (isBanned(user)) throw badRequest('user_banned', 'User is banned')
      await audit(tx, ctx.ip, { id: user.id, email: user.email }, 'login', { provider: 'email' })
      return signIn(tx, ctx, user, flow.authenticationMethod as AuthMethod, 'email')
    }),
  )
}
