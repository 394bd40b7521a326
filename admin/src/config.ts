// Where the admin finds its Supabase project: build-time env vars, else the serving gateway's config file.
import { createClient, type SupabaseClient } from '@supabase/supabase-js'

export type AdminConfig = { supabaseUrl: string; anonKey: string }

export const CONFIG_PATH = '/troika-config.json'

export async function loadConfig(): Promise<AdminConfig> {
  const supabaseUrl = import.meta.env.VITE_SUPABASE_URL
  const anonKey = import.meta.env.VITE_SUPABASE_ANON_KEY
  if (supabaseUrl && anonKey) return { supabaseUrl, anonKey }

  const res = await fetch(CONFIG_PATH, { cache: 'no-store', headers: { accept: 'application/json' } })
  if (!res.ok) throw new Error(`GET ${CONFIG_PATH}: HTTP ${res.status}`)
  const body: unknown = await res.json()
  if (!isConfig(body)) throw new Error(`${CONFIG_PATH} lacks supabaseUrl/anonKey`)
  return { supabaseUrl: body.supabaseUrl, anonKey: body.anonKey }
}

function isConfig(v: unknown): v is AdminConfig {
  const o = v as Partial<AdminConfig> | null
  return (
    typeof o?.supabaseUrl === 'string' &&
    o.supabaseUrl !== '' &&
    typeof o.anonKey === 'string' &&
    o.anonKey !== ''
  )
}

export function createSupabase(config: AdminConfig): SupabaseClient {
  return createClient(config.supabaseUrl, config.anonKey, {
    auth: { persistSession: true, autoRefreshToken: true, detectSessionInUrl: true },
  })
}
