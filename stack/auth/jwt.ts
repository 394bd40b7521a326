// HS256 access tokens with GoTrue's claim set, and verification of incoming bearer tokens.
import { type JWTPayload, jwtVerify, SignJWT } from 'jose'
import { forbidden } from './errors.ts'

export interface AmrEntry {
  method: string
  timestamp: number
}

export interface AccessTokenClaims extends JWTPayload {
  email?: string
  phone?: string
  app_metadata?: Record<string, unknown>
  user_metadata?: Record<string, unknown>
  role?: string
  aal?: string
  amr?: AmrEntry[]
  session_id?: string
  is_anonymous?: boolean
}

export interface TokenSubject {
  id: string
  aud: string
  role: string
  email: string
  phone: string
  appMetadata: Record<string, unknown>
  userMetadata: Record<string, unknown>
  isAnonymous: boolean
}

export function secretKey(secret: string): Uint8Array {
  return new TextEncoder().encode(secret)
}

export async function signAccessToken(opts: {
  key: Uint8Array
  issuer: string
  expiresIn: number
  user: TokenSubject
  sessionId: string
  aal: string
  amr: AmrEntry[]
}): Promise<{ token: string; expiresAt: number }> {
  const iat = Math.floor(Date.now() / 1000)
  const expiresAt = iat + opts.expiresIn
  const claims = {
    iss: opts.issuer,
    sub: opts.user.id,
    aud: opts.user.aud,
    exp: expiresAt,
    iat,
    email: opts.user.email,
    phone: opts.user.phone,
    app_metadata: opts.user.appMetadata,
    user_metadata: opts.user.userMetadata,
    role: opts.user.role,
    aal: opts.aal,
    amr: opts.amr,
    session_id: opts.sessionId,
    is_anonymous: opts.user.isAnonymous,
  }
  const token = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(opts.key)
  return { token, expiresAt }
}

function describe(error: unknown): string {
  const code = (error as { code?: string }).code
  const message = (error as Error).message
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return 'token has invalid claims: token is expired'
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return 'token signature is invalid: signature is invalid'
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return 'token is unverifiable: error while executing keyfunc: signing method is invalid'
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return `token has invalid claims: ${message}`
    default:
      return `token is malformed: ${message}`
  }
}

/** Verifies a bearer token (HS256, our secret, not expired) as GoTrue does: failures are 403 bad_jwt. */
export async function verifyAccessToken(key: Uint8Array, token: string): Promise<AccessTokenClaims> {
  try {
    const { payload } = await jwtVerify<AccessTokenClaims>(token, key, { algorithms: ['HS256'] })
    return payload
  } catch (error) {
    throw forbidden('bad_jwt', `invalid JWT: unable to parse or verify signature, ${describe(error)}`)
  }
}
