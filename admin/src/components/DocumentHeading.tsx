// The title bar of a document screen (orders, payment requests): what it is, its number once saved, and a
// status tag in the colour the screen gives. Test ids are `<testId>-number` and `<testId>-status` (with
// data-status holding the raw status).
import { Space, Tag, Typography } from 'antd'
import type { ReactNode } from 'react'

export function DocumentHeading(props: {
  title: ReactNode
  number?: string
  status?: string
  statusLabel?: string
  statusColor?: string
  testId: string
}) {
  const { title, number, status, statusLabel, statusColor, testId } = props
  return (
    <Space>
      <span>{title}</span>
      {number && (
        <Typography.Text strong data-testid={`${testId}-number`}>
          {number}
        </Typography.Text>
      )}
      {status && (
        <Tag color={statusColor} data-testid={`${testId}-status`} data-status={status}>
          {statusLabel}
        </Tag>
      )}
    </Space>
  )
}
