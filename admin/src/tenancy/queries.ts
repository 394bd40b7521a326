// The two tenancy reads every screen depends on, as react-query options shared by hooks and the
// access-control provider (one cache entry each).
import type { SupabaseClient } from '@supabase/supabase-js'
import { type QueryClient, queryOptions } from '@tanstack/react-query'
import { type PermissionSet, toPermissionSet } from './permissions.ts'
import type { MyPermission, MyTenant } from './types.ts'

export const TENANCY_KEY = ['troika', 'tenancy'] as const
export const MY_TENANTS_KEY = [...TENANCY_KEY, 'my_tenants'] as const
export const MY_PERMISSIONS_KEY = [...TENANCY_KEY, 'my_permissions'] as const

export function myTenantsQuery(supabase: SupabaseClient) {
  return queryOptions({
    queryKey: MY_TENANTS_KEY,
    queryFn: async (): Promise<MyTenant[]> => {
      const { data, error } = await supabase.rpc('my_tenants')
      if (error) throw error
      return (data ?? []) as MyTenant[]
    },
    // Trial days change daily; a minute keeps the header from asking on every page change.
    staleTime: 60_000,
  })
}

export function myPermissionsQuery(supabase: SupabaseClient) {
  return queryOptions({
    queryKey: MY_PERMISSIONS_KEY,
    queryFn: async (): Promise<PermissionSet> => {
      const { data, error } = await supabase.rpc('my_permissions')
      if (error) throw error
      return toPermissionSet((data ?? []) as MyPermission[])
    },
    // Menus follow role changes made elsewhere within a minute; the database enforces them at once.
    staleTime: 60_000,
  })
}

/**
 * At boot, for a person already signed in: ask for the companies and the rights at once, in parallel,
 * while the app's code starts (both would otherwise wait for the screens that need them, one after the
 * other). Nobody signed in: nothing is asked, so no error is cached for the sign-in that follows.
 */
export async function prefetchTenancy(supabase: SupabaseClient, queryClient: QueryClient): Promise<void> {
  const { data } = await supabase.auth.getSession()
  if (!data.session) return
  void queryClient.prefetchQuery(myTenantsQuery(supabase))
  void queryClient.prefetchQuery(myPermissionsQuery(supabase))
}
