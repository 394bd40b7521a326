// The delivery worker's logic, one implementation for the edge function `webhook-dispatch` (hosted,
// on a schedule) and stack/webhook-worker.ts (local, on NOTIFY and a timer): claim due deliveries,
// send each, report each attempt. The database decides what is due and keeps the log; this decides
// how a message looks, how it is signed and when to try again (backoff.ts).
import { retryDelaySeconds } from './backoff.ts'
import {
  dingtalkMessage,
  dingtalkSignedUrl,
  robotAccepted,
  type WebhookEvent,
  wecomMessage,
} from './robots.ts'
import { signatureHeader } from './signature.ts'

/** The part of a supabase-js client (service_role) the worker needs. */
export interface RpcClient {
  rpc(
    fn: string,
    args?: Record<string, unknown>,
  ): PromiseLike<{ data: unknown; error: { message: string; code?: string } | null }>
}

export interface ClaimedDelivery {
  delivery_id: number
  attempt: number
  tenant_id: string
  endpoint_id: string
  kind: 'generic' | 'dingtalk' | 'wecom'
  url: string
  secret: string
  event_id: string
  event_type: string
  payload: Record<string, unknown>
  event_created_at: string
}

export interface DispatchOptions {
  limit?: number
  /**
   * Send to loopback, private and link-local addresses given literally (127.0.0.1, 10.x, 192.168.x,
   * 169.254.x, ::1, localhost …)? The local stack allows them (receivers on the developer's machine);
   * the hosted worker refuses them unless TROIKA_WEBHOOKS_ALLOW_PRIVATE=1, so an endpoint cannot aim at
   * the platform's own network. Names are not resolved: this stops the obvious, not DNS tricks.
   */
  allowPrivateNetworks?: boolean
  /** Per request; the lease on claimed deliveries is longer than limit × timeout would ever need. */
  timeoutMs?: number
  fetch?: typeof fetch
  /** Unix milliseconds (tests pin it). */
  now?: () => number
}

export interface DispatchResult {
  claimed: number
  delivered: number
  retrying: number
  failed: number
}

export const userAgent = 'Troika-Webhooks/1'

export function eventOf(d: ClaimedDelivery): WebhookEvent {
  return {
    id: d.event_id,
    type: d.event_type,
    created_at: d.event_created_at,
    tenant_id: d.tenant_id,
    data: d.payload,
  }
}

/** The HTTP request for one delivery. */
export async function buildRequest(
  d: ClaimedDelivery,
  nowMs: number,
): Promise<{ url: string; init: RequestInit }> {
  const event = eventOf(d)
  const headers: Record<string, string> = { 'Content-Type': 'application/json', 'User-Agent': userAgent }
  if (d.kind === 'dingtalk') {
    return {
      url: await dingtalkSignedUrl(d.url, d.secret, nowMs),
      init: { method: 'POST', headers, body: JSON.stringify(dingtalkMessage(event)) },
    }
  }
  if (d.kind === 'wecom') {
    return { url: d.url, init: { method: 'POST', headers, body: JSON.stringify(wecomMessage(event)) } }
  }
  const body = JSON.stringify(event)
  return {
    url: d.url,
    init: {
      method: 'POST',
      headers: {
        ...headers,
        'Troika-Event-Id': d.event_id,
        'Troika-Event-Type': d.event_type,
        'Troika-Delivery-Id': String(d.delivery_id),
        'Troika-Delivery-Attempt': String(d.attempt),
        'Troika-Signature': await signatureHeader(d.secret, body, Math.floor(nowMs / 1000)),
      },
      body,
    },
  }
}

/** Is the URL's host a loopback, private, link-local or unspecified address (or localhost)? */
export function isPrivateHost(url: string): boolean {
  let host: string
  try {
    host = new URL(url).hostname.toLowerCase().replace(/^\[|\]$/g, '')
  } catch {
    return false
  }
  if (host === 'localhost' || host.endsWith('.localhost')) return true
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host)
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])]
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168)
    )
  }
  if (host.includes(':')) {
    if (host === '::' || host === '::1') return true
    if (/^f[cd][0-9a-f]{2}:/.test(host) || /^fe[89ab][0-9a-f]:/.test(host)) return true
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(host)
    if (mapped) return isPrivateHost(`http://${mapped[1]}/`)
    // ::ffff:7f00:1 and the like, as the URL parser writes mapped addresses.
    if (/^::ffff:/.test(host)) return true
  }
  return false
}

interface Outcome {
  ok: boolean
  status: number | null
  error: string | null
  response: string | null
  durationMs: number
}

async function send(d: ClaimedDelivery, opts: Required<DispatchOptions>): Promise<Outcome> {
  const started = opts.now()
  if (!opts.allowPrivateNetworks && isPrivateHost(d.url)) {
    return {
      ok: false,
      status: null,
      error: 'private network addresses are not allowed',
      response: null,
      durationMs: 0,
    }
  }
  try {
    const { url, init } = await buildRequest(d, started)
    const res = await opts.fetch(url, {
      ...init,
      redirect: 'manual',
      signal: AbortSignal.timeout(opts.timeoutMs),
    })
    const text = (await res.text()).slice(0, 1000)
    const durationMs = opts.now() - started
    if (d.kind === 'generic') {
      const ok = res.status >= 200 && res.status < 300
      return { ok, status: res.status, error: ok ? null : `HTTP ${res.status}`, response: text, durationMs }
    }
    const verdict = robotAccepted(res.status, text)
    return { ok: verdict.ok, status: res.status, error: verdict.error ?? null, response: text, durationMs }
  } catch (error) {
    const e = error as Error
    const message = e.name === 'TimeoutError' ? `no answer within ${opts.timeoutMs} ms` : e.message
    return { ok: false, status: null, error: message, response: null, durationMs: opts.now() - started }
  }
}

/** One pass: claims what is due, sends it all (in parallel), records every attempt. */
export async function dispatchOnce(db: RpcClient, options: DispatchOptions = {}): Promise<DispatchResult> {
  const opts: Required<DispatchOptions> = {
    limit: options.limit ?? 20,
    timeoutMs: options.timeoutMs ?? 10_000,
    fetch: options.fetch ?? fetch,
    now: options.now ?? Date.now,
    allowPrivateNetworks: options.allowPrivateNetworks ?? false,
  }
  const leaseSeconds = Math.ceil((opts.timeoutMs * 2) / 1000) + 30
  const claim = await db.rpc('webhook_claim_deliveries', {
    p_limit: opts.limit,
    p_lease_seconds: leaseSeconds,
  })
  if (claim.error) throw new Error(`webhook_claim_deliveries: ${claim.error.message}`)
  const due = (claim.data ?? []) as ClaimedDelivery[]
  const result: DispatchResult = { claimed: due.length, delivered: 0, retrying: 0, failed: 0 }
  await Promise.all(
    due.map(async (d) => {
      const outcome = await send(d, opts)
      const recorded = await db.rpc('webhook_record_attempt', {
        p_delivery_id: d.delivery_id,
        p_attempt: d.attempt,
        p_ok: outcome.ok,
        p_status_code: outcome.status,
        p_error: outcome.error,
        p_response: outcome.response,
        p_duration_ms: Math.round(outcome.durationMs),
        p_retry_in_seconds: outcome.ok ? null : retryDelaySeconds(d.attempt),
      })
      if (recorded.error) throw new Error(`webhook_record_attempt: ${recorded.error.message}`)
      const status = recorded.data as string
      if (status === 'delivered') result.delivered++
      else if (status === 'failed') result.failed++
      else result.retrying++
    }),
  )
  return result
}
