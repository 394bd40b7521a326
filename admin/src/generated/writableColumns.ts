// Which columns the signed-in role may write: PostgREST's OpenAPI lists every readable column, not the
// column privileges (accounts.level and is_leaf are filled by the database). Each column is probed with a
// write that touches no row — INSERT of an empty set, UPDATE matching nothing — which Postgres still
// refuses (42501) without the privilege. One query per table and action, cached for the session.
import type { SupabaseClient } from '@supabase/supabase-js'
import { queryOptions } from '@tanstack/react-query'
import type { AdminConfig } from '../config.ts'

export type WriteAction = 'insert' | 'update'

type Probe = { config: AdminConfig; token: string; table: string; column: string; action: WriteAction }

async function mayWrite({ config, token, table, column, action }: Probe): Promise<boolean> {
  const base = `${config.supabaseUrl}/rest/v1/${encodeURIComponent(table)}`
  const c = encodeURIComponent(column)
  const url = action === 'insert' ? `${base}?columns=${c}` : `${base}?${c}=is.null&${c}=not.is.null`
  const res = await fetch(url, {
    method: action === 'insert' ? 'POST' : 'PATCH',
    headers: {
      apikey: config.anonKey,
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      prefer: 'return=minimal',
    },
    body: action === 'insert' ? '[]' : JSON.stringify({ [column]: null }),
  })
  if (res.ok) return true
  const body = (await res.json().catch(() => ({}))) as { code?: string }
  return body.code !== '42501'
}

export function writableColumnsQuery(
  supabase: SupabaseClient,
  config: AdminConfig,
  table: string,
  columns: readonly string[],
  action: WriteAction,
) {
  return queryOptions({
    queryKey: ['troika', 'generated', 'writable', table, action, columns],
    queryFn: async (): Promise<string[]> => {
      const { data } = await supabase.auth.getSession()
      const token = data.session?.access_token ?? config.anonKey
      const allowed = await Promise.all(
        columns.map((column) => mayWrite({ config, token, table, column, action })),
      )
      return columns.filter((_, i) => allowed[i])
    },
    staleTime: Number.POSITIVE_INFINITY,
  })
}
