// Endpoints that send e-mail links: POST /otp and /magiclink (passwordless sign-in, creating the user
// if allowed), POST /recover (password reset), POST /resend.
import { randomUUID } from 'node:crypto'
import { audit } from './audit.ts'
import { limit, type RequestContext } from './context.ts'
import { transaction } from './db.ts'
import { badRequest, unprocessable } from './errors.ts'
import { readChallenge } from './flow-state.ts'
import { json, obj, type Reply, str } from './http.ts'
import { sendEmailChange, sendLink } from './mailer.ts'
import { redirectTarget as allowedRedirect } from './redirects.ts'
import { phoneUnsupported, referrer } from './routes-signup.ts'
import {
  emailIdentityData,
  findUserByEmail,
  insertEmailIdentity,
  insertUser,
  isConfirmed,
  validateEmail,
} from './users.ts'

export async function otp(ctx: RequestContext): Promise<Reply> {
  const { config, pool } = ctx.deps
  limit(ctx, ctx.deps.limiters.signIn)
  const body = await ctx.body()
  const email = str(body, 'email')
  const phone = str(body, 'phone')
  const data = obj(body, 'data') ?? {}
  const createUser =
    body.create_user === undefined || body.create_user === null ? true : body.create_user === true
  if (email && phone)
    throw badRequest('validation_failed', 'Only an email address or phone number should be provided')
  if (phone) throw phoneUnsupported(config, 'logins')
  const address = validateEmail(email)
  const challenge = readChallenge(body)
  const redirectTo = redirectTarget(ctx, body)
  const autoconfirm = !config.email.enableConfirmations

  await transaction(pool, async (tx) => {
    let user = await findUserByEmail(tx, address, true)
    if (!user) {
      if (!createUser) throw unprocessable('otp_disabled', 'Signups not allowed for otp')
      if (!config.enableSignup)
        throw unprocessable('signup_disabled', 'Signups not allowed for this instance')
      if (!config.email.enableSignup)
        throw badRequest('email_provider_disabled', 'Email signups are disabled')
      const id = randomUUID()
      user = await insertUser(tx, {
        id,
        email: address,
        appMetadata: { provider: 'email', providers: ['email'] },
        userMetadata: { ...data, ...emailIdentityData(id, address, false) },
      })
      await insertEmailIdentity(tx, user, false)
      await audit(tx, ctx.ip, { id: user.id, email: user.email }, 'user_signedup', { provider: 'email' })
    }
    if (!isConfirmed(user) && !autoconfirm) {
      await sendLink(tx, ctx.deps, user, 'signup', redirectTo, challenge)
      await audit(tx, ctx.ip, { id: user.id, email: user.email }, 'user_confirmation_requested')
    } else {
      await sendLink(tx, ctx.deps, user, 'magiclink', redirectTo, challenge)
      await audit(tx, ctx.ip, { id: user.id, email: user.email }, 'user_recovery_requested')
    }
  })
  return json({})
}

export async function recover(ctx: RequestContext): Promise<Reply> {
  const { pool } = ctx.deps
  limit(ctx, ctx.deps.limiters.signIn)
  const body = await ctx.body()
  const address = validateEmail(str(body, 'email'))
  const challenge = readChallenge(body)
  const redirectTo = redirectTarget(ctx, body)
  await transaction(pool, async (tx) => {
    const user = await findUserByEmail(tx, address, true)
    // An unknown address gets the same answer: no account probing.
    if (!user) return
    await sendLink(tx, ctx.deps, user, 'recovery', redirectTo, challenge)
    await audit(tx, ctx.ip, { id: user.id, email: user.email }, 'user_recovery_requested')
  })
  return json({})
}

export async function resend(ctx: RequestContext): Promise<Reply> {
  const { config, pool } = ctx.deps
  limit(ctx, ctx.deps.limiters.signIn)
  const body = await ctx.body()
  const type = str(body, 'type')
  if (str(body, 'phone') || type === 'sms' || type === 'phone_change')
    throw phoneUnsupported(config, 'logins')
  if (type !== 'signup' && type !== 'email_change') {
    throw badRequest(
      'validation_failed',
      'Missing one of these types: signup, email_change, sms, phone_change',
    )
  }
  const address = validateEmail(str(body, 'email'))
  const challenge = readChallenge(body)
  const redirectTo = redirectTarget(ctx, body)
  await transaction(pool, async (tx) => {
    if (type === 'signup') {
      const user = await findUserByEmail(tx, address, true)
      if (!user) return
      if (isConfirmed(user)) throw unprocessable('validation_failed', 'Email address already confirmed')
      await sendLink(tx, ctx.deps, user, 'signup', redirectTo, challenge)
      return
    }
    const { rows } = await tx.query<{ email: string }>(
      `select email from auth.users
        where (lower(email_change) = lower($1) or lower(email) = lower($1)) and coalesce(email_change, '') <> ''
        limit 1`,
      [address],
    )
    const user = rows[0] ? await findUserByEmail(tx, rows[0].email, true) : undefined
    if (!user?.email_change) return
    await sendEmailChange(tx, ctx.deps, user, user.email_change, redirectTo, challenge)
  })
  return json({})
}

/** redirect_to comes as a query parameter from auth-js (or in the body from older clients). */
function redirectTarget(ctx: RequestContext, body: Record<string, unknown>): string {
  const candidate =
    ctx.query.get('redirect_to') ?? (typeof body.redirect_to === 'string' ? body.redirect_to : null)
  return allowedRedirect(ctx.deps.config, candidate, referrer(ctx))
}
