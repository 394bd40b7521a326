// The approval inbox's data: counts per box and the rows of one box, kept fresh by realtime — any
// change to approval_tasks the person may see (RLS decides) refetches both.
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { useSupabase } from '../../providers/supabaseContext.tsx'

export const APPROVALS_KEY = ['troika', 'approvals'] as const
export const BOXES = ['pending', 'done', 'submitted', 'copied'] as const
export type Box = (typeof BOXES)[number]
export type Counts = Record<Box, number>

export type InboxRow = {
  box: Box
  task_id: string | null
  instance_id: string
  doc_type: string
  doc_id: string
  title: string
  amount: string | null
  requester_id: string
  step_name: string | null
  task_status: string | null
  approval_status: string
  on_behalf_of: string | null
  assigned_at: string
  acted_at: string | null
}

let sequence = 0

/** Subscribes to approval_tasks while mounted; each change refetches the approval queries. */
export function useApprovalsLive() {
  const supabase = useSupabase()
  const queryClient = useQueryClient()
  useEffect(() => {
    sequence += 1
    const channel = supabase
      .channel(`approvals-live#${sequence}`)
      .on('postgres_changes', { event: '*', schema: 'public', table: 'approval_tasks' }, () => {
        void queryClient.invalidateQueries({ queryKey: APPROVALS_KEY })
      })
      .subscribe()
    return () => {
      void supabase.removeChannel(channel)
    }
  }, [supabase, queryClient])
}

export function useApprovalCounts() {
  const supabase = useSupabase()
  return useQuery({
    queryKey: [...APPROVALS_KEY, 'counts'],
    queryFn: async (): Promise<Counts> => {
      const { data, error } = await supabase.rpc('approval_inbox_counts').single()
      if (error) throw error
      const row = data as Record<Box, number | string>
      return {
        pending: Number(row.pending),
        done: Number(row.done),
        submitted: Number(row.submitted),
        copied: Number(row.copied),
      }
    },
    refetchInterval: 60_000,
  })
}

export function useInbox(box: Box) {
  const supabase = useSupabase()
  return useQuery({
    queryKey: [...APPROVALS_KEY, 'box', box],
    queryFn: async (): Promise<InboxRow[]> => {
      const { data, error } = await supabase
        .rpc('approval_inbox', { p_box: box })
        .select(
          'box, task_id, instance_id, doc_type, doc_id, title, amount:amount::text, requester_id, step_name, task_status, approval_status, on_behalf_of, assigned_at, acted_at',
        )
      if (error) throw error
      return withOrderTitles(supabase, (data ?? []) as unknown as InboxRow[])
    },
  })
}

const ORDER_TABLES: Record<string, string> = {
  sales_order: 'sales_orders',
  purchase_order: 'purchase_orders',
}

/**
 * Orders are submitted without a title (the approval facts of orders carry none), so the inbox names
 * them itself: "<number> <customer or supplier>", read under RLS (approvers read the orders waiting for
 * them); a row it may not read keeps its document type as title.
 */
async function withOrderTitles(
  supabase: ReturnType<typeof useSupabase>,
  rows: InboxRow[],
): Promise<InboxRow[]> {
  const missing = rows.filter((r) => !r.title && ORDER_TABLES[r.doc_type])
  if (missing.length === 0) return rows
  const names = new Map<string, string>()
  await Promise.all(
    Object.entries(ORDER_TABLES).map(async ([docType, table]) => {
      const ids = [...new Set(missing.filter((r) => r.doc_type === docType).map((r) => r.doc_id))]
      if (ids.length === 0) return
      const { data } = await supabase.from(table).select('id, number, party:parties(name)').in('id', ids)
      for (const o of (data ?? []) as unknown as Array<{
        id: string
        number: string
        party: { name: string } | null
      }>)
        names.set(o.id, [o.number, o.party?.name].filter(Boolean).join(' '))
    }),
  )
  return rows.map((r) =>
    !r.title && names.has(r.doc_id) ? { ...r, title: names.get(r.doc_id) as string } : r,
  )
}
