// Liveness probe: no JWT needed ([functions.health] verify_jwt = false in supabase/config.toml).
import { preflight } from '../_shared/cors.ts'
import { json } from '../_shared/json.ts'

Deno.serve((req) => preflight(req) ?? json({ status: 'ok', time: new Date().toISOString() }))
