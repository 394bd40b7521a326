// GET /verify (the link in an e-mail: redirects to redirect_to with the session in the URL fragment,
// or ?code=… for PKCE) and POST /verify (a typed code or a token hash: answers with a session).
import type pg from 'pg'
import { audit } from './audit.ts'
import { limit, type RequestContext } from './context.ts'
import { transaction } from './db.ts'
import { AuthError, badRequest, forbidden, unprocessable } from './errors.ts'
import { issueAuthCode } from './flow-state.ts'
import { json, type Reply, redirect, str } from './http.ts'
import { authenticationMethodOf, type LinkType } from './mailer.ts'
import { clearToken, type FoundToken, findByHash, type TokenType, tokenHash } from './one-time-tokens.ts'
import { redirectTarget } from './redirects.ts'
import { referrer } from './routes-signup.ts'
import { signIn } from './sessions.ts'
import { confirmEmail, findUserById, isBanned, isConfirmed, type UserRow, validateEmail } from './users.ts'

type VerifyType = LinkType | 'email'

const tokenTypes: Record<VerifyType, TokenType[]> = {
  signup: ['confirmation_token'],
  invite: ['confirmation_token'],
  magiclink: ['recovery_token'],
  recovery: ['recovery_token'],
  email_change: ['email_change_token_new', 'email_change_token_current'],
  email: ['confirmation_token', 'recovery_token'],
}

const isVerifyType = (t: string): t is VerifyType => t in tokenTypes

export const singleConfirmationAccepted =
  'Confirmation link accepted. Please proceed to confirm link sent to the other email'

type Outcome = { kind: 'user'; user: UserRow } | { kind: 'pending' }

/** Applies what a followed link or typed code means for the user (confirm, sign in, change e-mail). */
async function apply(
  tx: pg.PoolClient,
  ctx: RequestContext,
  found: FoundToken,
  type: VerifyType,
): Promise<Outcome> {
  const { user } = found
  const actor = { id: user.id, email: user.email }
  if (found.type === 'confirmation_token') {
    await clearToken(tx, user.id, 'confirmation_token')
    await confirmEmail(tx, user)
    await audit(tx, ctx.ip, actor, type === 'invite' || user.invited_at ? 'invite_accepted' : 'user_signedup')
  } else if (found.type === 'recovery_token') {
    await clearToken(tx, user.id, 'recovery_token')
    if (!isConfirmed(user)) {
      await confirmEmail(tx, user)
      await audit(tx, ctx.ip, actor, 'user_signedup')
    } else {
      await audit(tx, ctx.ip, actor, 'login')
    }
  } else {
    const pending = await applyEmailChange(tx, ctx, found)
    if (pending) return { kind: 'pending' }
  }
  const fresh = await findUserById(tx, user.id)
  if (!fresh) throw new Error('verified user vanished')
  return { kind: 'user', user: fresh }
}

/** Both addresses must confirm when double_confirm_changes is on; returns true while one is missing. */
async function applyEmailChange(tx: pg.PoolClient, ctx: RequestContext, found: FoundToken): Promise<boolean> {
  const { user } = found
  if (!user.email_change) throw forbidden('otp_expired', 'Email link is invalid or has expired')
  await clearToken(tx, user.id, found.type)
  const needsBoth = ctx.deps.config.email.doubleConfirmChanges && Boolean(user.email)
  if (needsBoth && (user.email_change_confirm_status ?? 0) === 0) {
    await tx.query(
      'update auth.users set email_change_confirm_status = 1, updated_at = now() where id = $1',
      [user.id],
    )
    return true
  }
  const newEmail = user.email_change
  const { rowCount } = await tx.query(
    `select 1 from auth.users where lower(email) = lower($1) and id <> $2 and is_sso_user = false`,
    [newEmail, user.id],
  )
  if (rowCount)
    throw unprocessable('email_exists', 'A user with this email address has already been registered')
  await clearToken(tx, user.id, 'email_change_token_new')
  await clearToken(tx, user.id, 'email_change_token_current')
  await tx.query(
    `update auth.users
        set email = $2::text, email_change = '', email_change_sent_at = null, email_change_confirm_status = 0,
            email_confirmed_at = now(), updated_at = now(),
            raw_user_meta_data = case when raw_user_meta_data ? 'email'
              then raw_user_meta_data || jsonb_build_object('email', $2::text) else raw_user_meta_data end
      where id = $1`,
    [user.id, newEmail],
  )
  await tx.query(
    `update auth.identities set identity_data = identity_data || jsonb_build_object('email', $2::text, 'email_verified', true),
        updated_at = now()
      where user_id = $1 and provider = 'email'`,
    [user.id, newEmail],
  )
  await audit(tx, ctx.ip, { id: user.id, email: newEmail }, 'user_modified')
  return false
}

function expired(get: boolean) {
  return get
    ? forbidden('otp_expired', 'Email link is invalid or has expired')
    : forbidden('otp_expired', 'Token has expired or is invalid')
}

export async function verifyGet(ctx: RequestContext): Promise<Reply> {
  const { config, pool } = ctx.deps
  limit(ctx, ctx.deps.limiters.verify)
  const token = (ctx.query.get('token') ?? '').replaceAll('-', '')
  const type = ctx.query.get('type') ?? ''
  const redirectTo = redirectTarget(config, ctx.query.get('redirect_to'), referrer(ctx))
  if (!token) throw badRequest('validation_failed', 'Verify requires a token or a token hash')
  if (!type) throw badRequest('validation_failed', 'Verify requires a verification type')
  if (!isVerifyType(type) || type === 'email')
    throw badRequest('validation_failed', 'Invalid email verification type')

  try {
    return await transaction(pool, async (tx) => {
      const found = await findByHash(tx, tokenTypes[type], token, config.email.otpExpiry)
      if (!found) throw expired(true)
      if (isBanned(found.user)) throw forbidden('user_banned', 'User is banned')
      const outcome = await apply(tx, ctx, found, type)
      if (outcome.kind === 'pending') {
        return redirect(
          withFragment(redirectTo, new URLSearchParams({ message: singleConfirmationAccepted })),
        )
      }
      if (found.pkce) {
        const code = await issueAuthCode(tx, outcome.user.id, authenticationMethodOf[type as LinkType])
        return redirect(withQuery(redirectTo, 'code', code))
      }
      const session = await signIn(tx, ctx, outcome.user, 'otp', 'email')
      const fragment = new URLSearchParams({
        access_token: String(session.access_token),
        expires_at: String(session.expires_at),
        expires_in: String(session.expires_in),
        refresh_token: String(session.refresh_token),
        token_type: 'bearer',
        type,
      })
      return redirect(withFragment(redirectTo, fragment))
    })
  } catch (error) {
    if (!(error instanceof AuthError) || error.status >= 500) throw error
    return redirect(errorRedirect(redirectTo, error))
  }
}

const oauthErrors: Record<number, string> = {
  400: 'invalid_request',
  401: 'unauthorized_client',
  403: 'access_denied',
  500: 'server_error',
  503: 'temporarily_unavailable',
}

/** The target without query and fragment, the error in the fragment (GoTrue's prepErrorRedirectURL). */
function errorRedirect(target: string, error: AuthError): string {
  const q = new URLSearchParams()
  const name = oauthErrors[error.status]
  if (name) q.set('error', name)
  q.set('error_code', error.errorCode)
  q.set('error_description', error.message)
  return `${target.split(/[?#]/)[0]}#${q.toString()}`
}

/** Replaces the URL's fragment (custom-scheme deep links included, which URL may not normalise). */
function withFragment(target: string, fragment: URLSearchParams): string {
  return `${target.split('#')[0]}#${fragment.toString()}`
}

function withQuery(target: string, key: string, value: string): string {
  const [base, hash] = target.split('#', 2)
  const sep = base.includes('?') ? '&' : '?'
  return `${base}${sep}${encodeURIComponent(key)}=${encodeURIComponent(value)}${hash === undefined ? '' : `#${hash}`}`
}

export async function verifyPost(ctx: RequestContext): Promise<Reply> {
  const { config, pool } = ctx.deps
  limit(ctx, ctx.deps.limiters.verify)
  const body = await ctx.body()
  const type = str(body, 'type')
  const token = str(body, 'token').replaceAll('-', '')
  const hash = str(body, 'token_hash')
  const email = str(body, 'email')
  const phone = str(body, 'phone')
  if (!token && !hash) throw badRequest('validation_failed', 'Verify requires a token or a token hash')
  if (!type) throw badRequest('validation_failed', 'Verify requires a verification type')
  if (phone || type === 'sms' || type === 'phone_change') {
    throw badRequest(
      'validation_failed',
      'Phone verification needs an SMS provider, which the local auth server lacks',
    )
  }
  if (!isVerifyType(type)) throw badRequest('validation_failed', 'Unsupported verification type')

  return json(
    await transaction(pool, async (tx) => {
      let found: FoundToken | undefined
      if (hash) {
        found = await findByHash(tx, tokenTypes[type], hash, config.email.otpExpiry)
      } else {
        if (!email)
          throw badRequest(
            'validation_failed',
            'Only an email address or phone number should be provided on verify',
          )
        let address: string
        try {
          address = validateEmail(email)
        } catch {
          throw unprocessable('validation_failed', 'Invalid email format')
        }
        found = await findByHash(
          tx,
          tokenTypes[type],
          tokenHash(address, token),
          config.email.otpExpiry,
          address,
        )
      }
      if (!found) throw expired(false)
      if (isBanned(found.user)) throw forbidden('user_banned', 'User is banned')
      const outcome = await apply(tx, ctx, found, type)
      if (outcome.kind === 'pending') return { msg: singleConfirmationAccepted, code: 200 }
      return signIn(tx, ctx, outcome.user, 'otp', 'email')
    }),
  )
}
