// Sessions, refresh tokens (rotation with reuse detection) and the token response GoTrue sends.
import { randomBytes, randomUUID } from 'node:crypto'
import type pg from 'pg'
import { audit } from './audit.ts'
import type { AuthDeps, RequestContext } from './context.ts'
import { CommitThenFail, type Db, nilUuid } from './db.ts'
import { badRequest, OAuthError } from './errors.ts'
import type { Json } from './http.ts'
import { type AmrEntry, signAccessToken } from './jwt.ts'
import { findUserById, identitiesOf, isBanned, renderUser, subjectOf, type UserRow } from './users.ts'

/** How a session was authenticated; becomes the `amr` claim (GoTrue's AuthenticationMethod names). */
export type AuthMethod =
  | 'password'
  | 'otp'
  | 'magiclink'
  | 'recovery'
  | 'invite'
  | 'email/signup'
  | 'anonymous'

const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'

/** An opaque refresh token (lower-case alphanumerics, like GoTrue's, but longer). */
export function newRefreshToken(): string {
  const bytes = randomBytes(24)
  let out = ''
  for (const b of bytes) out += alphabet[b % 36]
  return out
}

interface SessionRow {
  id: string
  user_id: string
  aal: string | null
  not_after: Date | null
  created_at: Date | null
  refreshed_at_utc: Date | null
}

interface RefreshTokenRow {
  id: string
  token: string
  user_id: string
  revoked: boolean | null
  updated_at: Date
  parent: string | null
  session_id: string | null
}

/** Starts a session for the user and returns its first refresh token. */
export async function createSession(
  tx: Db,
  ctx: RequestContext,
  user: UserRow,
  method: AuthMethod,
): Promise<{ sessionId: string; refreshToken: string }> {
  const sessionId = randomUUID()
  await tx.query(
    `insert into auth.sessions (id, user_id, created_at, updated_at, aal, user_agent, ip, refreshed_at)
      values ($1, $2, now(), now(), 'aal1', $3, $4, null)`,
    [sessionId, user.id, ctx.userAgent || null, inetOrNull(ctx.ip)],
  )
  await tx.query(
    `insert into auth.mfa_amr_claims (session_id, created_at, updated_at, authentication_method, id)
      values ($1, now(), now(), $2, $3)
      on conflict (session_id, authentication_method) do update set updated_at = now()`,
    [sessionId, method, randomUUID()],
  )
  const refreshToken = newRefreshToken()
  await tx.query(
    `insert into auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at, parent, session_id)
      values ($1, $2, $3, false, now(), now(), null, $4)`,
    [nilUuid, refreshToken, user.id, sessionId],
  )
  return { sessionId, refreshToken }
}

function inetOrNull(ip: string): string | null {
  return /^[0-9a-fA-F:.]+$/.test(ip) && ip !== '' ? ip : null
}

async function amrOf(db: Db, sessionId: string): Promise<AmrEntry[]> {
  const { rows } = await db.query<{ method: string; at: Date }>(
    `select authentication_method as method, updated_at as at from auth.mfa_amr_claims
      where session_id = $1 order by updated_at desc`,
    [sessionId],
  )
  return rows.map((r) => ({ method: r.method, timestamp: Math.floor(r.at.getTime() / 1000) }))
}

/** {access_token, token_type, expires_in, expires_at, refresh_token, user} for a user's session. */
export async function tokenResponse(
  db: Db,
  deps: AuthDeps,
  userId: string,
  sessionId: string,
  refreshToken: string,
): Promise<Json> {
  const user = await findUserById(db, userId)
  if (!user) throw new Error(`user ${userId} vanished`)
  const { rows } = await db.query<{ aal: string | null }>('select aal from auth.sessions where id = $1', [
    sessionId,
  ])
  const { token, expiresAt } = await signAccessToken({
    key: deps.key,
    issuer: deps.issuer,
    expiresIn: deps.config.jwtExpiry,
    user: subjectOf(user),
    sessionId,
    aal: rows[0]?.aal ?? 'aal1',
    amr: await amrOf(db, sessionId),
  })
  return {
    access_token: token,
    token_type: 'bearer',
    expires_in: deps.config.jwtExpiry,
    expires_at: expiresAt,
    refresh_token: refreshToken,
    user: renderUser(user, await identitiesOf(db, userId)),
  }
}

/** A new session plus its token response, for every kind of sign-in. */
export async function signIn(
  tx: pg.PoolClient,
  ctx: RequestContext,
  user: UserRow,
  method: AuthMethod,
  provider: string | undefined,
): Promise<Json> {
  await tx.query('update auth.users set last_sign_in_at = now(), updated_at = now() where id = $1', [user.id])
  if (provider) {
    await tx.query(
      'update auth.identities set last_sign_in_at = now() where user_id = $1 and provider = $2',
      [user.id, provider],
    )
  }
  const { sessionId, refreshToken } = await createSession(tx, ctx, user, method)
  return tokenResponse(tx, ctx.deps, user.id, sessionId, refreshToken)
}

function sessionExpiry(deps: AuthDeps, session: SessionRow, tokenUpdatedAt: Date): string | undefined {
  const now = Date.now()
  if (session.not_after && now > session.not_after.getTime()) return 'Invalid Refresh Token: Session Expired'
  const { timeboxMs, inactivityTimeoutMs } = deps.config.sessions
  if (timeboxMs > 0 && session.created_at && now > session.created_at.getTime() + timeboxMs) {
    return 'Invalid Refresh Token: Session Expired'
  }
  if (inactivityTimeoutMs > 0) {
    const last = Math.max(session.refreshed_at_utc?.getTime() ?? 0, tokenUpdatedAt.getTime())
    if (now > last + inactivityTimeoutMs) return 'Invalid Refresh Token: Session Expired (Inactivity)'
  }
  return undefined
}

/**
 * The refresh_token grant. The presented token is swapped for a new child, and revoked. A revoked
 * token presented again within refresh_token_reuse_interval gets the session's current token back
 * (a client that lost the answer); later, it is treated as stolen: every token of the session is
 * revoked and the answer is refresh_token_already_used.
 */
export async function refreshGrant(tx: pg.PoolClient, ctx: RequestContext, presented: string): Promise<Json> {
  const { deps } = ctx
  if (!presented) throw new OAuthError('invalid_request', 'refresh_token required')
  // Lock the session first, then the token, so concurrent refreshes in one session queue up.
  const found = await tx.query<{ session_id: string | null }>(
    'select session_id from auth.refresh_tokens where token = $1',
    [presented],
  )
  if (!found.rows[0])
    throw badRequest('refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found')
  const sessionId = found.rows[0].session_id
  let session: SessionRow | undefined
  if (sessionId) {
    const s = await tx.query<SessionRow>(
      `select id, user_id, aal, not_after, created_at, refreshed_at at time zone 'UTC' as refreshed_at_utc
         from auth.sessions where id = $1 for update`,
      [sessionId],
    )
    session = s.rows[0]
  }
  const t = await tx.query<RefreshTokenRow>(
    'select id, token, user_id, revoked, updated_at, parent, session_id from auth.refresh_tokens where token = $1 for update',
    [presented],
  )
  const token = t.rows[0]
  if (!token) throw badRequest('refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found')
  const user = await findUserById(tx, token.user_id)
  if (!user) throw badRequest('refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found')
  if (isBanned(user)) throw badRequest('user_banned', 'Invalid Refresh Token: User Banned')
  if (!session) {
    await tx.query('delete from auth.refresh_tokens where id = $1', [token.id])
    throw new CommitThenFail(badRequest('session_not_found', 'Invalid Refresh Token: No Valid Session Found'))
  }
  const expired = sessionExpiry(deps, session, token.updated_at)
  if (expired) throw badRequest('session_expired', expired)

  let issued: string | undefined
  if (token.revoked) {
    const active = await tx.query<{ token: string }>(
      `select token from auth.refresh_tokens where session_id = $1 and revoked = false order by id desc limit 1`,
      [session.id],
    )
    const reuseUntil = token.updated_at.getTime() + deps.config.refreshTokenReuseInterval * 1000
    if (Date.now() <= reuseUntil && active.rows[0]) {
      issued = active.rows[0].token
    } else {
      if (deps.config.refreshTokenRotation) {
        await tx.query(
          'update auth.refresh_tokens set revoked = true, updated_at = now() where session_id = $1 and revoked = false',
          [session.id],
        )
      }
      deps.log(`auth: refresh token reuse detected for user ${user.id}; session ${session.id} revoked`)
      throw new CommitThenFail(
        badRequest('refresh_token_already_used', 'Invalid Refresh Token: Already Used'),
      )
    }
  } else {
    issued = newRefreshToken()
    await tx.query('update auth.refresh_tokens set revoked = true, updated_at = now() where id = $1', [
      token.id,
    ])
    await tx.query(
      `insert into auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at, parent, session_id)
        values ($1, $2, $3, false, now(), now(), $4, $5)`,
      [nilUuid, issued, user.id, token.token, session.id],
    )
  }
  await audit(tx, ctx.ip, { id: user.id, email: user.email }, 'token_refreshed')
  await tx.query(
    `update auth.sessions set refreshed_at = now() at time zone 'UTC', updated_at = now(), user_agent = $2, ip = $3
      where id = $1`,
    [session.id, ctx.userAgent || null, inetOrNull(ctx.ip)],
  )
  return tokenResponse(tx, deps, user.id, session.id, issued)
}

export type LogoutScope = 'global' | 'local' | 'others'

/** Deletes sessions (their refresh tokens go with them) as GoTrue's logout scopes do. */
export async function logout(tx: Db, userId: string, sessionId: string | undefined, scope: LogoutScope) {
  if (sessionId && scope === 'local') {
    await tx.query('delete from auth.sessions where id = $1', [sessionId])
  } else if (sessionId && scope === 'others') {
    await tx.query('delete from auth.sessions where user_id = $1 and id <> $2', [userId, sessionId])
  } else {
    await tx.query('delete from auth.sessions where user_id = $1', [userId])
    await tx.query('delete from auth.refresh_tokens where user_id = $1', [userId])
  }
}
