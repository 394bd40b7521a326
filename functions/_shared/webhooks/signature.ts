// Webhook signatures: `Troika-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256("<t>.<raw body>", secret)>`.
// The timestamp is signed with the body, so a captured request cannot be replayed later than the
// receiver's tolerance. Web Crypto only: the same module runs in Deno (edge functions) and Node.

const encoder = new TextEncoder()

export async function hmacSha256(secret: string | Uint8Array, message: string): Promise<Uint8Array> {
  const keyBytes = typeof secret === 'string' ? encoder.encode(secret) : secret
  const key = await crypto.subtle.importKey(
    'raw',
    keyBytes as BufferSource,
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  )
  return new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(message)))
}

export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

export function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary)
}

/** The header value for a body sent at `timestamp` (unix seconds). */
export async function signatureHeader(secret: string, body: string, timestamp: number): Promise<string> {
  return `t=${timestamp},v1=${toHex(await hmacSha256(secret, `${timestamp}.${body}`))}`
}

export type Verdict = { ok: true; timestamp: number } | { ok: false; reason: string }

/** Constant-time comparison of two hex strings. */
function sameHex(a: string, b: string): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i)
  return diff === 0
}

/**
 * Checks a Troika-Signature header against the raw body (exactly the bytes received, before any JSON
 * parsing). Refuses timestamps further than `toleranceSeconds` (default 300) from `now`.
 */
export async function verifySignature(
  secret: string,
  header: string | null | undefined,
  body: string,
  opts: { toleranceSeconds?: number; now?: number } = {},
): Promise<Verdict> {
  if (!header) return { ok: false, reason: 'no signature header' }
  const parts = new Map<string, string[]>()
  for (const piece of header.split(',')) {
    const at = piece.indexOf('=')
    if (at <= 0) continue
    const k = piece.slice(0, at).trim()
    parts.set(k, [...(parts.get(k) ?? []), piece.slice(at + 1).trim()])
  }
  const t = Number(parts.get('t')?.[0])
  if (!Number.isInteger(t)) return { ok: false, reason: 'no timestamp in the signature header' }
  const now = opts.now ?? Math.floor(Date.now() / 1000)
  if (Math.abs(now - t) > (opts.toleranceSeconds ?? 300))
    return { ok: false, reason: 'timestamp outside the tolerance' }
  const expected = toHex(await hmacSha256(secret, `${t}.${body}`))
  const given = parts.get('v1') ?? []
  if (!given.some((v) => sameHex(v.toLowerCase(), expected)))
    return { ok: false, reason: 'signature mismatch' }
  return { ok: true, timestamp: t }
}
