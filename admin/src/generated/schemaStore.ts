// The OpenAPI document of the API, read once a person is signed in (PostgREST shows a role only the
// tables it may use), parsed into a Schema; an external store for React (useSyncExternalStore).
// PostgREST takes about half a second to build the document, so the last parsed schema is kept in
// localStorage and used at once on the next visit while the fresh one loads (a new table shows up a
// moment later; a generated screen never waits for the document twice).
import type { SupabaseClient } from '@supabase/supabase-js'
import type { AdminConfig } from '../config.ts'
import { type OpenApiDocument, parseSchema, type Schema } from './schema.ts'

export type SchemaState = { schema?: Schema; error?: string }

const REFRESH_DELAY_MS = 3000

const cacheKey = (config: AdminConfig) => `troika.schema:${config.supabaseUrl}`

function cachedText(config: AdminConfig): string | undefined {
  try {
    return localStorage.getItem(cacheKey(config)) ?? undefined
  } catch {
    return undefined
  }
}

function parseCached(text: string): Schema | undefined {
  try {
    return JSON.parse(text) as Schema
  } catch {
    return undefined // a damaged entry: load the document as on a first visit
  }
}

function keepSchema(config: AdminConfig, text: string) {
  try {
    localStorage.setItem(cacheKey(config), text)
  } catch {
    // Storage full or disabled: the next visit loads the document again, nothing else is lost.
  }
}

export function createSchemaStore(supabase: SupabaseClient, config: AdminConfig) {
  let state: SchemaState = {}
  const staleText = cachedText(config)
  const stale = staleText ? parseCached(staleText) : undefined
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
      const schema = parseSchema((await res.json()) as OpenApiDocument)
      const text = JSON.stringify(schema)
      // Unchanged (the usual case): keep the cached object, so that the menu and every screen built
      // from it are not rebuilt and re-rendered while the first page is still rendering.
      if (text === staleText && state.schema === stale) return
      keepSchema(config, text)
      set({ schema })
    } catch (error) {
      loadedFor = undefined
      // With a cached schema the screens keep working; the error shows only when there is none.
      if (!state.schema) set({ error: error instanceof Error ? error.message : String(error) })
    }
  }

  supabase.auth.onAuthStateChange((_event, session) => {
    // The document depends on the database role only (authenticated), not on the person or company.
    const role = session ? 'authenticated' : undefined
    if (!session || role === loadedFor) return
    loadedFor = role
    if (stale && !state.schema) set({ schema: stale })
    // Outside the auth callback: supabase-js holds its lock while the callback runs. With a cached
    // schema the check for a newer one waits until the first screen is up: PostgREST spends ~150 ms of
    // CPU building the document, which the first screen's own requests would otherwise wait behind.
    setTimeout(() => void load(session.access_token), stale ? REFRESH_DELAY_MS : 0)
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
