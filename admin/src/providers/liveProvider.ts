// Refine's liveProvider over Supabase Realtime (postgres_changes; RLS decides what each person receives).
// Each subscription gets its own channel: supabase-js hands out ONE channel object per topic, so two
// hooks watching the same table at once (a list and a select of departments, say) would otherwise
// share a channel that is already subscribed, and adding the second listener throws.
import type { LiveEvent, LiveProvider } from '@refinedev/core'
import type { RealtimePostgresChangesPayload, SupabaseClient } from '@supabase/supabase-js'

const EVENT_TYPES: Record<string, LiveEvent['type']> = {
  INSERT: 'created',
  UPDATE: 'updated',
  DELETE: 'deleted',
}

type Filter = { field?: string; operator?: string; value?: unknown }

/** Realtime takes one `column=eq.value` filter; anything else is left to the refetch that follows an event. */
function realtimeFilter(filters: readonly Filter[] | undefined): string | undefined {
  const eq = filters?.filter((f) => f.field && f.operator === 'eq')
  if (eq?.length !== 1 || filters?.length !== 1) return undefined
  return `${eq[0].field}=eq.${String(eq[0].value)}`
}

export function createLiveProvider(supabase: SupabaseClient): LiveProvider {
  let sequence = 0
  return {
    subscribe: ({ channel, types, params, callback, meta }) => {
      const table = channel.replace(/^resources\//, '')
      const filter = realtimeFilter(params?.filters as Filter[] | undefined)
      const ids = params?.ids?.map(String)
      sequence += 1
      const onChange = (change: RealtimePostgresChangesPayload<Record<string, unknown>>) => {
        const type = EVENT_TYPES[change.eventType]
        if (!type || !(types.includes('*') || types.includes(type))) return
        const row = change.eventType === 'DELETE' ? change.old : change.new
        // A hook watching given records hears only about them (creations are always news to a list).
        if (type !== 'created' && ids && row?.id !== undefined && !ids.includes(String(row.id))) return
        callback({ channel, type, date: new Date(change.commit_timestamp), payload: row ?? {} })
      }
      return supabase
        .channel(`${channel}#${sequence}`)
        .on(
          'postgres_changes',
          { event: '*', schema: typeof meta?.schema === 'string' ? meta.schema : 'public', table, filter },
          onChange,
        )
        .subscribe()
    },
    unsubscribe: (subscription) => {
      void supabase.removeChannel(subscription)
    },
  }
}
