// Who is calling: resolves the caller's JWT through Supabase Auth with supabase-js, using the
// SUPABASE_URL / SUPABASE_ANON_KEY the runtime injects. The runtime has already verified the JWT
// (verify_jwt defaults to true); this asks Auth for the user behind it.
import { preflight } from '../_shared/cors.ts'
import { json, jsonError, withErrors } from '../_shared/json.ts'
import { bearerToken, clientForRequest } from '../_shared/supabase.ts'

Deno.serve(
  withErrors(async (req) => {
    const early = preflight(req)
    if (early) return early
    const token = bearerToken(req)
    if (!token) return jsonError(401, 'no_authorization', 'Authorization: Bearer <jwt> is required')
    const { data, error } = await clientForRequest(req).auth.getUser(token)
    if (error || !data.user) {
      return jsonError(401, 'not_a_user', error?.message ?? 'the token does not belong to a signed-in user')
    }
    const { id, email, role } = data.user
    return json({ id, email: email ?? null, role: role ?? null })
  }),
)
