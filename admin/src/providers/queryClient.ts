// The react-query client Refine runs on, made here so that the tenancy code can drop cached rows
// when the company or the person changes. Same query defaults as Refine's own.
import type { SupabaseClient } from '@supabase/supabase-js'
import { keepPreviousData, QueryClient } from '@tanstack/react-query'

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { refetchOnWindowFocus: false, placeholderData: keepPreviousData } },
  })
}

/** Calls `changed` when another person signs in or the person signs out (not on token refreshes). */
export function onUserChange(supabase: SupabaseClient, changed: () => void): () => void {
  let userId: string | null | undefined
  const { data } = supabase.auth.onAuthStateChange((_event, session) => {
    const next = session?.user.id ?? null
    if (userId !== undefined && next !== userId) changed()
    userId = next
  })
  return () => data.subscription.unsubscribe()
}
