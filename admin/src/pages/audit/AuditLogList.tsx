// The audit log of the current company, newest first, read-only; a row expands to its field changes.
import { DateField, List, useTable } from '@refinedev/antd'
import { useMany, useTranslate } from '@refinedev/core'
import { Table, Tag, Typography } from 'antd'
import type { Member } from '../members/types.ts'
import { AuditChanges } from './AuditChanges.tsx'
import type { AuditEntry } from './types.ts'

const ACTION_COLORS: Record<string, string> = { insert: 'green', update: 'blue', delete: 'red' }

export function AuditLogList() {
  const translate = useTranslate()
  const { tableProps } = useTable<AuditEntry>({
    resource: 'audit_log',
    syncWithLocation: true,
    sorters: { initial: [{ field: 'at', order: 'desc' }] },
  })
  const actorIds = [
    ...new Set((tableProps.dataSource ?? []).flatMap((e) => (e.actor_id ? [e.actor_id] : []))),
  ]
  const { result: actors } = useMany<Member>({
    resource: 'memberships',
    ids: actorIds,
    meta: { idColumnName: 'user_id' },
    queryOptions: { enabled: actorIds.length > 0 },
  })
  const actorName = (id: string | null) =>
    id
      ? (actors.data.find((m) => m.user_id === id)?.display_name ?? id.slice(0, 8))
      : translate('audit_log.system')
  const label = (field: keyof AuditEntry) => translate(`audit_log.fields.${field}`)

  return (
    <List>
      <Table
        {...tableProps}
        rowKey="id"
        expandable={{ expandedRowRender: (entry: AuditEntry) => <AuditChanges entry={entry} /> }}
      >
        <Table.Column<AuditEntry>
          dataIndex="at"
          title={label('at')}
          sorter
          render={(v: string) => <DateField value={v} format="YYYY-MM-DD HH:mm:ss" />}
        />
        <Table.Column<AuditEntry>
          dataIndex="table_name"
          title={label('table_name')}
          sorter
          render={(v: string) => translate(`audit_log.tables.${v}`, v)}
        />
        <Table.Column<AuditEntry>
          dataIndex="action"
          title={label('action')}
          render={(v: string) => <Tag color={ACTION_COLORS[v]}>{translate(`audit_log.actions.${v}`, v)}</Tag>}
        />
        <Table.Column<AuditEntry>
          dataIndex="row_id"
          title={label('row_id')}
          render={(v: string) => (
            <Typography.Text code copyable={{ text: v }}>
              {v.length > 13 ? `${v.slice(0, 8)}…` : v}
            </Typography.Text>
          )}
        />
        <Table.Column<AuditEntry> dataIndex="actor_id" title={label('actor_id')} render={actorName} />
      </Table>
    </List>
  )
}
