// The edge runtime's JWT gate: unless a function has `verify_jwt = false`, a request must carry
// `Authorization: Bearer <jwt>` signed (HS256) with the project's JWT secret; the anon and service_role
// keys are such JWTs, so supabase-js callers pass with or without a signed-in user. Answers use the
// shape Supabase's hosted edge gateway returns: { code: 401, message }.
import type { IncomingHttpHeaders } from 'node:http'
import { verifyJwt } from '../keys.ts'

export type JwtCheck = { ok: true } | { ok: false; message: string }

export async function checkAuthorization(headers: IncomingHttpHeaders, jwtSecret: string): Promise<JwtCheck> {
  const header = headers.authorization
  if (!header) return { ok: false, message: 'Missing authorization header' }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header)
  if (!match) return { ok: false, message: "Auth header is not 'Bearer {token}'" }
  try {
    await verifyJwt(jwtSecret, match[1])
    return { ok: true }
  } catch {
    return { ok: false, message: 'Invalid JWT' }
  }
}

/** `[functions.<name>] verify_jwt` of config.toml; the Supabase CLI's default is true. */
export function verifiesJwt(config: Record<string, unknown> | undefined, name: string): boolean {
  const functions = config?.functions as Record<string, { verify_jwt?: unknown } | undefined> | undefined
  return functions?.[name]?.verify_jwt !== false
}
