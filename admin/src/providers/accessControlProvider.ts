// Refine's accessControlProvider over my_permissions(): menus of resources without read are hidden,
// and so are create/edit/delete buttons without the right. The database enforces the same matrix.
import type { AccessControlProvider } from '@refinedev/core'
import type { SupabaseClient } from '@supabase/supabase-js'
import type { QueryClient } from '@tanstack/react-query'
import { allows, matrixAction } from '../tenancy/permissions.ts'
import { myPermissionsQuery } from '../tenancy/queries.ts'

/** permissionOf(resource name) = the matrix resource guarding it, or undefined for pages open to everyone. */
export function createAccessControlProvider(
  supabase: SupabaseClient,
  queryClient: QueryClient,
  permissionOf: (resource: string | undefined) => string | undefined,
): AccessControlProvider {
  return {
    can: async ({ resource, action, params }) => {
      const fromMeta = params?.resource?.meta?.permission
      const target = typeof fromMeta === 'string' ? fromMeta : permissionOf(resource)
      if (!target) return { can: true }
      const rights = await queryClient.fetchQuery(myPermissionsQuery(supabase))
      return { can: allows(rights, target, matrixAction(action)) }
    },
    options: { buttons: { enableAccessControl: true, hideIfUnauthorized: true } },
  }
}
