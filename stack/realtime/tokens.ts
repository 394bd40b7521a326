// Access tokens of channels and the socket's apikey: HS256 (or HS384/512) JWTs signed with the
// project's secret, with the error codes and messages Supabase Realtime answers.
import { errors, jwtVerify } from 'jose'

export type Claims = Record<string, unknown> & { role: string; exp: number }

export type TokenCheck =
  | { ok: true; claims: Claims; token: string }
  | { ok: false; code: string; message: string }

const fail = (code: string, message: string): TokenCheck => ({ ok: false, code, message })

export async function verifyToken(raw: unknown, secret: Uint8Array): Promise<TokenCheck> {
  if (typeof raw !== 'string' || raw.trim() === '') {
    return fail('MalformedJWT', 'The token provided is not a valid JWT')
  }
  const token = raw.replace(/\s/g, '')
  try {
    const { payload } = await jwtVerify(token, secret, { algorithms: ['HS256', 'HS384', 'HS512'] })
    if (typeof payload.role !== 'string' || typeof payload.exp !== 'number') {
      return fail('InvalidJWTToken', 'Fields `role` and `exp` are required in JWT')
    }
    return { ok: true, claims: payload as Claims, token }
  } catch (error) {
    if (error instanceof errors.JWTExpired) {
      const exp = Number(error.payload.exp)
      return fail('InvalidJWTToken', `Token has expired ${Math.max(0, nowSeconds() - exp)} seconds ago`)
    }
    if (error instanceof errors.JWSSignatureVerificationFailed) {
      return fail('JwtSignatureError', 'Failed to validate JWT signature')
    }
    if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
      return fail(
        'JwtSignerError',
        'Failed to generate JWT signer, check your JWT secret or JWKS configuration',
      )
    }
    if (error instanceof errors.JWTClaimValidationFailed) {
      return fail('InvalidJWTToken', error.message)
    }
    return fail('MalformedJWT', 'The token provided is not a valid JWT')
  }
}

export const nowSeconds = () => Math.floor(Date.now() / 1000)
