// Refine's accessControlProvider over my_permissions(): menus of resources without read are hidden,
// and so are create/edit/delete buttons without the right. The database enforces the same matrix.
import type { AccessControlProvider } from '@refinedev/core'
import type { SupabaseClient } from '@supabase/supabase-js'
import type { QueryClient } from '@tanstack/react-query'
import { allows, matrixAction } from '../tenancy/permissions.ts'
import { myPermissionsQuery } from '../tenancy/queries.ts'

type PermissionOf = (resource: string | undefined) => string | undefined

/**
 * The matrix resource guarding a Refine resource: its meta.permission, else permissionOf(its name);
 * undefined for pages open to everyone. The side menu decides with the same function.
 */
export function guardOf(
  resource: string | undefined,
  meta: Record<string, unknown> | undefined,
  permissionOf: PermissionOf,
): string | undefined {
  return typeof meta?.permission === 'string' ? meta.permission : permissionOf(resource)
}

/** permissionOf(resource name) = the matrix resource guarding it, or undefined for pages open to everyone. */
export function createAccessControlProvider(
  supabase: SupabaseClient,
  queryClient: QueryClient,
  permissionOf: PermissionOf,
): AccessControlProvider {
  return {
    can: async ({ resource, action, params }) => {
      const target = guardOf(resource, params?.resource?.meta, permissionOf)
      if (!target) return { can: true }
      const rights = await queryClient.fetchQuery(myPermissionsQuery(supabase))
      return { can: allows(rights, target, matrixAction(action)) }
    },
    options: { buttons: { enableAccessControl: true, hideIfUnauthorized: true } },
  }
}
