// "创建公司": where a person without a company lands after signing up or in, and where "new company"
// in the header leads. One call to create_company() makes the company, its roles and books, and makes it
// the active one; a refusal is shown on the field the database names.
import { useGetIdentity, useLogout, useNotification, useTranslate } from '@refinedev/core'
import { useQueryClient } from '@tanstack/react-query'
import { Alert, Button, Flex, Form } from 'antd'
import { useState } from 'react'
import { useNavigate } from 'react-router'
import { readableDbError } from '../../lib/db-error.ts'
import type { Identity } from '../../providers/authProvider.ts'
import { useSupabase } from '../../providers/supabaseContext.tsx'
import { reloadForTenant } from '../../tenancy/cache.ts'
import { useMyTenants } from '../../tenancy/useMyTenants.ts'
import { AuthLayout } from '../auth/AuthLayout.tsx'
import { useRevalidateOnLocaleChange } from '../auth/fields.tsx'
import { CompanyFields } from '../company/CompanyFields.tsx'
import { COMPANY_DEFAULTS, type CompanyValues } from '../company/types.ts'
import { createCompanyArgs } from './createCompanyArgs.ts'

const FORM_FIELDS = new Set([
  'name',
  'credit_code',
  'taxpayer_type',
  'accounting_standard',
  'fiscal_year_start_month',
  'industry',
])

export function CreateCompanyPage() {
  const translate = useTranslate()
  const supabase = useSupabase()
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const { open } = useNotification()
  const { mutate: logout } = useLogout()
  const { data: identity } = useGetIdentity<Identity | null>()
  const { tenants } = useMyTenants()
  const [form] = Form.useForm<CompanyValues>()
  useRevalidateOnLocaleChange(form)
  const [error, setError] = useState<string>()
  const [saving, setSaving] = useState(false)

  const onFinish = async (values: CompanyValues) => {
    setError(undefined)
    setSaving(true)
    const { error: dbError } = await supabase.rpc('create_company', createCompanyArgs(values))
    if (dbError) {
      const { message, field } = readableDbError(dbError, (key, params) => translate(key, params))
      if (field && FORM_FIELDS.has(field))
        form.setFields([{ name: field as keyof CompanyValues, errors: [message] }])
      else setError(message)
      setSaving(false)
      return
    }
    await reloadForTenant(queryClient)
    open?.({ type: 'success', message: translate('onboarding.created', { name: values.name.trim() }) })
    navigate('/', { replace: true })
  }

  return (
    <AuthLayout
      title={translate('onboarding.title')}
      intro={translate('onboarding.intro')}
      maxWidth={560}
      userId={identity?.id}
    >
      <Form<CompanyValues>
        form={form}
        layout="vertical"
        initialValues={COMPANY_DEFAULTS}
        onFinish={onFinish}
        data-testid="create-company-form"
      >
        <CompanyFields />
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" block loading={saving}>
          {translate('onboarding.submit')}
        </Button>
      </Form>
      <Flex justify="center" gap={8} style={{ marginTop: 16 }}>
        {tenants.length > 0 ? (
          <Button type="link" onClick={() => navigate('/')}>
            {translate('onboarding.back')}
          </Button>
        ) : (
          <Button type="link" onClick={() => logout()}>
            {translate('onboarding.signOut')}
          </Button>
        )}
      </Flex>
    </AuthLayout>
  )
}
