// Local mode's webhook delivery worker: runs the same pass as the edge function `webhook-dispatch`
// (functions/_shared/webhooks/dispatch.ts) whenever app_private.emit_event or a replay notifies
// `troika_webhooks` at commit, and every few seconds for retries that fall due. Hosted, a pg_cron
// schedule calls the edge function instead (docs/API.md).
import pg from 'pg'
import { dispatchOnce, type RpcClient } from '../functions/_shared/webhooks/dispatch.ts'

export const webhookChannel = 'troika_webhooks'

export interface WebhookWorkerOptions {
  superuserDbUrl: string
  apiUrl: string
  serviceRoleKey: string
  log: (line: string) => void
  /** How often due retries are looked for (ms). Default 5000. */
  intervalMs?: number
}

export async function startWebhookWorker(opts: WebhookWorkerOptions): Promise<{ close(): Promise<void> }> {
  const api = restRpc(opts.apiUrl, opts.serviceRoleKey)
  let closed = false
  let running: Promise<void> | undefined
  let again = false
  let listener: pg.Client | undefined

  // One pass at a time; a wake-up during a pass asks for one more right after it.
  const run = () => {
    if (closed) return
    if (running) {
      again = true
      return
    }
    running = (async () => {
      do {
        again = false
        try {
          // Locally, receivers run on the developer's machine.
          const r = await dispatchOnce(api, { limit: 50, allowPrivateNetworks: true })
          if (r.claimed > 0) {
            opts.log(`webhooks: ${r.delivered} delivered, ${r.retrying} to retry, ${r.failed} given up`)
            if (r.claimed === 50) again = true
          }
        } catch (error) {
          opts.log(`webhooks: ${(error as Error).message}`)
        }
      } while (again && !closed)
    })().finally(() => {
      running = undefined
    })
  }

  const connect = async () => {
    const db = new pg.Client({
      connectionString: opts.superuserDbUrl,
      application_name: 'troika webhook worker',
    })
    db.on('notification', (n) => {
      if (n.channel === webhookChannel) run()
    })
    db.on('error', (e) => {
      opts.log(`webhooks: listener lost (${e.message}); the timer keeps delivering`)
      listener = undefined
    })
    await db.connect()
    await db.query(`listen ${webhookChannel}`)
    listener = db
  }

  await connect()
  const timer = setInterval(() => {
    if (!listener && !closed) connect().catch(() => {})
    run()
  }, opts.intervalMs ?? 5000)
  run()
  return {
    async close() {
      closed = true
      clearInterval(timer)
      await running
      await listener?.end().catch(() => {})
    },
  }
}

/** PostgREST's /rpc as the service_role: all the worker needs of supabase-js (which wants a WebSocket on Node 20). */
function restRpc(apiUrl: string, serviceRoleKey: string): RpcClient {
  return {
    async rpc(fn, args = {}) {
      const res = await fetch(`${apiUrl}/rest/v1/rpc/${fn}`, {
        method: 'POST',
        headers: {
          apikey: serviceRoleKey,
          Authorization: `Bearer ${serviceRoleKey}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify(args),
      })
      const body = await res.json().catch(() => null)
      if (!res.ok)
        return { data: null, error: { message: body?.message ?? `HTTP ${res.status}`, code: body?.code } }
      return { data: body, error: null }
    },
  }
}
