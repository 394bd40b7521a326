// One role's rights as a table: a row per resource, a column per action (read, create, update…).
import { CheckCircleFilled, MinusOutlined } from '@ant-design/icons'
import { useList, useTranslate, useTranslation } from '@refinedev/core'
import { Table, theme } from 'antd'
import { buildMatrix, type MatrixCell, type MatrixRow } from './matrix.ts'
import type { Permission, RolePermission } from './types.ts'

export function PermissionMatrix({ roleId }: { roleId: string }) {
  const translate = useTranslate()
  const { token } = theme.useToken()
  const { result: catalog, query: catalogQuery } = useList<Permission>({
    resource: 'permissions',
    pagination: { mode: 'off' },
    sorters: [{ field: 'resource', order: 'asc' }],
  })
  const { result: grants, query: grantsQuery } = useList<RolePermission>({
    resource: 'role_permissions',
    pagination: { mode: 'off' },
    filters: [{ field: 'role_id', operator: 'eq', value: roleId }],
  })
  const locale = useTranslation().getLocale() ?? 'zh-CN'
  const resourceLabel = (resource: string) => translate(`permissionResources.${resource}`, resource)
  const { actions, rows } = buildMatrix(catalog.data, grants.data)
  rows.sort((a, b) => resourceLabel(a.resource).localeCompare(resourceLabel(b.resource), locale))

  const cell = (value: MatrixCell) => {
    if (value === 'granted')
      return (
        <CheckCircleFilled
          aria-label={translate('roles.matrix.granted')}
          style={{ color: token.colorSuccess }}
        />
      )
    if (value === 'denied')
      return (
        <MinusOutlined
          aria-label={translate('roles.matrix.denied')}
          style={{ color: token.colorTextQuaternary }}
        />
      )
    return null
  }

  return (
    <Table<MatrixRow>
      data-testid="permission-matrix"
      rowKey="resource"
      size="small"
      bordered
      pagination={false}
      loading={catalogQuery.isLoading || grantsQuery.isLoading}
      dataSource={rows}
      columns={[
        {
          key: 'resource',
          title: translate('roles.matrix.resource'),
          render: (_, row) => resourceLabel(row.resource),
        },
        ...actions.map((action) => ({
          key: action,
          title: translate(`permissionActions.${action}`, action),
          align: 'center' as const,
          width: 80,
          render: (_: unknown, row: MatrixRow) => cell(row.cells[action]),
        })),
      ]}
    />
  )
}
