// The company's roles as the member screens offer them: by key and name, and the form field that picks
// at least one (the invitation and the member dialog). Which roles a person may grant is the database's
// decision (assert_can_grant); the field lists them all.
import { useTranslate } from '@refinedev/core'
import { useQuery } from '@tanstack/react-query'
import { Form, Select } from 'antd'
import { useSupabase } from '../../providers/supabaseContext.tsx'

export function useRoles() {
  const supabase = useSupabase()
  return useQuery({
    queryKey: ['troika', 'roles', 'names'],
    queryFn: async () => {
      const { data, error } = await supabase.from('roles').select('key, name').order('key')
      if (error) throw error
      return data ?? []
    },
  })
}

/** `role_keys` of a form: one role at least. */
export function RolesItem({ testId }: { testId: string }) {
  const translate = useTranslate()
  const roles = useRoles()
  return (
    <Form.Item
      name="role_keys"
      label={translate('memberships.fields.roles')}
      rules={[{ required: true, message: translate('invitations.noRole') }]}
    >
      <Select
        mode="multiple"
        data-testid={testId}
        options={(roles.data ?? []).map((r) => ({ value: r.key, label: r.name }))}
      />
    </Form.Item>
  )
}
