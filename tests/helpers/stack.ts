// Shared access to the stack that tests/global-setup.ts started once for the whole run.
import { createClient, type SupabaseClient } from '@supabase/supabase-js'
import pg from 'pg'
import { inject } from 'vitest'
import WebSocket from 'ws'
import type { StackInfo } from '../../stack/stack.ts'
import type { Database } from '../../supabase/types.ts'

export function stackInfo(): StackInfo {
  return inject('stack')
}

/** A supabase-js client as an app would create it; Node 20 needs the ws transport for realtime. */
export function client(key = stackInfo().anonKey): SupabaseClient<Database> {
  return createClient<Database>(stackInfo().apiUrl, key, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: WebSocket as never },
  })
}

/** A client that sends a signed-in person's token and extra headers (e.g. x-tenant-id) on every call. */
export function clientWith(
  accessToken: string,
  headers: Record<string, string> = {},
): SupabaseClient<Database> {
  return createClient<Database>(stackInfo().apiUrl, stackInfo().anonKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: WebSocket as never },
    global: { headers: { authorization: `Bearer ${accessToken}`, ...headers } },
  })
}

export function serviceClient(): SupabaseClient<Database> {
  return client(stackInfo().serviceRoleKey)
}

let counter = 0
/** Signs up a fresh user (email confirmations are off locally) and returns a client signed in as them. */
export async function signedInUser(prefix = 'user') {
  const email = `${prefix}-${process.pid}-${Date.now()}-${counter++}@example.test`
  const password = 'correct-horse-battery-1'
  const c = client()
  const { data, error } = await c.auth.signUp({ email, password })
  if (error) throw error
  if (!data.session || !data.user) throw new Error('sign-up returned no session')
  return { client: c, user: data.user, session: data.session, email, password }
}

/** A superuser connection for assertions that need to look behind RLS. Close it in afterAll. */
export async function superuserDb(): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: stackInfo().superuserDbUrl })
  await c.connect()
  return c
}

declare module 'vitest' {
  export interface ProvidedContext {
    stack: StackInfo
  }
}
