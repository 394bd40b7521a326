// The org chart as a list: each department with its parent and manager.
import { DateField, DeleteButton, EditButton, List, useTable } from '@refinedev/antd'
import { useMany, useTranslate } from '@refinedev/core'
import { Space, Table, Typography } from 'antd'
import { DATE_TIME_FORMAT } from '../../lib/dates.ts'
import { DEPARTMENT_SELECT, type Department, type DepartmentRow } from './types.ts'

export function DepartmentList() {
  const translate = useTranslate()
  const { tableProps } = useTable<DepartmentRow>({
    resource: 'departments',
    syncWithLocation: true,
    meta: { select: DEPARTMENT_SELECT },
    sorters: { initial: [{ field: 'created_at', order: 'asc' }] },
  })
  const parentIds = [
    ...new Set((tableProps.dataSource ?? []).flatMap((d) => (d.parent_id ? [d.parent_id] : []))),
  ]
  const { result: parents } = useMany<Department>({
    resource: 'departments',
    ids: parentIds,
    queryOptions: { enabled: parentIds.length > 0 },
  })
  const parentName = (id: string | null) => parents.data.find((p) => p.id === id)?.name
  const label = (field: string) => translate(`departments.fields.${field}`)
  const none = <Typography.Text type="secondary">—</Typography.Text>

  return (
    <List>
      <Table {...tableProps} rowKey="id">
        <Table.Column<DepartmentRow> dataIndex="name" title={label('name')} sorter />
        <Table.Column<DepartmentRow>
          dataIndex="parent_id"
          title={label('parent_id')}
          render={(v: string | null) => (v ? (parentName(v) ?? '…') : none)}
        />
        <Table.Column<DepartmentRow>
          key="manager"
          title={label('manager_id')}
          render={(_, d) => d.manager?.display_name ?? none}
        />
        <Table.Column<DepartmentRow>
          dataIndex="created_at"
          title={label('created_at')}
          sorter
          render={(v: string) => <DateField value={v} format={DATE_TIME_FORMAT} />}
        />
        <Table.Column<DepartmentRow>
          title={translate('table.actions')}
          render={(_, record) => (
            <Space>
              <EditButton hideText size="small" recordItemId={record.id} />
              <DeleteButton hideText size="small" recordItemId={record.id} />
            </Space>
          )}
        />
      </Table>
    </List>
  )
}
