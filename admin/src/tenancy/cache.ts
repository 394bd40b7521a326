// What to forget when the company or the person changes, so that no screen shows one company's rows
// (or one person's rights) while working in another.
import type { QueryClient } from '@tanstack/react-query'
import { MY_TENANTS_KEY } from './queries.ts'

const isAuthQuery = (key: readonly unknown[]) => key[0] === 'auth'
const isMyTenants = (key: readonly unknown[]) => MY_TENANTS_KEY.every((part, i) => key[i] === part)

/** After switch_tenant/create_company: drop rows, rights and access decisions; reload the company list. */
export async function reloadForTenant(queryClient: QueryClient): Promise<void> {
  queryClient.removeQueries({ predicate: (q) => !isAuthQuery(q.queryKey) && !isMyTenants(q.queryKey) })
  await queryClient.invalidateQueries({ queryKey: MY_TENANTS_KEY, refetchType: 'all' })
}

/** Another person signed in (or out) in this tab: nothing of the previous one may remain. */
export function forgetUserData(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (q) => !isAuthQuery(q.queryKey) })
}
