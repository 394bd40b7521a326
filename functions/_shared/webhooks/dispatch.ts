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

interface Outcome {
  ok: boolean
  status: number | null
  error: string | null
  response: string | null
  durationMs: number
}

async function send(d: ClaimedDelivery, opts: Required<DispatchOptions>): Promise<Outcome> {
  const started = opts.now()
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
