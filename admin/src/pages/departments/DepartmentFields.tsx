// Name, parent department and manager. The parent list leaves out the department itself; deeper cycles
// are refused by the database, and its message appears on the parent field.
import { useSelect } from '@refinedev/antd'
import { useTranslate } from '@refinedev/core'
import { Form, Input, Select } from 'antd'
import type { Member } from '../members/types.ts'
import { DEPARTMENT_NAME_MAX, type Department } from './types.ts'

type Props = { departmentId?: string; parentId?: string | null; managerId?: string | null }

export function DepartmentFields({ departmentId, parentId, managerId }: Props) {
  const translate = useTranslate()
  const label = (field: string) => translate(`departments.fields.${field}`)
  const { selectProps: parentProps } = useSelect<Department>({
    resource: 'departments',
    optionLabel: 'name',
    optionValue: 'id',
    defaultValue: parentId ?? undefined,
    filters: departmentId ? [{ field: 'id', operator: 'ne', value: departmentId }] : [],
    sorters: [{ field: 'name', order: 'asc' }],
  })
  const { selectProps: managerProps } = useSelect<Member>({
    resource: 'memberships',
    optionLabel: 'display_name',
    optionValue: 'user_id',
    defaultValue: managerId ?? undefined,
    meta: { idColumnName: 'user_id' },
    sorters: [{ field: 'display_name', order: 'asc' }],
  })

  return (
    <>
      <Form.Item
        name="name"
        label={label('name')}
        rules={[
          { required: true, whitespace: true, message: translate('departments.validation.nameRequired') },
          {
            max: DEPARTMENT_NAME_MAX,
            message: translate('departments.validation.nameTooLong', { max: DEPARTMENT_NAME_MAX }),
          },
        ]}
      >
        <Input />
      </Form.Item>
      <Form.Item name="parent_id" label={label('parent_id')}>
        <Select {...parentProps} allowClear placeholder={translate('departments.placeholders.parent_id')} />
      </Form.Item>
      <Form.Item name="manager_id" label={label('manager_id')}>
        <Select {...managerProps} allowClear placeholder={translate('departments.placeholders.manager_id')} />
      </Form.Item>
    </>
  )
}
