// The approvals menu icon with a live badge: how many tasks wait for the person (realtime keeps it current).
import { AuditOutlined } from '@ant-design/icons'
import { Badge } from 'antd'
import { useApprovalCounts, useApprovalsLive } from './useApprovals.ts'

export function ApprovalsMenuIcon() {
  useApprovalsLive()
  const { data } = useApprovalCounts()
  // The wrapper keeps the menu's gap between icon and label (antd spaces only its own icon element).
  return (
    <span style={{ display: 'inline-flex', marginInlineEnd: 10 }}>
      <Badge count={data?.pending ?? 0} size="small" offset={[2, -2]} data-testid="approvals-badge">
        <AuditOutlined />
      </Badge>
    </span>
  )
}
