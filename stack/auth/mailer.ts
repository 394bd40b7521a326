// The e-mails GoTrue sends (confirm signup, invite, magic link, recovery, e-mail change, reauthentication),
// as issued tokens plus a printed link: no mail server runs locally.
import type { AuthDeps } from './context.ts'
import type { Db } from './db.ts'
import { type Challenge, createFlowState } from './flow-state.ts'
import { assertCanSend, deliver, issueToken, type TokenType, verifyLink } from './one-time-tokens.ts'
import type { UserRow } from './users.ts'

/** The `type` of a verify link, and the PKCE authentication method it stands for. */
export type LinkType = 'signup' | 'invite' | 'magiclink' | 'recovery' | 'email_change'

export const authenticationMethodOf: Record<LinkType, string> = {
  signup: 'email/signup',
  invite: 'invite',
  magiclink: 'magiclink',
  recovery: 'recovery',
  email_change: 'email_change',
}

const tokenTypeOf: Record<Exclude<LinkType, 'email_change'>, TokenType> = {
  signup: 'confirmation_token',
  invite: 'confirmation_token',
  magiclink: 'recovery_token',
  recovery: 'recovery_token',
}

const subjects: Record<LinkType, string> = {
  signup: 'confirm signup',
  invite: 'invite',
  magiclink: 'magic link',
  recovery: 'reset password',
  email_change: 'confirm e-mail change',
}

export interface EmailLink {
  actionLink: string
  otp: string
  hashedToken: string
  verificationType: LinkType
  redirectTo: string
}

/** Issues the token behind a link (optionally for PKCE) without sending anything (generate_link). */
export async function createLink(
  db: Db,
  deps: AuthDeps,
  user: UserRow,
  type: Exclude<LinkType, 'email_change'>,
  redirectTo: string,
  challenge?: Challenge,
): Promise<EmailLink> {
  if (challenge) await createFlowState(db, user.id, authenticationMethodOf[type], challenge)
  const issued = await issueToken(
    db,
    user,
    tokenTypeOf[type],
    user.email ?? '',
    deps.config.email.otpLength,
    challenge !== undefined,
  )
  return {
    actionLink: verifyLink(deps, issued.hashedToken, type, redirectTo),
    otp: issued.otp,
    hashedToken: issued.hashedToken,
    verificationType: type,
    redirectTo,
  }
}

/** Sends (prints) a confirm-signup / invite / magic-link / recovery e-mail, honouring max_frequency. */
export async function sendLink(
  db: Db,
  deps: AuthDeps,
  user: UserRow,
  type: Exclude<LinkType, 'email_change'>,
  redirectTo: string,
  challenge?: Challenge,
): Promise<EmailLink> {
  assertCanSend(deps, user, tokenTypeOf[type])
  const link = await createLink(db, deps, user, type, redirectTo, challenge)
  deliver(deps, subjects[type], user.email ?? '', link.actionLink, link.otp)
  return link
}

/**
 * Starts an e-mail change: records the new address and sends a link to it, and with
 * double_confirm_changes also one to the current address (both must be followed).
 */
export async function sendEmailChange(
  db: Db,
  deps: AuthDeps,
  user: UserRow,
  newEmail: string,
  redirectTo: string,
  challenge?: Challenge,
): Promise<void> {
  assertCanSend(deps, user, 'email_change_token_new')
  if (challenge) await createFlowState(db, user.id, authenticationMethodOf.email_change, challenge)
  await db.query(
    `update auth.users set email_change = $2, email_change_confirm_status = 0, email_change_token_current = '',
        updated_at = now() where id = $1`,
    [user.id, newEmail],
  )
  const pkce = challenge !== undefined
  const otpLength = deps.config.email.otpLength
  const fresh = await issueToken(db, user, 'email_change_token_new', newEmail, otpLength, pkce)
  deliver(
    deps,
    subjects.email_change,
    newEmail,
    verifyLink(deps, fresh.hashedToken, 'email_change', redirectTo),
    fresh.otp,
  )
  if (deps.config.email.doubleConfirmChanges && user.email) {
    const current = await issueToken(db, user, 'email_change_token_current', user.email, otpLength, pkce)
    deliver(
      deps,
      subjects.email_change,
      user.email,
      verifyLink(deps, current.hashedToken, 'email_change', redirectTo),
      current.otp,
    )
  }
}

/** The code GET /reauthenticate sends; PUT /user accepts it as `nonce`. */
export async function sendReauthentication(db: Db, deps: AuthDeps, user: UserRow): Promise<void> {
  assertCanSend(deps, user, 'reauthentication_token')
  const issued = await issueToken(
    db,
    user,
    'reauthentication_token',
    user.email ?? '',
    deps.config.email.otpLength,
  )
  deps.log(`auth: reauthentication e-mail to ${user.email}: code ${issued.otp}`)
}
