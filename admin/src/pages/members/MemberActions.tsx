// A member's row actions: change roles and department in one save (update_member: both or neither),
// hand ownership over to them (transfer_ownership; the owner stays as administrator) and remove the
// person from the company (remove_member). The database checks the rights, that nobody grants roles
// beyond their own and that the last owner stays; its refusals are shown in plain words.
import { useInvalidate, useTranslate } from '@refinedev/core'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Button, Form, Modal, Popconfirm, Select, Space } from 'antd'
import { useState } from 'react'
import { useDbAction } from '../../lib/useDbError.ts'
import { useSupabase } from '../../providers/supabaseContext.tsx'
import { reloadForTenant } from '../../tenancy/cache.ts'
import { RolesItem } from './roles.tsx'
import type { Member } from './types.ts'

function useDepartments() {
  const supabase = useSupabase()
  return useQuery({
    queryKey: ['troika', 'departments', 'names'],
    queryFn: async () => {
      const { data, error } = await supabase.from('departments').select('id, name').order('name')
      if (error) throw error
      return data ?? []
    },
  })
}

function EditMember({ member, onClose }: { member: Member; onClose: () => void }) {
  const translate = useTranslate()
  const supabase = useSupabase()
  const invalidate = useInvalidate()
  const run = useDbAction()
  const departments = useDepartments()
  const [form] = Form.useForm<{ role_keys: string[]; department_id?: string }>()
  const [busy, setBusy] = useState(false)

  const save = async () => {
    const values = await form.validateFields().catch(() => null)
    if (!values) return
    setBusy(true)
    const done = await run(
      supabase.rpc('update_member', {
        p_user: member.user_id,
        p_role_keys: values.role_keys,
        // null: no department (the generated types know only uuid arguments)
        p_department: (values.department_id ?? null) as string,
      }),
    )
    setBusy(false)
    if (!done) return
    await invalidate({ resource: 'memberships', invalidates: ['list'] })
    onClose()
  }

  return (
    <Modal
      open
      title={`${translate('members.edit')} · ${member.display_name || member.email}`}
      okText={translate('buttons.save')}
      cancelText={translate('buttons.cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'member-save' } as never}
      onOk={save}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        data-testid="member-form"
        initialValues={{
          role_keys: member.membership_roles.flatMap((mr) => (mr.roles ? [mr.roles.key] : [])),
          department_id: member.department_id ?? undefined,
        }}
      >
        <RolesItem testId="member-roles" />
        <Form.Item name="department_id" label={translate('memberships.fields.department')}>
          <Select
            allowClear
            data-testid="member-department"
            options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  )
}

export function MemberActions({
  member,
  canUpdate,
  canRemove,
  canTransfer,
}: {
  member: Member
  canUpdate: boolean
  canRemove: boolean
  /** The signed-in person is an owner and this member is not (transfer_ownership checks it too). */
  canTransfer: boolean
}) {
  const translate = useTranslate()
  const supabase = useSupabase()
  const invalidate = useInvalidate()
  const queryClient = useQueryClient()
  const run = useDbAction()
  const [editing, setEditing] = useState(false)
  const name = member.display_name || member.email

  const transfer = async () => {
    const call = supabase.rpc('transfer_ownership', { p_user: member.user_id })
    if (!(await run(call, 'members.transferred'))) return
    // my own roles and rights changed too (owner → administrator)
    await reloadForTenant(queryClient)
  }

  const remove = async () => {
    if (!(await run(supabase.rpc('remove_member', { p_user: member.user_id }), 'members.removed'))) return
    await invalidate({ resource: 'memberships', invalidates: ['list'] })
  }

  return (
    <Space size="small">
      {canUpdate && (
        <Button size="small" onClick={() => setEditing(true)} data-testid={`member-edit-${member.email}`}>
          {translate('members.edit')}
        </Button>
      )}
      {canTransfer && (
        <Popconfirm
          title={translate('members.transferConfirm', { name })}
          onConfirm={transfer}
          okText={translate('members.transfer')}
          cancelText={translate('buttons.cancel')}
        >
          <Button size="small" data-testid={`member-transfer-${member.email}`}>
            {translate('members.transfer')}
          </Button>
        </Popconfirm>
      )}
      {canRemove && (
        <Popconfirm
          title={translate('members.removeConfirm')}
          onConfirm={remove}
          okText={translate('members.remove')}
          cancelText={translate('buttons.cancel')}
        >
          <Button size="small" danger data-testid={`member-remove-${member.email}`}>
            {translate('members.remove')}
          </Button>
        </Popconfirm>
      )}
      {editing && <EditMember member={member} onClose={() => setEditing(false)} />}
    </Space>
  )
}
