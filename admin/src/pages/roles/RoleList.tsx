// The company's roles: built-in ones and its own; each opens its permission matrix.
import { List, ShowButton, useTable } from '@refinedev/antd'
import { useTranslate } from '@refinedev/core'
import { Table, Tag, Typography } from 'antd'
import type { Role } from './types.ts'

export function RoleList() {
  const translate = useTranslate()
  const { tableProps } = useTable<Role>({
    resource: 'roles',
    syncWithLocation: true,
    sorters: { initial: [{ field: 'created_at', order: 'asc' }] },
  })
  const label = (field: keyof Role) => translate(`roles.fields.${field}`)

  return (
    <List>
      <Table {...tableProps} rowKey="id">
        <Table.Column<Role> dataIndex="name" title={label('name')} sorter />
        <Table.Column<Role>
          dataIndex="key"
          title={label('key')}
          render={(v: string) => <Typography.Text code>{v}</Typography.Text>}
        />
        <Table.Column<Role>
          dataIndex="builtin"
          title={label('builtin')}
          render={(v: boolean) =>
            v ? (
              <Tag>{translate('roles.builtin')}</Tag>
            ) : (
              <Tag color="purple">{translate('roles.custom')}</Tag>
            )
          }
        />
        <Table.Column<Role>
          title={translate('table.actions')}
          render={(_, record) => <ShowButton hideText size="small" recordItemId={record.id} />}
        />
      </Table>
    </List>
  )
}
