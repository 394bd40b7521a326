import type { Tables } from '../../../../supabase/types.ts'

// public.roles: the company's roles; public.role_permissions: its matrix (which role may do what);
// public.permissions: the catalog of every right that exists (resource × action).
export type Role = Tables<'roles'>
export type RolePermission = Tables<'role_permissions'>
export type Permission = Tables<'permissions'>

/** Column order of the matrix; actions a module adds later go after these. */
export const MATRIX_ACTIONS = ['read', 'create', 'update', 'delete', 'approve', 'post', 'export']
