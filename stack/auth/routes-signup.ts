// POST /signup: e-mail + password (a session at once when confirmations are off, else a confirmation
// link), or an anonymous user when the body carries neither e-mail nor phone.
import { randomUUID } from 'node:crypto'
import { audit } from './audit.ts'
import { limit, type RequestContext } from './context.ts'
import { transaction } from './db.ts'
import { badRequest, unprocessable } from './errors.ts'
import { readChallenge } from './flow-state.ts'
import { json, obj, type Reply, str } from './http.ts'
import { sendLink } from './mailer.ts'
import { assertStrongPassword, hashPassword } from './passwords.ts'
import { redirectTarget } from './redirects.ts'
import { signIn } from './sessions.ts'
import {
  emailIdentityData,
  findUserByEmail,
  identitiesOf,
  insertEmailIdentity,
  insertUser,
  isConfirmed,
  mergeMetadata,
  renderUser,
  validateEmail,
} from './users.ts'

export function phoneUnsupported(config: { phoneEnabled: boolean }, what: 'signups' | 'logins') {
  return config.phoneEnabled
    ? badRequest(
        'sms_send_failed',
        'Phone authentication needs an SMS provider, which the local auth server lacks',
      )
    : badRequest('phone_provider_disabled', `Phone ${what} are disabled`)
}

export function referrer(ctx: RequestContext): string | undefined {
  const value = ctx.req.headers.referer
  return typeof value === 'string' ? value : undefined
}

export async function signup(ctx: RequestContext): Promise<Reply> {
  const { config, pool } = ctx.deps
  const body = await ctx.body()
  const email = str(body, 'email')
  const phone = str(body, 'phone')
  const password = str(body, 'password')
  const data = obj(body, 'data') ?? {}
  if (!config.enableSignup) throw unprocessable('signup_disabled', 'Signups not allowed for this instance')
  if (!email && !phone) return signupAnonymously(ctx, data)
  limit(ctx, ctx.deps.limiters.signIn)
  if (email && phone) {
    throw unprocessable(
      'validation_failed',
      'Only an email address or phone number should be provided on signup.',
    )
  }
  if (phone) throw phoneUnsupported(config, 'signups')
  if (!config.email.enableSignup) throw badRequest('email_provider_disabled', 'Email signups are disabled')
  const address = validateEmail(email)
  if (!password) throw unprocessable('validation_failed', 'Signup requires a valid password')
  assertStrongPassword(config, password)
  const challenge = readChallenge(body)
  const redirectTo = redirectTarget(config, ctx.query.get('redirect_to'), referrer(ctx))
  const encrypted = await hashPassword(password)
  const autoconfirm = !config.email.enableConfirmations

  return json(
    await transaction(pool, async (tx) => {
      let user = await findUserByEmail(tx, address, true)
      if (user && isConfirmed(user)) {
        if (autoconfirm) throw unprocessable('user_already_exists', 'User already registered')
        // With confirmations on, GoTrue answers as if it had signed up someone new (no account probing).
        await audit(tx, ctx.ip, { id: user.id, email: user.email }, 'user_repeated_signup', {
          provider: 'email',
        })
        return renderUser({ ...user, id: randomUUID(), created_at: new Date(), updated_at: new Date() }, [])
      }
      if (user) {
        await tx.query(
          'update auth.users set encrypted_password = $2, raw_user_meta_data = $3, updated_at = now() where id = $1',
          [user.id, encrypted, JSON.stringify(mergeMetadata(user.raw_user_meta_data, data))],
        )
      } else {
        const id = randomUUID()
        user = await insertUser(tx, {
          id,
          email: address,
          encryptedPassword: encrypted,
          appMetadata: { provider: 'email', providers: ['email'] },
          userMetadata: { ...data, ...emailIdentityData(id, address, autoconfirm) },
          emailConfirmed: autoconfirm,
        })
        await insertEmailIdentity(tx, user, autoconfirm)
        await audit(tx, ctx.ip, { id: user.id, email: user.email }, 'user_signedup', { provider: 'email' })
      }
      if (autoconfirm) {
        await audit(tx, ctx.ip, { id: user.id, email: user.email }, 'login', { provider: 'email' })
        return signIn(tx, ctx, user, 'password', 'email')
      }
      const fresh = await findUserByEmail(tx, address)
      if (!fresh) throw new Error('signed-up user vanished')
      await sendLink(tx, ctx.deps, fresh, 'signup', redirectTo, challenge)
      await audit(tx, ctx.ip, { id: user.id, email: user.email }, 'user_confirmation_requested', {
        provider: 'email',
      })
      const after = await findUserByEmail(tx, address)
      return renderUser(after ?? fresh, await identitiesOf(tx, fresh.id))
    }),
  )
}

async function signupAnonymously(ctx: RequestContext, data: Record<string, unknown>): Promise<Reply> {
  const { config, pool } = ctx.deps
  if (!config.enableAnonymousSignIns) {
    throw unprocessable('anonymous_provider_disabled', 'Anonymous sign-ins are disabled')
  }
  limit(ctx, ctx.deps.limiters.anonymous)
  return json(
    await transaction(pool, async (tx) => {
      const user = await insertUser(tx, { appMetadata: {}, userMetadata: data, isAnonymous: true })
      await audit(tx, ctx.ip, { id: user.id }, 'user_signedup', { provider: 'anonymous' })
      return signIn(tx, ctx, user, 'anonymous', undefined)
    }),
  )
}
