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
      return (data ?? []) as unknown as InboxRow[]
    },
  })
}
