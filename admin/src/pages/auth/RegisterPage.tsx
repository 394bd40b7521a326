// Sign up with email + password (typed twice); a failure is shown under the form.
import { useNotification, useRegister, useTranslate } from '@refinedev/core'
import { Alert, Button, Form, Input } from 'antd'
import { useState } from 'react'
import type { Credentials } from '../../providers/authProvider.ts'
import { AuthLayout } from './AuthLayout.tsx'
import { EmailItem, PASSWORD_MIN, PasswordItem, useRevalidateOnLocaleChange } from './fields.tsx'
import { OtherAuthPage } from './OtherAuthPage.tsx'

type RegisterValues = Credentials & { confirmPassword: string }

export function RegisterPage() {
  const translate = useTranslate()
  const { mutate: register, isPending } = useRegister<Credentials>()
  const [error, setError] = useState<string>()
  const { close } = useNotification()
  const fail = (message: string) => {
    close?.('register-error') // shown in the form instead of Refine's toast
    setError(message)
  }
  const [form] = Form.useForm<RegisterValues>()
  useRevalidateOnLocaleChange(form)

  const onFinish = ({ email, password }: RegisterValues) => {
    setError(undefined)
    register(
      { email, password },
      {
        onSuccess: (r) => {
          if (!r.success) fail(r.error?.message ?? translate('auth.errors.registerFailed'))
        },
        onError: (e) => fail(e.message),
      },
    )
  }

  return (
    <AuthLayout title={translate('pages.register.title')}>
      <Form<RegisterValues> form={form} layout="vertical" requiredMark={false} onFinish={onFinish}>
        <EmailItem />
        <PasswordItem minLength={PASSWORD_MIN} autoComplete="new-password" />
        <Form.Item
          name="confirmPassword"
          label={translate('pages.register.fields.confirmPassword')}
          dependencies={['password']}
          rules={[
            { required: true, message: translate('pages.auth.validation.passwordRequired') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('password')
                  ? Promise.resolve()
                  : Promise.reject(new Error(translate('pages.auth.validation.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" block loading={isPending}>
          {translate('pages.register.buttons.submit')}
        </Button>
      </Form>
      <OtherAuthPage
        to="/login"
        prompt={translate('pages.login.buttons.haveAccount')}
        action={translate('pages.login.signin')}
      />
    </AuthLayout>
  )
}
