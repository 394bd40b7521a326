// Sign in with email + password; a failure is shown under the form.
import { useLogin, useNotification, useTranslate } from '@refinedev/core'
import { Alert, Button, Form } from 'antd'
import { useState } from 'react'
import type { Credentials } from '../../providers/authProvider.ts'
import { AuthLayout } from './AuthLayout.tsx'
import { EmailItem, PasswordItem, useRevalidateOnLocaleChange } from './fields.tsx'
import { OtherAuthPage } from './OtherAuthPage.tsx'

export function LoginPage() {
  const translate = useTranslate()
  const { mutate: login, isPending } = useLogin<Credentials>()
  const [error, setError] = useState<string>()
  const { close } = useNotification()
  const fail = (message: string) => {
    close?.('login-error') // shown in the form instead of Refine's toast
    setError(message)
  }
  const [form] = Form.useForm<Credentials>()
  useRevalidateOnLocaleChange(form)

  const onFinish = (values: Credentials) => {
    setError(undefined)
    login(values, {
      onSuccess: (r) => {
        if (!r.success) fail(r.error?.message ?? translate('auth.errors.loginFailed'))
      },
      onError: (e) => fail(e.message),
    })
  }

  return (
    <AuthLayout title={translate('pages.login.title')}>
      <Form<Credentials> form={form} layout="vertical" requiredMark={false} onFinish={onFinish}>
        <EmailItem />
        <PasswordItem autoComplete="current-password" />
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" block loading={isPending}>
          {translate('pages.login.signin')}
        </Button>
      </Form>
      <OtherAuthPage
        to="/register"
        prompt={translate('pages.login.buttons.noAccount')}
        action={translate('pages.login.signup')}
      />
    </AuthLayout>
  )
}
