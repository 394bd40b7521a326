// Exchanges a tenant API key (trk_<prefix>_<secret>) for a short-lived JWT of the key's service
// account: REST and Realtime then treat the integration exactly as a member with the key's role.
// verify_jwt = false (config.toml): the key is the credential. POST {"api_key": "trk_…"} or send the
// key as `Authorization: Bearer trk_…`. The token lives 10 minutes, never past the key's expiry;
// PostgREST's pre-request check refuses it as soon as the key is revoked or rotated.
// Needs the secret TROIKA_JWT_SECRET = the project's JWT secret (`supabase secrets set`; the local
// stack sets it), because hosted functions are not given the JWT secret themselves.
import { preflight } from '../_shared/cors.ts'
import { json, jsonError, withErrors } from '../_shared/json.ts'
import { signJwt } from '../_shared/jwt.ts'
import { serviceClient } from '../_shared/supabase.ts'

const lifetimeSeconds = 600
const keyPattern = /^trk_[0-9a-f]{10}_[0-9a-f]{64}$/

async function keyFrom(req: Request): Promise<string | null> {
  const header = /^Bearer\s+(trk_\S+)$/i.exec(req.headers.get('Authorization') ?? '')
  if (header) return header[1]
  if (req.method !== 'POST') return null
  try {
    const body = (await req.json()) as { api_key?: unknown }
    return typeof body.api_key === 'string' ? body.api_key.trim() : null
  } catch {
    return null
  }
}

Deno.serve(
  withErrors(async (req) => {
    const early = preflight(req)
    if (early) return early
    if (req.method !== 'POST') return jsonError(405, 'method_not_allowed', 'POST {"api_key": "trk_…"}')
    const secret = Deno.env.get('TROIKA_JWT_SECRET')
    if (!secret)
      return jsonError(500, 'not_configured', 'set the TROIKA_JWT_SECRET secret to the project JWT secret')
    const key = await keyFrom(req)
    if (!key || !keyPattern.test(key)) {
      return jsonError(400, 'TR805', 'send an API key trk_<prefix>_<secret> as {"api_key": …}')
    }
    const { data, error } = await serviceClient().rpc('api_key_token_claims', { p_api_key: key })
    if (error) {
      if (error.code === 'TR805') return jsonError(401, 'TR805', error.message)
      throw new Error(error.message)
    }
    const row = (
      data as Array<{
        api_key_id: string
        user_id: string
        tenant_id: string
        generation: number
        expires_at: string | null
      }>
    )[0]
    const now = Math.floor(Date.now() / 1000)
    const keyEnds = row.expires_at
      ? Math.floor(new Date(row.expires_at).getTime() / 1000)
      : Number.POSITIVE_INFINITY
    const exp = Math.min(now + lifetimeSeconds, keyEnds)
    const token = await signJwt(
      {
        iss: 'troika-api-token',
        aud: 'authenticated',
        role: 'authenticated',
        sub: row.user_id,
        iat: now,
        exp,
        aal: 'aal1',
        is_anonymous: false,
        app_metadata: { provider: 'troika_api_key', tenant_id: row.tenant_id },
        troika_api_key: row.api_key_id,
        troika_key_gen: row.generation,
      },
      secret,
    )
    return json({
      access_token: token,
      token_type: 'bearer',
      expires_in: exp - now,
      expires_at: exp,
      tenant_id: row.tenant_id,
      api_key_id: row.api_key_id,
    })
  }),
)
