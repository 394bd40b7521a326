// Inviting colleagues (邀请同事): an e-mail address and roles go to invite_member, which answers with the
// one-time link (there is no mail server locally: the person who invites passes the link on; the stack's
// outbox prints it too). Open invitations are listed for those who may read them, and can be revoked.
// The database checks the rights, the address and that nobody grants roles beyond their own.
import { useTranslate } from '@refinedev/core'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, Button, Form, Input, Modal, Popconfirm, Table, Typography } from 'antd'
import { useState } from 'react'
import { formatDateTime } from '../../lib/dates.ts'
import { useDbAction } from '../../lib/useDbError.ts'
import { useSupabase } from '../../providers/supabaseContext.tsx'
import { useMyPermissions } from '../../tenancy/useMyPermissions.ts'
import { RolesItem, useRoles } from './roles.tsx'

const INVITATIONS_KEY = ['troika', 'invitations'] as const

type Invitation = { id: string; email: string; role_keys: string[]; created_at: string; expires_at: string }

function useOpenInvitations(enabled: boolean) {
  const supabase = useSupabase()
  return useQuery({
    queryKey: INVITATIONS_KEY,
    enabled,
    queryFn: async (): Promise<Invitation[]> => {
      const { data, error } = await supabase
        .from('invitations')
        .select('id, email, role_keys, created_at, expires_at')
        .is('accepted_at', null)
        .is('revoked_at', null)
        .gt('expires_at', new Date().toISOString())
        .order('created_at', { ascending: false })
      if (error) throw error
      return data ?? []
    },
  })
}

function InviteModal({ onClose }: { onClose: () => void }) {
  const translate = useTranslate()
  const supabase = useSupabase()
  const queryClient = useQueryClient()
  const run = useDbAction()
  const [form] = Form.useForm<{ email: string; role_keys: string[] }>()
  const [busy, setBusy] = useState(false)
  const [link, setLink] = useState<string | null>(null)

  const invite = async () => {
    const values = await form.validateFields().catch(() => null)
    if (!values) return
    setBusy(true)
    const done = await run(
      supabase.rpc('invite_member', { p_email: values.email, p_role_keys: values.role_keys }).single(),
    )
    setBusy(false)
    if (!done) return
    setLink((done.data as { link: string }).link)
    void queryClient.invalidateQueries({ queryKey: INVITATIONS_KEY })
  }

  return (
    <Modal
      open
      title={translate('invitations.invite')}
      onCancel={onClose}
      destroyOnHidden
      footer={
        link ? (
          <Button onClick={onClose}>{translate('invitations.close')}</Button>
        ) : (
          <Button type="primary" loading={busy} onClick={invite} data-testid="invite-ok">
            {translate('invitations.send')}
          </Button>
        )
      }
    >
      {link ? (
        <>
          <Alert
            type="success"
            showIcon
            message={translate('invitations.created')}
            style={{ marginBottom: 12 }}
          />
          <Typography.Paragraph copyable={{ text: link }} data-testid="invite-link">
            {link}
          </Typography.Paragraph>
        </>
      ) : (
        <Form
          form={form}
          layout="vertical"
          data-testid="invite-form"
          initialValues={{ role_keys: ['employee'] }}
        >
          <Form.Item
            name="email"
            label={translate('memberships.fields.email')}
            rules={[{ required: true, type: 'email', message: translate('invitations.badEmail') }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <RolesItem testId="invite-roles" />
        </Form>
      )}
    </Modal>
  )
}

export function Invitations() {
  const translate = useTranslate()
  const supabase = useSupabase()
  const queryClient = useQueryClient()
  const run = useDbAction()
  const { can } = useMyPermissions()
  const [inviting, setInviting] = useState(false)
  const canInvite = can('members', 'create')
  const invitations = useOpenInvitations(can('invitations', 'read'))
  const roles = useRoles()
  const roleName = (key: string) => roles.data?.find((r) => r.key === key)?.name ?? key

  const revoke = async (id: string) => {
    if (!(await run(supabase.rpc('revoke_invitation', { p_invitation: id }), 'invitations.revoked'))) return
    void queryClient.invalidateQueries({ queryKey: INVITATIONS_KEY })
  }

  return (
    <>
      {canInvite && (
        <Button type="primary" onClick={() => setInviting(true)} data-testid="invite-open">
          {translate('invitations.invite')}
        </Button>
      )}
      {(invitations.data?.length ?? 0) > 0 && (
        <Table<Invitation>
          style={{ marginTop: 16 }}
          size="small"
          rowKey="id"
          pagination={false}
          title={() => translate('invitations.open')}
          dataSource={invitations.data}
          data-testid="invitations"
          columns={[
            { title: translate('memberships.fields.email'), dataIndex: 'email' },
            {
              title: translate('memberships.fields.roles'),
              dataIndex: 'role_keys',
              render: (keys: string[]) => keys.map(roleName).join('、'),
            },
            {
              title: translate('invitations.expires'),
              dataIndex: 'expires_at',
              render: (v: string) => formatDateTime(v),
            },
            ...(canInvite
              ? [
                  {
                    key: 'revoke',
                    render: (_: unknown, inv: Invitation) => (
                      <Popconfirm
                        title={translate('invitations.revokeConfirm')}
                        onConfirm={() => revoke(inv.id)}
                        okText={translate('invitations.revoke')}
                        cancelText={translate('buttons.cancel')}
                      >
                        <Button size="small" danger data-testid={`revoke-${inv.email}`}>
                          {translate('invitations.revoke')}
                        </Button>
                      </Popconfirm>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {inviting && <InviteModal onClose={() => setInviting(false)} />}
    </>
  )
}
