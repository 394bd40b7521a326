// Edit the company's details (tenant:update). Only what may change once the books exist is sent (the
// database grants no more: name, credit code, industry); the header's company name follows the saved one.
import { Edit, useForm } from '@refinedev/antd'
import { type HttpError, useTranslate } from '@refinedev/core'
import { useQueryClient } from '@tanstack/react-query'
import { Form } from 'antd'
import { MY_TENANTS_KEY } from '../../tenancy/queries.ts'
import { CompanyFields } from './CompanyFields.tsx'
import type { CompanyValues, Tenant } from './types.ts'

export function CompanyEdit() {
  const translate = useTranslate()
  const queryClient = useQueryClient()
  const { formProps, saveButtonProps, formLoading } = useForm<Tenant, HttpError, Partial<CompanyValues>>({
    resource: 'tenants',
    redirect: 'list',
    onMutationSuccess: () => queryClient.invalidateQueries({ queryKey: MY_TENANTS_KEY }),
  })

  const onFinish = (values: Partial<CompanyValues>) =>
    formProps.onFinish?.({
      name: values.name?.trim(),
      credit_code: values.credit_code,
      industry: values.industry?.trim() || null,
    })

  return (
    <Edit
      saveButtonProps={saveButtonProps}
      isLoading={formLoading}
      title={translate('tenants.titles.edit')}
      headerButtons={() => null}
    >
      <Form {...formProps} onFinish={onFinish} layout="vertical" style={{ maxWidth: 560 }}>
        <CompanyFields booksExist />
      </Form>
    </Edit>
  )
}
