// The JWT secret and the anon / service_role API keys, as `supabase start` derives them.
import { jwtVerify, SignJWT } from 'jose'

/** The Supabase CLI's well-known local secret; only for local development (override with TROIKA_JWT_SECRET). */
export const defaultJwtSecret = 'super-secret-jwt-token-with-at-least-32-characters-long'

export function jwtSecret(): string {
  return process.env.TROIKA_JWT_SECRET || defaultJwtSecret
}

export async function signJwt(secret: string, claims: Record<string, unknown>, expiresAt: number) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setExpirationTime(expiresAt)
    .sign(new TextEncoder().encode(secret))
}

export async function verifyJwt(secret: string, token: string) {
  const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), { algorithms: ['HS256'] })
  return payload
}

/** API keys are long-lived JWTs that carry only a role, like the ones the CLI prints. */
export async function apiKeys(secret: string) {
  const iat = Math.floor(Date.UTC(2026, 0, 1) / 1000)
  const exp = iat + 10 * 365 * 24 * 3600
  const key = (role: string) => signJwt(secret, { iss: 'supabase-demo', role, iat }, exp)
  return { anonKey: await key('anon'), serviceRoleKey: await key('service_role') }
}
