// Rename a department, move it in the org chart, change its manager (departments:update).
import { Edit, useForm } from '@refinedev/antd'
import type { HttpError } from '@refinedev/core'
import { Form } from 'antd'
import { DepartmentFields } from './DepartmentFields.tsx'
import { type Department, type DepartmentValues, departmentRow } from './types.ts'

export function DepartmentEdit() {
  const { formProps, saveButtonProps, formLoading, id, query } = useForm<
    Department,
    HttpError,
    DepartmentValues
  >({ resource: 'departments', redirect: 'list' })
  const department = query?.data?.data

  return (
    <Edit saveButtonProps={saveButtonProps} isLoading={formLoading}>
      <Form
        {...formProps}
        onFinish={(values: DepartmentValues) => formProps.onFinish?.(departmentRow(values))}
        layout="vertical"
        style={{ maxWidth: 480 }}
      >
        <DepartmentFields
          departmentId={id === undefined ? undefined : String(id)}
          parentId={department?.parent_id}
          managerId={department?.manager_id}
        />
      </Form>
    </Edit>
  )
}
