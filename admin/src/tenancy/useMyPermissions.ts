// can(resource, action) for components that show or hide something outside Refine's buttons and menus.
import { useQuery } from '@tanstack/react-query'
import { useCallback } from 'react'
import { useSupabase } from '../providers/supabaseContext.tsx'
import { allows } from './permissions.ts'
import { myPermissionsQuery } from './queries.ts'

export function useMyPermissions() {
  const { data, isPending } = useQuery(myPermissionsQuery(useSupabase()))
  const can = useCallback(
    (resource: string, action: string) => (data ? allows(data, resource, action) : false),
    [data],
  )
  return { can, isPending }
}
