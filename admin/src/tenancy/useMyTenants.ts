// The signed-in person's companies and the one they work in (my_tenants()).
import { useQuery } from '@tanstack/react-query'
import { useSupabase } from '../providers/supabaseContext.tsx'
import { myTenantsQuery } from './queries.ts'

export function useMyTenants() {
  const query = useQuery(myTenantsQuery(useSupabase()))
  const tenants = query.data ?? []
  return { tenants, active: tenants.find((t) => t.active), query }
}
