// The fields one audit entry changed, before and after (shown when a row of the log is expanded).
import { useTranslate } from '@refinedev/core'
import { Table, Typography } from 'antd'
import { fieldChanges, showValue } from './changes.ts'
import type { AuditEntry, FieldChange } from './types.ts'

export function AuditChanges({ entry }: { entry: AuditEntry }) {
  const translate = useTranslate()
  const changes = fieldChanges(entry)
  if (changes.length === 0)
    return <Typography.Text type="secondary">{translate('audit_log.changes.none')}</Typography.Text>
  const value = (v: FieldChange['before']) => (
    <Typography.Text style={{ wordBreak: 'break-all' }}>{showValue(v)}</Typography.Text>
  )
  return (
    <Table<FieldChange>
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={changes}
      columns={[
        {
          key: 'field',
          title: translate('audit_log.changes.field'),
          width: 220,
          render: (_, c) => <Typography.Text code>{c.field}</Typography.Text>,
        },
        { key: 'before', title: translate('audit_log.changes.before'), render: (_, c) => value(c.before) },
        { key: 'after', title: translate('audit_log.changes.after'), render: (_, c) => value(c.after) },
      ]}
    />
  )
}
