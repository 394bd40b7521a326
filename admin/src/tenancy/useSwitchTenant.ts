// Work in another company: the choice is stored in the database (profiles.active_tenant_id) by
// switch_tenant(), so it survives reloads and token refreshes; then every cached row is dropped.
import { useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import { useSupabase } from '../providers/supabaseContext.tsx'
import { reloadForTenant } from './cache.ts'

export function useSwitchTenant() {
  const supabase = useSupabase()
  const queryClient = useQueryClient()
  return useCallback(
    async (tenantId: string) => {
      const { error } = await supabase.rpc('switch_tenant', { p_tenant: tenantId })
      if (error) throw error
      await reloadForTenant(queryClient)
    },
    [supabase, queryClient],
  )
}
