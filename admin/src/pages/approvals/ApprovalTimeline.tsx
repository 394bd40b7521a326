// The timeline of one approval request (审批记录): who submitted, approved, rejected, returned, transferred,
// added a signer, commented or withdrew, when, with their comments; and a box to comment. The rows are
// approval_actions, which the database shows to the requester and the participants only (RLS).
import { useTranslate } from '@refinedev/core'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Button, Empty, Input, Space, Spin, Timeline, Typography } from 'antd'
import { useState } from 'react'
import { formatDateTime } from '../../lib/dates.ts'
import { useDbAction } from '../../lib/useDbError.ts'
import { useSupabase } from '../../providers/supabaseContext.tsx'
import { APPROVALS_KEY } from './useApprovals.ts'

type ActionRow = {
  id: number
  action: string
  actor_id: string | null
  on_behalf_of: string | null
  target_user_id: string | null
  step_position: number | null
  comment: string | null
  at: string
}

const COLORS: Record<string, string> = {
  submitted: 'blue',
  auto_approved: 'green',
  approved: 'green',
  rejected: 'red',
  returned: 'orange',
  withdrawn: 'gray',
}

/** Colleagues' names by user id (members read the company's memberships). */
export function useMemberNames() {
  const supabase = useSupabase()
  return useQuery({
    // not under APPROVALS_KEY: every approval change invalidates that, and names do not change with it
    queryKey: ['troika', 'members', 'names'],
    queryFn: async () => {
      const { data, error } = await supabase.from('memberships').select('user_id, display_name, email')
      if (error) throw error
      return new Map((data ?? []).map((m) => [m.user_id, m.display_name || m.email || m.user_id] as const))
    },
    staleTime: 60_000,
  })
}

function useTimeline(instanceId: string) {
  const supabase = useSupabase()
  return useQuery({
    queryKey: [...APPROVALS_KEY, 'timeline', instanceId],
    queryFn: async (): Promise<ActionRow[]> => {
      const { data, error } = await supabase
        .from('approval_actions')
        .select('id, action, actor_id, on_behalf_of, target_user_id, step_position, comment, at')
        .eq('instance_id', instanceId)
        .order('at')
        .order('id')
      if (error) throw error
      return data ?? []
    },
  })
}

export function ApprovalTimeline({ instanceId }: { instanceId: string }) {
  const translate = useTranslate()
  const supabase = useSupabase()
  const queryClient = useQueryClient()
  const run = useDbAction()
  const timeline = useTimeline(instanceId)
  const names = useMemberNames()
  const [comment, setComment] = useState('')
  const [busy, setBusy] = useState(false)
  const nameOf = (id: string | null) => (id ? (names.data?.get(id) ?? id.slice(0, 8)) : '')

  const send = async () => {
    setBusy(true)
    const done = await run(
      supabase.rpc('comment_approval', { p_instance_id: instanceId, p_comment: comment }),
      'approvals.timeline.commented',
    )
    setBusy(false)
    if (!done) return
    setComment('')
    void queryClient.invalidateQueries({ queryKey: [...APPROVALS_KEY, 'timeline', instanceId] })
  }

  if (timeline.isLoading) return <Spin size="small" />
  if (timeline.isError) return <Typography.Text type="danger">{timeline.error.message}</Typography.Text>
  const rows = timeline.data ?? []
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid={`timeline-${instanceId}`}>
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Timeline
          items={rows.map((r) => ({
            color: COLORS[r.action] ?? 'gray',
            children: (
              <div data-testid="timeline-entry" data-action={r.action}>
                <Space wrap size={4}>
                  <Typography.Text strong>
                    {nameOf(r.actor_id) || translate('approvals.timeline.system')}
                  </Typography.Text>
                  {r.on_behalf_of && (
                    <Typography.Text type="secondary">
                      {translate('approvals.timeline.onBehalfOf', { name: nameOf(r.on_behalf_of) })}
                    </Typography.Text>
                  )}
                  <span>{translate(`approvals.timeline.actions.${r.action}`, r.action)}</span>
                  {r.target_user_id && <Typography.Text strong>{nameOf(r.target_user_id)}</Typography.Text>}
                  {r.step_position != null && (
                    <Typography.Text type="secondary">
                      {translate('approvals.timeline.step', { step: r.step_position })}
                    </Typography.Text>
                  )}
                  <Typography.Text type="secondary">{formatDateTime(r.at)}</Typography.Text>
                </Space>
                {r.comment && <div data-testid="timeline-comment">“{r.comment}”</div>}
              </div>
            ),
          }))}
        />
      )}
      <Space.Compact style={{ width: '100%', maxWidth: 560 }}>
        <Input
          value={comment}
          maxLength={2000}
          placeholder={translate('approvals.timeline.commentPlaceholder')}
          onChange={(e) => setComment(e.target.value)}
          data-testid={`comment-input-${instanceId}`}
        />
        <Button
          onClick={send}
          loading={busy}
          disabled={comment.trim() === ''}
          data-testid={`comment-send-${instanceId}`}
        >
          {translate('approvals.timeline.comment')}
        </Button>
      </Space.Compact>
    </Space>
  )
}
