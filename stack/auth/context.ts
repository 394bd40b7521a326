// What every route gets: the handler's dependencies, the parsed request, and the auth checks GoTrue
// runs before protected routes (bearer user token, or an admin role).
import type { IncomingMessage } from 'node:http'
import type pg from 'pg'
import type { AuthConfig } from './config.ts'
import { AuthError, forbidden, tooManyRequests } from './errors.ts'
import { bearerToken, type Json, parseJsonObject, readBody } from './http.ts'
import { type AccessTokenClaims, verifyAccessToken } from './jwt.ts'
import type { RateLimiter } from './rate-limit.ts'
import { findUserById, isUuid, type UserRow } from './users.ts'

export interface AuthDeps {
  pool: pg.Pool
  config: AuthConfig
  key: Uint8Array
  /** Public base URL (for links), e.g. http://127.0.0.1:54321 */
  apiUrl: string
  issuer: string
  log: (line: string) => void
  limiters: {
    signIn: RateLimiter
    refresh: RateLimiter
    verify: RateLimiter
    anonymous: RateLimiter
  }
}

export interface RequestContext {
  deps: AuthDeps
  req: IncomingMessage
  method: string
  path: string
  query: URLSearchParams
  ip: string
  userAgent: string
  body(): Promise<Json>
}

export function makeContext(
  deps: AuthDeps,
  req: IncomingMessage,
  subPath: string,
  ip: string,
): RequestContext {
  const url = new URL(subPath.startsWith('/') ? subPath : `/${subPath}`, 'http://auth')
  let parsed: Promise<Json> | undefined
  return {
    deps,
    req,
    method: (req.method ?? 'GET').toUpperCase(),
    path: url.pathname.replace(/\/+$/, '') || '/',
    query: url.searchParams,
    ip,
    userAgent: typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'] : '',
    body() {
      parsed ??= readBody(req).then(parseJsonObject)
      return parsed
    },
  }
}

/** Counts the request against the limiter, per client IP and endpoint (GoTrue keeps one bucket per endpoint). */
export function limit(ctx: RequestContext, limiter: RateLimiter) {
  if (!limiter.take(`${ctx.path} ${ctx.ip}`))
    throw tooManyRequests('over_request_rate_limit', 'Request rate limit reached')
}

async function claimsOf(ctx: RequestContext): Promise<AccessTokenClaims> {
  const token = bearerToken(ctx.req)
  if (!token) throw new AuthError(401, 'no_authorization', 'This endpoint requires a valid Bearer token')
  return verifyAccessToken(ctx.deps.key, token)
}

export interface Authenticated {
  claims: AccessTokenClaims
  user: UserRow
  /** The session named by the token's session_id claim (tokens without one have none). */
  sessionId: string | undefined
}

/** GoTrue's requireAuthentication: a valid token whose user (and session, if named) still exist. */
export async function authenticate(ctx: RequestContext): Promise<Authenticated> {
  const claims = await claimsOf(ctx)
  if (!claims.sub) throw forbidden('bad_jwt', 'invalid claim: missing sub claim')
  if (!isUuid(claims.sub)) throw new AuthError(400, 'bad_jwt', 'invalid claim: sub claim must be a UUID')
  const user = await findUserById(ctx.deps.pool, claims.sub)
  if (!user) throw forbidden('user_not_found', 'User from sub claim in JWT does not exist')
  let sessionId: string | undefined
  const sid = claims.session_id
  if (typeof sid === 'string' && sid !== '' && sid !== '00000000-0000-0000-0000-000000000000') {
    if (!isUuid(sid)) throw forbidden('bad_jwt', 'invalid claim: session_id claim must be a UUID')
    const { rowCount } = await ctx.deps.pool.query('select 1 from auth.sessions where id = $1', [sid])
    if (!rowCount) throw forbidden('session_not_found', 'Session from session_id claim in JWT does not exist')
    sessionId = sid
  }
  return { claims, user, sessionId }
}

export const adminRoles = ['service_role', 'supabase_admin']

/** GoTrue's requireAdmin: any valid token whose role is an admin role (the service_role key). */
export async function requireAdmin(ctx: RequestContext): Promise<AccessTokenClaims> {
  const claims = await claimsOf(ctx)
  if (!adminRoles.includes(String(claims.role ?? ''))) throw forbidden('not_admin', 'User not allowed')
  return claims
}
