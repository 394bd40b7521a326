import type { Tables } from '../../../../supabase/types.ts'

// public.memberships: the people of the current company (written only by the membership functions).
// The list embeds each person's roles and department (composite foreign keys, hence the hints).
export type Member = Tables<'memberships'> & {
  membership_roles: { roles: { key: string; name: string } | null }[]
  department: { name: string } | null
}

export const MEMBER_SELECT =
  '*, membership_roles(roles(key, name)), department:departments!memberships_tenant_id_department_id_fkey(name)'
