// Admin API (service_role key) for e-mail links: POST /invite sends one, POST /admin/generate_link
// returns the link and code an e-mail would carry, without sending anything.
import { randomUUID } from 'node:crypto'
import { audit } from './audit.ts'
import type { RequestContext } from './context.ts'
import { transaction } from './db.ts'
import { badRequest, notFound, unprocessable } from './errors.ts'
import { json, obj, type Reply, str } from './http.ts'
import { createLink, type EmailLink, sendLink } from './mailer.ts'
import { issueToken, verifyLink } from './one-time-tokens.ts'
import { assertStrongPassword, hashPassword } from './passwords.ts'
import { redirectTarget } from './redirects.ts'
import { adminActor, emailExists } from './routes-admin.ts'
import {
  emailIdentityData,
  emailTaken,
  findUserByEmail,
  findUserById,
  identitiesOf,
  insertEmailIdentity,
  insertUser,
  isConfirmed,
  renderUser,
  validateEmail,
} from './users.ts'

/** POST /invite: creates (or re-invites) an unconfirmed user and sends the invite link. */
export async function invite(ctx: RequestContext): Promise<Reply> {
  const actor = await adminActor(ctx)
  const { config, pool } = ctx.deps
  const body = await ctx.body()
  const address = validateEmail(str(body, 'email'))
  const data = obj(body, 'data') ?? {}
  const redirectTo = redirectTarget(config, ctx.query.get('redirect_to'))
  const userId = await transaction(pool, async (tx) => {
    let user = await findUserByEmail(tx, address, true)
    if (user && isConfirmed(user)) throw emailExists()
    if (!user) {
      const id = randomUUID()
      user = await insertUser(tx, {
        id,
        email: address,
        invited: true,
        appMetadata: { provider: 'email', providers: ['email'] },
        userMetadata: { ...data, ...emailIdentityData(id, address, false) },
      })
      await insertEmailIdentity(tx, user, false)
    } else {
      await tx.query('update auth.users set invited_at = now() where id = $1', [user.id])
    }
    await audit(tx, ctx.ip, actor, 'user_invited', { user_id: user.id, user_email: address })
    await sendLink(tx, ctx.deps, user, 'invite', redirectTo)
    return user.id
  })
  const user = await findUserById(pool, userId)
  if (!user) throw new Error('invited user vanished')
  return json(renderUser(user, await identitiesOf(pool, userId)))
}

const linkTypes = ['signup', 'invite', 'magiclink', 'recovery', 'email_change_current', 'email_change_new']

/** POST /admin/generate_link: the link (and code) an e-mail would carry, without sending it. */
export async function generateLink(ctx: RequestContext): Promise<Reply> {
  await adminActor(ctx)
  const { config, pool } = ctx.deps
  const body = await ctx.body()
  const type = str(body, 'type')
  const password = str(body, 'password')
  const newEmail = str(body, 'new_email')
  const data = obj(body, 'data') ?? {}
  if (!linkTypes.includes(type))
    throw badRequest('validation_failed', 'Invalid email action link type requested')
  const address = validateEmail(str(body, 'email'))
  const redirectTo = redirectTarget(
    config,
    ctx.query.get('redirect_to') ?? (typeof body.redirect_to === 'string' ? body.redirect_to : null),
  )
  if (type === 'signup' && password) assertStrongPassword(config, password)
  const encrypted = type === 'signup' && password ? await hashPassword(password) : undefined

  const result = await transaction(pool, async (tx) => {
    let user = await findUserByEmail(tx, address, true)
    const newUser = async (invited: boolean, encryptedPassword?: string) => {
      const id = randomUUID()
      const created = await insertUser(tx, {
        id,
        email: address,
        invited,
        encryptedPassword,
        appMetadata: { provider: 'email', providers: ['email'] },
        userMetadata: { ...data, ...emailIdentityData(id, address, false) },
      })
      await insertEmailIdentity(tx, created, false)
      return created
    }
    let link: EmailLink
    switch (type) {
      case 'magiclink':
        if (!user) {
          user = await newUser(false)
          link = await createLink(tx, ctx.deps, user, 'signup', redirectTo)
        } else {
          link = await createLink(tx, ctx.deps, user, 'magiclink', redirectTo)
        }
        break
      case 'recovery':
        if (!user) throw notFound('user_not_found', 'User with this email not found')
        link = await createLink(tx, ctx.deps, user, 'recovery', redirectTo)
        break
      case 'invite':
        if (user && isConfirmed(user)) throw emailExists()
        if (!user) user = await newUser(true)
        else await tx.query('update auth.users set invited_at = now() where id = $1', [user.id])
        link = await createLink(tx, ctx.deps, user, 'invite', redirectTo)
        break
      case 'signup':
        if (user && isConfirmed(user)) throw emailExists()
        if (!user) {
          if (!encrypted) throw unprocessable('validation_failed', 'Signup requires a valid password')
          user = await newUser(false, encrypted)
        } else if (encrypted) {
          await tx.query('update auth.users set encrypted_password = $2 where id = $1', [user.id, encrypted])
        }
        link = await createLink(tx, ctx.deps, user, 'signup', redirectTo)
        break
      default: {
        if (!user) throw notFound('user_not_found', 'User with this email not found')
        const target = validateEmail(newEmail)
        if (await emailTaken(tx, target, user.id)) throw emailExists()
        await tx.query(
          `update auth.users set email_change = $2, email_change_confirm_status = 0, updated_at = now() where id = $1`,
          [user.id, target],
        )
        const current = type === 'email_change_current'
        const issued = await issueToken(
          tx,
          user,
          current ? 'email_change_token_current' : 'email_change_token_new',
          current ? address : target,
          config.email.otpLength,
        )
        link = {
          actionLink: verifyLink(ctx.deps, issued.hashedToken, 'email_change', redirectTo),
          otp: issued.otp,
          hashedToken: issued.hashedToken,
          verificationType: 'email_change',
          redirectTo,
        }
      }
    }
    const fresh = await findUserById(tx, user.id)
    if (!fresh) throw new Error('user vanished')
    return { user: renderUser(fresh, await identitiesOf(tx, fresh.id)), link }
  })
  return json({
    ...result.user,
    action_link: result.link.actionLink,
    email_otp: result.link.otp,
    hashed_token: result.link.hashedToken,
    verification_type: result.link.verificationType,
    redirect_to: result.link.redirectTo,
  })
}
