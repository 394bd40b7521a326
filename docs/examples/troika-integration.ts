// The worked example of docs/API.md: an integration that talks to Troika with a tenant API key
// through supabase-js, and a webhook receiver that checks Troika's signature. Runs on Node 20+
// (tests/api-keys.test.ts and tests/webhooks.test.ts run it against the local stack).
import { createHmac, timingSafeEqual } from 'node:crypto'
import { createClient, type SupabaseClientOptions } from '@supabase/supabase-js'

export interface TroikaConnection {
  /** The project URL, e.g. https://<ref>.supabase.co (locally http://127.0.0.1:54321). */
  url: string
  /** The project's anon (publishable) key: it only opens the door, RLS decides the rest. */
  anonKey: string
  /** The tenant API key, trk_<prefix>_<secret>, made by an owner or admin with create_api_key. */
  apiKey: string
}

/**
 * A supabase-js client that acts as the key's service account. The key is exchanged for a JWT of
 * 10 minutes at /functions/v1/api-token; supabase-js asks for a token before every request and for
 * realtime, so an expired one is simply replaced.
 */
export function troikaClient(conn: TroikaConnection, options: SupabaseClientOptions<'public'> = {}) {
  let cached: { token: string; expiresAt: number } | undefined
  const accessToken = async (): Promise<string> => {
    if (cached && cached.expiresAt - 30 > Date.now() / 1000) return cached.token
    const res = await fetch(`${conn.url}/functions/v1/api-token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', apikey: conn.anonKey },
      body: JSON.stringify({ api_key: conn.apiKey }),
    })
    const body = await res.json()
    // 401 TR805: the key was revoked, rotated or has expired.
    if (!res.ok) throw new Error(`api-token: ${body.code} ${body.message}`)
    cached = { token: body.access_token, expiresAt: body.expires_at }
    return cached.token
  }
  return createClient(conn.url, conn.anonKey, { ...options, accessToken })
}

/**
 * Checks a webhook request: `Troika-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`
 * with the endpoint's secret, on the RAW body (before JSON parsing), within 5 minutes of now.
 */
export function verifyTroikaWebhook(
  secret: string,
  signatureHeader: string | undefined,
  rawBody: string,
): boolean {
  const t = /(?:^|,)t=(\d+)/.exec(signatureHeader ?? '')?.[1]
  const signatures = [...(signatureHeader ?? '').matchAll(/(?:^|,)v1=([0-9a-f]{64})/g)].map((m) => m[1])
  if (!t || signatures.length === 0 || Math.abs(Date.now() / 1000 - Number(t)) > 300) return false
  const expected = createHmac('sha256', secret).update(`${t}.${rawBody}`).digest()
  return signatures.some((s) => timingSafeEqual(expected, Buffer.from(s, 'hex')))
}
