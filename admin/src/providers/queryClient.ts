// The react-query client Refine runs on, made here so that the tenancy code can drop cached rows
// when the company or the person changes. Same query defaults as Refine's own.
import type { SupabaseClient } from '@supabase/supabase-js'
import { keepPreviousData, notifyManager, QueryClient } from '@tanstack/react-query'

// react-query tells its observers of every settled query in a timeout of its own. A screen asks many
// small questions at once (Refine checks each menu entry and each row's buttons against the permissions:
// ~150 on a list's first load), so each answer cost a React render of its own, ~250 ms in all before a
// list showed its rows. One timeout for everything that settled meanwhile: the same order, one render.
let pending: Array<() => void> = []
function flushPending() {
  const callbacks = pending
  pending = []
  for (const callback of callbacks) callback()
}
notifyManager.setScheduler((callback) => {
  pending.push(callback)
  if (pending.length === 1) setTimeout(flushPending, 0)
})

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
