// The GoTrue routes auth-js calls, matched on method and path (after /auth/v1).
import type { RequestContext } from './context.ts'
import { AuthError } from './errors.ts'
import type { Reply } from './http.ts'
import {
  createUser,
  deleteUser,
  getUserById,
  listFactors,
  listUsers,
  updateUserById,
} from './routes-admin.ts'
import { generateLink, invite } from './routes-admin-links.ts'
import { otp, recover, resend } from './routes-email.ts'
import { health, jwks, settings } from './routes-misc.ts'
import { signup } from './routes-signup.ts'
import { token } from './routes-token.ts'
import { getUser, logoutRoute, reauthenticate, updateUser } from './routes-user.ts'
import { verifyGet, verifyPost } from './routes-verify.ts'

type Route = (ctx: RequestContext, params: Record<string, string>) => Promise<Reply>

const routes: Array<[string, RegExp, Route]> = [
  ['GET', /^\/health$/, health],
  ['GET', /^\/settings$/, settings],
  ['GET', /^\/\.well-known\/jwks\.json$/, jwks],
  ['POST', /^\/signup$/, signup],
  ['POST', /^\/token$/, token],
  ['GET', /^\/user$/, getUser],
  ['PUT', /^\/user$/, updateUser],
  ['POST', /^\/logout$/, logoutRoute],
  ['GET', /^\/reauthenticate$/, reauthenticate],
  ['POST', /^\/otp$/, otp],
  ['POST', /^\/magiclink$/, otp],
  ['POST', /^\/recover$/, recover],
  ['POST', /^\/resend$/, resend],
  ['GET', /^\/verify$/, verifyGet],
  ['POST', /^\/verify$/, verifyPost],
  ['POST', /^\/invite$/, invite],
  ['GET', /^\/admin\/users$/, listUsers],
  ['POST', /^\/admin\/users$/, createUser],
  ['GET', /^\/admin\/users\/(?<id>[^/]+)$/, getUserById],
  ['PUT', /^\/admin\/users\/(?<id>[^/]+)$/, updateUserById],
  ['DELETE', /^\/admin\/users\/(?<id>[^/]+)$/, deleteUser],
  ['GET', /^\/admin\/users\/(?<id>[^/]+)\/factors$/, listFactors],
  ['POST', /^\/admin\/generate_link$/, generateLink],
]

export async function route(ctx: RequestContext): Promise<Reply> {
  let pathMatched = false
  for (const [method, pattern, handler] of routes) {
    const match = pattern.exec(ctx.path)
    if (!match) continue
    pathMatched = true
    if (method !== ctx.method && !(method === 'GET' && ctx.method === 'HEAD')) continue
    const params: Record<string, string> = {}
    for (const [k, v] of Object.entries(match.groups ?? {})) params[k] = safeDecode(v)
    return handler(ctx, params)
  }
  if (pathMatched) throw new AuthError(405, 'method_not_allowed', 'Method Not Allowed')
  throw new AuthError(404, 'not_found', 'Not Found')
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}
