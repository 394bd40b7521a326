// The OpenAPI document of the API, read once a person is signed in (PostgREST shows a role only the
// tables it may use), parsed into a Schema; an external store for React (useSyncExternalStore).
import type { SupabaseClient } from '@supabase/supabase-js'
import type { AdminConfig } from '../config.ts'
import { type OpenApiDocument, parseSchema, type Schema } from './schema.ts'

export type SchemaState = { schema?: Schema; error?: string }

export function createSchemaStore(supabase: SupabaseClient, config: AdminConfig) {
  let state: SchemaState = {}
  let loadedFor: string | undefined
  const listeners = new Set<() => void>()
  const set = (next: SchemaState) => {
    state = next
    for (const listener of listeners) listener()
  }

  async function load(token: string) {
    try {
      const res = await fetch(`${config.supabaseUrl}/rest/v1/`, {
        headers: {
          apikey: config.anonKey,
          authorization: `Bearer ${token}`,
          accept: 'application/openapi+json',
        },
      })
      if (!res.ok) throw new Error(`GET /rest/v1/: HTTP ${res.status}`)
      set({ schema: parseSchema((await res.json()) as OpenApiDocument) })
    } catch (error) {
      loadedFor = undefined
      set({ error: error instanceof Error ? error.message : String(error) })
    }
  }

  supabase.auth.onAuthStateChange((_event, session) => {
    // The document depends on the database role only (authenticated), not on the person or company.
    const role = session ? 'authenticated' : undefined
    if (!session || role === loadedFor) return
    loadedFor = role
    // Outside the auth callback: supabase-js holds its lock while the callback runs.
    setTimeout(() => void load(session.access_token), 0)
  })

  return {
    config,
    get: () => state,
    subscribe(listener: () => void) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

export type SchemaStore = ReturnType<typeof createSchemaStore>
