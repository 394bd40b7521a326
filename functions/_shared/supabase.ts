// Supabase clients inside a function. The runtime (local or hosted) injects SUPABASE_URL,
// SUPABASE_ANON_KEY and SUPABASE_SERVICE_ROLE_KEY.
import { createClient, type SupabaseClient } from '@supabase/supabase-js'

function env(name: string): string {
  const value = Deno.env.get(name)
  if (!value) throw new Error(`environment variable ${name} is not set`)
  return value
}

const serverAuth = { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false }

/** The caller's bearer token, or null when the request carries none. */
export function bearerToken(req: Request): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.get('Authorization') ?? '')
  return match ? match[1] : null
}

/**
 * A client that acts as the caller: their Authorization header goes with every request, so PostgREST
 * applies RLS as that user (or as anon when the caller sent the anon key).
 */
export function clientForRequest(req: Request): SupabaseClient {
  const authorization = req.headers.get('Authorization')
  return createClient(env('SUPABASE_URL'), env('SUPABASE_ANON_KEY'), {
    auth: serverAuth,
    global: { headers: authorization ? { Authorization: authorization } : {} },
  })
}

/** A client with the service_role key: bypasses RLS. Only for work the function has authorised itself. */
export function serviceClient(): SupabaseClient {
  return createClient(env('SUPABASE_URL'), env('SUPABASE_SERVICE_ROLE_KEY'), { auth: serverAuth })
}
