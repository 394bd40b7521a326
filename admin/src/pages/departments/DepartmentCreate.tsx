// New department in the current company (departments:create).
import { Create, useForm } from '@refinedev/antd'
import type { HttpError } from '@refinedev/core'
import { Form } from 'antd'
import { useMyTenants } from '../../tenancy/useMyTenants.ts'
import { DepartmentFields } from './DepartmentFields.tsx'
import { type Department, type DepartmentValues, departmentRow } from './types.ts'

export function DepartmentCreate() {
  const { active } = useMyTenants()
  const { formProps, saveButtonProps } = useForm<Department, HttpError, DepartmentValues>({
    resource: 'departments',
    redirect: 'list',
  })

  // The row names its company; RLS accepts only the current one.
  const onFinish = (values: DepartmentValues) =>
    formProps.onFinish?.({ ...departmentRow(values), tenant_id: active?.tenant_id } as DepartmentValues)

  return (
    <Create saveButtonProps={saveButtonProps}>
      <Form {...formProps} onFinish={onFinish} layout="vertical" style={{ maxWidth: 480 }}>
        <DepartmentFields />
      </Form>
    </Create>
  )
}
