// The people of the current company with their roles and department, their row actions (MemberActions.tsx:
// roles and department, ownership, removal) and the invitations (Invitations.tsx).
import { DateField, List, useTable } from '@refinedev/antd'
import { useTranslate } from '@refinedev/core'
import { Space, Table, Tag, Typography } from 'antd'
import { DATE_TIME_FORMAT } from '../../lib/dates.ts'
import { useMyPermissions } from '../../tenancy/useMyPermissions.ts'
import { useMyTenants } from '../../tenancy/useMyTenants.ts'
import { Invitations } from './Invitations.tsx'
import { MemberActions } from './MemberActions.tsx'
import { MEMBER_SELECT, type Member } from './types.ts'

export function MemberList() {
  const translate = useTranslate()
  const { tableProps } = useTable<Member>({
    resource: 'memberships',
    syncWithLocation: true,
    meta: { select: MEMBER_SELECT },
    sorters: { initial: [{ field: 'joined_at', order: 'asc' }] },
  })
  const { can } = useMyPermissions()
  const canUpdate = can('members', 'update')
  const canRemove = can('members', 'delete')
  // an owner hands over to a member who is not one (their own row is an owner's, so never to themselves)
  const iAmOwner = useMyTenants().active?.role_keys.includes('owner') ?? false
  const canTransfer = (m: Member) => iAmOwner && !m.membership_roles.some((mr) => mr.roles?.key === 'owner')
  const label = (field: string) => translate(`memberships.fields.${field}`)
  const none = <Typography.Text type="secondary">—</Typography.Text>

  return (
    <List>
      <div style={{ marginBottom: 16 }}>
        <Invitations />
      </div>
      <Table {...tableProps} rowKey="user_id">
        <Table.Column<Member> dataIndex="display_name" title={label('display_name')} sorter />
        <Table.Column<Member> dataIndex="email" title={label('email')} sorter />
        <Table.Column<Member>
          key="roles"
          title={label('roles')}
          render={(_, m) => (
            <Space size={[0, 4]} wrap>
              {m.membership_roles.map((mr) =>
                mr.roles ? (
                  <Tag key={mr.roles.key} color={mr.roles.key === 'owner' ? 'gold' : 'blue'}>
                    {mr.roles.name}
                  </Tag>
                ) : null,
              )}
            </Space>
          )}
        />
        <Table.Column<Member>
          key="department"
          title={label('department')}
          render={(_, m) => m.department?.name ?? none}
        />
        <Table.Column<Member>
          dataIndex="joined_at"
          title={label('joined_at')}
          sorter
          render={(v: string) => <DateField value={v} format={DATE_TIME_FORMAT} />}
        />
        {(canUpdate || canRemove) && (
          <Table.Column<Member>
            key="actions"
            title={translate('table.actions')}
            render={(_, m) => (
              <MemberActions
                member={m}
                canUpdate={canUpdate}
                canRemove={canRemove}
                canTransfer={canTransfer(m)}
              />
            )}
          />
        )}
      </Table>
    </List>
  )
}
