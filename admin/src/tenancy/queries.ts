// The two tenancy reads every screen depends on, as react-query options shared by hooks and the
// access-control provider (one cache entry each).
import type { SupabaseClient } from '@supabase/supabase-js'
import { queryOptions } from '@tanstack/react-query'
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
