// The app's one supabase-js client, for the few calls that are not table CRUD (RPCs of the tenancy).
import type { SupabaseClient } from '@supabase/supabase-js'
import { createContext, type ReactNode, useContext } from 'react'

const SupabaseContext = createContext<SupabaseClient | null>(null)

export function SupabaseProvider({ client, children }: { client: SupabaseClient; children: ReactNode }) {
  return <SupabaseContext.Provider value={client}>{children}</SupabaseContext.Provider>
}

export function useSupabase(): SupabaseClient {
  const client = useContext(SupabaseContext)
  if (!client) throw new Error('useSupabase() outside <SupabaseProvider>')
  return client
}
