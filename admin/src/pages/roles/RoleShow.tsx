// One role: its name and kind, and its permission matrix.
import { Show } from '@refinedev/antd'
import { useShow, useTranslate } from '@refinedev/core'
import { Descriptions, Tag, Typography } from 'antd'
import { PermissionMatrix } from './PermissionMatrix.tsx'
import type { Role } from './types.ts'

export function RoleShow() {
  const translate = useTranslate()
  const { result: role, query } = useShow<Role>()
  const label = (field: keyof Role) => translate(`roles.fields.${field}`)

  return (
    <Show isLoading={query.isLoading}>
      {role && (
        <>
          <Descriptions
            column={3}
            size="small"
            style={{ marginBottom: 24 }}
            items={[
              { key: 'name', label: label('name'), children: role.name },
              {
                key: 'key',
                label: label('key'),
                children: <Typography.Text code>{role.key}</Typography.Text>,
              },
              {
                key: 'builtin',
                label: label('builtin'),
                children: role.builtin ? (
                  <Tag>{translate('roles.builtin')}</Tag>
                ) : (
                  <Tag color="purple">{translate('roles.custom')}</Tag>
                ),
              },
            ]}
          />
          <Typography.Title level={5}>{translate('roles.matrix.title')}</Typography.Title>
          <PermissionMatrix roleId={role.id} />
        </>
      )}
    </Show>
  )
}
