// HS256 JWTs with Web Crypto (no dependency): what the project's auth server issues, so PostgREST and
// Realtime accept them like any signed-in person's token.
import { hmacSha256 } from './webhooks/signature.ts'

const encoder = new TextEncoder()

export function base64url(bytes: Uint8Array): string {
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

export async function signJwt(payload: Record<string, unknown>, secret: string): Promise<string> {
  const head = base64url(encoder.encode(JSON.stringify({ alg: 'HS256', typ: 'JWT' })))
  const body = base64url(encoder.encode(JSON.stringify(payload)))
  const signature = base64url(await hmacSha256(secret, `${head}.${body}`))
  return `${head}.${body}.${signature}`
}

/** The claims of a JWT the runtime has already verified (verify_jwt), without checking it again. */
export function unverifiedClaims(token: string): Record<string, unknown> | null {
  const part = token.split('.')[1]
  if (!part) return null
  try {
    const json = atob(
      part
        .replace(/-/g, '+')
        .replace(/_/g, '/')
        .padEnd(Math.ceil(part.length / 4) * 4, '='),
    )
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0))))
  } catch {
    return null
  }
}
