// Runs one pass of the webhook delivery worker (functions/_shared/webhooks/dispatch.ts): sends what is
// due and reports every attempt. Only the service_role may call it; hosted, schedule it every minute
// with pg_cron + pg_net (docs/API.md); locally stack/webhook-worker.ts runs the same pass itself.
import { preflight } from '../_shared/cors.ts'
import { json, jsonError, withErrors } from '../_shared/json.ts'
import { unverifiedClaims } from '../_shared/jwt.ts'
import { bearerToken, serviceClient } from '../_shared/supabase.ts'
import { dispatchOnce } from '../_shared/webhooks/dispatch.ts'

Deno.serve(
  withErrors(async (req) => {
    const early = preflight(req)
    if (early) return early
    // verify_jwt (on by default) has checked the signature; only the role is left to check.
    const token = bearerToken(req)
    if (!token || unverifiedClaims(token)?.role !== 'service_role') {
      return jsonError(403, 'forbidden', 'only the service_role runs the webhook worker')
    }
    const passes = []
    // Up to five batches per call, so a backlog drains without one call running for long.
    for (let i = 0; i < 5; i++) {
      const pass = await dispatchOnce(serviceClient(), {
        limit: 50,
        allowPrivateNetworks: Deno.env.get('TROIKA_WEBHOOKS_ALLOW_PRIVATE') === '1',
      })
      passes.push(pass)
      if (pass.claimed < 50) break
    }
    const total = passes.reduce(
      (a, p) => ({
        claimed: a.claimed + p.claimed,
        delivered: a.delivered + p.delivered,
        retrying: a.retrying + p.retrying,
        failed: a.failed + p.failed,
      }),
      { claimed: 0, delivered: 0, retrying: 0, failed: 0 },
    )
    return json(total)
  }),
)
